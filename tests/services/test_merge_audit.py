"""The merge's audit shape: a score's first arrival is counted in one ``merge_submission`` row per
merged submission (member, file, how many scores for how many units), while replacements stay
audited value by value; a round merged by the previous version, which audited every first value
in a row of its own, still reads as it did and merges on."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from parapp.core.messages import Lang
from parapp.services import audit, merge, rounds
from parapp.services.context import open_round
from tests.services.merge_world import Keys, clock, make_keys, make_round, signed_package

DATA = Path(__file__).resolve().parent.parent / "data" / "db"


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return make_keys(tmp_path_factory.mktemp("keys"))


def test_a_round_merged_by_the_previous_version_reads_as_before_and_merges_on(
    tmp_path: Path, keys: Keys
) -> None:
    copy = tmp_path / "v9.parround"
    shutil.copy(DATA / "v9-merge-audit.parround", copy)
    with open_round(copy, clock=clock, actor="tk") as ctx:
        before = [r.sentence(Lang.EN) for r in audit.audit_rows(ctx) if "merge" in r.action]
        assert before == [
            "Thành viên m1 changed the score of Sở A (A), item 1.1 to 3.5 (appraisal round 1), "
            "from the submitted sheet.",
            "Thành viên m1 marked Sở A (A), item 1.2 not applicable (appraisal round 1), from "
            "the submitted sheet.",
            "tk merged the score sheets of Thành viên m1 (m1): 2 scores, 2 changed, 0 findings.",
            "Thành viên m1 changed the score of Sở A (A), item 1.1 from 3.5 to 4 (appraisal "
            "round 1), from the submitted sheet.",
            "Thành viên m1 cleared the not-applicable mark of Sở A (A), item 1.2 (appraisal "
            "round 1), from the submitted sheet.",
            "tk merged the score sheets of Thành viên m1 (m1) (replacing the earlier "
            "submission): 1 scores, 2 changed, 0 findings.",
        ]
        merge.trust_member(ctx, "m2", hashlib.sha256(keys.der["m2"]).hexdigest(), "tk")
        path, sid = signed_package(
            tmp_path / "m2.parscore",
            rounds.round_info(ctx).id,
            keys,
            "m2",
            {"A": {"1.1": "2", "1.2": None}, "B": {"1.1": "1,5", "2.1": "N/A"}},
        )
        report = merge.merge_submissions(ctx, [path], keys.trust)
        assert report.ok, [f.reason.en for f in report.files]
        assert report.files[0].changed == 3  # 1.2 of A is empty: nothing arrived
        after = [r for r in audit.audit_rows(ctx) if "merge" in r.action][len(before) :]
        assert [(r.action, r.actor, r.field, r.new, r.reason) for r in after] == [
            ("merge_submission", "tk", "m2", sid,
             "4 scores, 3 changed, 0 findings; 3 first scores of 2 units from m2.parscore"),
        ]  # fmt: skip
        assert after[0].sentence() == (
            "tk tổng hợp phiếu chấm của Thành viên m2 (m2): 4 điểm, 3 điểm thay đổi, 0 cảnh báo; "
            "trong đó 3 điểm lần đầu được nhận cho 2 đơn vị, từ tệp m2.parscore (tệp đã ký được "
            "lưu trong thư mục bản nộp của đợt)."
        )
        assert (
            before
            == [r.sentence(Lang.EN) for r in audit.audit_rows(ctx) if "merge" in r.action][
                : len(before)
            ]
        )


def test_a_resubmission_audits_each_replaced_value_and_counts_only_new_items(
    tmp_path: Path, keys: Keys
) -> None:
    ctx = make_round(tmp_path / "r.parround", keys)
    try:
        rid = rounds.round_info(ctx).id
        v1, sid1 = signed_package(tmp_path / "v1.parscore", rid, keys, "m1", {"A": {"1.1": "3"}})
        v2, sid2 = signed_package(
            tmp_path / "v2.parscore", rid, keys, "m1",
            {"A": {"1.1": "3,5"}, "B": {"1.2": "2", "2.1": "1"}}, deprecated_id=sid1,
        )  # fmt: skip
        assert merge.merge_submissions(ctx, [v1, v2], keys.trust).ok
        rows = [
            (r.action, r.unit_id, r.node_code, r.old, r.new, r.reason)
            for r in audit.audit_rows(ctx)
            if "merge" in r.action
        ]
        assert rows == [
            ("merge_submission", "", "", "", sid1,
             "1 scores, 1 changed, 0 findings; 1 first scores of 1 units from v1.parscore"),
            ("merge_score", "A", "1.1", "3", "3.5", f"submission {sid2}"),
            ("merge_submission", "", "", sid1, sid2,
             "3 scores, 3 changed, 0 findings; 2 first scores of 1 units from v2.parscore"),
        ]  # fmt: skip
    finally:
        ctx.close()
