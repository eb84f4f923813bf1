"""The secretary window's "Year" tab on a real round (round 1 merged from signed packages): the
units' status; round-1 notices signed with the secretary's real key through the dialog, with
progress; a wrong passphrase refused with nothing changed; the explanation phase; forms
exported, a filled form and a folder imported (a line per file), a bad form refused with nothing
changed; screenshots at 1366x768 in Vietnamese."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from parapp.core.messages import Lang
from parapp.core.rounds import Phase
from parapp.services import rounds
from parapp.services.context import RoundContext
from parapp.ui.secretary.notices_dialog import NoticesDialog
from parapp.ui.secretary.secretary_window import SecretaryWindow
from parapp.ui.secretary.year_pane import YearPane
from parapp.ui.widgets import errors, i18n
from tests.services import explanation_world as world
from tests.services.merge_world import Keys
from tests.signing_pki import P12_PASSPHRASE

pytestmark = pytest.mark.gui
SHOTS = Path("/tmp/shots")
APPROVAL = {"C5": "Nguyễn Văn Lãnh", "C6": "Giám đốc Sở", "C7": "15/12/2026"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Keys]:
    return world.build(tmp_path_factory.mktemp("year"))


@pytest.fixture
def keys(built: tuple[Path, Keys]) -> Keys:
    return built[1]


@pytest.fixture
def ctx(built: tuple[Path, Keys], tmp_path: Path) -> Iterator[RoundContext]:
    context = world.opened(world.copy_round(built[0], tmp_path))
    yield context
    context.close()


@pytest.fixture
def window(qtbot: QtBot, ctx: RoundContext, keys: Keys) -> Iterator[SecretaryWindow]:
    i18n.install(Lang.VI)
    shown = SecretaryWindow(ctx, Lang.VI)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    shown.year_pane.trust = keys.trust
    shown.show_tab(shown.year_pane)
    yield shown
    for box in errors.open_error_boxes():
        box.done(0)
    shown.close()
    i18n.reset()


def pane_of(window: SecretaryWindow) -> YearPane:
    pane = window.year_pane
    assert isinstance(pane, YearPane)
    return pane


def column(pane: YearPane, number: int) -> list[str]:
    model = pane.model()
    return [str(model.index(row, number).data()) for row in range(model.rowCount())]


def issue(qtbot: QtBot, pane: YearPane, keys: Keys, folder: Path, passphrase: str) -> None:
    dialog = pane.open_notices()
    assert isinstance(dialog, NoticesDialog)
    dialog.ui.place_edit.setText("Thái Nguyên")
    dialog.ui.folder_edit.setText(str(folder))
    dialog.set_key_file(keys.p12["tk"], passphrase)
    dialog.accept()
    qtbot.waitUntil(lambda: not pane.is_busy(), timeout=60000)


def test_year_tab_lists_units_and_issues_signed_notices(
    qtbot: QtBot, window: SecretaryWindow, keys: Keys, tmp_path: Path
) -> None:
    pane = pane_of(window)
    tabs = window.ui.tabs_widget
    results_tab = next(
        i
        for i in range(tabs.count())
        if (page := tabs.widget(i)) is not None and page.isAncestorOf(window.results_pane)
    )
    assert tabs.widget(results_tab + 1) is pane  # the Year tab follows Results
    assert column(pane, 0) == ["A", "B"]
    assert column(pane, 8) == ["Chưa gửi thông báo"] * 2
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOTS / "desk13-year-tab.png"))
    dialog = pane.open_notices()
    assert isinstance(dialog, NoticesDialog)
    dialog.resize(640, 380)
    assert dialog.grab().save(str(SHOTS / "desk13-notices-dialog.png"))
    dialog.reject()
    issue(qtbot, pane, keys, tmp_path / "notices", P12_PASSPHRASE)
    assert not errors.open_error_boxes()
    for unit in ("A", "B"):
        pdf = tmp_path / "notices" / f"{unit}.pdf"
        assert (tmp_path / "notices" / f"{unit}.xlsx").is_file()
        checked = subprocess.run(["pdfsig", str(pdf)], check=False, capture_output=True, text=True)
        assert "Signature is Valid" in checked.stdout
    assert column(pane, 8) == ["Đã gửi thông báo, chờ giải trình"] * 2
    assert "A: " in pane.report_text()
    assert window.grab().save(str(SHOTS / "desk13-year-notices-sent.png"))


def test_a_wrong_passphrase_is_refused_and_nothing_changes(
    qtbot: QtBot, window: SecretaryWindow, ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    pane = pane_of(window)
    before = world.dump(ctx.path)
    issue(qtbot, pane, keys, tmp_path / "notices", "sai-mat-khau")
    boxes = errors.open_error_boxes()
    assert len(boxes) == 1
    assert boxes[0].text()  # the service's message, in Vietnamese
    assert world.dump(ctx.path) == before
    assert not list((tmp_path / "notices").glob("*.pdf"))
    assert column(pane, 8) == ["Chưa gửi thông báo"] * 2


def test_explanation_forms_exported_and_imported_one_and_a_folder(
    qtbot: QtBot, window: SecretaryWindow, ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    pane = pane_of(window)
    issue(qtbot, pane, keys, tmp_path / "notices", P12_PASSPHRASE)
    assert pane.advance()
    assert rounds.round_info(ctx).phase is Phase.EXPLANATION
    forms = tmp_path / "forms"
    forms.mkdir()
    written = pane.export_forms(forms)
    assert [p.name for p in written] == ["A.xlsx", "B.xlsx"]
    # A refused form (no leader's approval, score above the maximum): shown, nothing changed.
    bad = forms / "A.xlsx"
    workbook = load_workbook(bad)
    workbook["GiaiTrinh"]["F11"] = 99
    workbook.save(tmp_path / "A-sai.xlsx")
    before = world.dump(ctx.path)
    assert not pane.import_form(tmp_path / "A-sai.xlsx")
    assert len(errors.open_error_boxes()) == 1
    errors.open_error_boxes()[0].done(0)
    assert world.dump(ctx.path) == before
    assert "A-sai.xlsx" in pane.report_text()
    # A good form of A, with its new evidence beside it.
    (forms / "QD-moi.pdf").write_bytes(b"%PDF-1.4\n% new evidence")
    workbook = load_workbook(bad)
    sheet = workbook["GiaiTrinh"]
    for ref, value in {
        **APPROVAL,
        "F11": 4,
        "G11": "Kế hoạch đã ban hành",
        "H11": "QD-moi.pdf, tr. 2",
    }.items():
        sheet[ref] = value
    workbook.save(bad)
    assert pane.import_form(bad)
    assert "✓ A.xlsx: A" in pane.report_text()
    status = {u.unit_id: u for u in pane.status().units}  # type: ignore[union-attr]
    assert status["A"].explained >= 1
    assert status["A"].approved_by == "Nguyễn Văn Lãnh"
    assert column(pane, 8)[0] == "Đã nhập giải trình"
    # The folder: A again (already imported: unchanged), B unfilled (refused), each reported.
    imported = pane.import_folder(forms)
    lines = pane.report_text().splitlines()
    assert lines[0].startswith("✓ A.xlsx")
    assert lines[1].startswith("✗ B.xlsx")
    assert "dòng 7, cột C" in pane.report_text()  # each problem located
    assert imported == 1
    assert window.grab().save(str(SHOTS / "desk13-year-explanations.png"))
