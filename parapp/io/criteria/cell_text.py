"""Text syntax of the criteria workbook's cells: scoring rules, choice labels, unit-type lists.

Pure text <-> model conversions (no openpyxl). ``parse_rule(format_rule(r)) == r`` for every rule
(else-bands are always inclusive). The rule grammar, with examples, is in docs/criteria-workbook.md:

    (blank) | tự do [bước N]
    mức: N [(nhãn)]; N [(nhãn)]; ...
    khoảng [tên số liệu] [(đơn vị) | %]: >=N → N [(nhãn)]; >N → N; còn lại → N; [bước N]
    tỷ lệ [tên số liệu] [(đơn vị) | %]: tối đa N

Inside labels a backslash escapes the next character (``\\;`` for a semicolon in a label).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

from parapp.core.criteria import (
    Aggregation,
    Assessor,
    Band,
    BandsRule,
    BonusMode,
    FreeRule,
    Level,
    LevelsRule,
    ProportionalRule,
    RankingMethod,
    Role,
    Rule,
)
from parapp.core.errors import ValidationError
from parapp.core.messages import Msg
from parapp.core.numbers import parse_decimal
from parapp.io.files.text import format_number, label_key

_E = TypeVar("_E", bound=StrEnum)

RULE_PLACES = 4
"""Places a level, band bound, step or figure maximum may carry (as in the JSON format)."""

_FREE = ("tự do", "free")
_LEVELS = ("mức", "levels")
_BANDS = ("khoảng", "bands")
_PROPORTIONAL = ("tỷ lệ", "tỉ lệ", "proportional")
_STEP = ("bước", "step")
_ELSE = ("còn lại", "else")
_MAX = ("tối đa", "max")
_ARROW = re.compile(r"→|->|=>")

_EXAMPLES = Msg(
    "Ví dụ: “mức: 1 (Kịp thời); 0,5 (Không kịp thời); 0”, “khoảng Tỷ lệ thực hiện %: >90 → 2; "
    ">=70 → 1; còn lại → 0”, “tự do bước 0,25”, “tỷ lệ %: tối đa 100”, hoặc để trống.",
    "Examples: “mức: 1 (Kịp thời); 0,5 (Không kịp thời); 0”, “khoảng Tỷ lệ thực hiện %: >90 → 2; "
    ">=70 → 1; còn lại → 0”, “tự do bước 0,25”, “tỷ lệ %: tối đa 100”, or leave blank.",
)


def _error(vi: str, en: str) -> ValidationError:
    return ValidationError(Msg(f"Cách chấm: {vi} {_EXAMPLES.vi}", f"Rule: {en} {_EXAMPLES.en}"))


def parse_number(text: str, what: Msg | None = None) -> Decimal:
    """Parse a number written with a comma or a point; trailing zeros dropped ("2,50" -> 2.5).

    Raises:
        ValidationError: not a plain number with at most ``RULE_PLACES`` decimals.
    """
    value = parse_decimal(text, RULE_PLACES, what)
    return Decimal(int(value)) if value == value.to_integral_value() else value.normalize()


# --------------------------------------------------------------------------------------------
# Writing


def _escape(text: str, specials: str) -> str:
    return "".join("\\" + ch if ch == "\\" or ch in specials else ch for ch in text)


def _labelled(text: str, label: str) -> str:
    return f"{text} ({_escape(label, ';')})" if label else text


def _header(label: str, unit: str) -> str:
    text = _escape(label, ":")
    if unit == "%":
        suffix = "%"
    elif unit or text.endswith((")", "%")):
        suffix = f"({_escape(unit, ':()')})"  # "()" says "no unit" when the label could mislead
    else:
        suffix = ""
    return " ".join(part for part in (text, suffix) if part)


def format_rule(rule: Rule) -> str:
    """The rule in workbook syntax; the plain free rule is blank."""
    if isinstance(rule, FreeRule):
        return "" if rule.step is None else f"tự do bước {format_number(rule.step)}"
    if isinstance(rule, LevelsRule):
        levels = (_labelled(format_number(lv.value), lv.label) for lv in rule.levels)
        return "mức: " + "; ".join(levels)
    if isinstance(rule, BandsRule):
        items = []
        for band in rule.bands:
            if band.lower is None:
                condition = "còn lại"
            else:
                condition = (">=" if band.inclusive else ">") + format_number(band.lower)
            items.append(_labelled(f"{condition} → {format_number(band.score)}", band.label))
        if rule.step is not None:
            items.append(f"bước {format_number(rule.step)}")
        head = _header(rule.figure_label, rule.figure_unit)
        return f"khoảng {head}".rstrip() + ": " + "; ".join(items)
    head = _header(rule.figure_label, rule.figure_unit)
    return f"tỷ lệ {head}".rstrip() + f": tối đa {format_number(rule.figure_max)}"


# --------------------------------------------------------------------------------------------
# Reading


def _unescaped(text: str, char: str) -> list[int]:
    """Positions of ``char`` not preceded by an escaping backslash."""
    found, escaped = [], False
    for i, ch in enumerate(text):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == char:
            found.append(i)
    return found


def _split(text: str, char: str) -> list[str]:
    pieces, start = [], 0
    for i in _unescaped(text, char):
        pieces.append(text[start:i])
        start = i + 1
    pieces.append(text[start:])
    return pieces


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text, flags=re.DOTALL)


def _keyword(text: str, words: tuple[str, ...]) -> str | None:
    """The rest of ``text`` after one of ``words`` (case-insensitive, whole word), else None."""
    for word in words:
        head, rest = text[: len(word)], text[len(word) :]
        if head.lower() == word and (not rest or rest[0].isspace() or rest[0] == ":"):
            return rest.strip()
    return None


def _number(text: str, what: str, what_en: str) -> Decimal:
    try:
        return parse_number(_unescape(text).strip(), Msg(what, what_en))
    except ValidationError as exc:
        raise _error(exc.msg.vi, exc.msg.en) from None


def _value_and_label(item: str) -> tuple[str, str]:
    """Split "0,5 (Không kịp thời)" into the raw value and the unescaped label."""
    opens = _unescaped(item, "(")
    if not opens:
        return item, ""
    rest = item[opens[0] :].rstrip()
    if not rest.endswith(")") or (len(rest) - 1) not in _unescaped(rest, ")"):
        raise _error(
            f"nhãn “{_unescape(rest)}” thiếu dấu “)” ở cuối.",
            f"the label “{_unescape(rest)}” lacks a closing “)”.",
        )
    return item[: opens[0]], unicodedata.normalize("NFC", _unescape(rest[1:-1])).strip()


def _parse_header(raw: str) -> tuple[str, str]:
    head = raw.strip()
    opens = _unescaped(head, "(")
    if head.endswith(")") and (len(head) - 1) in _unescaped(head, ")") and opens:
        start = opens[-1]
        return _unescape(head[:start]).strip(), _unescape(head[start + 1 : -1]).strip()
    if head.endswith("%"):
        return _unescape(head[:-1]).strip(), "%"
    return _unescape(head).strip(), ""


def _body(rest: str, kind: str) -> tuple[str, str]:
    colons = _unescaped(rest, ":")
    if not colons:
        raise _error(f"sau “{kind}” cần dấu “:”.", f"“{kind}” must be followed by “:”.")
    return rest[: colons[0]], rest[colons[0] + 1 :]


def parse_rule(text: str) -> Rule:
    """Parse the workbook syntax (decimal comma or point; Vietnamese or English keywords).

    Raises:
        ValidationError: the text does not follow the grammar; the message shows examples.
    """
    text = unicodedata.normalize("NFC", text).strip()
    if not text:
        return FreeRule()
    if (rest := _keyword(text, _FREE)) is not None:
        if not rest:
            return FreeRule()
        step = _keyword(rest, _STEP)
        if step is None:
            raise _error(
                f"sau “tự do” chỉ có thể là “bước …”, không phải “{rest}”.",
                f"“tự do” may only be followed by “bước …”, not “{rest}”.",
            )
        return FreeRule(step=_number(step, "Bước điểm", "The step"))
    if (rest := _keyword(text, _LEVELS)) is not None:
        head, body = _body(rest, "mức")
        if head.strip():
            raise _error(f"“{head.strip()}” thừa trước dấu “:”.", f"unexpected “{head.strip()}”.")
        return LevelsRule(levels=tuple(_level(item) for item in _items(body)))
    if (rest := _keyword(text, _BANDS)) is not None:
        return _bands(*_body(rest, "khoảng"))
    if (rest := _keyword(text, _PROPORTIONAL)) is not None:
        head, body = _body(rest, "tỷ lệ")
        label, unit = _parse_header(head)
        figure_max = Decimal(100)
        if body.strip():
            value = _keyword(body.strip(), _MAX)
            if value is None:
                raise _error(
                    f"sau dấu “:” cần “tối đa N”, không phải “{body.strip()}”.",
                    f"expected “tối đa N” after “:”, not “{body.strip()}”.",
                )
            figure_max = _number(value, "Giá trị tối đa", "The maximum")
        return ProportionalRule(figure_max=figure_max, figure_label=label, figure_unit=unit)
    raise _error(
        f"không hiểu “{text}” (phải bắt đầu bằng “mức:”, “khoảng”, “tỷ lệ” hoặc “tự do”).",
        f"cannot read “{text}” (it must start with “mức:”, “khoảng”, “tỷ lệ” or “tự do”).",
    )


def _items(body: str) -> list[str]:
    return [item.strip() for item in _split(body, ";") if item.strip()]


def _level(item: str) -> Level:
    value, label = _value_and_label(item)
    return Level(_number(value, "Mức điểm", "The level"), label)


def _bands(head: str, body: str) -> BandsRule:
    label, unit = _parse_header(head)
    bands: list[Band] = []
    step: Decimal | None = None
    for item in _items(body):
        if (value := _keyword(item, _STEP)) is not None:
            step = _number(value, "Bước điểm", "The step")
            continue
        arrow = _ARROW.search(item)
        if arrow is None:
            raise _error(
                f"khoảng “{_unescape(item)}” thiếu “→”.", f"the band “{_unescape(item)}” lacks “→”."
            )
        condition = item[: arrow.start()].strip()
        score_text, band_label = _value_and_label(item[arrow.end() :])
        score = _number(score_text, "Điểm của khoảng", "The band's score")
        if _keyword(condition, _ELSE) == "":
            bands.append(Band(score=score, lower=None, inclusive=True, label=band_label))
            continue
        match = re.fullmatch(r"(>=|≥|>)\s*(.+)", condition)
        if match is None:
            raise _error(
                f"điều kiện “{condition}” phải là “>=N”, “>N” hoặc “còn lại”.",
                f"the condition “{condition}” must be “>=N”, “>N” or “còn lại”.",
            )
        lower = _number(match.group(2), "Ngưỡng của khoảng", "The band's bound")
        bands.append(Band(score, lower, inclusive=match.group(1) != ">", label=band_label))
    return BandsRule(bands=tuple(bands), figure_label=label, figure_unit=unit, step=step)


# --------------------------------------------------------------------------------------------
# Choices and lists

ASSESSOR_LABELS = {
    Assessor.COUNCIL: "Hội đồng thẩm định",
    Assessor.SURVEY: "Điều tra XHH",
    Assessor.AGENCY: "Cơ quan khác",
    Assessor.LEADERSHIP: "Lãnh đạo",
}
ROLE_LABELS = {Role.NORMAL: "", Role.BONUS: "thưởng", Role.PENALTY: "trừ"}
AGGREGATION_LABELS = {Aggregation.SUM: "", Aggregation.CAP: "giới hạn"}


def _choice(
    enum: type[_E], labels: Mapping[_E, str], aliases: Mapping[str, _E], default: _E
) -> tuple[Callable[[str], _E], _E]:
    """A parser accepting an enum's values, its labels and aliases (any case); blank = default."""
    table = {label_key(e.value): e for e in enum}
    table.update({label_key(label): e for e, label in labels.items() if label})
    table.update({label_key(k): v for k, v in aliases.items()})
    shown = ", ".join(dict.fromkeys([*(lbl for lbl in labels.values() if lbl), *enum]))

    def parse(raw: str) -> _E:
        if not raw:
            return default
        if label_key(raw) in table:
            return table[label_key(raw)]
        raise ValidationError(
            Msg(
                f"Giá trị “{raw}” không hợp lệ (chọn: {shown}).",
                f"Value “{raw}” is invalid (choose: {shown}).",
            )
        )

    return parse, default


