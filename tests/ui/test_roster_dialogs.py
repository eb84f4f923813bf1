"""The secretary's Setup tab corrects the roster of a real round: "Sửa…" renames a unit (its type
fixed, with the reason, while scores depend on it) and a member, "Xóa" asks first and removes
what nothing refers to or shows the refusal as a sentence; everything disabled in a frozen
round. Screenshots of the tab and both dialogs at 1366×768 in Vietnamese."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from parapp.core.messages import Lang
from parapp.core.rounds import Phase
from parapp.services import rounds
from parapp.services.audit import audit_rows
from parapp.services.context import RoundContext
from parapp.ui.secretary.secretary_window import SecretaryWindow
from parapp.ui.secretary.wizard.roster_dialogs import MemberEditDialog, UnitEditDialog
from parapp.ui.widgets import errors, i18n
from tests.services import results_world as world

pytestmark = pytest.mark.gui
SHOTS = Path(os.environ.get("PARAPP_SHOTS", "/tmp/shots"))


@pytest.fixture
def vietnamese(qapp: object) -> Iterator[None]:
    i18n.install(Lang.VI)
    yield
    for box in errors.open_error_boxes():
        box.done(0)
    i18n.reset()


@pytest.fixture
def scored(tmp_path: Path) -> Iterator[RoundContext]:
    ctx = world.opened(world.build_round(tmp_path / "scored.parround"))
    yield ctx
    ctx.close()


def window_on(qtbot: QtBot, ctx: RoundContext) -> SecretaryWindow:
    window = SecretaryWindow(ctx, Lang.VI)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.ui.tabs_widget.setCurrentWidget(window.settings_pane)
    return window


def cell(table: QTableWidget, row: int, index: int) -> str:
    item = table.item(row, index)
    assert item is not None
    return item.text()


def select(table: QTableWidget, row_id: str) -> None:
    rows = [r for r in range(table.rowCount()) if cell(table, r, 0) == row_id]
    assert rows, row_id
    table.selectRow(rows[0])


def column(table: QTableWidget, index: int) -> list[str]:
    return [cell(table, r, index) for r in range(table.rowCount())]


def shot(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"roster-{name}.png"))


def on_modal(action: Callable[[QWidget], None]) -> None:
    """Run ``action`` on the modal dialog once it is shown."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, run)
            return
        action(dialog)

    QTimer.singleShot(20, run)


def answer_box(button_text: str) -> None:
    """Click ``button_text`` on the confirmation box once it is shown."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        shot(box, "confirm-remove")
        chosen = next(b for b in box.buttons() if b.text() == button_text)
        chosen.click()

    QTimer.singleShot(20, click)


def test_renaming_a_scored_unit_its_type_fixed_with_the_reason(
    qtbot: QtBot, vietnamese: None, scored: RoundContext
) -> None:
    window = window_on(qtbot, scored)
    units = window.settings_pane.units
    window.settings_pane.show_section(units)
    assert units.roster.edit_button.text() == "Sửa…"
    assert units.roster.remove_button.text() == "Xóa"
    assert not units.roster.edit_button.isEnabled()  # nothing selected yet
    select(units.table, "SA")
    assert units.roster.edit_button.isEnabled()
    assert units.roster.remove_button.isEnabled()
    shot(window, "units-tab")

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, UnitEditDialog)
        assert not dialog.type_combo.isEnabled()
        assert dialog.type_note.text().startswith("Không đổi được loại của đơn vị SA: 1 điểm tự")
        assert dialog.windowTitle() == "Sửa đơn vị"
        dialog.name_edit.setText("Sở Tư pháp")
        shot(dialog, "unit-dialog")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    on_modal(fill)
    with qtbot.waitSignal(window.settings_pane.changed, timeout=5000):
        assert units.roster.edit_selected()
    assert "Sở Tư pháp" in column(units.table, 1)
    assert audit_rows(scored)[-1].sentence() == (
        "Thư ký đổi tên đơn vị SA từ «Sở A» thành «Sở Tư pháp»."
    )
    # An empty name stays in the dialog, in words, and changes nothing.
    select(units.table, "SB")
    dialog = units.roster.edit_dialog()
    assert isinstance(dialog, UnitEditDialog)
    dialog.name_edit.setText("  ")
    assert not dialog.save()
    assert dialog.error_label.text() == "Đơn vị “SB” chưa có tên."
    assert "Sở B" in column(units.table, 1)
    window.close()


def test_removing_asks_first_then_refuses_or_removes(
    qtbot: QtBot, vietnamese: None, scored: RoundContext
) -> None:
    window = window_on(qtbot, scored)
    units = window.settings_pane.units
    window.settings_pane.show_section(units)
    select(units.table, "SA")
    answer_box(QCoreApplication.translate("RosterDialogs", "Remove"))
    assert not units.roster.remove_selected()
    assert units.message_label.text().startswith("Đơn vị SA đã có 1 điểm tự đánh giá, 6 điểm")
    assert units.message_label.text().endswith("; không xóa được.")
    shot(window, "units-refused")
    assert column(units.table, 0) == ["SA", "SB", "SC"]
    select(units.table, "SC")
    answer_box(QCoreApplication.translate("RosterDialogs", "Cancel"))
    assert not units.roster.remove_selected()
    assert column(units.table, 0) == ["SA", "SB", "SC"]
    answer_box(QCoreApplication.translate("RosterDialogs", "Remove"))
    assert units.roster.remove_selected()
    assert column(units.table, 0) == ["SA", "SB"]
    members = window.settings_pane.members
    window.settings_pane.show_section(members)
    select(members.table, "TK")

    def retitle(dialog: QWidget) -> None:
        assert isinstance(dialog, MemberEditDialog)
        dialog.title_edit.setText("Trưởng phòng Cải cách hành chính, Sở Nội vụ")
        shot(dialog, "member-dialog")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    on_modal(retitle)
    assert members.roster.edit_selected()
    assert "Trưởng phòng Cải cách hành chính, Sở Nội vụ" in column(members.table, 2)
    shot(window, "members-tab")
    select(members.table, "CT")
    answer_box(QCoreApplication.translate("RosterDialogs", "Remove"))
    assert members.roster.remove_selected()
    assert [m.id for m in rounds.list_members(scored)] == ["UV1", "UV2", "TK"]
    window.close()


def test_a_frozen_round_disables_editing_and_removing(
    qtbot: QtBot, vietnamese: None, scored: RoundContext
) -> None:
    for phase in (Phase.ROUND_1, Phase.EXPLANATION, Phase.ROUND_2, Phase.FROZEN):
        rounds.advance_phase(scored, phase)
    window = window_on(qtbot, scored)
    for section in (window.settings_pane.units, window.settings_pane.members):
        window.settings_pane.show_section(section)
        section.table.selectRow(0)
        assert not section.roster.edit_button.isEnabled()
        assert not section.roster.remove_button.isEnabled()
        assert section.roster.edit_button.toolTip().startswith("Đợt thẩm định đã chốt điểm")
    window.close()
