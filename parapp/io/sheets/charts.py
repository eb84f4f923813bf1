"""Charts of the council's results drawn with ReportLab graphics (vector, deterministic).

``ranking_chart``: one horizontal bar per unit of a ranking group, best first, bar length the
index on a 0-100 % axis, coloured by classification band, with the bands' lower bounds as dashed
lines and the values in a column of their own; ``ranking_charts`` cuts a long group into charts
that each fit a page. ``area_profile_chart``: one bar per area of a unit, achieved / maximum in
%, and last year's points on the same maximum as a thin grey bar when compared.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from parapp.core.criteria import ClassBand
from parapp.core.numbers import format_score, ratio_percent, round_index
from parapp.io.sheets.member_sheet import nfc

FONT = "Serif"
FONT_BOLD = "Serif-Bold"
LABEL_SIZE = 10
BAND_COLOURS = ("#1B7837", "#2166AC", "#E08214", "#B2182B", "#762A83", "#4D4D4D")
"""Best band first; distinguishable in grey print by lightness as well as hue."""
UNCLASSIFIED = "#8C8C8C"
PREVIOUS_COLOUR = "#A6A6A6"
BAR_HEIGHT = 5 * mm
ROW_HEIGHT = 7.5 * mm
LABEL_WIDTH = 75 * mm
VALUE_ROOM = 32 * mm
"""Room right of the axis for "100,00 – Trung bình"."""
TOP_ROOM = 12 * mm
BOTTOM_ROOM = 16 * mm
MIN_ROW_HEIGHT = 5.5 * mm
"""The closest bars stay apart: 10 pt labels on 5.5 mm rows remain readable."""


@dataclass(frozen=True)
class RankedBar:
    """One unit's bar: its name, rank, index and class."""

    label: str
    rank: int
    index: Decimal
    classification: str
    incomplete: bool = False


@dataclass(frozen=True)
class AreaBar:
    """One area's bar: achieved / maximum this year, last year's points when compared."""

    label: str
    achieved: Decimal | None
    """None: the area does not apply."""
    maximum: Decimal
    previous: Decimal | None = None


def _drawing(width: float, height: float) -> Drawing:
    """An empty drawing whose text state starts in the embedded serif (ReportLab's default
    would add an unembedded Helvetica to the PDF)."""
    drawing = Drawing(width, height)
    drawing.initialFontName = FONT
    drawing.initialFontSize = LABEL_SIZE
    return drawing


def band_colour(classes: Sequence[ClassBand], label: str) -> colors.Color:
    """The colour of a classification label (bands in the set's order, best first)."""
    labels = [band.label for band in classes]
    if label in labels:
        return colors.HexColor(BAND_COLOURS[min(labels.index(label), len(BAND_COLOURS) - 1)])
    return colors.HexColor(UNCLASSIFIED)


def _fit(text: str, size: float, width: float, font: str = FONT) -> str:
    """``text`` shortened with "…" until it fits ``width`` points."""
    text = nfc(text)
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _axis(drawing: Drawing, left: float, right: float, bottom: float, top: float) -> None:
    """Grid lines and labels at 0, 20, …, 100 %."""
    span = right - left
    for step in range(0, 101, 20):
        x = left + span * step / 100
        drawing.add(
            Line(x, bottom, x, top, strokeColor=colors.HexColor("#D9D9D9"), strokeWidth=0.5)
        )
        drawing.add(
            String(x, bottom - 4 * mm, f"{step}", fontName=FONT, fontSize=9, textAnchor="middle")
        )
    drawing.add(Line(left, bottom, left, top, strokeColor=colors.black, strokeWidth=0.8))
    drawing.add(Line(left, bottom, right, bottom, strokeColor=colors.black, strokeWidth=0.8))


def _bound(value: Decimal) -> str:
    """A band's lower bound without needless decimals ("70", "70,5")."""
    return format(value.normalize(), "f").replace(".", ",")


