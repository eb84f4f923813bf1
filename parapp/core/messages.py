"""Bilingual user-facing text: every message the domain produces carries Vietnamese and English."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Lang(StrEnum):
    """Interface languages. Vietnamese is the default everywhere."""

    VI = "vi"
    EN = "en"


@dataclass(frozen=True)
class Msg:
    """One message in both languages."""

    vi: str
    en: str

    def get(self, lang: Lang | str = Lang.VI) -> str:
        """Return the text in ``lang`` (Vietnamese unless English is asked for)."""
        return self.en if str(lang) == Lang.EN else self.vi
