"""Names derived from units' and people's names are valid Windows file names."""

from __future__ import annotations

import pytest

from parapp.core.file_names import MAX_STEM, is_windows_safe, safe_stem, unique_stem

HOSTILE = [
    "CON",
    "con",
    "Prn.pdf",
    "AUX ",
    "nul.tar.gz",
    "COM1",
    "lpt9.txt",
    "COM¹",
    "Sở Tư pháp.",
    "Sở Tư pháp ",
    'a<b>c:d"e/f\\g|h?i*j',
    "tab\there\nnewline\x00nul\x7f",
    "...",
    "   ",
    "",
    "-",
    "x" * 500,
    "Phường Hồng Bàng / Hải Phòng: 2026?",
    "Ủy ban nhân dân xã Cát Hải" * 10,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_every_hostile_name_becomes_a_valid_windows_name(text: str) -> None:
    stem = safe_stem(text)
    assert is_windows_safe(stem)
    assert is_windows_safe(f"{stem}.pdf")
    assert 0 < len(stem) <= MAX_STEM + 1


def test_names_keep_their_vietnamese_letters_in_nfc() -> None:
    decomposed = "So\u031b\u0309 Tu\u031b pha\u0301p"  # "Sở Tư pháp" typed with combining marks
    assert safe_stem(decomposed) == "Sở Tư pháp"
    assert safe_stem("STP") == "STP"
    assert safe_stem("a / b") == "a - b"


def test_device_names_gain_an_underscore_before_the_extension() -> None:
    assert safe_stem("CON") == "CON_"
    assert safe_stem("con.2026") == "con_.2026"
    assert safe_stem("Lpt1 .x") == "Lpt1_.x"
    assert safe_stem("CONSOLE") == "CONSOLE"


def test_empty_results_fall_back() -> None:
    assert safe_stem("???") == "tep"
    assert safe_stem("", fallback="chung-thu") == "chung-thu"
    assert safe_stem("abcdef", max_chars=3) == "abc"


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("STP.pdf", True),
        ("Sở Tư pháp.xlsx", True),
        ("CON.pdf", False),
        ("a.", False),
        ("a ", False),
        ("a:b", False),
        ("", False),
        ("COM10", True),
    ],
)
def test_is_windows_safe(name: str, ok: bool) -> None:
    assert is_windows_safe(name) is ok


def test_unique_stems_keep_safe_codes_and_never_collide() -> None:
    assert unique_stem("STP") == "STP"
    assert unique_stem("so-tu-phap_2026") == "so-tu-phap_2026"
    names = [unique_stem(code) for code in ("A", "A.", "A ", "CON", "con", "a:b", "a-b", "x" * 200)]
    assert len(set(names)) == len(names)
    assert all(is_windows_safe(f"{n}.pdf") and len(n) <= MAX_STEM for n in names)
    assert unique_stem("CON").startswith("CON_-")
