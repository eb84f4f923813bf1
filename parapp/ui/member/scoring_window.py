"""A council member's scoring window: units, the score tree, findings, the item's detail and an
evidence area the evidence viewer plugs into.

The window arranges panes and routes changes: every edit goes through ``undo.ScoreEditor`` (one
service call, committed), and the returned ``ScoreChange`` refreshes the tree, the unit's row, the
findings and the status line. No number is computed here.

The window shows either an open round or a snapshot of a member's workspace read without the
store (``services.quick_open``): it is then ready before SQLAlchemy loads, and opens the store
itself (``store``) on first need, at the latest right after it is shown (``open_store_later``);
when the store no longer holds what the snapshot showed, the window reloads from the store.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QSettings, QTimer, Signal
from PySide6.QtGui import QActionGroup, QCloseEvent, QFont, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QWidget

from parapp.core.messages import Lang
from parapp.core.numbers import format_score
from parapp.core.rounds import EvidenceRef
from parapp.services import member_view, quick_open
from parapp.services.quick_open import LazyRound
from parapp.services.sheets import ScoreChange, UnitSheet
from parapp.ui.forms.ui_scoring_window import Ui_ScoringWindow
from parapp.ui.member import score_tree_view, scoring_layout
from parapp.ui.member.level_actions import LevelActions
from parapp.ui.member.submit_actions import install_submit_actions
from parapp.ui.member.undo import ScoreEditor
from parapp.ui.models.score_tree_model import (
    MINE,
    NODE_CODE_ROLE,
    ROUND_2_COLUMNS,
    Column,
    ScoreFilterProxyModel,
    ScoreTreeModel,
)
from parapp.ui.widgets import i18n
from parapp.ui.widgets.errors import show_error
from parapp.ui.widgets.help import install_help_menu
from parapp.ui.widgets.window_state import WindowState

if TYPE_CHECKING:
    from parapp.services.context import RoundContext

# The scoring service and the store under it (SQLAlchemy) are imported by the functions that read
# or write the round: a window shown from a snapshot is ready without them.

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

_SETTINGS_GROUP = "scoring_window"
_FONT_RANGE = (7.0, 24.0)


class ScoringWindow(QMainWindow):
    """Score the units of one member's workspace or round."""

    evidence_requested = Signal(object)
    """The member chose an ``EvidenceRef`` to read (see ``evidence_path``)."""

    def __init__(
        self,
        ctx: RoundContext | LazyRound,
        member_id: str,
        lang: Lang = Lang.VI,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        """``ctx``: the open round, or a ``LazyRound`` (a snapshot whose store opens later)."""
        super().__init__(parent)
        self.ui = Ui_ScoringWindow()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self._round = ctx if isinstance(ctx, LazyRound) else LazyRound(ctx=ctx)
        shot = self._round.snapshot
        self._member_id = member_id
        self._lang = lang
        self._set = shot.criteria_set if shot is not None else self._round.open().criteria_set()
        self._settings = settings if settings is not None else QSettings()
        self._state = WindowState(self._settings, _SETTINGS_GROUP)
        self._default_font_size = self.font().pointSizeF()
        self._undo_stack = QUndoStack(self)
        self._editor = ScoreEditor(self.store, member_id, self._undo_stack, self)
        self._model = ScoreTreeModel(self)
        self._model.set_lang(lang)
        self._model.set_editor(self._editor)
        self._proxy = ScoreFilterProxyModel(self)
        self._proxy.setSourceModel(self._model)
        self._delegate = score_tree_view.ScoreDelegate(self, self.ui.status_bar)
        self._unit_id: str | None = None
        self._columns_fitted = False
        self._status_label = QLabel(self)
        self._status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.ui.status_bar.addWidget(self._status_label, 1)
        tree = self.ui.criteria_tree
        tree.setModel(self._proxy)
        tree.setItemDelegateForColumn(Column.APPRAISED, self._delegate)
        score_tree_view.setup_columns(tree)
        self._setup_actions()
        self._connect_signals()
        self.submit_actions = install_submit_actions(
            self,
            self.ui,
            self.go_to,
            self.store,
            member_id,
            self._settings,
            shot.submitted if shot is not None else None,
        )
        self.help_menu = install_help_menu(self)
        self.ui.main_splitter.setSizes([400, 626, 340])
        self.ui.center_splitter.setSizes([540, 130])
        self._columns_fitted = scoring_layout.restore(self, self._state)
        self.ui.units_pane.set_lang(lang)
        self.ui.units_pane.set_overviews(
            list(shot.overviews)
            if shot is not None
            else member_view.unit_overview(self._round.open(), member_id)
        )
        self._retitle()
        if self.ui.units_pane.model().rowCount():
            self.ui.units_pane.table().selectRow(0)

    # -- setup ----------------------------------------------------------------------------------

    def _setup_actions(self) -> None:
        ui = self.ui
        self._undo_action = self._undo_stack.createUndoAction(self, translate("undo", "Undo"))
        self._undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self._redo_action = self._undo_stack.createRedoAction(self, translate("undo", "Redo"))
        self._redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        first = ui.edit_menu.actions()[0]  # the form's first Edit action
        ui.edit_menu.insertActions(first, [self._undo_action, self._redo_action])
        ui.edit_menu.insertSeparator(first)
        self._language_group = QActionGroup(self)
        self._language_group.addAction(ui.vietnamese_action)
        self._language_group.addAction(ui.english_action)
        (ui.english_action if self._lang is Lang.EN else ui.vietnamese_action).setChecked(True)
        self._levels = LevelActions(ui.edit_menu, self._choose_level)

    def _connect_signals(self) -> None:
        ui = self.ui
        ui.units_pane.unit_selected.connect(self.open_unit)
        tree = ui.criteria_tree
        tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self._delegate.submitted.connect(self._advance)
        self._editor.changed.connect(self._on_changed)
        self._editor.failed.connect(self._delegate.show_refusal)  # inline, never a dialog
        ui.detail_pane.score_entered.connect(self._on_detail_score)
        ui.detail_pane.comment_entered.connect(self._editor.set_comment)
        ui.detail_pane.evidence_requested.connect(self._on_evidence_requested)
        ui.findings_pane.finding_activated.connect(self.select_code)
        ui.search_edit.textChanged.connect(self._apply_filters)
        ui.area_combo.currentIndexChanged.connect(self._apply_filters)
        ui.unscored_check.toggled.connect(self._apply_filters)
        ui.flagged_check.toggled.connect(self._apply_filters)
        ui.close_action.triggered.connect(self.close)
        ui.find_action.triggered.connect(self._focus_search)
        ui.next_unscored_action.triggered.connect(
            lambda: self._go(score_tree_view.next_unscored(tree))
        )
        ui.next_flag_action.triggered.connect(lambda: self._go(score_tree_view.next_flag(tree)))
        ui.larger_font_action.triggered.connect(lambda: self.set_font_size(self._font_size() + 1))
        ui.smaller_font_action.triggered.connect(lambda: self.set_font_size(self._font_size() - 1))
        ui.reset_font_action.triggered.connect(lambda: self.set_font_size(self._default_font_size))
        ui.expand_all_action.triggered.connect(tree.expandAll)
        ui.collapse_all_action.triggered.connect(tree.collapseAll)
        ui.vietnamese_action.triggered.connect(lambda: i18n.install(Lang.VI))
        ui.english_action.triggered.connect(lambda: i18n.install(Lang.EN))

    # -- public ---------------------------------------------------------------------------------

    def store(self) -> RoundContext:
        """The open round. A window shown from a snapshot opens it now (every save, export or
        evidence lookup comes here first); when the store no longer holds what the snapshot
        showed, the window reloads from it once the caller is done.

        Raises:
            UserFacingError: the workspace cannot be opened (see ``open_round``).
        """
        if self._round.is_open():
            return self._round.open()
        shot = self._round.snapshot
        ctx = self._round.open()
        self._round.snapshot = None
        assert shot is not None
        if not quick_open.same_as_store(shot, ctx):
            log.info("%s changed since it was shown; reloading it", ctx.path.name)
            self._editor.forget_sheet()
            QTimer.singleShot(0, self, self.reload)
        self.submit_actions.store_opened()
        return ctx

    def store_is_open(self) -> bool:
        """Whether the window works on the open store (not on its first snapshot)."""
        return self._round.is_open()

    def round(self) -> LazyRound:
        """The window's round (closed by whoever opened the window, after it closes)."""
        return self._round

    def open_store_later(self) -> None:
        """Open the store once the event loop runs again (after the window is painted)."""
        QTimer.singleShot(0, self, self._open_store_now)

    def reload(self) -> None:
        """Show the units and the current unit again from the store, keeping the place."""
        ctx = self.store()
        unit, code = self.ui.units_pane.current_unit_id(), self.current_code()
        self._set = ctx.criteria_set()
        self._unit_id = None
        self.ui.units_pane.set_overviews(member_view.unit_overview(ctx, self._member_id))
        self._retitle()
        pane = self.ui.units_pane
        if unit is None or not pane.select_unit(unit):
            if pane.model().rowCount():
                pane.table().selectRow(0)
            return
        if code is not None:
            self.select_code(code)

    def model(self) -> ScoreTreeModel:
        """The score tree model."""
        return self._model

    def proxy(self) -> ScoreFilterProxyModel:
        """The filter in front of the tree model."""
        return self._proxy

    def undo_stack(self) -> QUndoStack:
        """The window's undo stack."""
        return self._undo_stack

    def status_text(self) -> str:
        """The status line (unit totals, index, class)."""
        return self._status_label.text()

    def evidence_path(self, ref: EvidenceRef) -> Path | None:
        """Where the cited document is stored (None when it was never supplied)."""
        return member_view.evidence_file(self.store(), ref)

    def set_evidence_widget(self, widget: QWidget) -> None:
        """Put the evidence viewer in the evidence pane, replacing the placeholder."""
        self.ui.evidence_placeholder_label.hide()
        self.ui.evidence_layout.addWidget(widget)

    def go_to(self, unit_id: str, code: str) -> None:
        """Show item ``code`` of unit ``unit_id``."""
        self.open_unit(unit_id)
        self.select_code(code)

    def open_unit(self, unit_id: str) -> None:
        """Show a unit's sheet."""
        self.ui.detail_pane.flush_comment()
        if unit_id != self.ui.units_pane.current_unit_id():
            self.ui.units_pane.select_unit(unit_id)  # comes back here through unit_selected
            return
        try:
            sheet = self._sheet_of(unit_id)
        except Exception as exc:
            show_error(self, exc)
            return
        self._unit_id = unit_id
        self._editor.set_unit(unit_id, sheet)
        self.ui.detail_pane.show_nothing()
        self._model.set_sheet(self._set, sheet)
        for column in ROUND_2_COLUMNS:  # own and council round 1, proposed: round 2 only
            self.ui.criteria_tree.setColumnHidden(column, sheet.round_2 is None)
        self._fill_area_combo(sheet.areas)
        self._apply_filters()  # also makes the first leaf current
        if not self._columns_fitted:
            score_tree_view.fit_columns(self.ui.criteria_tree)
            self._columns_fitted = True
        self._show_unit_state()

    def select_code(self, code: str) -> bool:
        """Select node ``code`` in the tree (False when unknown or filtered out)."""
        index = self._proxy.mapFromSource(self._model.index_of(code, Column.APPRAISED))
        ok = score_tree_view.go_to(self.ui.criteria_tree, index)
        if ok:
            self.ui.criteria_tree.setFocus()
        return ok

    def current_code(self) -> str | None:
        """The node of the current tree row."""
        code = self.ui.criteria_tree.currentIndex().data(NODE_CODE_ROLE)
        return code if isinstance(code, str) else None

    def set_font_size(self, points: float) -> None:
        """Set the window's text size (kept in QSettings)."""
        points = min(max(points, _FONT_RANGE[0]), _FONT_RANGE[1])
        font = QFont(self.font())
        font.setPointSizeF(points)
        self.setFont(font)
        self._state.set_font_size(points)

    # -- Qt overrides ---------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.ui.detail_pane.flush_comment()
        scoring_layout.save(self, self._state)
        super().closeEvent(event)

    # -- slots ----------------------------------------------------------------------------------

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        tree = self.ui.criteria_tree
        score_tree_view.keep_in_score_column(tree, current)
        self._show_detail()

    def _show_detail(self) -> None:
        code = self.current_code()
        sheet = self._model.sheet()
        if code is None or sheet is None:
            self.ui.detail_pane.show_nothing()
            return
        if code == self.ui.detail_pane.code():
            return
        node = self._set.node(code)
        self.ui.detail_pane.show_node(
            self._set,
            node,
            sheet.unit.unit_type,
            self._model.entry(code),
            sheet.self_assessments.get(code),
            member_view.is_editable(node, sheet.areas, sheet.explained),
            self._lang,
            self._model.round2_item(code),
        )

    def _on_changed(self, change: ScoreChange) -> None:
        if change.unit_id != self._unit_id:
            # An undo or redo of another unit's edit: show that unit (it reloads from disk).
            self.open_unit(change.unit_id)
            self.select_code(change.node_code)
            return
        self._model.apply_change(change)
        self._show_unit_state()
        detail = self.ui.detail_pane
        if detail.code() == change.node_code:
            sheet = self._model.sheet()
            assert sheet is not None
            detail.update_entry(
                self._set.node(change.node_code),
                sheet.unit.unit_type,
                self._model.entry(change.node_code),
                self._lang,
            )

    def _on_detail_score(self, code: str, text: str) -> None:
        if self._editor.set_score(code, text) and code == self.current_code():
            self._advance()

    def _choose_level(self, position: int) -> None:
        self._show_detail()
        self.ui.detail_pane.choose_level(position)

    def _advance(self) -> None:
        self._go(score_tree_view.next_leaf(self.ui.criteria_tree))

    def _go(self, index: QModelIndex) -> None:
        score_tree_view.go_to(self.ui.criteria_tree, index)

    def _on_evidence_requested(self, ref: EvidenceRef) -> None:
        if self.ui.evidence_placeholder_label.isHidden():
            self.ui.side_tabs.setCurrentWidget(self.ui.evidence_pane)
        self.evidence_requested.emit(ref)

    def _focus_search(self) -> None:
        self.ui.search_edit.setFocus()
        self.ui.search_edit.selectAll()

    def _apply_filters(self) -> None:
        sheet = self._model.sheet()
        area = self.ui.area_combo.currentData()
        self._proxy.set_filters(
            query=self.ui.search_edit.text(),
            area=area if isinstance(area, str) else None,
            mine=sheet.areas if sheet else None,
            only_unscored=self.ui.unscored_check.isChecked(),
            only_flagged=self.ui.flagged_check.isChecked(),
        )
        tree = self.ui.criteria_tree
        if self._proxy.active():
            tree.expandAll()
        else:
            tree.expandToDepth(0)
        if not tree.currentIndex().isValid():
            self._advance()

    def _open_store_now(self) -> None:
        try:
            self.store()
        except Exception as exc:  # shown to the user; every later action tries again
            log.exception("cannot open the store of %s", self._round.path)
            show_error(self, exc)

    @property
    def _ctx(self) -> RoundContext:
        return self.store()

    def _sheet_of(self, unit_id: str) -> UnitSheet:
        shot = self._round.snapshot
        sheet = shot.sheet(unit_id) if shot is not None else None
        if sheet is not None:
            return sheet
        from parapp.services import scoring  # noqa: PLC0415 - see the imports

        return scoring.load_sheet(self.store(), self._member_id, unit_id)

    # -- filling --------------------------------------------------------------------------------

    def _fill_area_combo(self, areas: frozenset[str] | None) -> None:
        combo = self.ui.area_combo
        previous = combo.currentData() if combo.count() else MINE
        combo.blockSignals(True)
        combo.clear()
        if areas is not None:
            mine = ", ".join(sorted(areas, key=lambda c: int(c) if c.isdigit() else 0))
            combo.addItem(translate("ScoringWindow", "My areas (%1)").replace("%1", mine), MINE)
        combo.addItem(translate("ScoringWindow", "All areas"), None)
        for root in self._set.nodes:
            combo.addItem(f"{root.code}. {root.name}", root.code)
        found = combo.findData(previous)
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)

    def _show_unit_state(self) -> None:
        result = self._model.result()
        sheet = self._model.sheet()
        if result is None or sheet is None:
            self._status_label.clear()
            self.ui.findings_pane.set_findings([], self._lang)
            return
        overview = member_view.overview_of(
            self._set, sheet.unit, result, sheet.areas, sheet.explained
        )
        self.ui.units_pane.update(overview)
        lang = self._lang
        self._status_label.setText(
            translate("ScoringWindow", "%1 — scored %2/%3 · total %4 of %5 · index %6 % · %7")
            .replace("%1", sheet.unit.name)
            .replace("%2", str(overview.scored))
            .replace("%3", str(overview.applicable))
            .replace("%4", format_score(overview.achieved, lang))
            .replace("%5", format_score(overview.applicable_max, lang))
            .replace("%6", format_score(overview.index, lang) or "—")
            .replace("%7", overview.classification or "—")
        )
        self.ui.findings_pane.set_findings(member_view.member_findings(result, sheet.areas), lang)

    def _retitle(self) -> None:
        title = translate("ScoringWindow", "Appraisal — %1 — parapp").replace("%1", self._set.name)
        self.setWindowTitle(title)

    def _retranslate(self) -> None:
        self._lang = i18n.current_lang()
        self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self.ui.detail_pane.retranslate()
        self.ui.findings_pane.retranslate()
        self.ui.units_pane.ui.retranslateUi(self.ui.units_pane)  # type: ignore[no-untyped-call]
        self._model.set_lang(self._lang)
        self.ui.units_pane.set_lang(self._lang)
        self._undo_action.setText(translate("undo", "Undo"))
        self._redo_action.setText(translate("undo", "Redo"))
        self._levels.retranslate()
        self._retitle()
        sheet = self._model.sheet()
        self._fill_area_combo(sheet.areas if sheet else None)
        self._show_unit_state()
        code = self.current_code()
        self.ui.detail_pane.show_nothing()
        if code is not None:
            self._show_detail()

    # -- UI state -------------------------------------------------------------------------------

    def _font_size(self) -> float:
        return self.font().pointSizeF()
