"""The scoring window's export, print and sign-and-submit actions, and the background worker
they run on."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from parapp.core.errors import ValidationError
from parapp.core.messages import Lang, Msg
from parapp.services import scoring
from parapp.services.context import RoundContext
from parapp.services.submission import ExportedSheets
from parapp.ui.member.scoring_window import ScoringWindow
from parapp.ui.widgets import i18n
from parapp.ui.widgets.errors import open_error_boxes
from parapp.ui.widgets.workers import BackgroundCall, running_calls
from tests.submission_round import MEMBER, OTHER_UNIT, PLACE, UNIT, UNIT_NAME, make_round

pytestmark = pytest.mark.gui
SHOTS = Path("/tmp/shots")


@pytest.fixture
def ctx(tmp_path: Path, sample_criteria_data: dict[str, Any]) -> Iterator[RoundContext]:
    with make_round(tmp_path / "round", sample_criteria_data, None) as opened:
        yield opened


@pytest.fixture
def window(qtbot: QtBot, ctx: RoundContext, tmp_path: Path) -> ScoringWindow:
    i18n.install(Lang.VI)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    settings.setValue("export_dialog/folder", str(tmp_path / "xuat"))
    settings.setValue("sheets/place", PLACE)
    shown = ScoringWindow(ctx, MEMBER, Lang.VI, settings=settings)
    qtbot.addWidget(shown)
    shown.resize(1200, 700)
    shown.show()
    return shown


@pytest.fixture(autouse=True)
def _close_error_boxes() -> Iterator[None]:
    yield
    for box in open_error_boxes():
        box.done(0)


def test_file_menu_and_toolbar_offer_export_print_and_sign(
    qtbot: QtBot, window: ScoringWindow
) -> None:
    texts = [a.text() for a in window.ui.file_menu.actions()]
    assert texts[:3] == ["&Xuất phiếu chấm…", "&In phiếu…", "&Ký và nộp…"]
    assert texts[-1] == window.ui.close_action.text()
    actions = window.submit_actions
    assert actions.toolbar.actions() == [
        actions.export_action,
        actions.print_action,
        actions.sign_action,
    ]
    i18n.install(Lang.EN)
    try:
        qtbot.waitUntil(lambda: actions.sign_action.text() == "&Sign and submit…")
    finally:
        i18n.install(Lang.VI)


def test_export_through_the_dialog_writes_pdf_and_workbook(
    qtbot: QtBot, window: ScoringWindow, tmp_path: Path
) -> None:
    window.open_unit(UNIT)
    window.submit_actions.export_action.trigger()
    dialog = window.submit_actions.export_dialog
    assert dialog is not None
    assert dialog.isVisible()
    ui = dialog.ui
    assert ui.unit_combo.currentData() == UNIT  # the unit on screen
    assert ui.place_edit.text() == PLACE
    SHOTS.mkdir(exist_ok=True)
    assert dialog.grab().save(str(SHOTS / "export_dialog.png"))
    with qtbot.waitSignal(dialog.exported, timeout=30_000) as blocker:
        ui.export_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy())
    result = blocker.args[0]
    assert isinstance(result, ExportedSheets)
    pdf, xlsx = result.files
    assert pdf.parent == tmp_path / "xuat"
    assert pdf.suffix == ".pdf"
    assert xlsx.suffix == ".xlsx"
    assert pdf.is_file()
    assert xlsx.is_file()
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert UNIT_NAME.upper() in text.upper()
    assert str(tmp_path / "xuat") in dialog.result_text()
    assert pdf.name in dialog.result_text()
    assert ui.open_folder_button.isEnabled()
    assert dialog.grab().save(str(SHOTS / "export_dialog_done.png"))


def test_an_export_without_a_format_shows_the_error(qtbot: QtBot, window: ScoringWindow) -> None:
    dialog = window.submit_actions.open_export_dialog()
    dialog.ui.pdf_check.setChecked(False)
    dialog.ui.xlsx_check.setChecked(False)
    dialog.ui.export_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy())
    qtbot.waitUntil(lambda: len(open_error_boxes()) == 1)
    assert "định dạng" in open_error_boxes()[0].text()


def test_print_renders_the_current_sheet_on_the_printer(
    qtbot: QtBot, window: ScoringWindow, tmp_path: Path
) -> None:
    window.open_unit(UNIT)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    actions = window.submit_actions
    actions.print_sheet(printer)
    qtbot.waitUntil(lambda: not actions.is_printing(), timeout=30_000)
    assert actions.pages_printed is not None
    assert actions.pages_printed >= 1
    assert (tmp_path / "printed.pdf").stat().st_size > 1000


def test_sign_action_lists_an_above_max_flag_and_goes_to_it(
    qtbot: QtBot, window: ScoringWindow, ctx: RoundContext
) -> None:
    scoring.save_appraisal(ctx, MEMBER, OTHER_UNIT, "1.1.1", "9")
    window.submit_actions.sign_action.trigger()
    dialog = window.submit_actions.signing_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert not dialog.ui.sign_button.isEnabled()
    dialog.ui.refusal_list.itemActivated.emit(dialog.ui.refusal_list.item(0))
    assert window.ui.units_pane.current_unit_id() == OTHER_UNIT
    assert window.current_code() == "1.1.1"
    dialog.close()


def test_the_worker_reports_results_and_errors_as_signals(qtbot: QtBot) -> None:
    ok = BackgroundCall(lambda: 6 * 7)
    results: list[object] = []
    ok.succeeded.connect(results.append)
    with qtbot.waitSignal(ok.finished, timeout=10_000):
        ok.start()
    assert results == [42]

    def fail() -> None:
        raise ValidationError(Msg("Sai.", "Wrong."))

    bad = BackgroundCall(fail)
    failures: list[object] = []
    bad.failed.connect(failures.append)
    bad.succeeded.connect(lambda _result: pytest.fail("a failing call succeeded"))
    with qtbot.waitSignal(bad.finished, timeout=10_000):
        bad.start()
    assert len(failures) == 1
    assert isinstance(failures[0], ValidationError)
    qtbot.waitUntil(lambda: running_calls() == 0)
    with pytest.raises(RuntimeError):
        bad.start()
