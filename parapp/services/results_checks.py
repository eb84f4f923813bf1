"""The council's results with the hard-rule problems of the values they are built from.

Official sheets are printed only from values that keep the criteria set's hard rules: every
member's score (the latest of each member, as consolidation takes them), every secretary's
decision and every survey / SIPAS / agency / leadership result lies within [min, max], on the
rule's levels or step, with at most two decimals, and is a number at all. The checks are the
scoring window's own (``core.scoring.validate_leaf``). A mean or median of valid scores is the
rule's result, not a typed value: it is not held to the levels or the step.

Such values reach a round by an older release's merge or import, a hand-made file or a manual
decision; ``checked_results`` lists each with unit, item, source, value and bound, and the
reports refuse the official sheets while the list is not empty (a draft may still be printed).
A unit's own self-score is its claim: flagged on its sheet as always, never a problem here.
Non-numbers never reach the engine: they are set aside (as not scored) and listed.
"""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path

from parapp.core import scoring
from parapp.core.consolidation import MemberScore
from parapp.core.criteria import BandsRule, FreeRule, LevelsRule, Node
from parapp.core.errors import UserFacingError
from parapp.core.findings import FindingCode, ScoreField, score_label
from parapp.core.messages import Lang, Msg
from parapp.core.numbers import SCORE_PLACES, canonical, format_score
from parapp.core.results import RoundResults, build_results
from parapp.core.rounds import Unit
from parapp.core.scoring import LeafEntry, UnitResult
from parapp.services import ranking_settings
from parapp.services import results_pass as merged
from parapp.services.context import RoundContext
from parapp.store import rounds as round_store
from parapp.store import value_scan
from parapp.store.merged_reads import ItemScores
from parapp.store.submissions import StoredResolution

log = logging.getLogger(__name__)

HARD_CODES = frozenset(
    {
        FindingCode.ABOVE_MAX,
        FindingCode.BELOW_MIN,
        FindingCode.NOT_ALLOWED_LEVEL,
        FindingCode.NOT_ON_STEP,
    }
)
"""The engine's findings that forbid official sheets (value rules, not completeness)."""
NOT_APPRAISED = Msg("chưa có điểm thẩm định", "not yet appraised")
"""Shown instead of a class and a rank for a unit without any final score."""
NOT_A_NUMBER = "not_a_number"
TOO_MANY_PLACES = "too_many_places"

_SECRETARY = Msg("quyết định của thư ký", "the secretary's decision")
_FINITE = Msg("một số hữu hạn", "a finite number")
_NUMBER_TEXT = Msg("một số (ví dụ 0,5)", "a number (e.g. 0.5)")
_PLACES = Msg(f"tối đa {SCORE_PLACES} chữ số thập phân", f"at most {SCORE_PLACES} decimal places")
_KIND_SOURCES = {
    "resolution": _SECRETARY,
    "component": Msg("kết quả điều tra XHH / cơ quan khác", "survey / agency result"),
    "component_figure": Msg("số liệu điều tra XHH", "survey figure"),
    "self_score": Msg("điểm tự chấm", "self-score"),
    "self_figure": Msg("số liệu tự kê khai", "declared figure"),
}


@dataclass(frozen=True)
class ResultProblem:
    """One stored value that breaks a hard rule."""

    unit_id: str
    unit_name: str
    node_code: str
    source: Msg
    """Whose value: a member, the secretary's decision, the survey / agency result."""
    value: str
    """The value as stored (canonical text)."""
    bound: Msg
    """The rule it breaks: "tối đa 1,00", "mức được phép: 0; 0,5; 1", "một số hữu hạn"."""
    code: str
    message: Msg

    def value_text(self, lang: Lang | str = Lang.VI) -> str:
        """The value with the language's decimal separator (as stored otherwise)."""
        return self.value.replace(".", ",") if str(lang) != Lang.EN else self.value

    def describe(self, lang: Lang | str = Lang.VI) -> str:
        """One line: unit, item, source, value and bound."""
        if str(lang) == Lang.EN:
            return (
                f"{self.unit_id} ({self.unit_name}), item {self.node_code}, "
                f"{self.source.en}: {self.value_text(lang)} — must be {self.bound.en}"
            )
        return (
            f"{self.unit_id} ({self.unit_name}), mục {self.node_code}, "
            f"{self.source.vi}: {self.value_text(lang)} — yêu cầu {self.bound.vi}"
        )


