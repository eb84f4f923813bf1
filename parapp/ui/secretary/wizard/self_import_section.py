"""Many units, one action: import every unit's self-assessment form from one folder, a line per
file (imported, unchanged or refused with the reason); one bad file does not block the others."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from parapp.services import self_assessment
from parapp.services.round_setup import Setting
from parapp.services.self_assessment import FolderFileReport
from parapp.ui.secretary.wizard.section import Section
from parapp.ui.secretary.wizard.units_section import fill_table, text_table


class SelfImportSection(Section):
    """The folder of filled self-assessment forms."""

    setting = Setting.UNITS  # self-assessments come in while units declare

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reports: list[FolderFileReport] = []
        row = QHBoxLayout()
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setPlaceholderText(self.tr("Folder holding the units' filled forms"))
        self.browse_button = QPushButton(self.tr("Choose a folder…"), self)
        self.import_button = QPushButton(self.tr("Import every form in the folder"), self)
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.browse_button)
        row.addWidget(self.import_button)
        self.table = text_table(self, [self.tr("File"), self.tr("Unit"), self.tr("Result")])
        self.layout_.addLayout(row)
        self.layout_.addWidget(self.table, 1)
        self.finish_layout()
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
