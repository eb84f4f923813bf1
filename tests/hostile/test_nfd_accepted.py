"""Decomposed Vietnamese (NFD, as pasted from Word or the web) is accepted and stored in NFC, in
every format that carries text: criteria JSON and workbook, self-assessment form, units workbook."""

from __future__ import annotations

import copy
import json
import unicodedata

import pytest

from parapp.core import criteria_codec
from parapp.services import criteria_sets, rounds, self_assessment
from parapp.services.context import open_round
from tests.hostile.corpus_criteria import NODE_ROW, NODES
from tests.hostile.corpus_rounds import FORM, ROW
from tests.hostile.harness import run_cli
from tests.hostile.world import SET, World, set_cells

NAME = "Bộ tiêu chí đánh giá Chỉ số cải cách hành chính các sở"
NODE = "Ứng dụng công nghệ thông tin, chuyển đổi số"
EXPLANATION = "Đã ban hành kế hoạch; tài liệu kèm theo ở trang 2"
UNIT = "Sở Thông tin và Truyền thông"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_nfd_texts_differ_from_nfc() -> None:
    for text in (NAME, NODE, EXPLANATION, UNIT):
        assert nfd(text) != text


def test_nfd_criteria_json_is_accepted_and_normalised(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    data = copy.deepcopy(SET)
    data["name"] = nfd(NAME)
    data["nodes"][1]["name"] = nfd(NODE)
    path = world.hostile / "nfd.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, err = run_cli(["criteria", "check", str(path)], capsys)
    assert (code, err) == (0, "")
    assert NAME in out
    new_round = world.round.with_name("nfd.parround")
    code, _, err = run_cli(
        ["round", "create", str(new_round), "--criteria", str(path), "--name", nfd("Đợt một")],
        capsys,
    )
    assert (code, err) == (0, "")
    with open_round(new_round) as ctx:
        stored = ctx.criteria_set()
        assert rounds.round_info(ctx).name == "Đợt một"
    assert (stored.name, stored.node("1.1").name) == (NAME, NODE)
    assert nfd(NAME) not in criteria_codec.dumps(stored)


def test_nfd_criteria_workbook_is_accepted_and_normalised(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    path = set_cells(
        world.set_xlsx,
        world.hostile / "nfd.xlsx",
        NODES,
        {(NODE_ROW["1.1"], 2): nfd(NODE)},
    )
    code, _out, err = run_cli(["--lang", "en", "criteria", "check", str(path)], capsys)
    assert (code, err) == (0, "")
    assert criteria_sets.open_file(path).node("1.1").name == NODE


def test_nfd_self_assessment_is_imported_in_nfc(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    form = set_cells(
        world.self_form,
        world.hostile / "STP-nfd.xlsx",
        FORM,
        {(ROW["2.1"], 8): nfd(EXPLANATION), (ROW["1.1"], 9): nfd("KH-01.pdf, tr. 2")},
    )
    code, _out, err = run_cli(
        ["round", "self-import", str(world.round), "--unit", "STP", str(form)], capsys
    )
    assert (code, err) == (0, "")
    with open_round(world.round) as ctx:
        stored = self_assessment.load_self_assessment(ctx, "STP")
    assert stored["2.1"].explanation == EXPLANATION


def test_nfd_units_workbook_is_imported_in_nfc(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    path = set_cells(
        world.units,
        world.hostile / "don-vi-nfd.xlsx",
        "DonVi",
        {(2, 1): "STTTT", (2, 2): nfd(UNIT), (2, 3): nfd("Sở, ban, ngành")},
    )
    code, _out, err = run_cli(["round", "import-units", str(world.round), str(path)], capsys)
    assert (code, err) == (0, "")
    with open_round(world.round) as ctx:
        added = {u.id: u for u in rounds.list_units(ctx)}["STTTT"]
    assert (added.name, added.unit_type) == (UNIT, "so")
