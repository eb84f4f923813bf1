"""File names parapp derives from people's and units' names or codes, valid on Windows.

Windows refuses ``< > : " / \\ | ? *`` and control characters in a name, a name ending in a dot or a
space, and the device names CON, PRN, AUX, NUL, COM1–COM9 and LPT1–LPT9 (with or without an
extension: "con.pdf" is the console too). Paths longer than 260 characters fail in many programs, so
a stem is bounded. Vietnamese letters are kept (NTFS and zip store Unicode), in NFC.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_STEM = 80
"""Characters a derived stem may have: leaves room for the folder and the suffix under 260."""

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"COM{n}" for n in (*range(1, 10), "¹", "²", "³")}
    | {f"LPT{n}" for n in (*range(1, 10), "¹", "²", "³")}
)


def is_windows_safe(name: str) -> bool:
    """True when ``name`` (one path component, suffix included) is a valid Windows file name."""
    if not name or name != name.rstrip(" .") or _FORBIDDEN.search(name):
        return False
    return name.split(".", 1)[0].rstrip(" ").upper() not in _DEVICES


def safe_stem(text: str, *, fallback: str = "tep", max_chars: int = MAX_STEM) -> str:
    """``text`` made into a file stem valid on Windows.

    Forbidden characters become "-", runs of "-" and spaces collapse, leading and trailing dots,
    spaces and dashes go, a device name gains a "_" before its first dot, and the result is cut to
    ``max_chars``. An empty result is ``fallback``.
    """
    stem = _FORBIDDEN.sub("-", unicodedata.normalize("NFC", text))
    stem = re.sub(r"-{2,}", "-", re.sub(r"\s+", " ", stem))
    stem = stem[:max_chars].strip(" .-")
    if not stem:
        stem = fallback
    head, dot, rest = stem.partition(".")
    if head.rstrip(" ").upper() in _DEVICES:
        stem = f"{head.rstrip(' ')}_{dot}{rest}"
    return stem


def unique_stem(text: str, *, max_chars: int = MAX_STEM) -> str:
    """``text`` itself when it is already a safe stem, else its safe stem followed by a short
    digest of ``text``, so that two codes that clean up alike ("A." and "A") never share a file."""
    if is_windows_safe(text) and len(text) <= max_chars and text == safe_stem(text):
        return text
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return f"{safe_stem(text, max_chars=max_chars - 9)}-{digest}"
