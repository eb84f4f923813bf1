"""The "Export score sheet" dialog: a unit, PDF and/or Excel, place, date and folder; the export
runs on a worker while a busy bar shows, then the dialog lists the files it wrote.

Non-modal: whoever opens it keeps a reference. The last folder, place and formats are UI state,
kept in ``QSettings``.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QSettings, QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from parapp.services import submission
from parapp.services.context import RoundContext
from parapp.services.submission import ExportedSheets
from parapp.ui.forms.ui_export_dialog import Ui_ExportDialog
from parapp.ui.widgets.errors import show_error
from parapp.ui.widgets.workers import BackgroundCall

log = logging.getLogger(__name__)

PLACE_KEY = "sheets/place"
"""The place written before the date, shared by export, print and signing."""
_GROUP = "export_dialog"


def default_folder(settings: QSettings, key: str) -> Path:
    """The folder remembered under ``key``, else Documents/parapp."""
    value = settings.value(key)
    if isinstance(value, str) and value:
        return Path(value)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / "parapp"


def _flag(settings: QSettings, key: str, default: bool) -> bool:
    value = settings.value(key)
    if value is None:
        return default
    return str(value).lower() in {"true", "1"}


class ExportDialog(QDialog):
    """Export one unit's sheet of the member as PDF and/or Excel."""

    exported = Signal(object)
    """An ``ExportedSheets`` after a successful export."""

    def __init__(
        self,
        ctx: RoundContext,
        member_id: str,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        unit_id: str | None = None,
        folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ExportDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self._ctx = ctx
        self._member_id = member_id
        self._settings = settings
        self._job: BackgroundCall | None = None
        self._last: ExportedSheets | None = None
        ui = self.ui
        for unit in submission.member_units(ctx, member_id):
            ui.unit_combo.addItem(unit.name, unit.id)
        if unit_id is not None:
            ui.unit_combo.setCurrentIndex(max(ui.unit_combo.findData(unit_id), 0))
        ui.pdf_check.setChecked(_flag(settings, f"{_GROUP}/pdf", True))
        ui.xlsx_check.setChecked(_flag(settings, f"{_GROUP}/xlsx", True))
        ui.place_edit.setText(str(settings.value(PLACE_KEY, "") or ""))
        ui.date_edit.setDate(QDate.currentDate())
        chosen = folder if folder is not None else default_folder(settings, f"{_GROUP}/folder")
        ui.folder_edit.setText(str(chosen))
        ui.progress_bar.hide()
        ui.open_folder_button.setEnabled(False)
        self._connect_signals()

    def _connect_signals(self) -> None:
        ui = self.ui
        ui.export_button.clicked.connect(self.start_export)
        ui.close_button.clicked.connect(self.close)
        ui.browse_button.clicked.connect(self._browse)
        ui.open_folder_button.clicked.connect(self._open_folder)

    # -- public ---------------------------------------------------------------------------------

    def is_busy(self) -> bool:
        """An export is running."""
        return self._job is not None

    def result_text(self) -> str:
        """What the dialog says about the last export."""
        return self.ui.result_label.text()

    def start_export(self) -> None:
        """Export with the values shown, on a worker."""
        if self._job is not None:
            return
        ui = self.ui
        unit_id = ui.unit_combo.currentData()
        if not isinstance(unit_id, str):
            return
        folder = Path(ui.folder_edit.text().strip())
        pdf, xlsx = ui.pdf_check.isChecked(), ui.xlsx_check.isChecked()
        place = ui.place_edit.text()
        chosen = ui.date_edit.date()
        day = dt.date(chosen.year(), chosen.month(), chosen.day())
        ctx, member = self._ctx, self._member_id
        job = BackgroundCall(
            lambda: submission.export_sheets(
                ctx, member, unit_id, folder, pdf=pdf, xlsx=xlsx, place=place, date=day
            )
        )
        job.succeeded.connect(self._on_exported)
        job.failed.connect(self._on_failed)
        job.finished.connect(self._on_finished)
        self._set_busy(True)
        ui.result_label.setText(self.tr("Exporting…"))
        self._job = job
        job.start()

    # -- slots ----------------------------------------------------------------------------------

    def _on_exported(self, result: ExportedSheets) -> None:
        self._last = result
        ui = self.ui
        folder = result.files[0].parent
        lines = [self.tr("Saved in %1:").replace("%1", str(folder))]
        lines += [f"• {path.name}" for path in result.files]
        ui.result_label.setText("\n".join(lines))
        ui.open_folder_button.setEnabled(True)
        s = self._settings
        s.setValue(f"{_GROUP}/folder", str(folder))
        s.setValue(f"{_GROUP}/pdf", ui.pdf_check.isChecked())
        s.setValue(f"{_GROUP}/xlsx", ui.xlsx_check.isChecked())
        s.setValue(PLACE_KEY, ui.place_edit.text().strip())
        self.exported.emit(result)

    def _on_failed(self, exc: BaseException) -> None:
        self.ui.result_label.clear()
        show_error(self, exc)

    def _on_finished(self) -> None:
        self._job = None
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        ui = self.ui
        ui.progress_bar.setVisible(busy)
        for widget in (
            ui.unit_combo,
            ui.pdf_check,
            ui.xlsx_check,
            ui.place_edit,
            ui.date_edit,
            ui.folder_edit,
            ui.browse_button,
            ui.export_button,
        ):
            widget.setEnabled(not busy)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the score sheets"), self.ui.folder_edit.text()
        )
        if chosen:
            self.ui.folder_edit.setText(chosen)

    def _open_folder(self) -> None:
        if self._last is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._last.files[0].parent)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        super().changeEvent(event)
