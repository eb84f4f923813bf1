"""Classification band sets of a round: the province's own bands or the national groups.

A band set lists bands from the top down; a band covers ``lower <= index < upper`` (the top band
also covers its upper bound, 100 %). A sound set starts at 100, ends at 0 and leaves neither a
gap nor an overlap between neighbours. Presets: the criteria set's own bands, the usual
Tốt / Khá / Trung bình / Yếu, Huế's five and the national groups (Nhóm A ≥ 90 %, Nhóm B 80–< 90 %,
Nhóm C 70–< 80 %, with the round's label below 70 %). A round may also state its own (``parse``
from text or rows read from a workbook), checked row by row with every problem located.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from parapp.core.criteria import CriteriaSet
from parapp.core.errors import Location, Problem, ValidationError
from parapp.core.messages import Lang, Msg
from parapp.core.numbers import canonical, format_score, parse_decimal

HUNDRED = Decimal(100)
ZERO = Decimal(0)
SET_PRESET = "bo-tieu-chi"
"""The criteria set's own bands (the default of a round)."""
CUSTOM = "tu-dat"
"""A band set the round states itself."""
NATIONAL_BELOW = "Dưới Nhóm C"
"""The national preset's label below 70 % when the round does not say another."""


@dataclass(frozen=True)
class ClassRange:
    """One band: ``lower <= index < upper`` (``upper`` None: up to and including 100)."""

    label: str
    lower: Decimal
    upper: Decimal | None = None

    def contains(self, index: Decimal) -> bool:
        """Whether the rounded index falls in this band."""
        return index >= self.lower and (self.upper is None or index < self.upper)

    def describe(self, lang: Lang | str = Lang.VI) -> str:
        """E.g. "Tốt: 80 – < 90 %", "Xuất sắc: ≥ 90 %", "Yếu: < 55 %"."""
        low = _number(self.lower, lang)
        if self.upper is None:
            return f"{self.label}: ≥ {low} %"
        high = _number(self.upper, lang)
        if self.lower == ZERO:
            return f"{self.label}: < {high} %"
        return f"{self.label}: {low} – < {high} %"


@dataclass(frozen=True)
class BandSet:
    """A round's classification bands, best first."""

    code: str
    name: Msg
    bands: tuple[ClassRange, ...]

    def classify(self, index: Decimal) -> str:
        """The label of the band the rounded index falls in (empty: none)."""
        return next((band.label for band in self.bands if band.contains(index)), "")

    def describe(self, lang: Lang | str = Lang.VI) -> str:
        """The set on one line: its name then every band."""
        bands = "; ".join(band.describe(lang) for band in self.bands)
        return f"{self.name.get(lang)} — {bands}"

    def to_json(self) -> dict[str, Any]:
        """Plain data for the round's settings (decimals as text)."""
        return {
            "code": self.code,
            "name": {"vi": self.name.vi, "en": self.name.en},
            "bands": [
                {
                    "label": band.label,
                    "lower": canonical(band.lower),
                    "upper": None if band.upper is None else canonical(band.upper),
                }
                for band in self.bands
            ],
        }


def from_json(data: Mapping[str, Any]) -> BandSet:
    """The band set stored by ``BandSet.to_json``."""
    name = data["name"]
    return BandSet(
        str(data["code"]),
        Msg(str(name["vi"]), str(name["en"])),
        tuple(
            ClassRange(
                str(band["label"]),
                Decimal(band["lower"]),
                None if band["upper"] is None else Decimal(band["upper"]),
            )
            for band in data["bands"]
        ),
    )


def _number(value: Decimal, lang: Lang | str) -> str:
    return format_score(value, lang, places=max(0, _places(value)))


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _chain(code: str, name: Msg, pairs: Sequence[tuple[str, str]]) -> BandSet:
    """Bands from (label, lower) pairs, top first; each ends where the one above starts."""
    bands = []
    upper: Decimal | None = None
    for label, lower in pairs:
        bands.append(ClassRange(label, Decimal(lower), upper))
        upper = Decimal(lower)
    return BandSet(code, name, tuple(bands))


def from_criteria_set(criteria_set: CriteriaSet) -> BandSet:
    """The criteria set's own bands (each up to the next one's lower bound)."""
    return _chain(
        SET_PRESET,
        Msg("Xếp loại theo bộ tiêu chí", "The criteria set's classes"),
        [(band.label, canonical(band.lower)) for band in criteria_set.classes],
    )


def national(below: str = NATIONAL_BELOW) -> BandSet:
    """The national groups, with the round's label below 70 %."""
    return _chain(
        "nhom-quoc-gia",
        Msg("Nhóm theo kết quả Chỉ số CCHC quốc gia", "National PAR Index groups"),
        [("Nhóm A", "90"), ("Nhóm B", "80"), ("Nhóm C", "70"), (below, "0")],
    )


PRESETS: Mapping[str, BandSet] = {
    "tinh": _chain(
        "tinh",
        Msg("Xếp loại của tỉnh (Tốt, Khá, Trung bình, Yếu)", "Provincial classes (4 bands)"),
        [("Tốt", "80"), ("Khá", "70"), ("Trung bình", "50"), ("Yếu", "0")],
    ),
    "hue": _chain(
        "hue",
        Msg("Xếp loại năm mức (như Thừa Thiên Huế)", "Five classes (as Thừa Thiên Huế)"),
        [("Xuất sắc", "90"), ("Tốt", "80"), ("Khá", "70"), ("Trung bình", "55"), ("Yếu", "0")],
    ),
    "nhom-quoc-gia": national(),
}
"""Named presets beside ``SET_PRESET`` (the set's own) and ``CUSTOM``."""


