"""A council member's scoring actions: load a unit's sheet, save a score, a comment or N/A.

Every save is its own transaction, committed before the function returns: an acknowledged edit is
on disk. The returned ``ScoreChange`` carries the recomputed unit result, so a view refreshes only
what changed.

An editor that keeps a unit open passes the sheet it holds (``ScoreChange.sheet`` of the last
save, or ``load_sheet``) to the next save: the member's scope, the phase and the unit's entries
are then not read again. The save is one transaction that writes the score and its audit rows,
then reads the stored phase under the write lock, and commits only when the phase is still the one
the item was checked against (a phase changed since: nothing is committed, the sheet is dropped and
everything is checked afresh, so a frozen round refuses the save); the unit is recomputed from the
sheet's entries with the new score, without reading the unit back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

from parapp.core import scoring
from parapp.core.criteria import Assessor, CriteriaSet
from parapp.core.criteria_build import nfc
from parapp.core.errors import ValidationError
from parapp.core.messages import Msg
from parapp.core.numbers import canonical, parse_score
from parapp.core.rounds import Phase
from parapp.core.scoring import UnitResult
from parapp.services import round2
from parapp.services.context import RoundContext
from parapp.services.rounds import member_scope
from parapp.services.sheets import ScoreChange as ScoreChange  # noqa: PLC0414 - re-exported
from parapp.services.sheets import UnitSheet as UnitSheet  # noqa: PLC0414 - re-exported
from parapp.services.sheets import entries as _entries
from parapp.services.sheets import evidence_label as evidence_label  # noqa: PLC0414
from parapp.store import explanations as explanation_store
from parapp.store import rounds as round_store
from parapp.store import scores as score_store
from parapp.store import self_assessments as self_store
from parapp.store.database import StoreSession as Session
from parapp.store.records import StoredScore
from parapp.store.scores import AuditLine

MAX_COMMENT = 4000
"""A comment is a paragraph, not a report."""


def explained_in(session: Session, unit_id: str, areas: frozenset[str] | None) -> frozenset[str]:
    """The unit's explained items (its current imported explanation) in ``areas``."""
    explanation = explanation_store.current(session, unit_id)
    if explanation is None:
        return frozenset()
    return frozenset(
        i.node_code
        for i in explanation.items
        if areas is None or i.node_code.split(".", 1)[0] in areas
    )


def _appraisal_round(phase: Phase) -> int:
    number = phase.appraisal_round
    if number is None:
        raise ValidationError(
            Msg(
                f"Đợt đang ở giai đoạn “{phase.label.vi}”: chưa (hoặc không còn) chấm thẩm định.",
                f"The round is in “{phase.label.en}”: appraisal scores cannot be entered now.",
            )
        )
    return number


def load_sheet(ctx: RoundContext, member_id: str, unit_id: str) -> UnitSheet:
    """A unit's sheet for one member, with totals, index, class and findings.

    Raises:
        ValidationError: unknown member or unit, or the unit is not assigned to the member.
    """
    criteria_set = ctx.criteria_set()
    scope = member_scope(ctx, member_id)
    with ctx.db.transaction() as s:
        unit = round_store.unit(s, unit_id)
        if unit is None or round_store.member(s, member_id) is None:
            raise ValidationError(
                Msg(
                    f"Không có đơn vị “{unit_id}” hoặc thành viên “{member_id}”.",
                    f"No unit “{unit_id}” or member “{member_id}”.",
                )
            )
        phase = round_store.info(s).phase
        selfs = self_store.load(s, unit_id)
        scores = score_store.for_unit(s, unit_id, member_id)
        components = {c.node_code: (c.figure, c.value) for c in score_store.components(s, unit_id)}
        explained = explained_in(s, unit_id, scope.get(unit_id)) if phase is Phase.ROUND_2 else None
    if unit_id not in scope:
        raise ValidationError(
            Msg(
                f"Đơn vị “{unit.name}” không được phân công cho thành viên này.",
                f"Unit “{unit.name}” is not assigned to this member.",
            )
        )
    number = phase.appraisal_round or (2 if phase is Phase.FROZEN else 1)
    entries = _entries(criteria_set, selfs, scores, components)
    result = scoring.score_unit(criteria_set, unit_id, unit.unit_type, entries)
    round_2 = None
    if explained is not None:
        round_2 = round2.round2_items(ctx, member_id, unit_id, scope[unit_id])
    return UnitSheet(
        unit, member_id, number, entries, selfs, result, scope[unit_id], explained, round_2, phase
    )


