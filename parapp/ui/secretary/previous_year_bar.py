"""The results tab's "last year" line: which results of last year are kept in the round, with
"Import last year's results…" (parapp's results workbook, a published table, or last year's
round file) and "Remove" (``services.previous_year``). The ranking then shows last year's index
and rank and the changes (``ResultsPane``)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from parapp.core.messages import Lang
from parapp.services import previous_year
from parapp.services.context import RoundContext
from parapp.ui.widgets.errors import show_error

log = logging.getLogger(__name__)


class PreviousYearBar(QWidget):
    """Shows and changes the round's kept results of last year."""

    changed = Signal()
    """Last year's results were imported or removed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previous_year_bar")
        self._ctx: RoundContext | None = None
        self._lang = Lang.VI
        self.file_dialog: QFileDialog | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.label.setObjectName("previous_year_label")
        self.label.setWordWrap(True)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("previous_year_import_button")
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("previous_year_remove_button")
        layout.addWidget(self.label, 1)
        layout.addWidget(self.import_button)
        layout.addWidget(self.remove_button)
        self.import_button.clicked.connect(self.choose_file)
        self.remove_button.clicked.connect(self.remove)
        self._show()

    def set_context(self, ctx: RoundContext, lang: Lang) -> None:
        """Work on ``ctx`` in ``lang``."""
        self._ctx, self._lang = ctx, lang
        self._show()

    def set_lang(self, lang: Lang) -> None:
        """Texts in ``lang``."""
        self._lang = lang
        self._show()

    def choose_file(self) -> None:
        """Ask for last year's results file, then import it."""
        dialog = QFileDialog(self, self.tr("Import last year's results"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Results workbook or round (*.xlsx *.parround)"))
        dialog.fileSelected.connect(lambda name: self.import_file(Path(name)))
        self.file_dialog = dialog
        dialog.open()

    def import_file(self, path: Path) -> bool:
        """Import ``path``; a refusal shows the service's message and changes nothing."""
        if self._ctx is None:
            return False
        try:
            done = previous_year.import_previous(self._ctx, path)
        except Exception as exc:  # shown by the one error mapping; nothing changed
            show_error(self, exc)
            return False
        self._show()
        self.label.setText(done.describe(str(self._lang)))
        self.changed.emit()
        return True

    def remove(self) -> None:
        """Forget last year's results kept in the round."""
        if self._ctx is None:
            return
        try:
            removed = previous_year.clear_previous(self._ctx)
        except Exception as exc:  # shown by the one error mapping
            show_error(self, exc)
            return
        self._show()
        if removed:
            self.changed.emit()

    def _show(self) -> None:
        self.import_button.setText(self.tr("Import last year's results…"))
        self.remove_button.setText(self.tr("Remove"))
        table = None if self._ctx is None else previous_year.stored_previous(self._ctx)
        self.remove_button.setEnabled(table is not None)
        if table is None:
            self.label.setText(self.tr("Last year: not imported (no comparison)."))
        else:
            self.label.setText(
                self.tr("Last year: %1 (%2 units).")
                .replace("%1", table.file_name)
                .replace("%2", str(len(table.rows)))
            )
