"""The council meeting's minutes as a PDF (Nghị định 30, Mẫu 1.9 "Biên bản"): A4 portrait,
Liberation Serif; header, number, title, time and place, attendance and the quorum, each
contested item with its votes and decision, the results approved by ranking group, and the two
signature blocks: THƯ KÝ (left) and CHỦ TỌA (right), each in a recorded box for signing.

The same minutes always give the same bytes (``invariant``): the chair's second signature is
added to the file the secretary signed, and parapp checks that file against a fresh rendering.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table

from parapp.io.files.atomic import write_bytes_atomic
from parapp.io.files.fonts import register_serif
from parapp.io.sheets.document import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PORTRAIT,
    PageCounter,
    nd30_document,
)
from parapp.io.sheets.member_pdf import (
    SignatureBox,
    SignatureRoom,
    Styles,
    markup,
    nd30_header,
    signature_row,
)
from parapp.io.sheets.member_sheet import Heading, roman
from parapp.io.sheets.pdf_table import plain_table

__all__ = ["MARGIN_BOTTOM", "MARGIN_LEFT", "MARGIN_RIGHT", "MARGIN_TOP", "PAGE", "TEXT_WIDTH"]

PAGE = PORTRAIT
TEXT_WIDTH = PAGE[0] - MARGIN_LEFT - MARGIN_RIGHT
SIGN_WIDTH = 70 * mm
SIGN_ROOM = 30 * mm
TITLE = "BIÊN BẢN"
SUBTITLE = "Họp Hội đồng thẩm định Chỉ số cải cách hành chính năm {year}"
SECRETARY_AUTHORITY = "THƯ KÝ"
CHAIR_AUTHORITY = "CHỦ TỌA"
GROUP_COLUMNS = ("Hạng", "Đơn vị", "Tổng điểm", "Chỉ số (%)", "Xếp loại")
GROUP_WIDTHS_MM = (14, 76, 25, 25, 25)
ITEM_COLUMNS = ("STT", "Đơn vị / mục", "Điểm thành viên", "Biểu quyết", "Quyết định")
ITEM_WIDTHS_MM = (10, 55, 30, 40, 30)
APPROVED_ACTION = "record_meeting"
APPROVED_REASON = "approved"
MEETING_SOURCE = "meeting "
"""The audit row of a meeting that approved the round's results (``services.meeting``): its
reason is ``APPROVED_REASON``, its source ``MEETING_SOURCE`` + the minutes' number."""
PROVISIONAL_MARK = "KẾT QUẢ TẠM THỜI"
PROVISIONAL_NOTE = "Kết quả tạm thời: chưa được Hội đồng thẩm định thông qua."


def provisional(audit: Iterable[Any]) -> bool:
    """Whether results whose audit trail is ``audit`` (rows with ``reason`` and ``source``, as
    stored: the report may word the action for people) are still provisional: no meeting
    approved them yet."""
    return not any(
        r.reason == APPROVED_REASON and r.source.startswith(MEETING_SOURCE) for r in audit
    )


@dataclass(frozen=True)
class MinutesItem:
    """A contested item as the minutes print it."""

    unit: str
    item: str
    scores: str
    votes: str
    decision: str
    reason: str


@dataclass(frozen=True)
class GroupRow:
    """One unit of a ranking group."""

    rank: str
    unit: str
    total: str
    index: str
    classification: str


@dataclass(frozen=True)
class Minutes:
    """Everything the minutes show, renderer-neutral (texts already formatted)."""

    heading: Heading
    number: str
    year: int
    opening: tuple[str, ...]
    """Time, place, chair, secretary."""
    present: tuple[str, ...]
    absent: tuple[str, ...]
    written: tuple[str, ...]
    quorum: tuple[str, ...]
    items: tuple[MinutesItem, ...]
    approval: str
    groups: tuple[tuple[str, tuple[GroupRow, ...]], ...]
    closing: str
    secretary: str
    chair: str
    provisional: bool = False
    """The results shown were not approved: printed as "Kết quả tạm thời"."""


@dataclass(frozen=True)
class RenderedMinutes:
    """The PDF bytes, page count and the two signature boxes."""

    data: bytes
    pages: int
    secretary: SignatureBox
    chair: SignatureBox


class MinutesStyles(Styles):
    def __init__(self, family: str) -> None:
        super().__init__(family)
        self.body = ParagraphStyle(
            "minutes_body",
            parent=self.centre,
            alignment=TA_JUSTIFY,
            firstLineIndent=10 * mm,
            spaceAfter=1.5 * mm,
        )
        self.heading2 = ParagraphStyle(
            "minutes_h2", parent=self.body, fontName="Serif-Bold", spaceBefore=2 * mm
        )
        self.bullet = ParagraphStyle(
            "minutes_bullet", parent=self.body, firstLineIndent=0, leftIndent=10 * mm
        )


def header_table(
    parent_body: str, body: str, number_line: str, place_date: str, styles: MinutesStyles
) -> Table:
    """The ND30 header of a portrait page (``nd30_header``), the number under the body."""
    return nd30_header(
        parent_body,
        body,
        place_date,
        styles,
        widths=(62 * mm, TEXT_WIDTH - 62 * mm),
        number=number_line,
        nation_size=12,
    )


