"""``parapp.selftest`` from the checkout: the same checks the frozen bundle runs (.ci/bundle)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from parapp import selftest

ROOT = Path(__file__).resolve().parent.parent
CHECKS = ("imports", "resources", "round", "pdf", "signing", "qt")


def run_in_subprocess(tmp_path: Path, code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter, offscreen, with HOME and XDG folders in tmp_path."""
    home = tmp_path / "home"
    home.mkdir()
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        TMPDIR=str(tmp_path),
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_self_test_passes_from_the_checkout(tmp_path: Path) -> None:
    done = run_in_subprocess(
        tmp_path,
        "import sys; from parapp.selftest import run_self_test; sys.exit(run_self_test('en'))",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    for check in CHECKS:
        assert any(line.startswith(f"OK {check}:") for line in lines), done.stdout
    assert not [line for line in lines if line.startswith("FAIL")]
    assert lines[-1] == "self-test passed"
    assert "from source" in lines[0]
    rendered = next(line for line in lines if line.startswith("OK pdf:"))
    assert "self-test.pdf and self-test.docx rendered" in rendered  # the Word minutes too
    signing = next(line for line in lines if line.startswith("OK signing:"))
    assert "validated" in signing
    # Everything happened in the temporary folder, which is gone again; the home stayed empty.
    assert not [p for p in (tmp_path / "home").rglob("*") if p.is_file()]
    assert not list(tmp_path.glob("parapp-selftest-*"))


def test_the_report_is_in_vietnamese_by_default(tmp_path: Path) -> None:
    done = run_in_subprocess(
        tmp_path, "import sys; from parapp.selftest import run_self_test; sys.exit(run_self_test())"
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Tự kiểm tra parapp ")
    assert "chạy từ mã nguồn" in lines[0]
    for name in selftest.CHECK_NAMES.values():
        assert any(line.startswith(f"ĐẠT {name.vi}: ") for line in lines), done.stdout
    assert not [line for line in lines if line.startswith(("OK ", "FAIL ", "LỖI "))]
    assert any("mô-đun parapp" in line for line in lines)
    assert any("giây]" in line for line in lines)
    assert lines[-1] == "Tự kiểm tra: mọi mục đều đạt."


def test_every_parapp_module_is_imported(tmp_path: Path) -> None:
    done = run_in_subprocess(
        tmp_path, "from parapp.selftest import check_imports; print(check_imports().en)"
    )
    assert done.returncode == 0, done.stderr
    files = [p for p in (ROOT / "parapp").rglob("*.py") if "__pycache__" not in p.parts]
    # Alembic's env.py is the one module that must not be imported outside a migration.
    assert done.stdout.strip() == f"{len(files) - 1} parapp modules imported"


def test_a_bundle_without_resources_fails_with_located_reasons(tmp_path: Path) -> None:
    # A real broken layout: a "bundle" folder with nothing in it, as a spec missing its datas
    # would produce. parapp.paths then resolves every resource below it.
    empty = tmp_path / "empty-bundle"
    empty.mkdir()
    done = run_in_subprocess(
        tmp_path,
        f"import sys; sys._MEIPASS = {str(empty)!r}\n"
        "from parapp.selftest import run_self_test; sys.exit(run_self_test('en'))",
    )
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert any(line.startswith("OK imports:") for line in lines)
    resources = next(line for line in lines if line.startswith("FAIL resources:"))
    assert str(empty / "resources" / "criteria") in resources
    assert any(line.startswith("FAIL round:") for line in lines)
    assert any(line.startswith("  | Traceback") for line in lines)
    assert lines[-1].startswith("self-test FAILED")


def test_a_failing_check_is_reported_in_vietnamese(tmp_path: Path) -> None:
    empty = tmp_path / "empty-bundle"
    empty.mkdir()
    done = run_in_subprocess(
        tmp_path,
        f"import sys; sys._MEIPASS = {str(empty)!r}\n"
        "from parapp.selftest import run_self_test; sys.exit(run_self_test())",
    )
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    failed = [line for line in lines if line.startswith("LỖI ")]
    resources = next(line for line in failed if line.startswith("LỖI Tài nguyên: "))
    assert f"không có bộ tiêu chí nào trong {empty / 'resources' / 'criteria'}" in resources
    assert len(failed) >= 2
    for line in failed:  # the sentence is Vietnamese; the English details follow, indented
        assert "Error" not in line, line
        assert "Traceback" not in line, line
    assert any(line.startswith("  | Traceback") for line in lines)
    assert lines[-1].startswith("Tự kiểm tra: ")


def test_the_network_guard_refuses_other_hosts_but_not_loopback(tmp_path: Path) -> None:
    code = (
        "import socket\n"
        "from parapp import selftest\n"
        "selftest._install_network_guard()\n"
        "server = socket.create_server(('127.0.0.1', 0))\n"
        "socket.create_connection(server.getsockname(), timeout=5).close()\n"
        "print('loopback allowed')\n"
        "for attempt in (\n"
        "    lambda: socket.getaddrinfo('example.org', 443),\n"
        "    lambda: socket.socket().connect(('192.0.2.1', 80)),\n"
        "):\n"
        "    try:\n"
        "        attempt()\n"
        "    except selftest.NetworkRefusedError as exc:\n"
        "        print('refused:', exc)\n"
    )
    done = run_in_subprocess(tmp_path, code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "loopback allowed",
        "refused: network lookup of 'example.org' during the self-test",
        "refused: network connection to '192.0.2.1' during the self-test",
    ]


def test_report_goes_to_a_file_without_stdout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = tmp_path / "report.txt"
    monkeypatch.setenv(selftest.REPORT_ENV, str(report))
    monkeypatch.setattr(sys, "stdout", None)  # as in a windowed Windows build
    with selftest._report(None) as stream:
        stream.write("OK line\n")
    assert report.read_text(encoding="utf-8") == "OK line\n"
