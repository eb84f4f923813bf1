"""Round results for the io tests, built from the bundled department set without a database.

Two ranking groups (the set's own and an added "Cơ quan ngành dọc"), a tie in the first group,
an incomplete unit, a not-applicable area, a comparison with last year, and hostile texts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from decimal import Decimal

from parapp.core.criteria import Assessor, CriteriaSet, RankingGroup, Role
from parapp.core.results import RoundResults, build_results
from parapp.core.rounds import Member, MemberRole, Unit
from parapp.core.scoring import LeafEntry, score_unit
from parapp.io.sheets.council_report import (
    AuditRow,
    ProvenanceRow,
    ResultsReport,
    council_signers,
)
from parapp.io.sheets.member_sheet import Heading
from tests.io.score_sheet_data import department_set

HOSTILE = "=cmd|' /C calc'!A0"
HEADING = Heading(
    parent_body="UBND tỉnh Thái Nguyên",
    body="Hội đồng thẩm định Chỉ số CCHC",
    place="Thái Nguyên",
    date=dt.date(2027, 1, 8),
)
MEMBERS = [
    Member("CT", "Trịnh Việt Hùng", "Phó Chủ tịch UBND tỉnh", MemberRole.CHAIR, 1),
    Member("UV-01", "Lê Văn Thành", "Giám đốc Sở Tư pháp", MemberRole.MEMBER, 2),
    Member("TK", "Nguyễn Thị Thu Hà", "Trưởng phòng CCHC", MemberRole.SECRETARY, 3),
]
UNITS = [
    Unit("SCT", unicodedata.normalize("NFD", "Sở Công Thương"), "so", "so-ban-nganh", 1),
    Unit("STP", "Sở Tư pháp", "so", "so-ban-nganh", 2),
    Unit("SNV", "Sở Nội vụ", "so", "so-ban-nganh", 3),
    Unit("SXD", "Sở Xây dựng", "so", "so-ban-nganh", 4),
    Unit("BDT", "Ban Dân tộc", "so-khong-tthc", "nganh-doc", 5),
    Unit("KBN", "Kho bạc Nhà nước tỉnh", "so-khong-tthc", "nganh-doc", 6),
]
DROPS = {
    "SCT": Decimal("0.25"),
    "STP": Decimal("0.25"),  # the same scores as SCT: a tie, ranks 1, 1
    "SNV": Decimal("0.5"),
    "SXD": Decimal("1"),
    "BDT": Decimal("0.5"),
    "KBN": Decimal("0.25"),
}
INCOMPLETE = "KBN"
"""Its last council leaf has no consolidated score."""


def results_set() -> CriteriaSet:
    """The department set with a second ranking group for units without procedures."""
    base = department_set()
    return dataclasses.replace(
        base,
        ranking_groups=(
            RankingGroup("so-ban-nganh", "Sở, ban, ngành tỉnh", frozenset({"so"})),
            RankingGroup("nganh-doc", "Cơ quan ngành dọc", frozenset({"so-khong-tthc"})),
        ),
    )


def unit_entries(criteria_set: CriteriaSet, unit: Unit) -> dict[str, LeafEntry]:
    """Self-scores at the maximum; every third council leaf appraised ``DROPS`` lower; survey
    at 90 % (SXD: 60 %, so it falls a class); bonuses on every other bonus leaf; no penalty."""
    drop = DROPS[unit.id]
    out: dict[str, LeafEntry] = {}
    leaves = list(criteria_set.leaves())
    for number, leaf in enumerate(leaves):
        top = leaf.max_for(unit.unit_type)
        if leaf.role is Role.PENALTY:
            out[leaf.code] = LeafEntry(appraised=Decimal(0))
        elif leaf.role is Role.BONUS:
            out[leaf.code] = LeafEntry(self_score=top, appraised=top if number % 2 else Decimal(0))
        elif leaf.assessor is not Assessor.COUNCIL:
            share = Decimal("0.6") if unit.id == "SXD" else Decimal("0.9")
            out[leaf.code] = LeafEntry(appraised=(top * share).quantize(Decimal("0.01")))
        elif number % 3 == 0 and top >= drop:
            out[leaf.code] = LeafEntry(self_score=top, appraised=top - drop, comment="Thiếu TLKC.")
        else:
            out[leaf.code] = LeafEntry(self_score=top, appraised=top)
    if unit.id == INCOMPLETE:
        last = next(
            leaf.code
            for leaf in reversed(leaves)
            if leaf.assessor is Assessor.COUNCIL and leaf.role is Role.NORMAL
        )
        out[last] = LeafEntry(self_score=out[last].self_score)
    return {
        code: entry for code, entry in out.items() if _applies(criteria_set, code, unit.unit_type)
    }


def _applies(criteria_set: CriteriaSet, code: str, unit_type: str) -> bool:
    current: str | None = code
    while current is not None:
        node = criteria_set.node(current)
        if not node.applies(unit_type):
            return False
        current = node.parent_code
    return True


def all_entries(criteria_set: CriteriaSet) -> dict[str, dict[str, LeafEntry]]:
    """Every unit's entries."""
    return {unit.id: unit_entries(criteria_set, unit) for unit in UNITS}


