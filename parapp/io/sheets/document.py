"""The document every official PDF is: Nghị định 30 margins, A4 landscape or portrait, fonts all
embedded (the canvas starts in the embedded serif, never Helvetica), the document's own date as
its creation date (so the same content gives the same bytes, dated as printed), the issuing body
as author; and its page numbers: none on a part's first page, then the plain number centred in
the top margin, each appendix numbered on its own and named on each of its later pages, so that
a loose page can be put back.
"""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from parapp.io.sheets.table import nfc

LANDSCAPE = landscape(A4)
PORTRAIT = A4
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
NUMBER_SIZE = 13
"""ND30: the page number in Arabic figures, 13-14 pt, upright, centred in the top margin."""
NUMBER_FROM_TOP = 12 * mm
LABEL_SIZE = 11
FONT = "Serif"


def pdf_date(day: dt.date) -> str:
    """``day`` as a PDF date at midnight, Vietnam's time ("D:20270120000000+07'00'")."""
    return f"D:{day:%Y%m%d}000000+07'00'"


def nd30_document(
    out: BytesIO,
    *,
    title: str,
    author: str,
    subject: str,
    date: dt.date,
    pagesize: tuple[float, float] = LANDSCAPE,
    invariant: bool = True,
) -> SimpleDocTemplate:
    """A document with the ND30 margins and the given metadata; ``invariant``: the same content
    gives the same bytes (the creation date is ``date`` either way, through ``PageCounter``)."""
    return SimpleDocTemplate(
        out,
        pagesize=pagesize,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=nfc(title),
        author=nfc(author),
        subject=nfc(subject),
        creator="parapp",
        invariant=int(invariant),
        initialFontName=FONT,
    )


class PageCounter:
    """Builds a canvas class that holds every page until the end, then numbers each page within
    its part (a ``SectionStart`` starts a part: an appendix), names the part on its later pages
    and writes ``mark`` (e.g. "DỰ THẢO") at the top right of every page. The PDF is dated
    ``date``."""

    def __init__(self, date: dt.date | None = None, *, mark: str = "") -> None:
        self.date = date
        self.mark = mark
        self.total = 0
        self.starts: dict[int, str] = {1: ""}
        """Page (1-based, whole document) on which a separately numbered part begins -> its
        name printed on its later pages ("" for the main text)."""

    def numbering(self, page: int, total: int) -> tuple[int, int]:
        """The number of ``page`` within its part and the part's page count."""
        first = max(start for start in self.starts if start <= page)
        later = [start for start in self.starts if start > first]
        last = min(later) - 1 if later else total
        return page - first + 1, last - first + 1

    def label(self, page: int) -> str:
        """The name of the part ``page`` belongs to."""
        return self.starts[max(start for start in self.starts if start <= page)]

    def canvas_class(self) -> type[Canvas]:
        """The canvas class to pass to ``doc.build(..., canvasmaker=...)``."""
        counter = self

        class NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab is untyped
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                kwargs["initialFontName"] = FONT
                super().__init__(*args, **kwargs)
                if counter.date is not None:
                    stamp = pdf_date(counter.date)
                    self.setDateFormatter(lambda *_: stamp)
                self._pages: list[dict[str, Any]] = []

            def showPage(self) -> None:  # noqa: N802 - ReportLab's name
                self._pages.append(dict(self.__dict__))
                self._startPage()

            def save(self) -> None:
                total = len(self._pages)
                counter.total = total
                for state in self._pages:
                    self.__dict__.update(state)
                    counter.decorate(self, self.getPageNumber(), total)
                    super().showPage()
                super().save()

        return NumberedCanvas

    def decorate(self, canvas: Canvas, page: int, total: int) -> None:
        """The top margin of ``page``: its number, its part's name, the mark."""
        width, height = canvas._pagesize
        y = height - NUMBER_FROM_TOP
        number, _ = self.numbering(page, total)
        canvas.saveState()
        if number > 1:
            canvas.setFont(FONT, NUMBER_SIZE)
            canvas.drawCentredString(width / 2, y, str(number))
            label = self.label(page)
            if label:
                canvas.setFont("Serif-Italic", LABEL_SIZE)
                canvas.drawString(MARGIN_LEFT, y, nfc(label))
        if self.mark:
            canvas.setFont("Serif-Bold", NUMBER_SIZE)
            canvas.drawRightString(width - MARGIN_RIGHT, y, nfc(self.mark))
        canvas.restoreState()


class SectionStart(Flowable):  # type: ignore[misc]  # ReportLab is untyped
    """Zero-size mark: the page it lands on starts a separately numbered part (an appendix),
    named ``label`` on its later pages."""

    def __init__(self, counter: PageCounter, label: str = "") -> None:
        super().__init__()
        self.counter = counter
        self.label = label
        self.width = 0
        self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.counter.starts[self.canv.getPageNumber()] = self.label
