"""Ranking units by index within their ranking groups (dense or competition ranking), and a
round's own grouping of unit types into ranking groups."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from parapp.core.criteria import CriteriaSet, RankingGroup, RankingMethod
from parapp.core.errors import ValidationError
from parapp.core.messages import Msg


@dataclass(frozen=True)
class RankEntry:
    """One unit's published (rounded) index and the ranking group it is compared within."""

    unit_id: str
    group: str
    index: Decimal


def rank(
    entries: Sequence[RankEntry], method: RankingMethod = RankingMethod.DENSE
) -> dict[str, int]:
    """Rank units within each group, highest index first; equal indices share a rank.

    Dense: 90.10, 90.10, 88.50 -> 1, 1, 2. Competition: 1, 1, 3 (1 + the number of units of the
    group with a strictly greater index). The result depends on the values only, never on the
    order of ``entries``; its keys follow that order.

    Raises:
        ValueError: a unit appears twice (a programming error, not user input).
    """
    ids = [entry.unit_id for entry in entries]
    if len(set(ids)) != len(ids):
        twice = sorted({unit for unit in ids if ids.count(unit) > 1})
        raise ValueError(f"units ranked twice: {', '.join(twice)}")
    by_group: dict[str, list[Decimal]] = {}
    for entry in entries:
        by_group.setdefault(entry.group, []).append(entry.index)
    places: dict[str, dict[Decimal, int]] = {}
    for group, indices in by_group.items():
        if method is RankingMethod.DENSE:
            distinct = sorted(set(indices), reverse=True)
            places[group] = {value: position for position, value in enumerate(distinct, 1)}
        else:
            places[group] = {}
            for position, value in enumerate(sorted(indices, reverse=True), 1):
                places[group].setdefault(value, position)
    return {entry.unit_id: places[entry.group][entry.index] for entry in entries}


GROUP_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def parse_groups(text: str, criteria_set: CriteriaSet) -> tuple[RankingGroup, ...]:
    """Ranking groups typed on one line: ``CODE[:LABEL]=TYPE,TYPE; ...``, e.g.
    ``so-ban-nganh=so,so-khong-tthc; phuong:Phường=phuong; xa-dac-khu=xa,dac-khu``.

    A group without a label takes the set's label of a group with the same code, else its
    unit type's label (or the labels of its types, joined). Types may be written by code or by
    label. The grouping is checked against the set only (``check_grouping`` checks it against
    the round's units).

    Raises:
        ValidationError: every problem of the text, one per line; nothing is returned.
    """
    by_key = {ut.label.casefold(): ut.code for ut in criteria_set.unit_types if ut.label}
    by_key.update({ut.code.casefold(): ut.code for ut in criteria_set.unit_types})
    labels = {ut.code: ut.label or ut.code for ut in criteria_set.unit_types}
    set_labels = {g.code: g.label for g in criteria_set.ranking_groups}
    known = ", ".join(ut.code for ut in criteria_set.unit_types)
    problems: list[Msg] = []
    groups: list[RankingGroup] = []
    owner: dict[str, str] = {}
    for number, item in enumerate((p for p in text.split(";") if p.strip()), 1):
        head, equals, tail = item.partition("=")
        code, _, label = head.partition(":")
        code, label = code.strip(), " ".join(label.split())
        where = Msg(f"Nhóm thứ {number} (“{item.strip()}”)", f"Group {number} (“{item.strip()}”)")
        if not equals or not GROUP_CODE.match(code):
            problems.append(
                Msg(
                    f"{where.vi}: viết MÃ_NHÓM[:TÊN]=LOẠI,LOẠI (mã: chữ không dấu, số, '-', "
                    "'_', '.').",
                    f"{where.en}: write CODE[:LABEL]=TYPE,TYPE (code: ASCII letters, digits, "
                    "'-', '_', '.').",
                )
            )
            continue
        if any(g.code == code for g in groups):
            problems.append(
                Msg(f"{where.vi}: mã nhóm “{code}” bị lặp.", f"{where.en}: group “{code}” twice.")
            )
        types: list[str] = []
        for raw in (t.strip() for t in tail.split(",")):
            if not raw:
                continue
            unit_type = by_key.get(raw.casefold())
            if unit_type is None:
                problems.append(
                    Msg(
                        f"{where.vi}: loại đơn vị “{raw}” không có trong bộ tiêu chí "
                        f"{criteria_set.form_id} (có: {known}).",
                        f"{where.en}: unit type “{raw}” is not in the criteria set "
                        f"{criteria_set.form_id} (known: {known}).",
                    )
                )
            elif unit_type in owner:
                problems.append(
                    Msg(
                        f"{where.vi}: loại đơn vị “{unit_type}” đã thuộc nhóm “{owner[unit_type]}”"
                        "; mỗi loại chỉ thuộc một nhóm.",
                        f"{where.en}: unit type “{unit_type}” is already in group "
                        f"“{owner[unit_type]}”; a type belongs to one group only.",
                    )
                )
            else:
                owner[unit_type] = code
                types.append(unit_type)
        if not tail.strip():
            problems.append(
                Msg(f"{where.vi}: nhóm chưa có loại đơn vị nào.", f"{where.en}: no unit type.")
            )
        if not label:
            label = set_labels.get(code) or ", ".join(labels[t] for t in types) or code
        groups.append(RankingGroup(code, label, frozenset(types)))
    if not groups and not problems:
        problems.append(Msg("Chưa có nhóm xếp hạng nào.", "No ranking group is given."))
    if problems:
        raise ValidationError(
            Msg(
                "Không đặt được nhóm xếp hạng:\n" + "\n".join(f"  - {p.vi}" for p in problems),
                "Cannot set the ranking groups:\n" + "\n".join(f"  - {p.en}" for p in problems),
            )
        )
    return tuple(groups)


def check_grouping(groups: Sequence[RankingGroup], unit_types: Mapping[str, int]) -> list[Msg]:
    """The unit types of the round's units (type -> number of units) that no group holds."""
    held = {t for g in groups for t in g.unit_types}
    return [
        Msg(
            f"Loại đơn vị “{unit_type}” ({count} đơn vị trong đợt) không thuộc nhóm xếp hạng nào.",
            f"Unit type “{unit_type}” ({count} unit(s) in the round) is in no ranking group.",
        )
        for unit_type, count in sorted(unit_types.items())
        if count and unit_type not in held
    ]


def group_code(groups: Sequence[RankingGroup], unit_type: str) -> str:
    """The code of the group holding ``unit_type`` (the type itself when none does)."""
    return next((g.code for g in groups if unit_type in g.unit_types), unit_type)


def describe_groups(groups: Sequence[RankingGroup]) -> str:
    """The grouping as ``parse_groups`` reads it back."""
    return "; ".join(f"{g.code}:{g.label}={','.join(sorted(g.unit_types))}" for g in groups)
