"""Build the one-folder bundle from this checkout, then run its frozen self-test.

Fails on a build error, a self-test exit status other than 0, a missing "OK" line, a parapp
module the bundle could not import, or unexpected stderr output. Prints build time and size.

Usage: ``uv run python packaging/build_bundle.py [--skip-build] [--timeout SECONDS]``.
Output: ``build/dist/parapp/`` (work files in ``build/work/``).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "parapp.spec"
DIST = ROOT / "build" / "dist"
WORK = ROOT / "build" / "work"
BUNDLE = DIST / "parapp"
CHECKS = ("imports", "resources", "round", "pdf", "signing", "qt")
"""The self-test's checks, each of which must print an "OK" line."""
ALLOWED_STDERR = (
    # The offscreen platform has no window manager to pass size constraints to.
    re.compile(r"^This plugin does not support propagateSizeHints\(\)$"),
)
SKIPPED_MODULES = 1
"""parapp.store.migrations.env, which only Alembic may import (see parapp.selftest)."""


def executable() -> Path:
    """The bundle's program."""
    return BUNDLE / ("parapp.exe" if os.name == "nt" else "parapp")


def folder_size(folder: Path) -> int:
    """Bytes of every file below ``folder`` (symbolic links not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def expected_module_count() -> int:
    """parapp modules in the checkout: every ``.py`` file, packages by their ``__init__``."""
    files = [p for p in (ROOT / "parapp").rglob("*.py") if "__pycache__" not in p.parts]
    return len(files) - SKIPPED_MODULES


def build() -> float:
    """Run PyInstaller on the spec; returns the seconds it took."""
    started = time.perf_counter()
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        str(SPEC),
    ]
    subprocess.run(command, cwd=ROOT, check=True)
    return time.perf_counter() - started


def unexpected_stderr(text: str) -> list[str]:
    """The stderr lines no pattern of ``ALLOWED_STDERR`` accepts."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [line for line in lines if not any(p.match(line) for p in ALLOWED_STDERR)]


def self_test(timeout: float) -> list[str]:
    """Run ``parapp --self-test`` offscreen from an empty folder; returns the problems found."""
    program = executable()
    if not program.is_file():
        return [f"{program} does not exist"]
    with tempfile.TemporaryDirectory(prefix="parapp-bundle-") as tmp:
        report = Path(tmp) / "report.txt"
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PARAPP_SELFTEST_REPORT=str(report))
        # An empty working folder: nothing may resolve against the checkout.
        cwd = Path(tmp) / "cwd"
        cwd.mkdir()
        started = time.perf_counter()
        try:
            done = subprocess.run(
                [str(program), "--self-test", "--lang", "en"],  # English: the OK/FAIL lines
                cwd=cwd,
                env=env,
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return [f"the self-test did not finish within {timeout:.0f} s"]
        seconds = time.perf_counter() - started
        # A windowed Windows build has no stdout; the self-test then writes the report file.
        stdout = done.stdout or (report.read_text(encoding="utf-8") if report.exists() else "")
    print(stdout.rstrip())
    if done.stderr.strip():
        print("stderr:", done.stderr.rstrip(), sep="\n")
    print(f"self-test: exit status {done.returncode} after {seconds:.1f} s")
    return check_report(stdout, done.returncode, done.stderr)


def check_report(stdout: str, returncode: int, stderr: str) -> list[str]:
    """What is wrong with a self-test run, judged from its output."""
    problems = [f"exit status {returncode}"] if returncode != 0 else []
    lines = stdout.splitlines()
    for check in CHECKS:
        if not any(line.startswith(f"OK {check}:") for line in lines):
            problems.append(f"no 'OK {check}:' line")
    problems += [line for line in lines if line.startswith("FAIL ")]
    imported = next((line for line in lines if line.startswith("OK imports:")), "")
    found = re.search(r"(\d+) parapp modules", imported)
    expected = expected_module_count()
    if found is not None and int(found.group(1)) != expected:
        problems.append(
            f"the bundle imported {found.group(1)} parapp modules, checkout has {expected}"
        )
    problems += [f"unexpected stderr: {line}" for line in unexpected_stderr(stderr)]
    return problems


def main(argv: list[str] | None = None) -> int:
    """Build (unless ``--skip-build``), self-test, report; 0 when everything passed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="test the existing bundle")
    parser.add_argument("--timeout", type=float, default=120.0, help="self-test limit (s)")
    args = parser.parse_args(argv)
    if not args.skip_build:
        seconds = build()
        print(f"build: {seconds:.0f} s")
    size = folder_size(BUNDLE) if BUNDLE.is_dir() else 0
    print(f"bundle: {BUNDLE} ({size / 1_000_000:.0f} MB)")
    problems = self_test(args.timeout)
    for problem in problems:
        print(f"PROBLEM: {problem}", file=sys.stderr)
    print("bundle OK" if not problems else f"bundle FAILED ({len(problems)} problems)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
