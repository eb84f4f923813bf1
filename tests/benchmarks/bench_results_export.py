"""Benchmark the council's results PDF + workbook for the demo round against bare libraries.

Run as ``uv run python tests/benchmarks/bench_results_export.py [--quick]``. parapp's
``reports.export_results`` (the checked results, official layout, fonts, charts, provenance)
against a bare ReportLab + openpyxl script writing the same ranking table (one row per unit:
rank, name, total, index, classification, and per area) and one bar chart of the indexes in
each, medians of alternating repeats. Ends with ``RATIO results_export <parapp/bare> 1.3``.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import SimpleDocTemplate, Table

from parapp import paths
from parapp.core.numbers import format_score
from parapp.core.results import RoundResults
from parapp.services import reports, results
from parapp.services.context import open_round
from parapp.services.demo.year import build_demo
from parapp.services.results_checks import ResultsBlockedError

DATE = dt.date(2026, 12, 15)


def _table(res: RoundResults) -> list[list[str]]:
    areas = [node.code for node in res.criteria_set.nodes]
    rows = [["Hạng", "Đơn vị", "Tổng điểm", "Chỉ số %", "Xếp loại", *areas]]
    for outcome in res.outcomes:
        r = outcome.result
        per_area = [format_score(r.totals[a].achieved) if a in r.totals else "" for a in areas]
        rows.append([str(outcome.rank), outcome.unit.name, format_score(r.achieved),
                     format_score(r.index), r.classification, *per_area])  # fmt: skip
    return rows


def _bare(ctx_path: Path, out: Path) -> None:
    with open_round(ctx_path) as ctx:
        rows = _table(results.round_results(ctx))
    doc = SimpleDocTemplate(str(out / "bare.pdf"), pagesize=landscape(A4))
    table = Table(rows, repeatRows=1)
    table.setStyle([("FONTNAME", (0, 0), (-1, -1), "BenchSans")])
    chart = Drawing(700, 250)
    bars = VerticalBarChart()
    bars.width, bars.height = 650, 200
    bars.data = [[float(row[3].replace(",", ".") or 0) for row in rows[1:]]]
    chart.add(bars)
    doc.build([table, chart])
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    bar = BarChart()
    bar.add_data(Reference(sheet, min_col=4, min_row=1, max_row=len(rows)), titles_from_data=True)
    sheet.add_chart(bar, "A40")
    book.save(out / "bare.xlsx")


def _parapp(ctx_path: Path, out: Path) -> None:
    with open_round(ctx_path) as ctx:
        try:
            reports.export_results(ctx, xlsx=out / "r.xlsx", pdf=out / "r.pdf", place="Thái Nguyên",
                                   date=DATE)  # fmt: skip
        except ResultsBlockedError:  # the demo round may hold unmerged items: a draft then
            reports.export_results(ctx, xlsx=out / "r.xlsx", pdf=out / "r.pdf", place="Thái Nguyên",
                                   date=DATE, draft=True)  # fmt: skip


def main(argv: list[str]) -> int:
    """Build the demo, time both alternately, print the figures and the RATIO line."""
    repeats = 3 if "--quick" in argv else 7
    regular = next(iter(sorted(paths.resource("fonts").glob("*Sans-Regular.ttf"))), None)
    if regular is None:
        regular = next(iter(sorted(paths.resource("fonts").glob("*.ttf"))))
    pdfmetrics.registerFont(TTFont("BenchSans", str(regular)))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        demo = build_demo(root / "demo")
        round_path = demo.rounds[0].path
        ours, floor = [], []
        for _ in range(repeats):
            start = time.perf_counter()
            _parapp(round_path, root)
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            _bare(round_path, root)
            floor.append(time.perf_counter() - start)
    o, f = statistics.median(ours), statistics.median(floor)
    sys.stdout.write(f"results PDF + workbook, demo round, median of {repeats}\n"
                     f"  parapp export_results      {o * 1000:8.0f} ms\n"
                     f"  bare ReportLab + openpyxl  {f * 1000:8.0f} ms (same results computed)\n"
                     f"RATIO results_export {o / f:.2f} 1.3\n")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
