"""The audit trail as sentences: every action, both languages, local time, actor never empty."""

from __future__ import annotations

import re
from datetime import timedelta, timezone

import pytest

from parapp.core.audit_text import ACTIONS, AuditFacts, Names, actor_name, local_time, sentence
from parapp.core.messages import Lang

NAMES = Names(
    members={"UV1": "Nguyễn Văn A", "UV2": "Trần Thị B"},
    units={"STP": "Sở Tư pháp", "SYT": "Sở Y tế"},
)
AT = "2026-12-20T09:05:00+07:00"
HANOI = timezone(timedelta(hours=7))
FP = "ab" * 32


def say(lang: Lang = Lang.VI, **facts: str) -> str:
    return sentence(AuditFacts(at=AT, actor=facts.pop("actor", "thuky"), **facts), NAMES, lang)


def test_local_time_is_day_month_year_hour_minute() -> None:
    assert local_time(AT, HANOI) == "20/12/2026 09:05"
    assert local_time("2026-12-20T02:05:00+00:00", HANOI) == "20/12/2026 09:05"
    assert local_time("2026-12-20T09:05:00") == "20/12/2026 09:05"  # naive: kept as written
    assert local_time("hôm qua") == "hôm qua"


def test_local_time_defaults_to_the_computers_zone() -> None:
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", local_time(AT))


def test_actor_is_the_members_name_the_user_or_a_placeholder() -> None:
    assert actor_name("UV1", NAMES) == "Nguyễn Văn A"
    assert actor_name("thuky", NAMES) == "thuky"
    assert actor_name("", NAMES) == "(không rõ người thực hiện)"
    assert actor_name(" ", NAMES, Lang.EN) == "(unknown user)"


def test_names_fall_back_to_ids() -> None:
    assert Names().member("UV9") == "UV9"
    assert Names(units={"X": "X"}).unit("X") == "X"
    assert NAMES.unit("SYT") == "Sở Y tế (SYT)"


