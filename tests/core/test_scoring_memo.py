"""The round scorer gives exactly what ``score_unit`` gives, unit after unit with one scorer:
the same totals (the same Decimal texts), findings (with each unit's id), index and counts,
whether entries are shared objects, equal numbers written differently or new each time."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parapp.core import scoring_memo
from parapp.core.criteria_codec import from_dict
from parapp.core.errors import ValidationError
from parapp.core.scoring import LeafEntry, UnitResult, score_unit
from parapp.core.scoring_memo import RoundScorer
from tests.core.core_samples import mini_data

D = Decimal
MINI = from_dict(mini_data(), "mini.json")
LEAVES = [leaf.code for leaf in MINI.leaves()]
VALUES = st.sampled_from(["0", "0.5", "1", "1.0", "1.50", "2", "3", "-1", "-2.5", "0.33", "20"])
FIGURES = st.sampled_from(["95", "80", "50", "95.0", "100"])
ENTRY = st.builds(
    lambda self_score, appraised, figure, na, comment, evidence: LeafEntry(
        self_score=None if self_score is None else D(self_score),
        appraised=None if appraised is None else D(appraised),
        figure=None if figure is None else D(figure),
        not_applicable=na,
        comment=comment,
        evidence=evidence,
    ),
    st.none() | VALUES,
    st.none() | VALUES,
    st.none() | FIGURES,
    st.booleans(),
    st.sampled_from(["", "ghi chú", "  "]),
    st.sampled_from([(), ("kh.pdf",), (" ",)]),
)
UNIT = st.tuples(
    st.sampled_from(["so", "so-khong-tthc", None]), st.dictionaries(st.sampled_from(LEAVES), ENTRY)
)


def _same(got: UnitResult, expected: UnitResult) -> None:
    assert got == expected
    assert [(str(t.achieved), str(t.maximum), str(t.self_total)) for t in got.totals.values()] == [
        (str(t.achieved), str(t.maximum), str(t.self_total)) for t in expected.totals.values()
    ]
    assert list(got.totals) == list(expected.totals)
    assert [str(v) for v in (got.achieved, got.bonus, got.penalty, got.index)] == [
        str(v) for v in (expected.achieved, expected.bonus, expected.penalty, expected.index)
    ]
    assert list(got.components.items()) == list(expected.components.items())


@settings(max_examples=120, deadline=None)
@given(st.lists(UNIT, min_size=1, max_size=8))
def test_unit_after_unit_the_scorer_gives_what_score_unit_gives(
    units: list[tuple[str | None, dict[str, LeafEntry]]],
) -> None:
    scorer = RoundScorer(MINI)
    for _twice in range(2):  # the second time every entry is known by identity
        for n, (unit_type, entries) in enumerate(units):
            _same(
                scorer.score(f"U{n}", unit_type, entries),
                score_unit(MINI, f"U{n}", unit_type, entries),
            )


def test_equal_numbers_written_differently_keep_their_own_text() -> None:
    scorer = RoundScorer(MINI)
    for text in ("1", "1.0", "1.00", "1", "0.5", "0.50"):
        entries = {
            "1.1.1": LeafEntry(appraised=D(text), self_score=D(text)),
            "9.1": LeafEntry(appraised=D(text)),
        }
        got = scorer.score("A", "so", entries)
        _same(got, score_unit(MINI, "A", "so", entries))
        assert str(got.totals["1.1.1"].achieved) == text
        assert str(got.totals["1"].achieved) == text


def test_findings_carry_each_units_id() -> None:
    scorer = RoundScorer(MINI)
    shared = {"1.1.1": LeafEntry(appraised=D("0.7")), "10.1": LeafEntry(appraised=D("-2")),
              "10.2": LeafEntry(appraised=D("-2"))}  # fmt: skip
    for unit in ("A", "B"):
        got = scorer.score(unit, "so", shared)
        assert got.findings
        assert {x.unit for x in got.findings} == {unit}
        _same(got, score_unit(MINI, unit, "so", shared))


def test_entries_remembered_by_identity_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scoring_memo, "MAX_ENTRIES", 5)
    scorer = RoundScorer(MINI)
    for n in range(12):
        entries = {code: LeafEntry(appraised=D(n % 3)) for code in ("1.1.2", "1.1.3")}
        _same(scorer.score("A", "so", entries), score_unit(MINI, "A", "so", entries))
        assert scorer._remembered <= 5


def test_refusals_are_those_of_score_unit() -> None:
    scorer = RoundScorer(MINI)
    for bad in ("sNaN", "NaN"):
        with pytest.raises(InvalidOperation):
            scorer.score("A", "so", {"1.1.1": LeafEntry(appraised=D(bad))})
    with pytest.raises(ValidationError):
        scorer.score("A", "so", {"1": LeafEntry(appraised=D(1))})
    with pytest.raises(ValidationError):
        scorer.score("A", "xa", {})
    entries = {"1.1.1": LeafEntry(appraised=D(1))}
    _same(scorer.score("A", "so", entries), score_unit(MINI, "A", "so", entries))
