"""The scoring window's File actions "Export score sheet…", "Print sheet…" and "Sign and
submit…", with toolbar buttons; the window installs them with one call.

Dialogs are non-modal and referenced here (PySide6 frees an unreferenced shown dialog). The
printed PDF is exported on a worker into a temporary folder that lives as long as the window.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTemporaryDir
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMainWindow, QToolBar

from parapp.ui.forms.ui_scoring_window import Ui_ScoringWindow
from parapp.ui.widgets.errors import show_error
from parapp.ui.widgets.print_sheet import SheetPrintJob, print_pdf
from parapp.ui.widgets.workers import BackgroundCall

if TYPE_CHECKING:
    from parapp.services.context import RoundContext
    from parapp.services.exports import ExportedPdf
    from parapp.services.resubmission import LastSubmission
    from parapp.ui.member.export_dialog import ExportDialog
    from parapp.ui.widgets.signing_dialog import SigningDialog

# The dialogs and the submission service (pyHanko, the sheet renderers) are imported when an
# action is first used: the scoring window opens without them.

log = logging.getLogger(__name__)


class SubmitActions(QObject):
    """Owns the three actions, their toolbar and the dialogs they open."""

    def __init__(
        self,
        window: QMainWindow,
        ui: Ui_ScoringWindow,
        go_to: Callable[[str, str], None],
        store: Callable[[], RoundContext],
        member_id: str,
        settings: QSettings,
        submitted: bool | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._ui = ui
        self._go_to_item = go_to
        self._store = store
        self._submitted = submitted
        self._member_id = member_id
        self._settings = settings
        self.export_dialog: ExportDialog | None = None
        self.signing_dialog: SigningDialog | None = None
        self.print_job: SheetPrintJob | None = None
        self.pages_printed: int | None = None
        self._print_call: BackgroundCall | None = None
        self._printer: QPrinter | None = None
        self._temp = QTemporaryDir()
        self.export_action = QAction(self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.print_action = QAction(self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.sign_action = QAction(self)
        self.sign_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        actions = [self.export_action, self.print_action, self.sign_action]
        menu, close = self._ui.file_menu, self._ui.close_action
        menu.insertActions(close, actions)
        menu.insertSeparator(close)
        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("submit_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addActions(actions)
        window.addToolBar(self.toolbar)
        self.export_action.triggered.connect(self.open_export_dialog)
        self.print_action.triggered.connect(lambda _checked=False: self.print_sheet())
        self.sign_action.triggered.connect(self.open_signing_dialog)
        window.installEventFilter(self)
        self._retranslate()

    # -- public ---------------------------------------------------------------------------------

    def open_export_dialog(self) -> ExportDialog:
        """Show the export dialog for the current unit (reusing an open one)."""
        from parapp.ui.member.export_dialog import ExportDialog  # noqa: PLC0415

        window = self._window
        self._ui.detail_pane.flush_comment()
        unit = self._ui.units_pane.current_unit_id()
        dialog = self.export_dialog
        if dialog is None or not dialog.isVisible():
            ctx = self._store()
            dialog = ExportDialog(ctx, self._member_id, self._settings, window, unit_id=unit)
            self.export_dialog = dialog
            dialog.show()
        else:
            dialog.raise_()
        dialog.activateWindow()
        return dialog

    def open_signing_dialog(self) -> SigningDialog:
        """Show the sign-and-submit dialog (reusing an open one, checked again)."""
        from parapp.ui.widgets.signing_dialog import SigningDialog  # noqa: PLC0415

        window = self._window
        self._ui.detail_pane.flush_comment()
        dialog = self.signing_dialog
        if dialog is None or not dialog.isVisible():
            dialog = SigningDialog(self._store(), self._member_id, self._settings, window)
            dialog.finding_activated.connect(self._go_to)
            dialog.submitted.connect(self._on_submitted)
            self.signing_dialog = dialog
            dialog.show()
        else:
            dialog.refresh_refusals()
            dialog.raise_()
        dialog.activateWindow()
        last = self.last_submission()
        if last is not None:
            window.statusBar().showMessage(
                self.tr("This submission will replace the one of %1 (%2).")
                .replace("%1", last.day)
                .replace("%2", last.file_name)
            )
        return dialog

    def last_submission(self) -> LastSubmission | None:
        """The member's last package signed in this workspace (None before the first)."""
        from parapp.services import resubmission  # noqa: PLC0415

        try:
            return resubmission.last_submission(self._store(), self._member_id)
        except Exception:  # a damaged setting never blocks the window
            log.exception("cannot read the last submission")
            return None

    def print_sheet(self, printer: QPrinter | None = None) -> None:
        """Export the current unit's sheet on a worker, then print it: through the system print
        dialog, or straight on ``printer`` when one is given (tests print to a PDF file)."""
        from parapp.services import submission  # noqa: PLC0415
        from parapp.ui.member.export_dialog import PLACE_KEY  # noqa: PLC0415

        window = self._window
        unit = self._ui.units_pane.current_unit_id()
        if unit is None or self._print_call is not None:
            return
        self._ui.detail_pane.flush_comment()
        out = Path(self._temp.path()) / f"{submission.sheet_stem(unit, self._member_id)}.pdf"
        place = str(self._settings.value(PLACE_KEY, "") or "")
        ctx, member, day = self._store(), self._member_id, dt.date.today()
        call = BackgroundCall(
            lambda: submission.export_pdf_for_printing(
                ctx, member, unit, out, place=place, date=day
            )
        )
        self._printer = printer
        call.succeeded.connect(self._print_exported)
        call.failed.connect(self._on_print_failed)
        call.finished.connect(self._on_print_finished)
        self._print_call = call
        window.statusBar().showMessage(self.tr("Preparing the sheet for printing…"))
        call.start()

    def store_opened(self) -> None:
        """The window's store is open: the actions' texts now come from it."""
        self._submitted = None
        self._retranslate()

    def is_printing(self) -> bool:
        """The sheet to print is being exported."""
        return self._print_call is not None

    # -- slots ----------------------------------------------------------------------------------

    def _print_exported(self, exported: ExportedPdf) -> None:
        self._window.statusBar().clearMessage()
        printer, self._printer = self._printer, None
        if printer is not None:
            try:
                self.pages_printed = print_pdf(exported.path, printer)
            except Exception as exc:
                show_error(self._window, exc)
            return
        self.print_job = SheetPrintJob(exported.path, self._window)
        self.print_job.open()

    def _on_print_failed(self, exc: BaseException) -> None:
        self._window.statusBar().clearMessage()
        show_error(self._window, exc)

    def _on_print_finished(self) -> None:
        self._print_call = None

    def _on_submitted(self, _result: object) -> None:
        """After a submission the member may still correct scores and sign a new version, which
        replaces this one at the secretary's merge."""
        self._retranslate()
        self._window.statusBar().showMessage(
            self.tr(
                "Submitted. To correct a score, change it and sign again: the new version "
                "replaces this one."
            )
        )

    def _go_to(self, unit_id: str, code: str) -> None:
        self._go_to_item(unit_id, code)
        self._window.activateWindow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False

    def _retranslate(self) -> None:
        self.export_action.setText(self.tr("&Export score sheet…"))
        self.export_action.setToolTip(self.tr("Export a unit's score sheet as PDF and Excel"))
        self.print_action.setText(self.tr("&Print sheet…"))
        self.print_action.setToolTip(self.tr("Print the current unit's score sheet"))
        submitted = self._submitted  # known from the window's first read until its store opens
        if submitted is None:
            submitted = self.last_submission() is not None
        if not submitted:
            self.sign_action.setText(self.tr("&Sign and submit…"))
            self.sign_action.setToolTip(
                self.tr("Sign your scores of every unit and save the score package")
            )
        else:
            self.sign_action.setText(self.tr("&Sign and submit a corrected version…"))
            self.sign_action.setToolTip(
                self.tr(
                    "Sign your corrected scores as a new version that replaces your last submission"
                )
            )
        self.toolbar.setWindowTitle(self.tr("Score sheets"))


def install_submit_actions(
    window: QMainWindow,
    ui: Ui_ScoringWindow,
    go_to: Callable[[str, str], None],
    store: Callable[[], RoundContext],
    member_id: str,
    settings: QSettings,
    submitted: bool | None = None,
) -> SubmitActions:
    """Add the export, print and sign-and-submit actions to the scoring ``window`` (its File
    menu and a toolbar, from its ``ui``); ``go_to(unit, code)`` shows an item a finding names.
    The window is passed in pieces so that this module does not import the window's.

    ``store()`` returns the open round (the window opens it on first use); ``submitted``: whether
    the member has submitted, as the window's first read found, until ``store_opened``."""
    return SubmitActions(window, ui, go_to, store, member_id, settings, submitted)
