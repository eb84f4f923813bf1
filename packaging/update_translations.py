"""Refresh ``resources/i18n/parapp_vi.ts`` from the sources and compile it to ``parapp_vi.qm``.

Source strings are English; Vietnamese is the translation. Only ``parapp/ui`` (minus the generated
forms, whose ``.ui`` sources are read instead) and ``forms/*.ui`` are scanned: the layers below
never touch Qt, and ``str.translate`` calls there would only confuse lupdate.

Qt ships no ``qtbase_vi.qm``, so the texts Qt draws itself (dialog buttons in the context
``QPlatformTheme``, Qt's file dialog, print preview, text-field context menus) are translated in
``resources/i18n/qtbase_vi.ts``, written by hand against Qt's own source strings (not scanned by
lupdate: they are in Qt's libraries, not in parapp) and compiled here beside ``parapp_vi.qm``.

Usage: ``uv run python packaging/update_translations.py [--check]``. ``--check`` fails (exit 1)
when a string has no finished Vietnamese translation; run it after editing the .ts in Qt Linguist.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N_DIR = ROOT / "resources" / "i18n"
LANGUAGES = ("vi",)
QT_CATALOGUE = "qtbase"
"""Prefix of the hand-written catalogue of Qt's own strings (``qtbase_<lang>.ts``)."""

log = logging.getLogger(__name__)


def tool(name: str) -> str:
    """A PySide6 tool of the running interpreter's environment (the venv's first)."""
    scripts = Path(sys.executable).parent
    for candidate in (scripts / name, scripts / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found; run through `uv run`")
    return found


def sources(root: Path = ROOT) -> list[Path]:
    """Every file lupdate reads, in a stable order."""
    python = [
        p
        for p in sorted((root / "parapp" / "ui").rglob("*.py"))
        if "forms" not in p.relative_to(root).parts[2:3]
    ]
    return [*python, *sorted((root / "forms").glob("*.ui"))]


def update(ts_file: Path, language: str, root: Path = ROOT) -> None:
    """Merge the current source strings into ``ts_file`` (kept translations survive)."""
    files = [str(p.relative_to(root)) for p in sources(root)]
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *files,
            "-no-obsolete",
            # No line numbers: they would change the .ts on every unrelated edit.
            "-locations",
            "none",
            "-source-language",
            "en",
            "-target-language",
            language,
            "-ts",
            str(ts_file),
        ],
        check=True,
        cwd=root,
    )


def release(ts_file: Path) -> Path:
    """Compile ``ts_file`` to the ``.qm`` beside it."""
    qm_file = ts_file.with_suffix(".qm")
    subprocess.run([tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)], check=True)
    return qm_file


def unfinished(ts_file: Path) -> list[str]:
    """Source texts without a finished translation, as ``context: text``."""
    missing = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in {
                "unfinished",
                "vanished",
                "obsolete",
            }:
                missing.append(f"{name}: {message.findtext('source', '')}")
    return missing


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail on unfinished translations")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    I18N_DIR.mkdir(parents=True, exist_ok=True)
    status = 0
    for language in LANGUAGES:
        ts_file = I18N_DIR / f"parapp_{language}.ts"
        update(ts_file, language)
        release(ts_file)
        missing = unfinished(ts_file)
        qt_file = I18N_DIR / f"{QT_CATALOGUE}_{language}.ts"
        if qt_file.exists():
            release(qt_file)
            missing += unfinished(qt_file)
        else:
            log.warning("no %s: Qt's own dialogs stay in English", qt_file.name)
        for text in missing:
            log.warning("untranslated (%s) %s", language, text)
        if args.check and missing:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
