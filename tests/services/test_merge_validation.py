"""Issue 11, section 1: a package correctly signed by a registered member whose values break the
criteria set (above the maximum, below the minimum, off the levels or the step, not canonical
decimal text, not a number) is refused whole, naming member, unit, item, value and bound, and
no score of the round changes; warnings a member may sign with merge and are listed."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from parapp.core.findings import FindingCode
from parapp.services import merge, rounds
from parapp.services.context import RoundContext
from parapp.services.merge import Outcome
from tests.services.merge_world import Keys, make_keys
from tests.services.validation_world import (
    MEMBER_NAMES,
    dump,
    make_bounds_round,
    score_rows,
    scores_json,
    signed_scores,
)


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return make_keys(tmp_path_factory.mktemp("keys"), ("m1", "m2"))


@pytest.fixture
def ctx(tmp_path: Path, keys: Keys) -> Iterator[RoundContext]:
    """The round with m1's valid submission already merged: there are scores to keep."""
    context = make_bounds_round(tmp_path / "dot.parround", keys)
    rid = rounds.round_info(context).id
    first, _ = signed_scores(
        tmp_path / "m1.parscore", rid, keys, "m1", scores_json(rid, "m1", {"A": {"1.2": '"3"'}})
    )
    assert merge.merge_submissions(context, [first], keys.trust).ok
    yield context
    context.close()


def _package(ctx: RoundContext, keys: Keys, tmp: Path, data: dict[str, dict[str, str]]) -> Path:
    rid = rounds.round_info(ctx).id
    name = f"m2-{len(list(tmp.glob('m2-*.parscore')))}.parscore"
    return signed_scores(tmp / name, rid, keys, "m2", scores_json(rid, "m2", data))[0]


# (item, the value's JSON text in scores.json, what the English refusal says, the Vietnamese)
HARD = [
    ("1.1", '"5"', "5.00 exceeds the maximum 1.00", "5,00 vượt điểm tối đa 1,00"),
    (
        "1.2",
        '"999999999999"',
        "999999999999.00 exceeds the maximum 4.00",
        "999999999999,00 vượt điểm tối đa 4,00",
    ),
    ("2.1", '"-5"', "-5.00 is below the minimum -1.00", "-5,00 thấp hơn điểm tối thiểu -1,00"),
    (
        "1.1",
        '"0.75"',
        "0.75 is not an allowed level (1.00; 0.50; 0.00)",
        "0,75 không phải mức được phép (1,00; 0,50; 0,00)",
    ),
    ("1.2", '"0.3"', "0.30 is not on the step 0.25", "0,30 không đúng bước điểm 0,25"),
    ("1.2", '"1.125"', "“1.125” has more than 2 decimal places", "quá 2 chữ số thập phân"),
    ("1.2", '"+1"', 'value "+1" is not written in the', 'giá trị "+1" không viết theo dạng chuẩn'),
    ("1.2", '" 1"', 'value " 1" is not written in the', 'giá trị " 1" không viết theo dạng chuẩn'),
    ("1.2", '"1e0"', 'value "1e0" is not written', 'giá trị "1e0" không viết theo'),
    ("1.2", '"1E+1"', 'value "1E+1" is not written', 'giá trị "1E+1" không viết theo'),
    ("1.2", '"01"', 'value "01" is not written', 'giá trị "01" không viết theo'),
    ("1.2", '"-0"', 'value "-0" is not written', 'giá trị "-0" không viết theo'),
    ("1.2", '"abc"', 'value "abc" is not a number', 'giá trị "abc" không phải là số'),
    ("1.2", '"NaN"', 'value "NaN" is not a finite number', 'giá trị "NaN" không phải là số hữu'),
    ("1.2", "2.5", "value 2.5 is not a number written as text", "giá trị 2.5 không phải là số"),
    ("1.2", "3", "value 3 is not a number written as text", "giá trị 3 không phải là số"),
    ("1.2", '"1e20"', 'value "1e20" is too large', 'giá trị "1e20" quá lớn'),
]


@pytest.mark.parametrize(("code", "raw", "en", "vi"), HARD, ids=[f"{c}={r}" for c, r, _, _ in HARD])
def test_a_value_breaking_the_set_refuses_the_whole_submission(
    ctx: RoundContext, keys: Keys, tmp_path: Path, code: str, raw: str, en: str, vi: str
) -> None:
    # A valid value beside the bad one: the whole submission is refused, not just the item.
    other = "1.3" if code != "1.3" else "1.2"
    path = _package(ctx, keys, tmp_path, {"A": {code: raw, other: '"3"'}})
    before, scores_before = dump(ctx.path), score_rows(ctx.path)
    [outcome] = merge.merge_submissions(ctx, [path], keys.trust).files
    assert outcome.outcome is Outcome.REFUSED, outcome.reason.en
    for text in (en, "m2", MEMBER_NAMES["m2"], "unit A – Sở Tư pháp", f"item {code}", "none was"):
        assert text in outcome.reason.en, (text, outcome.reason.en)
    for text in (vi, "m2", MEMBER_NAMES["m2"], "đơn vị A – Sở Tư pháp", f"ục {code}"):
        assert text in outcome.reason.vi, (text, outcome.reason.vi)
    assert dump(ctx.path) == before  # no score, no record, no audit line
    assert score_rows(ctx.path) == scores_before
    assert not list(merge.archive_folder(ctx.path).glob(".incoming-*"))


