"""Benchmark a merged province's round: 20 departments, 5 vertical agencies, 120 communes.

Run as ``uv run python tests/benchmarks/bench_merged_province.py [--quick] [--pdf]`` (``run_all.py``
runs it; informational lines only; ``--quick`` skips the workbook). Builds the round the demo
ships (``parapp.services.demo.merged_province``): one criteria set (PAR-TINH-HOPNHAT-2026),
145 units imported from ONE units workbook, survey/SIPAS points imported, three members' signed
score packages (every council item of every unit) verified and merged. Then times the results
(consolidation, index, class and rank in four ranking groups) and the workbook; with ``--pdf``
the signed-sheet PDF too (it draws 145 appendices). Prints one line per step and the groups.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from parapp.services import reports, results_checks
from parapp.services.context import open_round
from parapp.services.demo import pki as demo_pki
from parapp.services.demo.merged_province import build_merged_round

AT = dt.datetime(2026, 12, 18, 9, 0, tzinfo=dt.UTC)


def _write(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def measure(folder: Path, pdf: bool, workbook: bool = True) -> None:
    """Print each step's time and the groups' sizes."""
    pki = demo_pki.build_pki(folder)
    start = time.perf_counter()
    built = build_merged_round(folder, pki, lambda: AT)
    _write(
        f"build: {built.units} units from one workbook, {built.scores} scores in "
        f"{len(built.packages)} signed packages, imported and merged  "
        f"{time.perf_counter() - start:8.2f} s"
    )
    with open_round(built.path, clock=lambda: AT) as ctx:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            checked = results_checks.checked_results(ctx)
            times.append(time.perf_counter() - start)
        _write(f"results (all groups)  {sorted(times)[1]:8.2f} s (median of 3)")
        assert checked.results is not None
        assert checked.official
        sizes = Counter(o.unit.ranking_group for o in checked.results.outcomes)
        for code, label in checked.results.groups:
            _write(f"  {code}\t{label}\t{sizes[code]} units")
        if workbook:
            start = time.perf_counter()
            reports.export_results(
                ctx, xlsx=folder / "ket-qua.xlsx", pdf=None, place="Hồng Lam", date=AT.date()
            )
            _write(f"workbook              {time.perf_counter() - start:8.2f} s")
        if pdf:
            start = time.perf_counter()
            reports.export_results(
                ctx, xlsx=None, pdf=folder / "ket-qua.pdf", place="Hồng Lam", date=AT.date()
            )
            _write(f"PDF                   {time.perf_counter() - start:8.2f} s")


def main(argv: list[str]) -> int:
    """Run in a temporary folder."""
    with tempfile.TemporaryDirectory() as tmp:
        measure(Path(tmp), "--pdf" in argv, workbook="--quick" not in argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
