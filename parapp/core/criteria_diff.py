"""What changed between two criteria sets: added, removed, moved, renamed and re-weighted nodes.

Provinces re-issue their sets yearly. Before a round, the secretary compares last year's set with
this year's (``parapp criteria diff OLD NEW``) to see which items kept their code and maximum and
can be compared year to year.

Nodes are matched by code first. A node whose code disappears and a node whose code appears with
the same name (case, spacing and Unicode form ignored) are one node **moved** to another code
(a code fixes the parent, so a move to another parent is a change of code). A moved node whose
parent moved with it the same way is not listed again, nor are the children of an added or
removed node. A matched node is **re-weighted** when its maximum, or whether it applies, differs
for a unit type the two sets share (the general maximum when they share none).

Sets of different scales (total maximum of the normal areas, e.g. 100 and 80) are not compared:
``compare`` refuses them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from parapp.core.criteria import CriteriaSet, Node, Role
from parapp.core.errors import ValidationError
from parapp.core.messages import Lang, Msg
from parapp.core.numbers import format_score


@dataclass(frozen=True)
class Change:
    """A node present in one set only, with how many descendants came or went with it."""

    code: str
    name: str
    maximum: Decimal
    descendants: int


@dataclass(frozen=True)
class Move:
    """The same node (by name) under another code."""

    old_code: str
    new_code: str
    name: str


@dataclass(frozen=True)
class Rename:
    """The same code with another name."""

    code: str
    old_name: str
    new_name: str


@dataclass(frozen=True)
class Weight:
    """One maximum before and after, for some unit types; None means "does not apply"."""

    unit_types: tuple[str, ...]
    """Empty: every unit type compared (the general maximum when the sets share none)."""
    old: Decimal | None
    new: Decimal | None


@dataclass(frozen=True)
class Reweight:
    """A matched node whose maximum or applicability changed."""

    old_code: str
    new_code: str
    name: str
    weights: tuple[Weight, ...]


@dataclass(frozen=True)
class CriteriaDiff:
    """Everything ``parapp criteria diff`` prints, in the new set's document order."""

    old_id: str
    new_id: str
    scale: Decimal
    added: tuple[Change, ...]
    removed: tuple[Change, ...]
    moved: tuple[Move, ...]
    renamed: tuple[Rename, ...]
    reweighted: tuple[Reweight, ...]
    unit_types_added: tuple[str, ...]
    unit_types_removed: tuple[str, ...]

    @property
    def unchanged(self) -> bool:
        """Whether the two sets have the same items, names and maxima."""
        return not (
            self.added
            or self.removed
            or self.moved
            or self.renamed
            or self.reweighted
            or self.unit_types_added
            or self.unit_types_removed
        )


def scale(criteria_set: CriteriaSet) -> Decimal:
    """The set's total: the sum of its normal areas' maxima (100 for a PAR set)."""
    return sum((a.maximum for a in criteria_set.nodes if a.role is Role.NORMAL), Decimal(0))


def compare(old: CriteriaSet, new: CriteriaSet) -> CriteriaDiff:
    """Compare ``old`` with ``new``.

    Raises:
        ValidationError: the sets have different scales.
    """
    old_scale, new_scale = scale(old), scale(new)
    if old_scale != new_scale:
        raise ValidationError(_scale_message(old, old_scale, new, new_scale))
    old_nodes = {n.code: n for n in old.walk()}
    new_nodes = {n.code: n for n in new.walk()}
    pairs = {code: code for code in new_nodes if code in old_nodes}
    gone = [n for n in old.walk() if n.code not in new_nodes]
    came = [n for n in new.walk() if n.code not in old_nodes]
    moves = _pair_by_name(gone, came)
    pairs.update(moves)
    moved_new = {new_code: old_code for old_code, new_code in moves.items()}
    types = _shared_types(old, new)
    new_order = list(new_nodes)
    paired = sorted(pairs.items(), key=lambda p: new_order.index(p[1]))
    return CriteriaDiff(
        old_id=old.form_id,
        new_id=new.form_id,
        scale=new_scale,
        added=tuple(_changes(new, [n for n in came if n.code not in moved_new])),
        removed=tuple(_changes(old, [n for n in gone if n.code not in moves])),
        moved=tuple(
            Move(o, n, new_nodes[n].name)
            for o, n in paired
            if o != n and not _moved_with_parent(o, n, moves)
        ),
        renamed=tuple(
            Rename(o, old_nodes[o].name, new_nodes[n].name)
            for o, n in paired
            if o == n and old_nodes[o].name != new_nodes[n].name
        ),
        reweighted=tuple(
            Reweight(o, n, new_nodes[n].name, weights)
            for o, n in paired
            if (weights := _weights(old, old_nodes[o], new, new_nodes[n], types))
        ),
        unit_types_added=tuple(
            u.code for u in new.unit_types if u.code not in {t.code for t in old.unit_types}
        ),
        unit_types_removed=tuple(
            u.code for u in old.unit_types if u.code not in {t.code for t in new.unit_types}
        ),
    )


def _scale_message(
    old: CriteriaSet, old_scale: Decimal, new: CriteriaSet, new_scale: Decimal
) -> Msg:
    o_vi, n_vi = format_score(old_scale, Lang.VI), format_score(new_scale, Lang.VI)
    o_en, n_en = format_score(old_scale, Lang.EN), format_score(new_scale, Lang.EN)
    return Msg(
        f"Không so sánh được {old.form_id} (thang {o_vi} điểm) với {new.form_id} "
        f"(thang {n_vi} điểm): hai bộ tiêu chí khác thang điểm.",
        f"Cannot compare {old.form_id} (out of {o_en} points) with {new.form_id} "
        f"(out of {n_en} points): the sets have different scales.",
    )


