"""A small, complete appraisal year built once: the valid files every hostile case starts from.

``build_world(folder)`` writes a criteria set (JSON and workbook), a secretary's round with units,
a member, a stored evidence file and a self-assessment, plus one valid file of every importable
kind (self-assessment form, results workbook, units workbook, member package).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import openpyxl

from parapp.core.criteria_codec import from_dict
from parapp.core.rounds import Phase
from parapp.services import criteria_sets, packages, rounds, workbooks
from parapp.services.context import open_round

SET: dict[str, Any] = {
    "format": "parapp-criteria",
    "format_version": 1,
    "form_id": "T-HOSTILE",
    "version": "2026010101",
    "year": 2026,
    "name": "Bộ tiêu chí thử nghiệm đầu vào độc hại",
    "unit_types": [{"code": "so", "label": "Sở, ban, ngành"}],
    "nodes": [
        {"code": "1", "name": "Công tác chỉ đạo, điều hành", "maximum": "3"},
        {"code": "1.1", "name": "Kế hoạch cải cách hành chính", "maximum": "1"},
        {
            "code": "1.2",
            "name": "Mức độ hoàn thành kế hoạch",
            "maximum": "2",
            "rule": {
                "kind": "bands",
                "figure_label": "Tỷ lệ hoàn thành",
                "figure_unit": "%",
                "bands": [
                    {"score": "2", "lower": "90", "inclusive": True, "label": "Tốt"},
                    {"score": "1", "lower": "70", "inclusive": True, "label": ""},
                    {"score": "0", "lower": None, "inclusive": True, "label": "Dưới mức"},
                ],
            },
        },
        {"code": "2", "name": "Cải cách thủ tục hành chính", "maximum": "4"},
        {"code": "2.1", "name": "Công khai thủ tục hành chính", "maximum": "1"},
        {
            "code": "2.2",
            "name": "Mức độ hài lòng của người dân (SIPAS)",
            "maximum": "2",
            "assessor": "survey",
            "rule": {
                "kind": "proportional",
                "figure_max": "100",
                "figure_label": "Chỉ số hài lòng SIPAS",
                "figure_unit": "%",
            },
        },
        {"code": "2.3", "name": "Bộ Nội vụ đánh giá", "maximum": "1", "assessor": "agency"},
    ],
}
UNITS = (("STP", "Sở Tư pháp"), ("TTT", "Thanh tra tỉnh"))
EVIDENCE_NAME = "KH-01.pdf"
EVIDENCE_BYTES = b"%PDF-1.4 ke hoach cai cach hanh chinh " * 30
EVIDENCE_SHA256 = hashlib.sha256(EVIDENCE_BYTES).hexdigest()
FORM_FIRST_ROW = 9
"""First data row of the self-assessment form (header on row 8)."""

INBOX_ROW = 'INSERT INTO "offered_file"'


def clock() -> datetime:
    """A fixed secretary's clock, so every built file is reproducible."""
    return datetime(2026, 11, 20, 8, 30, tzinfo=timezone(timedelta(hours=7)))


@dataclass(frozen=True)
class World:
    """Paths of the valid files, all under one folder."""

    root: Path

    @property
    def set_json(self) -> Path:
        return self.root / "inputs" / "bo-tieu-chi.json"

    @property
    def set_xlsx(self) -> Path:
        return self.root / "inputs" / "bo-tieu-chi.xlsx"

    @property
    def round(self) -> Path:
        return self.root / "round" / "2026-so.parround"

    @property
    def evidence_root(self) -> Path:
        return self.round.with_name(self.round.name + ".evidence")

    @property
    def docs(self) -> Path:
        """The unit's folder of evidence documents, given to ``self-import --evidence``."""
        return self.root / "inputs" / "tai-lieu"

    @property
    def self_form(self) -> Path:
        return self.root / "inputs" / "STP.xlsx"

    @property
    def results(self) -> Path:
        return self.root / "inputs" / "ket-qua.xlsx"

    @property
    def units(self) -> Path:
        return self.root / "inputs" / "don-vi.xlsx"

    @property
    def package(self) -> Path:
        return self.root / "inputs" / "m1.parpkg"

    @property
    def workspace(self) -> Path:
        return self.root / "workspace"

    @property
    def hostile(self) -> Path:
        """Where the cases write their hostile files."""
        return self.root / "hostile"


