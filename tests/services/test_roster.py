"""Correcting the roster on real round files: renames show everywhere, a type change or a
removal is refused while something depends on the unit or member (every thing named), allowed
on a fresh one, each change audited, nothing in a frozen or read-only round."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from parapp.core.criteria_codec import from_dict
from parapp.core.errors import ValidationError
from parapp.core.messages import Lang, Msg
from parapp.core.rounds import Phase
from parapp.services import exports, packages, results, roster, round_setup, rounds
from parapp.services.audit import audit_rows
from parapp.services.context import RoundContext
from parapp.store.read_only import make_read_only
from tests.services import results_world as world


def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as raw:
        return list(raw.iterdump())


@pytest.fixture
def scored(tmp_path: Path) -> Iterator[RoundContext]:
    """The results world: SA and SB self-assessed, surveyed and scored by UV1 and UV2."""
    ctx = world.opened(world.build_round(tmp_path / "scored.parround"))
    yield ctx
    ctx.close()


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[RoundContext]:
    """A new round: two units, two members, UV1 assigned to both units, nothing else."""
    ctx = rounds.create_round(
        tmp_path / "fresh.parround", world.criteria_set(), "Thẩm định mới", clock=world.clock
    )
    rounds.add_unit(ctx, "STP", "Sở Tư phap", "so")
    rounds.add_unit(ctx, "SNV", "Sở Nội vụ", "so")
    rounds.add_member(ctx, "UV1", "Lê Văn Thàn", "Giám đốc")
    rounds.add_member(ctx, "UV2", "Phạm Thị Lan", "Phó Giám đốc")
    rounds.assign(ctx, "UV1", ["STP", "SNV"])
    yield ctx
    ctx.close()


def sentences(ctx: RoundContext, lang: Lang = Lang.VI) -> list[str]:
    return [r.sentence(lang) for r in audit_rows(ctx)]


def refusal(call: object) -> Msg:
    with pytest.raises(ValidationError) as refused:
        call()  # type: ignore[operator]
    return refused.value.msg


# -- renames ------------------------------------------------------------------------------------


def test_a_renamed_unit_shows_its_new_name_in_the_list_results_and_sheets(
    scored: RoundContext, tmp_path: Path
) -> None:
    unit = roster.edit_unit(scored, "SA", name="  Sở Tư pháp  ")
    assert unit.name == "Sở Tư pháp"
    assert {u.id: u.name for u in rounds.list_units(scored)}["SA"] == "Sở Tư pháp"
    outcomes = {o.unit.id: o.unit.name for o in results.round_results(scored).outcomes}
    assert outcomes["SA"] == "Sở Tư pháp"
    out = tmp_path / "phieu.xlsx"
    exports.export_member_sheet_xlsx(
        scored, "UV1", "SA", out, place="Thái Nguyên", date=dt.date(2027, 1, 5)
    )
    cells = [
        str(c.value) for ws in openpyxl.load_workbook(out) for row in ws.iter_rows() for c in row
    ]
    assert any("Sở Tư pháp" in c for c in cells)
    assert not any("Sở A" in c for c in cells)
    assert sentences(scored)[-1] == "Thư ký đổi tên đơn vị SA từ «Sở A» thành «Sở Tư pháp»."
    assert sentences(scored, Lang.EN)[-1] == (
        "Thư ký renamed the unit SA from «Sở A» to «Sở Tư pháp»."
    )


def test_a_member_is_renamed_and_retitled_in_one_step(fresh: RoundContext) -> None:
    member = roster.edit_member(fresh, "UV1", name="Lê Văn Thành", title="Giám đốc Sở Tư pháp")
    assert (member.name, member.title) == ("Lê Văn Thành", "Giám đốc Sở Tư pháp")
    assert rounds.list_members(fresh)[0] == member
    assert sentences(fresh)[-2:] == [
        "(không rõ người thực hiện) đổi tên thành viên Hội đồng UV1 từ «Lê Văn Thàn» thành "
        "«Lê Văn Thành».",
        "(không rõ người thực hiện) sửa chức vụ của Lê Văn Thành (UV1) từ «Giám đốc» thành "
        "«Giám đốc Sở Tư pháp».",
    ]
    before = len(audit_rows(fresh))
    roster.edit_member(fresh, "UV1", name="Lê Văn Thành")  # the same: nothing recorded
    assert len(audit_rows(fresh)) == before


def test_an_empty_name_or_nothing_to_change_is_refused(fresh: RoundContext) -> None:
    assert refusal(lambda: roster.edit_unit(fresh, "STP", name="  ")).vi == (
        "Đơn vị “STP” chưa có tên."
    )
    assert refusal(lambda: roster.edit_member(fresh, "UV1")).en == "Nothing to change was given."
    assert refusal(lambda: roster.remove_unit(fresh, "XX")).en == "There is no unit “XX”."


# -- unit type ----------------------------------------------------------------------------------


def test_a_type_change_is_refused_while_scores_depend_on_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = dict(world.SET)
    data["unit_types"] = [{"code": "so", "label": "Sở"}, {"code": "xa", "label": "Xã"}]
    data["ranking_groups"] = [
        {"code": "g-so", "label": "Khối sở", "unit_types": ["so"]},
        {"code": "g-xa", "label": "Khối xã", "unit_types": ["xa"]},
    ]
    monkeypatch.setattr(world, "criteria_set", lambda: from_dict(data))
    path = world.build_round(tmp_path / "two-types.parround")
    ctx = world.opened(path)
    try:
        before = dump(path)
        msg = refusal(lambda: roster.edit_unit(ctx, "SA", name="Sở mới", unit_type="xa"))
        assert msg.vi.startswith("Không đổi được loại của đơn vị SA: 1 điểm tự đánh giá")
        assert "6 điểm chấm của thành viên Hội đồng" in msg.vi
        assert "1 điểm điều tra, đánh giá đã nhập" in msg.vi
        assert msg.vi.endswith("đã dựa trên loại “Sở” (so).")
        assert "6 council members' scores" in msg.en
        assert dump(path) == before  # the rename in the same call did not happen either
        unit = roster.edit_unit(ctx, "SC", unit_type="xa")  # never scored
        assert (unit.unit_type, unit.ranking_group) == ("xa", "g-xa")
        assert sentences(ctx)[-1] == ("Thư ký đổi loại đơn vị của Sở C (SC) từ «so» thành «xa».")
        assert refusal(lambda: roster.edit_unit(ctx, "SC", unit_type="huyen")).vi.startswith(
            "Loại đơn vị “huyen” không có trong bộ tiêu chí"
        )
    finally:
        ctx.close()


# -- removal ------------------------------------------------------------------------------------


def test_removal_is_refused_listing_every_reference_and_nothing_changes(
    scored: RoundContext, tmp_path: Path
) -> None:
    packages.build_member_package(scored, "UV1", tmp_path / "goi")
    before = dump(scored.path)
    unit = refusal(lambda: roster.remove_unit(scored, "SA"))
    assert unit.vi == (
        "Đơn vị SA đã có 1 điểm tự đánh giá, 6 điểm chấm của thành viên Hội đồng, 1 điểm điều "
        "tra, đánh giá đã nhập, 1 tệp đã nhập và 1 gói chấm điểm đã gửi; không xóa được."
    )
    assert unit.en == (
        "Unit SA already has 1 self-assessed score, 6 council members' scores, 1 imported survey "
        "or agency point, 1 imported file and 1 sent scoring package; it cannot be removed."
    )
    never_scored = refusal(lambda: roster.remove_unit(scored, "SC"))
    assert never_scored.vi == "Đơn vị SC đã có 1 gói chấm điểm đã gửi; không xóa được."
    member = refusal(lambda: roster.remove_member(scored, "UV1"))
    assert member.vi == (
        "Thành viên UV1 đã có 6 điểm đã chấm và 1 gói chấm điểm đã gửi; không xóa được."
    )
    assert member.en == (
        "Member UV1 already has 6 merged scores and 1 sent scoring package; they cannot be removed."
    )
    assert dump(scored.path) == before
    gone = roster.remove_member(scored, "CT")  # the chair never scored: removable
    assert (gone.id, gone.assignments) == ("CT", 0)


def test_removal_on_a_fresh_round_takes_the_assignments_with_it(fresh: RoundContext) -> None:
    gone = roster.remove_unit(fresh, "SNV")
    assert (gone.id, gone.name, gone.assignments) == ("SNV", "Sở Nội vụ", 1)
    assert [u.id for u in rounds.list_units(fresh)] == ["STP"]
    assert rounds.member_scope(fresh, "UV1") == {"STP": None}
    assert sentences(fresh)[-1] == (
        "(không rõ người thực hiện) xóa đơn vị Sở Nội vụ (SNV) khỏi đợt thẩm định, cùng 1 dòng "
        "phân công."
    )
    # STP is now UV1's only unit: removing it would have UV1 score every unit.
    alone = refusal(lambda: roster.remove_unit(fresh, "STP"))
    assert "Lê Văn Thàn (UV1)" in alone.vi
    assert "Hãy phân công lại trước" in alone.vi
    gone = roster.remove_member(fresh, "UV1")
    assert gone.assignments == 1
    assert sentences(fresh, Lang.EN)[-1] == (
        "(unknown user) removed the council member Lê Văn Thàn (UV1), with its 1 assignment row(s)."
    )
    assert [m.id for m in rounds.list_members(fresh)] == ["UV2"]
    assert roster.remove_unit(fresh, "STP").assignments == 0


# -- guards -------------------------------------------------------------------------------------


def test_a_frozen_round_refuses_every_correction(fresh: RoundContext) -> None:
    for phase in (Phase.ROUND_1, Phase.EXPLANATION, Phase.ROUND_2, Phase.FROZEN):
        rounds.advance_phase(fresh, phase)
    before = dump(fresh.path)
    for call in (
        lambda: roster.edit_unit(fresh, "STP", name="Sở Tư pháp"),
        lambda: roster.remove_unit(fresh, "SNV"),
        lambda: roster.edit_member(fresh, "UV2", title="Ủy viên"),
        lambda: roster.remove_member(fresh, "UV2"),
    ):
        assert refusal(call).vi.startswith("Đợt thẩm định đã chốt điểm")
    assert dump(fresh.path) == before
    assert roster.editable(fresh) is not None
    rounds.advance_phase(fresh, Phase.ROUND_2, "Sửa tên đơn vị")
    assert roster.editable(fresh) is None
    assert roster.edit_unit(fresh, "STP", name="Sở Tư pháp").name == "Sở Tư pháp"


def test_a_round_held_by_another_parapp_refuses_with_its_sentence(fresh: RoundContext) -> None:
    held = Msg("Máy khác đang mở đợt này.", "Another computer holds this round.")
    make_read_only(fresh.db, held)
    assert refusal(lambda: roster.remove_member(fresh, "UV2")) == held
    assert roster.editable(fresh) == held


def test_past_adding_the_setup_tab_says_corrections_remain(fresh: RoundContext) -> None:
    assert round_setup.allowed(fresh, round_setup.Setting.UNITS) is None
    rounds.advance_phase(fresh, Phase.ROUND_1)
    why = round_setup.allowed(fresh, round_setup.Setting.UNITS)
    assert why is not None
    assert "chỉ thêm được đến giai đoạn “Tự đánh giá”" in why.vi
    assert "vẫn sửa được tên (Sửa…)" in why.vi
    assert "names can still be corrected (Edit…)" in why.en
    renamed = roster.edit_unit(fresh, "STP", name="Sở Tư pháp")
    assert renamed.name == "Sở Tư pháp"
