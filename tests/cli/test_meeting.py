"""``parapp meeting``, ``minutes`` and ``announce`` on a real merged round, in both languages:
a refused meeting exits 1 without a traceback and changes nothing; the minutes carry two valid
signatures (pdfsig)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from parapp.cli import app as cli
from tests.services.meeting_world import dump, meeting_round, world_keys
from tests.signing_pki import P12_PASSPHRASE


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.run(cli.build_parser().parse_args(args))
    out, err = capsys.readouterr()
    return code, out, err


MEETING = [
    "--number", "01/BB-HĐTĐ", "--date", "2027-01-15 08:30", "--place", "Thái Nguyên",
    "--chair", "ct", "--present", "ct,tk,m1,m2", "--written", "m3=Đồng ý",
    "--item", "A:1.1=3", "--agree", "A:1.1=ct,tk,m1",
    "--item", "B:1.2=4", "--agree", "B:1.2=ct,m1", "--disagree", "B:1.2=m2,tk",
]  # fmt: skip


def test_meeting_minutes_and_announcement_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = world_keys(tmp_path / "keys")
    round_path = tmp_path / "dot.parround"
    meeting_round(round_path, keys).close()
    r = str(round_path)
    code, out, _ = run(["meeting", r], capsys)
    assert code == 0
    assert "A:1.1\tchênh lệch" in out
    assert "Kết quả tạm thời" in out
    before = dump(round_path)
    code, out, err = run(
        ["--lang", "en", "meeting", r, *MEETING, "--approve", "ct,tk,m1,m2"], capsys
    )
    assert code == 1
    assert "the chair must decide" in err
    assert "Traceback" not in err
    assert dump(round_path) == before
    code, _, err = run(["meeting", r, *MEETING, "--agree", "A:1.1=ct,tk,m1,zz"], capsys)
    assert code == 1
    assert "“zz” không phải thành viên Hội đồng" in err
    assert dump(round_path) == before
    code, out, _ = run(
        ["meeting", r, *MEETING, "--chair-decides", "B:1.2=4,5", "--approve", "ct,tk,m1,m2"], capsys
    )
    assert code == 0, out
    assert "B 1.2: 4,50 (Chủ tọa quyết định)" in out
    monkeypatch.setenv("P12_PASS", P12_PASSPHRASE)
    pdf = tmp_path / "bien-ban.pdf"
    signer = ["--pass-env", "P12_PASS", "--ca", str(keys.folder / "ca.pem")]
    code, _, err = run(
        ["--lang", "en", "minutes", r, "--pdf", str(pdf), "--as", "chair",
         "--p12", str(keys.p12["ct"]), *signer], capsys,
    )  # fmt: skip
    assert code == 1
    assert "the secretary signs the minutes first" in err
    for who, key in (("secretary", "tk"), ("chair", "ct")):
        code, out, err = run(
            ["minutes", r, "--pdf", str(pdf), "--as", who, "--p12", str(keys.p12[key]), *signer],
            capsys,
        )
        assert code == 0, err
    report = subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True, check=False)
    assert report.stdout.count("Signature is Valid.") == 2
    code, out, _ = run(["--lang", "en", "announce", r, "--pdf", str(tmp_path / "qd.pdf")], capsys)
    assert code == 0
    assert "Wrote" in out