def round_results(previous: bool = False) -> RoundResults:
    """The round's results; with ``previous``, last year's area points (SCT 1 point lower in
    area 1, every other area equal; BDT without area 2 last year)."""
    criteria_set = results_set()
    entries = all_entries(criteria_set)
    results = {
        unit.id: score_unit(criteria_set, unit.id, unit.unit_type, entries[unit.id])
        for unit in UNITS
    }
    complete = {unit.id: unit.id != INCOMPLETE for unit in UNITS}
    before: dict[str, dict[str, Decimal]] = {}
    if previous:
        for unit in UNITS:
            points = {
                area.code: results[unit.id].totals[area.code].achieved
                for area in criteria_set.nodes
                if area.role is Role.NORMAL and results[unit.id].totals[area.code].applicable
            }
            if unit.id == "SCT":
                points["1"] -= 1
            if unit.id == "BDT":
                points.pop("2")
            before[unit.id] = points
    return build_results(criteria_set, UNITS, results, complete, before or None)


def report(previous: bool = False) -> ResultsReport:
    """The full report: results, self-scores, notes, provenance and audit rows."""
    results = round_results(previous)
    criteria_set = results.criteria_set
    entries = all_entries(criteria_set)
    self_scores = {
        unit_id: {
            code: entry.self_score for code, entry in unit.items() if entry.self_score is not None
        }
        for unit_id, unit in entries.items()
    }
    notes = {
        unit_id: {code: entry.comment for code, entry in unit.items() if entry.comment}
        for unit_id, unit in entries.items()
    }
    notes["SNV"]["1.1.1"] = HOSTILE
    provenance = tuple(
        ProvenanceRow(
            unit_id=unit_id,
            node_code=code,
            member_id="UV-01",
            submission_id=f"5f0c7d1e-0000-4000-8000-{number:012d}",
            submitted_at="2026-12-20T09:15:00+07:00",
            value=entry.appraised,
            member_name="Lê Văn Thành",
        )
        for number, (unit_id, code, entry) in enumerate(
            (u, c, e)
            for u, unit in sorted(entries.items())
            for c, e in unit.items()
            if criteria_set.node(c).assessor is Assessor.COUNCIL
        )
    )
    audit = (
        AuditRow(
            at="2026-12-21T10:00:00+07:00",
            actor="Nguyễn Thị Thu Hà",
            unit_id="SNV",
            node_code="1.1.1",
            old="1,00",
            new="0,50",
            reason=HOSTILE,
            source="5f0c7d1e-0000-4000-8000-000000000001",
            action="resolve",
            field="council",
        ),
    )
    return ResultsReport(
        results=results,
        heading=HEADING,
        signers=council_signers(MEMBERS),
        round_name="Thẩm định Chỉ số CCHC năm 2026 các sở, ban, ngành",
        self_scores=self_scores,
        notes=notes,
        provenance=provenance,
        audit=audit,
    )
