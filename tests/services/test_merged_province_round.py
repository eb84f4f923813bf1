"""A merged province's round (145 units, one set, one units workbook, merged signed packages):
results per ranking group with the round's bands, and last year's comparison by code."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from parapp.core.scoring import applies_in_set
from parapp.services import criteria_sets, ranking_settings, results_checks, rounds
from parapp.services.context import open_round
from parapp.services.demo import pki as demo_pki
from parapp.services.demo.merged_province import MergedRound, build_merged_round

AT = datetime(2026, 12, 18, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> MergedRound:
    out = tmp_path_factory.mktemp("hop-nhat")
    return build_merged_round(out, demo_pki.build_pki(out), lambda: AT)


def test_every_unit_is_ranked_in_its_group_with_the_national_groups(built: MergedRound) -> None:
    with open_round(built.path) as ctx:
        checked = results_checks.checked_results(ctx)
    assert checked.official, [p.describe("en") for p in checked.problems][:3]
    found = checked.results
    assert found is not None
    assert [code for code, _ in found.groups] == [
        "so-ban-nganh", "nganh-doc", "phuong", "xa-dac-khu",
    ]  # fmt: skip
    sizes = Counter(o.unit.ranking_group for o in found.outcomes)
    assert sizes == {"so-ban-nganh": 20, "nganh-doc": 5, "phuong": 44, "xa-dac-khu": 76}
    for code, _label in found.groups:
        outcomes = found.in_group(code)
        assert all(o.appraised and o.complete for o in outcomes)
        assert outcomes[0].rank == 1
        assert [o.result.index for o in outcomes] == sorted(
            (o.result.index for o in outcomes), reverse=True
        )
    assert found.bands is not None
    assert found.bands.code == "nhom-quoc-gia"
    labels = {o.result.classification for o in found.outcomes}
    assert labels <= {"Nhóm A", "Nhóm B", "Nhóm C", "Nhóm D"}
    # The index is over each unit's own applicable maximum.
    maxima = {o.unit.unit_type: o.result.applicable_max for o in found.outcomes}
    assert maxima == {
        "so": Decimal(100),
        "so-khong-tthc": Decimal("70.5"),
        "nganh-doc": Decimal(75),
        "phuong": Decimal(100),
        "xa": Decimal(100),
        "dac-khu": Decimal(97),
    }


def test_comparison_by_code_marks_areas_whose_maximum_changed(
    built: MergedRound, tmp_path: Path
) -> None:
    """Last year's departments were appraised on PAR-SBN-2026 (same frame: comparable) but one
    agency sat in PAR-SO-2026's round, whose areas weigh differently: no false Δ there."""
    before = tmp_path / "2025.parround"
    old_set = criteria_sets.find_bundled("PAR-SO-2026")
    with rounds.create_round(before, old_set, "2025", clock=lambda: AT) as ctx:
        rounds.add_units(ctx, [("S01", "Sở Tư pháp", "so")])
    same = tmp_path / "2025-sbn.parround"
    with rounds.create_round(
        same, criteria_sets.find_bundled("PAR-SBN-2026"), "2025", clock=lambda: AT
    ) as ctx:
        rounds.add_units(ctx, [("S02", "Sở Nội vụ", "so")])
    with open_round(built.path) as ctx:
        changed = results_checks.checked_results(ctx, before).results
        kept = results_checks.checked_results(ctx, same).results
    assert changed is not None
    assert kept is not None
    new_set = changed.criteria_set
    differing = {
        a.code
        for a in new_set.nodes
        if not old_set.has(a.code)
        or old_set.node(a.code).max_for("so") != a.max_for("so")
        or not applies_in_set(old_set, a.code, "so")
    }
    assert differing  # the two frames weigh areas differently
    assert changed.not_comparable["S01"] == frozenset(differing)
    for change in changed.area_changes("S01"):
        assert change.comparable is (change.code not in differing)
        if not change.comparable:
            assert change.change is None
    assert kept.not_comparable == {}
    assert all(c.comparable and c.change is not None for c in kept.area_changes("S02"))
    assert all(c.previous is None for c in kept.area_changes("S01"))  # not in last year's file


def test_the_rounds_settings_survive_reopening(built: MergedRound) -> None:
    with open_round(built.path) as ctx:
        assert ranking_settings.band_set(ctx).bands[-1].label == "Nhóm D"
        assert not ranking_settings.groups_customised(ctx)
