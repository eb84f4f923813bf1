"""Appraisal round 2 end to end on a real round: round 1 merged from signed packages, unit A's
explanation of 1.1 imported with a new evidence PDF, the round-2 package of m1 built with exactly
that item, opened into a workspace, scored through the services, signed into a .parscore, merged;
the results use round 2 for that item and round 1 elsewhere. A round-2 submission scoring an item
that was not explained is refused whole and leaves the round unchanged. A package of format
version 1 still opens."""

from __future__ import annotations

import datetime as dt
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from parapp.core.errors import ValidationError
from parapp.core.rounds import Phase, RoundKind
from parapp.io.packages import member_package, score_package
from parapp.io.packages.member_package import read_package
from parapp.io.sheets import member_xlsx
from parapp.services import (
    merge,
    packages,
    reports,
    results,
    round2,
    rounds,
    scoring,
    submission,
)
from parapp.services.context import RoundContext
from parapp.services.merge import Outcome
from parapp.services.signing import Pkcs12Key
from parapp.store.evidence import sha256_file
from tests.services import explanation_world as world
from tests.services import round2_world
from tests.services.merge_world import Keys, clock, signed_package
from tests.signing_pki import P12_PASSPHRASE

DATA = Path(__file__).parent.parent / "data" / "packages"
PACKAGE_ID = "0c7d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Keys]:
    return round2_world.build(tmp_path_factory.mktemp("round2"))


@pytest.fixture
def round_file(built: tuple[Path, Keys], tmp_path: Path) -> Path:
    return world.copy_round(built[0], tmp_path)


@pytest.fixture
def keys(built: tuple[Path, Keys]) -> Keys:
    return built[1]


def _package(round_file: Path, folder: Path, member: str = "m1") -> packages.PackageInfo:
    with world.opened(round_file) as ctx:
        return packages.build_member_package(ctx, member, folder, package_id=PACKAGE_ID)


def _workspace(package: Path, folder: Path) -> RoundContext:
    return packages.open_member_package(package, folder / "ws", clock=clock, actor="m1")


def test_the_round_2_package_holds_exactly_the_explained_items(
    built: tuple[Path, Keys], round_file: Path, tmp_path: Path
) -> None:
    info = _package(round_file, tmp_path)
    opened = read_package(info.path)
    content = opened.content
    assert opened.manifest.format_version == member_package.FORMAT_VERSION == 2
    assert content.round.phase is Phase.ROUND_2
    assert (info.unit_ids, info.explained_items) == (("A",), 1)
    assert [u.id for u in content.units] == ["A"]  # B explained nothing
    assert {u: set(e) for u, e in content.self_assessments.items()} == {"A": {"1.1"}}
    assert content.components == ()
    [(unit_id, unit)] = content.round_2.items()
    assert (unit_id, unit.approval.name, set(unit.items)) == ("A", "Nguyễn Văn Lãnh", {"1.1"})
    item = unit.items["1.1"]
    assert item.own_round_1 is not None
    assert item.own_round_1.value == Decimal(3)
    assert item.consolidated_round_1 is not None
    assert item.consolidated_round_1.value == Decimal(3)
    assert item.explanation.text == round2_world.EXPLANATION
    assert item.explanation.proposed == Decimal(4)
    [ref] = item.explanation.evidence
    new_sha = sha256_file(built[0].parent / "forms" / round2_world.NEW_EVIDENCE)
    assert (ref.file_name, ref.page, ref.sha256) == ("QD-moi.pdf", 2, new_sha)
    # The new evidence is copied in by hash beside the self-assessment's own evidence.
    shipped = {f.name for f in opened.manifest.files if f.name.startswith("evidence/")}
    assert f"evidence/{new_sha}" in shipped
    assert shipped == {f"evidence/{sha}" for sha in content.evidence_sha256s()}
    assert info.evidence_files == 2


def test_a_member_without_explained_items_gets_no_round_2_package(
    round_file: Path, tmp_path: Path
) -> None:
    with world.opened(round_file) as ctx:
        rounds.assign(ctx, "m3", ["B"])
        with pytest.raises(ValidationError) as caught:
            packages.build_member_package(ctx, "m3", tmp_path)
    assert "No explained item" in caught.value.msg.en
    assert "Không có mục nào đã giải trình" in caught.value.msg.vi


