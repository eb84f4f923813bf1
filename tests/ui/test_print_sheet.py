"""Printing renders every page of the exported PDF onto the printer (a PDF file here)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from parapp.core.errors import ValidationError
from parapp.services import submission
from parapp.ui.widgets.print_sheet import print_pdf
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
