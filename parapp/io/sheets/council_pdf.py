"""The council's results as a PDF in the Nghị định 30 layout (A4 landscape, Liberation Serif).

Main part: the ND30 header, "BẢNG TỔNG HỢP KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM …", per ranking
group the ranking table and its bar chart, then the council's signature block: THƯ KÝ HỘI ĐỒNG
left, TM. HỘI ĐỒNG / CHỦ TỊCH right, each with a recorded box for signing. Then one appendix per
unit (numbered separately, as ND30 wants): its official sheet and its area profile chart.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from parapp.core.results import UnitOutcome
from parapp.io.files.atomic import write_bytes_atomic
from parapp.io.files.fonts import register_serif
from parapp.io.sheets import charts
from parapp.io.sheets.council_report import (
    DRAFT_MARK,
    DRAFT_NOTE,
    FINDINGS_COLUMNS,
    FINDINGS_TITLE,
    INCOMPLETE_NOTE,
    NOT_APPRAISED_NOTE,
    NOT_COMPARABLE,
    RANKING_COLUMNS,
    YEAR_COLUMNS,
    ResultsReport,
    UnitSheet,
    YearChange,
    area_points,
    class_text,
    results_title,
    signed_change,
    total_change,
    unit_sheet,
    unit_sheet_title,
)
from parapp.io.sheets.member_pdf import (
    MARGIN_LEFT,
    MARGIN_RIGHT,
    PAGE,
    SIGNATURE_ROOM,
    SIGNATURE_WIDTH,
    PageCounter,
    SectionStart,
    SignatureBox,
    SignatureRoom,
    header_block,
    nd30_document,
    signature_row,
    signer_column,
)
from parapp.io.sheets.minutes_pdf import PROVISIONAL_MARK, PROVISIONAL_NOTE, provisional
from parapp.io.sheets.pdf_table import (
    GRID_STYLE,
    HEAD_FILL,
    Styles,
    Word,
    markup,
    number_cell,
    plain_table,
    tree_table,
)
from parapp.io.sheets.table import nfc, roman

TEXT_WIDTH = PAGE[0] - MARGIN_LEFT - MARGIN_RIGHT
RANKING_WIDTHS_MM = (12, 84, 24, 24, 18, 18, 22, 28, 22)
CHANGE_TITLE = "Tăng/giảm so với năm trước"
RANKING_WIDTHS_COMPARED_MM = (12, 60, 24, 24, 18, 18, 22, 28, 22, 24)
RANKING_WIDTHS_YEAR_MM = (10, 54, 18, 18, 16, 14, 18, 22, 16)
"""The ranking's own columns narrowed to make room for last year's four."""
YEAR_WIDTHS_MM = (18, 18, 16, 16)
"""Last year's index, its change, last year's rank, its change."""
UNIT_WIDTHS_MM = (11, 15, 78, 16, 16, 20, 20, 22, 18, 36)
FINDINGS_WIDTHS_MM = (12, 24, 60, 18, 44, 26, 58)
HEADING_ROOM = 45 * mm
"""Room a group's heading needs under it: itself, the table's header and its first rows."""
CHART_HEIGHT = PAGE[1] - 40 * mm - 18 * mm
"""The tallest chart: a landscape page's frame (less its paddings) less its caption."""
WATERMARK_COLOUR = colors.Color(0.82, 0.82, 0.82)
WATERMARK_SIZE = 100
WATERMARK_ANGLE = 32


@dataclass(frozen=True)
class RenderedResults:
    """The PDF bytes, page count and the two signature boxes (secretary, Chair)."""

    data: bytes
    pages: int
    secretary: SignatureBox
    chair: SignatureBox


