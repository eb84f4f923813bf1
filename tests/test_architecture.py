"""The layer rules hold: import-linter contracts pass, and they fail when a layer is crossed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")


def _lint(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [LINT_IMPORTS, "--config", str(project / "pyproject.toml"), "--no-cache"],
        cwd=project,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(project), "PATH": "/usr/bin:/bin"},
        check=False,
    )


def test_import_contracts_hold() -> None:
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 6 kept, 0 broken." in result.stdout


@pytest.mark.parametrize(
    ("module", "bad_import", "contract"),
    [
        ("parapp/core/numbers.py", "import PySide6.QtCore", "Only ui touches Qt"),
        ("parapp/core/numbers.py", "import sqlalchemy", "Core is pure"),
        ("parapp/ui/__init__.py", "import parapp.store", "UI never touches the database"),
        ("parapp/io/files/atomic.py", "import parapp.services", "Layers"),
        ("parapp/io/sheets/charts.py", "import parapp.io.signing.signers", "io rooms"),
        ("parapp/io/criteria/json_files.py", "import parapp.io.workbooks.units", "io rooms"),
        ("parapp/io/files/atomic.py", "import parapp.io.sheets.charts", "io rooms"),
        (
            "parapp/ui/member/undo.py",
            "import parapp.ui.secretary.audit_pane",
            "The member's and the secretary's windows are independent",
        ),
    ],
)
def test_contract_breaks_are_caught(
    tmp_path: Path, module: str, bad_import: str, contract: str
) -> None:
    project = tmp_path / "copy"
    shutil.copytree(
        ROOT / "parapp", project / "parapp", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    target = project / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{bad_import}\n", encoding="utf-8")
    result = _lint(project)
    assert result.returncode != 0
    assert f"{contract} BROKEN" in result.stdout


def test_importing_core_loads_no_framework() -> None:
    code = (
        "import sys, pkgutil, importlib, parapp.core as c\n"
        "for m in pkgutil.walk_packages(c.__path__, 'parapp.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = [m for m in ('PySide6', 'sqlalchemy', 'openpyxl', 'reportlab', 'pyhanko')\n"
        "       if m in sys.modules]\n"
        "print(bad)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == "[]"


def test_cli_never_loads_qt() -> None:
    code = "import sys, parapp.cli.app, parapp.__main__; print('PySide6' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == "False"
