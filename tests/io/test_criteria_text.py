"""The workbook's rule syntax: exact round trips, lenient reading, clear refusals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from parapp.core.criteria import (
    Band,
    BandsRule,
    FreeRule,
    Level,
    LevelsRule,
    ProportionalRule,
    Rule,
)
from parapp.core.errors import ValidationError
from parapp.io.criteria.cell_text import (
    format_maxima_by_type,
    format_rule,
    parse_maxima_by_type,
    parse_rule,
    parse_unit_types,
)

EXACT: list[tuple[Rule, str]] = [
    (FreeRule(), ""),
    (FreeRule(Decimal("0.25")), "tự do bước 0,25"),
    (
        LevelsRule(
            (
                Level(Decimal(1), "Kịp thời"),
                Level(Decimal("0.5"), "Không kịp thời"),
                Level(Decimal(0)),
            )
        ),
        "mức: 1 (Kịp thời); 0,5 (Không kịp thời); 0",
    ),
    (
        LevelsRule((Level(Decimal(0), "a; b"), Level(Decimal(-1), "x (y) \\ z"))),
        "mức: 0 (a\\; b); -1 (x (y) \\\\ z)",
    ),
    (
        BandsRule(
            (
                Band(Decimal(2), Decimal(90), False, "Tốt"),
                Band(Decimal(1), Decimal(70)),
                Band(Decimal(0), None),
            ),
            "Tỷ lệ thực hiện",
            "%",
            Decimal("0.5"),
        ),
        "khoảng Tỷ lệ thực hiện %: >90 → 2 (Tốt); >=70 → 1; còn lại → 0; bước 0,5",
    ),
    (
        BandsRule((Band(Decimal(1), Decimal(5)),), "Số hồ sơ (bộ)", ""),
        "khoảng Số hồ sơ (bộ) (): >=5 → 1",
    ),
    (BandsRule((Band(Decimal(1), Decimal(5)),), "Tỷ lệ %", ""), "khoảng Tỷ lệ % (): >=5 → 1"),
    (BandsRule((Band(Decimal(1), Decimal(5)),), "Tỷ lệ %", "%"), "khoảng Tỷ lệ % %: >=5 → 1"),
    (
        BandsRule((Band(Decimal(1), Decimal(5)),), "a: b", "x(y)"),
        "khoảng a\\: b (x\\(y\\)): >=5 → 1",
    ),
    (BandsRule((Band(Decimal(1), Decimal(5)),), "", ""), "khoảng: >=5 → 1"),
    (ProportionalRule(), "tỷ lệ %: tối đa 100"),
    (ProportionalRule(Decimal("0.5"), "Điểm SIPAS", "điểm"), "tỷ lệ Điểm SIPAS (điểm): tối đa 0,5"),
]


@pytest.mark.parametrize(("rule", "text"), EXACT)
def test_rules_round_trip_exactly(rule: Rule, text: str) -> None:
    assert format_rule(rule) == text
    assert parse_rule(text) == rule


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Tự do", FreeRule()),
        ("free step 0.5", FreeRule(Decimal("0.5"))),
        ("levels: 1; 0.5;", LevelsRule((Level(Decimal(1)), Level(Decimal("0.5"))))),
        ("MỨC:1(Có);0", LevelsRule((Level(Decimal(1), "Có"), Level(Decimal(0))))),
        (
            "bands Tỷ lệ: ≥ 90 -> 2; > 70,5 => 1; else → 0",
            BandsRule(
                (
                    Band(Decimal(2), Decimal(90)),
                    Band(Decimal(1), Decimal("70.5"), False),
                    Band(Decimal(0), None),
                ),
                "Tỷ lệ",
                "",
            ),
        ),
        ("tỉ lệ %:", ProportionalRule()),
        ("proportional (%): max 50", ProportionalRule(Decimal(50))),
    ],
)
def test_lenient_spellings(text: str, rule: Rule) -> None:
    assert parse_rule(text) == rule


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("1; 0", "phải bắt đầu bằng"),
        ("mức 1; 0", "cần dấu “:”"),
        ("mức: 1 (Có; 0", "thiếu dấu “)”"),
        ("mức: một; 0", "không phải là số hợp lệ"),
        ("mức: 0,12345", "quá 4 chữ số"),
        ("khoảng %: 90 → 2", "phải là “>=N”"),
        ("khoảng %: <70 → 0", "phải là “>=N”"),
        ("khoảng %: >=70 1", "thiếu “→”"),
        ("tự do 0,5", "bước"),
        ("tỷ lệ %: 100", "tối đa N"),
    ],
)
def test_bad_rules_are_explained(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_rule(text)
    assert fragment in caught.value.msg.vi
    assert "Ví dụ" in caught.value.msg.vi
    assert "Examples" in caught.value.msg.en


def test_maxima_by_unit_type() -> None:
    parsed = parse_maxima_by_type("so-khong-tthc=8; xa: 5,5\n")
    assert parsed == {"so-khong-tthc": Decimal(8), "xa": Decimal("5.5")}
    assert format_maxima_by_type(parsed) == "so-khong-tthc=8; xa=5,5"
    assert parse_maxima_by_type("") == {}
    for bad in ("xa", "=5", "xa=1; xa=2", "xa=năm"):
        with pytest.raises(ValidationError):
            parse_maxima_by_type(bad)


def test_unit_type_lists() -> None:
    assert parse_unit_types("") is None
    assert parse_unit_types("so, xa;huyen  phuong") == frozenset({"so", "xa", "huyen", "phuong"})
