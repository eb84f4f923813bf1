"""Classification band sets: presets, custom bands typed or read, every defect located."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parapp.core import bands
from parapp.core.bands import PRESETS, BandRow, ClassRange, check_rows, parse_text
from parapp.core.criteria_codec import from_dict
from parapp.core.errors import Location
from parapp.core.messages import Msg
from tests.core.core_samples import base_data

D = Decimal
NAME = Msg("Riêng", "Own")


def problems(text: str) -> list[tuple[int | None, str]]:
    result, found = check_rows(parse_text(text), NAME)
    assert result is None
    return [(p.location.row, p.message.en) for p in found]


def test_hue_five_bands() -> None:
    hue = PRESETS["hue"]
    assert [(b.label, b.lower, b.upper) for b in hue.bands] == [
        ("Xuất sắc", D(90), None),
        ("Tốt", D(80), D(90)),
        ("Khá", D(70), D(80)),
        ("Trung bình", D(55), D(70)),
        ("Yếu", D(0), D(55)),
    ]
    assert [hue.classify(D(v)) for v in ("100", "90", "89.99", "80", "55", "54.99", "0")] == [
        "Xuất sắc",
        "Xuất sắc",
        "Tốt",
        "Tốt",
        "Trung bình",
        "Yếu",
        "Yếu",
    ]
    assert hue.describe("vi") == (
        "Xếp loại năm mức (như Thừa Thiên Huế) — Xuất sắc: ≥ 90 %; Tốt: 80 – < 90 %; "
        "Khá: 70 – < 80 %; Trung bình: 55 – < 70 %; Yếu: < 55 %"
    )


def test_national_groups_with_the_rounds_label_below_c() -> None:
    national = bands.national("Không xếp nhóm")
    assert [b.describe("en") for b in national.bands] == [
        "Nhóm A: ≥ 90 %",
        "Nhóm B: 80 – < 90 %",
        "Nhóm C: 70 – < 80 %",
        "Không xếp nhóm: < 70 %",
    ]
    assert national.classify(D("69.99")) == "Không xếp nhóm"
    assert PRESETS["nhom-quoc-gia"].classify(D(1)) == bands.NATIONAL_BELOW


def test_the_sets_own_classes() -> None:
    data = base_data(classes=[{"label": "Tốt", "lower": "80.5"}, {"label": "Yếu", "lower": "0"}])
    own = bands.from_criteria_set(from_dict(data))
    assert own.code == bands.SET_PRESET
    assert own.bands == (ClassRange("Tốt", D("80.5")), ClassRange("Yếu", D(0), D("80.5")))
    assert own.describe("en").endswith("Tốt: ≥ 80.5 %; Yếu: < 80.5 %")
    assert own.describe("vi").endswith("Tốt: ≥ 80,5 %; Yếu: < 80,5 %")


def test_a_band_set_round_trips_through_the_settings() -> None:
    for band_set in PRESETS.values():
        assert bands.from_json(band_set.to_json()) == band_set


def test_custom_bands_typed_with_or_without_upper_bounds() -> None:
    typed, found = check_rows(
        parse_text("Rất tốt = 85 - 100; Tốt=70-85 ;Đạt=50%; Chưa đạt=0-50;"), NAME
    )
    assert found == []
    assert typed is not None
    assert typed.code == bands.CUSTOM
    assert [(b.label, b.lower, b.upper) for b in typed.bands] == [
        ("Rất tốt", D(85), None),
        ("Tốt", D(70), D(85)),
        ("Đạt", D(50), D(70)),
        ("Chưa đạt", D(0), D(50)),
    ]


def test_overlapping_bands_are_refused_at_their_row() -> None:
    assert problems("A=80-100; B=70-85; C=0-70") == [
        (2, "Band “B” overlaps the band above: its upper bound 85 % differs from that band's "
         "lower bound 80 %."),
    ]  # fmt: skip


def test_a_gap_between_bands_is_refused() -> None:
    assert problems("A=80; B=60-75; C=0") == [
        (2, "Band “B” leaves a gap below the band above: its upper bound 75 % differs from "
         "that band's lower bound 80 %."),
    ]  # fmt: skip


def test_unordered_bands_are_refused() -> None:
    assert problems("Khá=70; Tốt=80; Yếu=0") == [
        (2, "Bands must be listed from the top down: the lower bound 80 % is not below the band "
         "above (70 %)."),
    ]  # fmt: skip
    assert problems("A=70; B=70; C=0")[0][1].startswith("Bands must be listed from the top down")


def test_repeated_labels_empty_labels_and_bad_bounds() -> None:
    assert problems("Tốt=80; tốt=70; =50; X=abc; Y=120; Z=10-5; W=") == [
        (2, "Band “tốt” is repeated (already band 1)."),
        (3, "The band's label is empty."),
        (4, "The lower bound “abc” is not a valid number (for example 8,5 or 8.5)."),
        (5, "The lower bound 120 % must lie within 0–100 %."),
        (6, "The upper bound 5 % must exceed the lower bound 10 %."),
        (7, "The lower bound is empty."),
    ]


def test_the_top_must_reach_100_and_the_bottom_start_at_0() -> None:
    assert problems("A=80-95; B=10") == [
        (1, "The top band must reach 100 % (its upper bound is 95 %)."),
        (2, "The lowest band must start at 0 % (it starts at 10 %): a lower index would have no "
         "class."),
    ]  # fmt: skip


def test_an_empty_band_set_is_refused() -> None:
    result, found = check_rows([], NAME)
    assert result is None
    assert [p.message.en for p in found] == ["The band set has no band."]


def test_rows_from_a_workbook_keep_their_cells() -> None:
    def cell(column: str) -> Location:
        return Location("xl.xlsx", "XepLoai", 3, column)

    row = BandRow("Tốt", "80", "70", cell("A"), cell("B"), cell("C"))
    _result, found = check_rows(
        [row, BandRow("Yếu", "0", "", cell("A"), cell("B"), cell("C"))], NAME
    )
    assert [(p.location.column, p.message.en) for p in found] == [
        ("C", "The upper bound 70 % must exceed the lower bound 80 %.")
    ]


@pytest.mark.parametrize("index", ["0", "49.99", "100"])
def test_every_index_gets_a_class_in_a_sound_set(index: str) -> None:
    typed, _ = check_rows(parse_text("A=50; B=0"), NAME)
    assert typed is not None
    assert typed.classify(D(index)) in ("A", "B")
    assert ClassRange("x", D(10), D(20)).contains(D(25)) is False
    assert bands.BandSet("e", NAME, ()).classify(D(1)) == ""