HEADING_ROOM = 40 * mm
"""Room a heading needs under it (itself and a few lines or rows), else it starts a page."""


def heading(text: str, s: MinutesStyles) -> list[Any]:
    """A section heading that never ends a page: a new page unless what it heads fits under."""
    return [CondPageBreak(HEADING_ROOM), Paragraph(markup(text), s.heading2)]


def render_minutes(minutes: Minutes, fonts_dir: Path) -> RenderedMinutes:
    """Render ``minutes``; the same minutes give the same bytes."""
    s = MinutesStyles(register_serif(fonts_dir))
    story: list[Any] = [
        header_table(
            minutes.heading.parent_body,
            minutes.heading.body,
            f"Số: {minutes.number}",
            minutes.heading.place_date,
            s,
        ),
        Spacer(1, 6 * mm),
        Paragraph(markup(TITLE), s.title),
        Paragraph(markup(SUBTITLE.format(year=minutes.year)), s.centre_bold),
        Spacer(1, 4 * mm),
    ]
    story += [Paragraph(markup(line), s.body) for line in minutes.opening]
    story += heading("I. THÀNH PHẦN THAM DỰ", s)
    story.append(Paragraph(markup(f"1. Có mặt ({len(minutes.present)}):"), s.body))
    story += [Paragraph(markup(f"- {p};"), s.bullet) for p in minutes.present]
    story.append(
        Paragraph(markup(f"2. Vắng mặt ({len(minutes.absent) + len(minutes.written)}):"), s.body)
    )
    story += [Paragraph(markup(f"- {p};"), s.bullet) for p in (*minutes.absent, *minutes.written)]
    story += [Paragraph(markup(line), s.body) for line in minutes.quorum]
    story += heading("II. NỘI DUNG", s)
    story.append(
        Paragraph(
            markup(f"1. Các nội dung còn ý kiến khác nhau ({len(minutes.items)} mục):"), s.body
        )
    )
    if minutes.items:
        rows = [
            [str(n), f"{i.unit} — {i.item}", i.scores, i.votes, i.decision]
            for n, i in enumerate(minutes.items, 1)
        ]
        story.append(plain_table(ITEM_COLUMNS, rows, s, ITEM_WIDTHS_MM))
        story += [
            Paragraph(markup(f"Mục {n}: {i.reason}"), s.bullet)
            for n, i in enumerate(minutes.items, 1)
            if i.reason
        ]
    else:
        story.append(Paragraph(markup("Không có nội dung nào còn ý kiến khác nhau."), s.bullet))
    title = (
        "2. Kết quả tạm thời theo nhóm xếp hạng"
        if minutes.provisional
        else ("2. Kết quả Chỉ số CCHC được Hội đồng thông qua theo nhóm xếp hạng")
    )
    story.append(Paragraph(markup(f"{title}:"), s.body))
    for number, (label, group) in enumerate(minutes.groups, 1):
        story += heading(f"{roman(number)}. {label}", s)
        rows = [[r.rank, r.unit, r.total, r.index, r.classification] for r in group]
        story.append(plain_table(GROUP_COLUMNS, rows, s, GROUP_WIDTHS_MM))
    story += heading("III. KẾT LUẬN", s)
    story.append(Paragraph(markup(minutes.approval), s.body))
    story.append(Paragraph(markup(minutes.closing), s.body))
    left_room, right_room = (
        SignatureRoom(SIGN_WIDTH, SIGN_ROOM),
        SignatureRoom(SIGN_WIDTH, SIGN_ROOM),
    )
    left = [Paragraph(SECRETARY_AUTHORITY, s.centre_bold), left_room,
            Paragraph(markup(minutes.secretary), s.centre_bold)]  # fmt: skip
    right = [Paragraph(CHAIR_AUTHORITY, s.centre_bold), right_room,
             Paragraph(markup(minutes.chair), s.centre_bold)]  # fmt: skip
    signatures = signature_row(
        [left, "", right], [SIGN_WIDTH, TEXT_WIDTH - 2 * SIGN_WIDTH, SIGN_WIDTH]
    )
    story.append(KeepTogether([Spacer(1, 6 * mm), signatures]))
    out = BytesIO()
    doc = nd30_document(
        out,
        pagesize=PAGE,
        title=f"{TITLE} {SUBTITLE.format(year=minutes.year)}",
        author=minutes.heading.body,
        subject=minutes.number,
        date=minutes.heading.date,
    )
    counter = PageCounter(minutes.heading.date)
    doc.build(story, canvasmaker=counter.canvas_class())
    assert left_room.placed is not None
    assert right_room.placed is not None
    return RenderedMinutes(out.getvalue(), counter.total, left_room.placed, right_room.placed)


def write_minutes_pdf(minutes: Minutes, path: Path, fonts_dir: Path) -> RenderedMinutes:
    """Render and write atomically."""
    rendered = render_minutes(minutes, fonts_dir)
    write_bytes_atomic(path, rendered.data)
    return rendered
