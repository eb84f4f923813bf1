"""Negative numbers as option values: penalty items score below zero, written "-0,5" or "-0.5".

argparse takes only "-1" and "-0.5" as values and refuses "-0,5" as an unknown option (exit 2);
parapp's parser takes both spellings on every command.
"""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from parapp.cli import app as cli
from parapp.services.context import open_round
from parapp.store.models import ResolutionRow
from tests.services.merge_world import SET, Keys, make_keys, make_round

PENALTY_SET: dict[str, object] = {
    **SET,
    "form_id": "T-PENALTY",
    "nodes": [
        *SET["nodes"],  # type: ignore[misc]
        {"code": "4", "name": "Điểm trừ", "maximum": "0", "minimum": "-3", "role": "penalty",
         "aggregation": "cap"},
        {"code": "4.1", "name": "Bị phê bình về CCHC", "maximum": "0", "minimum": "-1",
         "role": "penalty"},
    ],
}  # fmt: skip


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return make_keys(tmp_path_factory.mktemp("keys"), ("m1", "m2", "m3"))


def stored(path: Path, unit: str) -> Decimal | None:
    with open_round(path) as ctx, ctx.db.transaction() as s:
        row = s.execute(
            select(ResolutionRow).where(
                ResolutionRow.unit_id == unit, ResolutionRow.node_code == "4.1"
            )
        ).scalar_one()
        return row.value


@pytest.mark.parametrize("value", ["-0,5", "-0.5", "-1", "-,5"])
def test_resolve_takes_a_negative_value(
    tmp_path: Path, keys: Keys, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    path = tmp_path / "penalty.parround"
    make_round(path, keys, criteria=PENALTY_SET).close()
    code = cli.main(["resolve", str(path), "--unit", "A", "--item", "4.1", "--value", value,
                     "--reason", "Họp ngày 20/12"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    expected = Decimal(value.replace(",", "."))
    assert stored(path, "A") == expected
    assert str(stored(path, "A")) == str(expected)
    assert out.startswith("Đã quyết định A mục 4.1: -")


def test_negative_value_through_the_installed_command(tmp_path: Path, keys: Keys) -> None:
    """The real ``python -m parapp`` process: exit 0, not argparse's exit 2."""
    path = tmp_path / "penalty.parround"
    make_round(path, keys, criteria=PENALTY_SET).close()
    for unit, value in (("A", "-0,5"), ("B", "-0.5")):
        done = subprocess.run(
            [sys.executable, "-m", "parapp", "--lang", "en", "resolve", str(path), "--unit",
             unit, "--item", "4.1", "--value", value, "--reason", "meeting"],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert "unrecognized arguments" not in done.stderr
        assert stored(path, unit) == Decimal("-0.5")


def test_every_sub_command_parser_takes_negative_numbers() -> None:
    """Sub-command parsers are built with parapp's parser class, at every depth."""
    parser = cli.build_parser()
    args = parser.parse_args(["round", "settings", "r", "--threshold", "-0,5"])
    assert args.threshold == "-0,5"
    args = parser.parse_args(["resolve", "r", "--unit", "A", "--item", "4.1", "--value",
                              "-0.25", "--reason", "x"])  # fmt: skip
    assert args.value == "-0.25"
    pending = [parser]
    while pending:
        current = pending.pop()
        assert isinstance(current, cli.ArgumentParser), current.prog
        for action in current._actions:
            if action.choices and isinstance(action.choices, dict):
                pending.extend(action.choices.values())
    with pytest.raises(SystemExit) as exc:
        parser.parse_args(["resolve", "r", "--unit", "A", "--item", "1", "--value", "-x",
                           "--reason", "y"])  # fmt: skip
    assert exc.value.code == 2
