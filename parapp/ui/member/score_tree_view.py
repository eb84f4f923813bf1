"""Keyboard entry in the score tree: a line-edit delegate for the appraisal column, the inline
refusal of a score the core does not accept, and the navigation helpers (next leaf, next
unscored, next flag) the window binds to Enter and F8/F9.

A refused score never opens a dialog: a dialog takes the focus, which closes the editor (a second
commit, a second dialog), swallows the keys typed meanwhile and loses the text. Instead the
editor stays open with its text, turns red with the reason as its tooltip, and the status bar
says why in red until the text is edited.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
    QHeaderView,
    QLineEdit,
    QStatusBar,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from parapp.core.errors import UserFacingError
from parapp.ui.models.score_tree_model import (
    EDITABLE_ROLE,
    FLAGGED_ROLE,
    NEEDS_SCORE_ROLE,
    Column,
)
from parapp.ui.widgets import i18n

_Index = QModelIndex | QPersistentModelIndex


_REFUSED_EDIT = "QLineEdit { background: #fde7e9; border: 1px solid #c62828; }"
_REFUSED_STATUS = "QStatusBar { color: #b71c1c; }"
_COMMIT_HINTS = {
    Qt.Key.Key_Return: QAbstractItemDelegate.EndEditHint.SubmitModelCache,
    Qt.Key.Key_Enter: QAbstractItemDelegate.EndEditHint.SubmitModelCache,
    Qt.Key.Key_Tab: QAbstractItemDelegate.EndEditHint.EditNextItem,
    Qt.Key.Key_Backtab: QAbstractItemDelegate.EndEditHint.EditPreviousItem,
}
"""The keys that commit an edit, and how the editor closes after an accepted one."""


class ScoreDelegate(QStyledItemDelegate):
    """Edits a score as text (the core parses it; never a float spin box) and reports Enter.

    Enter (or Tab) hands the text to the model; the editor closes, and the cursor moves on, only
    when the model accepted it. A refused text stays in the open editor to be fixed, and
    ``show_refusal`` (connected to the score editor's ``failed``) says why, inline.
    """

    submitted = Signal()
    """The editor was closed with Enter (the value was handed to the model)."""

    def __init__(self, parent: QObject | None = None, status: QStatusBar | None = None) -> None:
        super().__init__(parent)
        self._status = status
        self._accepted = True
        self._committing: QLineEdit | None = None
        self.closeEditor.connect(self._on_close_editor)

    def createEditor(  # noqa: N802 - Qt override
        self, parent: QWidget, option: QStyleOptionViewItem, index: _Index
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setMaxLength(16)
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:  # noqa: N802 - Qt override
        if isinstance(editor, QLineEdit) and not editor.text():
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(  # noqa: N802 - Qt override
        self, editor: QWidget, model: QAbstractItemModel, index: _Index
    ) -> None:
        if isinstance(editor, QLineEdit):
            self._committing = editor
            try:
                self._accepted = model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
            finally:
                self._committing = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            isinstance(watched, QLineEdit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _COMMIT_HINTS
        ):
            self._accepted = True
            self.commitData.emit(watched)  # the view calls setModelData
            if self._accepted:
                self.closeEditor.emit(watched, _COMMIT_HINTS[Qt.Key(event.key())])
            return True  # refused: the editor stays open with its text
        return super().eventFilter(watched, event)

    def show_refusal(self, exc: BaseException) -> None:
        """Say inline why a typed score was refused: the line edit it was typed in (this
        delegate's editor, or the detail pane's field) turns red with the reason as tooltip and
        the status bar shows it in red; both clear when the text is edited. A refusal while the
        editor loses the focus (it closes) is only said in the status bar."""
        if not isinstance(exc, UserFacingError) or self._status is None:
            from parapp.ui.widgets.errors import show_error  # noqa: PLC0415 - a bug, not a refusal

            show_error(self._status.window() if self._status is not None else None, exc)
            return
        message = exc.describe(i18n.current_lang())
        self._status.setStyleSheet(_REFUSED_STATUS)
        self._status.showMessage(message)
        edit = self._committing or QApplication.focusWidget()
        if isinstance(edit, QLineEdit) and edit.hasFocus():
            _mark_refused(edit, message, self._status)

    def _on_close_editor(self, _editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self.submitted.emit()


def _mark_refused(edit: QLineEdit, message: str, status: QStatusBar) -> None:
    edit.setProperty("refused", True)
    edit.setStyleSheet(_REFUSED_EDIT)
    edit.setToolTip(message)
    if edit.property("refusal_hooked") is not True:
        edit.setProperty("refusal_hooked", True)
        edit.textEdited.connect(lambda _text: _clear_refusal(edit, status))


def _clear_refusal(edit: QLineEdit, status: QStatusBar) -> None:
    if edit.property("refused") is not True:
        return
    edit.setProperty("refused", False)
    edit.setStyleSheet("")
    edit.setToolTip("")
    status.clearMessage()
    status.setStyleSheet("")


def walk(model: QAbstractItemModel, parent: _Index = QModelIndex()) -> Iterator[QModelIndex]:  # noqa: B008
    """Every row's column-0 index, depth first, in display order."""
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from walk(model, index)


def next_matching(view: QTreeView, role: int, start: QModelIndex) -> QModelIndex:
    """The first row after ``start`` (wrapping around) whose ``role`` data is true."""
    model = view.model()
    rows = list(walk(model))
    start_row = start.siblingAtColumn(0) if start.isValid() else QModelIndex()
    position = next((i for i, ix in enumerate(rows) if ix == start_row), -1)
    for index in rows[position + 1 :] + rows[: position + 1]:
        if index.data(role):
            return index.siblingAtColumn(Column.APPRAISED)
    return QModelIndex()


def next_leaf(view: QTreeView) -> QModelIndex:
    """The next editable leaf after the current row."""
    return next_matching(view, EDITABLE_ROLE, view.currentIndex())


def next_unscored(view: QTreeView) -> QModelIndex:
    """The next leaf still to score after the current row."""
    return next_matching(view, NEEDS_SCORE_ROLE, view.currentIndex())


def next_flag(view: QTreeView) -> QModelIndex:
    """The next flagged node after the current row."""
    return next_matching(view, FLAGGED_ROLE, view.currentIndex())


def go_to(view: QTreeView, index: _Index) -> bool:
    """Make ``index`` current (expanding its ancestors); False when invalid."""
    if not index.isValid():
        return False
    parent = index.parent()
    while parent.isValid():
        view.expand(parent)
        parent = parent.parent()
    view.setCurrentIndex(index)
    view.scrollTo(index)
    return True


def keep_in_score_column(view: QTreeView, current: QModelIndex) -> None:
    """Keep the current cell in the appraisal column, so typing a digit starts an edit there."""
    if current.isValid() and current.column() != Column.APPRAISED:
        view.selectionModel().setCurrentIndex(
            current.siblingAtColumn(Column.APPRAISED),
            QItemSelectionModel.SelectionFlag.NoUpdate,
        )


def setup_columns(view: QTreeView) -> None:
    """Column sizing: the item's name stretches, numbers fit their contents."""
    header = view.header()
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(30)
    # Not ResizeToContents: that mode measures every row on each dataChanged (~250 ms a save on
    # the demo). Number columns are fitted once (``fit_columns``) and then keep the user's widths.
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
    view.setIndentation(12)


def fit_columns(view: QTreeView) -> None:
    """Fit every column but the item's name to its contents, once."""
    for column in Column:
        if column is not Column.NAME:
            view.resizeColumnToContents(column)
