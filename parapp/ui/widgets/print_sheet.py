"""Print an exported sheet: the PDF is rendered page by page with QtPdf onto a ``QPrinter``
(the print preview shows exactly that, then the system print dialog chooses the printer; tests
print to a PDF file instead).

The printed sheet is the PDF: A4, each page in the PDF's own orientation (the member's sheet and
the council's results are landscape, notices portrait), with no margin added, since the PDF
already has the ND30 margins. Pages are rendered at no more than ``MAX_DPI``: a printer at
1200 dpi would otherwise need a 500 MB image for one A4 page.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
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


def page_layout(points: QSizeF) -> QPageLayout:
    """A4 without margins, in the orientation of a PDF page of ``points`` (width × height)."""
    orientation = (
        QPageLayout.Orientation.Landscape
        if points.width() > points.height()
        else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(0, 0, 0, 0))


def print_pdf(pdf: Path, printer: QPrinter) -> int:
    """Print every page of ``pdf`` on ``printer``, A4 in each page's orientation; returns the
    number of pages printed.

    Raises:
        ValidationError: the PDF cannot be opened or the printer cannot start.
    """
    document = _load(Path(pdf))
    # Only a PDF file takes a new page layout in the middle of a job; a printer (and the
    # preview's) keeps the first page's, and a page turned the other way is turned on the sheet.
    to_file = printer.outputFormat() is QPrinter.OutputFormat.PdfFormat and bool(
        printer.outputFileName()
    )
    printer.setFullPage(True)
    printer.setPageLayout(page_layout(document.pagePointSize(0)))
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
            wanted = page_layout(document.pagePointSize(index))
            if index:
                # A page turned the other way (a portrait cover before landscape tables) keeps
                # its own orientation.
                if to_file:
                    printer.setPageLayout(wanted)
                printer.newPage()
            turned = wanted.orientation() != printer.pageLayout().orientation()
            _draw_page(painter, document, index, dpi, turned)
    finally:
        painter.end()
        document.close()
    log.info("printed %s: %d pages", Path(pdf).name, pages)
    return pages


def _draw_page(
    painter: QPainter, document: QPdfDocument, index: int, dpi: int, turned: bool = False
) -> None:
    """Draw page ``index`` centred and scaled to the sheet; ``turned``: a quarter turn, for a
    page whose orientation is not the sheet's."""
    points = document.pagePointSize(index)
    area = QRectF(painter.viewport())
    room = area.size().transposed() if turned else area.size()
    scale = min(room.width() / points.width(), room.height() / points.height())
    width, height = points.width() * scale, points.height() * scale
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    painter.save()
    painter.translate(area.center())
    if turned:
        painter.rotate(90)
    painter.drawImage(QRectF(-width / 2, -height / 2, width, height), document.render(index, size))
    painter.restore()


PREVIEW_SIZE = QSize(1100, 680)
"""The preview's size, within a 1366×768 screen's free area (the preview is resizable)."""


class SheetPrintJob:
    """The print preview of one exported PDF (Qt's own, translated by ``qtbase_vi``): it shows
    the pages as they will print, A4 in each page's orientation, and its Print button opens the
    system print dialog, then prints the same pages.

    The dialog is opened window-modal with ``open()`` (it never blocks), and this object keeps
    the Python reference a shown dialog needs.
    """

    def __init__(self, pdf: Path, parent: QWidget | None = None) -> None:
        self.pdf = Path(pdf)
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setPageLayout(page_layout(_first_page(self.pdf)))
        self.dialog = QPrintPreviewDialog(self.printer, parent)
        self.dialog.setWindowTitle(QCoreApplication.translate("print_sheet", "Print preview"))
        self.dialog.resize(PREVIEW_SIZE)
        self.pages_printed: int | None = None
        self.dialog.paintRequested.connect(self._paint)

    def open(self) -> None:
        """Show the print preview (window-modal, not blocking)."""
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.show()

    def _paint(self, printer: QPrinter) -> None:
        try:
            self.pages_printed = print_pdf(self.pdf, printer)
        except Exception as exc:
            show_error(self.dialog.parentWidget(), exc)


def _first_page(pdf: Path) -> QSizeF:
    """The first page's size in points (A4 portrait when the file cannot be read: the preview
    then shows the error)."""
    document = QPdfDocument()
    try:
        if document.load(str(pdf)) == QPdfDocument.Error.None_ and document.pageCount() > 0:
            return document.pagePointSize(0)
    finally:
        document.close()
    return QSizeF(595, 842)
