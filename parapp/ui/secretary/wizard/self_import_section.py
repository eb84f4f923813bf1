"""Many units, one action: import every unit's self-assessment form from one folder, a line per
file (imported, unchanged or refused with the reason); one bad file does not block the others."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from parapp.services import self_assessment
from parapp.services.round_setup import Setting
from parapp.services.self_assessment import FolderFileReport
from parapp.ui.forms.ui_self_import_section import Ui_SelfImportSection
from parapp.ui.secretary.wizard.section import Section
from parapp.ui.secretary.wizard.units_section import fill_table, fit_rows


class SelfImportSection(Section):
    """The folder of filled self-assessment forms."""

    setting = Setting.UNITS  # self-assessments come in while units declare

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reports: list[FolderFileReport] = []
        self.ui = Ui_SelfImportSection()
        self.use_form(self.ui)
        self.folder_edit, self.table = self.ui.folder_edit, self.ui.table
        self.browse_button, self.import_button = self.ui.browse_button, self.ui.import_button
        fit_rows(self.table)
        self.browse_button.clicked.connect(self._choose)
        self.import_button.clicked.connect(
            lambda: self.import_folder(Path(self.folder_edit.text()))
        )

    def editors(self) -> list[QWidget]:
        return [self.import_button]

    def import_folder(self, folder: Path) -> list[FolderFileReport]:
        """Import the folder; one line per file."""
        ctx = self.round_ctx()
        self.folder_edit.setText(str(folder))
        got = self.attempt(lambda: self_assessment.import_self_forms_folder(ctx, Path(folder)))
        self.reports = got or []
        rows = []
        for entry in self.reports:
            if entry.error is not None:
                result = self.tr("Refused: %1").replace("%1", entry.error.describe(self.lang))
            elif entry.report is not None and not entry.report.changed:
                result = self.tr("Already imported, nothing changed")
            else:
                assert entry.report is not None
                result = (
                    self.tr("Imported: %1 item(s), %2 new evidence file(s)")
                    .replace("%1", str(entry.report.entries))
                    .replace("%2", str(entry.report.evidence_stored))
                )
            rows.append((entry.file_name, entry.unit_id or "?", result))
        fill_table(self.table, rows)
        if got is not None:
            refused = sum(1 for r in self.reports if not r.ok)
            self.say(
                self.tr("%1 file(s): %2 imported, %3 refused.")
                .replace("%1", str(len(self.reports)))
                .replace("%2", str(len(self.reports) - refused))
                .replace("%3", str(refused)),
                error=bool(refused),
            )
        return self.reports

    def _choose(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Folder of filled forms"))
        if name:
            self.import_folder(Path(name))
