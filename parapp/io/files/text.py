"""Text forms every file format shares: a number as a Vietnamese user types it, and the comparison
form of a label (so "Sở", "sở" and " SỞ " name the same thing)."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from parapp.core.numbers import canonical


def format_number(value: Decimal) -> str:
    """A number as typed in Vietnamese: canonical digits with a decimal comma ("0,5")."""
    return canonical(value).replace(".", ",")


def label_key(text: str) -> str:
    """Comparison form of a label: NFC, case-folded, single spaces."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())
