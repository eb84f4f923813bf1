"""Correcting the roster from the setup tables: "Sửa…" (a small dialog: a unit's name and type,
a member's name and title) and "Xóa" (after a confirmation), by buttons under the table and by
its context menu; disabled while the round may not be corrected (read-only, workspace, frozen).
Refusals are shown as the service's sentence (``services.roster``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QWidget,
)

from parapp.core.errors import UserFacingError
from parapp.core.messages import Lang
from parapp.core.rounds import Member, Unit
from parapp.services import roster, rounds
from parapp.services.context import RoundContext
from parapp.ui.forms.ui_member_edit_dialog import Ui_MemberEditDialog
from parapp.ui.forms.ui_unit_edit_dialog import Ui_UnitEditDialog
from parapp.ui.secretary.wizard.section import ERROR_STYLE, Section


class _EditDialog(QDialog):
    """A small form whose OK runs ``save``; a refusal stays in the dialog, in words."""

    def __init__(self, parent: QWidget | None, lang: Lang) -> None:
        super().__init__(parent)
        self.lang = lang

    def bind(self, error_label: QLabel, buttons: QDialogButtonBox) -> None:
        """Wire the form's error line and its OK / Cancel (call after ``setupUi``)."""
        self.error_label, self.buttons = error_label, buttons
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("RosterDialogs", "Save")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("RosterDialogs", "Cancel")
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def change(self) -> None:
        """Store the form (subclasses); raise ``UserFacingError`` to refuse."""

    def save(self) -> bool:
        """Store the form and close, or show why not and stay open."""
        try:
            self.change()
        except UserFacingError as exc:
            self.error_label.setText(exc.describe(self.lang))
            self.error_label.show()
            return False
        self.accept()
        return True


class UnitEditDialog(_EditDialog):
    """A unit's name and type; the type is fixed (with the reason) while anything depends on it."""

    def __init__(self, parent: QWidget | None, ctx: RoundContext, unit: Unit, lang: Lang) -> None:
        super().__init__(parent, lang)
        self.ui = Ui_UnitEditDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self.bind(self.ui.error_label, self.ui.buttons)
        self.ctx, self.unit = ctx, unit
        self.saved: Unit | None = None
        self.name_edit, self.type_combo = self.ui.name_edit, self.ui.type_combo
        self.type_note = self.ui.type_note
        self.ui.code_label.setText(unit.id)
        self.name_edit.setText(unit.name)
        for unit_type in ctx.criteria_set().unit_types:
            self.type_combo.addItem(f"{unit_type.label} ({unit_type.code})", unit_type.code)
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(unit.unit_type)))
        locked = roster.type_locked(ctx, unit.id)
        self.type_combo.setEnabled(locked is None)
        self.type_note.setVisible(locked is not None)
        self.type_note.setText("" if locked is None else locked.get(lang))

    def change(self) -> None:
        unit_type = str(self.type_combo.currentData() or self.unit.unit_type)
        self.saved = roster.edit_unit(
            self.ctx, self.unit.id, name=self.name_edit.text(), unit_type=unit_type
        )


class MemberEditDialog(_EditDialog):
    """A council member's name and title."""

    def __init__(
        self, parent: QWidget | None, ctx: RoundContext, member: Member, lang: Lang
    ) -> None:
        super().__init__(parent, lang)
        self.ui = Ui_MemberEditDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self.bind(self.ui.error_label, self.ui.buttons)
        self.ctx, self.member = ctx, member
        self.saved: Member | None = None
        self.name_edit, self.title_edit = self.ui.name_edit, self.ui.title_edit
        self.ui.id_label.setText(member.id)
        self.name_edit.setText(member.name)
        self.title_edit.setText(member.title)

    def change(self) -> None:
        self.saved = roster.edit_member(
            self.ctx, self.member.id, name=self.name_edit.text(), title=self.title_edit.text()
        )


