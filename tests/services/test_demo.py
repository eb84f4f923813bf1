"""The demo year: complete, realistic, and the same bytes every time it is built."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from parapp.core import scoring
from parapp.core.errors import ValidationError
from parapp.core.findings import FindingCode, ScoreField
from parapp.core.rounds import MemberRole, Phase
from parapp.core.scoring import LeafEntry
from parapp.io.packages import read_package
from parapp.services import demo, rounds, self_assessment
from parapp.services import demo_data as data
from parapp.services.context import RoundContext, open_round
from parapp.services.demo import DemoResult, DemoRound
from parapp.store import scores as score_store

FLAG_FINDINGS = {
    data.Flag.ABOVE_MAX: FindingCode.ABOVE_MAX,
    data.Flag.OFF_LEVEL: FindingCode.NOT_ALLOWED_LEVEL,
    data.Flag.OFF_STEP: FindingCode.NOT_ON_STEP,
    data.Flag.NO_EVIDENCE: FindingCode.MISSING_EVIDENCE,
}


@dataclass(frozen=True)
class Built:
    first: DemoResult
    second: DemoResult


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The demo built twice, into two folders (once per module: it takes a few seconds)."""
    root = tmp_path_factory.mktemp("demo")
    return Built(demo.build_demo(root / "a"), demo.build_demo(root / "b"))


@pytest.fixture(scope="module")
def result(built: Built) -> DemoResult:
    return built.first


def department(result: DemoResult) -> DemoRound:
    return result.rounds[0]


def district(result: DemoResult) -> DemoRound:
    return result.rounds[1]


def each_round(result: DemoResult) -> Iterator[tuple[DemoRound, RoundContext]]:
    for built_round in result.rounds:
        with open_round(built_round.path) as ctx:
            yield built_round, ctx


def specs(built_round: DemoRound) -> tuple[data.UnitSpec, ...]:
    return data.DISTRICTS if "huyen" in built_round.path.name else data.DEPARTMENTS


def test_two_rounds_with_19_departments_and_9_districts(result: DemoResult) -> None:
    assert [r.path.name for r in result.rounds] == [
        demo.round_file(demo.pick_set(data.DEPARTMENT_TYPES)),
        demo.round_file(demo.pick_set(data.DISTRICT_TYPES)),
    ]
    counts = []
    for built_round, ctx in each_round(result):
        units = rounds.list_units(ctx)
        assert built_round.units == len(units)
        counts.append(len(units))
        types = {u.unit_type for u in units}
        assert types <= {t.code for t in ctx.criteria_set().unit_types}
    assert counts == [19, 9]


def test_named_units_of_the_seed_exist(result: DemoResult) -> None:
    names = {}
    for _, ctx in each_round(result):
        names.update({u.id: (u.name, u.unit_type) for u in rounds.list_units(ctx)})
    assert names["SCT"][0] == "Sở Công Thương"
    assert names["BQL-KCN"][0] == "Ban Quản lý các khu công nghiệp tỉnh"
    assert names["STP"][0] == "Sở Tư pháp"
    assert names["SGTVT"][0] == "Sở Giao thông vận tải"
    assert names["UBND-SC"][0] == "UBND thành phố Sông Công"
    assert names["UBND-PB"][0] == "UBND huyện Phú Bình"
    assert names["UBND-PL"][0] == "UBND huyện Phú Lương"
    assert names["UBND-TPTN"][0] == "UBND thành phố Thái Nguyên"
    assert names["TTT"] == ("Thanh tra tỉnh", "so-khong-tthc")
    assert names["BDT"][1] == "so-khong-tthc"
    assert all(name == _nfc(name) for name, _ in names.values())


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def test_each_round_has_the_five_member_council(result: DemoResult) -> None:
    for built_round, ctx in each_round(result):
        members = rounds.list_members(ctx)
        assert built_round.members == len(members) == 5
        roles = [m.role for m in members]
        assert roles.count(MemberRole.CHAIR) == 1
        assert roles.count(MemberRole.VICE_CHAIR) == 1
        assert roles.count(MemberRole.SECRETARY) == 1
        assert members[0].title == "Phó Chủ tịch UBND tỉnh"