def form_rows(form: Path) -> dict[str, int]:
    """Row of every code in a self-assessment form."""
    workbook = openpyxl.load_workbook(form)
    sheet = workbook["TuDanhGia"]
    rows = {
        str(row[0].value): row[0].row
        for row in sheet.iter_rows(min_row=FORM_FIRST_ROW)
        if row[0].value is not None
    }
    workbook.close()
    return rows


def set_cells(path: Path, out: Path, sheet: str, cells: dict[tuple[int, int], object]) -> Path:
    """Copy a workbook, setting cells (row, column) -> value; "=..." strings become formulas."""
    workbook = openpyxl.load_workbook(path)
    ws = workbook[sheet]
    for (row, column), value in cells.items():
        ws.cell(row, column).value = value
    workbook.save(out)
    return out


def build_world(root: Path) -> World:
    """Write every valid file and the round under ``root`` (which must not exist)."""
    world = World(root)
    for folder in (world.set_json.parent, world.round.parent, world.docs, world.hostile):
        folder.mkdir(parents=True)
    criteria_set = from_dict(SET, world.set_json.name)
    criteria_sets.export(criteria_set, world.set_json)
    criteria_sets.export(criteria_set, world.set_xlsx)
    (world.docs / EVIDENCE_NAME).write_bytes(EVIDENCE_BYTES)
    with rounds.create_round(
        world.round, criteria_set, "Thẩm định CCHC 2026", clock=clock, actor="thu-ky"
    ) as ctx:
        rounds.add_units(ctx, [(uid, name, "so") for uid, name in UNITS])
        rounds.add_member(ctx, "m1", "Nguyễn Văn An", "Ủy viên")
        workbooks.export_self_form(ctx, "STP", world.self_form)
        workbooks.export_results_template(ctx, world.results)
        workbooks.export_units_template(ctx, world.units)
    rows = form_rows(world.self_form)
    set_cells(
        world.self_form,
        world.self_form,
        "TuDanhGia",
        {
            (rows["1.1"], 7): 1,
            (rows["1.1"], 9): f"{EVIDENCE_NAME}, tr. 2",
            (rows["1.2"], 6): 95,
            (rows["1.2"], 7): 2,
            (rows["2.1"], 7): "0,5",
            (rows["2.1"], 8): "Đã niêm yết đầy đủ",
        },
    )
    with open_round(world.round, clock=clock, actor="thu-ky") as ctx:
        workbooks.import_self_form(ctx, "STP", world.self_form, world.docs)
    set_cells(world.results, world.results, "KetQua", {(2, 6): "87,5", (3, 7): 1})
    set_cells(
        world.units,
        world.units,
        "DonVi",
        {(2, 1): "SYT", (2, 2): "Sở Y tế", (2, 3): "so"},
    )
    _build_package(world)
    return world


def _build_package(world: World) -> None:
    # Packages are built once the council starts (round 1); do it on a copy so the round itself
    # stays in self-assessment, where every import is allowed.
    scratch = world.root / "scratch"
    scratch.mkdir()
    copy = scratch / world.round.name
    copy_round(world.round, copy)
    with open_round(copy, clock=clock, actor="thu-ky") as ctx:
        rounds.advance_phase(ctx, Phase.ROUND_1)
        packages.build_member_package(
            ctx, "m1", world.package, package_id="6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b"
        )
    shutil.rmtree(scratch)


def copy_round(source: Path, target: Path) -> None:
    """Copy a closed round file and its evidence folder."""
    shutil.copy2(source, target)
    evidence = source.with_name(source.name + ".evidence")
    if evidence.exists():
        shutil.copytree(evidence, target.with_name(target.name + ".evidence"))


def dump(path: Path, *, immutable: bool = False) -> list[str]:
    """The round's content as SQL text (``sqlite3`` iterdump), for before/after comparisons.

    ``immutable`` reads a file in a read-only folder, where SQLite cannot create its WAL index.
    """
    mode = "immutable=1" if immutable else "mode=ro"
    raw = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True)
    try:
        # The inbox records every offered file, refused ones too: the rest must not change.
        return [line for line in raw.iterdump() if not line.startswith(INBOX_ROW)]
    finally:
        raw.close()


def snapshot(root: Path) -> dict[str, str]:
    """Every file and folder under ``root``: relative path -> SHA-256 (folders: "dir")."""
    found: dict[str, str] = {}
    for folder, dirs, files in os.walk(root):
        base = Path(folder)
        for name in dirs:
            found[str((base / name).relative_to(root))] = "dir"
        for name in files:
            path = base / name
            found[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found
