"""SIGKILL at random moments loses no acknowledged edit and never corrupts the round file."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from parapp.core.criteria_codec import from_dict
from parapp.core.numbers import parse_score
from parapp.core.rounds import Phase
from parapp.services import rounds, scoring
from parapp.services.context import open_round
from tests.services.crash_child import UNITS, edit

CHILD = Path(__file__).with_name("crash_child.py")

SET = {
    "format": "parapp-criteria",
    "format_version": 1,
    "form_id": "T-CRASH",
    "version": "2026010101",
    "year": 2026,
    "name": "Bộ thử",
    "unit_types": [{"code": "so", "label": "Sở"}],
    "nodes": [
        {"code": "1", "name": "Một", "maximum": "20"},
        {"code": "1.1", "name": "Một một", "maximum": "10"},
        {"code": "1.2", "name": "Một hai", "maximum": "10"},
        {"code": "2", "name": "Hai", "maximum": "10"},
        {"code": "2.1", "name": "Hai một", "maximum": "10"},
    ],
}
RUNS = 12
EDITS_PER_RUN = 400


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals only")
def test_sigkill_during_scoring_keeps_every_acknowledged_edit(tmp_path: Path) -> None:
    path = tmp_path / "crash.parround"
    with rounds.create_round(path, from_dict(SET), "Thử sập nguồn") as ctx:
        rounds.add_units(ctx, [(u, f"Sở {u}", "so") for u in UNITS])
        rounds.add_member(ctx, "m1", "Nguyễn Văn A", "Ủy viên")
        rounds.advance_phase(ctx, Phase.ROUND_1)
    rng = random.Random(20261126)
    expected: dict[tuple[str, str], Decimal] = {}
    start = 0
    killed_mid_run = 0
    for _run in range(RUNS):
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(path), str(start), str(EDITS_PER_RUN)],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        )
        assert child.stdout is not None
        wanted = rng.randint(0, 25)
        acked: list[int] = []
        while len(acked) < wanted:
            line = child.stdout.readline()
            if not line:
                break
            acked.append(int(line.split()[0]))
        time.sleep(rng.uniform(0, 0.03))
        os.kill(child.pid, signal.SIGKILL)
        rest, _ = child.communicate()
        acked.extend(int(line.split()[0]) for line in rest.splitlines())
        assert child.returncode == -signal.SIGKILL
        killed_mid_run += len(acked) < EDITS_PER_RUN
        for index in acked:
            unit, node, value = edit(index)
            expected[(unit, node)] = parse_score(value)
        in_flight = edit(acked[-1] + 1 if acked else start)
        _check(path, expected, in_flight)
        # The in-flight edit may or may not have landed; take what the file says and go on.
        with open_round(path) as ctx:
            for unit in UNITS:
                for code, entry in scoring.load_sheet(ctx, "m1", unit).entries.items():
                    if entry.appraised is not None:
                        expected[(unit, code)] = entry.appraised
        start = (acked[-1] + 2) if acked else start + 1
    assert killed_mid_run == RUNS
    assert expected, "no edit was ever acknowledged"


def _check(
    path: Path, expected: dict[tuple[str, str], Decimal], in_flight: tuple[str, str, str]
) -> None:
    with sqlite3.connect(path) as raw:
        assert raw.execute("pragma integrity_check").fetchone()[0] == "ok"
    with open_round(path) as ctx:
        stored = {
            (unit, code): entry.appraised
            for unit in UNITS
            for code, entry in scoring.load_sheet(ctx, "m1", unit).entries.items()
        }
    for key, value in expected.items():
        if key == in_flight[:2] and stored.get(key) == parse_score(in_flight[2]):
            continue
        assert stored.get(key) == value, key
