"""Mutation fuzzing of every importer, deterministic and on a fixed budget: bytes flipped, inserted
and deleted in valid files (raw, and inside a zip's entries), cells and JSON fields replaced by
hostile values. Every outcome is a success or a user-facing refusal with a message; a refusal
leaves the round, its evidence folder and the workspace folder exactly as they were."""

from __future__ import annotations

import copy
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from parapp.core.errors import UserFacingError
from parapp.services import criteria_sets, packages, workbooks
from parapp.services.context import RoundContext, open_round
from tests.hostile import zip_tools as z
from tests.hostile.world import SET, World, clock, copy_round, dump, snapshot

BUDGET = settings(
    max_examples=40,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
CELLS = settings(BUDGET, max_examples=20)


@dataclass(frozen=True)
class Mutation:
    """One edit of a byte string, at a relative position so it fits any length."""

    kind: str
    at: float
    value: int
    data: bytes

    def apply(self, raw: bytes) -> bytes:
        i = int(self.at * len(raw))
        if self.kind == "flip" and raw:
            return raw[:i] + bytes([raw[i] ^ self.value]) + raw[i + 1 :]
        if self.kind == "insert":
            return raw[:i] + self.data + raw[i:]
        return raw[:i] + raw[i + self.value :]


mutations = st.lists(
    st.builds(
        Mutation,
        kind=st.sampled_from(["flip", "insert", "delete"]),
        at=st.floats(0, 1, exclude_max=True),
        value=st.integers(1, 255),
        data=st.binary(min_size=1, max_size=24),
    ),
    min_size=1,
    max_size=4,
)


def _mutated(raw: bytes, edits: list[Mutation]) -> bytes:
    for edit in edits:
        raw = edit.apply(raw)
    return raw


def _mutated_entry(path: Path, index: int, edits: list[Mutation]) -> bytes:
    """The zip with one entry's uncompressed content mutated, re-zipped validly."""
    entries = z.entries_of(path)
    name = sorted(entries)[index % len(entries)]
    entries[name] = _mutated(entries[name], edits)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "x.zip"
        z.write_zip(out, entries.items())
        return out.read_bytes()


def _refusal_is_readable(exc: UserFacingError) -> None:
    assert exc.describe("vi").strip()
    assert exc.describe("en").strip()


def _import_on_copy(world: World, data: bytes, suffix: str, action: Importer) -> None:
    """Run one importer on a fresh copy of the round; a refusal must change nothing."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        target = folder / "round" / world.round.name
        target.parent.mkdir()
        copy_round(world.round, target)
        hostile = folder / f"fuzz{suffix}"
        hostile.write_bytes(data)
        before, files = dump(target), snapshot(folder)
        try:
            with open_round(target, clock=clock, actor="fuzz") as ctx:
                action(ctx, hostile, world)
        except UserFacingError as exc:
            _refusal_is_readable(exc)
            assert dump(target) == before
            assert snapshot(folder) == files


Importer = Callable[[RoundContext, Path, World], object]


def _self(ctx: RoundContext, path: Path, world: World) -> object:
    return workbooks.import_self_form(ctx, "STP", path, world.docs)


def _results(ctx: RoundContext, path: Path, world: World) -> object:
    return workbooks.import_results(ctx, path)


def _units(ctx: RoundContext, path: Path, world: World) -> object:
    return workbooks.import_units(ctx, path)


def _criteria(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"bo{suffix}"
        path.write_bytes(data)
        try:
            criteria_sets.open_file(path)
        except UserFacingError as exc:
            _refusal_is_readable(exc)


def _package(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path, workspace = Path(tmp) / "m1.parpkg", Path(tmp) / "ws"
        path.write_bytes(data)
        try:
            with packages.open_member_package(path, workspace, clock=clock):
                pass
        except UserFacingError as exc:
            _refusal_is_readable(exc)
            assert not workspace.exists() or not any(workspace.iterdir())


# --------------------------------------------------------------------------------------------
# Bytes


@BUDGET
@given(edits=mutations)
def test_fuzz_criteria_json_bytes(world_template: World, edits: list[Mutation]) -> None:
    _criteria(_mutated(world_template.set_json.read_bytes(), edits), ".json")


@BUDGET
@given(edits=mutations, entry=st.integers(0, 50), raw=st.booleans())
def test_fuzz_criteria_workbook_bytes(
    world_template: World, edits: list[Mutation], entry: int, raw: bool
) -> None:
    path = world_template.set_xlsx
    data = _mutated(path.read_bytes(), edits) if raw else _mutated_entry(path, entry, edits)
    _criteria(data, ".xlsx")


@BUDGET
@given(edits=mutations, entry=st.integers(0, 50), raw=st.booleans())
def test_fuzz_self_form_bytes(
    world_template: World, edits: list[Mutation], entry: int, raw: bool
) -> None:
    path = world_template.self_form
    data = _mutated(path.read_bytes(), edits) if raw else _mutated_entry(path, entry, edits)
    _import_on_copy(world_template, data, ".xlsx", _self)


@BUDGET
@given(edits=mutations, entry=st.integers(0, 50), raw=st.booleans())
def test_fuzz_results_bytes(
    world_template: World, edits: list[Mutation], entry: int, raw: bool
) -> None:
    path = world_template.results
    data = _mutated(path.read_bytes(), edits) if raw else _mutated_entry(path, entry, edits)
    _import_on_copy(world_template, data, ".xlsx", _results)


@BUDGET
@given(edits=mutations, entry=st.integers(0, 50), raw=st.booleans())
def test_fuzz_units_bytes(
    world_template: World, edits: list[Mutation], entry: int, raw: bool
) -> None:
    path = world_template.units
    data = _mutated(path.read_bytes(), edits) if raw else _mutated_entry(path, entry, edits)
    _import_on_copy(world_template, data, ".xlsx", _units)


@BUDGET
@given(edits=mutations, entry=st.integers(0, 50), raw=st.booleans())
def test_fuzz_member_package_bytes(
    world_template: World, edits: list[Mutation], entry: int, raw: bool
) -> None:
    path = world_template.package
    data = _mutated(path.read_bytes(), edits) if raw else _mutated_entry(path, entry, edits)
    _package(data)


# --------------------------------------------------------------------------------------------
# Structure: hostile values in the places a person types


hostile_text = st.sampled_from(
    [
        "=1+1",
        '=HYPERLINK("http://example.invalid")',
        "NaN",
        "-Infinity",
        "1e999",
        "0,125",
        "8,5",
        " ",
        "Ke\u0302\u0301 hoa\u0323ch",
        "../../etc/passwd",
        "#DIV/0!",
        "1.1",
        "STP",
        "\u202e",
        "x" * 300,
    ]
)
cell_value = st.one_of(
    hostile_text,
    st.text(max_size=20),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
    st.just(datetime(2026, 1, 1)),
)


def cell_edits(first_row: int, last_row: int, columns: int) -> st.SearchStrategy[list[Edit]]:
    """Up to 5 cells of a sheet's data area replaced by hostile values."""
    cell = st.tuples(st.integers(first_row, last_row), st.integers(1, columns), cell_value)
    return st.lists(cell, min_size=1, max_size=5)


Edit = tuple[int, int, object]


def _with_cells(path: Path, sheet: str, edits: list[Edit]) -> bytes | None:
    """The workbook with cells replaced, or None when openpyxl cannot write such a value."""
    workbook = openpyxl.load_workbook(path)
    try:
        for row, column, value in edits:
            workbook[sheet].cell(row, column).value = value
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "x.xlsx"
            workbook.save(out)
            return out.read_bytes()
    except (ValueError, TypeError, IllegalCharacterError):  # e.g. control characters in text
        return None


@CELLS
@given(edits=cell_edits(9, 17, 9))
def test_fuzz_self_form_cells(world_template: World, edits: list[Edit]) -> None:
    data = _with_cells(world_template.self_form, "TuDanhGia", edits)
    if data is not None:
        _import_on_copy(world_template, data, ".xlsx", _self)


@CELLS
@given(edits=cell_edits(1, 7, 8))
def test_fuzz_results_cells(world_template: World, edits: list[Edit]) -> None:
    data = _with_cells(world_template.results, "KetQua", edits)
    if data is not None:
        _import_on_copy(world_template, data, ".xlsx", _results)


@CELLS
@given(edits=cell_edits(1, 5, 3))
def test_fuzz_units_cells(world_template: World, edits: list[Edit]) -> None:
    data = _with_cells(world_template.units, "DonVi", edits)
    if data is not None:
        _import_on_copy(world_template, data, ".xlsx", _units)


@CELLS
@given(edits=cell_edits(1, 9, 12))
def test_fuzz_criteria_workbook_cells(world_template: World, edits: list[Edit]) -> None:
    data = _with_cells(world_template.set_xlsx, "TieuChi", edits)
    if data is not None:
        _criteria(data, ".xlsx")


json_value = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**30), 10**30),
        hostile_text,
        st.text(max_size=10),
    ),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=6,
)


@CELLS
@given(
    node=st.integers(0, 6),
    field=st.sampled_from(["code", "name", "maximum", "minimum", "rule", "assessor", "applies_to"]),
    value=json_value,
)
def test_fuzz_criteria_json_fields(node: int, field: str, value: Any) -> None:
    data = copy.deepcopy(SET)
    data["nodes"][node][field] = value
    _criteria(json.dumps(data, ensure_ascii=False).encode("utf-8"), ".json")
