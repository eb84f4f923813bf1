"""Explanation forms on a real round (round 1 merged from signed packages): the form as written
(openpyxl), a filled form imported with its new evidence, and every refusal leaving the round's
rows, audit and evidence folder byte-for-byte unchanged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from parapp.core.errors import ImportFormatError, ValidationError
from parapp.core.rounds import Phase
from parapp.services import explanations, rounds
from parapp.store.evidence import sha256_file
from tests.services import explanation_world as world

APPROVAL = {"C5": "Nguyễn Văn Lãnh", "C6": "Giám đốc Sở", "C7": "15/12/2026"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path, _keys = world.build(tmp_path_factory.mktemp("explain"))
    with world.opened(path) as ctx:
        rounds.advance_phase(ctx, Phase.EXPLANATION)
    return path


@pytest.fixture
def round_file(built: Path, tmp_path: Path) -> Path:
    return world.copy_round(built, tmp_path)


def _form(round_file: Path, unit: str, out: Path, **cells: Any) -> Path:
    with world.opened(round_file) as ctx:
        explanations.export_form(ctx, unit, out)
    return _edit(out, out, cells)


def _edit(source: Path, target: Path, cells: dict[str, Any], sheet: str = "GiaiTrinh") -> Path:
    workbook = load_workbook(source)
    for ref, value in cells.items():
        workbook[sheet][ref] = value
    workbook.save(target)
    return target


def _filled(round_file: Path, folder: Path, unit: str = "A", **extra: Any) -> Path:
    (folder / "QD-moi.pdf").write_bytes(b"%PDF-1.4\n% new evidence")
    cells = {**APPROVAL, "F11": 4, "G11": "Kế hoạch đã ban hành", "H11": "QD-moi.pdf, tr. 2"}
    return _form(round_file, unit, folder / f"{unit}.xlsx", **{**cells, **extra})


def _snapshot(round_file: Path) -> tuple[dict[str, list[tuple[object, ...]]], list[str]]:
    folder = round_file.with_name(round_file.name + ".evidence")
    return world.dump(round_file), sorted(p.name for p in folder.rglob("*"))


def test_the_form_lists_items_below_first_with_locked_and_open_cells(
    round_file: Path, tmp_path: Path
) -> None:
    path = _form(round_file, "A", tmp_path / "A.xlsx")
    workbook = load_workbook(path)
    sheet = workbook["GiaiTrinh"]
    rows = [r for r in sheet.iter_rows(min_row=11, values_only=True) if r[0]]
    assert [r[:5] for r in rows] == [
        ("1.1", "Kế hoạch", 4, 4, 3),
        ("2.1", "Công khai thủ tục", 5, 5, 2.5),
        ("1.2", "Báo cáo", 6, 6, 6),
    ]
    assert sheet.protection.sheet
    assert sheet["A11"].protection.locked
    assert sheet["E11"].protection.locked
    assert not sheet["F11"].protection.locked
    assert not sheet["C5"].protection.locked
    assert sheet["B4"].value == "LÃNH ĐẠO ĐƠN VỊ ĐÃ DUYỆT"
    meta = workbook["_meta"]
    assert meta.sheet_state == "veryHidden"
    identity = {r[0]: r[1] for r in meta.iter_rows(values_only=True)}
    assert identity["unit_id"] == "A"
    assert identity["items"] == "1.1;2.1;1.2"
    assert len(identity["locked_sha256"]) == 64


def test_a_filled_form_is_imported_with_its_evidence_once(round_file: Path, tmp_path: Path) -> None:
    path = _filled(round_file, tmp_path)
    with world.opened(round_file) as ctx:
        report = explanations.import_form(ctx, path, unit_id="A", evidence_dir=tmp_path)
        again = explanations.import_form(ctx, path, unit_id="A", evidence_dir=tmp_path)
        current = explanations.current_explanations(ctx)["A"]
        stored = ctx.evidence.has(sha256_file(tmp_path / "QD-moi.pdf"))
    assert (report.changed, report.items, report.evidence_stored) == (True, 1, 1)
    assert not again.changed
    assert stored
    assert current.approval.name == "Nguyễn Văn Lãnh"
    assert current.approval.date.isoformat() == "2026-12-15"
    [item] = current.items
    assert (item.node_code, str(item.proposed), item.text) == ("1.1", "4", "Kế hoạch đã ban hành")
    assert item.evidence[0].page == 2
    audit = [r for r in world.dump(round_file)["audit"] if r[3] == "explanation"]
    assert [(r[4], r[5], r[8]) for r in audit] == [("A", "1.1", "4")]


def test_a_declared_replacement_replaces_and_keeps_the_first(
    round_file: Path, tmp_path: Path
) -> None:
    first = _filled(round_file, tmp_path)
    second = _edit(first, tmp_path / "A-2.xlsx", {"F11": 3.5})
    with world.opened(round_file) as ctx:
        explanations.import_form(ctx, first, unit_id="A", evidence_dir=tmp_path)
        report = explanations.import_form(
            ctx, second, unit_id="A", evidence_dir=tmp_path, replace_current=True
        )
        history = explanations.explanation_history(ctx, "A")
    assert report.replaced == history[0].id
    assert [(h.current, str(h.items[0].proposed)) for h in history] == [(False, "4"), (True, "3.5")]


Case = Callable[[Path, Path], tuple[Path, dict[str, Any]]]


def _another_unit(round_file: Path, folder: Path) -> tuple[Path, dict[str, Any]]:
    return _filled(round_file, folder, unit="B", D11=99), {"unit_id": "A"}


def _another_round(round_file: Path, folder: Path) -> tuple[Path, dict[str, Any]]:
    path = _filled(round_file, folder)
    return _edit(path, path, {"B3": "00000000-0000-4000-8000-000000000000"}, "_meta"), {}


def _another_version(round_file: Path, folder: Path) -> tuple[Path, dict[str, Any]]:
    path = _filled(round_file, folder)
    return _edit(path, path, {"B2": "0"}, "_meta"), {}


def _every_problem(round_file: Path, folder: Path) -> tuple[Path, dict[str, Any]]:
    path = _filled(
        round_file,
        folder,
        C5=None,  # the leader's name missing
        D11=3,  # a locked self-score edited
        B13="Báo cáo (sửa)",  # a locked name edited
        F12=4.25,  # off the step of 0.5
        G12="Đã công khai",
        F13="=2+4",  # a formula
        G13="Công thức",
        A15="9.9",  # an unknown item
        F15=1,
        H11="QD-moi.pdf, tr. 2; thieu.pdf",  # a cited file missing from the folder
    )
    return path, {}


def _above_max(round_file: Path, folder: Path) -> tuple[Path, dict[str, Any]]:
    return _filled(round_file, folder, F11=4.5), {}


def _second_import(round_file: Path, folder: Path) -> tuple[Path, dict[str, Any]]:
    first = _filled(round_file, folder)
    with world.opened(round_file) as ctx:
        explanations.import_form(ctx, first, unit_id="A", evidence_dir=folder)
    return _edit(first, folder / "A-2.xlsx", {"F11": 3.5}), {}


CASES: dict[str, tuple[Case, list[tuple[str | None, str | None]]]] = {
    "another unit": (_another_unit, [(None, None)]),
    "another round": (_another_round, [(None, None)]),
    "another version": (_another_version, [(None, None)]),
    "every problem listed": (
        _every_problem,
        [
            ("5", "C"),
            ("11", "D"),
            ("13", "F"),
            ("13", "B"),
            ("15", "A"),
            ("12", "F"),
            ("11", "H"),
        ],
    ),
    "above the maximum": (_above_max, [("11", "F")]),
    "second import without --replace": (_second_import, [(None, None)]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_each_refusal_leaves_the_round_unchanged(
    round_file: Path, tmp_path: Path, name: str
) -> None:
    make, expected = CASES[name]
    path, options = make(round_file, tmp_path)
    before = _snapshot(round_file)
    with world.opened(round_file) as ctx, pytest.raises(ImportFormatError) as caught:
        explanations.import_form(ctx, path, evidence_dir=tmp_path, **options)
    assert _snapshot(round_file) == before
    found = [(str(p.location.row) if p.location.row else None, p.location.column)
             for p in caught.value.problems]  # fmt: skip
    assert found == expected, caught.value.describe("en")
    assert all(p.location.file == path.name for p in caught.value.problems)


def test_import_only_in_the_explanation_phase(built: Path, tmp_path: Path) -> None:
    round_file = world.copy_round(built, tmp_path)
    path = _filled(round_file, tmp_path)
    with world.opened(round_file) as ctx:
        rounds.advance_phase(ctx, Phase.ROUND_2)
    before = _snapshot(round_file)
    with world.opened(round_file) as ctx, pytest.raises(ValidationError, match="explanation"):
        explanations.import_form(ctx, path, evidence_dir=tmp_path)
    assert _snapshot(round_file) == before


def test_a_folder_imports_each_form_by_its_own_identity(round_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "forms"
    folder.mkdir()
    _filled(round_file, folder)
    _form(
        round_file, "B", folder / "zz-bad.xlsx", **APPROVAL, F11=9, G11="Quá tối đa"
    )  # B's 1.2 above its maximum of 6: refused alone
    with world.opened(round_file) as ctx:
        outcomes = explanations.import_folder(ctx, folder)
        current = explanations.current_explanations(ctx)
    assert [(o.file.name, o.ok) for o in outcomes] == [("A.xlsx", True), ("zz-bad.xlsx", False)]
    assert sorted(current) == ["A"]
