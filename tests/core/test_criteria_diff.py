"""Year to year: what changed between two criteria sets (sets built through the real codec)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from parapp.core import criteria_diff
from parapp.core.criteria import CriteriaSet
from parapp.core.criteria_codec import from_dict
from parapp.core.criteria_diff import Change, Move, Rename, Reweight, Weight
from parapp.core.errors import ValidationError
from parapp.core.messages import Lang

D = Decimal
TYPES = [{"code": "so", "label": "Sở có TTHC"}, {"code": "k", "label": "Không TTHC"}]


def _row(code: str, name: str, maximum: str, **extra: Any) -> dict[str, Any]:
    return {"code": code, "name": name, "maximum": maximum, **extra}


def _set(form_id: str, nodes: list[dict[str, Any]], types: Any = None) -> CriteriaSet:
    return from_dict(
        {
            "format": "parapp-criteria",
            "format_version": 1,
            "form_id": form_id,
            "version": "2026010101",
            "year": 2026,
            "name": form_id,
            "unit_types": TYPES if types is None else types,
            "nodes": nodes,
        },
        f"{form_id}.json",
    )


OLD_ROWS = [
    _row("1", "Chỉ đạo", "6"),
    _row("1.1", "Kế hoạch", "4"),
    _row("1.1.1", "Ban hành kế hoạch", "2"),
    _row("1.1.2", "Thực hiện kế hoạch", "2"),
    _row("1.2", "Báo cáo", "2"),
    _row("2", "Thủ tục", "4", applies_to=["so"]),
    _row("2.1", "Công khai", "4", applies_to=["so"]),
]


def _old() -> CriteriaSet:
    return _set("OLD", OLD_ROWS)


def test_the_same_set_is_unchanged_in_both_languages() -> None:
    diff = criteria_diff.compare(_old(), _old())
    assert diff.unchanged
    assert diff.scale == D(10)
    assert criteria_diff.describe(diff) == (
        "OLD → OLD: thang 10,00 điểm\n  Không có thay đổi về mục, tên và điểm tối đa.\n"
    )
    assert criteria_diff.describe(diff, Lang.EN) == (
        "OLD → OLD: out of 10.00 points\n  No change in items, names or maxima.\n"
    )


def test_sets_of_different_scales_are_refused() -> None:
    smaller = _set("NEW", [_row("1", "Chỉ đạo", "8"), _row("1.1", "Kế hoạch", "8")])
    with pytest.raises(ValidationError) as caught:
        criteria_diff.compare(_old(), smaller)
    assert caught.value.msg.vi == (
        "Không so sánh được OLD (thang 10,00 điểm) với NEW (thang 8,00 điểm): "
        "hai bộ tiêu chí khác thang điểm."
    )
    assert caught.value.msg.en == (
        "Cannot compare OLD (out of 10.00 points) with NEW (out of 8.00 points): "
        "the sets have different scales."
    )


def test_bonus_areas_do_not_count_in_the_scale() -> None:
    bonus = [
        _row("3", "Thưởng", "2", role="bonus", aggregation="cap"),
        _row("3.1", "Sáng kiến", "2", role="bonus"),
    ]
    diff = criteria_diff.compare(_old(), _set("NEW", [*OLD_ROWS, *bonus]))
    assert diff.scale == D(10)
    assert diff.added == (Change("3", "Thưởng", D(2), 1),)


def test_added_removed_moved_renamed_and_reweighted() -> None:
    new = _set(
        "NEW",
        [
            _row("1", "CHỈ ĐẠO", "6"),  # renamed (case)
            _row("1.1", "Kế hoạch", "3"),
            _row("1.1.1", "Ban hành kế hoạch", "1"),  # re-weighted 2 -> 1
            _row("1.1.2", "Thực hiện kế hoạch", "2"),
            _row("1.2", "Kiểm tra", "1"),  # 1.2 renamed and re-weighted
            _row("1.3", "Báo  cáo", "2"),  # "Báo cáo" moved 1.2 -> 1.3 (spacing ignored)
            _row("2", "Thủ tục", "4", applies_to=["so"]),
            _row("2.1", "Công khai", "2", applies_to=["so"]),
            _row("2.2", "Một cửa", "2", applies_to=["so"]),  # added
        ],
    )
    diff = criteria_diff.compare(_old(), new)
    assert not diff.unchanged
    # 1.2 kept its code, so "Báo cáo" at 1.3 is a new node, not a move: codes match first.
    assert diff.added == (Change("1.3", "Báo  cáo", D(2), 0), Change("2.2", "Một cửa", D(2), 0))
    assert diff.removed == ()
    assert diff.moved == ()
    assert diff.renamed == (
        Rename("1", "Chỉ đạo", "CHỈ ĐẠO"),
        Rename("1.2", "Báo cáo", "Kiểm tra"),
    )
    all_types = ()
    assert diff.reweighted == (
        Reweight("1.1", "1.1", "Kế hoạch", (Weight(all_types, D(4), D(3)),)),
        Reweight("1.1.1", "1.1.1", "Ban hành kế hoạch", (Weight(all_types, D(2), D(1)),)),
        Reweight("1.2", "1.2", "Kiểm tra", (Weight(all_types, D(2), D(1)),)),
        # Only "so" has area 2: "k" sees "not applicable" on both sides, no change.
        Reweight("2.1", "2.1", "Công khai", (Weight(("so",), D(4), D(2)),)),
    )
    assert criteria_diff.describe(diff) == (
        "OLD → NEW: thang 10,00 điểm\n"
        "  Thêm (2):\n"
        "    + 1.3 Báo  cáo: 2,00\n"
        "    + 2.2 Một cửa: 2,00\n"
        "  Đổi tên (2):\n"
        "    ~ 1: “Chỉ đạo” → “CHỈ ĐẠO”\n"
        "    ~ 1.2: “Báo cáo” → “Kiểm tra”\n"
        "  Đổi điểm tối đa (4):\n"
        "    1.1 Kế hoạch: 4,00 → 3,00\n"
        "    1.1.1 Ban hành kế hoạch: 2,00 → 1,00\n"
        "    1.2 Kiểm tra: 2,00 → 1,00\n"
        "    2.1 Công khai: so: 4,00 → 2,00\n"
    )
    assert "  Added (2):" in criteria_diff.describe(diff, Lang.EN)


def test_codes_match_before_names() -> None:
    old = _set(
        "OLD",
        [
            _row("1", "Chỉ đạo", "6"),
            _row("1.1", "Kế hoạch", "4"),
            _row("1.1.1", "Ban hành kế hoạch", "2"),
            _row("1.1.2", "Thực hiện kế hoạch", "2"),
            _row("1.2", "Báo cáo", "2"),
            _row("2", "Thủ tục", "4"),
            _row("2.1", "Công khai", "4"),
        ],
    )
    new = _set(
        "NEW",
        [
            _row("1", "Chỉ đạo", "2"),
            _row("1.1", "Báo cáo", "2"),  # moved 1.2 -> 1.1, same maximum
            _row("2", "Thủ tục", "8"),
            _row("2.1", "Công khai", "4"),
            _row("2.2", "Kế hoạch", "4"),  # moved 1.1 -> 2.2 with its children
            _row("2.2.1", "Ban hành kế hoạch", "2"),
            _row("2.2.2", "Thực hiện kế hoạch", "1"),  # ...one re-weighted
            _row("2.2.3", "Hội nghị", "1"),  # added under the moved node
        ],
    )
    diff = criteria_diff.compare(old, new)
    # Codes match first: 1.1 stays 1.1 (renamed "Kế hoạch" -> "Báo cáo"), so the new 2.2
    # "Kế hoạch" is added, and its children, whose codes changed, are moved into it.
    assert diff.renamed == (Rename("1.1", "Kế hoạch", "Báo cáo"),)
    assert diff.added == (Change("2.2", "Kế hoạch", D(4), 1),)
    assert diff.removed == (Change("1.2", "Báo cáo", D(2), 0),)
    assert diff.moved == (
        Move("1.1.1", "2.2.1", "Ban hành kế hoạch"),
        Move("1.1.2", "2.2.2", "Thực hiện kế hoạch"),
    )


def test_moves_prefer_the_same_depth_and_skip_followers() -> None:
    old = _set(
        "OLD",
        [
            _row("1", "Chỉ đạo", "6"),
            _row("1.1", "Kế hoạch", "4"),
            _row("1.1.1", "Ban hành", "2"),
            _row("1.1.2", "Thực hiện", "2"),
            _row("1.2", "Báo cáo", "2"),
            _row("2", "Thủ tục", "4"),
            _row("2.1", "Công khai", "4"),
        ],
    )
    new = _set(
        "NEW",
        [
            _row("1", "Chỉ đạo", "2"),
            _row("1.3", "Khác", "2"),
            _row("1.3.1", "Kế hoạch", "2"),  # named like the criterion, at another depth
            _row("2", "Thủ tục", "8"),
            _row("2.1", "Công khai", "4"),
            _row("2.5", "Kế hoạch", "4"),  # same depth as old 1.1: preferred
            _row("2.5.1", "Ban hành", "2"),  # followed its parent: not listed
            _row("2.5.2", "Thực hiện", "1"),  # followed, re-weighted
            _row("2.5.4", "Báo cáo", "1"),  # moved from 1.2 (other parent, other number)
        ],
    )
    diff = criteria_diff.compare(old, new)
    assert diff.moved == (
        Move("1.1", "2.5", "Kế hoạch"),
        Move("1.2", "2.5.4", "Báo cáo"),
    )
    assert diff.added == (Change("1.3", "Khác", D(2), 1),)
    assert diff.removed == ()
    assert diff.reweighted == (
        Reweight("1", "1", "Chỉ đạo", (Weight((), D(6), D(2)),)),
        Reweight("2", "2", "Thủ tục", (Weight((), D(4), D(8)),)),
        Reweight("1.1.2", "2.5.2", "Thực hiện", (Weight((), D(2), D(1)),)),
        Reweight("1.2", "2.5.4", "Báo cáo", (Weight((), D(2), D(1)),)),
    )
    text = criteria_diff.describe(diff)
    assert "  Chuyển mã (2):\n    ~ 1.1 → 2.5 Kế hoạch\n    ~ 1.2 → 2.5.4 Báo cáo\n" in text
    assert "    1.2 → 2.5.4 Báo cáo: 2,00 → 1,00\n" in text


def test_a_move_without_a_same_depth_candidate_takes_the_first() -> None:
    old = _set("OLD", [_row("1", "Chỉ đạo", "2"), _row("1.1", "Kế hoạch", "2")])
    new = _set(
        "NEW", [_row("1", "Chỉ đạo", "2"), _row("1.2", "Khác", "1"), _row("1.3", "Kế hoạch", "1")]
    )
    diff = criteria_diff.compare(old, new)
    assert diff.moved == (Move("1.1", "1.3", "Kế hoạch"),)
    assert diff.added == (Change("1.2", "Khác", D(1), 0),)
    area_moved = criteria_diff.compare(
        _set("OLD", [_row("1", "Chỉ đạo", "2"), _row("1.1", "Thủ tục", "2")]),
        _set("NEW", [_row("1", "Thủ tục", "2"), _row("1.1", "Chỉ đạo", "2")]),
    )
    # Matched by code first: two renames, not a swap.
    assert area_moved.moved == ()
    assert len(area_moved.renamed) == 2


def test_removed_branches_are_listed_once_with_their_descendants_counted() -> None:
    new = _set(
        "NEW",
        [
            _row("1", "Chỉ đạo", "10"),
            _row("1.1", "Kế hoạch", "4"),
            _row("1.1.1", "Ban hành kế hoạch", "2"),
            _row("1.1.2", "Thực hiện kế hoạch", "2"),
            _row("1.2", "Báo cáo", "6"),
        ],
    )
    diff = criteria_diff.compare(_old(), new)
    assert diff.removed == (Change("2", "Thủ tục", D(4), 1),)
    text = criteria_diff.describe(diff)
    assert "  Bỏ (1):\n    - 2 Thủ tục: 4,00 (và 1 mục con)\n" in text
    assert "  Removed (1):\n    - 2 Thủ tục: 4.00 (and 1 below it)\n" in criteria_diff.describe(
        diff, Lang.EN
    )


def test_applicability_and_maxima_per_unit_type() -> None:
    new = _set(
        "NEW",
        [
            _row("1", "Chỉ đạo", "6", maximum_by_unit_type={"k": "5"}),
            _row("1.1", "Kế hoạch", "4", maximum_by_unit_type={"k": "3"}),
            _row("1.1.1", "Ban hành kế hoạch", "2", maximum_by_unit_type={"k": "1"}),
            _row("1.1.2", "Thực hiện kế hoạch", "2"),
            _row("1.2", "Báo cáo", "2"),
            _row("2", "Thủ tục", "4", maximum_by_unit_type={"k": "5"}),
            _row("2.1", "Công khai", "4", maximum_by_unit_type={"k": "5"}),
        ],
    )
    diff = criteria_diff.compare(_old(), new)
    assert diff.reweighted == (
        Reweight("1", "1", "Chỉ đạo", (Weight(("k",), D(6), D(5)),)),
        Reweight("1.1", "1.1", "Kế hoạch", (Weight(("k",), D(4), D(3)),)),
        Reweight("1.1.1", "1.1.1", "Ban hành kế hoạch", (Weight(("k",), D(2), D(1)),)),
        Reweight("2", "2", "Thủ tục", (Weight(("k",), None, D(5)),)),
        Reweight("2.1", "2.1", "Công khai", (Weight(("k",), None, D(5)),)),
    )
    text = criteria_diff.describe(diff)
    assert "    2 Thủ tục: k: không áp dụng → 5,00\n" in text
    assert "    2 Thủ tục: k: not applicable → 5.00\n" in criteria_diff.describe(diff, Lang.EN)


def test_different_changes_per_type_are_listed_per_type() -> None:
    new = _set(
        "NEW",
        [
            _row("1", "Chỉ đạo", "5", maximum_by_unit_type={"k": "7"}),
            _row("1.1", "Kế hoạch", "3", maximum_by_unit_type={"k": "5"}),
            _row("1.1.1", "Ban hành kế hoạch", "1", maximum_by_unit_type={"k": "3"}),
            _row("1.1.2", "Thực hiện kế hoạch", "2"),
            _row("1.2", "Báo cáo", "2"),
            _row("2", "Thủ tục", "5", applies_to=["so"]),
            _row("2.1", "Công khai", "5", applies_to=["so"]),
        ],
    )
    diff = criteria_diff.compare(_old(), new)
    assert diff.reweighted[0] == Reweight(
        "1", "1", "Chỉ đạo", (Weight(("so",), D(6), D(5)), Weight(("k",), D(6), D(7)))
    )
    assert "    1 Chỉ đạo: so: 6,00 → 5,00; k: 6,00 → 7,00\n" in criteria_diff.describe(diff)


def test_unit_types_added_and_removed_and_no_shared_type() -> None:
    other_types = [{"code": "xa", "label": "Xã"}]
    new = _set(
        "NEW",
        [
            _row("1", "Chỉ đạo", "6"),
            _row("1.1", "Kế hoạch", "4"),
            _row("1.1.1", "Ban hành kế hoạch", "2"),
            _row("1.1.2", "Thực hiện kế hoạch", "2"),
            _row("1.2", "Báo cáo", "2"),
            _row("2", "Thủ tục", "4"),
            _row("2.1", "Công khai", "4"),
        ],
        other_types,
    )
    diff = criteria_diff.compare(_old(), new)
    assert diff.unit_types_added == ("xa",)
    assert diff.unit_types_removed == ("so", "k")
    # No shared type: the general maxima are compared, and they are equal.
    assert diff.reweighted == ()
    text = criteria_diff.describe(diff, Lang.EN)
    assert "  Unit types added (1):\n    + xa\n" in text
    assert "  Unit types removed (2):\n    - so\n    - k\n" in text
