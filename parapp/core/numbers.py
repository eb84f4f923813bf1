"""Exact numbers: text <-> Decimal at every boundary, one parser, one formatter.

Scores are never floats. ``Decimal(41754.681)`` is
``Decimal('41754.680999999996856786310672760009765625')``: a binary float cannot hold most decimal
fractions, so a score built from a float is already wrong before any arithmetic. Decimals are built
from ``str`` or ``int`` only; the single exception is ``to_decimal``, which converts a float that
arrived from a library (openpyxl reads numbers as float) through its shortest repr,
``Decimal(str(v))``, and then the caller checks the number of places.

Quantizing happens only at named points with the named constants below, never through the global
decimal context: totals stay exact and the index is rounded once, at the end.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from parapp.core.errors import ValidationError
from parapp.core.messages import Lang, Msg

SCORE_PLACES = 2
"""Places a typed score or maximum may carry ("0,25" yes, "0,125" no)."""
INDEX_PLACES = Decimal("0.01")
"""The index is published with two decimals."""
ROUNDING = ROUND_HALF_UP
"""Published figures round half up (83,045 -> 83,05)."""
PRECISION = 50
"""Working precision for ratios; far beyond any score sheet."""
MAX_WHOLE_DIGITS = 15
"""Digits before the decimal point any parsed number may have (scores, maxima, figures such as
counts of dossiers): far beyond real data, well within ``PRECISION``."""

_NUMBER = re.compile(r"^([+-]?)(\d+)(?:[.,](\d*))?$|^([+-]?)[.,](\d+)$")


def parse_decimal(text: str, places: int = SCORE_PLACES, what: Msg | None = None) -> Decimal:
    """Parse a typed number with a decimal comma or point.

    Accepts "8,5", "8.5", "-1", "+2", ",5" and surrounding spaces. Rejects empty text, thousands
    separators, exponents, NaN, infinities and more than ``places`` decimals, each with a message
    the user can act on.

    Raises:
        ValidationError: the text is not an acceptable number.
    """
    label = what or Msg("Giá trị", "Value")
    raw = text.strip().replace("\u00a0", "")
    match = _NUMBER.match(raw)
    if match is None:
        raise ValidationError(_reason(raw, label))
    sign, whole, frac = (match.group(1), match.group(2), match.group(3) or "")
    if whole is None:
        sign, whole, frac = match.group(4), "0", match.group(5)
    if len(frac) > places:
        raise ValidationError(
            Msg(
                f"{label.vi} “{raw}” có quá {places} chữ số thập phân.",
                f"{label.en} “{raw}” has more than {places} decimal places.",
            )
        )
    value = Decimal(f"{sign}{whole}.{frac}" if frac else f"{sign}{whole}")
    _check_magnitude(value, label)
    return value + Decimal(0) if value.is_zero() else value  # normalises "-0" to "0"


def _check_magnitude(value: Decimal, label: Msg) -> None:
    # A hostile file can hold 1e999 (JSON) or 1e300 (a spreadsheet float); exact, finite, yet it
    # overflows every quantize at working precision and prints as a thousand digits.
    if not value.is_zero() and value.adjusted() >= MAX_WHOLE_DIGITS:
        raise ValidationError(
            Msg(
                f"{label.vi} quá lớn (tối đa {MAX_WHOLE_DIGITS} chữ số phần nguyên).",
                f"{label.en} is too large (at most {MAX_WHOLE_DIGITS} digits before the "
                "decimal point).",
            )
        )


def _reason(raw: str, label: Msg) -> Msg:
    lowered = raw.lower()
    if not raw:
        return Msg(f"{label.vi} đang để trống.", f"{label.en} is empty.")
    if lowered.lstrip("+-") in {"nan", "inf", "infinity", "snan"}:
        return Msg(
            f"{label.vi} “{raw}” không phải là một số hữu hạn.",
            f"{label.en} “{raw}” is not a finite number.",
        )
    if re.fullmatch(r"[+-]?[\d.,]+e[+-]?\d+", lowered):
        return Msg(
            f"{label.vi} “{raw}” viết dạng lũy thừa; hãy nhập số thường, ví dụ 8,5.",
            f"{label.en} “{raw}” uses an exponent; type a plain number such as 8.5.",
        )
    return Msg(
        f"{label.vi} “{raw}” không phải là số hợp lệ (ví dụ: 8,5 hoặc 8.5).",
        f"{label.en} “{raw}” is not a valid number (for example 8,5 or 8.5).",
    )


def parse_score(text: str, places: int = SCORE_PLACES) -> Decimal:
    """Parse a typed score ("8,5" or "8.5"). See ``parse_decimal`` for what is refused."""
    return parse_decimal(text, places, Msg("Điểm", "Score"))


def to_decimal(value: object, places: int = SCORE_PLACES, what: Msg | None = None) -> Decimal:
    """Convert a value read from a library (int, float, str, Decimal) to an exact Decimal.

    Floats go through ``str`` (their shortest repr), so 0.1 becomes Decimal("0.1"), not the binary
    expansion. Booleans are refused: a checkbox is not a score.

    Raises:
        ValidationError: not a finite number with at most ``places`` decimals.
    """
    label = what or Msg("Giá trị", "Value")
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise ValidationError(Msg(f"{label.vi} không phải là số.", f"{label.en} is not a number."))
    if isinstance(value, str):
        return parse_decimal(value, places, label)
    text = format(value, "f") if isinstance(value, Decimal) and value.is_finite() else str(value)
    try:
        exact = Decimal(text)
    except InvalidOperation:  # pragma: no cover - str() of int/float/Decimal always parses
        raise ValidationError(_reason(text, label)) from None
    if not exact.is_finite():
        raise ValidationError(_reason(text, label))
    _check_magnitude(exact, label)
    exponent = exact.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -places:
        raise ValidationError(
            Msg(
                f"{label.vi} “{text}” có quá {places} chữ số thập phân.",
                f"{label.en} “{text}” has more than {places} decimal places.",
            )
        )
    return exact + Decimal(0) if exact.is_zero() else exact


def is_multiple(value: Decimal, step: Decimal, origin: Decimal = Decimal(0)) -> bool:
    """True when ``value - origin`` is a whole number of ``step``s (exact, no float)."""
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return ((value - origin) % step).is_zero()


def ratio_percent(achieved: Decimal, maximum: Decimal) -> Decimal:
    """``achieved / maximum * 100``, exact enough and not yet rounded (0 when maximum is 0)."""
    if maximum.is_zero():
        return Decimal(0)
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return achieved * 100 / maximum


def round_index(value: Decimal, places: int = 2) -> Decimal:
    """Round a percentage once, for publication: ``places`` decimals (a set's ``index_places``,
    2 unless the set says otherwise), half up."""
    quantum = INDEX_PLACES if places == 2 else Decimal(1).scaleb(-places)
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return value.quantize(quantum, rounding=ROUNDING)


def canonical(value: Decimal) -> str:
    """The canonical text of a Decimal for files and databases: plain notation, no exponent,
    no trailing zeros beyond what was given ("1E+1" never appears)."""
    text = format(value, "f")
    # -0 prints like 0 at any scale ("-0.000" included), so equal values get equal text.
    return text[1:] if value.is_zero() and text.startswith("-") else text


def format_score(value: Decimal | None, lang: Lang | str = Lang.VI, places: int = 2) -> str:
    """Format for display: fixed ``places`` decimals, decimal comma in Vietnamese ("83,05")."""
    if value is None:
        return ""
    with localcontext() as ctx:
        ctx.prec = PRECISION
        text = format(value.quantize(Decimal(1).scaleb(-places), rounding=ROUNDING), "f")
    if text.startswith("-") and Decimal(text).is_zero():
        text = text[1:]
    return text if str(lang) == Lang.EN else text.replace(".", ",")
