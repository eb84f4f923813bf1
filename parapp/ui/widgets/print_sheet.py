"""Print an exported score sheet: the PDF is rendered page by page with QtPdf onto a
``QPrinter`` (the system print dialog chooses it; tests print to a PDF file instead).

The sheet PDF already has the ND30 margins, so the printer prints the full page and each page is
scaled to fit, keeping its proportions. Pages are rendered at no more than ``MAX_DPI``: a printer
at 1200 dpi would otherwise need a 500 MB image for one A4 page.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from parapp.core.errors import ValidationError
from parapp.core.messages import Msg
from parapp.ui.widgets.errors import show_error

log = logging.getLogger(__name__)

MAX_DPI = 300


def _load(pdf: Path) -> QPdfDocument:
    document = QPdfDocument()
    error = document.load(str(pdf))
    if error != QPdfDocument.Error.None_ or document.pageCount() < 1:
        raise ValidationError(
            Msg(f"Không mở được {pdf.name} để in.", f"Cannot open {pdf.name} for printing.")
        )
    return document


def print_pdf(pdf: Path, printer: QPrinter) -> int:
    """Print every page of ``pdf`` on ``printer``; returns the number of pages printed.

    Raises:
        ValidationError: the PDF cannot be opened or the printer cannot start.
    """
    document = _load(Path(pdf))
    first = document.pagePointSize(0)
    printer.setFullPage(True)
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape
        if first.width() > first.height()
        else QPageLayout.Orientation.Portrait
    )
    painter = QPainter()
    if not painter.begin(printer):
        raise ValidationError(
            Msg(
                "Máy in không sẵn sàng; chưa in được.", "The printer is not ready; nothing printed."
            )
        )
    pages = document.pageCount()
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        for index in range(pages):
            if index:
                printer.newPage()
            _draw_page(painter, document, index, dpi)
    finally:
        painter.end()
        document.close()
    log.info("printed %s: %d pages", Path(pdf).name, pages)
    return pages


def _draw_page(painter: QPainter, document: QPdfDocument, index: int, dpi: int) -> None:
    points = document.pagePointSize(index)
    area = QRectF(painter.viewport())
    scale = min(area.width() / points.width(), area.height() / points.height())
    width, height = points.width() * scale, points.height() * scale
    target = QRectF(
        area.x() + (area.width() - width) / 2,
        area.y() + (area.height() - height) / 2,
        width,
        height,
    )
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    painter.drawImage(target, document.render(index, size))


class SheetPrintJob:
    """The system print dialog for one exported PDF; prints when the user accepts it.

    The dialog is opened window-modal with ``open()`` (it never blocks), and this object keeps
    the Python reference a shown dialog needs.
    """

    def __init__(self, pdf: Path, parent: QWidget | None = None) -> None:
        self.pdf = Path(pdf)
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.dialog = QPrintDialog(self.printer, parent)
        self.dialog.setWindowTitle(QCoreApplication.translate("print_sheet", "Print score sheet"))
        self.pages_printed: int | None = None
        self.dialog.accepted.connect(self._print)

    def open(self) -> None:
        """Show the print dialog (window-modal, not blocking)."""
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.show()

    def _print(self) -> None:
        try:
            self.pages_printed = print_pdf(self.pdf, self.printer)
        except Exception as exc:
            show_error(self.dialog.parentWidget(), exc)