def unit_sheets(ctx: RoundContext, member_id: str) -> list[UnitSheet]:
    """The sheets of every unit the member scores, in list order, read together in one
    transaction (a few queries for all units, not a few per unit). In round 2 a sheet lists
    the explained items but not what the member sees of them (``round_2`` is None:
    ``load_sheet`` reads that for the unit opened).

    Raises:
        ValidationError: unknown member.
    """
    criteria_set = ctx.criteria_set()
    scope = member_scope(ctx, member_id)
    with ctx.db.transaction() as s:
        if round_store.member(s, member_id) is None:
            raise ValidationError(
                Msg(f"Không có thành viên “{member_id}”.", f"No member “{member_id}”.")
            )
        phase = score_store.current_phase(s)
        units = [u for u in round_store.units(s) if u.id in scope]
        ids = [u.id for u in units]
        selfs = self_store.load_many(s, ids)
        scores = score_store.for_member(s, member_id, ids)
        components: dict[str, dict[str, tuple[Decimal | None, Decimal]]] = {}
        for c in score_store.components(s):
            components.setdefault(c.unit_id, {})[c.node_code] = (c.figure, c.value)
        explanations = explanation_store.current_all(s) if phase is Phase.ROUND_2 else {}
    number = phase.appraisal_round or (2 if phase is Phase.FROZEN else 1)
    sheets = []
    for unit in units:
        areas = scope[unit.id]
        explained = None
        if phase is Phase.ROUND_2:
            found = explanations.get(unit.id)
            items = found.items if found is not None else ()
            explained = frozenset(
                i.node_code for i in items if areas is None or i.node_code.split(".", 1)[0] in areas
            )
        entries = _entries(
            criteria_set, selfs[unit.id], scores.get(unit.id, []), components.get(unit.id, {})
        )
        result = scoring.score_unit(criteria_set, unit.id, unit.unit_type, entries)
        sheets.append(
            UnitSheet(
                unit, member_id, number, entries, selfs[unit.id], result, areas, explained,
                None, phase,
            )
        )  # fmt: skip
    return sheets


def round_1_result(ctx: RoundContext, member_id: str, unit_id: str) -> UnitResult:
    """The unit's result from the member's round-1 appraisals alone (a round-2 sheet prints it
    in its "Thẩm định lần 1" column).

    Raises:
        ValidationError: unknown member or unit, or the unit is not the member's.
    """
    sheet = load_sheet(ctx, member_id, unit_id)
    with ctx.db.transaction() as s:
        scores = [x for x in score_store.for_unit(s, unit_id, member_id) if x.appraisal_round == 1]
        components = {c.node_code: (c.figure, c.value) for c in score_store.components(s, unit_id)}
    entries = _entries(ctx.criteria_set(), sheet.self_assessments, scores, components)
    return scoring.score_unit(ctx.criteria_set(), unit_id, sheet.unit.unit_type, entries)


def _check_leaf(criteria_set: CriteriaSet, node_code: str) -> None:
    """Refuse a code that is not a leaf the council scores."""
    if not criteria_set.has(node_code) or not criteria_set.node(node_code).is_leaf:
        raise ValidationError(
            Msg(
                f"“{node_code}” không phải là mục chấm điểm của bộ tiêu chí.",
                f"“{node_code}” is not a scored item of the criteria set.",
            )
        )
    node = criteria_set.node(node_code)
    if node.assessor is not Assessor.COUNCIL:
        raise ValidationError(
            Msg(
                f"Mục {node_code} do điều tra XHH hoặc cơ quan khác chấm; "
                "thành viên không sửa được.",
                f"Item {node_code} is scored by a survey or another agency; "
                "members cannot edit it.",
            )
        )


