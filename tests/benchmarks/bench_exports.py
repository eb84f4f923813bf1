"""Benchmark exporting the score sheets of every demo unit (department round, one member).

Run as ``uv run python tests/benchmarks/bench_exports.py [--quick]`` (quick: no LibreOffice).
Compares, for the same units:
parapp's PDF + xlsx export (service calls: sheet model, ND30 layout, fonts, _meta sheet) against a
bare ReportLab + openpyxl script writing the same tables (target: parapp at most 1.3x), and
against LibreOffice headless converting the same workbooks to PDF (target: parapp at least 5x
faster). Medians of a few runs, figures side by side; ends with
``RATIO member_sheets_export <parapp/bare> 1.3``.
"""

from __future__ import annotations

import datetime as dt
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from parapp import paths
from parapp.core.numbers import format_score
from parapp.services import exports, rounds
from parapp.services.context import RoundContext
from parapp.services.demo.year import build_demo, open_first_member_workspace
from parapp.services.scoring import load_sheet

RUNS = 3
PLACE = "Thái Nguyên"
DATE = dt.date(2026, 12, 15)
STYLE = ParagraphStyle("cell", fontName="BenchSerif", fontSize=11, leading=13)
COLUMNS = [x * mm for x in (10, 16, 110, 18, 18, 18, 50)]


def _median(run: Callable[[], None]) -> float:
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _parapp_pdf(ctx: RoundContext, member: str, units: list[str], out: Path) -> None:
    for unit in units:
        pdf = out / f"{unit}.pdf"
        exports.export_member_sheet_pdf(ctx, member, unit, pdf, place=PLACE, date=DATE)


def _parapp_xlsx(ctx: RoundContext, member: str, units: list[str], out: Path) -> None:
    for unit in units:
        xlsx = out / f"{unit}.xlsx"
        exports.export_member_sheet_xlsx(ctx, member, unit, xlsx, place=PLACE, date=DATE)


def _rows(ctx: RoundContext, member: str, unit: str) -> list[list[str]]:
    """The same table parapp prints: code, content, maximum, self-score, appraisal, comment."""
    sheet = load_sheet(ctx, member, unit)
    criteria = ctx.criteria_set()
    rows = [["STT", "Mã", "Nội dung", "Điểm tối đa", "Tự chấm", "Thẩm định", "Ý kiến"]]
    for number, node in enumerate(criteria.walk(), start=1):
        entry = sheet.entries.get(node.code)
        rows.append(
            [
                str(number),
                node.code,
                node.name,
                format_score(node.max_for(sheet.unit.unit_type)),
                format_score(entry.self_score if entry else None),
                format_score(entry.appraised if entry else None),
                entry.comment if entry else "",
            ]
        )
    return rows


def _bare(tables: dict[str, list[list[str]]], out: Path) -> None:
    for unit, rows in tables.items():
        doc = SimpleDocTemplate(
            str(out / f"{unit}-bare.pdf"), pagesize=landscape(A4), leftMargin=30 * mm
        )
        # Wrapped cells as parapp's (a Paragraph per text cell), plain strings for numbers.
        cells = [[Paragraph(c, STYLE) if i in (2, 6) else c for i, c in enumerate(r)] for r in rows]
        table = Table(cells, repeatRows=1, colWidths=COLUMNS)
        table.setStyle([("FONTNAME", (0, 0), (-1, -1), "BenchSerif")])
        doc.build([table])
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        for row in rows:
            sheet.append(row)
        book.save(out / f"{unit}-bare.xlsx")


def _libreoffice(workbooks: list[Path], out: Path) -> None:
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{out}/lo-profile",
         "--convert-to", "pdf", "--outdir", str(out / "lo"), *map(str, workbooks)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip


def main() -> int:
    fonts = paths.resource("fonts")
    regular = next(iter(sorted(fonts.glob("*Serif-Regular.ttf"))), None)
    if regular is None:
        print("no serif font in resources/fonts")
        return 1
    pdfmetrics.registerFont(TTFont("BenchSerif", str(regular)))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        build_demo(root / "demo")
        with open_first_member_workspace(root / "demo") as ctx:
            member = rounds.round_info(ctx).workspace_member_id
            assert member is not None
            units = [u.id for u in rounds.list_units(ctx)]
            out = root / "out"
            out.mkdir()
            pdf_s = _median(lambda: _parapp_pdf(ctx, member, units, out))
            xlsx_s = _median(lambda: _parapp_xlsx(ctx, member, units, out))
            parapp_s = pdf_s + xlsx_s
            tables = {unit: _rows(ctx, member, unit) for unit in units}
        bare_s = _median(lambda: _bare(tables, out))
        workbooks = [out / f"{unit}.xlsx" for unit in units]
        lo_s = None
        if shutil.which("soffice") and "--quick" not in sys.argv:
            _libreoffice(workbooks[:1], root)  # first start creates the profile: not counted
            start = time.perf_counter()
            _libreoffice(workbooks, root)
            lo_s = time.perf_counter() - start
    report = [
        f"units exported (PDF + xlsx each): {len(units)}",
        f"parapp export              {parapp_s:7.3f} s   (PDF {pdf_s:.3f} s, xlsx {xlsx_s:.3f} s)",
        f"bare ReportLab + openpyxl  {bare_s:7.3f} s   parapp / bare = {parapp_s / bare_s:.2f}x"
        " (target <= 1.3x)",
    ]
    if lo_s is not None:
        report.append(
            f"LibreOffice xlsx -> PDF    {lo_s:7.3f} s   LibreOffice / parapp = "
            f"{lo_s / parapp_s:.1f}x (first-wave target >= 5x; the bare ReportLab + openpyxl "
            f"floor itself is only {lo_s / bare_s:.1f}x)"
        )
    else:
        report.append("LibreOffice: skipped (--quick or soffice not found)")
    report.append(f"RATIO member_sheets_export {parapp_s / bare_s:.2f} 1.3")
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
