"""The neutral content of the council's results: ranking tables, per-unit official sheets,
provenance and audit rows, and the council's signers.

Both renderers (``results_xlsx``, ``results_pdf``) draw this and nothing else, so the workbook and
the PDF always say the same. The services fill the plain rows below (``ProvenanceRow``,
``AuditRow``) from the merge and the audit log. All text is NFC.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from parapp.core.bands import BandSet, from_criteria_set
from parapp.core.criteria import Aggregation, Assessor, ClassBand, CriteriaSet, Node, Role
from parapp.core.results import RoundResults, UnitOutcome
from parapp.core.rounds import Member, MemberRole
from parapp.core.scoring import NodeTotal
from parapp.io.sheets.page import Heading, Signer
from parapp.io.sheets.table import (
    NOT_APPLICABLE,
    Cells,
    Column,
    ColumnKind,
    ColumnSet,
    SummaryKey,
    SummaryLine,
    TableRow,
    TreeTable,
    nfc,
    points_lines,
    summary_line,
    walk,
)

SECRETARY_AUTHORITY = "THƯ KÝ HỘI ĐỒNG"
CHAIR_AUTHORITY = "TM. HỘI ĐỒNG"
CHAIR_POSITION = "CHỦ TỊCH"
SELF, COUNCIL, OTHER, ACHIEVED, NOTE = "self", "council", "other", "achieved", "note"
SECOND = "round_2"
UNIT_TABLE_COLUMNS = ColumnSet(
    (
        Column(SELF, "Tự chấm"),
        # Council-appraised points (leaves assessed by the council), round 1 and round 2.
        Column(COUNCIL, "Thẩm định lần 1"),
        Column(SECOND, "Thẩm định lần 2"),
        # Points from the survey, another agency or the leadership.
        Column(OTHER, "Điều tra XHH / cơ quan khác"),
        # Final points: the leaf's value, or the parent's total (blank: a leaf without points).
        Column(ACHIEVED, "Điểm đạt được"),
        Column(NOTE, "Ghi chú", ColumnKind.TEXT),
    )
)
"""A unit's official sheet, after the lead columns; a row that does not apply shows its note
(or "Không áp dụng") across all of them."""
UNIT_COLUMNS = UNIT_TABLE_COLUMNS.titles
RANKING_COLUMNS = (
    "STT",
    "Đơn vị",
    "Điểm đạt được",
    "Điểm tối đa áp dụng",
    "Thưởng",
    "Trừ",
    "Chỉ số (%)",
    "Xếp loại",
    "Xếp hạng",
)
NOT_SCORED = "Chưa có điểm"
INCOMPLETE_NOTE = "(*) Đơn vị chưa đủ điểm thẩm định: kết quả tạm tính."
NOT_APPRAISED = "Chưa có điểm thẩm định"
"""Shown instead of a class for a unit without any final score (neither classified nor ranked)."""
NOT_APPRAISED_NOTE = (
    "Đơn vị chưa có điểm thẩm định: không xếp loại, không xếp hạng (xếp sau các đơn vị đã xếp "
    "hạng)."
)
DRAFT_MARK = "DỰ THẢO"
DRAFT_NOTE = (
    "BẢN DỰ THẢO — không phải kết quả chính thức: trong đợt còn điểm vi phạm quy tắc của bộ tiêu "
    "chí (danh sách kèm theo)."
)
NOT_COMPARABLE = "không so sánh được"
"""Instead of a change against last year when the area's maximum for the unit changed."""
BANDS_LABEL = "Xếp loại"
FINDINGS_TITLE = "DANH SÁCH ĐIỂM VI PHẠM QUY TẮC CỦA BỘ TIÊU CHÍ"
FINDINGS_COLUMNS = ("STT", "Mã đơn vị", "Tên đơn vị", "Mã mục", "Nguồn", "Giá trị", "Yêu cầu")


def results_title(year: int) -> str:
    """The summary's title, as the province publishes it."""
    return f"BẢNG TỔNG HỢP KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}"


def unit_sheet_title(year: int) -> str:
    """The title of a unit's official sheet."""
    return f"PHIẾU TỔNG HỢP KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}"


