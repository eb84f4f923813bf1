"""Appraisal round 2: the explained items a member re-scores, with the member's own and the
council's round-1 score and the unit's explanation.

Round 2 covers exactly the items of each unit's current imported explanation (giải trình), in
the areas the member scores. The secretary's round computes the consolidated round-1 scores from
the members' round-1 scores; a member's workspace keeps the ones its round-2 package carried (in
the settings table, ``CONSOLIDATED_KEY``), and the explanations in its own explanation tables.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from parapp.core.numbers import canonical
from parapp.core.round2 import Round1Score, Round2Item
from parapp.core.rounds import RoundKind
from parapp.io.packages.package_round import Round2Unit
from parapp.services.context import RoundContext
from parapp.services.sheets import carried_round_1, round2_items_of
from parapp.services.sheets import explained_items as explained_items  # noqa: PLC0414
from parapp.services.sheets import in_areas as in_areas  # noqa: PLC0414 - re-exported
from parapp.store import evidence as evidence_store
from parapp.store import explanations as explanation_store
from parapp.store import rounds as round_store
from parapp.store import scores as score_store
from parapp.store import settings as settings_store
from parapp.store.database import StoreSession as Session
from parapp.store.records import StoredScore

CONSOLIDATED_KEY = "round_2.consolidated_round_1"
"""Workspace setting: unit -> code -> the consolidated round-1 score the package carried."""


def _score_data(score: Round1Score | None) -> dict[str, Any] | None:
    if score is None:
        return None
    return {
        "value": None if score.value is None else canonical(score.value),
        "not_applicable": score.not_applicable,
    }


def _consolidated(ctx: RoundContext, unit_id: str, codes: frozenset[str]) -> dict[str, Any]:
    """Code -> consolidated round-1 score: computed in the secretary's round, as carried by the
    package in a workspace (read the same way by ``quick_open``, which shows a workspace
    before the store is loaded)."""
    with ctx.db.transaction() as s:
        kind = round_store.info(s).kind
        stored = settings_store.get(s, CONSOLIDATED_KEY, {})
    if kind is RoundKind.WORKSPACE:
        return carried_round_1(stored, unit_id, codes)
    # notices builds on the scoring service, which builds on this module: imported here.
    from parapp.services.notices import round1_unit  # noqa: PLC0415

    view = round1_unit(ctx, unit_id)
    out: dict[str, Round1Score | None] = {}
    for code in codes:
        found = view.round1(code)
        out[code] = (
            None
            if found is None or (found.value is None and not found.not_applicable)
            else Round1Score(found.value, found.not_applicable)
        )
    return out


def round2_items(
    ctx: RoundContext, member_id: str, unit_id: str, areas: frozenset[str] | None
) -> dict[str, Round2Item]:
    """Code -> what the member sees of each item of the unit they re-score in round 2."""
    with ctx.db.transaction() as s:
        items = explained_items(explanation_store.current(s, unit_id), areas)
        own = {
            x.node_code: x
            for x in score_store.for_unit(s, unit_id, member_id)
            if x.appraisal_round == 1
        }
    if not items:
        return {}
    return round2_items_of(items, own, _consolidated(ctx, unit_id, frozenset(items)))


def package_units(
    ctx: RoundContext, member_id: str, scope: Mapping[str, frozenset[str] | None]
) -> dict[str, Round2Unit]:
    """Unit -> its explanation for a round-2 package: the units in ``scope`` with explained
    items in the member's areas, each with only those items."""
    with ctx.db.transaction() as s:
        current = explanation_store.current_all(s)
    out: dict[str, Round2Unit] = {}
    for unit_id, areas in scope.items():
        explanation = current.get(unit_id)
        items = round2_items(ctx, member_id, unit_id, areas)
        if explanation is None or not items:
            continue
        out[unit_id] = Round2Unit(
            explanation.file_name,
            explanation.form_sha256,
            explanation.form_serial,
            explanation.imported_at,
            explanation.actor,
            explanation.approval,
            items,
        )
    return out


def report_rounds(
    ctx: RoundContext,
) -> tuple[dict[str, dict[str, Decimal | None]], dict[str, dict[str, Decimal | None]]]:
    """The council sheets' "Thẩm định lần 1" and "Thẩm định lần 2" columns, for the units with
    round-2 scores: unit -> code -> the consolidated round-1 score, and unit -> code -> the
    consolidated score of each item re-scored in round 2 (the results use it). Both empty
    while nothing was scored in round 2 (the council's score is then round 1's)."""
    with ctx.db.transaction() as s:
        second = {
            (x.unit_id, x.node_code) for x in score_store.all_scores(s) if x.appraisal_round == 2
        }
    if not second:
        return {}, {}
    # results and notices build on the scoring service, which builds on this module.
    from parapp.services import results  # noqa: PLC0415
    from parapp.services.notices import round1_unit  # noqa: PLC0415

    units = sorted({unit_id for unit_id, _code in second})
    first = {
        unit_id: {code: c.value for code, c in round1_unit(ctx, unit_id).items.items()}
        for unit_id in units
    }
    items = results.consolidation(ctx).items
    latest = {
        unit_id: {
            i.node_code: i.consolidated.value
            for i in items.get(unit_id, ())
            if (unit_id, i.node_code) in second
        }
        for unit_id in units
    }
    return first, latest


def store_in_workspace(
    session: Session,
    member_id: str,
    units: Mapping[str, Round2Unit],
    sizes: Mapping[str, int],
    *,
    at: str,
    actor: str,
) -> None:
    """Keep a round-2 package's content in the member's new workspace: each unit's explanation
    (with its new evidence files registered), the member's own round-1 scores and the
    consolidated round-1 scores."""
    consolidated: dict[str, dict[str, Any]] = {}
    for unit_id, unit in sorted(units.items()):
        for item in unit.items.values():
            for ref in item.explanation.evidence:
                if ref.sha256 is not None:
                    evidence_store.register(session, ref.sha256, sizes[ref.sha256], ref.file_name)
        explanation_store.add(
            session,
            unit_id=unit_id,
            file_name=unit.file_name,
            form_sha256=unit.form_sha256,
            form_serial=unit.form_serial,
            imported_at=unit.imported_at,
            actor=unit.actor,
            approval=unit.approval,
            items=tuple(unit.items[code].explanation for code in unit.items),
        )
        for code, item in sorted(unit.items.items()):
            own = item.own_round_1
            if own is not None:
                score_store.put(
                    session,
                    StoredScore(
                        unit_id,
                        code,
                        member_id,
                        1,
                        own.value,
                        own.comment,
                        own.not_applicable,
                        at,
                    ),
                )
            consolidated.setdefault(unit_id, {})[code] = _score_data(item.consolidated_round_1)
    if consolidated:
        settings_store.put(session, CONSOLIDATED_KEY, consolidated, at=at, by=actor)