def test_non_canonical_text_names_the_items_range(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    path = _package(ctx, keys, tmp_path, {"A": {"1.2": '"+1"'}})
    [outcome] = merge.merge_submissions(ctx, [path], keys.trust).files
    assert "it must read “1”" in outcome.reason.en
    assert "(the item scores from 0.00 to 4.00)" in outcome.reason.en
    assert "(điểm của mục từ 0,00 đến 4,00)" in outcome.reason.vi


def test_every_bad_value_is_listed_in_one_refusal(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    path = _package(
        ctx, keys, tmp_path, {"A": {"1.1": '"5"', "1.2": '"0.3"'}, "B": {"2.1": '"-5"'}}
    )
    [outcome] = merge.merge_submissions(ctx, [path], keys.trust).files
    assert outcome.outcome is Outcome.REFUSED
    assert "has 3 invalid score(s)" in outcome.reason.en
    assert "unit B – Sở Tài chính, item 2.1: appraised score -5.00" in outcome.reason.en


def test_a_score_on_an_item_marked_not_applicable_is_refused(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    rid = rounds.round_info(ctx).id
    raw = scores_json(rid, "m2", {"A": {"1.2": '"2"'}}, na=True)
    path, _ = signed_scores(tmp_path / "na.parscore", rid, keys, "m2", raw)
    [outcome] = merge.merge_submissions(ctx, [path], keys.trust).files
    assert outcome.outcome is Outcome.REFUSED
    assert "does not apply to the unit but has appraised score 2.00" in outcome.reason.en


def test_a_correction_out_of_range_keeps_the_members_current_scores(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    rid = rounds.round_info(ctx).id
    good = scores_json(rid, "m2", {"A": {"1.2": '"2"'}})
    first, sid = signed_scores(tmp_path / "v1.parscore", rid, keys, "m2", good)
    assert merge.merge_submissions(ctx, [first], keys.trust).ok
    bad = scores_json(rid, "m2", {"A": {"1.2": '"40"'}})
    second, _ = signed_scores(tmp_path / "v2.parscore", rid, keys, "m2", bad, deprecated_id=sid)
    before = score_rows(ctx.path)
    [outcome] = merge.merge_submissions(ctx, [second], keys.trust).files
    assert outcome.outcome is Outcome.REFUSED
    assert "40.00 exceeds the maximum 4.00" in outcome.reason.en
    assert score_rows(ctx.path) == before


def test_trailing_zeros_are_the_cores_canonical_text_and_merge(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    # The core keeps the places typed ("1,50" is stored and signed as "1.50"): canonical.
    path = _package(ctx, keys, tmp_path, {"A": {"1.2": '"1.50"', "1.1": '"0.5"'}})
    [outcome] = merge.merge_submissions(ctx, [path], keys.trust).files
    assert outcome.outcome is Outcome.ACCEPTED, outcome.reason.en
    assert any(row[4] == "1.50" for row in score_rows(ctx.path) if row[:2] == ("A", "1.2"))
    assert Decimal("1.50") == Decimal("1.5")


def test_warnings_a_member_may_sign_with_merge_and_are_listed(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    # A self-scored 4 on 1.2 citing nothing; 3 differs without a comment. The unit declared
    # 97 % on 1.3 (the bands suggest 5) and self-scored 5; 3 differs without a comment.
    path = _package(ctx, keys, tmp_path, {"A": {"1.2": '"3"', "1.3": '"3"'}})
    [outcome] = merge.merge_submissions(ctx, [path], keys.trust).files
    assert outcome.outcome is Outcome.ACCEPTED, outcome.reason.en
    found = {(f.node, f.code) for f in outcome.findings}
    assert found == {
        ("1.2", FindingCode.DIFFERS_WITHOUT_COMMENT),
        ("1.2", FindingCode.MISSING_EVIDENCE),
        ("1.3", FindingCode.DIFFERS_WITHOUT_COMMENT),
        ("1.3", FindingCode.DIFFERS_FROM_SUGGESTION),
    }
    assert "4 findings" in outcome.reason.en
    assert "4 cảnh báo" in outcome.reason.vi


def test_the_units_own_self_score_above_its_maximum_neither_blocks_nor_is_listed(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    # Unit B self-scored 6 on 1.2 (maximum 4): the unit's claim, not the member's error.
    path = _package(ctx, keys, tmp_path, {"B": {"1.2": '"4"'}})
    [outcome] = merge.merge_submissions(ctx, [path], keys.trust).files
    assert outcome.outcome is Outcome.ACCEPTED, outcome.reason.en
    assert [(f.node, f.code) for f in outcome.findings] == [
        ("1.2", FindingCode.DIFFERS_WITHOUT_COMMENT)
    ]
