"""The secretary's "Audit log" tab: every recorded change as a sentence, read-only.

Columns: number, local time (dd/mm/yyyy HH:MM), who, what happened (``core.audit_text``); the
stored codes, ISO time and package fingerprint are in each row's tooltip and in the CSV export.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QWidget

from parapp.core.messages import Lang
from parapp.services import audit
from parapp.services.audit import AuditRecord
from parapp.services.context import RoundContext
from parapp.ui.forms.ui_audit_pane import Ui_AuditPane
from parapp.ui.models.text_table_model import TableRow, TextTableModel

MAX_COLUMN_WIDTH = 320


class AuditPane(QWidget):
    """Shows ``services.audit.audit_rows``, oldest first, scrolled to the newest."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AuditPane()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self._ctx: RoundContext | None = None
        self._lang = Lang.VI
        self._records: list[AuditRecord] = []
        self._model = TextTableModel(self)
        table = self.ui.audit_table
        table.setModel(self._model)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Measure every row: the first rows are the secretary's, the members' longer names follow.
        header.setResizeContentsPrecision(-1)

    def set_context(self, ctx: RoundContext, lang: Lang) -> None:
        """Work on ``ctx``; headers in ``lang``."""
        self._ctx, self._lang = ctx, lang
        self.refresh()

    def set_lang(self, lang: Lang) -> None:
        """Headers in ``lang``."""
        self._lang = lang
        self._fill()

    def refresh(self) -> None:
        """Read the audit trail again."""
        if self._ctx is not None:
            self._records = audit.audit_rows(self._ctx)
        self._fill()

    def model(self) -> TextTableModel:
        """One row per audit record."""
        return self._model

    def _fill(self) -> None:
        self._model.set_headers(audit.READABLE_HEADERS[self._lang], right_columns=[0])
        labels = audit.HEADERS[self._lang]
        rows = []
        for record in self._records:
            details = "\n".join(
                f"{label}: {cell}"
                for label, cell in zip(labels, record.cells(), strict=True)
                if cell
            )
            rows.append(TableRow(record.readable(self._lang), key=record, tooltip=details))
        self._model.set_rows(rows)
        table = self.ui.audit_table
        table.resizeColumnsToContents()
        # The sentence column stretches (the last section); the others keep to their content.
        for column in range(self._model.columnCount() - 1):
            table.setColumnWidth(column, min(table.columnWidth(column), MAX_COLUMN_WIDTH))
        table.scrollToBottom()
