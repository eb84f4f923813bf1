"""Units without any final score are neither ranked nor counted in their group's size; they follow
the ranked units of their group."""

from __future__ import annotations

from parapp.core.results import build_results
from tests.core.test_results import RESULTS, SET, UNITS


def test_unappraised_units_are_unranked_and_follow_the_ranked_ones() -> None:
    appraised = {"A": False, "B": True, "C": True, "H": False}
    results = build_results(SET, UNITS, RESULTS, appraised=appraised)
    assert [(o.unit.id, o.rank, o.group_size, o.appraised) for o in results.outcomes] == [
        ("H", 0, 0, False),
        ("B", 1, 2, True),  # competition ranking among B (90 %) and C (80 %) only
        ("C", 2, 2, True),
        ("A", 0, 2, False),
        ("X", 0, 0, False),  # missing from the mapping: not appraised
    ]


def test_without_the_mapping_every_unit_is_appraised() -> None:
    assert all(o.appraised for o in build_results(SET, UNITS, RESULTS).outcomes)
