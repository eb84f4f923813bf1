"""A round's ranking groups and classification bands, and last year's points to compare with.

Both are round settings (``store.settings``), audited on every change:

- the ranking groups default to the criteria set's; a round may regroup its unit types (xã and
  phường together, ngành dọc apart). Units keep their type; the group of each unit is stored
  with it (``round show`` lists it) and decides its ranking table and chart;
- the classification bands default to the set's own classes; a round picks a preset (the
  province's four, Huế's five, the national groups) or states its own. The band set is shown on
  every results sheet and gives each unit's class.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from parapp.core import bands as band_sets
from parapp.core.bands import BandRow, BandSet
from parapp.core.criteria import CriteriaSet, RankingGroup, Role
from parapp.core.errors import ImportFormatError, ValidationError
from parapp.core.messages import Msg
from parapp.core.ranking import check_grouping, describe_groups, group_code, parse_groups
from parapp.services.context import RoundContext, open_round
from parapp.store import rounds as round_store
from parapp.store import settings as setting_store
from parapp.store.database import StoreSession as Session

log = logging.getLogger(__name__)

GROUPS_KEY = "ranking_groups"
BANDS_KEY = "class_bands"
DEFAULT = "mac-dinh"
"""What ``set_ranking_groups`` / ``set_band_set`` take to go back to the set's own."""


def stored_groups(session: Session, criteria_set: CriteriaSet) -> tuple[RankingGroup, ...]:
    """The round's ranking groups within an open transaction (default: the set's)."""
    data = setting_store.get(session, GROUPS_KEY)
    if data is None:
        return criteria_set.ranking_groups
    return tuple(
        RankingGroup(str(g["code"]), str(g["label"]), frozenset(g["unit_types"])) for g in data
    )


def stored_bands(session: Session, criteria_set: CriteriaSet) -> BandSet:
    """The round's band set within an open transaction (default: the set's own classes)."""
    data = setting_store.get(session, BANDS_KEY)
    return band_sets.from_criteria_set(criteria_set) if data is None else band_sets.from_json(data)


def ranking_groups(ctx: RoundContext) -> tuple[RankingGroup, ...]:
    """The round's ranking groups."""
    with ctx.db.transaction() as s:
        return stored_groups(s, ctx.criteria_set())


def band_set(ctx: RoundContext) -> BandSet:
    """The round's classification bands."""
    with ctx.db.transaction() as s:
        return stored_bands(s, ctx.criteria_set())


def groups_customised(ctx: RoundContext) -> bool:
    """Whether the round regrouped its unit types (else: the set's groups)."""
    with ctx.db.transaction() as s:
        return setting_store.get(s, GROUPS_KEY) is not None


def set_ranking_groups(ctx: RoundContext, text: str) -> tuple[RankingGroup, ...]:
    """Regroup the round's unit types: ``CODE[:LABEL]=TYPE,TYPE; ...`` (see
    ``core.ranking.parse_groups``), or ``mac-dinh`` for the set's groups. Every unit moves to
    the group of its type, in one transaction with the audit row.

    Raises:
        ValidationError: a malformed group, a type the set does not define, a type in two
            groups, or a type of some unit in no group; nothing changed.
    """
    criteria_set = ctx.criteria_set()
    reset = text.strip().casefold() in (DEFAULT, "default")
    groups = criteria_set.ranking_groups if reset else parse_groups(text, criteria_set)
    with ctx.db.transaction() as s:
        units = round_store.units(s)
        missing = [] if reset else check_grouping(groups, Counter(u.unit_type for u in units))
        if missing:
            raise ValidationError(
                Msg(
                    "Không đặt được nhóm xếp hạng:\n" + "\n".join(f"  - {m.vi}" for m in missing),
                    "Cannot set the ranking groups:\n" + "\n".join(f"  - {m.en}" for m in missing),
                )
            )
        old = describe_groups(stored_groups(s, criteria_set))
        if reset:
            changed = setting_store.remove(s, GROUPS_KEY)
        else:
            changed = setting_store.put(
                s, GROUPS_KEY, _groups_json(groups), at=ctx.now(), by=ctx.actor
            )
        for unit in units:
            target = group_code(groups, unit.unit_type)
            if target != unit.ranking_group:
                round_store.set_ranking_group(s, unit.id, target)
                changed = True
        if changed:
            round_store.audit(
                s,
                at=ctx.now(),
                actor=ctx.actor,
                action="round_settings",
                field=GROUPS_KEY,
                old=old,
                new=describe_groups(groups),
            )
    log.info("ranking groups: %s", describe_groups(groups))
    return tuple(groups)


