"""The shared table model of the printed sheets (io/sheets/table.py): the one tree walker, column
sets, summary lines, and a third column set (a notice-like one) drawn by the same PDF and xlsx
renderers the member's sheet and the council's report use."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from parapp import paths
from parapp.core.criteria import Aggregation, Assessor, CriteriaSet, Node, Role, UnitType
from parapp.core.criteria_build import NodeSpec, assemble
from parapp.core.scoring import EMPTY_ENTRY, LeafEntry, NodeTotal, score_unit
from parapp.io.files.fonts import register_serif
from parapp.io.sheets import pdf_table, xlsx_table
from parapp.io.sheets.member_pdf import nd30_document
from parapp.io.sheets.table import (
    NOT_APPLICABLE,
    Cells,
    Column,
    ColumnKind,
    ColumnSet,
    SummaryKey,
    TableRow,
    TreeTable,
    heads,
    points_lines,
    summary_line,
    walk,
)

FONTS = paths.resource("fonts")
MAX, ROUND1, DIFF, COMMENT, EVIDENCE = "max", "round1", "diff", "comment", "evidence"
NOTICE_COLUMNS = ColumnSet(
    (
        Column("self", "Tự chấm"),
        Column(ROUND1, "Thẩm định lần 1"),
        Column(DIFF, "Chênh lệch"),
        Column(COMMENT, "Ý kiến", ColumnKind.TEXT, merged_when_not_applicable=False),
        Column(EVIDENCE, "Tài liệu kiểm chứng", ColumnKind.TEXT, merged_when_not_applicable=False),
    )
)
ENTRIES = {
    "1.1.1": LeafEntry(self_score=Decimal(2), appraised=Decimal("1.5"), comment="Thiếu TLKC."),
    "1.1.2": LeafEntry(self_score=Decimal(2), appraised=Decimal(2)),
    "2": LeafEntry(appraised=Decimal("2.7")),
    "3.1": LeafEntry(appraised=Decimal(1)),
    "3.2": LeafEntry(appraised=Decimal(1)),
}


def small_set() -> CriteriaSet:
    """Area 1 with two criteria (1.2 only for "so"), a survey area, a capped bonus area."""
    meta = CriteriaSet(
        form_id="t",
        version="2026010101",
        year=2026,
        name="Thử",
        nodes=(),
        unit_types=(UnitType("so", "Sở"), UnitType("xa", "Xã")),
    )
    return assemble(
        meta,
        [
            NodeSpec(
                "1", "Chỉ đạo, điều hành", Decimal(6), maximum_by_unit_type={"xa": Decimal(4)}
            ),
            NodeSpec("1.1", "Kế hoạch", Decimal(4)),
            NodeSpec("1.1.1", "Ban hành kế hoạch", Decimal(2)),
            NodeSpec("1.1.2", "Thực hiện kế hoạch", Decimal(2)),
            NodeSpec("1.2", "Thủ tục hành chính", Decimal(2), applies_to=frozenset({"so"})),
            NodeSpec("1.2.1", "Công bố TTHC", Decimal(2)),
            NodeSpec("2", "Mức độ hài lòng", Decimal(3), assessor=Assessor.SURVEY),
            NodeSpec("3", "Điểm thưởng", Decimal(1), role=Role.BONUS, aggregation=Aggregation.CAP),
            NodeSpec("3.1", "Sáng kiến", Decimal(1), role=Role.BONUS),
            NodeSpec("3.2", "Giải thưởng", Decimal(1), role=Role.BONUS),
        ],
    )


class NoticeCells:
    """A notice's columns: the self-score, the round-1 result, their difference, the comment
    and the cited evidence."""

    def cells(self, node: Node, total: NodeTotal) -> Cells:
        entry = ENTRIES.get(node.code, EMPTY_ENTRY)
        texts = {COMMENT: entry.comment, EVIDENCE: "KH 12/KH-UBND, tr. 3" if node.is_leaf else ""}
        if not total.applicable:
            return Cells(texts=texts)
        values: dict[str, Decimal | None]
        if not node.is_leaf:
            values = {"self": total.self_total, ROUND1: total.achieved}
            return Cells(values=values, texts=texts)
        diff = None
        if entry.self_score is not None and entry.appraised is not None:
            diff = entry.appraised - entry.self_score
        values = {"self": entry.self_score, ROUND1: entry.appraised, DIFF: diff}
        return Cells(values=values, texts=texts)


def notice_table(areas: frozenset[str] | None = None) -> TreeTable:
    criteria_set = small_set()
    result = score_unit(criteria_set, "X", "xa", ENTRIES)
    rows = walk(criteria_set, "xa", result, NoticeCells(), TableRow, areas=areas)
    summary = points_lines(
        result.achieved, result.bonus, result.penalty, result.applicable_max, {Role.BONUS}
    )
    return TreeTable(NOTICE_COLUMNS, rows, tuple(summary), ROUND1)


def test_the_walker_numbers_rows_and_leaves_out_what_does_not_apply() -> None:
    table = notice_table()
    assert [(r.stt, r.code) for r in table.rows] == [
        ("I", "1"),
        ("1", "1.1"),
        ("2", "1.1.1"),
        ("3", "1.1.2"),
        ("4", "1.2"),  # does not apply to a "xa" unit: one row, 1.2.1 left out
        ("II", "2"),
        ("III", "3"),
        ("1", "3.1"),
        ("2", "3.2"),
    ]
    by_code = {r.code: r for r in table.rows}
    na = by_code["1.2"]
    assert (na.applicable, na.values, na.not_applicable_text) == (False, {}, NOT_APPLICABLE)
    assert by_code["1"].parts == ("1.1",)  # the part that does not apply adds nothing
    assert by_code["1.1"].parts == ("1.1.1", "1.1.2")
    assert by_code["3"].cap == (Decimal(0), Decimal(1))
    assert by_code["1.1"].value(ROUND1) == Decimal("3.5")
    assert by_code["3"].value(ROUND1) == Decimal(1)  # 1 + 1 capped at 1
    appraisable = [r.code for r in table.rows if r.appraisable]
    assert appraisable == ["1.1.1", "1.1.2", "3.1", "3.2"]  # council-assessed leaves
    assert [r.code for r in heads(table.rows, Role.NORMAL)] == ["1", "2"]
    assert [r.code for r in heads(table.rows, Role.BONUS)] == ["3"]
    assert (by_code["1"].bold, by_code["1.1"].italic, by_code["1.1.1"].italic) == (
        True,
        True,
        False,
    )


def test_a_partial_table_keeps_the_areas_numbers() -> None:
    table = notice_table(frozenset({"3"}))
    assert [(r.stt, r.code) for r in table.rows] == [("III", "3"), ("1", "3.1"), ("2", "3.2")]


def test_column_sets_and_summary_lines() -> None:
    assert NOTICE_COLUMNS.titles[:4] == ("STT", "Mã", "Nội dung", "Điểm tối đa")
    assert NOTICE_COLUMNS.width == 9
    assert NOTICE_COLUMNS.position(ROUND1) == 5
    assert NOTICE_COLUMNS.not_applicable_span() == (4, 6)
    lines = points_lines(Decimal(8), Decimal(1), Decimal(0), Decimal(9), {Role.NORMAL})
    assert [line.key for line in lines] == [
        SummaryKey.ACHIEVED,
        SummaryKey.TOTAL,
        SummaryKey.APPLICABLE_MAX,
    ]
    assert lines[1].value == Decimal(9)  # the bonus counts even when the table has no line
    assert not lines[0].is_text


@pytest.fixture(scope="module")
def notice_pdf(tmp_path_factory: pytest.TempPathFactory) -> str:
    table = notice_table()
    styles = pdf_table.Styles(register_serif(FONTS))
    widths = (11, 17, 70, 18, 18, 20, 18, 40, 40)
    out = BytesIO()
    doc = nd30_document(out, title="Thông báo", author="HĐ", subject="t", date=dt.date(2027, 1, 20))
    doc.build([pdf_table.tree_table(table, styles, widths, top_texts=True, text_over_tail=False)])
    path = tmp_path_factory.mktemp("notice") / "thong-bao.pdf"
    path.write_bytes(out.getvalue())
    return " ".join(
        subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )


def test_a_new_column_set_prints_through_the_pdf_renderer(notice_pdf: str) -> None:
    for expected in (
        "lần 1",
        "Tài liệu kiểm chứng",
        "Thủ tục hành chính",
        NOT_APPLICABLE,
        "KH 12/KH-UBND, tr. 3",
        "Thiếu TLKC.",
        "-0,50",
        "Điểm đạt được của các lĩnh vực",
    ):
        assert expected in notice_pdf, expected
    assert "Công bố TTHC" not in notice_pdf  # below a node that does not apply


def test_a_new_column_set_writes_through_the_xlsx_renderer() -> None:
    workbook = Workbook()
    writer = xlsx_table.TreeTableWriter(
        workbook.active,
        notice_table(),
        header=2,
        header_height=32,
        join=xlsx_table.runs,
        text_over_tail=False,
    )
    last = writer.write()
    out = BytesIO()
    workbook.save(out)
    ws: Any = load_workbook(out).active
    assert [c.value for c in ws[2]] == [*NOTICE_COLUMNS.titles, xlsx_table.CHECK_TITLE]
    row = writer.row_of
    assert str(ws.cell(row=row["1.1.1"], column=6).value) == "1.5"
    assert ws.cell(row=row["1.1.1"], column=9).value == "KH 12/KH-UBND, tr. 3"
    assert ws.cell(row=row["1.2"], column=5).value == NOT_APPLICABLE
    assert f"E{row['1.2']}:G{row['1.2']}" in {str(r) for r in ws.merged_cells.ranges}
    assert ws.cell(row=row["1.2"], column=8).value is None  # the comment column is its own
    # Parents check their parts in the value column; a CAP group clamps its sum.
    assert ws.cell(row=row["1.1"], column=10).value == f"=SUM(F{row['1.1.1']}:F{row['1.1.2']})"
    assert ws.cell(row=row["1"], column=10).value == f"=SUM(J{row['1.1']})"
    assert ws.cell(row=row["3"], column=10).value == (
        f"=MIN(MAX(SUM(F{row['3.1']}:F{row['3.2']}),0),1)"
    )
    assert writer.summary_rows[SummaryKey.ACHIEVED] == last - 3
    assert ws.cell(row=last - 3, column=10).value == f"=SUM(J{row['1']},F{row['2']})"
    assert str(ws.cell(row=last - 3, column=6).value) == "6.2"


def test_xlsx_run_lists_join_consecutive_rows() -> None:
    assert xlsx_table.runs(["F10", "F11", "F12", "F14", "J15"]) == "F10:F12,F14,J15"
    assert xlsx_table.listed(["F10", "F11"]) == "F10,F11"


def test_a_text_line_spreads_over_the_tail_and_references_can_be_listed(tmp_path: Path) -> None:
    table = notice_table()
    summary = (*table.summary, summary_line(SummaryKey.CLASSIFICATION, text="Tốt"))
    table = dataclasses.replace(table, summary=summary)
    path = tmp_path / "t.xlsx"
    workbook = Workbook()
    writer = xlsx_table.TreeTableWriter(
        workbook.active,
        table,
        header=1,
        header_height=20,
        join=xlsx_table.listed,
        text_over_tail=True,
    )
    last = writer.write()
    workbook.save(path)
    ws: Any = load_workbook(path).active
    assert ws.cell(row=last, column=6).value == "Tốt"
    assert f"F{last}:I{last}" in {str(r) for r in ws.merged_cells.ranges}
    row = writer.row_of
    assert ws.cell(row=row["1.1"], column=10).value == f"=SUM(F{row['1.1.1']},F{row['1.1.2']})"
