"""Printing renders every page of the exported PDF onto the printer (a PDF file here)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from parapp.core.errors import ValidationError
from parapp.core.messages import Lang
from parapp.services import submission
from parapp.ui.widgets import i18n
from parapp.ui.widgets.print_sheet import SheetPrintJob, print_pdf
from tests.submission_round import MEMBER, PLACE, UNIT, make_round

pytestmark = pytest.mark.gui


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    found = re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)
    assert found is not None
    return int(found.group(1))


def pdf_printer(out: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    return printer


def test_every_page_of_the_sheet_is_printed_in_landscape(
    qtbot: QtBot, tmp_path: Path, sample_criteria_data: dict[str, Any]
) -> None:
    with make_round(tmp_path / "round", sample_criteria_data, None) as ctx:
        exported = submission.export_pdf_for_printing(
            ctx, MEMBER, UNIT, tmp_path / "sheet.pdf", place=PLACE, date=dt.date(2026, 12, 12)
        )
    printed = tmp_path / "printed.pdf"
    printer = pdf_printer(printed)
    assert print_pdf(exported.path, printer) == exported.pages
    assert pdf_pages(printed) == exported.pages
    info = subprocess.run(
        ["pdfinfo", str(printed)], capture_output=True, text=True, check=True
    ).stdout
    width, height = map(float, re.findall(r"Page size:\s+([\d.]+) x ([\d.]+)", info)[0])
    assert width > height  # the landscape sheet stays landscape


def test_a_file_that_is_not_a_pdf_is_a_user_error(qtbot: QtBot, tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf")
    with pytest.raises(ValidationError):
        print_pdf(bad, pdf_printer(tmp_path / "out.pdf"))
    assert not (tmp_path / "out.pdf").exists()


def page_sizes(path: Path) -> list[tuple[float, float]]:
    """Each page's (width, height) in points, as poppler reads the file."""
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return [
        (float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    ]


def _mixed_pdf(path: Path) -> Path:
    """A portrait cover, two landscape table pages, a portrait annex: as a notice with annexes."""
    sheet = canvas.Canvas(str(path), pagesize=A4)
    for number, size in enumerate((A4, landscape(A4), landscape(A4), A4), start=1):
        sheet.setPageSize(size)
        sheet.drawString(72, size[1] - 72, f"page {number}")
        sheet.showPage()
    sheet.save()
    return path


def test_printed_pages_keep_each_pages_a4_orientation(qtbot: QtBot, tmp_path: Path) -> None:
    source = _mixed_pdf(tmp_path / "mixed.pdf")
    printed = tmp_path / "printed.pdf"
    assert print_pdf(source, pdf_printer(printed)) == 4
    expected = page_sizes(source)
    got = page_sizes(printed)
    assert len(got) == len(expected) == 4
    for (w0, h0), (w1, h1) in zip(expected, got, strict=True):
        assert (w0 > h0) == (w1 > h1)  # same orientation, page by page
        assert sorted((round(w1), round(h1))) == [595, 842]  # A4


def test_print_preview_shows_the_landscape_sheet_in_vietnamese(
    qtbot: QtBot, tmp_path: Path, sample_criteria_data: dict[str, Any]
) -> None:
    i18n.install(Lang.VI)
    try:
        with make_round(tmp_path / "round", sample_criteria_data, None) as ctx:
            exported = submission.export_pdf_for_printing(
                ctx, MEMBER, UNIT, tmp_path / "sheet.pdf", place=PLACE, date=dt.date(2026, 12, 12)
            )
        job = SheetPrintJob(exported.path)
        qtbot.addWidget(job.dialog)
        layout = job.printer.pageLayout()
        assert layout.orientation() is QPageLayout.Orientation.Landscape
        assert layout.pageSize().id() is QPageSize.PageSizeId.A4
        job.open()
        qtbot.waitUntil(lambda: job.pages_printed == exported.pages)  # the preview painted them
        actions = {a.text() for a in job.dialog.findChildren(QAction)}
        assert {"In", "Khổ ngang", "Thiết lập trang", "Trang sau"} <= actions  # qtbase_vi
        assert job.dialog.width() <= 1366
        assert job.dialog.height() <= 728
        shots = Path("/tmp/shots")
        if shots.is_dir():
            assert job.dialog.grab().save(str(shots / "finish-print-preview.png"))
        job.dialog.reject()
    finally:
        i18n.reset()
