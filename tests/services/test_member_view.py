"""The member's read-only views: unit overviews, flags in their areas, editability."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from parapp.core.criteria import Assessor
from parapp.core.findings import FindingCode
from parapp.services import member_view, scoring
from parapp.services.demo.year import build_demo, open_first_member_workspace
from parapp.services.rounds import round_info


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    build_demo(out)
    return out


def test_overview_counts_only_the_members_council_leaves(demo_dir: Path, tmp_path: Path) -> None:
    with open_first_member_workspace(demo_dir, tmp_path) as ctx:
        member = round_info(ctx).workspace_member_id
        assert member is not None
        rows = member_view.unit_overview(ctx, member)
        assert len(rows) == 19
        first = rows[0]
        criteria_set = ctx.criteria_set()
        mine = [
            leaf
            for leaf in criteria_set.leaves()
            if leaf.code.split(".")[0] == "1" and leaf.assessor is Assessor.COUNCIL
        ]
        assert first.applicable == len(mine)
        assert first.scored == 0
        change = scoring.save_appraisal(ctx, member, first.unit.id, mine[0].code, "5")
        after = member_view.overview_of(criteria_set, first.unit, change.result, frozenset({"1"}))
        assert after.scored == 1
        assert after.flags == first.flags + 2  # above the maximum, differs without comment
        assert after.achieved == first.achieved + Decimal(5)


def test_flags_leave_out_missing_scores_and_other_areas(demo_dir: Path, tmp_path: Path) -> None:
    with open_first_member_workspace(demo_dir, tmp_path) as ctx:
        member = round_info(ctx).workspace_member_id
        assert member is not None
        unit = member_view.unit_overview(ctx, member)[0].unit
        change = scoring.save_appraisal(ctx, member, unit.id, "1.1.1", "0,5")
        flags = member_view.member_findings(change.result, frozenset({"1"}))
        assert [f.code for f in flags if f.node == "1.1.1"] == [FindingCode.DIFFERS_WITHOUT_COMMENT]
        assert all(f.code is not FindingCode.MISSING_SCORE for f in flags)
        assert all(f.node is not None and f.node.startswith("1") for f in flags)
        assert member_view.member_findings(change.result, frozenset({"2"})) == ()


def test_editable_difference_and_levels(demo_dir: Path, tmp_path: Path) -> None:
    with open_first_member_workspace(demo_dir, tmp_path) as ctx:
        criteria_set = ctx.criteria_set()
        leaf = criteria_set.node("1.1.1")
        survey = next(n for n in criteria_set.leaves() if n.assessor is Assessor.SURVEY)
        assert member_view.is_editable(leaf, frozenset({"1"}))
        assert not member_view.is_editable(leaf, frozenset({"2"}))
        assert not member_view.is_editable(survey, None)
        assert not member_view.is_editable(criteria_set.node("1.1"), None)
        assert member_view.difference(Decimal(1), Decimal("0.5")) == Decimal("-0.5")
        assert member_view.difference(None, Decimal(1)) is None
        assert [v for v, _ in member_view.levels(leaf)] == [Decimal(1), Decimal("0.5"), 0]
        assert member_view.levels(criteria_set.node("1.1.4")) == ()


def test_evidence_file_is_found_in_the_workspace(demo_dir: Path, tmp_path: Path) -> None:
    with open_first_member_workspace(demo_dir, tmp_path) as ctx:
        member = round_info(ctx).workspace_member_id
        assert member is not None
        unit = member_view.unit_overview(ctx, member)[0].unit
        sheet = scoring.load_sheet(ctx, member, unit.id)
        refs = member_view.evidence_refs(sheet, "1.1.1")
        assert refs
        assert member_view.evidence_counts(sheet)["1.1.1"] == len(refs)
        found = [member_view.evidence_file(ctx, ref) for ref in refs]
        assert any(path is not None and path.exists() for path in found)


def test_partial_scope_reports_its_own_index_and_no_class(demo_dir: Path, tmp_path: Path) -> None:
    with open_first_member_workspace(demo_dir, tmp_path) as ctx:
        member = round_info(ctx).workspace_member_id
        assert member is not None
        first = member_view.unit_overview(ctx, member)[0]
        criteria_set = ctx.criteria_set()
        area_1 = criteria_set.node("1")
        assert (first.index, first.classification) == (None, "")  # nothing scored yet
        assert first.applicable_max == area_1.maximum  # areas 9 and 10 are bonus and penalty
        change = scoring.save_appraisal(ctx, member, first.unit.id, "1.1.1", "1")
        after = member_view.overview_of(
            criteria_set, first.unit, change.result, frozenset({"1", "9", "10"})
        )
        assert after.achieved == change.result.totals["1"].achieved
        assert after.index == round(after.achieved * 100 / area_1.maximum, 2)
        assert after.classification == ""
        whole = member_view.overview_of(criteria_set, first.unit, change.result, None)
        assert (whole.achieved, whole.index) == (change.result.achieved, change.result.index)
        assert whole.classification == ""  # not everything is scored
