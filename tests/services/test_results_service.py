"""Consolidation and results from real signed submissions, against hand arithmetic.

Set T-MERGE: 1.1 (max 4) + 1.2 (max 6) + 2.1 (max 5) appraised by the council, 3.1 (max 5) by
survey; 20 points. Members m1, m2, m3:

| unit | 1.1       | 1.2       | 2.1         | 3.1 |
|------|-----------|-----------|-------------|-----|
| A    | 3, 4, 3.5 | 5, 6, 4   | 2, 3, 5     | 4   |
| B    | 4, 4, 4   | 6, 5, 6   | 5, 5, 4     | 5   |
| C    | 2, 2, 2   | 3, 3, 3   | N/A, N/A, 2 | 3   |
| D    | as A      | as A      | as A        | 4   |

mean:   A = 3.50 + 5.00 + 3.33 + 4 = 15.83 / 20 = 79.15 % (Khá); B = 4 + 5.67 + 4.67 + 5 =
        19.34 → 96.70 % (Tốt); C: 2.1 is N/A by majority, 2 + 3 + 3 = 8 / 15 = 53.33 % (Yếu);
        dense ranks B 1, A 2, D 2, C 3.
median: A = 3.5 + 5 + 3 + 4 = 15.5 → 77.50 %; B = 4 + 6 + 5 + 5 = 20 → 100.00 %.
must_agree, threshold 1: A 1.1 spread 1 agrees (3.50); 1.2 spread 2 and 2.1 spread 3 disagree;
        resolved 1.2 = 5.5 and 2.1 = 3 → 3.5 + 5.5 + 3 + 4 = 16 → 80.00 % (Tốt).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path

import pytest

from parapp.core.consolidation import ConsolidationRule, Status
from parapp.core.errors import Location, ValidationError
from parapp.services import audit, merge, results, rounds
from parapp.services.components import ComponentInput, store_components
from parapp.services.context import RoundContext
from parapp.services.results import CellState
from tests.services.merge_world import Keys, make_keys, make_round, signed_package

SCORES = {
    "m1": {"A": ("3", "5", "2"), "B": ("4", "6", "5"), "C": ("2", "3", "N/A")},
    "m2": {"A": ("4", "6", "3"), "B": ("4", "5", "5"), "C": ("2", "3", "N/A")},
    "m3": {"A": ("3,5", "4", "5"), "B": ("4", "6", "4"), "C": ("2", "3", "2")},
}
SURVEY = {"A": "4", "B": "5", "C": "3", "D": "4"}


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return make_keys(tmp_path_factory.mktemp("keys"), ("m1", "m2", "m3"))


Scores = Mapping[str, Mapping[str, tuple[str | None, ...]]]


def build(path: Path, keys: Keys, members: Scores) -> RoundContext:
    ctx = make_round(path, keys, units=("A", "B", "C", "D"))
    round_id = rounds.round_info(ctx).id
    files = []
    for member, per_unit in members.items():
        data = {
            unit: dict(zip(("1.1", "1.2", "2.1"), values, strict=True))
            for unit, values in {**per_unit, "D": per_unit["A"]}.items()
        }
        out = path.parent / f"{member}.parscore"
        files.append(signed_package(out, round_id, keys, member, data)[0])
    report = merge.merge_submissions(ctx, files, keys.trust)
    assert report.ok, [f.reason.en for f in report.files]
    rows = [
        ComponentInput(u, "3.1", None, Decimal(v), Location(file="sipas.xlsx"))
        for u, v in SURVEY.items()
    ]
    store_components(ctx, rows, source="sipas.xlsx", source_sha256="0" * 64)
    return ctx


@pytest.fixture
def ctx(tmp_path: Path, keys: Keys) -> Iterator[RoundContext]:
    context = build(tmp_path / "dot.parround", keys, SCORES)
    yield context
    context.close()


def indices(ctx: RoundContext) -> dict[str, tuple[Decimal, str, int]]:
    res = results.round_results(ctx)
    return {o.unit.id: (o.result.index, o.result.classification, o.rank) for o in res.outcomes}


def test_mean_is_the_default_and_matches_hand_arithmetic(ctx: RoundContext) -> None:
    assert results.settings(ctx).rule is ConsolidationRule.MEAN
    res = results.round_results(ctx)
    assert [o.unit.id for o in res.outcomes] == ["B", "A", "D", "C"]
    assert indices(ctx) == {
        "B": (Decimal("96.70"), "Tốt", 1),
        "A": (Decimal("79.15"), "Khá", 2),
        "D": (Decimal("79.15"), "Khá", 2),
        "C": (Decimal("53.33"), "Yếu", 3),
    }
    a = next(o for o in res.outcomes if o.unit.id == "A")
    assert a.result.achieved == Decimal("15.83")
    assert a.result.totals["2.1"].achieved == Decimal("3.33")
    assert a.complete
    c = next(o for o in res.outcomes if o.unit.id == "C")
    assert c.result.applicable_max == Decimal(15)
    assert not c.result.totals["2.1"].applicable


def test_median(ctx: RoundContext) -> None:
    results.set_settings(ctx, "median")
    got = indices(ctx)
    assert got["A"][0] == Decimal("77.50")
    assert got["B"][:2] == (Decimal("100.00"), "Tốt")


def test_must_agree_lists_disagreements_until_resolved(ctx: RoundContext) -> None:
    settings = results.set_settings(ctx, "must_agree", "1")
    assert settings.describe("vi") == "Phải thống nhất (ngưỡng 1)"
    open_items = [
        (i.unit_id, i.node_code, i.consolidated.spread) for i in results.disagreements(ctx)
    ]
    assert open_items == [
        ("A", "1.2", Decimal(2)),
        ("A", "2.1", Decimal(3)),
        ("C", "2.1", Decimal(0)),
        ("D", "1.2", Decimal(2)),
        ("D", "2.1", Decimal(3)),
    ]  # B's spreads are at most 1; C splits on N/A
    outcome = next(o for o in results.round_results(ctx).outcomes if o.unit.id == "A")
    assert not outcome.complete
    results.resolve(ctx, "A", "1.2", "5,5", "Họp Hội đồng ngày 05/12 thống nhất")
    item = results.resolve(ctx, "A", "2.1", "3", "Theo biên bản")
    assert item.consolidated.status is Status.RESOLVED
    a = next(o for o in results.round_results(ctx).outcomes if o.unit.id == "A")
    assert (a.result.index, a.result.classification, a.complete) == (Decimal("80.00"), "Tốt", True)
    results.resolve(ctx, "C", "2.1", "N/A", "Đơn vị không có thủ tục")
    c = next(o for o in results.round_results(ctx).outcomes if o.unit.id == "C")
    assert c.result.index == Decimal("53.33")
    trail = [(r.unit_id, r.node_code, r.new, r.reason) for r in audit.audit_rows(ctx)
             if r.action == "resolve"]  # fmt: skip
    assert trail[0] == ("A", "1.2", "5.5", "Họp Hội đồng ngày 05/12 thống nhất")
    assert trail[2][2] == "N/A"


def test_single_rule_flags_items_scored_twice(ctx: RoundContext) -> None:
    results.set_settings(ctx, "single")
    assert {i.consolidated.status for i in results.disagreements(ctx)} == {Status.CONFLICT}


def test_resolve_needs_a_reason_and_a_council_item(ctx: RoundContext) -> None:
    with pytest.raises(ValidationError, match="reason"):
        results.resolve(ctx, "A", "1.1", "3", "  ")
    with pytest.raises(ValidationError, match="not an item the council"):
        results.resolve(ctx, "A", "3.1", "3", "x")
    with pytest.raises(ValidationError):
        results.set_settings(ctx, "average")


def test_completeness_shows_who_has_not_submitted_what(tmp_path: Path, keys: Keys) -> None:
    m2: dict[str, tuple[str | None, ...]] = {**SCORES["m2"], "A": ("4", None, None)}
    partial: Scores = {"m1": SCORES["m1"], "m2": m2}
    with build(tmp_path / "c.parround", keys, partial) as ctx:
        rounds.assign(ctx, "m3", ["A"], ["1"])
        matrix = results.completeness(ctx)
        assert [a for a, _ in matrix.areas] == ["1", "2"]
        assert matrix.cell("A", "1", "m1").state is CellState.SUBMITTED
        assert matrix.cell("A", "1", "m2").state is CellState.PARTIAL
        assert (matrix.cell("A", "1", "m2").scored, matrix.cell("A", "1", "m2").items) == (1, 2)
        assert matrix.cell("A", "2", "m2").state is CellState.MISSING
        assert matrix.cell("A", "1", "m3").state is CellState.MISSING
        assert matrix.cell("A", "2", "m3").state is CellState.NOT_ASSIGNED
        assert matrix.cell("B", "1", "m3").state is CellState.NOT_ASSIGNED
        # A and D (scored as A): m2 in both areas; m3 in area 1 of A
        assert len(matrix.outstanding()) == 5
        outcome = next(o for o in results.round_results(ctx).outcomes if o.unit.id == "A")
        assert outcome.complete  # every item has a consolidated score from somebody


def test_previous_year_feeds_the_area_comparison(tmp_path: Path, keys: Keys) -> None:
    before = tmp_path / "2025"
    before.mkdir()
    older = {m: dict.fromkeys(("A", "B", "C"), ("2", "3", "1")) for m in ("m1", "m2", "m3")}
    build(before / "dot.parround", keys, older).close()
    with build(tmp_path / "dot.parround", keys, SCORES) as ctx:
        res = results.round_results(ctx, previous=before / "dot.parround")
    changes = {c.code: (c.current, c.previous, c.change) for c in res.area_changes("A")}
    assert changes == {
        "1": (Decimal("8.50"), Decimal(5), Decimal("3.50")),
        "2": (Decimal("3.33"), Decimal(1), Decimal("2.33")),
        "3": (Decimal(4), Decimal(4), Decimal(0)),
    }
