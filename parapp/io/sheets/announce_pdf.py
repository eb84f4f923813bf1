"""The draft decision announcing the PAR Index (Dự thảo Quyết định công bố Chỉ số CCHC năm …),
for the People's Committee to issue: ND30 layout, A4 portrait, "DỰ THẢO" in the top margin of
every page, the signature block "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" with its
name left blank, and one annex table per ranking group (also as a workbook, one sheet each).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer

from parapp.io.files.atomic import write_bytes_atomic
from parapp.io.files.fonts import register_serif
from parapp.io.sheets.document import PORTRAIT, PageCounter, SectionStart, nd30_document
from parapp.io.sheets.member_pdf import markup, signature_row
from parapp.io.sheets.member_sheet import roman
from parapp.io.sheets.minutes_pdf import TEXT_WIDTH, MinutesStyles, header_table
from parapp.io.sheets.pdf_table import plain_table

DRAFT = "DỰ THẢO"
ANNEX_COLUMNS = ("STT", "Đơn vị", "Tổng điểm", "Chỉ số (%)", "Xếp loại", "Xếp hạng")
ANNEX_WIDTHS_MM = (12, 73, 22, 22, 18, 18)
SIGNATURE = ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")


@dataclass(frozen=True)
class AnnexRow:
    """One unit in an annex."""

    unit: str
    total: str
    index: str
    classification: str
    rank: str


@dataclass(frozen=True)
class Announcement:
    """The draft decision's content (texts already formatted)."""

    province: str
    place_date: str
    year: int
    grounds: tuple[str, ...]
    articles: tuple[str, ...]
    recipients: tuple[str, ...]
    annexes: tuple[tuple[str, tuple[AnnexRow, ...]], ...]
    date: dt.date | None = None
    """The date printed on the draft (its PDF's creation date; None: 1 January after the
    year)."""

    @property
    def title(self) -> str:
        """The decision's subject line."""
        return f"Về việc công bố Chỉ số cải cách hành chính năm {self.year}"


def render_announcement(item: Announcement, fonts_dir: Path) -> bytes:
    """The draft decision's PDF bytes (the same content gives the same bytes)."""
    s = MinutesStyles(register_serif(fonts_dir))
    body = f"ỦY BAN NHÂN DÂN TỈNH {item.province.upper()}"
    story: list[Any] = [
        header_table("", body, "Số:      /QĐ-UBND", item.place_date, s),
        Spacer(1, 6 * mm),
        Paragraph("QUYẾT ĐỊNH", s.title),
        Paragraph(markup(item.title), s.centre_bold),
        Spacer(1, 3 * mm),
        Paragraph(markup(body), s.centre_bold),
        Spacer(1, 3 * mm),
    ]
    story += [Paragraph(markup(g), s.body) for g in item.grounds]
    story.append(Paragraph("QUYẾT ĐỊNH:", s.title))
    story += [Paragraph(markup(a), s.body) for a in item.articles]
    recipients = [Paragraph("<b><i>Nơi nhận:</i></b>", s.cell)] + [
        Paragraph(markup(r), s.cell) for r in item.recipients
    ]
    signer = [Paragraph(markup(line), s.centre_bold) for line in SIGNATURE]
    signer += [Spacer(1, 30 * mm), Paragraph("&nbsp;", s.centre_bold)]
    block = signature_row([recipients, signer], [TEXT_WIDTH - 80 * mm, 80 * mm])
    story.append(KeepTogether([Spacer(1, 4 * mm), block]))
    day = item.date or dt.date(item.year + 1, 1, 1)
    counter = PageCounter(day, mark=DRAFT)
    for number, (label, rows) in enumerate(item.annexes, 1):
        story += [
            PageBreak(),
            SectionStart(counter, f"Phụ lục {roman(number)} — {label}"),
            Paragraph(markup(f"Phụ lục {roman(number)}"), s.title),
            Paragraph(
                markup(f"CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {item.year} — {label.upper()}"),
                s.centre_bold,
            ),
            Paragraph(
                markup(
                    "(Kèm theo Quyết định số      /QĐ-UBND ngày    tháng    năm     của Ủy ban "
                    f"nhân dân tỉnh {item.province})"
                ),
                s.centre_italic,
            ),
            Spacer(1, 4 * mm),
            _annex_table(rows, s),
        ]
    out = BytesIO()
    doc = nd30_document(
        out,
        pagesize=PORTRAIT,
        title=f"{DRAFT} — Quyết định công bố Chỉ số CCHC năm {item.year}",
        author=body,
        subject=item.title,
        date=day,
    )
    doc.build(story, canvasmaker=counter.canvas_class())
    return out.getvalue()


def _annex_table(rows: tuple[AnnexRow, ...], s: MinutesStyles) -> Any:
    cells = [
        [str(n), r.unit, r.total, r.index, r.classification, r.rank] for n, r in enumerate(rows, 1)
    ]
    return plain_table(ANNEX_COLUMNS, cells, s, ANNEX_WIDTHS_MM)


def write_announcement_pdf(item: Announcement, path: Path, fonts_dir: Path) -> None:
    """Render and write atomically."""
    write_bytes_atomic(path, render_announcement(item, fonts_dir))


def write_annex_xlsx(item: Announcement, path: Path) -> None:
    """The annexes as a workbook, one sheet per ranking group, marked DỰ THẢO."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = f"{DRAFT} — Chỉ số CCHC năm {item.year}"
    for number, (label, rows) in enumerate(item.annexes, 1):
        ws = workbook.create_sheet(f"Phu luc {roman(number)}")
        ws.append([f"{DRAFT} — Phụ lục {roman(number)}: Chỉ số CCHC năm {item.year} — {label}"])
        ws["A1"].font = Font(bold=True, size=13)
        ws.append(list(ANNEX_COLUMNS))
        for cell in ws[2]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", wrap_text=True)
        for n, r in enumerate(rows, 1):
            ws.append([n, r.unit, r.total, r.index, r.classification, r.rank])
        ws.column_dimensions["B"].width = 45
    buffer = BytesIO()
    workbook.save(buffer)
    write_bytes_atomic(path, buffer.getvalue())