def render_results_pdf(
    report: ResultsReport, fonts_dir: Path, *, invariant: bool = True
) -> RenderedResults:
    """Render ``report``; with ``invariant`` (the default) the same report gives the same bytes."""
    styles = _ResultStyles(register_serif(fonts_dir))
    counter = PageCounter(report.heading.date)
    secretary_room = SignatureRoom(SIGNATURE_WIDTH, SIGNATURE_ROOM)
    chair_room = SignatureRoom(SIGNATURE_WIDTH, SIGNATURE_ROOM)
    criteria_set = report.criteria_set
    story: list[Any] = [
        header_block(report.heading, styles),
        Spacer(1, 6 * mm),
        Paragraph(markup(results_title(criteria_set.year)), styles.title),
    ]
    if provisional(report.audit):
        story.append(Paragraph(f"<b>{markup(PROVISIONAL_NOTE)}</b>", styles.centre_italic))
    if report.round_name:
        story.append(Paragraph(markup(f"({report.round_name})"), styles.centre_italic))
    if report.draft:
        story.append(Paragraph(f"<b>{markup(DRAFT_NOTE)}</b>", styles.centre_italic))
    story.append(Paragraph(markup(report.band_line()), styles.centre_italic))
    story.append(Spacer(1, 4 * mm))
    for number, (code, label) in enumerate(report.results.groups, 1):
        story += _group_part(report, number, code, label, styles)
    # The last chart travels with the signature block, so the signatures never stand alone.
    closing: list[Any] = [story.pop()] if report.results.groups else []
    if any(o.appraised and not o.complete for o in report.results.outcomes):
        closing.append(Paragraph(markup(INCOMPLETE_NOTE), styles.note))
    if any(not o.appraised for o in report.results.outcomes):
        closing.append(Paragraph(markup(NOT_APPRAISED_NOTE), styles.note))
    closing += [Spacer(1, 6 * mm), _signatures(report, styles, secretary_room, chair_room)]
    story.append(KeepTogether(closing))
    for number, outcome in enumerate(report.results.outcomes, 1):
        label = f"Phụ lục {number} — {outcome.unit.name}"
        story += [PageBreak(), SectionStart(counter, label)]
        story += _appendix(report, unit_sheet(report, outcome), number, styles)
    if report.draft:
        label = f"Phụ lục {len(report.results.outcomes) + 1} — {FINDINGS_TITLE}"
        story += [PageBreak(), SectionStart(counter, label), *_findings(report, styles)]
    title = results_title(criteria_set.year)
    title = f"{PROVISIONAL_MARK} — {title}" if provisional(report.audit) else title
    out = BytesIO()
    doc = nd30_document(
        out,
        title=nfc(f"{DRAFT_MARK} — {title}" if report.draft else title),
        author=report.heading.body,
        subject=nfc(f"{criteria_set.form_id} {criteria_set.version}"),
        date=report.heading.date,
        invariant=invariant,
    )
    mark = _watermark if report.draft else _no_mark
    doc.build(story, onFirstPage=mark, onLaterPages=mark, canvasmaker=counter.canvas_class())
    assert secretary_room.placed is not None  # the block is always drawn
    assert chair_room.placed is not None
    return RenderedResults(out.getvalue(), counter.total, secretary_room.placed, chair_room.placed)


def _watermark(canvas: Any, doc: Any) -> None:
    """A draft's page callback: "DỰ THẢO" across the page, light grey, under the content."""
    canvas.saveState()
    canvas.setFillColor(WATERMARK_COLOUR)
    canvas.setFont("Serif-Bold", WATERMARK_SIZE)
    canvas.translate(PAGE[0] / 2, PAGE[1] / 2)
    canvas.rotate(WATERMARK_ANGLE)
    canvas.drawCentredString(0, -WATERMARK_SIZE / 3, DRAFT_MARK)
    canvas.restoreState()


def _no_mark(canvas: Any, doc: Any) -> None:
    """The official sheets' page callback: nothing."""


