"""Smoke test of the benchmark runner's parser (the benchmarks themselves are not tests)."""

from __future__ import annotations

import math

from tests.benchmarks.run_all import MEASURES, final_lines, parse_measures

OUTPUT = """first start (builds the demo):  2000 ms
RATIO first_paint 1.21 1.5
noise RATIO merge 9 9
RATIO ready_to_score 3.50 4
VALUE national_rss 312 MB 400
VALUE edit_refresh 4.10 ms 5
"""


def test_parses_its_own_lines_and_reports_every_measure_in_order() -> None:
    found = parse_measures(OUTPUT)
    assert sorted(found) == ["edit_refresh", "first_paint", "national_rss", "ready_to_score"]
    assert found["national_rss"].unit == "MB"
    assert found["national_rss"].met
    lines = final_lines(found)
    assert [line.split()[1] for line in lines] == [name for _, name, _, _ in MEASURES]
    assert lines[0] == "RATIO first_paint 1.21 1.5"
    assert lines[3] == "VALUE national_rss 312.00 MB 400"
    assert lines[2] == "RATIO merge nan 1.5"  # not measured: said so, never dropped
    assert math.isnan(parse_measures(lines[2])["merge"].number)
    assert parse_measures("\n".join(lines)).keys() == {name for _, name, _, _ in MEASURES}
