"""Packages for all members in one action, with progress, written to a folder or a USB stick
(each named for its member), and who was sent what, who has submitted what, and what is due."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QStorageInfo, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from parapp.core.audit_text import local_time
from parapp.core.errors import UserCancelled, UserFacingError
from parapp.services import packages, round_setup
from parapp.ui.forms.ui_packages_section import Ui_PackagesSection
from parapp.ui.secretary.wizard.section import Section
from parapp.ui.secretary.wizard.units_section import fill_table, fit_rows
from parapp.ui.widgets.progress import ProgressRun

log = logging.getLogger(__name__)


def removable_drives() -> list[Path]:
    """Mounted drives that look like USB sticks (not the system's own volumes)."""
    found = []
    for volume in QStorageInfo.mountedVolumes():
        root = Path(volume.rootPath())
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly():
            continue
        if str(root).startswith(("/media/", "/run/media/", "/Volumes/")) or (
            len(str(root)) <= 3 and str(root)[:1].upper() not in ("C", "/")
        ):
            found.append(root)
    return found


class PackagesSection(Section):
    """Build every member's package; the package status of each member."""

    built = Signal(object)
    """The list of ``PackageInfo`` written."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run: ProgressRun | None = None
        self.last_built: list[packages.PackageInfo] = []
        self.ui = Ui_PackagesSection()
        self.use_form(self.ui)
        self.folder_combo, self.table = self.ui.folder_combo, self.ui.table
        self.browse_button, self.build_button = self.ui.browse_button, self.ui.build_button
        fit_rows(self.table)
        self.browse_button.clicked.connect(self._choose_folder)
        self.build_button.clicked.connect(self.build_all)

    def editors(self) -> list[QWidget]:
        return [self.build_button]

    def refresh(self) -> None:
        if self.folder_combo.count() == 0:
            default = self.round_ctx().path.parent / (self.round_ctx().path.stem + "-goi")
            self.folder_combo.addItem(str(default))
            for drive in removable_drives():
                self.folder_combo.addItem(str(drive))
        rows = []
        statuses = self.attempt(lambda: round_setup.member_statuses(self.round_ctx())) or []
        for status in statuses:
            sent = status.sent
            rows.append(
                (
                    status.name,
                    "—" if sent is None else local_time(sent.at),
                    "" if sent is None else sent.file_name,
                    str(status.submitted_cells),
                    str(status.partial_cells),
                    str(status.missing_cells),
                    "—" if status.due is None else status.due.strftime("%d/%m/%Y"),
                )
            )
        fill_table(self.table, rows)

    def set_folder(self, folder: Path) -> None:
        """Write the packages into ``folder``."""
        self.folder_combo.setEditText(str(folder))

    def build_all(self) -> ProgressRun | None:
        """Build every member's package in the background, with a progress dialog."""
        if self.run is not None:
            return None
        ctx = self.round_ctx()
        folder = Path(self.folder_combo.currentText().strip())
        run = ProgressRun(
            self,
            self.tr("Building the members' packages"),
            lambda progress: packages.build_all_packages(ctx, folder, progress),
        )
        run.succeeded.connect(self._on_built)
        run.failed.connect(self._on_failed)
        run.finished.connect(self._on_finished)
        self.run = run
        self.build_button.setEnabled(False)
        run.start()
        return run

    def _on_built(self, built: list[packages.PackageInfo]) -> None:
        self.last_built = list(built)
        names = ", ".join(info.path.name for info in built)
        self.say(
            self.tr("Wrote %1 package(s) into %2: %3")
            .replace("%1", str(len(built)))
            .replace("%2", str(built[0].path.parent) if built else "")
            .replace("%3", names)
        )
        self.refresh()
        self.built.emit(self.last_built)

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserCancelled):
            self.say(self.tr("Cancelled."), error=True)
        elif isinstance(exc, UserFacingError):
            self.say(exc.describe(self.lang), error=True)
        else:
            log.error("building packages failed", exc_info=exc)
            self.say(str(exc), error=True)
        self.refresh()

    def _on_finished(self) -> None:
        self.run = None
        self.apply_gate()

    def _choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, self.tr("Folder or USB stick for the packages"), self.folder_combo.currentText()
        )
        if name:
            self.set_folder(Path(name))
