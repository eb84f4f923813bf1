"""Run every benchmark and end with one line per measure.

Run as ``uv run python tests/benchmarks/run_all.py [--quick]``. Each benchmark runs in its own
process (peak memory and cold start need fresh ones), its report is shown as it comes, and the
``RATIO <name> <ours/floor> <target>`` / ``VALUE <name> <number> <unit> <target>`` lines it ends
with are collected and printed together at the end, in the order of ``MEASURES``. A benchmark that
fails prints its error; its measures are reported as ``nan``. Not part of the test suite.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = (
    "bench_startup.py",
    "bench_merge.py",
    "bench_national.py",
    "bench_merged_province.py",
    "bench_results_export.py",
    "bench_exports.py",
    "bench_scoring.py",
)
MEASURES = (
    ("RATIO", "first_paint", "", "1.5"),
    ("RATIO", "ready_to_score", "", "4"),
    ("RATIO", "merge", "", "1.5"),
    ("VALUE", "national_rss", "MB", "400"),
    ("VALUE", "national_results", "s", "2"),
    ("RATIO", "results_export", "", "1.3"),
    ("RATIO", "member_sheets_export", "", "1.3"),
    ("VALUE", "edit_refresh", "ms", "5"),
)
NUMBER = r"(?:nan|inf|-?\d+(?:\.\d+)?)"
LINE = re.compile(
    rf"^(?:RATIO (?P<rname>\w+) (?P<ratio>{NUMBER}) (?P<rtarget>{NUMBER})"
    rf"|VALUE (?P<vname>\w+) (?P<value>{NUMBER}) (?P<unit>\w+) (?P<vtarget>{NUMBER}))$"
)


@dataclass(frozen=True)
class Measure:
    """One measure line: ``kind`` RATIO or VALUE, ``unit`` empty for a ratio."""

    kind: str
    name: str
    number: float
    unit: str
    target: float

    def line(self) -> str:
        """The line exactly as the benchmarks print it."""
        if self.kind == "RATIO":
            return f"RATIO {self.name} {self.number:.2f} {_target(self.target)}"
        return f"VALUE {self.name} {self.number:.2f} {self.unit} {_target(self.target)}"

    @property
    def met(self) -> bool:
        """Whether the number is within its target."""
        return self.number <= self.target


def _target(target: float) -> str:
    return f"{target:g}"


def parse_measures(text: str) -> dict[str, Measure]:
    """The RATIO/VALUE lines of a benchmark's output, by name (the last one wins)."""
    found: dict[str, Measure] = {}
    for raw in text.splitlines():
        match = LINE.match(raw.strip())
        if match is None:
            continue
        if match["rname"]:
            measure = Measure("RATIO", match["rname"], float(match["ratio"]), "",
                              float(match["rtarget"]))  # fmt: skip
        else:
            measure = Measure("VALUE", match["vname"], float(match["value"]), match["unit"],
                              float(match["vtarget"]))  # fmt: skip
        found[measure.name] = measure
    return found


def final_lines(found: dict[str, Measure]) -> list[str]:
    """One line per expected measure, in order; a missing one as ``nan``."""
    lines = []
    for kind, name, unit, target in MEASURES:
        measure = found.get(name) or Measure(kind, name, float("nan"), unit, float(target))
        lines.append(measure.line())
    return lines


def main(argv: list[str]) -> int:
    """Run each benchmark, echo its output, then print the collected measure lines."""
    quick = ["--quick"] if "--quick" in argv else []
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    found: dict[str, Measure] = {}
    for script in SCRIPTS:
        sys.stdout.write(f"== {script} {' '.join(quick)}\n")
        sys.stdout.flush()
        done = subprocess.run([sys.executable, str(HERE / script), *quick], env=env, check=False,
                              capture_output=True, text=True)  # fmt: skip
        sys.stdout.write(done.stdout)
        if done.returncode != 0:
            sys.stdout.write(f"!! {script} failed ({done.returncode}):\n{done.stderr[-2000:]}\n")
        found.update(parse_measures(done.stdout))
    sys.stdout.write("== measures\n" + "\n".join(final_lines(found)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
