"""Cheap invariants of packaging/parapp.spec; the real build runs in .ci/bundle (slow)."""

from __future__ import annotations

import ast
import runpy
from pathlib import Path
from typing import Any

import pytest

import parapp

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "parapp.spec"
LAUNCHER = ROOT / "packaging" / "launch.py"
BUILD_MARKER = "# --- build"
REQUIRED_QT_EXCLUDES = {
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtTest",
    "PySide6.QtSql",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.Qt3DCore",
    "PySide6.QtMultimedia",
    "PySide6.QtNetwork",
}


@pytest.fixture(scope="module")
def config() -> dict[str, Any]:
    """The spec's configuration part, run as PyInstaller would with only SPECPATH defined."""
    text = SPEC.read_text(encoding="utf-8")
    head = text[: text.index(BUILD_MARKER)]
    namespace: dict[str, Any] = {"SPECPATH": str(SPEC.parent)}
    exec(compile(head, str(SPEC), "exec"), namespace)
    return namespace


def test_the_whole_spec_parses_as_python() -> None:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    calls = {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    assert {"Analysis", "PYZ", "EXE", "COLLECT"} <= calls


def test_paths_come_from_specpath_not_the_working_directory(config: dict[str, Any]) -> None:
    assert config["ROOT"] == ROOT
    assert config["ENTRY_SCRIPT"] == LAUNCHER
    text = SPEC.read_text(encoding="utf-8")
    assert "os.getcwd" not in text
    assert "Path.cwd" not in text


def test_the_version_is_parapp_version(config: dict[str, Any]) -> None:
    assert config["VERSION"] == parapp.__version__
    assert config["read_version"](ROOT / "parapp" / "__init__.py") == parapp.__version__


def test_resources_and_migrations_are_bundled_as_data(config: dict[str, Any]) -> None:
    datas = dict(config["DATAS"])
    assert datas[str(ROOT / "resources")] == "resources"
    # database.py finds the scripts next to itself: the package path must be kept.
    assert datas[str(ROOT / "parapp" / "store" / "migrations")] == "parapp/store/migrations"
    modules = set(config["MIGRATION_MODULES"])
    for revision in (ROOT / "parapp" / "store" / "migrations" / "versions").glob("0*.py"):
        assert f"parapp.store.migrations.versions.{revision.stem}" in modules
    hidden = set(config["HIDDEN_IMPORTS"])
    assert {"alembic", "sqlalchemy.dialects.sqlite", "openpyxl", "PySide6.QtPdf"} <= hidden


def test_unused_qt_modules_are_excluded(config: dict[str, Any]) -> None:
    assert set(config["EXCLUDES"]) >= REQUIRED_QT_EXCLUDES
    assert "PySide6.QtPdf" not in config["EXCLUDES"]


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", True),
        # libQt6Pdf links libQt6Network: the library stays even though QtNetwork is excluded.
        ("PySide6/Qt/lib/libQt6Network.so.6", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt6Qml.dll", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/plugins/platforms/qvnc.dll", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/translations/qtbase_de.qm", False),
        ("resources/i18n/parapp_vi.qm", True),
    ],
)
def test_binary_pruning(config: dict[str, Any], dest: str, kept: bool) -> None:
    assert config["keep_binary"](dest) is kept


def test_bytecode_caches_are_not_shipped(config: dict[str, Any]) -> None:
    keep = config["keep_data"]
    assert keep("parapp/store/migrations/env.py")
    assert not keep("parapp/store/migrations/__pycache__/env.cpython-311.pyc")


def test_console_only_in_debug_builds() -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert "console=DEBUG" in text
    assert 'os.environ.get("PARAPP_BUNDLE_DEBUG", "") == "1"' in text
    assert "upx=False" in text
    assert 'name="parapp"' in text


def test_the_launcher_runs_the_self_test_before_the_cli() -> None:
    text = LAUNCHER.read_text(encoding="utf-8")
    assert text.index("run_self_test") < text.index("from parapp.__main__ import entry")
    ast.parse(text)


def test_build_script_judges_a_report() -> None:
    build = runpy.run_path(str(ROOT / "packaging" / "build_bundle.py"))
    ok = "\n".join(f"OK {check}: fine" for check in build["CHECKS"])
    stderr = "This plugin does not support propagateSizeHints()\n"
    assert build["check_report"](ok, 0, stderr) == []
    problems = build["check_report"]("FAIL qt: no window", 1, "Traceback: boom\n")
    assert "exit status 1" in problems
    assert "FAIL qt: no window" in problems
    assert "no 'OK imports:' line" in problems
    assert "unexpected stderr: Traceback: boom" in problems
