"""The secretary's "Disagreements" tab: items in conflict or disagreement under the round's rule,
and the items already decided; the secretary resolves one with a value (or N/A) and a reason."""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QWidget

from parapp.core.consolidation import Status
from parapp.core.messages import Lang
from parapp.core.numbers import format_score
from parapp.services import results, rounds
from parapp.services.context import RoundContext
from parapp.services.results import Consolidation, ItemState
from parapp.ui.forms.ui_disagreements_pane import Ui_DisagreementsPane
from parapp.ui.models.text_table_model import TableRow, TextTableModel
from parapp.ui.widgets.errors import show_error

log = logging.getLogger(__name__)

OPEN_COLOR = QColor(0xFF, 0xCD, 0xD2)
RESOLVED_COLOR = QColor(0xC8, 0xE6, 0xC9)
STATUS_COLUMN = 4


class DisagreementsPane(QWidget):
    """Lists contested and resolved items; ``resolved`` reports each decision."""

    resolved = Signal(object)
    """The ``ItemState`` after the secretary's decision."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_DisagreementsPane()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self._ctx: RoundContext | None = None
        self._lang = Lang.VI
        self._done: Consolidation | None = None
        self._units: dict[str, str] = {}
        self._model = TextTableModel(self)
        table = self.ui.items_table
        table.setModel(self._model)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._set_headers()
        table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.ui.resolve_button.clicked.connect(self.resolve_selected)
        self.ui.reason_edit.returnPressed.connect(self.resolve_selected)

    def set_context(self, ctx: RoundContext, lang: Lang) -> None:
        """Work on ``ctx``; texts in ``lang``."""
        self._ctx, self._lang = ctx, lang
        self.refresh()

    def set_lang(self, lang: Lang) -> None:
        """Texts and numbers in ``lang``."""
        self._lang = lang
        self._set_headers()
        self._fill()

    def refresh(self) -> None:
        """Consolidate again and list the items."""
        if self._ctx is not None:
            self._done = results.consolidation(self._ctx)
            self._units = {u.id: u.name for u in rounds.list_units(self._ctx)}
        self._fill()

    def model(self) -> TextTableModel:
        """One row per contested or resolved item."""
        return self._model

    def contested(self) -> list[ItemState]:
        """The items still open."""
        return self._done.contested() if self._done is not None else []

    def select_item(self, unit_id: str, node_code: str) -> bool:
        """Select an item's row (False when not listed)."""
        for row, table_row in enumerate(self._model.rows()):
            key = table_row.key
            if isinstance(key, ItemState) and (key.unit_id, key.node_code) == (unit_id, node_code):
                self.ui.items_table.selectRow(row)
                return True
        return False

    def selected_item(self) -> ItemState | None:
        """The item of the current row."""
        row = self.ui.items_table.currentIndex().row()
        if row < 0:
            return None
        key = self._model.row(row).key
        return key if isinstance(key, ItemState) else None

    def resolve_selected(self) -> ItemState | None:
        """Record the typed value and reason for the selected item (errors are shown)."""
        item = self.selected_item()
        if item is None or self._ctx is None:
            return None
        try:
            state = results.resolve(
                self._ctx,
                item.unit_id,
                item.node_code,
                self.ui.value_edit.text(),
                self.ui.reason_edit.text(),
            )
        except Exception as exc:
            show_error(self, exc)
            return None
        self.ui.value_edit.clear()
        self.ui.reason_edit.clear()
        self.refresh()
        self.select_item(state.unit_id, state.node_code)
        self.resolved.emit(state)
        return state

    # -- internals ------------------------------------------------------------------------------

    def _set_headers(self) -> None:
        self._model.set_headers(
            [
                self.tr("Unit"),
                self.tr("Item"),
                self.tr("Members' scores"),
                self.tr("Spread"),
                self.tr("Status"),
                self.tr("Decision"),
            ],
            right_columns=[3],
        )

    def _fill(self) -> None:
        done = self._done
        if done is None:
            return
        items = done.contested() + done.resolved()
        self._model.set_rows([self._row(i) for i in items])
        table = self.ui.items_table
        table.resizeColumnsToContents()
        open_count = len(done.contested())
        self.ui.rule_label.setText(
            self.tr("Consolidation: %1. Items still to decide: %2; decided: %3.")
            .replace("%1", done.settings.describe(self._lang.value))
            .replace("%2", str(open_count))
            .replace("%3", str(len(items) - open_count))
        )
        self._on_current_changed(table.currentIndex(), QModelIndex())

    def _row(self, item: ItemState) -> TableRow:
        scores = "; ".join(
            f"{s.member_id}: {'N/A' if s.not_applicable else format_score(s.value, self._lang)}"
            for s in item.scores
            if s.value is not None or s.not_applicable
        )
        c = item.consolidated
        status = {
            Status.CONFLICT: self.tr("conflict"),
            Status.DISAGREEMENT: self.tr("disagreement"),
            Status.RESOLVED: self.tr("resolved"),
        }.get(c.status, c.status.value)
        decision = ""
        if item.resolution is not None:
            value = "N/A" if c.not_applicable else format_score(c.value, self._lang)
            decision = f"{value} — {item.resolution.resolution.reason}"
        return TableRow(
            (
                self._units.get(item.unit_id, item.unit_id),
                item.node_code,
                scores,
                format_score(c.spread, self._lang),
                status,
                decision,
            ),
            key=item,
            backgrounds={
                STATUS_COLUMN: RESOLVED_COLOR if c.status is Status.RESOLVED else OPEN_COLOR
            },
        )

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.ui.resolve_button.setEnabled(current.isValid())