@dataclass(frozen=True)
class CheckedResults:
    """The results and the problems that forbid printing them as official."""

    results: RoundResults | None
    """None when some stored value cannot even be read: then not even a draft."""
    problems: tuple[ResultProblem, ...]

    @property
    def official(self) -> bool:
        """Whether official sheets may be printed."""
        return self.results is not None and not self.problems


class ResultsBlockedError(UserFacingError):
    """Official sheets refused: the round holds values that break a hard rule."""

    def __init__(self, problems: Sequence[ResultProblem], draft_possible: bool = True) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        if draft_possible:
            headline = Msg(
                f"Không xuất bản chính thức: {count} điểm trong đợt vi phạm quy tắc của bộ "
                "tiêu chí. Sửa các điểm dưới đây (hoặc xuất bản dự thảo với --draft):",
                f"No official results: {count} score(s) in the round break a rule of the "
                "criteria set. Correct the values below (or write a draft with --draft):",
            )
        else:
            headline = Msg(
                f"Không xuất được kết quả, kể cả bản dự thảo: {count} giá trị trong đợt không "
                "phải là số. Sửa các giá trị dưới đây:",
                f"No results can be written, not even a draft: {count} stored value(s) are not "
                "numbers. Correct the values below:",
            )
        super().__init__(headline)

    def describe(self, lang: Lang | str = Lang.VI) -> str:
        """The headline and one line per problem."""
        return "\n".join([self.msg.get(lang), *(f"  - {p.describe(lang)}" for p in self.problems)])


def checked_results(ctx: RoundContext, previous: Path | None = None) -> CheckedResults:
    """The round's results (as ``results.round_results``) and every hard-rule problem."""
    prior = ranking_settings.previous_year(previous) if previous is not None else None
    try:
        return _checked(ctx, prior)
    except InvalidOperation:
        unreadable = _unreadable(ctx)
        if not unreadable:
            raise
        log.warning("results: %d stored values are not numbers", len(unreadable))
        return CheckedResults(None, tuple(unreadable))


def round_results(ctx: RoundContext, previous: Path | None = None) -> RoundResults:
    """The results alone (draft quality when problems exist).

    Raises:
        ResultsBlockedError: some stored value cannot be read at all.
    """
    checked = checked_results(ctx, previous)
    if checked.results is None:
        raise ResultsBlockedError(checked.problems, draft_possible=False)
    return checked.results


