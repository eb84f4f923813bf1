"""The engine's flattened plan: the same totals and findings as the tree walked recursively, one
plan per set and unit type, and values found clean once are not checked again, by number."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parapp.core import scoring
from parapp.core.criteria import Aggregation, CriteriaSet, Node, Role
from parapp.core.criteria_codec import from_dict
from parapp.core.findings import FindingCode
from parapp.core.scoring import LeafEntry, NodeTotal, score_unit, validate_leaf
from tests.core.core_samples import mini_data

D = Decimal
MINI = from_dict(mini_data(), "mini.json")
LEAVES = [leaf.code for leaf in MINI.leaves()]


def _reference(
    criteria_set: CriteriaSet, unit_type: str | None, entries: dict[str, LeafEntry]
) -> tuple[dict[str, NodeTotal], list[str], dict[Role, Decimal]]:
    """The roll-up written straight from its definition: recursive, every value checked."""
    totals: dict[str, NodeTotal] = {}
    found: list[str] = []
    roles = dict.fromkeys(Role, D(0))

    def visit(node: Node, ancestors_apply: bool) -> NodeTotal:
        applies = ancestors_apply and node.applies(unit_type)
        if node.is_leaf:
            entry = entries.get(node.code, LeafEntry())
            found.extend(
                f"{x.code}:{x.node}:{x.message.en}"
                for x in validate_leaf(node, entry, unit_type, ancestors_apply=ancestors_apply)
            )
            if not applies or entry.not_applicable:
                total = NodeTotal(node.code, D(0), D(0), D(0), False, 0, 0)
            else:
                achieved = entry.appraised or D(0)
                total = NodeTotal(
                    node.code,
                    achieved,
                    node.max_for(unit_type),
                    entry.self_score or D(0),
                    True,
                    int(entry.appraised is not None),
                    1,
                )
        else:
            parts = [(child, visit(child, applies)) for child in node.children]
            same = [t for child, t in parts if child.role is node.role]
            for child, t in parts:
                if child.role is not node.role:
                    roles[child.role] += t.achieved
            applicable = any(t.applicable for _child, t in parts)
            achieved = sum((t.achieved for t in same), D(0))
            maximum = sum((t.maximum for t in same), D(0))
            own = sum((t.self_total for t in same), D(0))
            if applicable and node.aggregation is Aggregation.CAP:
                low, high = node.minimum, node.max_for(unit_type)
                if min(max(achieved, low), high) != achieved:
                    found.append(f"{FindingCode.CAP_APPLIED}:{node.code}")
                achieved, maximum, own = (
                    min(max(achieved, low), high),
                    high,
                    min(max(own, low), high),
                )
            elif applicable and achieved > maximum:
                found.append(f"{FindingCode.PARENT_OVER_MAX}:{node.code}")
            total = NodeTotal(
                node.code,
                achieved,
                maximum,
                own,
                applicable,
                sum(t.scored for t in same),
                sum(t.leaves for t in same),
            )
        totals[node.code] = total
        return total

    for root in criteria_set.nodes:
        roles[root.role] += visit(root, True).achieved
    return totals, found, roles


VALUES = st.sampled_from(["0", "0.5", "1", "1.0", "1.50", "2", "3", "-1", "0.33", "20"])
ENTRY = st.builds(
    lambda self_score, appraised, na, comment: LeafEntry(
        self_score=None if self_score is None else D(self_score),
        appraised=None if appraised is None else D(appraised),
        not_applicable=na,
        comment=comment,
        evidence=("kh.pdf",) if comment else (),
    ),
    st.none() | VALUES,
    st.none() | VALUES,
    st.booleans(),
    st.sampled_from(["", "ghi chú"]),
)


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(st.sampled_from(LEAVES), ENTRY),
    st.sampled_from(["so", "so-khong-tthc", None]),
)
def test_the_plan_gives_what_the_recursive_walk_gives(
    entries: dict[str, LeafEntry], unit_type: str | None
) -> None:
    for _twice in range(2):  # the second time, values found clean are known to the plan
        result = score_unit(MINI, "U", unit_type, entries)
        totals, found, roles = _reference(MINI, unit_type, entries)
        assert dict(result.totals) == totals
        assert [
            f"{x.code}:{x.node}:{x.message.en}"
            if x.code not in (FindingCode.CAP_APPLIED, FindingCode.PARENT_OVER_MAX)
            else f"{x.code}:{x.node}"
            for x in result.findings
        ] == found
        assert all(x.unit == "U" for x in result.findings)
        assert (result.achieved, result.bonus, result.penalty) == (
            roles[Role.NORMAL],
            roles[Role.BONUS],
            -roles[Role.PENALTY],
        )


def test_a_value_known_clean_still_flags_an_equal_looking_wrong_one() -> None:
    clean = {code: LeafEntry(appraised=D("1")) for code in ("1.1.1", "1.1.2")}
    assert not [x for x in score_unit(MINI, "A", "so", clean).findings if x.node == "1.1.1"]
    same_number = {"1.1.1": LeafEntry(appraised=D("1.00"))}
    assert not [x for x in score_unit(MINI, "B", "so", same_number).findings if x.node == "1.1.1"]
    above = score_unit(MINI, "C", "so", {"1.1.1": LeafEntry(appraised=D("1.5"))})
    assert [x.code for x in above.findings if x.node == "1.1.1"] == [FindingCode.ABOVE_MAX]
    assert above.findings[0].unit == "C"


def test_a_signalling_nan_is_refused_as_before() -> None:
    score_unit(MINI, "A", "so", {"1.1.1": LeafEntry(appraised=D("1"))})
    for bad in ("sNaN", "NaN"):
        with pytest.raises(InvalidOperation):
            score_unit(MINI, "A", "so", {"1.1.1": LeafEntry(appraised=D(bad))})


def test_each_set_object_has_its_own_plan() -> None:
    data = mini_data()
    other = from_dict(data, "mini.json")
    assert scoring._plan(MINI, "so") is scoring._plan(MINI, "so")
    assert scoring._plan(other, "so") is not scoring._plan(MINI, "so")
    for n in range(scoring._MAX_PLANS + 1):  # the cache is bounded
        scoring._plan(MINI, f"type{n}")
    assert len(scoring._PLANS) <= scoring._MAX_PLANS