def _percent_x(left: float, span: float, value: Decimal) -> float:
    bounded = min(max(value, Decimal(0)), Decimal(100))
    return left + span * float(bounded) / 100


def ranking_chart(
    bars: Sequence[RankedBar],
    classes: Sequence[ClassBand],
    width: float,
    row_height: float = ROW_HEIGHT,
) -> Drawing:
    """Horizontal index bars, in the given (rank) order, with class bands and a legend. The
    values stand in a column right of the axis, so that no threshold line crosses them."""
    height = TOP_ROOM + row_height * len(bars) + BOTTOM_ROOM
    bar_height = min(BAR_HEIGHT, row_height - 1.5 * mm)
    drawing = _drawing(width, height)
    left = LABEL_WIDTH
    right = width - VALUE_ROOM
    span = right - left
    bottom = BOTTOM_ROOM
    top = height - TOP_ROOM
    _axis(drawing, left, right, bottom, top)
    shown = [band for band in classes if 0 < band.lower <= 100]
    for number, band in enumerate(sorted(shown, key=lambda b: b.lower)):
        x = _percent_x(left, span, band.lower)
        drawing.add(
            Line(
                x,
                bottom,
                x,
                top + 2,
                strokeColor=colors.HexColor("#595959"),
                strokeWidth=0.6,
                strokeDashArray=[3, 2],
            )
        )
        # Neighbouring bounds (70, 80) are close on the axis: alternate the labels' height.
        drawing.add(
            String(
                x,
                top + 3 + (number % 2) * 9,
                nfc(f"{band.label} ≥ {_bound(band.lower)}"),
                fontName=FONT,
                fontSize=8,
                textAnchor="middle",
            )
        )
    for number, bar in enumerate(bars):
        y = top - row_height * (number + 1) + (row_height - bar_height) / 2
        label = f"{bar.rank}. {bar.label}{' (*)' if bar.incomplete else ''}"
        drawing.add(
            String(
                left - 2 * mm,
                y + 1.5,
                _fit(label, LABEL_SIZE, LABEL_WIDTH - 4 * mm),
                fontName=FONT,
                fontSize=LABEL_SIZE,
                textAnchor="end",
            )
        )
        end = _percent_x(left, span, bar.index)
        colour = band_colour(classes, bar.classification)
        drawing.add(Rect(left, y, end - left, bar_height, fillColor=colour, strokeColor=None))
        value = format_score(bar.index)
        if bar.classification:
            value += f" – {bar.classification}"
        drawing.add(String(right + 2 * mm, y + 1.5, nfc(value), fontName=FONT, fontSize=9))
    _legend(drawing, classes, left)
    return drawing


def _legend(drawing: Drawing, classes: Sequence[ClassBand], left: float) -> None:
    x = left
    y = 2 * mm
    drawing.add(
        String(left - 2 * mm, y + 1, "Chỉ số (%)", fontName=FONT, fontSize=9, textAnchor="end")
    )
    for band in classes:
        drawing.add(
            Rect(x, y, 4 * mm, 3 * mm, fillColor=band_colour(classes, band.label), strokeColor=None)
        )
        text = nfc(band.label)
        drawing.add(String(x + 5 * mm, y + 0.5, text, fontName=FONT, fontSize=9))
        x += 5 * mm + stringWidth(text, FONT, 9) + 6 * mm


