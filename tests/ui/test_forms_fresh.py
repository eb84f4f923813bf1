"""The committed ``parapp/ui/forms/ui_*.py`` are what pyside6-uic makes of ``forms/*.ui`` today."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORMS = sorted((ROOT / "forms").glob("*.ui"))


def _body(path: Path) -> list[str]:
    """The generated code without uic's leading comment header (it names the uic version)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(
        (i for i, line in enumerate(lines) if line.strip() and not line.startswith("#")), 0
    )
    return lines[start:]


def test_every_form_has_a_sibling_module() -> None:
    assert FORMS, "forms/ holds no .ui file"
    generated = {p.name for p in (ROOT / "parapp" / "ui" / "forms").glob("ui_*.py")}
    assert generated == {f"ui_{form.stem}.py" for form in FORMS}


@pytest.fixture(scope="module")
def recompiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out_dir = tmp_path_factory.mktemp("forms")
    subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "compile_forms.py"), "--out-dir", str(out_dir)],
        check=True,
        capture_output=True,
    )
    return out_dir


@pytest.mark.parametrize("form", FORMS, ids=[f.name for f in FORMS])
def test_generated_form_is_fresh(form: Path, recompiled: Path) -> None:
    name = f"ui_{form.stem}.py"
    committed = ROOT / "parapp" / "ui" / "forms" / name
    assert _body(recompiled / name) == _body(committed), (
        f"{committed.relative_to(ROOT)} is stale: run `uv run python packaging/compile_forms.py`"
    )


@pytest.mark.parametrize("form", FORMS, ids=[f.name for f in FORMS])
def test_form_class_is_named_after_the_file(form: Path) -> None:
    camel = "".join(part.capitalize() for part in form.stem.split("_"))
    text = (ROOT / "parapp" / "ui" / "forms" / f"ui_{form.stem}.py").read_text(encoding="utf-8")
    assert f"class Ui_{camel}(object):" in text


def _load_packaging(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_vietnamese_translation_is_complete_and_compiled(tmp_path: Path) -> None:
    tools = _load_packaging("update_translations")
    committed_ts = ROOT / "resources" / "i18n" / "parapp_vi.ts"
    fresh_ts = tmp_path / "parapp_vi.ts"
    shutil.copy(committed_ts, fresh_ts)
    tools.update(fresh_ts, "vi")
    assert tools.unfinished(fresh_ts) == [], "translate them in parapp_vi.ts"
    assert fresh_ts.read_bytes() == committed_ts.read_bytes(), (
        "parapp_vi.ts is stale: run `uv run python packaging/update_translations.py`"
    )
    fresh_qm = tools.release(fresh_ts)
    assert fresh_qm.read_bytes() == committed_ts.with_suffix(".qm").read_bytes()
