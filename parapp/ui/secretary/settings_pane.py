"""The secretary window's "Thiết lập" (setup) tab: every setting of the new-round wizard, changed
later where the phase allows it (each change audited by its service), the self-assessment forms
of a whole folder, the packages for all members, and the read-only banner of a round another
parapp holds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QWidget

from parapp.core.messages import Lang
from parapp.services.context import RoundContext
from parapp.ui.forms.ui_settings_pane import Ui_SettingsPane
from parapp.ui.secretary.wizard.section import Section
from parapp.ui.widgets import i18n

if TYPE_CHECKING:
    from parapp.ui.secretary.secretary_window import SecretaryWindow


class SettingsPane(QWidget):
    """Units, members, assignments, phases, rules, self-assessments and packages."""

    changed = Signal()
    """Something in the round's setup changed (the other tabs are stale)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsPane()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self.host_tabs: QTabWidget | None = None
        ui = self.ui
        self.tabs = ui.tabs
        self.units, self.self_import, self.members = ui.units, ui.self_import, ui.members
        self.assignments, self.phases, self.rules = ui.assignments, ui.phases, ui.rules
        self.packages = ui.packages
        self.phases.set_can_advance(True)
        self.tabs.currentChanged.connect(lambda _i: self.refresh_current())
        self.packages.built.connect(lambda _b: self.changed.emit())
        self.units.roster.changed.connect(self.changed.emit)
        self.members.roster.changed.connect(self.changed.emit)
        self.phases.phase_changed.connect(self._after_phase)

    def sections(self) -> list[Section]:
        """Every section, in tab order."""
        return [
            self.units, self.self_import, self.members, self.assignments, self.phases,
            self.rules, self.packages,
        ]  # fmt: skip

    def set_context(self, ctx: RoundContext, lang: Lang) -> None:
        """Show ``ctx`` (every section re-reads it)."""
        for section in self.sections():
            section.set_context(ctx, lang)

    def set_lang(self, lang: Lang) -> None:
        """Re-read the sections in ``lang`` (the tabs' titles are the form's)."""
        for section in self.sections():
            if section.ctx is not None:
                section.set_context(section.ctx, lang)

    def show_section(self, section: Section) -> None:
        """Bring ``section`` forward."""
        self.tabs.setCurrentWidget(section)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Re-label and re-read in the new language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
            self.set_lang(i18n.current_lang())
            if self.host_tabs is not None:
                index = self.host_tabs.indexOf(self)
                self.host_tabs.setTabText(index, self.tr("Setup"))
        super().changeEvent(event)

    def refresh_current(self) -> None:
        """Re-read the section shown (the round may have changed elsewhere: a merge)."""
        section = self.tabs.currentWidget()
        if isinstance(section, Section) and section.ctx is not None:
            section.refresh()
            section.apply_gate()

    def _after_phase(self, _event: object) -> None:
        for section in self.sections():
            section.apply_gate()
        self.changed.emit()


def install_settings_pane(window: SecretaryWindow, ctx: RoundContext, lang: Lang) -> SettingsPane:
    """Add the "Thiết lập" tab last; a change there marks the other tabs stale."""
    pane = SettingsPane(window)
    tabs = window.ui.tabs_widget
    tabs.addTab(pane, QCoreApplication.translate("SettingsPane", "Setup"))
    pane.host_tabs = tabs
    tabs.currentChanged.connect(
        lambda _i: pane.refresh_current() if tabs.currentWidget() is pane else None
    )
    pane.set_context(ctx, lang)
    pane.changed.connect(window.refresh_all)
    pane.changed.connect(window._retitle)
    return pane


def read_only_banner(parent: QWidget, sentence: str) -> QLabel:
    """The banner a read-only round shows above the tabs."""
    banner = QLabel(sentence, parent)
    banner.setObjectName("read_only_banner")
    banner.setWordWrap(True)
    banner.setStyleSheet(
        "background: #fdecea; color: #611a15; border: 1px solid #f5c2c0; padding: 6px;"
        " font-weight: bold;"
    )
    return banner