@contextlib.contextmanager
def _no_collection() -> Iterator[None]:
    """The cyclic garbage collector paused for one pass: the pass builds many small objects and
    keeps the results alive, and each full collection would walk all of them again (cost
    growing with the round's square). Objects in cycles are freed at the next collection."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _checked(ctx: RoundContext, prior: ranking_settings.PreviousYear | None) -> CheckedResults:
    with _no_collection():
        return _checked_pass(ctx, prior)


def _checked_pass(ctx: RoundContext, prior: ranking_settings.PreviousYear | None) -> CheckedResults:
    problems: list[ResultProblem] = []
    results: dict[str, UnitResult] = {}
    complete: dict[str, bool] = {}
    appraised: dict[str, bool] = {}
    checks = _ValueChecks()
    with merged.reading(ctx) as (rnd, units):
        for raw in units:
            data, found = _set_aside_non_numbers(raw)
            unit_id = data.unit.id
            scored = merged.score_results(rnd, data)
            results[unit_id], complete[unit_id], appraised[unit_id] = scored[:3]
            problems += found
            problems += _value_problems(rnd, data, scored.settled, checks)
    order = {u.id: n for n, u in enumerate(rnd.units)}
    leaves = {leaf.code: n for n, leaf in enumerate(rnd.criteria_set.leaves())}
    problems.sort(key=lambda p: (order[p.unit_id], leaves.get(p.node_code, -1), p.source.en))
    with ctx.db.transaction() as s:
        groups = ranking_settings.stored_groups(s, rnd.criteria_set)
        bands = ranking_settings.stored_bands(s, rnd.criteria_set)
    built = build_results(
        rnd.criteria_set,
        rnd.units,
        results,
        complete,
        None if prior is None else prior.points,
        appraised,
        groups=groups,
        bands=bands,
        previous_max=None if prior is None else prior.maxima,
    )
    return CheckedResults(built, tuple(problems))


def _finite(value: Decimal | None) -> bool:
    return value is None or value.is_finite()


def _problem(
    unit: Unit, node: str, source: Msg, value: str, bound: Msg, code: str, message: Msg
) -> ResultProblem:
    return ResultProblem(unit.id, unit.name, node, source, value, bound, code, message)


def _nan(unit: Unit, node: str, source: Msg, value: Decimal) -> ResultProblem:
    text = str(value)
    return _problem(
        unit,
        node,
        source,
        text,
        _FINITE,
        NOT_A_NUMBER,
        Msg(
            f"Mục {node}: {source.vi} “{text}” không phải là một số hữu hạn.",
            f"Item {node}: {source.en} “{text}” is not a finite number.",
        ),
    )


def _member(member_id: str) -> Msg:
    return Msg(f"thành viên {member_id}", f"member {member_id}")


def _set_aside_non_numbers(
    data: merged.UnitData,
) -> tuple[merged.UnitData, list[ResultProblem]]:
    """NaN and infinities out of the unit's data (as if not scored), each listed; a unit's own
    non-number self-score or figure is dropped without a problem (it never counts)."""
    unit = data.unit
    found: list[ResultProblem] = []
    scores = data.scores
    finite = _finite_votes(data.scores)
    if finite is not None:
        scores = {}
        for code, given in data.scores.items():
            kept = []
            for member_id, text, not_applicable in given.votes:
                if text is not None and text not in finite:
                    found.append(_nan(unit, code, _member(member_id), Decimal(text)))
                kept.append((member_id, text if text in finite else None, not_applicable))
            scores[code] = given._replace(votes=tuple(kept))
    components = {}
    for code, (figure, value) in data.components.items():
        if figure is not None and not figure.is_finite():
            found.append(_nan(unit, code, _KIND_SOURCES["component_figure"], figure))
        if not value.is_finite():
            found.append(_nan(unit, code, _KIND_SOURCES["component"], value))
            continue
        components[code] = (figure if _finite(figure) else None, value)
    resolutions = {}
    for code, stored in data.resolutions.items():
        decided = stored.resolution.value
        if decided is not None and not decided.is_finite():
            found.append(_nan(unit, code, _SECRETARY, decided))
            resolutions[code] = replace(stored, resolution=replace(stored.resolution, value=None))
        else:
            resolutions[code] = stored
    selfs = {
        code: replace(
            own,
            self_score=own.self_score if _finite(own.self_score) else None,
            figure=own.figure if _finite(own.figure) else None,
        )
        for code, own in data.selfs.items()
    }
    if not found and selfs == data.selfs:
        return data, []
    cleaned = replace(
        data, scores=scores, components=components, resolutions=resolutions, selfs=selfs
    )
    return cleaned, found


def _finite_votes(scores: Mapping[str, ItemScores]) -> set[str] | None:
    """None when every stored score text is a finite number, else the texts that are (each
    distinct text checked once)."""
    texts = {text for given in scores.values() for _m, text, _na in given.votes}
    texts.discard(None)
    finite = {text for text in texts if text is not None and Decimal(text).is_finite()}
    return None if len(finite) == len(texts) else finite


_Hard = tuple[tuple[str, str, Msg, Msg | None], ...]
"""A value's hard-rule breaks: (code, canonical text, bound, message) each; the message of too
many places names the source and is None here."""


class _ValueChecks:
    """The hard-rule checks of one results pass, each distinct (item, unit type, value) checked
    once: a national round holds half a million scores of a few distinct values per item."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, str | None, str], _Hard] = {}
        self._items: dict[tuple[str, str | None, int], tuple[object, list[tuple[str, _Hard]]]] = {}

    def scores(
        self, node: Node, unit_type: str | None, scores: tuple[MemberScore, ...]
    ) -> list[tuple[str, _Hard]]:
        """(member, the hard rules broken) of each member's score that breaks one; the pass
        shares one ``scores`` tuple among the items with the same scores, checked once."""
        key = (node.code, unit_type, id(scores))
        found = self._items.get(key)
        if found is None or found[0] is not scores:
            broken = [
                (s.member_id, hard)
                for s in scores
                if s.value is not None
                and not s.not_applicable
                and (hard := self.hard(node, unit_type, s.value))
            ]
            found = self._items[key] = (scores, broken)
        return found[1]

    def hard(self, node: Node, unit_type: str | None, value: Decimal) -> _Hard:
        """The hard rules ``value`` breaks (``()`` when none)."""
        key = (node.code, unit_type, str(value))
        found = self._known.get(key)
        if found is None:
            found = self._known[key] = _hard(node, unit_type, value)
        return found