def _key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _pair_by_name(gone: list[Node], came: list[Node]) -> dict[str, str]:
    """Old code -> new code for nodes that changed code but kept their name; a node at the same
    depth is preferred, then the first in document order."""
    free = list(came)
    moves: dict[str, str] = {}
    for node in gone:
        same = [c for c in free if _key(c.name) == _key(node.name)]
        if not same:
            continue
        match = next((c for c in same if c.depth == node.depth), same[0])
        free.remove(match)
        moves[node.code] = match.code
    return moves


def _moved_with_parent(old_code: str, new_code: str, moves: dict[str, str]) -> bool:
    """Whether the node only followed its parent: same last segment, parent moved there."""
    old_parent, _, old_last = old_code.rpartition(".")
    new_parent, _, new_last = new_code.rpartition(".")
    return bool(old_parent) and old_last == new_last and moves.get(old_parent) == new_parent


def _changes(criteria_set: CriteriaSet, nodes: Iterable[Node]) -> Iterator[Change]:
    """The top-most of ``nodes`` (their listed descendants are counted, not listed)."""
    listed = {n.code for n in nodes}
    for node in nodes:
        if node.parent_code in listed:
            continue
        descendants = sum(1 for d in node.walk() if d.code in listed) - 1
        yield Change(node.code, node.name, node.maximum, descendants)


def _shared_types(old: CriteriaSet, new: CriteriaSet) -> list[str | None]:
    new_types = {u.code for u in new.unit_types}
    shared: list[str | None] = [u.code for u in old.unit_types if u.code in new_types]
    return shared or [None]


def _effective(criteria_set: CriteriaSet, node: Node, unit_type: str | None) -> Decimal | None:
    """The node's maximum for ``unit_type``, None when it or an ancestor does not apply."""
    code: str | None = node.code
    while code is not None:
        current = criteria_set.node(code)
        if not current.applies(unit_type):
            return None
        code = current.parent_code
    return node.max_for(unit_type)


def _weights(
    old: CriteriaSet, old_node: Node, new: CriteriaSet, new_node: Node, types: list[str | None]
) -> tuple[Weight, ...]:
    """Changed maxima, unit types with the same change grouped (in the old set's order)."""
    grouped: dict[tuple[Decimal | None, Decimal | None], list[str]] = {}
    for unit_type in types:
        before = _effective(old, old_node, unit_type)
        after = _effective(new, new_node, unit_type)
        if before != after:
            grouped.setdefault((before, after), []).extend([unit_type] if unit_type else [])
    if len(grouped) == 1 and len(next(iter(grouped.values()))) == len(types):
        grouped = {change: [] for change in grouped}  # the same change for every type
    return tuple(Weight(tuple(ts), b, a) for (b, a), ts in grouped.items())


# --- the report --------------------------------------------------------------------------------


def describe(diff: CriteriaDiff, lang: Lang = Lang.VI) -> str:
    """The diff as text for the command line, in ``lang``."""
    vi = lang is Lang.VI

    def score(value: Decimal | None) -> str:
        if value is None:
            return "không áp dụng" if vi else "not applicable"
        return format_score(value, lang)

    def more(count: int) -> str:
        if not count:
            return ""
        return f" (và {count} mục con)" if vi else f" (and {count} below it)"

    lines = [
        f"{diff.old_id} → {diff.new_id}: "
        + (f"thang {score(diff.scale)} điểm" if vi else f"out of {score(diff.scale)} points")
    ]
    if diff.unchanged:
        lines.append(
            "  Không có thay đổi về mục, tên và điểm tối đa."
            if vi
            else "  No change in items, names or maxima."
        )
    sections: list[tuple[Msg, list[str]]] = [
        (
            Msg("Loại đơn vị thêm", "Unit types added"),
            [f"+ {code}" for code in diff.unit_types_added],
        ),
        (
            Msg("Loại đơn vị bỏ", "Unit types removed"),
            [f"- {code}" for code in diff.unit_types_removed],
        ),
        (
            Msg("Thêm", "Added"),
            [f"+ {c.code} {c.name}: {score(c.maximum)}{more(c.descendants)}" for c in diff.added],
        ),
        (
            Msg("Bỏ", "Removed"),
            [f"- {c.code} {c.name}: {score(c.maximum)}{more(c.descendants)}" for c in diff.removed],
        ),
        (
            Msg("Chuyển mã", "Moved"),
            [f"~ {m.old_code} → {m.new_code} {m.name}" for m in diff.moved],
        ),
        (
            Msg("Đổi tên", "Renamed"),
            [f"~ {r.code}: “{r.old_name}” → “{r.new_name}”" for r in diff.renamed],
        ),
        (
            Msg("Đổi điểm tối đa", "Re-weighted"),
            [_reweight_line(r, score) for r in diff.reweighted],
        ),
    ]
    for title, items in sections:
        if items:
            lines.append(f"  {title.get(lang)} ({len(items)}):")
            lines.extend(f"    {item}" for item in items)
    return "\n".join(lines) + "\n"


def _reweight_line(r: Reweight, score: Callable[[Decimal | None], str]) -> str:
    code = r.new_code if r.old_code == r.new_code else f"{r.old_code} → {r.new_code}"
    parts = []
    for w in r.weights:
        who = f"{', '.join(w.unit_types)}: " if w.unit_types else ""
        parts.append(f"{who}{score(w.old)} → {score(w.new)}")
    return f"{code} {r.name}: {'; '.join(parts)}"