def confirm_removal(parent: QWidget, title: str, text: str) -> bool:
    """Ask before removing (the default button keeps it)."""
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    remove = box.addButton(
        QCoreApplication.translate("RosterDialogs", "Remove"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    keep = box.addButton(
        QCoreApplication.translate("RosterDialogs", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(keep)
    box.setObjectName("roster_confirm")
    box.exec()
    return box.clickedButton() is remove


class RosterActions(QObject):
    """ "Sửa…" and "Xóa" for the units or the members table of a setup section (the buttons are
    the section form's)."""

    changed = Signal()
    """A unit or member was renamed, retyped or removed."""

    def __init__(
        self,
        section: Section,
        table: QTableWidget,
        edit_button: QPushButton,
        remove_button: QPushButton,
        *,
        units: bool,
    ) -> None:
        super().__init__(section)
        self.section, self.table, self.units = section, table, units
        self.edit_button, self.remove_button = edit_button, remove_button
        self.confirm: Callable[[QWidget, str, str], bool] = confirm_removal
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._menu)
        table.itemSelectionChanged.connect(self.apply_gate)
        table.doubleClicked.connect(
            lambda _i: self.edit_selected() if self._why() is None else None
        )
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)

    def selected_id(self) -> str | None:
        """The id (first column) of the selected row."""
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        item = self.table.item(rows.pop(), 0)
        return None if item is None else item.text()

    def _why(self) -> str | None:
        ctx = self.section.ctx
        if ctx is None:
            return ""
        why = roster.editable(ctx)
        return None if why is None else why.get(self.section.lang)

    def apply_gate(self) -> None:
        """Enabled with one row selected in a round that may be corrected."""
        why = self._why()
        ok = why is None and self.selected_id() is not None
        for button in (self.edit_button, self.remove_button):
            button.setEnabled(ok)
            button.setToolTip(why or "")

    def _menu(self, at: QPoint) -> None:
        menu = QMenu(self.table)
        edit = menu.addAction(QCoreApplication.translate("RosterDialogs", "Edit…"))
        remove = menu.addAction(QCoreApplication.translate("RosterDialogs", "Remove"))
        ok = self._why() is None and self.selected_id() is not None
        edit.setEnabled(ok)
        remove.setEnabled(ok)
        chosen = menu.exec(self.table.viewport().mapToGlobal(at))
        if chosen is edit:
            self.edit_selected()
        elif chosen is remove:
            self.remove_selected()

    def edit_dialog(self) -> UnitEditDialog | MemberEditDialog | None:
        """The edit dialog of the selected unit or member (not shown)."""
        ctx, found = self.section.ctx, self.selected_id()
        if ctx is None or found is None:
            return None
        if self.units:
            unit = next((u for u in rounds.list_units(ctx) if u.id == found), None)
            return (
                None if unit is None else UnitEditDialog(self.section, ctx, unit, self.section.lang)
            )
        member = next((m for m in rounds.list_members(ctx) if m.id == found), None)
        return (
            None
            if member is None
            else MemberEditDialog(self.section, ctx, member, self.section.lang)
        )

    def edit_selected(self) -> bool:
        """Open the edit dialog of the selected row; refresh after a save."""
        dialog = self.edit_dialog()
        if dialog is None or dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        saved = dialog.saved
        if saved is not None:
            self.section.say(
                QCoreApplication.translate("RosterDialogs", "Saved %1.").replace(
                    "%1", f"{saved.id} — {saved.name}"
                )
            )
        self._after()
        return True

    def remove_selected(self) -> bool:
        """Remove the selected unit or member after a confirmation; a refusal is shown."""
        ctx, found = self.section.ctx, self.selected_id()
        if ctx is None or found is None:
            return False
        name = self.table.item(self.table.currentRow(), 1)
        label = f"{found} ({name.text()})" if name is not None else found
        if self.units:
            title = QCoreApplication.translate("RosterDialogs", "Remove unit")
            text = QCoreApplication.translate(
                "RosterDialogs",
                "Remove the unit %1 from the round? Its assignments are removed with it.",
            )
        else:
            title = QCoreApplication.translate("RosterDialogs", "Remove council member")
            text = QCoreApplication.translate(
                "RosterDialogs",
                "Remove the council member %1 from the round? Their assignments are removed with them.",  # noqa: E501 - one literal for lupdate
            )
        if not self.confirm(self.section, title, text.replace("%1", label)):
            return False
        remove = roster.remove_unit if self.units else roster.remove_member
        gone = self.section.attempt(lambda: remove(ctx, found))
        if gone is None:
            return False
        self.section.say(
            QCoreApplication.translate("RosterDialogs", "Removed %1.").replace(
                "%1", f"{gone.id} — {gone.name}"
            )
        )
        self._after()
        return True

    def _after(self) -> None:
        self.section.refresh()
        self.apply_gate()
        self.changed.emit()