ASSESSOR = _choice(
    Assessor,
    ASSESSOR_LABELS,
    {"hội đồng": Assessor.COUNCIL, "điều tra xã hội học": Assessor.SURVEY},
    Assessor.COUNCIL,
)
"""Parser and default of the "Người chấm" column."""
ROLE = _choice(
    Role,
    ROLE_LABELS,
    {
        "thường": Role.NORMAL,
        "điểm thưởng": Role.BONUS,
        "điểm trừ": Role.PENALTY,
        "phạt": Role.PENALTY,
        "điểm phạt": Role.PENALTY,
    },
    Role.NORMAL,
)
"""Parser and default of the "Loại điểm" column."""
AGGREGATION = _choice(
    Aggregation,
    AGGREGATION_LABELS,
    {"cộng": Aggregation.SUM, "tổng": Aggregation.SUM},
    Aggregation.SUM,
)
"""Parser and default of the "Tổng hợp" column."""
META_CHOICES: dict[str, tuple[Callable[[str], Any], Any]] = {
    "ranking": _choice(RankingMethod, {}, {}, RankingMethod.DENSE),
    "bonus_mode": _choice(BonusMode, {}, {}, BonusMode.INSIDE),
}


def parse_unit_types(text: str) -> frozenset[str] | None:
    """Unit-type codes separated by commas, semicolons or spaces; blank = every type (None)."""
    codes = [code for code in re.split(r"[,;\s]+", text) if code]
    return frozenset(codes) if codes else None


def format_unit_types(codes: frozenset[str] | None) -> str:
    """The codes, sorted, joined by ", " (blank for None)."""
    return ", ".join(sorted(codes or ()))


def parse_maxima_by_type(text: str) -> dict[str, Decimal]:
    """Parse "so-khong-tthc=8; xa=5" (":" is accepted for "=").

    Raises:
        ValidationError: an item is malformed, repeats a code or has a bad number.
    """
    result: dict[str, Decimal] = {}
    for item in (part.strip() for part in re.split(r"[;\n]", text)):
        if not item:
            continue
        code, sep, value = item.replace(":", "=").partition("=")
        code = code.strip()
        if not sep or not code or code in result:
            raise ValidationError(
                Msg(
                    f"“{item}” không đúng dạng “mã=điểm; mã=điểm” hoặc mã bị lặp.",
                    f"“{item}” is not of the form “code=points; code=points”, or repeats a code.",
                )
            )
        result[code] = parse_number(value, Msg(f"Điểm của “{code}”", f"Points of “{code}”"))
    return result


def format_maxima_by_type(maxima: Mapping[str, Decimal]) -> str:
    """ "code=8; code=5,5" in the mapping's order."""
    return "; ".join(f"{code}={format_number(value)}" for code, value in maxima.items())