@dataclass(frozen=True)
class ProvenanceRow:
    """Where one consolidated score came from: a member's signed submission."""

    unit_id: str
    node_code: str
    member_id: str
    submission_id: str
    submitted_at: str
    """ISO 8601 with its UTC offset, as the submission carries it."""
    value: Decimal | None
    not_applicable: bool = False
    member_name: str = ""


@dataclass(frozen=True)
class AuditRow:
    """One logged change: who, when, what it was, what it became, why, from which submission."""

    at: str
    actor: str
    unit_id: str
    node_code: str
    old: str
    new: str
    reason: str = ""
    source: str = ""
    """The submission (or the SHA-256 of the score package) the change came from; empty when
    made in the round file itself."""
    action: str = ""
    field: str = ""


@dataclass(frozen=True)
class FindingRow:
    """One value that breaks a hard rule of the criteria set, as the draft lists it."""

    unit_id: str
    unit_name: str
    node_code: str
    source: str
    """Whose value ("thành viên UV1", "quyết định của thư ký", ...)."""
    value: str
    bound: str
    """What the rule requires ("tối đa 1,00")."""

    def cells(self) -> tuple[str, ...]:
        """The row's texts in ``FINDINGS_COLUMNS`` order after the number."""
        return tuple(
            nfc(text)
            for text in (
                self.unit_id,
                self.unit_name,
                self.node_code,
                self.source,
                self.value,
                self.bound,
            )
        )


@dataclass(frozen=True)
class CouncilSigners:
    """Who signs the summary: the secretary (left) and, for the council, its Chair (right)."""

    secretary: Signer
    chair: Signer


def council_signers(members: list[Member] | tuple[Member, ...]) -> CouncilSigners:
    """The secretary and the Chair by role (first in list order); a missing one prints with an
    empty name, for a handwritten one."""
    ordered = sorted(members, key=lambda m: m.position)
    secretary = next((m for m in ordered if m.role is MemberRole.SECRETARY), None)
    chair = next((m for m in ordered if m.role is MemberRole.CHAIR), None)
    return CouncilSigners(
        secretary=Signer(SECRETARY_AUTHORITY, "", nfc(secretary.name) if secretary else ""),
        chair=Signer(CHAIR_AUTHORITY, CHAIR_POSITION, nfc(chair.name) if chair else ""),
    )


@dataclass(frozen=True)
class YearChange:
    """A unit's index and rank last year and the change (``services.previous_year``)."""

    previous_index: Decimal | None
    previous_rank: int | None
    index_change: Decimal | None
    """This year's index minus last year's (None: either is missing)."""
    rank_change: int | None
    """Last year's rank minus this year's: positive, the unit moved up (None: not compared)."""
    rank_comparable: bool = True
    """False when the unit's ranking group changed since last year."""


YEAR_COLUMNS = ("Chỉ số năm trước", "Tăng, giảm chỉ số", "Xếp hạng năm trước", "Tăng, giảm hạng")
"""The ranking's columns against last year, when last year's results are known."""


def signed_change(value: Decimal | int | None) -> str:
    """A change as printed: "+1,25", "−2", "0" ("" when None)."""
    if value is None:
        return ""
    text = str(value) if isinstance(value, int) else format(value, "f").replace(".", ",")
    return f"+{text}" if value > 0 else text.replace("-", "−")