def test_round_2_scored_signed_merged_replaces_round_1_for_that_item_only(
    round_file: Path, keys: Keys, tmp_path: Path
) -> None:
    info = _package(round_file, tmp_path)
    with _workspace(info.path, tmp_path) as ws:
        assert rounds.round_info(ws).kind is RoundKind.WORKSPACE
        sheet = scoring.load_sheet(ws, "m1", "A")
        assert (sheet.appraisal_round, sheet.explained) == (2, frozenset({"1.1"}))
        assert sheet.entries["1.1"].appraised == Decimal(3)  # own round 1 until re-scored
        view = round2.round2_items(ws, "m1", "A", sheet.areas)
        assert view["1.1"].consolidated_round_1 is not None
        assert view["1.1"].consolidated_round_1.value == Decimal(3)
        assert view["1.1"].explanation.evidence[0].page == 2
        assert ws.evidence.has(view["1.1"].explanation.evidence[0].sha256 or "")
        with pytest.raises(ValidationError) as caught:
            scoring.save_appraisal(ws, "m1", "A", "1.2", "5")
        assert "was not explained" in caught.value.msg.en
        change = scoring.save_appraisal(ws, "m1", "A", "1.1", "4")
        assert (change.new.appraisal_round, change.new.value) == (2, Decimal(4))
        scoring.save_comment(ws, "m1", "A", "1.1", "Đã xem quyết định mới")
        sheets = submission.export_sheets(
            ws, "m1", "A", tmp_path / "sheets", pdf=True, xlsx=True, place="Thái Nguyên",
            date=dt.date(2026, 12, 20),
        )  # fmt: skip
        key = Pkcs12Key(keys.p12["m1"], P12_PASSPHRASE)
        sent = submission.sign_and_submit(
            ws,
            "m1",
            key,
            tmp_path / "out",
            place="Thái Nguyên",
            date=dt.date(2026, 12, 20),
            ca_files=[keys.folder / "ca.pem"],
        )
    _check_member_sheets(sheets.files)
    check = score_package.check_score_package(sent.path, keys.trust)
    assert check.scores is not None
    assert check.scores.appraisal_round == 2
    assert {u: set(v) for u, v in check.scores.units.items()} == {"A": {"1.1"}}
    with world.opened(round_file) as ctx:
        report = merge.merge_submissions(ctx, [sent.path], keys.trust)
        assert report.ok, [f.reason.en for f in report.files]
        items = {(i.unit_id, i.node_code): i for i in results.consolidation(ctx).contested()}
        consolidated = results.consolidation(ctx).items
        exported = reports.export_results(
            ctx, xlsx=tmp_path / "ket-qua.xlsx", pdf=tmp_path / "ket-qua.pdf",
            place="Thái Nguyên", date=dt.date(2026, 12, 22), draft=True,
        )  # fmt: skip
    by_code = {i.node_code: i for i in consolidated["A"]}
    # m1's round 2 (4) with m2's round 1 (3): the mean 3.5; the other items keep round 1.
    assert by_code["1.1"].consolidated.value == Decimal("3.5")
    assert {s.member_id: s.value for s in by_code["1.1"].scores} == {"m1": 4, "m2": 3}
    assert by_code["1.2"].consolidated.value == Decimal(6)
    assert by_code["2.1"].consolidated.value == Decimal("2.5")
    assert not items.get(("A", "1.2"))
    _check_council_sheets(exported)