def _check_item(
    unit_id: str,
    node_code: str,
    assigned: bool,
    areas: frozenset[str] | None,
    phase: Phase,
    explained: frozenset[str] | None,
) -> int:
    """Check the member may score this item now (``explained``: the unit's explained items in
    the member's areas, needed in round 2); return the current appraisal round."""
    area = node_code.split(".", 1)[0]
    if not assigned or (areas is not None and area not in areas):
        raise ValidationError(
            Msg(
                f"Mục {node_code} của đơn vị “{unit_id}” không được phân công cho thành viên này.",
                f"Item {node_code} of unit “{unit_id}” is not assigned to this member.",
            )
        )
    if phase is Phase.ROUND_2 and node_code not in (explained or frozenset()):
        raise ValidationError(
            Msg(
                f"Mục {node_code} của đơn vị “{unit_id}” không có giải trình: thẩm định lần 2 "
                "chỉ chấm lại các mục đơn vị đã giải trình.",
                f"Item {node_code} of unit “{unit_id}” was not explained: appraisal round 2 "
                "only re-scores the items the unit explained.",
            )
        )
    return _appraisal_round(phase)


def _leaf_for_member(
    ctx: RoundContext, member_id: str, unit_id: str, node_code: str
) -> tuple[Phase, int]:
    """Check the member may score this item now, reading scope and phase; return the phase and
    the appraisal round."""
    scope = member_scope(ctx, member_id)
    areas = scope.get(unit_id, frozenset())
    phase = ctx_phase(ctx)
    explained = None
    if phase is Phase.ROUND_2 and unit_id in scope:
        with ctx.db.transaction() as s:
            explained = explained_in(s, unit_id, areas)
    return phase, _check_item(unit_id, node_code, unit_id in scope, areas, phase, explained)


def ctx_phase(ctx: RoundContext) -> Phase:
    """The round's current phase."""
    with ctx.db.transaction() as s:
        return round_store.info(s).phase


class _StaleSaveError(Exception):
    """The round's phase is not the one the save was checked against, or the score changed under
    the read (raised inside the save's transaction, so that everything it wrote rolls back)."""


_ATTEMPTS = 4
"""A save checked against a phase that changed meanwhile is checked afresh; phases change by
hand, so a second attempt settles it (the bound only stops a pathological loop)."""


def _usable(sheet: UnitSheet | None, member_id: str, unit_id: str) -> UnitSheet | None:
    if sheet is None or sheet.phase is None:
        return None
    return sheet if sheet.member_id == member_id and sheet.unit.id == unit_id else None


@dataclass(frozen=True)
class _Edit:
    """What a save changes: the value (when ``set_value``), the comment or the N/A mark (None:
    kept)."""

    set_value: bool = False
    value: Decimal | None = None
    comment: str | None = None
    not_applicable: bool | None = None

    def make(
        self, key: tuple[str, str, str, int], at: str
    ) -> Callable[[StoredScore | None, StoredScore | None], StoredScore]:
        unit_id, node_code, member_id, number = key

        def make(old: StoredScore | None, first: StoredScore | None) -> StoredScore:
            # Round 2 starts from the member's round-1 appraisal of the item.
            base = old if old is not None or number != 2 else first
            return StoredScore(
                unit_id=unit_id,
                node_code=node_code,
                member_id=member_id,
                appraisal_round=number,
                value=self.value if self.set_value else (base.value if base else None),
                comment=(base.comment if base else "") if self.comment is None else self.comment,
                not_applicable=(base.not_applicable if base else False)
                if self.not_applicable is None
                else self.not_applicable,
                updated_at=at,
            )

        return make


def _update(
    ctx: RoundContext,
    member_id: str,
    unit_id: str,
    node_code: str,
    edit: _Edit,
    sheet: UnitSheet | None = None,
) -> ScoreChange:
    """Check the member may score the item (from the kept sheet, or read afresh), then save it in
    one transaction that confirms the phase after its writes (``score_store.save_audited``)."""
    criteria_set = ctx.criteria_set()
    _check_leaf(criteria_set, node_code)
    cached = _usable(sheet, member_id, unit_id)
    for _attempt in range(_ATTEMPTS):
        if cached is not None and cached.phase is not None:
            phase = cached.phase
            number = _check_item(unit_id, node_code, True, cached.areas, phase, cached.explained)
        else:
            phase, number = _leaf_for_member(ctx, member_id, unit_id, node_code)
        at = ctx.now()
        key = (unit_id, node_code, member_id, number)
        try:
            with ctx.db.transaction() as s:
                saved = score_store.save_audited(
                    s,
                    key,
                    edit.make(key, at),
                    _diff,
                    phase=phase,
                    actor=member_id,
                )
                if saved is None:
                    raise _StaleSaveError
        except _StaleSaveError:
            cached = None  # read scope, phase and unit afresh
            continue
        old, new = saved
        if cached is None:
            after_save = load_sheet(ctx, member_id, unit_id)
        else:
            after_save = _with_score(criteria_set, cached, new)
        result = after_save.result
        leaf_findings = tuple(f for f in result.findings if f.node == node_code)
        return ScoreChange(unit_id, node_code, old, new, leaf_findings, result, after_save)
    raise ValidationError(
        Msg(
            "Đợt vừa chuyển giai đoạn trong lúc lưu; điểm chưa được lưu, hãy nhập lại.",
            "The round changed phase while saving; the score was not saved, enter it again.",
        )
    )


