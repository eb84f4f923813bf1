"""Benchmark the council's results PDF + workbook for the demo round against bare libraries.

Run as ``uv run python tests/benchmarks/bench_results_export.py [--quick]``. parapp's
``reports.export_results`` (the checked results, official layout, fonts, charts, provenance)
against a bare ReportLab + openpyxl script writing the SAME content: both start from the round
file and compute the same checked results and report model (``results_checks``, ``build_report``:
the shared, library-free part), then the floor writes with plain library calls

- the PDF: per ranking group its ranking table (every column parapp prints) and a bar chart of
  the indexes per chart page parapp draws; one appendix per unit with its whole criteria table
  (every row and column, the summary lines; wrapping texts as Paragraphs, figures as plain
  strings) on a new page; the draft's findings table; the same embedded fonts;
- the workbook: a ranking sheet per group, a sheet per unit (same rows and columns, the summary
  lines), "Nguồn" (provenance) and "Nhật ký" (audit), the draft's findings sheet; values only,
  no style.

Medians of alternating repeats. Ends with ``RATIO results_export <parapp/bare> 1.3``.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table

from parapp import paths
from parapp.core.numbers import format_score
from parapp.io.files.fonts import register_serif
from parapp.io.sheets import charts
from parapp.io.sheets.council_report import (
    FINDINGS_COLUMNS,
    RANKING_COLUMNS,
    ResultsReport,
    class_text,
    unit_sheet,
)
from parapp.io.sheets.table import ColumnKind, TreeTable
from parapp.services import reports, results_checks
from parapp.services.context import open_round
from parapp.services.demo.year import build_demo
from parapp.services.results_checks import ResultsBlockedError

DATE = dt.date(2026, 12, 15)
PLACE = "Thái Nguyên"
GRID = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("FONTNAME", (0, 0), (-1, -1), "Serif"),
        ("FONTSIZE", (0, 0), (-1, -1), 11), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]  # fmt: skip


def _content(ctx_path: Path) -> ResultsReport:
    """The checked results and the report model, as parapp computes them before writing (a
    draft with its findings when values break a hard rule, as the benchmark's export does)."""
    with open_round(ctx_path) as ctx:
        checked = results_checks.checked_results(ctx, None)
        assert checked.results is not None
        report = reports.build_report(ctx, checked.results, place=PLACE, date=DATE)
    findings = tuple(reports._finding_row(p) for p in checked.problems)
    return replace(report, draft=bool(findings), findings=findings)


def _figure(value: Decimal | None) -> str:
    return format_score(value)


def _ranking_rows(report: ResultsReport, code: str) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for position, outcome in enumerate(report.results.in_group(code), 1):
        r, ranked = outcome.result, outcome.appraised
        rows.append([position, outcome.unit.name, r.achieved if ranked else None,
                     r.applicable_max, r.bonus if ranked else None, r.penalty if ranked else None,
                     r.index if ranked else None, class_text(outcome),
                     outcome.rank if ranked else None])  # fmt: skip
    return rows


def _tree_rows(table: TreeTable) -> list[list[Any]]:
    """Every row of a unit's criteria table and its summary lines, as values."""
    rows: list[list[Any]] = []
    for row in table.rows:
        cells: list[Any] = [row.stt, row.code, row.name, row.maximum]
        for column in table.columns.columns:
            if not row.applicable and column.merged_when_not_applicable:
                cells.append(row.not_applicable_text)
            elif column.kind is ColumnKind.NUMBER:
                cells.append(row.value(column.key))
            else:
                cells.append(row.text(column.key))
        rows.append(cells)
    for line in table.summary:
        rows.append([line.label, "", "", line.text if line.is_text else line.value,
                     *line.others.values()])  # fmt: skip
    return rows


def _pdf_cells(values: list[Any], wrap: set[int], style: ParagraphStyle) -> list[Any]:
    out: list[Any] = []
    for column, value in enumerate(values):
        text = _figure(value) if isinstance(value, Decimal) or value is None else str(value)
        out.append(Paragraph(text, style) if column in wrap and text else text)
    return out


def _bare_pdf(report: ResultsReport, path: Path) -> None:
    family = register_serif(paths.resource("fonts"))
    style = ParagraphStyle("cell", fontName=family, fontSize=11, leading=13)
    story: list[Any] = []
    for code, label in report.results.groups:
        story.append(Paragraph(label, style))
        rows = _ranking_rows(report, code)
        data = [list(RANKING_COLUMNS), *(_pdf_cells(r, {1}, style) for r in rows)]
        table = Table(data, repeatRows=1)
        table.setStyle(GRID)
        story.append(table)
        indexes = [float(r[6] or 0) for r in rows]
        per_page = charts.rows_per_chart(120 * mm)
        for start in range(0, len(indexes), per_page):
            chunk = indexes[start : start + per_page]
            drawing = Drawing(250 * mm, 120 * mm)
            bars = HorizontalBarChart()
            bars.width, bars.height = 200 * mm, 100 * mm
            bars.data = [chunk]
            bars.categoryAxis.categoryNames = [str(r[1]) for r in rows[start : start + per_page]]
            bars.categoryAxis.labels.fontName = "Serif"
            bars.valueAxis.labels.fontName = "Serif"
            drawing.add(bars)
            story.append(drawing)
    for outcome in report.results.outcomes:
        sheet = unit_sheet(report, outcome)
        wrap = {2} | {position for position, column in enumerate(sheet.table.columns.columns, 4)
                      if column.kind is ColumnKind.TEXT}  # fmt: skip
        data = [list(sheet.table.columns.titles),
                *(_pdf_cells(r, wrap, style) for r in _tree_rows(sheet.table))]  # fmt: skip
        table = Table(data, repeatRows=1)
        table.setStyle(GRID)
        story += [PageBreak(), Paragraph(outcome.unit.name, style), table]
    if report.draft:
        found = [[n, *item.cells()] for n, item in enumerate(report.findings, 1)]
        data = [list(FINDINGS_COLUMNS), *(_pdf_cells(r, {2, 6}, style) for r in found)]
        table = Table(data, repeatRows=1)
        table.setStyle(GRID)
        story += [PageBreak(), table]
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(story)


def _bare_xlsx(report: ResultsReport, path: Path) -> None:
    book = Workbook()
    book.remove(book.active)
    if report.draft:
        ws = book.create_sheet("Điểm vi phạm")
        ws.append(list(FINDINGS_COLUMNS))
        for n, item in enumerate(report.findings, 1):
            ws.append([n, *item.cells()])
    for number, (code, _label) in enumerate(report.results.groups, 1):
        ws = book.create_sheet(f"BXH {number}")
        ws.append(list(RANKING_COLUMNS))
        for row in _ranking_rows(report, code):
            ws.append(row)
    for outcome in report.results.outcomes:
        ws = book.create_sheet(outcome.unit.id[:31])
        table = unit_sheet(report, outcome).table
        ws.append(list(table.columns.titles))
        for row in _tree_rows(table):
            ws.append(row)
    ws = book.create_sheet("Nguồn")
    criteria_set = report.criteria_set
    for src in report.provenance:
        name = criteria_set.node(src.node_code).name if criteria_set.has(src.node_code) else ""
        ws.append([src.unit_id, report.unit_name(src.unit_id), src.node_code, name, src.member_id,
                   src.member_name, src.submission_id, src.submitted_at, src.value,
                   "Có" if src.not_applicable else ""])  # fmt: skip
    ws = book.create_sheet("Nhật ký")
    for a in report.audit:
        ws.append([a.at, a.actor, a.action, a.unit_id, a.node_code, a.field, a.old, a.new,
                   a.reason, a.source])  # fmt: skip
    book.save(path)


def _bare(ctx_path: Path, out: Path) -> None:
    report = _content(ctx_path)
    _bare_pdf(report, out / "bare.pdf")
    _bare_xlsx(report, out / "bare.xlsx")


def _parapp(ctx_path: Path, out: Path, draft: bool) -> None:
    with open_round(ctx_path) as ctx:
        reports.export_results(ctx, xlsx=out / "r.xlsx", pdf=out / "r.pdf", place=PLACE,
                               date=DATE, draft=draft)  # fmt: skip


def _needs_draft(ctx_path: Path, out: Path) -> bool:
    """Whether the demo round's official sheets are refused (unmerged items): a draft then."""
    try:
        _parapp(ctx_path, out, False)
    except ResultsBlockedError:
        return True
    return False


def _median_of(run: Any, repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main(argv: list[str]) -> int:
    """Build the demo, time both alternately, print the figures and the RATIO line."""
    repeats = 3 if "--quick" in argv else 7
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        demo = build_demo(root / "demo")
        round_path = demo.rounds[0].path
        draft = _needs_draft(round_path, root)
        ours, floor = [], []
        for _ in range(repeats):
            start = time.perf_counter()
            _parapp(round_path, root, draft)
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            _bare(round_path, root)
            floor.append(time.perf_counter() - start)
        content = _median_of(lambda: _content(round_path), repeats)
    o, f = statistics.median(ours), statistics.median(floor)
    sys.stdout.write(f"results PDF + workbook, demo round{' (draft)' if draft else ''}, "
                     f"median of {repeats}\n"
                     f"  parapp export_results      {o * 1000:8.0f} ms\n"
                     f"  bare ReportLab + openpyxl  {f * 1000:8.0f} ms (same content written)\n"
                     f"  of which the shared content (checked results, report model) "
                     f"{content * 1000:.0f} ms\n"
                     f"RATIO results_export {o / f:.2f} 1.3\n")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
