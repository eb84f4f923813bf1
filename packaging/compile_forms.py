"""Compile every Qt Designer form ``forms/<name>.ui`` into ``parapp/ui/forms/ui_<name>.py``.

The generated modules are committed: PyInstaller collects plain Python, and ``loadUiType`` fails
frozen. ``tests/ui/test_forms_fresh.py`` recompiles into a temporary folder and fails when stale.

Usage: ``uv run python packaging/compile_forms.py [--out-dir DIR]``.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS_DIR = ROOT / "forms"
OUT_DIR = ROOT / "parapp" / "ui" / "forms"

log = logging.getLogger(__name__)


def uic_command() -> list[str]:
    """The pyside6-uic executable of the running interpreter's environment (the venv's first)."""
    scripts = Path(sys.executable).parent
    for name in ("pyside6-uic", "pyside6-uic.exe"):
        candidate = scripts / name
        if candidate.exists():
            return [str(candidate)]
    found = shutil.which("pyside6-uic")
    if found is None:
        raise FileNotFoundError("pyside6-uic not found; run through `uv run`")
    return [found]


def output_name(ui_file: Path) -> str:
    """``forms/criteria_browser.ui`` -> ``ui_criteria_browser.py``."""
    return f"ui_{ui_file.stem}.py"


def compile_form(ui_file: Path, out_file: Path) -> None:
    """Run pyside6-uic on one form. Raises CalledProcessError when uic fails."""
    subprocess.run([*uic_command(), str(ui_file), "-o", str(out_file)], check=True)


def compile_all(forms_dir: Path = FORMS_DIR, out_dir: Path = OUT_DIR) -> list[Path]:
    """Compile every ``*.ui`` in ``forms_dir`` into ``out_dir``; returns the written files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ui_file in sorted(forms_dir.glob("*.ui")):
        out_file = out_dir / output_name(ui_file)
        compile_form(ui_file, out_file)
        log.info("compiled %s -> %s", ui_file.name, out_file)
        written.append(out_file)
    return written


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR, help="where to write ui_*.py")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    compile_all(FORMS_DIR, args.out_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
