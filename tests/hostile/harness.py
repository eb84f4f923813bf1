"""Running a hostile case through the CLI in both languages and checking it changed nothing."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from parapp.cli import app as cli
from tests.hostile.world import World, dump, snapshot

VI_MARKS = re.compile(
    "[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", re.IGNORECASE
)
VI_WORDS = ("Không ", " dòng ", " cột ", "trang tính", "Thiếu ", " được ", " tệp ")
"""Words of the Vietnamese messages that no English message (nor the test data) contains."""
EN_WORDS = re.compile(
    r"\b(the|is|not|cannot|must|has|was|file|entry|sheet|row|column|missing|refused)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Where:
    """The sheet, row and column a message must name."""

    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def texts(self, lang: str) -> list[str]:
        """How the location reads in ``lang`` ("vi" or "en")."""
        en = lang == "en"
        found = []
        if self.sheet is not None:
            found.append(f"sheet '{self.sheet}'" if en else f"trang tính '{self.sheet}'")
        if self.row is not None:
            found.append(f"row {self.row}" if en else f"dòng {self.row}")
        if self.column is not None:
            found.append(f"column {self.column}" if en else f"cột {self.column}")
        return found


Build = Callable[[World, Path], list[str]]
"""Write the hostile file at the given path (or tamper with the world); return the CLI args."""


@dataclass(frozen=True)
class Case:
    """One hostile input: how to make it, what the refusal must name."""

    id: str
    ext: str
    build: Build
    where: Where | None = None
    shows: tuple[str, ...] = ()
    """Further text both languages must show, e.g. the offending zip entry."""
    names_file: bool = True
    """Whether the message must name the hostile file (false when the round's own file is bad)."""


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``parapp ARGS`` in-process: exit status, stdout, stderr."""
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


def criteria_check(world: World, path: Path) -> list[str]:
    return ["criteria", "check", str(path)]


def self_import(world: World, path: Path) -> list[str]:
    return [
        "round",
        "self-import",
        str(world.round),
        "--unit",
        "STP",
        str(path),
        "--evidence",
        str(world.docs),
    ]


def results_import(world: World, path: Path) -> list[str]:
    return ["round", "results-import", str(world.round), str(path)]


def units_import(world: World, path: Path) -> list[str]:
    return ["round", "import-units", str(world.round), str(path)]


def package_open(world: World, path: Path) -> list[str]:
    return ["package", "open", str(path), "--workspace", str(world.workspace)]


def assert_refused(world: World, case: Case, capsys: pytest.CaptureFixture[str]) -> None:
    """Run the case in Vietnamese (default) and English: exit 1, a located message in each
    language, no traceback, and not a byte changed anywhere under the world's folder."""
    path = world.hostile / f"{case.id}{case.ext}"
    args = case.build(world, path)
    rounds_before = dump(world.round)
    files_before = snapshot(world.root)
    messages = {}
    for lang in ("vi", "en"):
        prefix = ["--lang", "en"] if lang == "en" else []
        code, out, err = run_cli([*prefix, *args], capsys)
        assert code == 1, (lang, out, err)
        assert "Traceback" not in err
        assert err.strip(), "a refusal must say why"
        expected = [*((path.name,) if case.names_file else ()), *case.shows]
        if case.where is not None:
            expected.extend(case.where.texts(lang))
        for text in expected:
            assert text in err, (lang, text, err)
        assert dump(world.round) == rounds_before
        assert snapshot(world.root) == files_before
        messages[lang] = err
    assert messages["vi"] != messages["en"]
    assert VI_MARKS.search(messages["vi"]), messages["vi"]
    assert EN_WORDS.search(messages["en"]), messages["en"]
    assert not any(word in messages["en"] for word in VI_WORDS), messages["en"]
