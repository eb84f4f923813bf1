"""Start to ready on a member's appraisal round-2 workspace, against a bare Qt window.

Run as ``uv run python tests/benchmarks/bench_ready_round2.py [--quick] [--against REV]``. Builds
the demo with its whole year once, then times ``parapp <workspace> --screenshot`` on a member's
round-2 workspace (``round2/workspaces``) and, as a control, on a round-1 workspace
(``workspaces``), alternately with the bare window of ``bench_startup.py``, offscreen at
1366x768; medians of several runs, measured from just before each process is spawned.
Informational: it prints no RATIO line and is not one of ``run_all.py``'s measures.

``--against REV`` also times the application as it was at git revision ``REV`` (its ``parapp``
and ``resources`` extracted with ``git archive``, run with the same interpreter and the same
files) in the same rounds: a before/after in the same minute.
"""

from __future__ import annotations

import io
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tests.benchmarks.bench_startup import BARE, MARKS_ENV  # noqa: E402 - the checkout's


def _run(command: list[str], env: dict[str, str], marks: Path, cwd: Path) -> dict[str, float]:
    marks.unlink(missing_ok=True)
    start = time.time()
    subprocess.run(command, env=env, check=True, capture_output=True, cwd=cwd)
    found = {"exit": time.time() - start}
    for line in marks.read_text(encoding="utf-8").splitlines():
        name, when = line.split()
        found.setdefault(name, float(when) - start)
    return found


def _extract(revision: str, into: Path) -> Path:
    """``parapp`` and ``resources`` as they were at ``revision``, under ``into``."""
    archive = subprocess.run(
        ["git", "archive", revision, "parapp", "resources"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def main(argv: list[str]) -> int:
    """Time each program alternately; print the medians."""
    runs = 3 if "--quick" in argv else 7
    against = argv[argv.index("--against") + 1] if "--against" in argv else None
    from parapp.services.demo.year import build_demo

    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        marks = base / "marks.txt"
        demo = base / "demo"
        build_demo(demo, submissions=True)
        round_2 = sorted((demo / "round2" / "workspaces").glob("*.parround"))[0]
        round_1 = sorted((demo / "workspaces").glob("*.parround"))[0]
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_DATA_HOME": str(base / "data"),
            "XDG_CONFIG_HOME": str(base / "config"),
            "XDG_STATE_HOME": str(base / "state"),
            MARKS_ENV: str(marks),
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # installed programs run from bytecode
        trees = {"now": ROOT}
        if against is not None:
            trees[against] = _extract(against, base / "before")
        shot = str(base / "shot.png")
        programs: dict[str, tuple[list[str], dict[str, str]]] = {
            "bare": ([sys.executable, "-c", BARE, shot], env)
        }
        for tree_name, tree in trees.items():
            tree_env = {**env, "PYTHONPATH": str(tree)}
            for label, path in (("round 2", round_2), ("round 1", round_1)):
                command = [sys.executable, "-m", "parapp", str(path), "--screenshot", shot]
                programs[f"{label} @{tree_name}"] = (command, tree_env)
        cwd = base / "cwd"  # not the checkout: ``-m`` puts the working folder first on the path
        cwd.mkdir()
        for command, program_env in programs.values():  # compile bytecode, open each once
            _run(command, program_env, marks, cwd)
        samples: dict[str, list[dict[str, float]]] = {name: [] for name in programs}
        for _ in range(runs):
            for name, (command, program_env) in programs.items():
                samples[name].append(_run(command, program_env, marks, cwd))
        shutil.rmtree(cwd)

    def med(name: str, key: str) -> float:
        return statistics.median(s[key] for s in samples[name])

    bare = med("bare", "ready")
    out = sys.stdout
    out.write(f"medians of {runs} (ms)        first_paint      ready   ready/bare\n")
    for name in programs:
        ready = med(name, "ready")
        out.write(
            f"  {name:<24} {med(name, 'first_paint') * 1000:9.0f} {ready * 1000:10.0f}"
            f" {ready / bare:10.2f}\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
