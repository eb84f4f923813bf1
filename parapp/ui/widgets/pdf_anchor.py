"""Keep the spot being read in a ``QPdfView`` in place across a change of scale.

QtPdf lays the pages out top to bottom (``documentMargins``, ``pageSpacing`` between pages),
each page ``points × zoom × dpi / 72`` pixels. ``reading_spot`` turns the viewport's centre into
(page, point on that page); ``show_spot`` scrolls so that the same point is at the centre again
after the zoom changed, so the page and the line being read stay in view.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView


@dataclass(frozen=True)
class Spot:
    """A point on a page, in PDF points from the page's top-left corner."""

    page: int
    x: float
    y: float


def _scale(view: QPdfView, zoom: float) -> float:
    screen = view.screen()
    dpi = screen.logicalDotsPerInch() if screen is not None else 96.0
    return zoom * dpi / 72.0


def _page_top(view: QPdfView, document: QPdfDocument, page: int, scale: float) -> float:
    top = float(view.documentMargins().top())
    for index in range(page):
        top += document.pagePointSize(index).height() * scale + view.pageSpacing()
    return top


def _page_left(view: QPdfView, document: QPdfDocument, page: int, scale: float) -> float:
    """Pages are centred horizontally in the widest page's column."""
    margins = view.documentMargins()
    widest = max(document.pagePointSize(i).width() for i in range(document.pageCount())) * scale
    content = max(widest + margins.left() + margins.right(), float(view.viewport().width()))
    return (content - document.pagePointSize(page).width() * scale) / 2


def reading_spot(view: QPdfView, document: QPdfDocument, zoom: float) -> Spot | None:
    """The point at the viewport's centre, at scale ``zoom`` (None: no page)."""
    count = document.pageCount()
    if count < 1:
        return None
    scale = _scale(view, zoom)
    centre_y = view.verticalScrollBar().value() + view.viewport().height() / 2
    centre_x = view.horizontalScrollBar().value() + view.viewport().width() / 2
    page = 0
    for index in range(count):
        bottom = (
            _page_top(view, document, index, scale) + document.pagePointSize(index).height() * scale
        )
        page = index
        if centre_y < bottom + view.pageSpacing():
            break
    size = document.pagePointSize(page)
    y = (centre_y - _page_top(view, document, page, scale)) / scale
    x = (centre_x - _page_left(view, document, page, scale)) / scale
    return Spot(page, min(max(x, 0.0), size.width()), min(max(y, 0.0), size.height()))


def show_spot(view: QPdfView, document: QPdfDocument, zoom: float, spot: Spot) -> None:
    """Scroll so that ``spot`` is at the viewport's centre at scale ``zoom``."""
    scale = _scale(view, zoom)
    y = _page_top(view, document, spot.page, scale) + spot.y * scale
    x = _page_left(view, document, spot.page, scale) + spot.x * scale
    view.verticalScrollBar().setValue(round(y - view.viewport().height() / 2))
    view.horizontalScrollBar().setValue(round(x - view.viewport().width() / 2))
