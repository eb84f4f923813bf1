"""``parapp merge``, ``round settings``, ``resolve``, ``completeness``, ``audit`` and ``trust``
on a real round and real signed packages."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from parapp.cli import app as cli
from parapp.services import merge, rounds
from tests.services.merge_world import Keys, make_keys, make_round, signed_package


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return make_keys(tmp_path_factory.mktemp("keys"), ("m1", "m2", "m3"))


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_merge_resolve_completeness_audit(
    tmp_path: Path, keys: Keys, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "dot.parround"
    with make_round(path, keys, registered=("m1", "m2")) as ctx:
        rid = rounds.round_info(ctx).id
    ca = str(keys.folder / "ca.pem")
    p1, _ = signed_package(tmp_path / "m1.parscore", rid, keys, "m1", {"A": {"1.1": "2"}})
    p2, _ = signed_package(tmp_path / "m2.parscore", rid, keys, "m2", {"A": {"1.1": "4"}})
    p3, _ = signed_package(tmp_path / "m3.parscore", rid, keys, "m3", {"A": {"1.1": "3"}})
    code, out, err = run(["merge", str(path), str(p1), str(p2), "--ca", ca], capsys)
    assert code == 0, err
    assert "m1.parscore: đã nhận" in out
    code, out, _ = run(["--lang", "en", "merge", str(path), str(p1), "--ca", ca], capsys)
    assert code == 0
    assert "already imported" in out
    code, _, err = run(["merge", str(path), str(p3), "--ca", ca], capsys)
    assert code == 1
    assert "chưa đăng ký chứng thư" in err
    code, out, _ = run(["trust", str(path), "--member", "m3", "--package", str(p3), "--ca", ca],
                       capsys)  # fmt: skip
    assert code == 0
    assert "Đã đăng ký chứng thư" in out
    assert run(["merge", str(path), str(p3), "--ca", ca], capsys)[0] == 0

    code, out, _ = run(["round", "settings", str(path), "--rule", "must_agree",
                        "--threshold", "0,5"], capsys)  # fmt: skip
    assert (code, out) == (0, "Cách tổng hợp: Phải thống nhất (ngưỡng 0,5)\n")
    code, out, _ = run(["--lang", "en", "completeness", str(path)], capsys)
    assert code == 0
    assert "A / 1\t½\t½\t½\nA / 2\t✗\t✗\t✗" in out
    assert "A 1.1 [disagreement]: m1=2.00, m2=4.00, m3=3.00" in out
    code, out, _ = run(["resolve", str(path), "--unit", "A", "--item", "1.1", "--value", "3",
                        "--reason", "=HYPERLINK(\"x\")"], capsys)  # fmt: skip
    assert (code, out) == (0, "Đã quyết định A mục 1.1: 3,00.\n")
    code, _, err = run(["resolve", str(path), "--unit", "A", "--item", "9.9", "--value", "3",
                        "--reason", "x"], capsys)  # fmt: skip
    assert code == 1
    assert "9.9" in err

    out_csv = tmp_path / "audit.csv"
    assert run(["audit", str(path), "--csv", str(out_csv)], capsys)[0] == 0
    with out_csv.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["STT", "Thời điểm", "Người thực hiện"]
    resolved = [r for r in rows if r[3] == "resolve"]
    assert resolved[0][9] == '\'=HYPERLINK("x")'
    actions = {r[3] for r in rows[1:]}
    # First arrivals are counted in each submission's merge_submission row (no merge_score
    # row: nothing was replaced).
    assert {"merge_submission", "trust_member", "round_settings"} <= actions
    assert "merge_score" not in actions
    code, out, _ = run(["audit", str(path)], capsys)
    assert code == 0
    assert "đăng ký chứng thư số của" in out  # trust_member, as a sentence
    assert "điểm lần đầu được nhận cho 1 đơn vị, từ tệp m1.parscore" in out
    assert "quyết định điểm của Hội đồng cho" in out
    for code_word in ("trust_member", "merge_score", "resolve", "round_settings", "+07:00"):
        assert code_word not in out
    assert re.search(r"^ +1  \d\d/\d\d/\d{4} \d\d:\d\d  \S", out, re.MULTILINE)
    assert len(list(merge.archive_folder(path).iterdir())) == 3
