"""``parapp notice`` and ``parapp explain form|import`` on a real round, in both languages:
signed notices, a form exported, filled and imported, a folder of forms, and refusals (exit 1,
no traceback, nothing changed)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from parapp.cli import app as cli
from tests.services import explanation_world as world
from tests.services.merge_world import NOW, Keys
from tests.signing_pki import P12_PASSPHRASE

DEADLINE = (NOW.date() + dt.timedelta(days=7)).isoformat()


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Keys]:
    return world.build(tmp_path_factory.mktemp("cli-notices"))


@pytest.fixture
def round_file(built: tuple[Path, Keys], tmp_path: Path) -> Path:
    return world.copy_round(built[0], tmp_path)


@pytest.fixture
def secret(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("PASS", P12_PASSPHRASE)
    return "PASS"


def _key(built: tuple[Path, Keys], secret: str) -> list[str]:
    keys = built[1]
    return ["--p12", str(keys.p12["tk"]), "--pass-env", secret, "--ca", str(keys.folder / "ca.pem")]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_notice_for_every_unit_then_one(
    built: tuple[Path, Keys],
    round_file: Path,
    tmp_path: Path,
    secret: str,
    lang: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out_dir = tmp_path / "notices"
    base = ["--lang", lang, "notice", str(round_file), "-o", str(out_dir), "--deadline", DEADLINE]
    code, out, err = run([*base, "--place", "Thái Nguyên", *_key(built, secret)], capsys)
    assert code == 0, err
    assert "[1/2]" in out
    assert "B – Sở B" in out
    assert "[2/2]" in out
    assert ("Đã ký" if lang == "vi" else "Signed") in out
    assert sorted(p.name for p in out_dir.iterdir()) == ["A.pdf", "A.xlsx", "B.pdf", "B.xlsx"]
    check = subprocess.run(
        ["pdfsig", str(out_dir / "B.pdf")], check=False, capture_output=True, text=True
    )
    assert "Signature is Valid" in check.stdout
    one = tmp_path / "one"
    code, out, err = run(
        ["--lang", lang, "notice", str(round_file), "-o", str(one), "--unit", "A",
         "--deadline", DEADLINE, *_key(built, secret)],
        capsys,
    )  # fmt: skip
    assert code == 0, err
    assert sorted(p.name for p in one.iterdir()) == ["A.pdf", "A.xlsx"]


@pytest.mark.parametrize(
    ("lang", "words"),
    [("vi", "không hợp lệ"), ("en", "is not valid")],
)
def test_notice_refuses_a_bad_deadline_and_an_unknown_unit(
    built: tuple[Path, Keys],
    round_file: Path,
    tmp_path: Path,
    secret: str,
    lang: str,
    words: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = world.dump(round_file)
    code, _, err = run(
        ["--lang", lang, "notice", str(round_file), "-o", str(tmp_path / "n"),
         "--deadline", "20/12/2026", *_key(built, secret)],
        capsys,
    )  # fmt: skip
    assert code == 1
    assert words in err
    assert "Traceback" not in err
    code, _, err = run(
        ["--lang", lang, "notice", str(round_file), "-o", str(tmp_path / "n"), "--unit", "ZZ",
         "--deadline", DEADLINE, *_key(built, secret)],
        capsys,
    )  # fmt: skip
    assert code == 1
    assert "ZZ" in err
    assert world.dump(round_file) == before


def _to_explanation(round_file: Path) -> None:
    with sqlite3.connect(round_file) as raw:  # the phase step is the rounds CLI's business
        phase = raw.execute("select phase from round").fetchone()[0]
    assert phase == "round_1"
    assert cli.main(["round", "phase", str(round_file), "explanation"]) == 0


def _fill(path: Path, **cells: object) -> None:
    workbook = load_workbook(path)
    for ref, value in {
        "C5": "Nguyễn Văn Lãnh", "C6": "Giám đốc", "C7": "15/12/2026", **cells
    }.items():  # fmt: skip
        workbook["GiaiTrinh"][ref] = value
    workbook.save(path)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_explain_form_and_import(
    round_file: Path, tmp_path: Path, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _to_explanation(round_file)
    capsys.readouterr()
    form = tmp_path / "A.xlsx"
    code, out, err = run(
        ["--lang", lang, "explain", "form", str(round_file), "--unit", "A", "-o", str(form)],
        capsys,
    )
    assert code == 0, err
    evidence = tmp_path / "moi"
    evidence.mkdir()
    (evidence / "QD.pdf").write_bytes(b"%PDF-1.4 new")
    _fill(form, F11=4, G11="Đã ban hành", H11="QD.pdf, tr. 1")
    base = ["--lang", lang, "explain", "import", str(round_file)]
    code, out, err = run([*base, str(form), "--unit", "A", "--evidence", str(evidence)], capsys)
    assert code == 0, err
    assert ("1 mục, 1 tệp" if lang == "vi" else "1 item(s), 1 new evidence") in out
    # A second, different form without --replace: refused, nothing changed; with it: imported.
    second = tmp_path / "A-2.xlsx"
    shutil.copy(form, second)
    _fill(second, F11=3.5)
    before = world.dump(round_file)
    code, out, err = run([*base, str(second), "--unit", "A", "--evidence", str(evidence)], capsys)
    assert code == 1
    assert "--replace" in err
    assert "Traceback" not in err
    assert world.dump(round_file) == before
    code, out, err = run(
        [*base, str(second), "--unit", "A", "--evidence", str(evidence), "--replace"], capsys
    )
    assert code == 0, err
    assert ("thay thế" if lang == "vi" else "replacing") in out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_explain_import_folder_reports_each_file(
    round_file: Path, tmp_path: Path, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _to_explanation(round_file)
    folder = tmp_path / "forms"
    folder.mkdir()
    for unit in ("A", "B"):
        cli.main(
            ["explain", "form", str(round_file), "--unit", unit, "-o", str(folder / f"{unit}.xlsx")]
        )
    capsys.readouterr()
    _fill(folder / "A.xlsx", F11=4, G11="Đã ban hành")
    _fill(folder / "B.xlsx", C5=None, F11=4.5, G11="Thiếu duyệt")  # no leader's name
    code, out, err = run(
        ["--lang", lang, "explain", "import", str(round_file), "--folder", str(folder)], capsys
    )
    assert code == 1
    assert "1/2" in out
    assert "A.xlsx" in out
    assert "B.xlsx" in err
    assert ("dòng 5, cột C" if lang == "vi" else "row 5, column C") in err


def test_explain_import_outside_the_phase_is_refused(
    round_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    form = tmp_path / "A.xlsx"
    assert run(["explain", "form", str(round_file), "--unit", "A", "-o", str(form)], capsys)[0] == 0
    before = world.dump(round_file)
    code, _, err = run(["--lang", "en", "explain", "import", str(round_file), str(form)], capsys)
    assert code == 1
    assert "explanation phase" in err
    assert world.dump(round_file) == before
    assert os.path.exists(form)