def test_every_area_of_every_unit_is_assigned_to_a_member(result: DemoResult) -> None:
    for _, ctx in each_round(result):
        areas = {node.code for node in ctx.criteria_set().nodes}
        covered: dict[str, set[str]] = {}
        for member in rounds.list_members(ctx):
            for unit_id, scope in rounds.member_scope(ctx, member.id).items():
                assert scope is not None, "each member appraises areas, not whole units"
                covered.setdefault(unit_id, set()).update(scope)
        assert {u.id for u in rounds.list_units(ctx)} == set(covered)
        assert all(codes == areas for codes in covered.values())


def test_phase_is_appraisal_round_1_with_the_transition_logged(result: DemoResult) -> None:
    for _, ctx in each_round(result):
        assert rounds.round_info(ctx).phase is Phase.ROUND_1
        history = rounds.phase_history(ctx)
        assert [(e.from_phase, e.to_phase) for e in history] == [
            (Phase.SELF_ASSESSMENT, Phase.ROUND_1)
        ]
        assert history[0].actor == "TK-HD"


def test_every_unit_self_assessed_with_evidence_stored_by_hash(result: DemoResult) -> None:
    for built_round, ctx in each_round(result):
        total = 0
        for unit in rounds.list_units(ctx):
            entries = self_assessment.load_self_assessment(ctx, unit.id)
            assert len(entries) > 40
            total += len(entries)
            refs = [ref for entry in entries.values() for ref in entry.evidence]
            stored = {ref.sha256 for ref in refs if ref.sha256 is not None}
            assert stored
            assert all(ctx.evidence.verify(sha) for sha in stored)
            unsupplied = {ref.file_name for ref in refs if ref.sha256 is None}
            assert unsupplied == set(built_round.missing_evidence.get(unit.id, ()))
            assert any(entry.explanation for entry in entries.values())
            assert any(entry.figure is not None for entry in entries.values())
        assert total == built_round.self_entries
        assert built_round.evidence_stored == built_round.evidence_files


def test_one_cited_file_is_missing_and_listed(result: DemoResult) -> None:
    assert dict(department(result).missing_evidence) == {
        "BQL-KCN": ("BC-CCHC-QIII-2026-BQL-KCN.pdf",)
    }
    assert not district(result).missing_evidence
    folder = result.outdir / "evidence" / "BQL-KCN"
    assert not (folder / "BC-CCHC-QIII-2026-BQL-KCN.pdf").exists()
    assert (folder / "BC-CCHC-2026-BQL-KCN.pdf").is_file()


def test_deliberate_mistakes_show_as_findings(result: DemoResult) -> None:
    for built_round in result.rounds:
        found = {(f.unit, f.code) for f in built_round.findings}
        assert all(f.field is ScoreField.SELF_SCORE for f in built_round.findings)
        expected = {
            (spec.id, FLAG_FINDINGS[flag])
            for spec in specs(built_round)
            for flag in spec.flags
            if flag in FLAG_FINDINGS
        }
        assert expected
        assert found == expected


def test_banded_self_scores_follow_the_declared_figures(result: DemoResult) -> None:
    for built_round, ctx in each_round(result):
        flagged = {(f.unit, f.node) for f in built_round.findings}
        criteria_set = ctx.criteria_set()
        checked = 0
        for unit in rounds.list_units(ctx):
            entries = self_assessment.load_self_assessment(ctx, unit.id)
            for code, entry in entries.items():
                node = criteria_set.node(code)
                suggested = scoring.suggested_score(node, entry.figure, unit.unit_type)
                if suggested is not None and (unit.id, code) not in flagged:
                    assert entry.self_score == suggested, (unit.id, code)
                    checked += 1
        assert checked > 10 * built_round.units


