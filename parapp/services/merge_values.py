"""The values a member signed, judged again by the merge with the core's rules: the canonical
decimal text of the score file (``parapp.core.numbers.canonical``), then range, levels and step
(``parapp.core.scoring.validate_leaf``), exactly what the scoring window refuses to sign.

Every break is named with the member, the unit (code and name), the item, the value and the
bound; one break refuses the whole submission.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from parapp.core.criteria import CriteriaSet
from parapp.core.errors import ImportFormatError
from parapp.core.messages import Msg
from parapp.core.numbers import MAX_WHOLE_DIGITS, canonical, format_score
from parapp.core.rounds import Member, Unit
from parapp.io.packages import score_package
from parapp.io.packages.score_package import SCORES, ScoreManifest
from parapp.store.submissions import StoredSubmission

MAX_LISTED = 20
"""Problems spelled out in one refusal; the rest are counted."""
MAX_SHOWN_CHARS = 40
"""A hostile value is shown cut to this many characters."""


@dataclass(frozen=True)
class BadText:
    """A value of ``scores.json`` that is not a score's canonical text."""

    unit_id: str
    code: str
    shown: str
    """The value as it stands in the file (JSON text, cut)."""
    reason: Msg


class _Raw(str):
    """A JSON number or constant (2.5, NaN) kept as its text: a score is always a string."""


