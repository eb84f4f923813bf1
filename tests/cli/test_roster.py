"""``parapp round unit-edit|unit-remove|member-edit|member-remove`` on a real round file: exit 0
with what changed, exit 1 with the sentence (Vietnamese by default, English with --lang en) and
the file untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from parapp.cli import app as cli
from parapp.services import packages, rounds
from tests.services import results_world as world


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as raw:
        return list(raw.iterdump())


@pytest.fixture
def scored(tmp_path: Path) -> Path:
    """SA and SB scored by UV1 and UV2; SC never scored; CT and TK never scored."""
    return world.build_round(tmp_path / "scored.parround")


def test_unit_edit_renames_and_show_prints_the_new_name(
    scored: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["round", "unit-edit", str(scored), "SA", "--name", "Sở Tư pháp"], capsys)
    assert (code, err) == (0, "")
    assert out == "Đã sửa. Đơn vị SA: Sở Tư pháp (loại so, nhóm g-so).\n"
    code, out, _ = run(["round", "show", str(scored)], capsys)
    assert "SA\tSở Tư pháp\tso" in out
    code, out, _ = run(
        ["--lang", "en", "round", "unit-edit", str(scored), "SA", "--name", "Sở Tư pháp"], capsys
    )
    assert out == "Nothing changed.\nUnit SA: Sở Tư pháp (type so, group g-so).\n"


def test_a_refused_type_change_exits_1_with_the_sentence_and_changes_nothing(
    scored: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = dump(scored)
    code, out, err = run(["round", "unit-edit", str(scored), "SA", "--type", "xa"], capsys)
    assert (code, out) == (1, "")
    assert err.startswith("Loại đơn vị “xa” không có trong bộ tiêu chí")
    assert "Traceback" not in err
    code, out, err = run(["round", "unit-edit", str(scored), "SA"], capsys)
    assert (code, err) == (1, "Chưa nêu điều gì cần sửa.\n")
    assert dump(scored) == before


def test_removal_refused_in_both_languages_and_nothing_changed(
    scored: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with world.opened(scored) as ctx:
        packages.build_member_package(ctx, "UV2", tmp_path / "goi")
    before = dump(scored)
    code, out, err = run(["round", "unit-remove", str(scored), "SB"], capsys)
    assert (code, out) == (1, "")
    assert err == (
        "Đơn vị SB đã có 1 điểm tự đánh giá, 6 điểm chấm của thành viên Hội đồng, 1 điểm điều "
        "tra, đánh giá đã nhập, 1 tệp đã nhập và 1 gói chấm điểm đã gửi; không xóa được.\n"
    )
    code, out, err = run(["--lang", "en", "round", "member-remove", str(scored), "UV2"], capsys)
    assert (code, out) == (1, "")
    assert err == (
        "Member UV2 already has 6 merged scores and 1 sent scoring package; they cannot be "
        "removed.\n"
    )
    assert dump(scored) == before


def test_member_edit_and_removals_that_are_allowed(
    scored: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        ["round", "member-edit", str(scored), "TK", "--name", "Nguyễn Thu Hà", "--title",
         "Trưởng phòng Cải cách hành chính"],
        capsys,
    )  # fmt: skip
    assert code == 0
    assert out == "Đã sửa. Thành viên TK: Nguyễn Thu Hà, Trưởng phòng Cải cách hành chính.\n"
    code, out, _ = run(["round", "member-remove", str(scored), "CT"], capsys)
    assert (code, out) == (0, "Đã xóa thành viên CT (Trịnh Việt Hùng) và 0 dòng phân công.\n")
    code, out, _ = run(["--lang", "en", "round", "unit-remove", str(scored), "SC"], capsys)
    assert (code, out) == (0, "Removed unit SC (Sở C) and 0 assignment row(s).\n")
    with world.opened(scored) as ctx:
        assert [u.id for u in rounds.list_units(ctx)] == ["SA", "SB"]
        assert [m.id for m in rounds.list_members(ctx)] == ["UV1", "UV2", "TK"]
    code, out, _ = run(["audit", str(scored)], capsys)
    assert code == 0
    assert "xóa thành viên Hội đồng Trịnh Việt Hùng (CT)." in out
    assert "xóa đơn vị Sở C (SC) khỏi đợt thẩm định." in out
    assert "sửa chức vụ của Nguyễn Thu Hà (TK) từ «Trưởng phòng» thành" in out


def test_an_unknown_id_and_a_frozen_round_exit_1(
    scored: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["round", "member-edit", str(scored), "XX", "--title", "a"], capsys)
    assert (code, err) == (1, "Không có thành viên “XX”.\n")
    for phase in ("round_1", "explanation", "round_2", "frozen"):
        assert run(["round", "phase", str(scored), phase], capsys)[0] == 0
    before = dump(scored)
    code, _, err = run(["--lang", "en", "round", "unit-remove", str(scored), "SC"], capsys)
    assert code == 1
    assert err.startswith("The round is frozen: units and council members can no longer")
    assert dump(scored) == before
