"""The results pass reads each member's latest score per item straight from the driver: the same
scores as the merged rows read one by one (round 2 over round 1, N/A, empty values, comments),
and the consolidated items agree with consolidating those rows directly. The results' own path
(``score_results``: shared entries, the engine's work shared among equal values) gives what the
straightforward path gives, unit by unit, under every rule."""

from __future__ import annotations

import gc
import sys
from decimal import Decimal
from pathlib import Path

from parapp.core.consolidation import MemberScore, consolidate
from parapp.core.criteria import Assessor
from parapp.core.errors import Location
from parapp.core.rounds import EvidenceRef, Phase, SelfAssessment
from parapp.services import criteria_sets, results, results_pass, rounds
from parapp.services.components import ComponentInput, store_components
from parapp.services.context import open_round
from parapp.store import merged_reads
from parapp.store import self_assessments as self_store
from parapp.store import submissions as merge_store
from parapp.store.submissions import MergedScore
from tests.services import results_world
from tests.services.merge_world import NOW, clock


def _round(path: Path) -> list[str]:
    cs = criteria_sets.find_bundled("PAR-SO-2026")
    codes = [
        leaf.code
        for leaf in cs.leaves()
        if leaf.assessor is Assessor.COUNCIL and leaf.applies("so")
    ][:6]
    ctx = rounds.create_round(path, cs, "Pass", clock=clock, actor="t")
    rounds.add_units(ctx, [(f"U{i}", f"Đơn vị {i}", "so") for i in range(4)])
    for m in range(3):
        rounds.add_member(ctx, f"m{m}", f"Thành viên {m}", "Ủy viên")
    rounds.advance_phase(ctx, Phase.ROUND_1)
    rows = []
    for u in range(3):  # U3 has no scores at all
        for n, code in enumerate(codes):
            for m in range(3):
                if (u + n + m) % 5 == 0:
                    continue  # missing score
                na = (u * n + m) % 7 == 3
                value = None if na or (n + m) % 6 == 5 else Decimal((u + m) % 3) / 2
                comment = " chú thích " if (m + n) % 4 == 1 else ""
                rows.append(
                    MergedScore(
                        f"U{u}", code, f"m{m}", 1, value, comment, na, NOW.isoformat(), None
                    )
                )
                if (u + m) % 3 == 1:  # a round-2 score overrides the member's round-1 score
                    rows.append(
                        MergedScore(
                            f"U{u}", code, f"m{m}", 2, Decimal("0.25"), "v2", False,
                            NOW.isoformat(), None,
                        )
                    )  # fmt: skip
    with ctx.db.transaction() as s:
        merge_store.insert_merged(s, rows)
    ctx.close()
    return codes


def test_latest_scores_and_items_equal_the_rows_read_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "r.parround"
    _round(path)
    with open_round(path) as ctx:
        with ctx.db.transaction() as s:
            expected: dict[str, dict[str, dict[str, MergedScore]]] = {}
            for row in merge_store.stream_merged(s):
                by_member = expected.setdefault(row.unit_id, {}).setdefault(row.node_code, {})
                if row.member_id not in by_member or (
                    by_member[row.member_id].appraisal_round < row.appraisal_round
                ):
                    by_member[row.member_id] = row
            got = dict(merged_reads.stream_latest(s))
        assert set(got) == {"U0", "U1", "U2"}
        for unit, items in expected.items():
            assert set(got[unit]) == set(items)
            for code, by_member in items.items():
                votes, comments = got[unit][code]
                assert [(m, None if v is None else Decimal(v), bool(na)) for m, v, na in votes] == [
                    (m, r.value, r.not_applicable) for m, r in by_member.items()
                ]
                assert list(comments) == [r.comment for r in by_member.values()]
        settled = results.consolidation(ctx)
        rule, threshold = settled.settings.rule, settled.settings.threshold
        for unit, unit_items in settled.items.items():
            for item in unit_items:
                by_member = expected.get(unit, {}).get(item.node_code, {})
                direct = tuple(
                    MemberScore(m, r.value, r.not_applicable) for m, r in sorted(by_member.items())
                )
                assert item.scores == direct
                assert item.consolidated == consolidate(direct, rule, threshold)
        assert set(settled.results) == {"U0", "U1", "U2", "U3"}
        given = [s for items in settled.items.values() for i in items for s in i.scores]
        assert any(s.not_applicable for s in given)
        assert any(s.value is None for s in given)
        assert {s.value for s in given} >= {Decimal("0.25"), Decimal(0), Decimal(1)}


def test_the_results_path_gives_what_the_straightforward_path_gives(tmp_path: Path) -> None:
    path = tmp_path / "r.parround"
    codes = _round(path)
    cs = criteria_sets.find_bundled("PAR-SO-2026")
    survey = next(
        leaf.code
        for leaf in cs.leaves()
        if leaf.assessor is Assessor.SURVEY and leaf.applies("so")
    )  # fmt: skip
    with open_round(path) as ctx:
        with ctx.db.transaction() as s:
            cited = (EvidenceRef("a.pdf"),)
            self_store.replace(
                s,
                "U1",
                {
                    codes[0]: SelfAssessment(codes[0], None, Decimal("0.5"), "", ()),
                    codes[1]: SelfAssessment(codes[1], None, Decimal(1), "", cited),
                },
            )
        store_components(
            ctx,
            [ComponentInput("U2", survey, None, Decimal("1.5"), Location(file="s.xlsx"))],
            source="s.xlsx",
            source_sha256="0" * 64,
        )
        results.resolve(ctx, "U0", codes[2], "0,5", "Hội đồng thống nhất")
        results.resolve(ctx, "U2", codes[3], "N/A", "Không áp dụng")
        seen: set[object] = set()
        for rule in ("mean", "median", "single", "must_agree"):
            results.set_settings(ctx, rule, "0,25")
            with results_pass.reading(ctx) as (rnd, units):
                for data in units:
                    items, expected, complete = results_pass.score(rnd, data)
                    got = results_pass.score_results(rnd, data)
                    assert got.result == expected
                    assert [str(t.achieved) for t in got.result.totals.values()] == [
                        str(t.achieved) for t in expected.totals.values()
                    ]
                    assert got.complete == complete
                    assert got.appraised == (
                        bool(data.components)
                        or any(
                            i.consolidated.value is not None or i.consolidated.not_applicable
                            for i in items
                        )
                    )
                    assert [
                        (leaf.code, given, decided, stored)
                        for leaf, (given, decided, _plain), stored in got.settled
                    ] == [(i.node_code, i.scores, i.consolidated, i.resolution) for i in items]
                    seen |= {i.consolidated.status for i in items}
                    seen.add((bool(data.selfs), bool(data.components), got.complete))
    assert {(True, False, False), (False, True, False)} <= seen
    assert {"ok", "empty", "resolved", "conflict", "disagreement"} <= {str(x) for x in seen}


def test_a_reader_that_stops_early_closes_its_streams_in_time(tmp_path: Path) -> None:
    """An error or a cancel after the first unit must not leave cursors for the collector to
    close after the connection is gone ("Exception ignored ... closed database")."""
    ctx = results_world.opened(results_world.build_round(tmp_path / "r.parround"))
    unraisable: list[object] = []
    previous = sys.unraisablehook
    sys.unraisablehook = unraisable.append
    try:
        with results_pass.reading(ctx) as (_head, units):
            assert next(units).unit.id
        ctx.close()
        gc.collect()
    finally:
        sys.unraisablehook = previous
    assert unraisable == []