def unreadable_values(raw: bytes, manifest: ScoreManifest) -> list[BadText] | None:
    """The values that alone stopped the reader from accepting ``scores.json``.

    Returns:
        The bad values, when replacing them by "no value" makes the file one the reader accepts
        (same identity as the manifest); None when anything else is wrong with it, so that the
        reader's own report stands.
    """
    try:
        data = json.loads(raw.decode("utf-8"), parse_float=_Raw, parse_constant=_Raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    units = data.get("units") if isinstance(data, dict) else None
    if not isinstance(units, dict):
        return None
    bad: list[BadText] = []
    for unit_id, entries in units.items():
        if not isinstance(entries, dict):
            return None
        for code, item in entries.items():
            if not isinstance(item, dict) or "value" not in item:
                return None
            reason = value_text_problem(item["value"])
            if reason is not None:
                bad.append(BadText(unit_id, code, _shown(item["value"]), reason))
                item["value"] = None
    if not bad:
        return None
    try:
        fixed = json.dumps(data, ensure_ascii=False).encode("utf-8")
        scores = score_package.parse_scores(fixed, SCORES)
    except (TypeError, ValueError, ImportFormatError):
        return None  # a float, NaN or a malformed field elsewhere: not only the values
    identity = (scores.form_id, scores.form_version, scores.round_id, scores.member_id)
    wanted = (manifest.form_id, manifest.form_version, manifest.round_id, manifest.member_id)
    return bad if identity == wanted else None


def value_text_problem(value: object) -> Msg | None:
    """Why ``value`` (from the JSON) is not a score's canonical text, or None when it is (or is
    null: no score)."""
    if value is None:
        return None
    if isinstance(value, _Raw) or not isinstance(value, str):
        return Msg(
            'không phải là số viết dạng chuỗi (điểm phải viết trong ngoặc kép, ví dụ "1.5")',
            'is not a number written as text (a score is quoted, e.g. "1.5")',
        )
    try:
        number = Decimal(value)
    except InvalidOperation:
        return Msg("không phải là số", "is not a number")
    if not number.is_finite():
        return Msg("không phải là số hữu hạn", "is not a finite number")
    if not number.is_zero() and number.adjusted() >= MAX_WHOLE_DIGITS:
        return Msg(
            f"quá lớn (tối đa {MAX_WHOLE_DIGITS} chữ số phần nguyên)",
            f"is too large (at most {MAX_WHOLE_DIGITS} digits before the decimal point)",
        )
    if canonical(number) != value:
        return Msg(
            f"không viết theo dạng chuẩn của tệp điểm (phải là “{canonical(number)}”: chữ số, "
            "dấu chấm thập phân, không dấu “+”, khoảng trắng, số 0 thừa ở đầu hay số mũ)",
            f"is not written in the score file's canonical form (it must read "
            f"“{canonical(number)}”: digits, a decimal point, no “+”, spaces, leading zeros or "
            "exponent)",
        )
    return None


def _shown(value: object) -> str:
    text = str(value) if isinstance(value, _Raw) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= MAX_SHOWN_CHARS else text[: MAX_SHOWN_CHARS - 1] + "…"


def unit_label(unit_id: str, units: Mapping[str, Unit]) -> Msg:
    """ "đơn vị STP – Sở Tư pháp" (the code alone when the round has no such unit)."""
    unit = units.get(unit_id)
    if unit is None:
        return Msg(f"đơn vị “{unit_id}”", f"unit “{unit_id}”")
    return Msg(f"đơn vị {unit_id} – {unit.name}", f"unit {unit_id} – {unit.name}")


def bad_text_problems(
    bad: Sequence[BadText], criteria_set: CriteriaSet, units: Mapping[str, Unit]
) -> list[Msg]:
    """One message per bad value: unit, item, the value as written, why, and the item's range."""
    out: list[Msg] = []
    for item in bad:
        where = unit_label(item.unit_id, units)
        bound = _bound(criteria_set, units.get(item.unit_id), item.code)
        out.append(
            Msg(
                f"{where.vi}, mục {item.code}: giá trị {item.shown} {item.reason.vi}{bound.vi}",
                f"{where.en}, item {item.code}: the value {item.shown} {item.reason.en}{bound.en}",
            )
        )
    return out


def _bound(criteria_set: CriteriaSet, unit: Unit | None, code: str) -> Msg:
    if unit is None or not criteria_set.has(code) or not criteria_set.node(code).is_leaf:
        return Msg("", "")
    node = criteria_set.node(code)
    low, high = node.minimum, node.max_for(unit.unit_type)
    return Msg(
        f" (điểm của mục từ {format_score(low, 'vi')} đến {format_score(high, 'vi')})",
        f" (the item scores from {format_score(low, 'en')} to {format_score(high, 'en')})",
    )


class RefusedError(Exception):
    """The merge refuses one file for this reason (``conflict``: recorded for the secretary)."""

    def __init__(
        self,
        reason: Msg,
        *,
        conflict: StoredSubmission | None = None,
        headline: Msg | None = None,
        details: tuple[Msg, ...] = (),
    ) -> None:
        super().__init__(reason.en)
        self.reason = reason
        self.conflict = conflict
        """The conflicting submission to record (None: refused without a record)."""
        self.headline = headline
        """The reason's first sentence when ``details`` list the problems one by one."""
        self.details = details


def refusal(member: Member | None, member_id: str, problems: Sequence[Msg]) -> RefusedError:
    """The refusal of a whole submission for ``problems``: the reason lists the first
    ``MAX_LISTED``, the details keep every one."""
    who = f"{member.name} ({member_id})" if member is not None else member_id
    headline = Msg(
        f"{SCORES}: bản nộp của thành viên {who} có {len(problems)} điểm không hợp lệ nên "
        "không điểm nào được nhập",
        f"{SCORES}: the submission of member {who} has {len(problems)} invalid score(s), so "
        "none was merged",
    )
    shown = problems[:MAX_LISTED]
    more = len(problems) - len(shown)
    reason = Msg(
        f"{headline.vi}: "
        + "; ".join(p.vi for p in shown)
        + (f"; … và {more} lỗi khác" if more > 0 else "")
        + ".",
        f"{headline.en}: "
        + "; ".join(p.en for p in shown)
        + (f"; … and {more} more" if more > 0 else "")
        + ".",
    )
    return RefusedError(reason, headline=headline, details=tuple(problems))
