"""Exception hierarchy: user-facing errors carry bilingual text and precise locations.

``UserFacingError`` and its subclasses are shown to the user as they are; ``UserCancelled`` is
silent; anything else reaching the top level is a bug.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from parapp.core.messages import Lang, Msg


class ParappError(Exception):
    """Base of every exception parapp raises on purpose."""


class UserCancelled(ParappError):  # noqa: N818 - a cancellation is not an error
    """The user backed out; nothing to report."""


@dataclass(frozen=True)
class Location:
    """Where a problem sits in an input file; rows are 1-based, columns letters or field names."""

    file: str = ""
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def describe(self, lang: Lang | str = Lang.VI) -> str:
        """Human-readable location, e.g. ``bo.xlsx, sheet 'TieuChi', row 12, column D``."""
        en = str(lang) == Lang.EN
        parts = [self.file] if self.file else []
        if self.sheet is not None:
            parts.append(f"sheet '{self.sheet}'" if en else f"trang tính '{self.sheet}'")
        if self.row is not None:
            parts.append(f"row {self.row}" if en else f"dòng {self.row}")
        if self.column is not None:
            parts.append(f"column {self.column}" if en else f"cột {self.column}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Problem:
    """One located defect in an input."""

    location: Location
    message: Msg

    def describe(self, lang: Lang | str = Lang.VI) -> str:
        """Location and message on one line."""
        where = self.location.describe(lang)
        text = self.message.get(lang)
        return f"{where}: {text}" if where else text


class UserFacingError(ParappError):
    """An error whose message is meant for the user, in Vietnamese and English."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message.en)
        self.msg = message

    def describe(self, lang: Lang | str = Lang.VI) -> str:
        """The full text to show the user."""
        return self.msg.get(lang)


class ValidationError(UserFacingError):
    """A value the user typed or a file supplied is not acceptable."""


class SignatureError(UserFacingError):
    """Signing or verifying cannot go on: bad certificate, key, PIN, token or signature."""


class ImportFormatError(UserFacingError):
    """An input file has one or more located problems; nothing was imported."""

    def __init__(self, problems: Iterable[Problem], source: str = "") -> None:
        self.problems = tuple(problems)
        self.source = source
        count = len(self.problems)
        super().__init__(
            Msg(
                f"Không nhập được {source or 'dữ liệu'}: {count} lỗi, không có gì được thay đổi.",
                f"Cannot import {source or 'the data'}: {count} problem(s); nothing was changed.",
            )
        )

    def describe(self, lang: Lang | str = Lang.VI) -> str:
        """Headline followed by one line per problem."""
        lines = [self.msg.get(lang)]
        lines.extend(f"  - {p.describe(lang)}" for p in self.problems)
        return "\n".join(lines)