def _check_council_sheets(exported: reports.ReportFiles) -> None:
    """The council's unit sheet of A: round 1 (3) and round 2 (3.5) of 1.1, round 1 only of
    1.2; the final points follow round 2."""
    assert exported.xlsx is not None
    assert exported.pdf is not None
    ws = load_workbook(exported.xlsx)["A Sở A"]
    [header] = [r for r in ws.iter_rows(values_only=True) if r[0] == "STT"]
    assert header[5:9] == ("Thẩm định lần 1", "Thẩm định lần 2", "Điều tra XHH / cơ quan khác",
                           "Điểm đạt được")  # fmt: skip
    rows = {r[1]: r for r in ws.iter_rows(values_only=True) if r[1] in ("1.1", "1.2")}
    assert [Decimal(str(v)) for v in (rows["1.1"][5], rows["1.1"][6], rows["1.1"][8])] == [
        Decimal(3), Decimal("3.5"), Decimal("3.5"),
    ]  # fmt: skip
    assert (Decimal(str(rows["1.2"][5])), rows["1.2"][6]) == (Decimal(6), None)
    done = subprocess.run(
        ["pdftotext", str(exported.pdf), "-"], capture_output=True, text=True, check=True
    )
    text = " ".join(done.stdout.split())
    assert "lần 1" in text
    assert "lần 2" in text


def _check_member_sheets(files: tuple[Path, ...]) -> None:
    """The member's round-2 sheet: both rounds' columns, round 1 = 3, round 2 = 4."""
    pdf = next(f for f in files if f.suffix == ".pdf")
    xlsx = next(f for f in files if f.suffix == ".xlsx")
    ws = load_workbook(xlsx)["PhieuChamDiem"]
    header = [c.value for c in ws[member_xlsx.HEADER_ROW]]
    assert header[4:7] == ["Tự chấm", "Thẩm định lần 1", "Thẩm định lần 2"]
    assert ws["A6"].value == "(Thẩm định lần 2)"
    [row] = [r for r in ws.iter_rows(values_only=True) if r[1] == "1.1"]
    assert row[4:8] == (4, 3, 4, 0)
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    text = " ".join(done.stdout.split())
    assert "(Thẩm định lần 2)" in text
    assert "gồm các mục đơn vị đã giải trình" in text
    assert "Xếp loại Yếu" not in text  # no class of a sheet of explained items only
    # The column titles wrap ("Thẩm định / lần 1"): pdftotext reads the header row by row.
    assert "lần 1" in text
    assert "lần 2" in text.replace("(Thẩm định lần 2)", "")


def test_a_round_2_submission_of_an_item_not_explained_is_refused_whole(
    round_file: Path, keys: Keys, tmp_path: Path
) -> None:
    with world.opened(round_file) as ctx:
        round_id = rounds.round_info(ctx).id
    path, _ = signed_package(
        tmp_path / "m1-r2.parscore",
        round_id,
        keys,
        "m1",
        {"A": {"1.1": "4", "1.2": "5"}, "B": {"2.1": "4"}},
        appraisal_round=2,
        form_id="T-MERGE",
    )
    before = world.dump(round_file)
    with world.opened(round_file) as ctx:
        [outcome] = merge.merge_submissions(ctx, [path], keys.trust).files
    assert outcome.outcome is Outcome.REFUSED
    for text in ("unit A – Sở A, item 1.2", "unit B – Sở B, item 2.1", "did not explain"):
        assert text in outcome.reason.en, outcome.reason.en
    for text in ("đơn vị A – Sở A, mục 1.2", "đơn vị B – Sở B, mục 2.1", "không giải trình"):
        assert text in outcome.reason.vi, outcome.reason.vi
    assert "1.1" not in outcome.reason.en.split("none was merged")[1]
    after = world.dump(round_file)
    # The inbox keeps the refused file for the secretary; nothing else of the round changed.
    kept = before.pop("offered_file")
    offered = [r for r in after.pop("offered_file") if r not in kept]
    assert [r[3] for r in offered] == ["refused"]
    assert after == before


def test_a_package_of_format_version_1_still_opens(tmp_path: Path) -> None:
    opened = read_package(DATA / "v1-member-m3.parpkg")
    assert opened.manifest.format_version == 1
    assert opened.content.round_2 == {}
    with packages.open_member_package(
        DATA / "v1-member-m3.parpkg", tmp_path, clock=clock, actor="m3"
    ) as ws:
        sheet = scoring.load_sheet(ws, "m3", "A")
        assert (sheet.appraisal_round, sheet.explained) == (1, None)
        assert sheet.entries["1.1"].self_score == Decimal(4)
        scoring.save_appraisal(ws, "m3", "A", "2.1", "3")
