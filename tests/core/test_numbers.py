"""Exact numbers: the one parser, the one formatter, rounding once, never a float."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parapp.core.errors import ValidationError
from parapp.core.messages import Lang, Msg
from parapp.core.numbers import (
    canonical,
    format_score,
    is_multiple,
    parse_decimal,
    parse_score,
    ratio_percent,
    round_index,
    to_decimal,
)

D = Decimal


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("8,5", "8.5"),
        ("8.5", "8.5"),
        (" 8,50 ", "8.50"),
        ("-1", "-1"),
        ("+2", "2"),
        (",5", "0.5"),
        ("-.25", "-0.25"),
        ("8,", "8"),
        ("0", "0"),
        ("1\u00a0", "1"),
    ],
)
def test_parse_score_accepts_comma_and_point(text: str, value: str) -> None:
    parsed = parse_score(text)
    assert parsed == D(value)
    assert str(parsed) == value


@pytest.mark.parametrize("text", ["-0", "-0,00", "-,0"])
def test_negative_zero_is_plain_zero(text: str) -> None:
    parsed = parse_score(text)
    assert parsed == 0
    assert not parsed.is_signed()


@pytest.mark.parametrize(
    ("text", "vi", "en"),
    [
        ("", "Điểm đang để trống.", "Score is empty."),
        (
            "nan",
            "Điểm “nan” không phải là một số hữu hạn.",
            "Score “nan” is not a finite number.",
        ),
        (
            "-Infinity",
            "Điểm “-Infinity” không phải là một số hữu hạn.",
            "Score “-Infinity” is not a finite number.",
        ),
        (
            "1,5e2",
            "Điểm “1,5e2” viết dạng lũy thừa; hãy nhập số thường, ví dụ 8,5.",
            "Score “1,5e2” uses an exponent; type a plain number such as 8.5.",
        ),
        (
            "1.234",
            "Điểm “1.234” có quá 2 chữ số thập phân.",
            "Score “1.234” has more than 2 decimal places.",
        ),
        (
            "1 000",
            "Điểm “1 000” không phải là số hợp lệ (ví dụ: 8,5 hoặc 8.5).",
            "Score “1 000” is not a valid number (for example 8,5 or 8.5).",
        ),
        (
            "8,5.2",
            "Điểm “8,5.2” không phải là số hợp lệ (ví dụ: 8,5 hoặc 8.5).",
            "Score “8,5.2” is not a valid number (for example 8,5 or 8.5).",
        ),
    ],
)
def test_parse_score_refuses_with_a_readable_message(text: str, vi: str, en: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_score(text)
    assert (info.value.msg.vi, info.value.msg.en) == (vi, en)


def test_parse_decimal_names_the_value_and_honours_places() -> None:
    assert parse_decimal("12,3456", places=4) == D("12.3456")
    with pytest.raises(ValidationError) as info:
        parse_decimal("x", what=Msg("Số liệu", "Figure"))
    assert info.value.msg.en == "Figure “x” is not a valid number (for example 8,5 or 8.5)."
    with pytest.raises(ValidationError) as info:
        parse_decimal("")
    assert info.value.msg.vi == "Giá trị đang để trống."


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (3, "3"),
        (0.1, "0.1"),  # through the shortest repr, not the binary expansion
        (-0.0, "0.0"),
        ("8,5", "8.5"),
        (D("1E+1"), "10"),  # plain notation, never an exponent
        (D("-0.00"), "0.00"),
        (D("2.50"), "2.50"),
        ("999999999999999,99", "999999999999999.99"),  # the largest size accepted
        (D("0E+99"), "0"),
    ],
)
def test_to_decimal_converts_library_values_exactly(value: object, expected: str) -> None:
    assert str(to_decimal(value)) == expected


@pytest.mark.parametrize(
    ("value", "en"),
    [
        (True, "Value is not a number."),
        (None, "Value is not a number."),
        ([1], "Value is not a number."),
        (float("inf"), "Value “inf” is not a finite number."),
        (float("nan"), "Value “nan” is not a finite number."),
        (D("NaN"), "Value “NaN” is not a finite number."),
        (0.125, "Value “0.125” has more than 2 decimal places."),
        (D("1.005"), "Value “1.005” has more than 2 decimal places."),
        ("1e3", "Value “1e3” uses an exponent; type a plain number such as 8.5."),
        (1e300, "Value is too large (at most 15 digits before the decimal point)."),
        (D("1E+999"), "Value is too large (at most 15 digits before the decimal point)."),
        ("1" + "0" * 15, "Value is too large (at most 15 digits before the decimal point)."),
    ],
)
def test_to_decimal_refuses_what_is_not_a_score(value: object, en: str) -> None:
    with pytest.raises(ValidationError) as info:
        to_decimal(value)
    assert info.value.msg.en == en


def test_to_decimal_uses_the_given_label_and_places() -> None:
    assert to_decimal(0.125, places=3) == D("0.125")
    with pytest.raises(ValidationError) as info:
        to_decimal(False, what=Msg("Ô D4", "Cell D4"))
    assert info.value.msg.vi == "Ô D4 không phải là số."


@pytest.mark.parametrize(
    ("value", "step", "origin", "expected"),
    [
        ("0.75", "0.25", "0", True),
        ("0.3", "0.25", "0", False),
        ("-1.5", "0.5", "-2", True),
        ("-1.25", "0.5", "-2", False),
        ("0", "0.25", "0", True),
    ],
)
def test_is_multiple_is_exact(value: str, step: str, origin: str, expected: bool) -> None:
    assert is_multiple(D(value), D(step), D(origin)) is expected


def test_ratio_percent_is_unrounded_and_zero_for_no_maximum() -> None:
    expected = "89.457142857142857142857142857142857142857142857143"  # 50 significant digits
    assert ratio_percent(D("62.62"), D(70)) == D(expected)
    assert ratio_percent(D(5), D(0)) == 0


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        ("83.045", 2, "83.05"),  # half up, not half even
        ("83.044999", 2, "83.04"),
        ("-1.005", 2, "-1.01"),
        ("89.45", 1, "89.5"),
        ("89.5", 0, "90"),
        ("12.34565", 4, "12.3457"),
    ],
)
def test_round_index_rounds_half_up_to_the_places(value: str, places: int, expected: str) -> None:
    assert str(round_index(D(value), places)) == expected


@pytest.mark.parametrize(
    ("value", "text"),
    [("1E+1", "10"), ("2.50", "2.50"), ("-0", "0"), ("-0.00", "0.00"), ("-0.000", "0.000")],
)
def test_canonical_text_has_no_exponent_and_no_negative_zero(value: str, text: str) -> None:
    assert canonical(D(value)) == text


@pytest.mark.parametrize(
    ("value", "lang", "places", "text"),
    [
        ("83.045", Lang.VI, 2, "83,05"),
        ("83.045", Lang.EN, 2, "83.05"),
        ("1", "vi", 2, "1,00"),
        ("0.5", "en", 1, "0.5"),
        ("-0.001", Lang.VI, 2, "0,00"),
        ("-2.5", Lang.VI, 2, "-2,50"),
        ("1234567.8", Lang.VI, 2, "1234567,80"),
    ],
)
def test_format_score_uses_the_decimal_comma_in_vietnamese(
    value: str, lang: Lang | str, places: int, text: str
) -> None:
    assert format_score(D(value), lang, places) == text


def test_format_score_of_nothing_is_empty() -> None:
    assert format_score(None) == ""


two_places = st.decimals(min_value=-10_000, max_value=10_000, places=2)


@settings(max_examples=100, deadline=None)
@given(value=two_places, lang=st.sampled_from(list(Lang)))
def test_formatted_scores_parse_back_to_the_same_value(value: Decimal, lang: Lang) -> None:
    assert parse_score(format_score(value, lang)) == value


@settings(max_examples=100, deadline=None)
@given(value=two_places)
def test_comma_and_point_parse_alike(value: Decimal) -> None:
    text = canonical(value)
    assert parse_score(text.replace(".", ",")) == parse_score(text) == value


@settings(max_examples=100, deadline=None)
@given(value=st.decimals(min_value=-1000, max_value=1000, places=4))
def test_canonical_text_parses_back_exactly(value: Decimal) -> None:
    assert parse_decimal(canonical(value), places=4) == value
    assert "E" not in canonical(value)
