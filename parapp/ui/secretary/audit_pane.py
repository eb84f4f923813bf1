"""The secretary's "Audit log" tab: every recorded change, read-only."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QWidget

from parapp.core.messages import Lang
from parapp.services import audit
from parapp.services.audit import AuditRecord
from parapp.services.context import RoundContext
from parapp.ui.forms.ui_audit_pane import Ui_AuditPane
from parapp.ui.models.text_table_model import TableRow, TextTableModel

REASON_COLUMN = 9
MIN_REASON_WIDTH = 220
MAX_COLUMN_WIDTH = 320
SOURCE_SHOWN = 12
"""Characters of a package's SHA-256 shown in the table (the tooltip has all of it)."""


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
        self._model.set_headers(audit.HEADERS[self._lang], right_columns=[0])
        rows = []
        for record in self._records:
            cells = list(record.cells())
            if len(record.source) > SOURCE_SHOWN:
                cells[-1] = record.source[:SOURCE_SHOWN] + "…"
            rows.append(TableRow(tuple(cells), key=record, tooltip="\n".join(record.cells())))
        self._model.set_rows(rows)
        table = self.ui.audit_table
        table.resizeColumnsToContents()
        for column in range(self._model.columnCount()):
            table.setColumnWidth(column, min(table.columnWidth(column), MAX_COLUMN_WIDTH))
        if self._model.columnCount() > REASON_COLUMN:
            width = max(table.columnWidth(REASON_COLUMN), MIN_REASON_WIDTH)
            table.setColumnWidth(REASON_COLUMN, width)
        table.scrollToBottom()
