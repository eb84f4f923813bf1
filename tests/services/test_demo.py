"""The demo year: complete, realistic, and the same bytes every time it is built (except what is
encrypted or signed: key files and signatures, whose content is checked instead)."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import unicodedata
import zipfile
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
from parapp.io.packages.member_package import read_package
from parapp.io.packages.score_package import MANIFEST, SCORES
from parapp.io.signing.certificates import load_certificates, load_pkcs12
from parapp.services import rounds, self_assessment
from parapp.services import scoring as scoring_service
from parapp.services.context import RoundContext, open_round
from parapp.services.demo import data
from parapp.services.demo import pki as demo_pki
from parapp.services.demo import workspaces as demo_workspaces
from parapp.services.demo import year as demo
from parapp.services.demo.result import DemoResult, DemoRound
from parapp.services.signing import trust_settings
from parapp.services.verify import TrustState, verify_file
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
    """The demo built twice with the members' work, into two folders (once per module: it takes
    several seconds)."""
    root = tmp_path_factory.mktemp("demo")
    return Built(  # the whole year's round is tested by tests/test_acceptance_whole_year.py
        demo.build_demo(root / "a", submissions=True, whole_year=False),
        demo.build_demo(root / "b", submissions=True, whole_year=False),
    )


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
        demo.round_file(demo.pick_set(data.DEPARTMENT_TYPES, data.DEPARTMENT_SET)),
        demo.round_file(demo.pick_set(data.DISTRICT_TYPES, data.DISTRICT_SET)),
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


SIGNED_OR_ENCRYPTED = (".parround", ".p12", ".parscore")
"""Compared by content, not bytes: databases by dump, key files opened, packages by entry."""


def files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and p.suffix not in SIGNED_OR_ENCRYPTED
        and not p.parent.name.endswith(".submissions")  # merged signed packages, by hash
        and not p.name.endswith(("-wal", "-shm"))
    }


def unsigned_entries(package: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(package) as archive:
        return {name: archive.read(name) for name in (SCORES, MANIFEST)}


def test_building_twice_gives_identical_rounds_evidence_and_packages(built: Built) -> None:
    a, b = built.first, built.second
    for round_a, round_b in zip(a.rounds, b.rounds, strict=True):
        assert round_a.path.name == round_b.path.name
        assert dump(round_a.path) == dump(round_b.path)
    for ws_a, ws_b in zip(a.workspaces, b.workspaces, strict=True):
        assert ws_a.path.relative_to(a.outdir) == ws_b.path.relative_to(b.outdir)
        assert dump(ws_a.path) == dump(ws_b.path)
    files_a, files_b = files(a.outdir), files(b.outdir)
    assert files_a.keys() == files_b.keys()
    assert any(name.startswith("packages/") for name in files_a)
    assert any(".evidence/" in name for name in files_a)
    assert any(name.startswith("evidence/") for name in files_a)
    assert any(name.startswith("certificates/") for name in files_a)
    assert "README.txt" in files_a
    for name, content in files_a.items():
        assert content == files_b[name], name
    # Signatures draw a random nonce: the signed bytes differ, what they sign does not.
    assert [p.name for p in a.submissions] == [p.name for p in b.submissions]
    for package_a, package_b in zip(a.submissions, b.submissions, strict=True):
        assert unsigned_entries(package_a) == unsigned_entries(package_b)


def test_every_member_has_a_registered_demo_certificate(result: DemoResult) -> None:
    folder = result.outdir / demo_pki.CERTIFICATES_DIR
    [ca] = load_certificates(folder / demo_pki.CA_FILE)
    for _, ctx in each_round(result):
        for member in rounds.list_members(ctx):
            [cert] = load_certificates(folder / f"{member.id}.pem")
            cert.verify_directly_issued_by(ca)
            assert member.certificate_sha256 == result.pki.members[member.id].sha256
            bundle = load_pkcs12(folder / f"{member.id}.p12", demo_pki.DEMO_PASSPHRASE)
            assert bundle.certificate == cert
            assert ca in bundle.chain


def test_each_member_submitted_a_signed_package_from_their_certificate(
    result: DemoResult,
) -> None:
    trust = trust_settings([result.pki.ca_pem])
    assert len(result.submissions) == 10
    for built_round in result.rounds:
        for workspace in built_round.workspaces:
            assert workspace.submission is not None
            assert workspace.submission.parent == result.outdir / "submissions"
            report = verify_file(workspace.submission, trust)
            assert report.signed
            assert report.intact
            assert report.trust is TrustState.VALID_REVOCATION_NOT_CHECKED
            assert report.manifest is not None
            assert report.manifest.member_id == workspace.member_id
            assert report.manifest.round_id == built_round.round_id
            [signature] = report.signatures
            assert signature.certificate_sha256 == result.pki.members[workspace.member_id].sha256


def test_workspaces_are_scored_within_the_rules(result: DemoResult) -> None:
    for built_round in result.rounds:
        assert [w.member_id for w in built_round.workspaces] == [m.id for m in data.COUNCIL]
        for workspace in built_round.workspaces:
            assert workspace.path.parent == result.outdir / "workspaces"
            assert workspace.scores > 0
            with open_round(workspace.path) as ctx:
                assert rounds.round_info(ctx).workspace_member_id == workspace.member_id
                for unit_id in rounds.member_scope(ctx, workspace.member_id):
                    sheet = scoring_service.load_sheet(ctx, workspace.member_id, unit_id)
                    wrong = [
                        f
                        for f in sheet.result.findings
                        if f.field is ScoreField.APPRAISED
                        and f.code
                        in (
                            FindingCode.ABOVE_MAX,
                            FindingCode.NOT_ALLOWED_LEVEL,
                            FindingCode.NOT_ON_STEP,
                            FindingCode.DIFFERS_WITHOUT_COMMENT,
                        )
                    ]
                    assert not wrong, (workspace.member_id, unit_id, wrong)


def appraisals(path: Path) -> dict[tuple[str, str], Decimal | None]:
    with open_round(path) as ctx, ctx.db.transaction() as s:
        return {(r.unit_id, r.node_code): r.value for r in score_store.all_scores(s)}


def test_the_secretary_disagrees_with_the_chair_on_a_few_cross_checked_items(
    result: DemoResult,
) -> None:
    for built_round in result.rounds:
        by_member = {w.member_id: appraisals(w.path) for w in built_round.workspaces}
        chair, secretary = by_member["CT-HD"], by_member["TK-HD"]
        shared = chair.keys() & secretary.keys()
        assert {code.split(".")[0] for _, code in shared} == {demo_workspaces.CROSS_CHECK_AREA}
        differing = {key for key in shared if chair[key] != secretary[key]}
        units = {unit for unit, _ in shared}
        assert units
        assert len(differing) == demo_workspaces.DISAGREEMENTS * len(units)


def test_an_above_maximum_entry_was_flagged_then_corrected_in_the_audit_log(
    result: DemoResult,
) -> None:
    chair = next(w for w in department(result).workspaces if w.member_id == "CT-HD")
    with sqlite3.connect(chair.path) as raw:
        rows = raw.execute(
            "SELECT node_code, old, new FROM audit WHERE action = 'score' AND unit_id = ? "
            "AND field = 'value@1' ORDER BY id",
            (demo_workspaces.TYPO_UNIT,),
        ).fetchall()
    changed = [row for row in rows if row[1] is not None]
    assert len(changed) == 2
    (code, first_old, typed), (same, old, corrected) = changed
    assert same == code
    assert old == typed
    assert Decimal(typed) == Decimal(first_old) * 10 == Decimal(corrected) * 10
    with open_round(chair.path) as ctx:
        maximum = ctx.criteria_set().node(code).maximum
        assert Decimal(typed) > maximum >= Decimal(corrected)
        sheet = scoring_service.load_sheet(ctx, "CT-HD", demo_workspaces.TYPO_UNIT)
        assert sheet.entries[code].appraised == Decimal(corrected)


def test_the_readme_states_the_passphrase_in_both_languages(result: DemoResult) -> None:
    text = result.readme.read_bytes().decode("utf-8-sig")
    assert "DỮ LIỆU MINH HỌA PARAPP" in text
    assert "PARAPP DEMO DATA" in text
    assert text.count(demo_pki.DEMO_PASSPHRASE) >= 4
    assert "certificates/demo-ca.pem" in text
    assert str(result.outdir) not in text


def test_without_submissions_only_certificates_are_added(tmp_path: Path) -> None:
    lean = demo.build_demo(tmp_path / "lean")
    assert not lean.submissions
    assert not lean.workspaces
    assert not (tmp_path / "lean" / "workspaces").exists()
    assert (tmp_path / "lean" / "certificates" / "demo-ca.pem").is_file()
    assert "lần dựng này không tạo" in lean.readme.read_bytes().decode("utf-8-sig")
    # The desktop's first start (startup.build_demo) does not wait for the whole year's round.
    assert lean.whole_year is None
    assert not (tmp_path / "lean" / "2026-so-ca-nam.parround").exists()
    assert not (tmp_path / "lean" / "notices").exists()


def test_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text("x")
    with pytest.raises(ValidationError):
        demo.build_demo(tmp_path)


def test_the_demo_keeps_its_sets_when_newer_ones_are_bundled() -> None:
    """PAR-SBN-2026 knows the same unit types and is newer; the demo's rounds stay on their sets."""
    assert demo.pick_set(data.DEPARTMENT_TYPES, data.DEPARTMENT_SET).form_id == "PAR-SO-2026"
    assert demo.pick_set(data.DISTRICT_TYPES, data.DISTRICT_SET).form_id == "PAR-HUYEN-XA-2024"
    assert demo.pick_set(data.DEPARTMENT_TYPES).form_id == "PAR-SBN-2026"
