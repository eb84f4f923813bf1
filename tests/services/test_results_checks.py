"""Results from a real round whose stored values break the criteria set's hard rules: each listed
with unit, item, whose value, value and bound, in both languages; official sheets refused, a draft
still possible; a self-score above its maximum never blocks; units without any final score are
neither classified nor ranked."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from parapp.core.rounds import SelfAssessment
from parapp.services import reports, results_checks
from parapp.services import results as merged_results
from parapp.services.results_checks import ResultsBlockedError
from parapp.services.self_assessment import store_self_assessment
from tests.services import results_world as world

DATE = dt.date(2027, 1, 8)


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return world.build_round(tmp_path_factory.mktemp("checks") / "sach.parround")


@pytest.fixture
def path(clean: Path, tmp_path: Path) -> Path:
    target = tmp_path / "dot.parround"
    shutil.copy2(clean, target)
    return target


def _problems(path: Path) -> list[tuple[str, str, str, str, str, str]]:
    with world.opened(path) as ctx:
        checked = results_checks.checked_results(ctx)
    return [
        (p.unit_id, p.node_code, p.source.en, p.value, p.bound.vi, p.bound.en)
        for p in checked.problems
    ]


def test_a_clean_round_is_official_and_a_mean_between_levels_is_no_problem(path: Path) -> None:
    with world.opened(path) as ctx:
        checked = results_checks.checked_results(ctx)
    assert checked.problems == ()
    assert checked.official
    assert checked.results is not None
    sa = next(o for o in checked.results.outcomes if o.unit.id == "SA")
    assert sa.result.totals["1.1"].achieved == Decimal("0.75")  # mean of 1 and 0,5


@pytest.mark.parametrize(
    ("write", "expected"),
    [
        (
            lambda p: world.set_member_score(p, "SB", "1.1", "UV1", "5"),
            ("SB", "1.1", "member UV1", "5", "tối đa 1,00", "at most 1.00"),
        ),
        (
            lambda p: world.set_member_score(p, "SB", "1.2", "UV2", "999999999999"),
            ("SB", "1.2", "member UV2", "999999999999", "tối đa 3,00", "at most 3.00"),
        ),
        (
            lambda p: world.set_member_score(p, "SB", "3.1", "UV1", "-5"),
            ("SB", "3.1", "member UV1", "-5", "tối thiểu -1,00", "at least -1.00"),
        ),
        (
            lambda p: world.set_member_score(p, "SA", "1.1", "UV2", "0.3"),
            (
                "SA",
                "1.1",
                "member UV2",
                "0.3",
                "một trong các mức 1,00; 0,50; 0,00",
                "one of the levels 1.00; 0.50; 0.00",
            ),
        ),
        (
            lambda p: world.set_member_score(p, "SA", "1.2", "UV1", "2.3"),
            (
                "SA",
                "1.2",
                "member UV1",
                "2.3",
                "bội số của bước 0,25",
                "a multiple of the step 0.25",
            ),
        ),
        (
            lambda p: world.set_member_score(p, "SA", "1.2", "UV1", "2.125"),
            (
                "SA",
                "1.2",
                "member UV1",
                "2.125",
                "tối đa 2 chữ số thập phân",
                "at most 2 decimal places",
            ),
        ),
        (
            lambda p: world.set_member_score(p, "SA", "1.2", "UV1", "NaN"),
            ("SA", "1.2", "member UV1", "NaN", "một số hữu hạn", "a finite number"),
        ),
        (
            lambda p: world.set_survey(p, "SB", "7"),
            ("SB", "2.1", "survey score", "7", "tối đa 4,00", "at most 4.00"),
        ),
        (
            lambda p: world.set_survey(p, "SA", "Infinity"),
            (
                "SA",
                "2.1",
                "survey / agency result",
                "Infinity",
                "một số hữu hạn",
                "a finite number",
            ),
        ),
    ],
)
def test_each_value_breaking_a_hard_rule_is_listed(
    path: Path, write: object, expected: tuple[str, ...]
) -> None:
    assert callable(write)
    write(path)
    assert _problems(path) == [expected]


def test_the_list_names_unit_item_source_value_and_bound_in_both_languages(path: Path) -> None:
    world.set_member_score(path, "SB", "1.1", "UV1", "5")
    world.set_member_score(path, "SA", "3.1", "UV2", "-5")
    with world.opened(path) as ctx:
        problems = results_checks.checked_results(ctx).problems
    # In list order of the units, then item order.
    assert [p.describe("vi") for p in problems] == [
        "SA (Sở A), mục 3.1, thành viên UV2: -5 — yêu cầu tối thiểu -1,00",
        "SB (Sở B), mục 1.1, thành viên UV1: 5 — yêu cầu tối đa 1,00",
    ]
    assert problems[1].describe("en") == "SB (Sở B), item 1.1, member UV1: 5 — must be at most 1.00"
    assert "vượt điểm tối đa" in problems[1].message.vi


def test_a_secretarys_decision_out_of_range_is_listed_and_overrides_the_members(
    path: Path,
) -> None:
    world.set_member_score(path, "SA", "1.1", "UV1", "5")
    with world.opened(path) as ctx:
        merged_results.resolve(ctx, "SA", "1.1", "1", "Theo biên bản họp.")
    world.sql(path, "UPDATE resolution SET value = '2' WHERE unit_id = 'SA'")
    with world.opened(path) as ctx:
        problems = results_checks.checked_results(ctx).problems
    # The member's 5 no longer counts; the decision's 2 does, and breaks the maximum.
    assert [(p.unit_id, p.node_code, p.source.vi, p.value) for p in problems] == [
        ("SA", "1.1", "quyết định của thư ký", "2")
    ]


def test_a_non_number_never_reaches_the_engine(path: Path) -> None:
    world.set_member_score(path, "SA", "1.2", "UV1", "NaN")
    with world.opened(path) as ctx:
        checked = results_checks.checked_results(ctx)
    assert checked.results is not None
    sa = next(o for o in checked.results.outcomes if o.unit.id == "SA")
    assert sa.result.totals["1.2"].achieved == Decimal(3)  # UV2's 3 alone


def test_text_that_is_no_number_refuses_even_a_draft_and_changes_nothing(
    path: Path, tmp_path: Path
) -> None:
    world.set_member_score(path, "SB", "1.2", "UV2", "abc")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with world.opened(path) as ctx:
        checked = results_checks.checked_results(ctx)
        assert checked.results is None
        assert [(p.unit_id, p.node_code, p.source.en, p.value) for p in checked.problems] == [
            ("SB", "1.2", "member UV2", "abc")
        ]
        with pytest.raises(ResultsBlockedError) as raised:
            reports.export_results(
                ctx, xlsx=tmp_path / "k.xlsx", pdf=None, place="Thái Nguyên", date=DATE, draft=True
            )
    assert "kể cả bản dự thảo" in raised.value.describe("vi")
    assert "SB (Sở B), mục 1.2, thành viên UV2: abc" in raised.value.describe("vi")
    assert "not even a draft" in raised.value.describe("en")
    assert not (tmp_path / "k.xlsx").exists()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_official_export_is_refused_and_writes_nothing(path: Path, tmp_path: Path) -> None:
    world.set_member_score(path, "SB", "1.1", "UV1", "5")
    world.set_survey(path, "SA", "-2")
    with world.opened(path) as ctx, pytest.raises(ResultsBlockedError) as raised:
        reports.export_results(
            ctx,
            xlsx=tmp_path / "k.xlsx",
            pdf=tmp_path / "k.pdf",
            place="Thái Nguyên",
            date=DATE,
        )
    text = raised.value.describe("vi")
    assert text.splitlines()[0].startswith("Không xuất bản chính thức: 2 điểm")
    assert "SA (Sở A), mục 2.1, điểm điều tra xã hội học: -2 — yêu cầu tối thiểu 0,00" in text
    assert "SB (Sở B), mục 1.1, thành viên UV1: 5 — yêu cầu tối đa 1,00" in text
    assert "--draft" in raised.value.describe("en")
    assert not (tmp_path / "k.xlsx").exists()
    assert not (tmp_path / "k.pdf").exists()


def test_a_self_score_above_its_maximum_is_flagged_but_never_blocks_nor_counts(
    path: Path, tmp_path: Path
) -> None:
    with world.opened(path) as ctx:
        store_self_assessment(
            ctx,
            "SA",
            {"1.2": SelfAssessment("1.2", self_score=Decimal(9))},
            None,
            source="tu-danh-gia.xlsx",
            source_sha256="2" * 64,
        )
        checked = results_checks.checked_results(ctx)
        assert checked.problems == ()
        assert checked.results is not None
        sa = next(o for o in checked.results.outcomes if o.unit.id == "SA")
        assert sa.result.totals["1.2"].achieved == Decimal(3)
        assert any(
            f.node == "1.2" and f.field == "self_score" and f.code == "above_max"
            for f in sa.result.findings
        )
        written = reports.export_results(
            ctx, xlsx=tmp_path / "k.xlsx", pdf=None, place="Thái Nguyên", date=DATE
        )
    assert not written.draft
    assert written.xlsx is not None
    assert written.xlsx.exists()


def test_a_unit_without_consolidated_scores_is_neither_classified_nor_ranked(path: Path) -> None:
    with world.opened(path) as ctx:
        found = merged_results.round_results(ctx)
    assert [(o.unit.id, o.appraised, o.rank, o.group_size) for o in found.outcomes] == [
        ("SA", True, 1, 2),
        ("SB", True, 2, 2),
        ("SC", False, 0, 2),
    ]