@dataclass(frozen=True)
class ResultsReport:
    """Everything the council's results show, renderer-neutral."""

    results: RoundResults
    heading: Heading
    signers: CouncilSigners
    round_name: str = ""
    self_scores: Mapping[str, Mapping[str, Decimal]] = field(default_factory=dict)
    """Unit id -> leaf code -> the unit's self-score (a unit missing here shows the engine's
    self totals; a leaf missing shows blank)."""
    notes: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """Unit id -> node code -> the council's note for the sheet's "Ghi chú" column."""
    provenance: tuple[ProvenanceRow, ...] = ()
    audit: tuple[AuditRow, ...] = ()
    draft: bool = False
    """A draft: marked "DỰ THẢO" on every page and sheet, with ``findings`` attached."""
    findings: tuple[FindingRow, ...] = ()
    """The hard-rule problems of the round's values (a draft's attachment)."""
    year_changes: Mapping[str, YearChange] = field(default_factory=dict)
    """Unit id -> last year's index and rank and the changes (empty: no comparison)."""
    round_1: Mapping[str, Mapping[str, Decimal | None]] = field(default_factory=dict)
    """Unit id -> leaf code -> the consolidated round-1 score, for the units re-scored in round
    2 (a unit missing here: its council score is round 1's)."""
    round_2: Mapping[str, Mapping[str, Decimal | None]] = field(default_factory=dict)
    """Unit id -> leaf code -> the consolidated score of an item re-scored in round 2."""

    @property
    def criteria_set(self) -> CriteriaSet:
        """The round's criteria set."""
        return self.results.criteria_set

    @property
    def compared(self) -> bool:
        """Whether a previous year's results are compared."""
        return bool(self.results.previous)

    def normal_areas(self) -> tuple[Node, ...]:
        """The areas whose points make up the achieved total, in the set's order."""
        return tuple(n for n in self.criteria_set.nodes if n.role is Role.NORMAL)

    @property
    def bands(self) -> BandSet:
        """The round's classification bands (the set's own when the results name none)."""
        return self.results.bands or from_criteria_set(self.criteria_set)

    def band_line(self) -> str:
        """The bands as every results sheet lists them: "Xếp loại: Tốt: ≥ 80 %; …"."""
        bands = "; ".join(nfc(band.describe()) for band in self.bands.bands)
        return f"{BANDS_LABEL} ({nfc(self.bands.name.vi)}): {bands}"

    def class_bands(self) -> tuple[ClassBand, ...]:
        """The bands as the charts draw them (label and lower bound, best first)."""
        return tuple(ClassBand(nfc(band.label), band.lower) for band in self.bands.bands)

    def unit_name(self, unit_id: str) -> str:
        """The unit's name (its id when unknown)."""
        found = next((o.unit.name for o in self.results.outcomes if o.unit.id == unit_id), unit_id)
        return nfc(found)


@dataclass(frozen=True)
class AreaPoints:
    """An area's points for one unit: this year's and, when compared, last year's."""

    code: str
    name: str
    achieved: Decimal | None
    """None: the area does not apply to the unit."""
    maximum: Decimal
    previous: Decimal | None = None
    comparable: bool = True
    """False: last year's maximum of the area differs, so no change is shown."""

    @property
    def change(self) -> Decimal | None:
        """This year's points minus last year's, when both exist."""
        if self.achieved is None or self.previous is None:
            return None
        return self.achieved - self.previous


def area_points(report: ResultsReport, outcome: UnitOutcome) -> tuple[AreaPoints, ...]:
    """The normal areas' points of one unit, with last year's when compared."""
    before = report.results.previous.get(outcome.unit.id, {})
    out = []
    for area in report.normal_areas():
        total = outcome.result.totals.get(area.code)
        applicable = total is not None and total.applicable
        out.append(
            AreaPoints(
                code=area.code,
                name=nfc(area.name),
                achieved=total.achieved if total is not None and applicable else None,
                maximum=total.maximum
                if total is not None and applicable
                else area.max_for(outcome.unit.unit_type),
                previous=before.get(area.code),
                comparable=report.results.comparable(outcome.unit.id, area.code),
            )
        )
    return tuple(out)


def total_change(points: tuple[AreaPoints, ...]) -> Decimal | None:
    """The change of the areas' points against last year, only when every applicable area has
    last year's figure (a partial sum would mislead)."""
    applicable = [p for p in points if p.achieved is not None]
    if not applicable or any(p.previous is None for p in applicable):
        return None
    return sum((p.change or Decimal(0) for p in applicable), Decimal(0))


UnitSummaryKey = SummaryKey
"""The lines under a unit's official sheet: the shared summary keys (with the rank)."""


@dataclass(frozen=True)
class UnitSheet:
    """A unit's official sheet: rows, summary, and where it stands."""

    outcome: UnitOutcome
    group_label: str
    rows: tuple[TableRow, ...]
    summary: tuple[SummaryLine, ...]

    def line(self, key: SummaryKey) -> SummaryLine | None:
        """The summary line ``key``, None when not printed."""
        return next((line for line in self.summary if line.key is key), None)

    @property
    def table(self) -> TreeTable:
        """The table to render: the council's columns, the rows and the summary."""
        return TreeTable(UNIT_TABLE_COLUMNS, self.rows, self.summary, ACHIEVED)


