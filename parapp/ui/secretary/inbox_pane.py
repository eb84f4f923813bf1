"""The secretary's "Submission inbox" tab (Hộp thư nộp bài): every file ever offered to the
round with its state and reason, and, for a conflict, "choose this version" or "keep the
current version" with a reason (``services.inbox``).

Installed into the secretary window by ``install_inbox_pane``: one more tab after
"Submissions", refreshed after each merge and when shown.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QWidget

from parapp.core.messages import Lang
from parapp.services import inbox
from parapp.services.context import RoundContext
from parapp.services.inbox import InboxEntry
from parapp.ui.forms.ui_inbox_pane import Ui_InboxPane
from parapp.ui.models.text_table_model import TableRow, TextTableModel
from parapp.ui.secretary.added_tabs import TabTitle, as_stamped
from parapp.ui.widgets import i18n
from parapp.ui.widgets.errors import show_error

if TYPE_CHECKING:
    from parapp.ui.secretary.secretary_window import SecretaryWindow

log = logging.getLogger(__name__)

MAX_COLUMN_WIDTH = 260
_LOOKS = {
    "merged": QColor("#e6f4ea"),
    "duplicate": QColor("#f1f3f4"),
    "superseded": QColor("#f1f3f4"),
    "refused": QColor("#fce8e6"),
    "conflict": QColor("#fef7e0"),
}


class InboxPane(QWidget):
    """Shows ``services.inbox.inbox``; resolves the selected conflict."""

    resolved = Signal(object)
    """The ``InboxEntry`` of a conflict just resolved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_InboxPane()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self._ctx: RoundContext | None = None
        self._lang = Lang.VI
        self._entries: list[InboxEntry] = []
        self._model = TextTableModel(self)
        table = self.ui.inbox_table
        table.setModel(self._model)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.ui.choose_button.clicked.connect(self.choose_selected)
        self.ui.keep_button.clicked.connect(self.keep_selected)
        self.ui.resolve_group.setVisible(False)

    # -- public ---------------------------------------------------------------------------------

    def set_context(self, ctx: RoundContext, lang: Lang) -> None:
        """Work on ``ctx`` in ``lang``."""
        self._ctx, self._lang = ctx, lang
        self.refresh()

    def set_lang(self, lang: Lang) -> None:
        """Headers and states in ``lang``."""
        self._lang = lang
        self._fill()

    def refresh(self) -> None:
        """Read the inbox again."""
        if self._ctx is not None:
            self._entries = inbox.inbox(self._ctx)
        self._fill()

    def model(self) -> TextTableModel:
        """One row per offered file."""
        return self._model

    def entries(self) -> list[InboxEntry]:
        """The rows' entries, in order."""
        return list(self._entries)

    def select_row(self, row: int) -> None:
        """Select the ``row``-th offered file."""
        self.ui.inbox_table.selectRow(row)
        self._show_selected()

    def selected(self) -> InboxEntry | None:
        """The selected offered file, if any."""
        index = self.ui.inbox_table.currentIndex()
        if not index.isValid() or index.row() >= len(self._entries):
            return None
        return self._entries[index.row()]

    def choose_selected(self) -> None:
        """Merge the selected conflicting version in place of the member's current one."""
        self._resolve(choose=True)

    def keep_selected(self) -> None:
        """Close the selected conflict, keeping the member's current version."""
        self._resolve(choose=False)

    # -- internals ------------------------------------------------------------------------------

    def _resolve(self, *, choose: bool) -> None:
        entry, ctx = self.selected(), self._ctx
        if entry is None or ctx is None or not entry.open_conflict:
            return
        reason = self.ui.resolution_reason_edit.text()
        try:
            if choose:
                done = inbox.choose_version(ctx, entry.offer.id, reason)
            else:
                done = inbox.keep_current(ctx, entry.offer.id, reason)
        except Exception as exc:  # shown by the one error mapping; nothing changed
            show_error(self, exc)
            return
        self.ui.resolution_reason_edit.clear()
        row = self._entries.index(entry)
        self.refresh()
        self.select_row(row)
        self.resolved.emit(done)

    def _headers(self) -> list[str]:
        return [
            self.tr("#"),
            self.tr("File"),
            self.tr("State"),
            self.tr("Member"),
            self.tr("Units"),
            self.tr("Offered at"),
            self.tr("SHA-256"),
            self.tr("Reason"),
        ]

    def _fill(self) -> None:
        self._model.set_headers(self._headers(), right_columns=[0])
        rows = []
        for entry in self._entries:
            o = entry.offer
            cells = (
                str(o.id),
                o.file_name,
                entry.state.get(self._lang),
                o.member_id or "—",
                ", ".join(o.units) or "—",
                as_stamped(o.offered_at),
                (o.package_sha256 or "—")[:16],
                entry.reason.get(self._lang),
            )
            tip = "\n".join(
                part
                for part in (
                    f"SHA-256: {o.package_sha256}" if o.package_sha256 else "",
                    f"scores.json SHA-256: {o.content_sha256}" if o.content_sha256 else "",
                    self.tr("Kept copy: %1").replace("%1", o.kept_path) if o.kept_path else "",
                    entry.reason.get(self._lang),
                )
                if part
            )
            look = _LOOKS.get(o.state)
            backgrounds = {2: look} if look is not None else {}
            rows.append(TableRow(cells, key=entry, backgrounds=backgrounds, tooltip=tip))
        self._model.set_rows(rows)
        table = self.ui.inbox_table
        table.resizeColumnsToContents()
        for column in range(self._model.columnCount() - 1):
            table.setColumnWidth(column, min(table.columnWidth(column), MAX_COLUMN_WIDTH))
        self._show_selected()

    def _show_selected(self) -> None:
        entry = self.selected()
        ui = self.ui
        ui.reason_label.setText("" if entry is None else entry.describe(self._lang))
        ui.resolve_group.setVisible(entry is not None and entry.open_conflict)


def install_inbox_pane(window: SecretaryWindow, ctx: RoundContext, lang: Lang) -> InboxPane:
    """Add the inbox tab after "Submissions"; refresh it after every merge and when shown."""
    pane = InboxPane(window)
    tabs = window.ui.tabs_widget
    merge_page = next(
        i
        for i in range(tabs.count())
        if (page := tabs.widget(i)) is not None
        and (page is window.ui.merge_pane or page.isAncestorOf(window.ui.merge_pane))
    )
    tabs.insertTab(merge_page + 1, pane, "")
    pane._title = TabTitle(  # type: ignore[attr-defined]  # kept alive with it
        window,
        pane,
        lambda: QCoreApplication.translate("InboxPane", "Submission inbox"),
        lambda: pane.set_lang(i18n.current_lang()),
    )
    pane.set_context(ctx, lang)
    window.ui.merge_pane.merged.connect(lambda _report: pane.refresh())
    pane.resolved.connect(lambda _entry: window.refresh_all())
    tabs.currentChanged.connect(lambda _i: pane.refresh() if tabs.currentWidget() is pane else None)
    return pane
