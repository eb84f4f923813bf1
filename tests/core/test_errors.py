"""Bilingual messages and the user-facing error hierarchy."""

from __future__ import annotations

from parapp.core.errors import (
    ImportFormatError,
    Location,
    ParappError,
    Problem,
    UserCancelled,
    UserFacingError,
    ValidationError,
)
from parapp.core.messages import Lang, Msg


def test_message_is_vietnamese_unless_english_is_asked_for() -> None:
    msg = Msg("Điểm", "Score")
    assert (msg.get(), msg.get(Lang.VI), msg.get("en"), msg.get(Lang.EN)) == (
        "Điểm",
        "Điểm",
        "Score",
        "Score",
    )


def test_location_names_every_part_given() -> None:
    full = Location("bo.xlsx", "TieuChi", 12, "D")
    assert full.describe() == "bo.xlsx, trang tính 'TieuChi', dòng 12, cột D"
    assert full.describe(Lang.EN) == "bo.xlsx, sheet 'TieuChi', row 12, column D"
    assert Location(row=3).describe("en") == "row 3"
    assert Location().describe() == ""


def test_problem_puts_its_location_first_when_it_has_one() -> None:
    msg = Msg("Thiếu tên.", "Name missing.")
    located = Problem(Location("a.json", column="name"), msg)
    assert located.describe() == "a.json, cột name: Thiếu tên."
    assert Problem(Location(), msg).describe(Lang.EN) == "Name missing."


def test_user_facing_errors_carry_both_languages() -> None:
    error = ValidationError(Msg("Sai.", "Wrong."))
    assert isinstance(error, UserFacingError)
    assert isinstance(error, ParappError)
    assert str(error) == "Wrong."
    assert (error.describe(), error.describe(Lang.EN)) == ("Sai.", "Wrong.")
    assert isinstance(UserCancelled(), ParappError)
    assert not isinstance(UserCancelled(), UserFacingError)


def test_import_error_lists_every_problem_under_a_headline() -> None:
    problems = [
        Problem(Location("bo.json", "nodes", 2, "maximum"), Msg("Thiếu “maximum”.", "x")),
        Problem(Location("bo.json"), Msg("Trống.", "Empty.")),
    ]
    error = ImportFormatError(problems, "bo.json")
    assert error.problems == tuple(problems)
    assert error.describe() == (
        "Không nhập được bo.json: 2 lỗi, không có gì được thay đổi.\n"
        "  - bo.json, trang tính 'nodes', dòng 2, cột maximum: Thiếu “maximum”.\n"
        "  - bo.json: Trống."
    )
    unnamed = ImportFormatError([])
    assert unnamed.describe(Lang.EN) == "Cannot import the data: 0 problem(s); nothing was changed."
    assert unnamed.msg.vi == "Không nhập được dữ liệu: 0 lỗi, không có gì được thay đổi."
