"""``parapp minutes ROUND --docx FILE``: the meeting's minutes as an editable Word draft, with the
same content as the PDF, that LibreOffice opens and prints in Vietnamese."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from docx import Document

from tests.cli.test_meeting import MEETING, run
from tests.services.meeting_world import dump, meeting_round, world_keys


@pytest.fixture
def met(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A merged round whose council meeting approved the results."""
    keys = world_keys(tmp_path / "keys")
    round_path = tmp_path / "dot.parround"
    meeting_round(round_path, keys).close()
    code, out, _ = run(
        ["meeting", str(round_path), *MEETING, "--chair-decides", "B:1.2=4,5",
         "--approve", "ct,tk,m1,m2"], capsys,
    )  # fmt: skip
    assert code == 0, out
    return round_path


def _words(text: str) -> list[str]:
    return text.replace("\u00a0", " ").split()


def test_word_draft_has_the_pdf_minutes_content(
    met: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docx, pdf = tmp_path / "bien-ban.docx", tmp_path / "bien-ban.pdf"
    before = dump(met)
    code, out, err = run(["minutes", str(met), "--docx", str(docx), "--pdf", str(pdf)], capsys)
    assert code == 0, err
    assert f"Đã ghi {docx} (bản Word để chỉnh sửa)." in out
    assert dump(met) == before  # writing a draft changes nothing in the round
    document = Document(str(docx))
    paragraphs = [p.text for p in document.paragraphs]
    assert "BIÊN BẢN" in paragraphs
    assert "III. KẾT LUẬN" in paragraphs
    assert any(p.startswith("Hội đồng thông qua kết quả thẩm định") for p in paragraphs)
    header = document.tables[0].rows[0].cells
    assert "Số: 01/BB-HĐTĐ" in header[0].text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header[1].text
    assert "Thái Nguyên, ngày 15 tháng 01 năm 2027" in header[1].text
    items = document.tables[1]
    assert [c.text for c in items.rows[0].cells] == [
        "STT", "Đơn vị / mục", "Điểm thành viên", "Biểu quyết", "Quyết định",
    ]  # fmt: skip
    decided = [[c.text for c in row.cells] for row in items.rows[1:]]
    assert len(decided) == 2
    assert decided[1][4] == "4,50 (Chủ tọa quyết định)"
    signatures = document.tables[-1].rows[0].cells
    assert signatures[0].text.startswith("THƯ KÝ")
    assert signatures[0].text.endswith("Trần Thị Thư")
    assert signatures[2].text.startswith("CHỦ TỌA")
    assert signatures[2].text.endswith("Nguyễn Văn Chủ")
    section = document.sections[0]
    assert section.page_width is not None
    assert section.left_margin is not None
    assert round(section.page_width.mm) == 210
    assert round(section.left_margin.mm) == 30
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert document.core_properties.subject == "01/BB-HĐTĐ"
    # Every word of the PDF's text is in the Word draft (the page footers aside).
    shown = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    word_text = " ".join(
        [*paragraphs]
        + [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    )
    missing = set(_words(shown)) - set(_words(word_text)) - {"Trang", "/", "1", "2", "3"}
    assert not missing, sorted(missing)[:30]


def test_libreoffice_opens_the_word_draft(
    met: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docx = tmp_path / "bien-ban.docx"
    code, _, err = run(["--lang", "en", "minutes", str(met), "--docx", str(docx)], capsys)
    assert code == 0, err
    converted = tmp_path / "lo"
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(converted), str(docx)],
        capture_output=True, check=True, timeout=180,
    )  # fmt: skip
    printed = subprocess.run(
        ["pdftotext", str(converted / "bien-ban.pdf"), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    for text in ("BIÊN BẢN", "Họp Hội đồng thẩm định", "THÀNH PHẦN THAM DỰ", "Nguyễn Văn Chủ"):
        assert text in printed


def test_minutes_need_a_pdf_or_a_word_file(
    met: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["minutes", str(met)], capsys)
    assert code == 1
    assert "Cần --pdf TỆP (biên bản PDF) hoặc --docx TỆP.docx" in err
    code, _, err = run(
        ["--lang", "en", "minutes", str(met), "--docx", str(tmp_path / "x.docx"),
         "--as", "secretary"], capsys,
    )  # fmt: skip
    assert code == 1
    assert "signing needs --pdf" in err
    assert "Traceback" not in err
    assert not (tmp_path / "x.docx").exists()
