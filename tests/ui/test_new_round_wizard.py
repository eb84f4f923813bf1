"""The secretary's desk without a terminal: the start page's "New appraisal round…" wizard driven
end to end (criteria workbook with its check report, units typed and imported after a preview,
members with certificates from a .p12 and a .pem with their fingerprints, the areas × members
matrix, deadlines, rules and CRLs), then the whole first round in the secretary window's "Setup"
tab: phase, packages for all members with progress, members' signed submissions merged,
results exported; the completeness of sent / submitted / due; a round held by another parapp
opens read-only under a banner. Screenshots of every page at 1366×768."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes
from openpyxl import load_workbook
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from parapp.core.criteria import Assessor
from parapp.core.criteria_codec import from_dict
from parapp.core.errors import ValidationError
from parapp.core.messages import Lang
from parapp.core.rounds import MemberRole, Phase
from parapp.io.signing.signers import Pkcs12Key
from parapp.services import criteria_sets, packages, round_lock, scoring, signing, workbooks
from parapp.services.audit import audit_rows
from parapp.services.context import open_round
from parapp.services.rounds import member_scope, round_info
from parapp.ui.secretary.secretary_window import SecretaryWindow
from parapp.ui.secretary.wizard.new_round_wizard import NewRoundWizard
from parapp.ui.start_page import StartPage
from parapp.ui.widgets import errors, i18n, workers
from parapp.ui.widgets.recent_files import RecentFiles
from tests.signing_pki import P12_PASSPHRASE, issue, make_pki, write_p12

pytestmark = pytest.mark.gui
SHOTS = Path(os.environ.get("PARAPP_SHOTS", "/tmp/shots"))
TIMEOUT = 120_000
COUNCIL = Assessor.COUNCIL


def text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def shot(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.resize(1366, 768)
    widget.grab().save(str(SHOTS / f"wizard-{name}.png"))


@pytest.fixture
def vietnamese(qapp: object) -> Iterator[None]:
    i18n.install(Lang.VI)
    yield
    for box in errors.open_error_boxes():
        box.done(0)
    i18n.reset()


def _criteria_files(tmp_path: Path, data: dict[str, Any]) -> tuple[Path, Path]:
    good = tmp_path / "bo-tieu-chi.xlsx"
    criteria_sets.export(from_dict(data), good)
    bad = tmp_path / "bo-tieu-chi-loi.xlsx"
    book = load_workbook(good)
    sheet = book.worksheets[0]
    for row in range(2, 6):
        for col in range(1, sheet.max_column + 1):
            cell = sheet.cell(row, col)
            if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                cell.value = "nhiều"
                break
    book.save(bad)
    return good, bad


def _units_workbook(wizard: NewRoundWizard, path: Path, rows: list[tuple[str, str, str]]) -> Path:
    workbooks.export_units_template(wizard.units.round_ctx(), path)  # what its button writes
    book = load_workbook(path)
    sheet = book["DonVi"]
    for index, row in enumerate(rows, 2):
        for col, value in enumerate(row, 1):
            sheet.cell(index, col, value)
    book.save(path)
    return path


def test_wizard_then_the_whole_first_round_in_the_secretary_window(
    qtbot: QtBot, vietnamese: None, tmp_path: Path, sample_criteria_data: dict[str, Any]
) -> None:
    pki = make_pki(tmp_path / "pki", member="Trần Thị Bình")
    second_key, second_cert = issue(pki.ca_key, pki.ca_cert, "Lê Văn Cường")
    second_p12 = write_p12(tmp_path / "pki" / "cuong.p12", second_key, second_cert, [pki.ca_cert])
    good, bad = _criteria_files(tmp_path, sample_criteria_data)

    # -- the start page's action opens the wizard -----------------------------------------
    recent = RecentFiles(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    start = StartPage(recent)
    qtbot.addWidget(start)
    start.show()
    opened: list[Path] = []
    start.open_requested.connect(opened.append)
    start.new_round_button.click()
    wizard = start.wizard
    assert isinstance(wizard, NewRoundWizard)
    qtbot.addWidget(wizard)
    page = wizard.criteria_page

    # -- criteria: a workbook with errors shows its report row by row, then a good one ------
    page.name_edit.setText("Thẩm định Chỉ số CCHC năm 2026")
    page.path_edit.setText(str(tmp_path / "dot-2026.parround"))
    assert not page.check_workbook(bad)
    assert page.report_table.rowCount() >= 1
    assert "dòng" in text(page.report_table, 0, 0)
    shot(wizard, "1-criteria-report")
    assert page.check_workbook(good)
    shot(wizard, "1-criteria")
    wizard.next()
    assert wizard.round_path is not None
    assert wizard.round_path.exists()
    assert round_lock.lock_path(wizard.round_path).exists()  # the wizard holds the round

    # -- units: typed, then a workbook previewed (errors first) and imported --------------
    units = wizard.units
    units.code_edit.setText("SNV")
    units.name_edit.setText("Sở Nội vụ")
    units.type_combo.setCurrentIndex(units.type_combo.findData("so"))
    assert units.add_unit()
    units.code_edit.setText("SNV")
    units.name_edit.setText("Sở Nội vụ (lần hai)")
    assert not units.add_unit()
    assert "đã có" in units.message_label.text()
    broken = _units_workbook(
        wizard,
        tmp_path / "don-vi-loi.xlsx",
        [("STP", "Sở Tư pháp", "so"), ("STP", "Sở Tài chính", "so")],
    )
    preview = units.preview_workbook(broken)
    assert preview.problems
    assert not units.confirm_button.isEnabled()
    assert units.problem_list.count() == len(preview.problems)
    shot(wizard, "2-units-errors")
    workbook = _units_workbook(
        wizard,
        tmp_path / "don-vi.xlsx",
        [("STP", "Sở Tư pháp", "so"), ("XTP", "UBND xã Tân Phú", "xa")],
    )
    assert len(units.preview_workbook(workbook).rows) == 2
    shot(wizard, "2-units-preview")
    assert units.import_previewed()
    assert units.table.rowCount() == 3
    assert text(units.table, 2, 3) == "Khối xã"  # its ranking group
    shot(wizard, "2-units")
    wizard.next()

    # -- members: certificates from a .p12 and a .pem, fingerprints shown ------------------
    members = wizard.members
    assert not members.load_certificate_file(pki.member_p12, "sai mật khẩu")
    assert members.certificate is None
    assert members.load_certificate_file(pki.member_p12, P12_PASSPHRASE)
    assert "SHA-256" in members.cert_label.text()
    members.title_edit.setText("Phó Giám đốc Sở Nội vụ")
    members.role_combo.setCurrentIndex(members.role_combo.findData(MemberRole.CHAIR.value))
    assert members.add_member()
    assert members.load_certificate_file(second_p12, P12_PASSPHRASE)
    assert members.add_member()
    members.name_edit.setText("Phạm Thu Hà")
    members.role_combo.setCurrentIndex(members.role_combo.findData(MemberRole.SECRETARY.value))
    assert members.add_member()
    assert [text(members.table, r, 3) for r in range(3)] == [
        "Chủ tịch Hội đồng", "Ủy viên", "Thư ký",
    ]  # fmt: skip
    assert [text(members.table, r, 0) for r in range(3)] == [
        "tran-thi-binh", "le-van-cuong", "pham-thu-ha",
    ]  # fmt: skip
    shown = text(members.table, 0, 4).replace(" ", "").replace(":", "").lower()
    assert shown == pki.member_cert.fingerprint(hashes.SHA256()).hex()
    shot(wizard, "3-members")
    wizard.next()

    # -- assignments: one appraiser per area by default -----------------------------------
    matrix = wizard.assignments
    plan = matrix.plan()
    assert plan["pham-thu-ha"][1] == set()  # the secretary scores nothing
    areas_b, areas_c = plan["tran-thi-binh"][1], plan["le-van-cuong"][1]
    assert areas_b
    assert areas_c
    assert not (areas_b & areas_c)
    assert matrix.apply()
    shot(wizard, "4-assignments")
    wizard.next()

    # -- phases and rules ------------------------------------------------------------------
    wizard.phases.set_deadline(Phase.SELF_ASSESSMENT, date(2026, 10, 15))
    wizard.phases.set_deadline(Phase.ROUND_1, date(2026, 11, 15))
    assert wizard.phases.save()
    shot(wizard, "5-phases")
    wizard.next()
    rules = wizard.rules
    rules.rule_combo.setCurrentIndex(rules.rule_combo.findData("must_agree"))
    rules.threshold_edit.setText("0,5")
    rules.quorum_combo.setCurrentIndex(rules.quorum_combo.findData("majority_of_all"))
    rules.bands_combo.setCurrentIndex(rules.bands_combo.findData("tinh"))
    assert rules.save()
    assert rules.add_crl(pki.crl_der)
    assert rules.crl_list.count() == 1
    shot(wizard, "6-rules")
    wizard.next()
    shot(wizard, "7-packages")
    path = wizard.round_path
    wizard.accept()
    assert opened == [path]
    assert not round_lock.lock_path(path).exists()

    with open_round(path) as ctx:
        actions = [r.action for r in audit_rows(ctx)]
        assert actions.count("add_unit") == 3
        assert actions.count("add_member") == 3
        assert actions.count("assign") == 2
        assert "round_settings" in actions
        fields = {r.field for r in audit_rows(ctx) if r.action == "round_settings"}
        assert {"deadline:self_assessment", "deadline:round_1", "quorum_rule"} <= fields

    # -- the secretary window: the first round without a terminal ---------------------------
    ctx = open_round(path, actor="thu-ky")
    window = SecretaryWindow(ctx, Lang.VI)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    settings = window.settings_pane
    tabs = window.ui.tabs_widget
    tabs.setCurrentWidget(settings)
    assert tabs.tabText(tabs.currentIndex()) == settings.tr("Setup")
    assert window.read_only_banner is None
    settings.show_section(settings.units)
    shot(window, "settings-units")
    settings.show_section(settings.phases)
    assert settings.phases.advance()
    assert round_info(ctx).phase is Phase.ROUND_1
    assert not settings.units.add_button.isEnabled()  # units are fixed once appraisal starts
    shot(window, "settings-phases")
    settings.show_section(settings.packages)
    out = tmp_path / "USB"
    settings.packages.set_folder(out)
    with qtbot.waitSignal(settings.packages.built, timeout=TIMEOUT):
        settings.packages.build_all()
    built = settings.packages.last_built
    assert sorted(p.path.name for p in built) == ["Lê Văn Cường.parpkg", "Trần Thị Bình.parpkg"]
    table = settings.packages.table
    assert text(table, 0, 2) == "Trần Thị Bình.parpkg"
    assert text(table, 2, 1) == "—"  # nothing sent to the secretary
    assert text(table, 0, 6) == "15/11/2026"
    shot(window, "settings-packages")

    # each member scores in their own workspace and signs (what the member's window does)
    submissions = []
    keys = {"tran-thi-binh": pki.member_p12, "le-van-cuong": second_p12}
    trust = signing.trust_settings([pki.ca_pem])
    for info in built:
        member = info.manifest.member_id
        with packages.open_member_package(info.path, tmp_path / "ws" / member) as ws:
            leaves = [n for n in ws.criteria_set().walk() if n.is_leaf and n.assessor is COUNCIL]
            for unit_id, areas in member_scope(ws, member).items():
                for leaf in leaves:
                    if areas is None or leaf.code.split(".")[0] in areas:
                        with contextlib.suppress(ValidationError):  # not for this unit type
                            scoring.save_appraisal(ws, member, unit_id, leaf.code, "0")
            done = signing.build_score_package(
                ws,
                Pkcs12Key(keys[member], P12_PASSPHRASE),
                tmp_path / f"{member}.parscore",
                trust,
                member_id=member,
            )
            submissions.append(done.path)
    pane = window.merge_pane
    tabs.setCurrentWidget(window.ui.merge_tab)
    with qtbot.waitSignal(pane.merged, timeout=TIMEOUT):
        assert pane.merge_files(submissions)
    report = pane.report()
    assert report is not None
    assert report.ok, pane.details()
    assert [f.outcome.value for f in report.files] == ["accepted", "accepted"]
    tabs.setCurrentWidget(settings)
    settings.show_section(settings.packages)
    for row in (0, 1):  # everything assigned is in: nothing partly submitted or missing
        assert int(text(table, row, 3)) > 0
        assert (text(table, row, 4), text(table, row, 5)) == ("0", "0")
    shot(window, "settings-completeness")

    results = window.results_pane
    window.show_tab(results)
    pdf = tmp_path / "ket-qua.pdf"
    results.ui.place_edit.setText("Thái Nguyên")
    with qtbot.waitSignal(results.exported, timeout=TIMEOUT):
        assert results.export_to(pdf, draft=True)
    assert pdf.exists()
    assert pdf.with_suffix(".xlsx").exists()
    qtbot.waitUntil(lambda: workers.running_calls() == 0, timeout=TIMEOUT)
    window.close()
    ctx.close()
    assert not round_lock.lock_path(path).exists()


HOLD = """
import sys
from pathlib import Path
from parapp.services import round_lock
got = round_lock.acquire(Path(sys.argv[1]))
assert isinstance(got, round_lock.RoundLock)
print("held", flush=True)
sys.stdin.readline()
got.release()
"""


def _small_round(tmp_path: Path, data: dict[str, Any]) -> Path:
    from parapp.services import rounds

    path = tmp_path / "dot.parround"
    with rounds.create_round(path, from_dict(data), "Đợt thử") as ctx:
        rounds.add_units(ctx, [("A", "Sở Nội vụ", "so"), ("X", "UBND xã Tân Phú", "xa")])
    return path


def test_a_round_held_by_another_parapp_opens_read_only_under_a_banner(
    qtbot: QtBot, vietnamese: None, tmp_path: Path, sample_criteria_data: dict[str, Any]
) -> None:
    path = _small_round(tmp_path, sample_criteria_data)
    with subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    ) as child:  # fmt: skip
        assert child.stdout is not None
        assert child.stdin is not None
        assert child.stdout.readline().strip() == "held"
        holder = round_lock.read_holder(path)
        assert holder is not None
        with open_round(path) as ctx:
            window = SecretaryWindow(ctx, Lang.VI)
            qtbot.addWidget(window)
            window.resize(1366, 768)
            window.show()
            banner = window.read_only_banner
            assert banner is not None
            assert banner.isVisible()
            assert "CHỈ ĐỌC" in banner.text()
            assert holder.host in banner.text()
            assert f"tiến trình {child.pid}" in banner.text()
            assert holder.at in banner.text()
            settings = window.settings_pane
            window.ui.tabs_widget.setCurrentWidget(settings)
            assert not settings.units.add_button.isEnabled()
            assert "CHỈ ĐỌC" in settings.units.gate_label.text()
            assert not settings.rules.save_button.isEnabled()
            shot(window, "settings-read-only")
            window.close()
        assert round_lock.read_holder(path) == holder  # the other's lock is left alone
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.wait(timeout=30) == 0


def test_the_setup_tab_imports_every_form_of_a_folder(
    qtbot: QtBot, vietnamese: None, tmp_path: Path, sample_criteria_data: dict[str, Any]
) -> None:
    path = _small_round(tmp_path, sample_criteria_data)
    folder = tmp_path / "phieu"
    folder.mkdir()
    with open_round(path) as ctx:
        for unit in ("A", "X"):
            form = workbooks.export_self_form(ctx, unit, folder / f"phieu-{unit}.xlsx")
            book = load_workbook(form)
            book["TuDanhGia"]["G11"] = 1 if unit == "A" else "không rõ"
            book.save(form)
    (folder / "ghi-chu.xlsx").write_bytes(b"not a workbook")
    with open_round(path) as ctx:
        window = SecretaryWindow(ctx, Lang.VI)
        qtbot.addWidget(window)
        window.show()
        settings = window.settings_pane
        window.ui.tabs_widget.setCurrentWidget(settings)
        settings.show_section(settings.self_import)
        reports = settings.self_import.import_folder(folder)
        assert [(r.file_name, r.unit_id, r.ok) for r in reports] == [
            ("ghi-chu.xlsx", None, False),
            ("phieu-A.xlsx", "A", True),
            ("phieu-X.xlsx", "X", False),
        ]
        table = settings.self_import.table
        assert table.rowCount() == 3
        assert text(table, 1, 1) == "A"
        shot(window, "settings-self-import")
        window.close()


def test_a_member_certificate_read_from_a_plugged_token(
    qtbot: QtBot,
    vietnamese: None,
    tmp_path: Path,
    sample_criteria_data: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from parapp.ui.secretary.wizard.members_section import MembersSection
    from tests.signing_pki import SOFTHSM_MODULE, create_softhsm_token, unload_softhsm

    pki = make_pki(tmp_path / "pki", member="Đỗ Minh Châu")
    empty = tmp_path / "empty-hsm"
    (empty / "tokens").mkdir(parents=True)
    (empty / "softhsm2.conf").write_text(f"directories.tokendir = {empty / 'tokens'}\n")
    path = _small_round(tmp_path, sample_criteria_data)
    with open_round(path) as ctx:
        section = MembersSection()
        qtbot.addWidget(section)
        section.set_context(ctx, Lang.VI)
        monkeypatch.setenv("SOFTHSM2_CONF", str(empty / "softhsm2.conf"))
        unload_softhsm()
        assert section.load_token_certificates(SOFTHSM_MODULE) == 0  # nothing plugged in
        assert "token" in section.message_label.text()
        token = create_softhsm_token(tmp_path / "hsm", pki)
        monkeypatch.setenv("SOFTHSM2_CONF", str(token.conf))
        unload_softhsm()
        try:
            assert section.load_token_certificates(SOFTHSM_MODULE) == 1  # the CA's is not offered
            assert section.certificate is not None
            assert section.certificate.info.subject == "Đỗ Minh Châu"
            assert section.add_member()
        finally:
            unload_softhsm()
        assert text(section.table, 0, 1) == "Đỗ Minh Châu"
        shown = text(section.table, 0, 4).replace(" ", "").replace(":", "").lower()
        assert shown == pki.member_cert.fingerprint(hashes.SHA256()).hex()
