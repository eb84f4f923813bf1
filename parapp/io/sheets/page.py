"""The parts of an ND30 page every sheet shares: the heading block and a signer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from parapp.io.sheets.table import nfc


@dataclass(frozen=True)
class Heading:
    """The ND30 header block: issuing body under its parent, place and date."""

    parent_body: str
    body: str
    place: str
    date: dt.date

    @property
    def place_date(self) -> str:
        """ "Thái Nguyên, ngày 05 tháng 02 năm 2026" (ND30: a leading zero for days under 10
        and for months 1 and 2)."""
        day = f"{self.date.day:02d}"
        month = f"{self.date.month:02d}" if self.date.month < 3 else str(self.date.month)
        return nfc(f"{self.place}, ngày {day} tháng {month} năm {self.date.year}")


@dataclass(frozen=True)
class Signer:
    """Who signs: authority line (bold caps), their position, full name."""

    authority: str
    position: str
    name: str