def _findings(report: ResultsReport, styles: _ResultStyles) -> list[Any]:
    """The draft's attachment: every value that breaks a hard rule of the criteria set."""
    story: list[Any] = [
        Paragraph(markup(f"Phụ lục {len(report.results.outcomes) + 1}"), styles.centre_bold),
        Paragraph(markup(f"(Kèm theo bản {DRAFT_MARK.lower()})"), styles.centre_italic),
        Spacer(1, 3 * mm),
        Paragraph(markup(FINDINGS_TITLE), styles.title),
        Spacer(1, 3 * mm),
    ]
    if not report.findings:
        story.append(Paragraph(markup("Không có điểm vi phạm."), styles.centre_italic))
        return story
    rows = [
        [str(number), *(Paragraph(markup(text), styles.cell) for text in row.cells())]
        for number, row in enumerate(report.findings, 1)
    ]
    story.append(plain_table(FINDINGS_COLUMNS, rows, styles, FINDINGS_WIDTHS_MM))
    return story


def write_results_pdf(report: ResultsReport, path: Path, fonts_dir: Path) -> RenderedResults:
    """Render and write atomically; return what was written."""
    rendered = render_results_pdf(report, fonts_dir)
    write_bytes_atomic(path, rendered.data)
    return rendered


class _ResultStyles(Styles):
    def __init__(self, family: str) -> None:
        super().__init__(family)
        self.section = ParagraphStyle(
            "section",
            parent=self.centre_bold,
            alignment=0,
            spaceBefore=2 * mm,
            spaceAfter=2 * mm,
        )
        self.caption = ParagraphStyle(
            "caption", parent=self.centre_bold, fontSize=12, spaceBefore=3 * mm, spaceAfter=1 * mm
        )


def _group_part(
    report: ResultsReport, number: int, code: str, label: str, styles: _ResultStyles
) -> list[Any]:
    outcomes = report.results.in_group(code)
    # A group's heading never ends a page: it starts a new one unless its table's first rows
    # fit under it (the table itself flows on, its header repeated).
    part: list[Any] = [
        CondPageBreak(HEADING_ROOM),
        Paragraph(markup(f"{roman(number)}. {label.upper()}"), styles.section),
        _ranking_table(report, outcomes, styles),
    ]
    bars = [
        charts.RankedBar(
            label=o.unit.name,
            rank=o.rank,
            index=o.result.index,
            classification=o.result.classification,
            incomplete=not o.complete,
        )
        for o in outcomes
        if o.appraised
    ]
    if not bars:  # nobody to chart: a group whose units have no final score yet
        return part
    drawings = charts.ranking_charts(bars, report.class_bands(), TEXT_WIDTH, CHART_HEIGHT)
    for page, drawing in enumerate(drawings, 1):
        caption = f"Biểu đồ xếp hạng Chỉ số CCHC năm {report.criteria_set.year} — {label}"
        if len(drawings) > 1:
            caption += f" ({page}/{len(drawings)})"
        # Each chart on a page of its own under its title, whole.
        part.append(KeepTogether([Paragraph(markup(caption), styles.caption), drawing]))
    return part


def _ranking_table(
    report: ResultsReport, outcomes: tuple[UnitOutcome, ...], styles: _ResultStyles
) -> Table:
    titles = list(RANKING_COLUMNS)
    if report.compared:
        titles.append(CHANGE_TITLE)
    if report.year_changes:
        titles += YEAR_COLUMNS
    data: list[list[Any]] = [[Paragraph(markup(t), styles.head) for t in titles]]
    for position, outcome in enumerate(outcomes, 1):
        result = outcome.result
        ranked = outcome.appraised
        name = outcome.unit.name + ("" if outcome.complete or not ranked else " (*)")
        row: list[Any] = [
            Word(str(position), styles.cell_centre),
            Paragraph(markup(name), styles.cell),
            number_cell(result.achieved if ranked else None, styles.cell_number),
            number_cell(result.applicable_max, styles.cell_number),
            number_cell(result.bonus if ranked else None, styles.cell_number),
            number_cell(result.penalty if ranked else None, styles.cell_number),
            number_cell(result.index if ranked else None, styles.cell_number, bold=True),
            Paragraph(markup(class_text(outcome)), styles.cell_centre),
            Word(str(outcome.rank) if ranked else "", styles.cell_centre, bold=True),
        ]
        if report.compared:
            points = area_points(report, outcome)
            if any(p.achieved is not None and not p.comparable for p in points):
                row.append(Paragraph(markup(NOT_COMPARABLE), styles.cell_centre))
            else:
                row.append(number_cell(total_change(points), styles.cell_number))
        if report.year_changes:
            row += _year_cells(report.year_changes.get(outcome.unit.id), styles)
        data.append(row)
    widths = list(RANKING_WIDTHS_COMPARED_MM if report.compared else RANKING_WIDTHS_MM)
    if report.year_changes:
        # Last year's four columns: the other columns narrow, the name gives up the area change.
        widths = [*RANKING_WIDTHS_YEAR_MM, *YEAR_WIDTHS_MM]
        if report.compared:
            widths[1] -= RANKING_WIDTHS_COMPARED_MM[-1]
            widths.insert(len(RANKING_WIDTHS_YEAR_MM), RANKING_WIDTHS_COMPARED_MM[-1])
    table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
    table.setStyle(TableStyle([*GRID_STYLE, ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL)]))
    return table


