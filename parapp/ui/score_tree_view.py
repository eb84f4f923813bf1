"""Keyboard entry in the score tree: a line-edit delegate for the appraisal column and the
navigation helpers (next leaf, next unscored, next flag) the window binds to Enter and F8/F9."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from parapp.ui.models.score_tree_model import (
    EDITABLE_ROLE,
    FLAGGED_ROLE,
    NEEDS_SCORE_ROLE,
    Column,
)

_Index = QModelIndex | QPersistentModelIndex


class ScoreDelegate(QStyledItemDelegate):
    """Edits a score as text (the core parses it; never a float spin box) and reports Enter."""

    submitted = Signal()
    """The editor was closed with Enter (the value was handed to the model)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
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
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def _on_close_editor(self, _editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self.submitted.emit()


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
