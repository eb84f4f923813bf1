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
from PySide6.QtWidgets import QVBoxLayout, QWidget, QWizard, QWizardPage

from parapp.core.messages import Lang
from parapp.ui.secretary.wizard.assignments_section import AssignmentsSection
from parapp.ui.secretary.wizard.criteria_page import CriteriaPage
from parapp.ui.secretary.wizard.members_section import MembersSection
from parapp.ui.secretary.wizard.packages_section import PackagesSection
from parapp.ui.secretary.wizard.rules_section import PhasesSection, RulesSection
from parapp.ui.secretary.wizard.section import Section
from parapp.ui.secretary.wizard.units_section import UnitsSection


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


class SectionPage(QWizardPage):
    """A wizard page showing one setup section of the new round."""

    def __init__(
        self, section: Section, title: str, subtitle: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.section = section
        self.setTitle(title)
        self.setSubTitle(subtitle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        wizard = self.wizard()
        assert isinstance(wizard, NewRoundWizard)
        session = wizard.criteria_page.session
        assert session is not None
        self.section.set_context(session.ctx, wizard.lang)


class NewRoundWizard(QWizard):
    """Set up a new round step by step."""

    finished_round = Signal(object)
    """The ``Path`` of the round set up (emitted after its file is closed)."""

    def __init__(self, folder: Path, lang: Lang = Lang.VI, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(self.tr("New appraisal round — parapp"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
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
        self.criteria_page = CriteriaPage(folder, _user(), self)
        self.units = UnitsSection()
        self.members = MembersSection()
        self.assignments = AssignmentsSection()
        self.phases = PhasesSection()
        self.rules = RulesSection()
        self.packages = PackagesSection()
        self.addPage(self.criteria_page)
        pages = [
            (self.units, self.tr("Units"),
             self.tr("The units appraised this year: type them, or import the units workbook.")),
            (self.members, self.tr("Council members"),
             self.tr("Name, title, role and signing certificate of each member.")),
            (self.assignments, self.tr("Assignments"),
             self.tr("Which areas (and units) each member scores.")),
            (self.phases, self.tr("Phases and deadlines"),
             self.tr("The deadline of each phase (optional).")),
            (self.rules, self.tr("Rules"),
             self.tr("Consolidation, quorum, classification bands and revocation lists.")),
            (self.packages, self.tr("Packages for the members"),
             self.tr("Write every member's scoring package to a folder or a USB stick "
                     "(optional).")),
        ]  # fmt: skip
        self.section_pages = [SectionPage(s, t, sub) for s, t, sub in pages]
        for page in self.section_pages:
            self.addPage(page)
        self.finished.connect(self._close_round)

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