def _groups_json(groups: Sequence[RankingGroup]) -> list[dict[str, Any]]:
    return [{"code": g.code, "label": g.label, "unit_types": sorted(g.unit_types)} for g in groups]


def preset_names() -> tuple[str, ...]:
    """The names ``set_band_set`` takes besides custom bands."""
    return (band_sets.SET_PRESET, *band_sets.PRESETS)


def resolve_bands(
    criteria_set: CriteriaSet,
    preset: str | None = None,
    text: str | None = None,
    rows: Sequence[BandRow] | None = None,
    below: str | None = None,
    source: str = "",
) -> BandSet:
    """The band set a secretary asks for: a preset by name (``below``: the national preset's
    label under 70 %), bands typed on one line, or rows read from a workbook.

    Raises:
        ValidationError: an unknown preset.
        ImportFormatError: a custom set with located problems (overlap, gap, order, repeats).
    """
    if preset is not None:
        name = preset.strip().casefold()
        if name in (band_sets.SET_PRESET, DEFAULT, "default"):
            return band_sets.from_criteria_set(criteria_set)
        if name == "nhom-quoc-gia" and below:
            return band_sets.national(" ".join(below.split()))
        if name not in band_sets.PRESETS:
            known = ", ".join(preset_names())
            raise ValidationError(
                Msg(
                    f"Không có bộ xếp loại “{preset}” (chọn: {known}, hoặc tự đặt).",
                    f"There is no band set “{preset}” (choose: {known}, or state your own).",
                )
            )
        return band_sets.PRESETS[name]
    if rows is None:
        rows = band_sets.parse_text(text or "")
    bands, problems = band_sets.check_rows(
        rows, Msg("Xếp loại do đợt thẩm định quy định", "The round's own classes")
    )
    if bands is None:
        raise ImportFormatError(problems, source or Msg("bộ xếp loại", "the band set").vi)
    return bands


def set_band_set(ctx: RoundContext, bands: BandSet) -> BandSet:
    """Make ``bands`` the round's classification (audited)."""
    with ctx.db.transaction() as s:
        old = stored_bands(s, ctx.criteria_set())
        if bands.code == band_sets.SET_PRESET:
            changed = setting_store.remove(s, BANDS_KEY)
        else:
            changed = setting_store.put(s, BANDS_KEY, bands.to_json(), at=ctx.now(), by=ctx.actor)
        if changed:
            round_store.audit(
                s,
                at=ctx.now(),
                actor=ctx.actor,
                action="round_settings",
                field=BANDS_KEY,
                old=old.describe("vi"),
                new=bands.describe("vi"),
            )
    return bands


@dataclass(frozen=True)
class PreviousYear:
    """Last year's points and maxima of each unit's areas (by unit code and area code)."""

    points: dict[str, dict[str, Decimal]]
    maxima: dict[str, dict[str, Decimal]]


def previous_year(path: Path) -> PreviousYear:
    """The areas' points and applicable maxima of every unit of another (previous) round."""
    from parapp.services import results as merged  # noqa: PLC0415 - it builds on this module

    with open_round(path) as before:
        rnd, done = merged._consolidate(before, keep_items=False)
    points: dict[str, dict[str, Decimal]] = {}
    maxima: dict[str, dict[str, Decimal]] = {}
    for unit_id, result in done.results.items():
        points[unit_id], maxima[unit_id] = {}, {}
        for area in rnd.criteria_set.nodes:
            total = result.totals.get(area.code)
            if area.role is Role.NORMAL and total is not None and total.applicable:
                points[unit_id][area.code] = total.achieved
                maxima[unit_id][area.code] = total.maximum
    return PreviousYear(points, maxima)