def _year_cells(change: YearChange | None, styles: _ResultStyles) -> list[Any]:
    """Last year's index and rank and the changes (blank: the unit is new this year)."""
    if change is None:
        return ["", "", "", ""]
    rank_change = signed_change(change.rank_change) if change.rank_comparable else NOT_COMPARABLE
    return [
        number_cell(change.previous_index, styles.cell_number),
        Paragraph(markup(signed_change(change.index_change)), styles.cell_centre),
        Paragraph(
            "" if change.previous_rank is None else str(change.previous_rank), styles.cell_centre
        ),
        Paragraph(markup(rank_change), styles.cell_centre),
    ]


def _signatures(
    report: ResultsReport, styles: Styles, secretary: SignatureRoom, chair: SignatureRoom
) -> Table:
    left = signer_column(report.signers.secretary, styles, secretary)
    right = signer_column(report.signers.chair, styles, chair, bold_position=True)
    # The Chair's block has a title line more: pad the secretary's so both names and both
    # signature boxes stand level.
    while len(left) < len(right):
        left.insert(1, Paragraph("&nbsp;", styles.centre_bold))
    while len(right) < len(left):
        right.insert(1, Paragraph("&nbsp;", styles.centre_bold))
    middle = TEXT_WIDTH - 2 * SIGNATURE_WIDTH
    return signature_row([left, "", right], [SIGNATURE_WIDTH, middle, SIGNATURE_WIDTH])


def _appendix(
    report: ResultsReport, sheet: UnitSheet, number: int, styles: _ResultStyles
) -> list[Any]:
    year = report.criteria_set.year
    outcome = sheet.outcome
    story: list[Any] = [
        Paragraph(markup(f"Phụ lục {number}"), styles.centre_bold),
        Paragraph(
            markup(f"(Kèm theo Bảng tổng hợp kết quả Chỉ số cải cách hành chính năm {year})"),
            styles.centre_italic,
        ),
        Spacer(1, 3 * mm),
        Paragraph(markup(unit_sheet_title(year)), styles.title),
        Paragraph(markup(f"Đơn vị: {outcome.unit.name} — {sheet.group_label}"), styles.centre),
        Paragraph(markup(report.band_line()), styles.centre_italic),
        Spacer(1, 3 * mm),
        tree_table(sheet.table, styles, UNIT_WIDTHS_MM, top_texts=False, text_over_tail=True),
    ]
    if not outcome.appraised:
        story.append(Paragraph(markup(NOT_APPRAISED_NOTE), styles.note))
        return story
    if not outcome.complete:
        story.append(Paragraph(markup(INCOMPLETE_NOTE), styles.note))
    bars = [
        charts.AreaBar(f"{p.code}. {p.name}", p.achieved, p.maximum, p.previous)
        for p in area_points(report, outcome)
    ]
    caption = f"Kết quả theo lĩnh vực — {outcome.unit.name}"
    story.append(
        KeepTogether(
            [
                Paragraph(markup(caption), styles.caption),
                charts.area_profile_chart(bars, TEXT_WIDTH),
            ]
        )
    )
    return story