def _with_score(criteria_set: CriteriaSet, sheet: UnitSheet, score: StoredScore) -> UnitSheet:
    """``sheet`` with a council leaf's new score, recomputed (no read: the other entries are
    the sheet's)."""
    entries = dict(sheet.entries)
    entry = replace(
        entries.get(score.node_code, scoring.EMPTY_ENTRY),
        appraised=score.value,
        comment=score.comment,
        not_applicable=score.not_applicable,
    )
    if entry == scoring.EMPTY_ENTRY:
        entries.pop(score.node_code, None)
    else:
        entries[score.node_code] = entry
    result = scoring.score_unit(criteria_set, sheet.unit.id, sheet.unit.unit_type, entries)
    return replace(sheet, entries=entries, result=result)


def _text(value: Decimal | None) -> str | None:
    return None if value is None else canonical(value)


def _diff(old: StoredScore | None, new: StoredScore) -> list[AuditLine]:
    """The audited fields of a save, named "<field>@<appraisal round>"."""
    number = new.appraisal_round
    before = old or StoredScore(new.unit_id, new.node_code, new.member_id, 0, None, "", False, "")
    changes: list[AuditLine] = []
    if before.value != new.value:
        changes.append((f"value@{number}", _text(before.value), _text(new.value)))
    if before.comment != new.comment:
        changes.append((f"comment@{number}", before.comment, new.comment))
    if before.not_applicable != new.not_applicable:
        changes.append(
            (f"not_applicable@{number}", str(before.not_applicable), str(new.not_applicable))
        )
    return changes


def save_appraisal(
    ctx: RoundContext,
    member_id: str,
    unit_id: str,
    node_code: str,
    text: str,
    *,
    sheet: UnitSheet | None = None,
) -> ScoreChange:
    """Save a typed appraisal score ("8,5" or "8.5"; blank clears it), kept exactly as typed.

    A value above the maximum or off the allowed levels is stored and flagged, never clamped.
    ``sheet``: the unit's sheet the editor holds (see the module docstring), or None.

    Raises:
        ValidationError: not a number, not an appraisal phase, not the member's item.
    """
    value = None if not text.strip() else parse_score(text)
    return _update(ctx, member_id, unit_id, node_code, _Edit(set_value=True, value=value), sheet)


def save_comment(
    ctx: RoundContext,
    member_id: str,
    unit_id: str,
    node_code: str,
    comment: str,
    *,
    sheet: UnitSheet | None = None,
) -> ScoreChange:
    """Save the member's comment (ý kiến thẩm định) on an item.

    Raises:
        ValidationError: too long, not an appraisal phase, not the member's item.
    """
    comment = nfc(comment)
    if len(comment) > MAX_COMMENT:
        raise ValidationError(
            Msg(
                f"Ý kiến dài quá {MAX_COMMENT} ký tự.",
                f"The comment is longer than {MAX_COMMENT} characters.",
            )
        )
    return _update(ctx, member_id, unit_id, node_code, _Edit(comment=comment), sheet)


def set_not_applicable(
    ctx: RoundContext,
    member_id: str,
    unit_id: str,
    node_code: str,
    not_applicable: bool,
    *,
    sheet: UnitSheet | None = None,
) -> ScoreChange:
    """Mark an item "Không áp dụng" for this unit (or clear the mark).

    Raises:
        ValidationError: not an appraisal phase, not the member's item.
    """
    return _update(ctx, member_id, unit_id, node_code, _Edit(not_applicable=not_applicable), sheet)
