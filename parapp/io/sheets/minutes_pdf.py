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
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from parapp.io.files.atomic import write_bytes_atomic
from parapp.io.files.fonts import register_serif
from parapp.io.sheets.member_pdf import (
    BODY_SIZE,
    GRID_STYLE,
    Rule,
    SignatureBox,
    SignatureRoom,
    Styles,
    markup,
)
from parapp.io.sheets.member_sheet import Heading, nfc, roman

PAGE = A4
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
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
            "minutes_h2",
            parent=self.body,
            fontName="Serif-Bold",
            keepWithNext=1,
            spaceBefore=2 * mm,
        )
        self.nation = ParagraphStyle("minutes_nation", parent=self.centre_bold, fontSize=12)
        self.bullet = ParagraphStyle(
            "minutes_bullet", parent=self.body, firstLineIndent=0, leftIndent=10 * mm
        )


def header_table(
    parent_body: str, body: str, number_line: str, place_date: str, styles: MinutesStyles
) -> Table:
    """The ND30 header of a portrait page: parent body (if any), issuing body (ruled) and the
    number left; Quốc hiệu, Tiêu ngữ (ruled) and the place and date right."""
    left_w, right_w = 62 * mm, TEXT_WIDTH - 62 * mm
    body = body.upper()
    motto = "Độc lập - Tự do - Hạnh phúc"
    body_w = min(stringWidth(body, "Serif-Bold", BODY_SIZE), left_w)
    left: list[Any] = [Paragraph(markup(parent_body.upper()), styles.centre)] if parent_body else []
    left += [
        Paragraph(markup(body), styles.centre_bold),
        Rule(left_w, body_w / 3),
        Spacer(1, 2 * mm),
        Paragraph(markup(number_line), styles.centre),
    ]
    right = [
        Paragraph(markup("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), styles.nation),
        Paragraph(markup(motto), styles.centre_bold),
        Rule(right_w, stringWidth(motto, "Serif-Bold", BODY_SIZE)),
        Spacer(1, 3 * mm),
        Paragraph(markup(place_date), styles.centre_italic),
    ]
    table = Table([[left, right]], colWidths=[left_w, right_w])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *_NO_PAD]))
    return table


_NO_PAD = (
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
)


def _table(
    head: tuple[str, ...], rows: list[list[str]], widths: tuple[int, ...], s: MinutesStyles
) -> Table:
    data: list[list[Any]] = [[Paragraph(markup(t), s.head) for t in head]]
    for row in rows:
        data.append([Paragraph(markup(cell), s.cell) for cell in row])
    table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
    table.setStyle(TableStyle([*GRID_STYLE]))
    return table


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
    story.append(Paragraph(markup("I. THÀNH PHẦN THAM DỰ"), s.heading2))
    story.append(Paragraph(markup(f"1. Có mặt ({len(minutes.present)}):"), s.body))
    story += [Paragraph(markup(f"- {p};"), s.bullet) for p in minutes.present]
    story.append(
        Paragraph(markup(f"2. Vắng mặt ({len(minutes.absent) + len(minutes.written)}):"), s.body)
    )
    story += [Paragraph(markup(f"- {p};"), s.bullet) for p in (*minutes.absent, *minutes.written)]
    story += [Paragraph(markup(line), s.body) for line in minutes.quorum]
    story.append(Paragraph(markup("II. NỘI DUNG"), s.heading2))
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
        story.append(_table(ITEM_COLUMNS, rows, ITEM_WIDTHS_MM, s))
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
        story.append(Paragraph(markup(f"{roman(number)}. {label}"), s.heading2))
        rows = [[r.rank, r.unit, r.total, r.index, r.classification] for r in group]
        story.append(_table(GROUP_COLUMNS, rows, GROUP_WIDTHS_MM, s))
    story.append(Paragraph(markup("III. KẾT LUẬN"), s.heading2))
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
    signatures = Table(
        [[left, "", right]], colWidths=[SIGN_WIDTH, TEXT_WIDTH - 2 * SIGN_WIDTH, SIGN_WIDTH]
    )
    signatures.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *_NO_PAD]))
    story.append(KeepTogether([Spacer(1, 6 * mm), signatures]))
    out = BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=PAGE,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=nfc(f"{TITLE} {SUBTITLE.format(year=minutes.year)}"),
        author=minutes.heading.body,
        subject=nfc(minutes.number),
        creator="parapp",
        invariant=1,
    )
    doc.build(story, onLaterPages=_page_number)
    assert left_room.placed is not None
    assert right_room.placed is not None
    return RenderedMinutes(out.getvalue(), doc.page, left_room.placed, right_room.placed)


def _page_number(canvas: Any, doc: Any) -> None:
    """ND30: the page number centred in the top margin, not on the first page."""
    canvas.saveState()
    canvas.setFont("Serif", BODY_SIZE)
    canvas.drawCentredString(PAGE[0] / 2, PAGE[1] - 12 * mm, str(doc.page))
    canvas.restoreState()


def write_minutes_pdf(minutes: Minutes, path: Path, fonts_dir: Path) -> RenderedMinutes:
    """Render and write atomically."""
    rendered = render_minutes(minutes, fonts_dir)
    write_bytes_atomic(path, rendered.data)
    return rendered
