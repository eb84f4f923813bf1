"""parapp is offline: its main flows run with every way out to the network blocked and recorded,
and none of them tries one."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

from parapp.core.rounds import EvidenceRef
from parapp.services import evidence, scoring
from parapp.services.context import open_round
from tests.hostile.harness import run_cli
from tests.hostile.world import EVIDENCE_SHA256, World


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Block connecting and name resolution; every attempt is recorded, then refused."""
    found: list[str] = []

    def refuse(what: str) -> Any:
        def blocked(*args: object, **kwargs: object) -> object:
            found.append(f"{what}{args!r}")
            raise OSError(f"network blocked by the test: {what}")

        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    return found


def test_the_guard_records_and_refuses(attempts: list[str]) -> None:
    with pytest.raises(OSError, match="blocked"):
        socket.create_connection(("example.invalid", 443), timeout=1)
    with pytest.raises(OSError, match="blocked"), socket.socket() as raw:
        raw.connect(("192.0.2.1", 80))
    assert len(attempts) == 2


def test_main_flows_never_touch_the_network(
    attempts: list[str], world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "dot-moi.parround"
    steps = [
        ["criteria", "check"],
        ["criteria", "export", "PAR-SO-2026", str(tmp_path / "so.json")],
        ["criteria", "export", "PAR-SO-2026", str(tmp_path / "so.xlsx")],
        ["criteria", "check", str(tmp_path / "so.xlsx")],
        ["round", "create", str(new), "--criteria", str(world.set_json), "--name", "Đợt mới"],
        ["round", "import-units", str(new), str(world.units)],
        ["round", "import-units", str(world.round), str(world.units)],
        [
            "round",
            "self-import",
            str(world.round),
            "--unit",
            "STP",
            str(world.self_form),
            "--evidence",
            str(world.docs),
        ],
        ["round", "results-import", str(world.round), str(world.results)],
        ["round", "self-form", str(world.round), "--unit", "TTT", "-o", str(tmp_path / "T.xlsx")],
        ["round", "phase", str(world.round), "round_1"],
        ["package", "build", str(world.round), "--member", "m1", "-o", str(tmp_path / "m1.parpkg")],
        ["package", "open", str(tmp_path / "m1.parpkg"), "--workspace", str(tmp_path / "ws")],
        ["demo", str(tmp_path / "demo")],  # evidence PDFs rendered, packages built and opened
    ]
    for args in steps:
        code, _, err = run_cli(args, capsys)
        assert (code, err) == (0, ""), args
    with open_round(world.round) as ctx:
        change = scoring.save_appraisal(ctx, "m1", "STP", "1.1", "0,5")
        assert change is not None
        found = evidence.open_evidence(ctx, EvidenceRef("KH-01.pdf", 2, EVIDENCE_SHA256))
        assert found.trusted
    assert attempts == []
