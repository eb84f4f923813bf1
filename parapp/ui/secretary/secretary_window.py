"""The secretary's window on a round file: submissions, completeness, disagreements, results and
the audit log, one tab each.

The window arranges the panes and routes changes: a merge, a decision or new settings mark the
other tabs stale, and a stale tab re-reads its service when it is shown. No number is computed
here.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtGui import QActionGroup, QCloseEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from parapp.core.messages import Lang
from parapp.services import round_setup, rounds
from parapp.services.context import RoundContext
from parapp.services.merge import MergeReport
from parapp.ui.forms.ui_secretary_window import Ui_SecretaryWindow
from parapp.ui.secretary.audit_pane import AuditPane
from parapp.ui.secretary.completeness_pane import CompletenessPane
from parapp.ui.secretary.disagreements_pane import DisagreementsPane
from parapp.ui.secretary.external_pane import install_external_pane
from parapp.ui.secretary.inbox_pane import install_inbox_pane
from parapp.ui.secretary.merge_pane import MergePane
from parapp.ui.secretary.results_pane import ResultsPane
from parapp.ui.secretary.settings_pane import install_settings_pane, read_only_banner
from parapp.ui.secretary.year_tab import install_year_pane
from parapp.ui.widgets import i18n
from parapp.ui.widgets.column_memory import ColumnMemory
from parapp.ui.widgets.errors import show_error
from parapp.ui.widgets.help import install_help_menu

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class SecretaryWindow(QMainWindow):
    """Merge members' score packages, resolve, compute and export the round's results."""

    def __init__(
        self,
        ctx: RoundContext,
        lang: Lang | str = Lang.VI,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_SecretaryWindow()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self._ctx = ctx
        self._lang = i18n.parse_lang(lang)
        self._stale: set[QWidget] = set()
        self._language_group = QActionGroup(self)
        self._language_group.addAction(self.ui.vietnamese_action)
        self._language_group.addAction(self.ui.english_action)
        action = self.ui.english_action if self._lang is Lang.EN else self.ui.vietnamese_action
        action.setChecked(True)
        self._connect_signals()
        self.ui.merge_pane.set_context(ctx, self._lang)
        self._stale = set(self._readers())
        self._retitle()
        self._refresh_current()
        self.inbox_pane = install_inbox_pane(self, ctx, self._lang)
        self.external_pane = install_external_pane(self, ctx, self._lang)
        self.help_menu = install_help_menu(self)
        ui = self.ui
        tables = {
            "submissions": ui.merge_pane.ui.report_table,
            "inbox": self.inbox_pane.ui.inbox_table,
            "completeness": ui.completeness_pane.ui.matrix_table,
            "disagreements": ui.disagreements_pane.ui.items_table,
            "results": ui.results_pane.ui.results_table,
            "audit": ui.audit_pane.ui.audit_table,
        }
        self.column_memory = ColumnMemory(self, "secretary_window", tables, settings)
        self.year_pane = install_year_pane(self, ctx, self._lang)
        # One round, one writer: the window holds the round's lock until it closes; a round
        # another parapp holds opens read-only under a banner saying who holds it.
        self.writer = round_setup.take_round(ctx)
        self.read_only_banner = None
        if self.writer.sentence is not None:
            self.read_only_banner = read_only_banner(self, self.writer.sentence.get(self._lang))
            self.ui.central_layout.insertWidget(0, self.read_only_banner)
        self.settings_pane = install_settings_pane(self, ctx, self._lang)

    # -- public ---------------------------------------------------------------------------------

    @property
    def merge_pane(self) -> MergePane:
        """The "Submissions" tab."""
        return self.ui.merge_pane

    @property
    def completeness_pane(self) -> CompletenessPane:
        """The "Completeness" tab."""
        return self.ui.completeness_pane

    @property
    def disagreements_pane(self) -> DisagreementsPane:
        """The "Disagreements" tab."""
        return self.ui.disagreements_pane

    @property
    def results_pane(self) -> ResultsPane:
        """The "Results" tab."""
        return self.ui.results_pane

    @property
    def audit_pane(self) -> AuditPane:
        """The "Audit log" tab."""
        return self.ui.audit_pane

    def show_tab(self, pane: QWidget) -> None:
        """Bring the tab holding ``pane`` forward (it refreshes when stale)."""
        tabs = self.ui.tabs_widget
        for index in range(tabs.count()):
            page = tabs.widget(index)
            if page is not None and page.isAncestorOf(pane):
                tabs.setCurrentIndex(index)
                return

    def refresh_all(self) -> None:
        """Mark every tab stale and re-read the one shown."""
        self._stale = set(self._readers())
        self.ui.merge_pane.refresh()
        self._refresh_current()

    # -- Qt overrides ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Release the round's lock when the window closes."""
        super().closeEvent(event)
        if event.isAccepted():
            self.writer.release()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._lang = i18n.current_lang()
            self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
            self._retitle()
            self.ui.merge_pane.set_lang(self._lang)
            for pane in self._readers():
                pane.set_lang(self._lang)
        super().changeEvent(event)

    # -- internals ------------------------------------------------------------------------------

    def _readers(self) -> list[CompletenessPane | DisagreementsPane | ResultsPane | AuditPane]:
        ui = self.ui
        return [ui.completeness_pane, ui.disagreements_pane, ui.results_pane, ui.audit_pane]

    def _connect_signals(self) -> None:
        ui = self.ui
        ui.tabs_widget.currentChanged.connect(self._refresh_current)
        ui.merge_pane.merged.connect(self._on_merged)
        ui.merge_pane.trusted.connect(lambda _member: self._changed())
        ui.disagreements_pane.resolved.connect(lambda _item: self._changed())
        ui.results_pane.settings_changed.connect(lambda _settings: self._changed())
        ui.results_pane.exported.connect(lambda _files: self._show_status(self.tr("Exported.")))
        ui.add_files_action.triggered.connect(self._add_files)
        ui.refresh_action.triggered.connect(self.refresh_all)
        ui.close_action.triggered.connect(self.close)
        ui.vietnamese_action.triggered.connect(lambda: i18n.install(Lang.VI))
        ui.english_action.triggered.connect(lambda: i18n.install(Lang.EN))

    def _add_files(self) -> None:
        self.show_tab(self.ui.merge_pane)
        self.ui.merge_pane.choose_files()

    def _on_merged(self, report: MergeReport) -> None:
        self._changed()
        self._show_status(self.ui.merge_pane.ui.summary_label.text())
        log.info("merged %d file(s), ok=%s", len(report.files), report.ok)

    def _changed(self) -> None:
        """Something in the round changed: every reading tab is stale."""
        self._stale = set(self._readers())
        self._refresh_current()

    def _refresh_current(self, *_args: object) -> None:
        page = self.ui.tabs_widget.currentWidget()
        for pane in self._readers():
            if pane in self._stale and page is not None and page.isAncestorOf(pane):
                self._stale.discard(pane)
                try:
                    pane.set_context(self._ctx, self._lang)
                except Exception as exc:  # shown by the one error mapping
                    log.exception("cannot refresh %s", type(pane).__name__)
                    show_error(self, exc)

    def _retitle(self) -> None:
        info = rounds.round_info(self._ctx)
        self.setWindowTitle(self.tr("%1 — secretary — parapp").replace("%1", self._ctx.path.name))
        self.ui.round_label.setText(
            self.tr("<b>%1</b> (%2) — criteria set %3, phase: %4")
            .replace("%1", info.name)
            .replace("%2", str(info.year))
            .replace("%3", info.form_id)
            .replace("%4", info.phase.label.get(self._lang))
        )

    def _show_status(self, text: str) -> None:
        self.ui.status_bar.showMessage(text, 10000)