def rows_per_chart(height: float) -> int:
    """The most bars one chart of at most ``height`` points holds, rows kept readable."""
    return max(1, int((height - TOP_ROOM - BOTTOM_ROOM) // MIN_ROW_HEIGHT))


def ranking_charts(
    bars: Sequence[RankedBar], classes: Sequence[ClassBand], width: float, height: float
) -> list[Drawing]:
    """The group as one chart of at most ``height`` points when its bars fit, else as several
    charts of even size (each for a page of its own); rows as tall as the page allows, up to
    ``ROW_HEIGHT``."""
    if not bars:
        return [ranking_chart([], classes, width)]
    most = rows_per_chart(height)
    count = -(-len(bars) // most)
    size = -(-len(bars) // count)
    row_height = min(ROW_HEIGHT, (height - TOP_ROOM - BOTTOM_ROOM) / size)
    return [
        ranking_chart(bars[start : start + size], classes, width, row_height)
        for start in range(0, len(bars), size)
    ]


def area_percent(achieved: Decimal, maximum: Decimal) -> Decimal:
    """Achieved / maximum in %, two places (0 when the maximum is 0)."""
    return round_index(ratio_percent(achieved, maximum))


AREA_LABEL_WIDTH = 100 * mm
AREA_VALUE_ROOM = 55 * mm


def area_profile_chart(bars: Sequence[AreaBar], width: float) -> Drawing:
    """One bar per area (achieved / maximum, %); last year's on the same maximum, thin and grey."""
    compared = any(bar.previous is not None for bar in bars)
    height = TOP_ROOM + ROW_HEIGHT * len(bars) + BOTTOM_ROOM
    drawing = _drawing(width, height)
    left = AREA_LABEL_WIDTH
    right = width - AREA_VALUE_ROOM
    span = right - left
    bottom = BOTTOM_ROOM
    top = height - TOP_ROOM
    _axis(drawing, left, right, bottom, top)
    current = colors.HexColor(BAND_COLOURS[1])
    for number, bar in enumerate(bars):
        y = top - ROW_HEIGHT * (number + 1) + (ROW_HEIGHT - BAR_HEIGHT) / 2
        drawing.add(
            String(
                left - 2 * mm,
                y + 1.5,
                _fit(bar.label, LABEL_SIZE, AREA_LABEL_WIDTH - 4 * mm),
                fontName=FONT,
                fontSize=LABEL_SIZE,
                textAnchor="end",
            )
        )
        if bar.achieved is None:
            drawing.add(
                String(left + 2 * mm, y + 1.5, "Không áp dụng", fontName="Serif-Italic", fontSize=9)
            )
            continue
        percent = area_percent(bar.achieved, bar.maximum)
        end = _percent_x(left, span, percent)
        thick = BAR_HEIGHT * (0.62 if compared else 1)
        drawing.add(
            Rect(
                left, y + BAR_HEIGHT - thick, end - left, thick, fillColor=current, strokeColor=None
            )
        )
        text = (
            f"{format_score(bar.achieved)}/{format_score(bar.maximum)} ({format_score(percent)} %)"
        )
        if bar.previous is not None:
            before = area_percent(bar.previous, bar.maximum)
            previous_end = _percent_x(left, span, before)
            drawing.add(
                Rect(
                    left,
                    y,
                    previous_end - left,
                    BAR_HEIGHT * 0.3,
                    fillColor=colors.HexColor(PREVIOUS_COLOUR),
                    strokeColor=None,
                )
            )
            text += f"; năm trước {format_score(bar.previous)}"
        drawing.add(String(right + 2 * mm, y + 1.5, nfc(text), fontName=FONT, fontSize=9))
    _profile_legend(drawing, left, current, compared)
    return drawing


def _profile_legend(drawing: Drawing, left: float, current: colors.Color, compared: bool) -> None:
    y = 2 * mm
    drawing.add(
        String(
            left - 2 * mm, y + 1, "Đạt / tối đa (%)", fontName=FONT, fontSize=9, textAnchor="end"
        )
    )
    drawing.add(Rect(left, y, 4 * mm, 3 * mm, fillColor=current, strokeColor=None))
    drawing.add(String(left + 5 * mm, y + 0.5, "Năm nay", fontName=FONT, fontSize=9))
    if compared:
        x = left + 25 * mm
        drawing.add(
            Rect(x, y, 4 * mm, 3 * mm, fillColor=colors.HexColor(PREVIOUS_COLOUR), strokeColor=None)
        )
        drawing.add(
            String(
                x + 5 * mm,
                y + 0.5,
                "Năm trước (trên điểm tối đa năm nay)",
                fontName=FONT,
                fontSize=9,
            )
        )