@dataclass(frozen=True)
class BandRow:
    """One band as typed: label, lower and upper bound (text; empty upper: the band above's
    lower, or 100 for the first), each with where it was found."""

    label: str
    lower: str
    upper: str
    at_label: Location
    at_lower: Location
    at_upper: Location


def parse_text(text: str, source: str = "--bands") -> list[BandRow]:
    """Rows of a band set typed on one line: ``Tốt=80-90; Khá=70-80; ...`` (or ``Tốt=80``,
    the upper bound then being the band above's lower bound); item N sits on "row" N."""
    out = []
    for number, item in enumerate((part for part in text.split(";") if part.strip()), 1):
        label, _, bounds = item.partition("=")
        lower, _, upper = bounds.partition("-")
        at = Location(source, row=number)
        out.append(BandRow(label, lower, upper, at, at, at))
    return out


def check_rows(rows: Sequence[BandRow], name: Msg) -> tuple[BandSet | None, list[Problem]]:
    """A custom band set from its rows, or every problem with its location.

    Refused: an empty set, an empty or repeated label, a bound that is not a number within
    0–100, an upper bound not above the lower, bands not listed from the top down, an overlap
    or a gap between neighbours, a top band not reaching 100 % or a bottom band above 0 %.
    """
    problems: list[Problem] = []

    def fail(at: Location, vi: str, en: str) -> None:
        problems.append(Problem(at, Msg(vi, en)))

    if not rows:
        fail(Location("--bands"), "Bộ xếp loại không có mức nào.", "The band set has no band.")
        return None, problems
    parsed: list[tuple[BandRow, str, Decimal | None, Decimal | None]] = []
    labels: dict[str, int] = {}
    for number, row in enumerate(rows, 1):
        label = " ".join(row.label.split())
        if not label:
            fail(row.at_label, "Tên mức xếp loại đang để trống.", "The band's label is empty.")
        elif label.casefold() in labels:
            first = labels[label.casefold()]
            fail(
                row.at_label,
                f"Mức “{label}” bị lặp (đã có ở mức thứ {first}).",
                f"Band “{label}” is repeated (already band {first}).",
            )
        else:
            labels[label.casefold()] = number
        lower = _bound(row.lower, row.at_lower, Msg("Cận dưới", "The lower bound"), fail)
        upper = (
            None
            if not row.upper.strip()
            else _bound(row.upper, row.at_upper, Msg("Cận trên", "The upper bound"), fail)
        )
        if lower is not None and upper is not None and upper <= lower:
            fail(
                row.at_upper,
                f"Cận trên {_number(upper, Lang.VI)} % phải lớn hơn cận dưới "
                f"{_number(lower, Lang.VI)} %.",
                f"The upper bound {_number(upper, Lang.EN)} % must exceed the lower bound "
                f"{_number(lower, Lang.EN)} %.",
            )
            upper = None
        parsed.append((row, label, lower, upper))
    bands: list[ClassRange] = []
    above: Decimal | None = None
    for position, (row, label, lower, upper) in enumerate(parsed):
        if lower is None:
            above = None
            continue
        if above is not None and lower >= above:
            fail(
                row.at_lower,
                f"Các mức phải xếp từ cao xuống thấp: cận dưới {_number(lower, Lang.VI)} % "
                f"không thấp hơn mức ở trên ({_number(above, Lang.VI)} %).",
                f"Bands must be listed from the top down: the lower bound "
                f"{_number(lower, Lang.EN)} % is not below the band above "
                f"({_number(above, Lang.EN)} %).",
            )
        elif above is not None and upper is not None and upper != above:
            word_vi = "chồng lên" if upper > above else "hở với"
            word_en = "overlaps" if upper > above else "leaves a gap below"
            fail(
                row.at_upper,
                f"Mức “{label}” {word_vi} mức ở trên: cận trên {_number(upper, Lang.VI)} % "
                f"khác cận dưới {_number(above, Lang.VI)} % của mức trên.",
                f"Band “{label}” {word_en} the band above: its upper bound "
                f"{_number(upper, Lang.EN)} % differs from that band's lower bound "
                f"{_number(above, Lang.EN)} %.",
            )
        elif position == 0 and upper is not None and upper != HUNDRED:
            fail(
                row.at_upper,
                f"Mức cao nhất phải đến 100 % (cận trên đang là {_number(upper, Lang.VI)} %).",
                f"The top band must reach 100 % (its upper bound is {_number(upper, Lang.EN)} %).",
            )
        bands.append(ClassRange(label, lower, None if position == 0 else above))
        above = lower
    last_row, _label, last_lower, _upper = parsed[-1]
    if last_lower is not None and last_lower != ZERO:
        fail(
            last_row.at_lower,
            f"Mức thấp nhất phải bắt đầu từ 0 % (đang là {_number(last_lower, Lang.VI)} %): "
            "chỉ số thấp hơn sẽ không được xếp loại.",
            f"The lowest band must start at 0 % (it starts at {_number(last_lower, Lang.EN)} %): "
            "a lower index would have no class.",
        )
    if problems:
        return None, problems
    return BandSet(CUSTOM, name, tuple(bands)), []


def _bound(
    text: str, at: Location, what: Msg, fail: Callable[[Location, str, str], None]
) -> Decimal | None:
    raw = text.strip().rstrip("%").strip()
    if not raw:
        fail(at, f"{what.vi} đang để trống.", f"{what.en} is empty.")
        return None
    try:
        value = parse_decimal(raw, places=2, what=what)
    except ValidationError as error:
        fail(at, error.msg.vi, error.msg.en)
        return None
    if value < ZERO or value > HUNDRED:
        fail(
            at,
            f"{what.vi} {_number(value, Lang.VI)} % phải trong khoảng 0–100 %.",
            f"{what.en} {_number(value, Lang.EN)} % must lie within 0–100 %.",
        )
        return None
    return value