def pdf_pages(path: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")
    return out.split("\f")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_cited_pages_hold_the_cited_item(result: DemoResult) -> None:
    for built_round, ctx in each_round(result):
        pages: dict[tuple[str, str], list[str]] = {}
        for unit in rounds.list_units(ctx):
            folder = result.outdir / "evidence" / unit.id
            assert folder in built_round.evidence_dirs
            for code, entry in self_assessment.load_self_assessment(ctx, unit.id).items():
                for ref in entry.evidence:
                    if ref.sha256 is None:
                        continue
                    key = (unit.id, ref.file_name)
                    if key not in pages:
                        pages[key] = pdf_pages(folder / ref.file_name)
                    assert ref.page is not None
                    text = " ".join(pages[key][ref.page - 1].split())
                    if ref.file_name.startswith("QD-"):
                        assert "DANH MỤC THỦ TỤC HÀNH CHÍNH" in text
                    else:
                        assert re.search(rf"(^| ){re.escape(code)}\. ", text), (key, ref, code)
        assert len(pages) > 2 * built_round.units


def test_survey_results_use_the_seed_figures(result: DemoResult) -> None:
    expected = {"SGTVT": "98.40", "STP": "88.30", "BQL-KCN": "88.30"}
    expected |= {"UBND-PL": "98.20", "UBND-TPTN": "91.40"}
    means: dict[str, Decimal] = {}
    for built_round, ctx in each_round(result):
        criteria_set = ctx.criteria_set()
        with ctx.db.transaction() as s:
            components = score_store.components(s)
        assert len(components) == built_round.components > 0
        by_unit: dict[str, list[Decimal]] = {}
        for c in components:
            parent = criteria_set.node(c.node_code).parent_code
            if parent is not None and "SIPAS" in criteria_set.node(parent).name:
                assert c.figure is not None
                by_unit.setdefault(c.unit_id, []).append(c.figure)
        means |= {u: sum(v, Decimal(0)) / len(v) for u, v in by_unit.items()}
        without = {s.id for s in specs(built_round) if s.sipas is None}
        assert not without & set(by_unit)
    for unit_id, sipas in expected.items():
        assert means[unit_id] == Decimal(sipas)
    assert max(means[u.id] for u in data.DEPARTMENTS if u.sipas) == Decimal("98.40")
    assert min(means[u.id] for u in data.DISTRICTS) == Decimal("91.40")


def test_self_assessed_ranking_echoes_the_seed(result: DemoResult) -> None:
    for built_round, ctx in each_round(result):
        criteria_set = ctx.criteria_set()
        with ctx.db.transaction() as s:
            components = score_store.components(s)
        indices: dict[str, Decimal] = {}
        for unit in rounds.list_units(ctx):
            entries = {
                code: LeafEntry(self_score=e.self_score, appraised=e.self_score, comment="x")
                for code, e in self_assessment.load_self_assessment(ctx, unit.id).items()
            }
            entries |= {
                c.node_code: LeafEntry(appraised=c.value, comment="x")
                for c in components
                if c.unit_id == unit.id
            }
            outcome = scoring.score_unit(criteria_set, unit.id, unit.unit_type, entries)
            indices[unit.id] = outcome.index
        ranked = sorted(indices, key=lambda u: indices[u], reverse=True)
        if "huyen" in built_round.path.name:
            assert (ranked[0], ranked[-1]) == ("UBND-SC", "UBND-PB")
        else:
            assert (ranked[0], ranked[-1]) == ("SCT", "BQL-KCN")
        assert len(set(indices.values())) == len(indices)


def test_one_package_per_member_opens_as_a_workspace(result: DemoResult, tmp_path: Path) -> None:
    assert len(result.packages) == 10
    for built_round in result.rounds:
        opened = [read_package(path) for path in built_round.packages]
        assert {p.manifest.member_id for p in opened} == {m.id for m in data.COUNCIL}
        assert {p.manifest.round_id for p in opened} == {built_round.round_id}
    package = demo.first_member_package(result.outdir)
    assert package in department(result).packages
    with demo.open_first_member_workspace(result.outdir, tmp_path / "ws") as ctx:
        info = rounds.round_info(ctx)
        assert info.workspace_member_id == data.COUNCIL[0].id
        assert info.id == department(result).round_id


def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as raw:
        return list(raw.iterdump())


def files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.suffix != ".parround" and not p.name.endswith(("-wal", "-shm"))
    }


def test_building_twice_gives_identical_rounds_evidence_and_packages(built: Built) -> None:
    a, b = built.first, built.second
    for round_a, round_b in zip(a.rounds, b.rounds, strict=True):
        assert round_a.path.name == round_b.path.name
        assert dump(round_a.path) == dump(round_b.path)
    files_a, files_b = files(a.outdir), files(b.outdir)
    assert files_a.keys() == files_b.keys()
    assert any(name.startswith("packages/") for name in files_a)
    assert any(".evidence/" in name for name in files_a)
    assert any(name.startswith("evidence/") for name in files_a)
    for name, content in files_a.items():
        assert content == files_b[name], name


def test_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text("x")
    with pytest.raises(ValidationError):
        demo.build_demo(tmp_path)
