"""The whole demo year through the CLI: ``parapp demo DIR`` carries ``2026-so-ca-nam.parround``
from self-assessment to the frozen round, and every file it leaves is checked as a person would:
pdfsig on the signed notices, minutes and results, pdftotext on their content, openpyxl on the
workbooks; then, on a copy, key steps again through the CLI (results, announcement, the minutes
signed again after a reopening) and a score change refused while frozen."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from parapp.cli import app as cli
from parapp.core.rounds import Phase
from parapp.io.packages.member_package import read_package
from parapp.services import explanations, meeting, rounds
from parapp.services.context import open_round
from parapp.services.demo import data
from parapp.services.demo import whole_year as w
from parapp.services.demo.pki import CA_FILE, CERTIFICATES_DIR, DEMO_PASSPHRASE

ROUND = "2026-so-ca-nam.parround"
SECRETARY = "Hoàng Đức Long"
CHAIR = "Nguyễn Quang Minh"
UNITS = {s.id: s.name for s in data.DEPARTMENTS}


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


def pdfsig(path: Path) -> str:
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False).stdout


def pdftext(path: Path, *pages: int) -> str:
    span = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    text = subprocess.run(
        ["pdftotext", *span, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.split())


def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as raw:
        return list(raw.iterdump())


def ranking(path: Path) -> list[tuple[object, ...]]:
    book = openpyxl.load_workbook(path, read_only=True)
    sheet = book[book.sheetnames[0]]
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if r[0] == "STT")
    return [r[:9] for r in rows[header + 1 :] if r[1] in UNITS.values()]


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("whole") / "demo"
    assert cli.main(["demo", str(out)]) == 0
    return out


@pytest.fixture
def copy(year: Path, tmp_path: Path) -> Path:
    """A copy of the demo folder (the round with its evidence, archive and every file)."""
    shutil.copytree(year, tmp_path / "demo")
    return tmp_path / "demo"


def test_the_whole_year_runs_on_its_own_round_and_the_base_round_stays_at_round_1(
    year: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_round(year / "2026-so.parround") as base, open_round(year / ROUND) as whole:
        base_info, whole_info = rounds.round_info(base), rounds.round_info(whole)
        assert base_info.phase is Phase.ROUND_1
        assert not meeting.meetings(base)
        assert whole_info.phase is Phase.FROZEN
        assert whole_info.id != base_info.id
        assert [u.id for u in rounds.list_units(whole)] == [u.id for u in rounds.list_units(base)]
        assert [m.id for m in rounds.list_members(whole)] == [m.id for m in data.COUNCIL]
    archive = year / ROUND.replace(".parround", ".archive.zip")
    assert archive.is_file()  # freezing archived the round
    code, out, _ = run(["--lang", "en", "round", "show", str(year / ROUND)], capsys)
    assert code == 0
    assert "Phase: Frozen" in out
    code, out, _ = run(["round", "show", str(year / "2026-so.parround")], capsys)
    assert (code, "Thẩm định lần 1" in out) == (0, True)


def test_every_unit_has_a_notice_signed_by_the_secretary_with_its_workbook(year: Path) -> None:
    pdfs = sorted((year / w.NOTICES_DIR).glob("*.pdf"))
    assert sorted(p.stem for p in pdfs) == sorted(UNITS)
    for pdf in pdfs:
        report = pdfsig(pdf)
        assert report.count("Signature is Valid.") == 1, pdf.name
        assert f"Common Name: {SECRETARY}" in report
        text = pdftext(pdf)
        assert "THÔNG BÁO" in text
        assert f"Đơn vị: {UNITS[pdf.stem]} (mã {pdf.stem})" in text
        book = openpyxl.load_workbook(pdf.with_suffix(".xlsx"), read_only=True)
        cells = {
            str(v) for s in book.worksheets for r in s.iter_rows(values_only=True) for v in r if v
        }
        assert any(UNITS[pdf.stem] in c for c in cells), pdf.name


def test_six_units_explained_with_new_evidence_and_their_leaders_approval(year: Path) -> None:
    forms = sorted((year / w.EXPLANATIONS_DIR).glob("*.xlsx"))
    assert len(forms) == 6
    with open_round(year / ROUND) as ctx:
        imported = explanations.current_explanations(ctx)
    assert sorted(imported) == sorted(f.stem for f in forms)
    for form in forms:
        sheet = openpyxl.load_workbook(form)["GiaiTrinh"]
        name, title, approved_on = (sheet.cell(r, 3).value for r in (5, 6, 7))
        assert name in w.LEADERS
        assert UNITS[form.stem].split(" ", 1)[1] in str(title)
        assert approved_on == "26/12/2026"
        rows = [r for r in sheet.iter_rows(min_row=11, values_only=True) if r[5] is not None]
        assert rows, form.name
        for code, _name, maximum, self_score, round1, proposed, text, cited in rows:
            assert Decimal(str(proposed)) == Decimal(str(self_score)) <= Decimal(str(maximum))
            assert Decimal(str(round1)) < Decimal(str(proposed))
            assert text
            file_name, page = str(cited).split(", tr. ")
            new = year / w.EXPLANATIONS_DIR / w.NEW_EVIDENCE_DIR / file_name
            assert code in pdftext(new, int(page))  # the cited page holds the item
        stored = imported[form.stem]
        assert stored.approval.name == sheet["C5"].value
        assert {i.node_code for i in stored.items} == {r[0] for r in rows}
        assert all(ref.sha256 for i in stored.items for ref in i.evidence)


def test_round_2_packages_hold_the_explained_items_and_the_submissions_verify(
    year: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_round(year / ROUND) as ctx:
        explained = {
            u: {i.node_code for i in e.items}
            for u, e in explanations.current_explanations(ctx).items()
        }
    packages = sorted((year / w.ROUND2_DIR / "packages").glob("*.parpkg"))
    assert packages
    covered: dict[str, set[str]] = {}
    for package in packages:
        content = read_package(package).content
        assert content.round.phase is Phase.ROUND_2
        for unit_id, unit in content.round_2.items():
            assert set(unit.items) <= explained[unit_id]
            covered.setdefault(unit_id, set()).update(unit.items)
    assert covered == explained  # every explained item goes to its appraisers
    submissions = sorted((year / w.ROUND2_DIR / "submissions").glob("*.parscore"))
    assert len(submissions) == len(packages)
    ca = year / CERTIFICATES_DIR / CA_FILE
    for submission in submissions:
        code, out, err = run(["verify", str(submission), "--ca", str(ca)], capsys)
        assert code == 0, out + err


def test_minutes_signed_by_the_secretary_then_the_chair_record_the_votes(year: Path) -> None:
    pdf = year / w.MEETING_DIR / "bien-ban.pdf"
    report = pdfsig(pdf)
    assert report.count("Signature is Valid.") == 2
    assert report.index(f"Common Name: {SECRETARY}") < report.index(f"Common Name: {CHAIR}")
    assert "ThuKy" in report
    assert "ChuToa" in report
    text = pdftext(pdf)
    for expected in (
        "BIÊN BẢN",
        "Số: 01/BB-HĐTĐ",
        "Có mặt (4)",
        "có ý kiến bằng văn bản",
        w.WRITTEN_OPINION,
        "(biểu quyết)",
        "Chủ tọa quyết định",
        "Hội đồng biểu quyết: 4 đồng ý, 1 không đồng ý",
        "Biểu quyết không đạt (2 đồng ý, 2 không đồng ý",
        "Kết quả Chỉ số CCHC được Hội đồng thông qua",
    ):
        assert expected in text, expected
    with open_round(year / ROUND) as ctx:
        [record] = meeting.meetings(ctx)
    assert [m.id for m, _ in record.written] == [w.ABSENT]
    decided = [(i.unit_id, i.node_code, i.decided_by) for i in record.stored.items]
    assert [d[2] for d in decided] == ["vote", "chair"]
    for unit_id, code, _ in decided:
        assert f"{UNITS[unit_id]} — {code}" in text
    assert all(unit.name in text for unit in data.DEPARTMENTS)


def test_results_and_the_draft_announcement(year: Path) -> None:
    folder = year / w.RESULTS_DIR
    report = pdfsig(folder / "ket-qua.pdf")
    assert report.count("Signature is Valid.") == 1
    assert f"Common Name: {SECRETARY}" in report
    text = pdftext(folder / "ket-qua.pdf")
    assert "BẢNG TỔNG HỢP KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2026" in text
    assert "Kết quả tạm thời" not in text  # the meeting approved them
    assert all(name in text for name in UNITS.values())
    rows = ranking(folder / "ket-qua.xlsx")
    assert len(rows) == len(UNITS)
    indices = [Decimal(str(r[6])) for r in rows]
    assert indices == sorted(indices, reverse=True)
    assert rows[0][8] == 1
    book = openpyxl.load_workbook(folder / "ket-qua.xlsx", read_only=True)
    first = [v for r in book[book.sheetnames[0]].iter_rows(values_only=True) for v in r if v]
    assert not any("tạm thời" in str(v) for v in first)
    draft = pdftext(folder / "du-thao-quyet-dinh.pdf")
    for expected in ("DỰ THẢO", "QUYẾT ĐỊNH", "01/BB-HĐTĐ", "Phụ lục I", "KT. CHỦ TỊCH"):
        assert expected in draft, expected
    assert all(name in draft for name in UNITS.values())
    annex = openpyxl.load_workbook(folder / w.ANNOUNCEMENT_XLSX, read_only=True)
    assert annex.sheetnames == ["Phu luc I"]


def test_the_readme_walks_through_the_whole_year_in_both_languages(year: Path) -> None:
    text = (year / "README.txt").read_text(encoding="utf-8-sig")
    for expected in (
        f"Cả năm thẩm định trên một đợt riêng: {ROUND}",
        f"The whole year on a round of its own: {ROUND}",
        "notices/",
        "explanations/",
        "round2/",
        "meeting/bien-ban.pdf",
        "ket-qua.pdf",
        "du-thao-quyet-dinh.pdf",
    ):
        assert expected in text, expected


def test_a_frozen_round_refuses_a_score_change_and_an_explanation(
    copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = copy / ROUND
    before = dump(path)
    code, out, err = run(
        ["--lang", "en", "resolve", str(path), "--unit", "SCT", "--item", "1.1.1",
         "--value", "0", "--reason", "late change"],
        capsys,
    )  # fmt: skip
    assert code == 1
    assert "frozen" in (out + err).lower()
    assert "Traceback" not in out + err
    form = copy / w.EXPLANATIONS_DIR / "STP.xlsx"
    code, out, err = run(
        ["--lang", "en", "explain", "import", str(path), str(form), "--replace",
         "--evidence", str(form.parent / w.NEW_EVIDENCE_DIR)],
        capsys,
    )  # fmt: skip
    assert code == 1
    assert "explanation phase" in out + err
    assert dump(path) == before


def test_key_steps_again_through_the_cli_on_a_copy(
    year: Path, copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy / ROUND
    xlsx, pdf = copy / "again.xlsx", copy / "again.pdf"
    code, _, err = run(
        ["results", str(path), "--xlsx", str(xlsx), "--pdf", str(pdf), "--place", "Thái Nguyên",
         "--date", "2027-01-11"],
        capsys,
    )  # fmt: skip
    assert code == 0, err
    assert ranking(xlsx) == ranking(year / w.RESULTS_DIR / "ket-qua.xlsx")
    code, _, err = run(["announce", str(path), "--pdf", str(copy / "qd.pdf")], capsys)
    assert code == 0, err
    assert "01/BB-HĐTĐ" in pdftext(copy / "qd.pdf")

    # Reopen with a reason (audited), then sign the minutes again as the secretary and the chair.
    reopen = ["round", "phase", str(path), "round_2", "--note", "Ký lại biên bản"]
    code, _, err = run(reopen, capsys)
    assert code == 0, err
    monkeypatch.setenv("PARAPP_DEMO_PASS", DEMO_PASSPHRASE)
    minutes = copy / "bien-ban-lai.pdf"
    ca = copy / CERTIFICATES_DIR / CA_FILE
    for signer, member in (("secretary", "TK-HD"), ("chair", "CT-HD")):
        code, out, err = run(
            ["minutes", str(path), "--pdf", str(minutes), "--as", signer, "--p12",
             str(copy / CERTIFICATES_DIR / f"{member}.p12"), "--pass-env", "PARAPP_DEMO_PASS",
             "--ca", str(ca)],
            capsys,
        )  # fmt: skip
        assert code == 0, out + err
    assert pdfsig(minutes).count("Signature is Valid.") == 2
    code, _, err = run(["round", "phase", str(path), "frozen"], capsys)
    assert code == 0, err
    with open_round(path) as ctx:
        assert rounds.round_info(ctx).phase is Phase.FROZEN