@pytest.mark.parametrize(
    ("facts", "vi", "en"),
    [
        (
            {"action": "create_round", "new": "R-2026"},
            "thuky tạo vòng thẩm định R-2026.",
            "thuky created the appraisal round R-2026.",
        ),
        (
            {"action": "add_unit", "unit_id": "STP", "new": "Sở Tư pháp"},
            "thuky thêm đơn vị Sở Tư pháp (STP).",
            "thuky added the unit Sở Tư pháp (STP).",
        ),
        (
            {"action": "add_unit", "unit_id": "STP"},
            "thuky thêm đơn vị STP.",
            "thuky added the unit STP.",
        ),
        (
            {"action": "add_member", "new": f"UV1 Nguyễn Văn A {FP}"},
            "thuky thêm thành viên Hội đồng Nguyễn Văn A (UV1).",
            "thuky added the council member Nguyễn Văn A (UV1).",
        ),
        (
            {"action": "add_member", "new": "UV3 Lê C"},
            "thuky thêm thành viên Hội đồng Lê C (UV3).",
            "thuky added the council member Lê C (UV3).",
        ),
        (
            {"action": "add_member", "new": "UV3"},
            "thuky thêm thành viên Hội đồng UV3.",
            "thuky added the council member UV3.",
        ),
        (
            {"action": "add_member"},
            "thuky thêm thành viên Hội đồng .",
            "thuky added the council member .",
        ),
        (
            {"action": "assign", "field": "UV1", "new": "units=STP,SYT; areas=1,2"},
            "thuky phân công Nguyễn Văn A (UV1) chấm Sở Tư pháp (STP), Sở Y tế (SYT) "
            "(lĩnh vực 1, 2).",
            "thuky assigned Nguyễn Văn A (UV1) to score Sở Tư pháp (STP), Sở Y tế (SYT) "
            "(areas 1, 2).",
        ),
        (
            {"action": "assign", "field": "UV2", "new": "units=; areas=*"},
            "thuky phân công Trần Thị B (UV2) chấm mọi đơn vị (mọi lĩnh vực).",
            "thuky assigned Trần Thị B (UV2) to score every unit (every area).",
        ),
        (
            {"action": "assign", "field": "UV2", "new": "?"},
            "thuky phân công Trần Thị B (UV2).",
            "thuky assigned Trần Thị B (UV2).",
        ),
        (
            {"action": "advance_phase", "old": "self_assessment", "new": "round_1"},
            "thuky chuyển vòng từ giai đoạn «Tự đánh giá» sang «Thẩm định lần 1».",
            "thuky moved the round from «Self-assessment» to «Appraisal round 1».",
        ),
        (
            {"action": "reopen_phase", "old": "round_2", "new": "weird", "reason": "Họp lại"},
            "thuky mở lại giai đoạn «weird» (trước đó: «Thẩm định lần 2»). Lý do: Họp lại.",
            "thuky reopened «weird» (was «Appraisal round 2»). Reason: Họp lại.",
        ),
        (
            {"action": "trust_member", "field": "UV1", "new": FP, "reason": "trust on first use"},
            "thuky đăng ký chứng thư số của Nguyễn Văn A (UV1) sau khi đã đối chiếu mã với "
            "thành viên.",
            "thuky registered the certificate of Nguyễn Văn A (UV1) after comparing its "
            "fingerprint with them.",
        ),
        (
            {"action": "round_settings", "old": "mean 0", "new": "must_agree 0.5"},
            "thuky đổi cách tổng hợp điểm từ «Trung bình cộng» thành «Phải thống nhất, "
            "chênh lệch tối đa 0,5».",
            "thuky changed how scores are combined from «Mean» to «Must agree, at most 0.5 apart».",
        ),
        (
            {"action": "round_settings", "old": "must_agree", "new": "odd 1"},
            "thuky đổi cách tổng hợp điểm từ «Phải thống nhất» thành «odd 1».",
            "thuky changed how scores are combined from «Must agree» to «odd 1».",
        ),
        (
            {
                "action": "resolve",
                "unit_id": "STP",
                "node_code": "1.1.1",
                "field": "council",
                "old": "0.5",
                "new": "N/A",
                "reason": "Họp ngày 20/12",
            },
            "thuky quyết định điểm của Hội đồng cho Sở Tư pháp (STP), mục 1.1.1 từ 0,5 thành "
            "không áp dụng. Lý do: Họp ngày 20/12.",
            "thuky decided the council's score of Sở Tư pháp (STP), item 1.1.1 from 0.5 to "
            "not applicable. Reason: Họp ngày 20/12.",
        ),
        (
            {
                "action": "merge_submission",
                "field": "UV1",
                "new": "S2",
                "old": "S1",
                "reason": "12 scores, 3 changed, 1 findings",
            },
            "thuky tổng hợp phiếu chấm của Nguyễn Văn A (UV1) (thay phiếu nộp trước): 12 điểm, "
            "3 điểm thay đổi, 1 cảnh báo.",
            "thuky merged the score sheets of Nguyễn Văn A (UV1) (replacing the earlier "
            "submission): 12 scores, 3 changed, 1 findings.",
        ),
        (
            # A newer merge counts the first arrivals in this row instead of one row per value.
            {
                "action": "merge_submission",
                "field": "UV1",
                "new": "S1",
                "reason": "84 scores, 84 changed, 0 findings; 84 first scores of 2 units from "
                "UV1 (1).parscore",
            },
            "thuky tổng hợp phiếu chấm của Nguyễn Văn A (UV1): 84 điểm, 84 điểm thay đổi, "
            "0 cảnh báo; trong đó 84 điểm lần đầu được nhận cho 2 đơn vị, từ tệp UV1 (1).parscore "
            "(tệp đã ký được lưu trong thư mục bản nộp của đợt).",
            "thuky merged the score sheets of Nguyễn Văn A (UV1): 84 scores, 84 changed, "
            "0 findings; of these, 84 scores for 2 units arrived for the first time, from the "
            "file UV1 (1).parscore (the signed file is kept in the round's submissions folder).",
        ),
        (
            {"action": "merge_submission", "field": "UV1", "new": "S2", "reason": "?"},
            "thuky tổng hợp phiếu chấm của Nguyễn Văn A (UV1).",
            "thuky merged the score sheets of Nguyễn Văn A (UV1).",
        ),
        (
            {"action": "merge_conflict", "field": "UV2", "reason": "same id, other content"},
            "thuky nhận phiếu chấm của Trần Thị B (UV2) khác với phiếu đã tổng hợp; phiếu được "
            "giữ lại để thư ký xem xét, chưa tính vào kết quả.",
            "thuky received a submission of Trần Thị B (UV2) that conflicts with the merged "
            "one; it is kept for the secretary to review and not counted yet.",
        ),
        (
            {
                "actor": "UV1",
                "action": "merge_score",
                "unit_id": "STP",
                "node_code": "1.2",
                "field": "value@round_1",
                "new": "1.25",
            },
            "Nguyễn Văn A sửa điểm Sở Tư pháp (STP), mục 1.2 thành 1,25 (thẩm định lần 1), "
            "theo phiếu chấm đã nộp.",
            "Nguyễn Văn A changed the score of Sở Tư pháp (STP), item 1.2 to 1.25 (appraisal "
            "round 1), from the submitted sheet.",
        ),
        (
            {
                "actor": "UV1",
                "action": "score",
                "unit_id": "STP",
                "node_code": "1.2",
                "field": "value@1",
                "old": "1",
                "new": "",
            },
            "Nguyễn Văn A sửa điểm Sở Tư pháp (STP), mục 1.2 từ 1 thành trống (thẩm định lần 1).",
            "Nguyễn Văn A changed the score of Sở Tư pháp (STP), item 1.2 from 1 to empty "
            "(appraisal round 1).",
        ),
        (
            {
                "actor": "UV2",
                "action": "score",
                "unit_id": "SYT",
                "node_code": "2.1",
                "field": "comment@2",
                "new": "Thiếu văn bản",
            },
            "Trần Thị B sửa nhận xét về Sở Y tế (SYT), mục 2.1: «Thiếu văn bản» (thẩm định lần 2).",
            "Trần Thị B changed the comment on Sở Y tế (SYT), item 2.1: «Thiếu văn bản» "
            "(appraisal round 2).",
        ),
        (
            {
                "actor": "UV2",
                "action": "score",
                "unit_id": "SYT",
                "node_code": "2.1",
                "field": "not_applicable@1",
                "old": "False",
                "new": "True",
            },
            "Trần Thị B đánh dấu Sở Y tế (SYT), mục 2.1 là không áp dụng (thẩm định lần 1).",
            "Trần Thị B marked Sở Y tế (SYT), item 2.1 not applicable (appraisal round 1).",
        ),
        (
            {
                "actor": "UV2",
                "action": "score",
                "unit_id": "SYT",
                "node_code": "2.1",
                "field": "not_applicable",
                "old": "True",
                "new": "False",
            },
            "Trần Thị B bỏ đánh dấu không áp dụng của Sở Y tế (SYT), mục 2.1.",
            "Trần Thị B cleared the not-applicable mark of Sở Y tế (SYT), item 2.1.",
        ),
        (
            {
                "action": "score",
                "unit_id": "SYT",
                "node_code": "2.1",
                "field": "evidence@1",
                "new": "p. 3",
            },
            "thuky sửa evidence Sở Y tế (SYT), mục 2.1 thành p. 3 (thẩm định lần 1).",
            "thuky changed evidence of Sở Y tế (SYT), item 2.1 to p. 3 (appraisal round 1).",
        ),
        (
            {
                "action": "component",
                "unit_id": "STP",
                "node_code": "7.1",
                "new": "8.4",
                "source": f"sipas.xlsx sha256:{FP}",
            },
            "thuky nhập kết quả điều tra, đánh giá cho Sở Tư pháp (STP), mục 7.1 thành 8,4 "
            "(tệp sipas.xlsx).",
            "thuky imported the survey or assessment result of Sở Tư pháp (STP), item 7.1 to "
            "8.4 (file sipas.xlsx).",
        ),
        (
            {
                "action": "self_assessment",
                "unit_id": "STP",
                "node_code": "1.1",
                "old": "1",
                "new": "0.5",
                "source": f"STP.xlsx sha256:{FP}",
            },
            "thuky nhập điểm tự đánh giá của Sở Tư pháp (STP), mục 1.1 từ 1 thành 0,5 "
            "(tệp STP.xlsx).",
            "thuky imported the self-assessed score of Sở Tư pháp (STP), item 1.1 from 1 to "
            "0.5 (file STP.xlsx).",
        ),
        (
            {"actor": "UV1", "action": "submit_scores", "field": "UV1", "source": "a.parscore"},
            "Nguyễn Văn A ký số và nộp phiếu chấm của Nguyễn Văn A (UV1) (tệp a.parscore).",
            "Nguyễn Văn A signed and submitted the score sheets of Nguyễn Văn A (UV1) "
            "(file a.parscore).",
        ),
        (
            {
                "action": "submit_scores",
                "field": "UV1",
                "old": "S1",
                "source": "b.parscore",
            },
            "thuky ký số và nộp phiếu chấm của Nguyễn Văn A (UV1) thay cho phiếu đã nộp trước "
            "(tệp b.parscore).",
            "thuky signed and submitted the score sheets of Nguyễn Văn A (UV1) replacing the "
            "earlier one (file b.parscore).",
        ),
        (
            {"action": "set_crl", "reason": "CN=Demo CA; 2 revoked", "source": "ca.crl"},
            "thuky cập nhật danh sách chứng thư bị thu hồi của CN=Demo CA: 2 chứng thư bị thu "
            "hồi (tệp ca.crl).",
            "thuky updated the revocation list of CN=Demo CA: 2 revoked certificates "
            "(file ca.crl).",
        ),
        (
            {"action": "set_crl", "source": "ca.crl"},
            "thuky cập nhật danh sách chứng thư bị thu hồi (tệp ca.crl).",
            "thuky updated a certificate revocation list (file ca.crl).",
        ),
        (
            {"action": "build_package", "field": "UV1", "source": "UV1.parpkg"},
            "thuky tạo gói chấm điểm cho Nguyễn Văn A (UV1) (tệp UV1.parpkg).",
            "thuky built the scoring package for Nguyễn Văn A (UV1) (file UV1.parpkg).",
        ),
        (
            {"action": "open_package", "field": "UV1", "source": f"UV1.parpkg sha256:{FP}"},
            "thuky mở gói chấm điểm của Nguyễn Văn A (UV1) (tệp UV1.parpkg).",
            "thuky opened the scoring package of Nguyễn Văn A (UV1) (file UV1.parpkg).",
        ),
        (
            {
                "action": "remove_unit",
                "unit_id": "STP",
                "old": "Sở Tư pháp",
                "new": "assignments=2",
            },
            "thuky xóa đơn vị Sở Tư pháp (STP) khỏi đợt thẩm định, cùng 2 dòng phân công.",
            "thuky removed the unit Sở Tư pháp (STP) from the round, with its 2 assignment row(s).",
        ),
        (
            {"action": "remove_unit", "unit_id": "STP", "new": "assignments=0"},
            "thuky xóa đơn vị STP khỏi đợt thẩm định.",
            "thuky removed the unit STP from the round.",
        ),
        (
            {"action": "future_thing", "unit_id": "STP", "node_code": "1", "new": "x"},
            "thuky ghi một thay đổi khác — Sở Tư pháp (STP), mục 1: thành x.",
            "thuky recorded another change — Sở Tư pháp (STP), item 1: to x.",
        ),
        (
            {"actor": "", "action": "future_thing", "old": "a", "new": "b", "reason": "vì"},
            "(không rõ người thực hiện) ghi một thay đổi khác: từ a thành b. Lý do: vì.",
            "(unknown user) recorded another change: from a to b. Reason: vì.",
        ),
    ],
)
def test_each_action_reads_as_a_sentence(facts: dict[str, str], vi: str, en: str) -> None:
    assert say(Lang.VI, **dict(facts)) == vi
    assert say(Lang.EN, **dict(facts)) == en


def test_every_known_action_has_its_own_sentence() -> None:
    for action in ACTIONS:
        text = say(Lang.VI, action=action, field="UV1", unit_id="STP", node_code="1")
        assert "thay đổi khác" not in text
        assert action not in text