def _problems(unit: Unit, node: Node, source: Msg, hard: _Hard) -> list[ResultProblem]:
    return [
        _problem(
            unit,
            node.code,
            source,
            text,
            bound,
            code,
            message or _places_message(node, source, text),
        )
        for code, text, bound, message in hard
    ]


def _value_problems(
    rnd: merged.RoundData,
    data: merged.UnitData,
    settled: Iterable[tuple[Node, merged.Settled, StoredResolution | None]],
    checks: _ValueChecks | None = None,
) -> list[ResultProblem]:
    """The hard-rule problems of the values that feed the unit's results."""
    checks = checks or _ValueChecks()
    hard = checks.hard
    criteria_set = rnd.criteria_set
    unit = data.unit
    unit_type = unit.unit_type
    found: list[ResultProblem] = []
    for node, (given, _decided, _plain), stored in settled:
        if stored is not None:
            value = stored.resolution.value
            if value is not None and not stored.resolution.not_applicable:
                found += _problems(unit, node, _SECRETARY, hard(node, unit_type, value))
            continue
        for member_id, broken in checks.scores(node, unit_type, given):
            found += _problems(unit, node, _member(member_id), broken)
    for code, (_figure, value) in data.components.items():
        if not criteria_set.has(code):
            continue
        node = criteria_set.node(code)
        if node.is_leaf and scoring.applies_in_set(criteria_set, code, unit_type):
            source = score_label(ScoreField.APPRAISED, node.assessor)
            found += _problems(unit, node, source, hard(node, unit_type, value))
    return found


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _hard(node: Node, unit_type: str | None, value: Decimal) -> _Hard:
    """The hard rules ``value`` breaks as ``node``'s score for ``unit_type``."""
    text = canonical(value)
    if _places(value) > SCORE_PLACES:
        return ((TOO_MANY_PLACES, text, _PLACES, None),)
    findings = scoring.validate_leaf(node, LeafEntry(appraised=value), unit_type)
    return tuple(
        (finding.code, text, _bound(node, unit_type, finding.code), finding.message)
        for finding in findings
        if finding.code in HARD_CODES
    )


def _places_message(node: Node, source: Msg, text: str) -> Msg:
    return Msg(
        f"Mục {node.code}: {source.vi} {text.replace('.', ',')} có quá "
        f"{SCORE_PLACES} chữ số thập phân.",
        f"Item {node.code}: {source.en} {text} has more than {SCORE_PLACES} decimal places.",
    )


def _bound(node: Node, unit_type: str | None, code: str) -> Msg:
    def both(amount: Decimal) -> tuple[str, str]:
        return format_score(amount, Lang.VI), format_score(amount, Lang.EN)

    rule = node.rule
    if code == FindingCode.ABOVE_MAX:
        vi, en = both(node.max_for(unit_type))
        return Msg(f"tối đa {vi}", f"at most {en}")
    if code == FindingCode.BELOW_MIN:
        vi, en = both(node.minimum)
        return Msg(f"tối thiểu {vi}", f"at least {en}")
    if code == FindingCode.NOT_ALLOWED_LEVEL and isinstance(rule, LevelsRule):
        levels = [both(level.value) for level in rule.levels]
        return Msg(
            "một trong các mức " + "; ".join(v for v, _ in levels),
            "one of the levels " + "; ".join(e for _, e in levels),
        )
    assert isinstance(rule, FreeRule | BandsRule)
    assert rule.step is not None
    vi, en = both(rule.step)
    return Msg(f"bội số của bước {vi}", f"a multiple of the step {en}")


def _unreadable(ctx: RoundContext) -> list[ResultProblem]:
    with ctx.db.transaction() as s:
        raw = value_scan.unreadable_values(s)
        names = {u.id: u for u in round_store.units(s)}
    out = []
    for item in raw:
        unit = names.get(item.unit_id) or Unit(item.unit_id, item.unit_id, "", "", 0)
        source = _member(item.member_id) if item.kind == "score" else _KIND_SOURCES[item.kind]
        out.append(
            _problem(
                unit,
                item.node_code,
                source,
                item.text,
                _NUMBER_TEXT,
                NOT_A_NUMBER,
                Msg(
                    f"Mục {item.node_code}: {source.vi} “{item.text}” không phải là số.",
                    f"Item {item.node_code}: {source.en} “{item.text}” is not a number.",
                ),
            )
        )
    return out