def rank_text(outcome: UnitOutcome, group_label: str) -> str:
    """ "2/5 (Khối sở)": the rank within the group and the group's size."""
    return nfc(f"{outcome.rank}/{outcome.group_size} ({group_label})")


def unit_sheet(report: ResultsReport, outcome: UnitOutcome) -> UnitSheet:
    """The official sheet of one unit: every node in document order, then the summary."""
    criteria_set = report.criteria_set
    labels = dict(report.results.groups)
    group_label = nfc(labels.get(outcome.unit.ranking_group, outcome.unit.ranking_group))
    unit = outcome.unit
    source = _UnitCells(report, outcome)
    rows = walk(criteria_set, unit.unit_type, outcome.result, source, TableRow)
    result = outcome.result
    roles = {row.head_role for row in rows if row.head_role is not None and row.applicable}
    summary = points_lines(
        result.achieved, result.bonus, result.penalty, result.applicable_max, roles
    )
    summary += [
        summary_line(SummaryKey.INDEX, result.index if outcome.appraised else None),
        summary_line(SummaryKey.CLASSIFICATION, text=class_text(outcome)),
        summary_line(
            SummaryKey.RANK, text=rank_text(outcome, group_label) if outcome.appraised else ""
        ),
    ]
    return UnitSheet(outcome, group_label, rows, tuple(summary))


def class_text(outcome: UnitOutcome) -> str:
    """The unit's class, or "Chưa có điểm thẩm định" for a unit without any final score."""
    return nfc(outcome.result.classification) if outcome.appraised else NOT_APPRAISED


class _UnitCells:
    """The council's columns for one unit: self-score, council and other points, the final
    points and the council's note."""

    def __init__(self, report: ResultsReport, outcome: UnitOutcome) -> None:
        self.result = outcome.result
        self.unit_type = outcome.unit.unit_type
        self.self_scores = report.self_scores.get(outcome.unit.id)
        self.notes = report.notes.get(outcome.unit.id, {})
        self.round_1 = report.round_1.get(outcome.unit.id)
        self.round_2 = report.round_2.get(outcome.unit.id, {})

    def cells(self, node: Node, total: NodeTotal) -> Cells:
        note = nfc(self.notes.get(node.code, ""))
        if not total.applicable:
            shown = note or NOT_APPLICABLE
            return Cells(texts={NOTE: shown}, not_applicable_text=shown)
        if not node.is_leaf:
            return Cells(
                values={SELF: self._parent_self(node), ACHIEVED: total.achieved},
                texts={NOTE: note},
            )
        value = total.achieved if total.scored else None
        council = node.assessor is Assessor.COUNCIL
        if self.self_scores is not None:
            self_score = self.self_scores.get(node.code)
        else:
            self_score = total.self_total
        if not council:
            self_score = None  # survey and agency items are not self-assessed
        if value is None and node.role is Role.NORMAL and not note:
            note = NOT_SCORED
        first = value if self.round_1 is None else self.round_1.get(node.code)
        values = {
            SELF: self_score,
            COUNCIL: first if council else None,
            SECOND: self.round_2.get(node.code) if council else None,
            OTHER: None if council else value,
            ACHIEVED: value,
        }
        return Cells(values=values, texts={NOTE: note})

    def _parent_self(self, node: Node) -> Decimal | None:
        # With the unit's own self-scores, parents add those (capped like the points), and stay
        # blank when nothing below was self-scored (a survey area); without them, the engine's
        # self totals (from the entries it was given) are shown as they are.
        if self.self_scores is None:
            return self.result.totals[node.code].self_total
        total: Decimal | None = None
        for child in node.children:
            if child.role is not node.role or not self.result.totals[child.code].applicable:
                continue
            if child.is_leaf:
                value = self.self_scores.get(child.code)
                part = value if child.assessor is Assessor.COUNCIL else None
            else:
                part = self._parent_self(child)
            if part is not None:
                total = part if total is None else total + part
        if total is not None and node.aggregation is Aggregation.CAP:
            total = min(max(total, node.minimum), node.max_for(self.unit_type))
        return total
