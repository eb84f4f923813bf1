"""``parapp inbox ROUND``: every offered file with its state and reason, in both languages;
``--choose``/``--keep`` resolve a conflict, a missing reason exits 1 and changes nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from parapp.cli import app as cli
from parapp.services import rounds
from tests.services.merge_world import Keys, make_keys, make_round, signed_package


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return make_keys(tmp_path_factory.mktemp("keys"), ("m1", "m2", "m3"))


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_inbox_lists_every_offered_file_and_resolves_a_conflict(
    tmp_path: Path, keys: Keys, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "dot.parround"
    with make_round(path, keys) as ctx:
        rid = rounds.round_info(ctx).id
    ca = str(keys.folder / "ca.pem")
    v1, sid1 = signed_package(tmp_path / "m1-v1.parscore", rid, keys, "m1", {"A": {"1.1": "2"}})
    v2, _ = signed_package(
        tmp_path / "m1-v2.parscore", rid, keys, "m1", {"A": {"1.1": "3"}}, deprecated_id=sid1
    )
    stale, _ = signed_package(
        tmp_path / "m1-cu.parscore", rid, keys, "m1", {"A": {"1.1": "1"}}, deprecated_id=sid1
    )
    forged, _ = signed_package(
        tmp_path / "m2-gia.parscore", rid, keys, "m2", {"A": {"1.1": "1"}}, signer="m3"
    )
    files = [str(p) for p in (v1, v2, v1, stale, forged)]
    assert run(["merge", str(path), *files, "--ca", ca], capsys)[0] == 1
    code, out, err = run(["inbox", str(path)], capsys)
    assert code == 0, err
    assert "m1-v1.parscore  [đã bị thay thế]" in out
    assert "m1-v2.parscore  [đã nhập]" in out
    assert "thay thế bản nộp ngày" in out
    assert "m1-v1.parscore  [bản trùng]" in out
    assert "m1-cu.parscore  [xung đột]" in out
    assert "m2-gia.parscore  [bị từ chối]" in out
    assert "1 xung đột chờ thư ký chọn phiên bản" in out
    code, out, _ = run(["--lang", "en", "inbox", str(path)], capsys)
    assert "m1-v2.parscore  [merged]" in out
    assert "replaces the submission of" in out
    assert "m2-gia.parscore  [refused]" in out
    assert "1 conflict(s) wait" in out
    with sqlite3.connect(path) as raw:
        before = list(raw.iterdump())
    code, _, err = run(["inbox", str(path), "--choose", "4"], capsys)
    assert code == 1
    assert "Hãy ghi lý do" in err
    assert "Traceback" not in err
    with sqlite3.connect(path) as raw:
        assert list(raw.iterdump()) == before
    code, out, err = run(
        ["inbox", str(path), "--choose", "4", "--reason", "Bản đúng", "--ca", ca], capsys
    )
    assert code == 0, err
    assert "[đã nhập (thư ký chọn)]" in out
    code, out, _ = run(["inbox", str(path)], capsys)
    assert "m1-v2.parscore  [đã bị thay thế]" in out
    assert "chờ thư ký" not in out
