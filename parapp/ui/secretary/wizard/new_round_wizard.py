"""The new-round wizard: criteria set, units, members, assignments, phases, rules, packages.

Every page after the first works on the round file the first page created, through the same
services as ``parapp round …`` (each change audited) and the same sections as the secretary's
"Thiết lập" tab. Finishing (or closing) releases the round's lock and closes it; ``finished_round``
then names the file for the secretary's window.
"""

from __future__ import annotations

import getpass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from parapp.core.messages import Lang
from parapp.ui.forms.ui_new_round_wizard import Ui_NewRoundWizard
from parapp.ui.secretary.wizard.section import Section


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


class NewRoundWizard(QWizard):
    """Set up a new round step by step."""

    finished_round = Signal(object)
    """The ``Path`` of the round set up (emitted after its file is closed)."""

    def __init__(self, folder: Path, lang: Lang = Lang.VI, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.ui = Ui_NewRoundWizard()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        buttons = QWizard.WizardButton
        for button, text in (
            (buttons.BackButton, self.tr("< &Back")),
            (buttons.NextButton, self.tr("&Next >")),
            (buttons.CommitButton, self.tr("&Create the round")),
            (buttons.FinishButton, self.tr("&Finish and open the round")),
            (buttons.CancelButton, self.tr("Close")),
        ):
            self.setButtonText(button, text)
        ui = self.ui
        self.criteria_page = ui.criteria_page
        self.criteria_page.start_in(folder, _user())
        self.units, self.members, self.assignments = ui.units, ui.members, ui.assignments
        self.phases, self.rules, self.packages = ui.phases, ui.rules, ui.packages
        self.section_pages = [
            ui.units_page, ui.members_page, ui.assignments_page, ui.phases_page, ui.rules_page,
            ui.packages_page,
        ]  # fmt: skip
        self.finished.connect(self._close_round)

    def initializePage(self, page_id: int) -> None:  # noqa: N802 - Qt override
        """A section's page shows the round the first page created."""
        super().initializePage(page_id)
        section = self.page(page_id).findChild(Section)
        session = self.criteria_page.session
        if isinstance(section, Section) and session is not None:
            section.set_context(session.ctx, self.lang)

    @property
    def round_path(self) -> Path | None:
        """The round file created by the first page (None before)."""
        session = self.criteria_page.session
        return None if session is None else session.ctx.path

    def _close_round(self, result: int) -> None:
        session = self.criteria_page.session
        if session is None:
            return
        path = session.ctx.path
        session.release()
        session.ctx.close()
        self.criteria_page.session = None
        self.finished_round.emit(path)
