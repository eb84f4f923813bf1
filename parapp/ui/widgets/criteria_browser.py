"""Read-only browser of criteria sets: choose a set and a unit type, search, read each item's rule.

The window only displays ``core`` objects: counts come from ``summarize``, numbers from
``format_score``; nothing here decides a domain question.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtGui import QActionGroup, QKeyEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QSizePolicy, QWidget

from parapp.core.criteria import (
    CriteriaSet,
)
from parapp.core.messages import Lang
from parapp.core.numbers import format_score
from parapp.services.criteria_sets import BundledSet
from parapp.ui.forms.ui_criteria_browser import Ui_CriteriaBrowser
from parapp.ui.member.node_html import metadata_html, node_html
from parapp.ui.models.criteria_tree_model import (
    NODE_CODE_ROLE,
    Column,
    CriteriaFilterProxyModel,
    CriteriaTreeModel,
    assessor_label,
    summarize,
)
from parapp.ui.widgets import i18n
from parapp.ui.widgets.errors import show_error

log = logging.getLogger(__name__)

# lupdate reads calls named ``translate`` with literal arguments; the alias keeps lines short.
translate = QCoreApplication.translate


def _short(note: str, limit: int = 48) -> str:
    """The note's first phrase for the set chooser; the banner and tooltip show it whole."""
    first = re.split(r"\. |; | / ", note, maxsplit=1)[0]
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


def _default_row(sets: Sequence[BundledSet]) -> int:
    """The newest set (by year) is shown first; ties keep the listed order."""
    if not sets:
        return -1
    return max(range(len(sets)), key=lambda i: (sets[i].criteria_set.year, -i))


class CriteriaBrowser(QMainWindow):
    """The demo window: every bundled set, browsable, read-only."""

    def __init__(
        self,
        sets: Sequence[BundledSet],
        lang: Lang = Lang.VI,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_CriteriaBrowser()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self._sets = list(sets)
        self._lang = lang
        self._model = CriteriaTreeModel(self)
        self._model.set_lang(lang)
        self._proxy = CriteriaFilterProxyModel(self)
        self._proxy.setSourceModel(self._model)
        self.ui.criteria_tree.setModel(self._proxy)
        self._summary_label = QLabel(self)
        # Long counts must not widen the window: a growing minimum size resizes top-levels.
        self._summary_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.ui.status_bar.addWidget(self._summary_label, 1)
        self._language_group = QActionGroup(self)
        self._language_group.addAction(self.ui.vietnamese_action)
        self._language_group.addAction(self.ui.english_action)
        (self.ui.english_action if lang is Lang.EN else self.ui.vietnamese_action).setChecked(True)
        self.ui.search_edit.installEventFilter(self)
        self._setup_tree()
        self.ui.main_splitter.setSizes([860, 480])
        self.ui.side_splitter.setSizes([400, 260])
        self._connect_signals()
        self._fill_set_combo(_default_row(self._sets))
        self._show_set(self.ui.set_combo.currentIndex())

    # -- setup -------------------------------------------------------------------------------

    def _setup_tree(self) -> None:
        tree = self.ui.criteria_tree
        tree.setIndentation(14)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(48)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        # Short columns follow their visible contents, so codes and labels are never elided.
        for column in (Column.CODE, Column.MAXIMUM, Column.ASSESSOR, Column.RULE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.ui.note_label.setStyleSheet(
            "QLabel { background: #fff4ce; border: 1px solid #e0c36c; padding: 4px; }"
        )

    def _connect_signals(self) -> None:
        self.ui.set_combo.currentIndexChanged.connect(self._show_set)
        self.ui.unit_type_combo.currentIndexChanged.connect(self._on_unit_type_changed)
        self.ui.search_edit.textChanged.connect(self._on_search_changed)
        self.ui.search_edit.returnPressed.connect(self._focus_first_match)
        self.ui.criteria_tree.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.ui.quit_action.triggered.connect(self.close)
        self.ui.find_action.triggered.connect(self._focus_search)
        self.ui.expand_all_action.triggered.connect(self.ui.criteria_tree.expandAll)
        self.ui.collapse_all_action.triggered.connect(self.ui.criteria_tree.collapseAll)
        self.ui.vietnamese_action.triggered.connect(lambda: self.set_language(Lang.VI))
        self.ui.english_action.triggered.connect(lambda: self.set_language(Lang.EN))

    # -- public ------------------------------------------------------------------------------

    def model(self) -> CriteriaTreeModel:
        """The tree model (tests observe it)."""
        return self._model

    def proxy(self) -> CriteriaFilterProxyModel:
        """The search filter in front of the model."""
        return self._proxy

    def current_set(self) -> CriteriaSet | None:
        """The set shown."""
        return self._model.criteria_set()

    def select_code(self, code: str) -> bool:
        """Select the node with ``code`` in the tree; False when it is unknown or filtered out."""
        index = self._proxy.mapFromSource(self._model.index_of(code))
        if not index.isValid():
            return False
        tree = self.ui.criteria_tree
        tree.setCurrentIndex(index)
        tree.scrollTo(index)
        return True

    def summary_text(self) -> str:
        """The counts shown in the status bar."""
        return self._summary_label.text()

    def set_language(self, lang: Lang) -> None:
        """Switch the whole application's language and refresh every text of this window."""
        i18n.install(lang)
        self._retranslate()

    # -- Qt overrides ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # Escape in the search box clears it (and shows the whole tree again).
        if (
            watched is self.ui.search_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self.ui.search_edit.text()
        ):
            self.ui.search_edit.clear()
            return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- slots -------------------------------------------------------------------------------

    def _show_set(self, row: int) -> None:
        criteria_set = self._sets[row].criteria_set if 0 <= row < len(self._sets) else None
        self._fill_unit_type_combo(criteria_set)
        self._model.set_criteria_set(criteria_set, self._chosen_unit_type())
        self._restore_view()
        self._show_note(criteria_set)
        self._show_metadata(criteria_set)
        self._show_summary()
        self._select_first()

    def _on_unit_type_changed(self, _row: int) -> None:
        self._model.set_unit_type(self._chosen_unit_type())
        self._show_summary()
        self._show_detail()

    def _on_search_changed(self, text: str) -> None:
        self._proxy.set_query(text)
        self._restore_view()
        if not self.ui.criteria_tree.currentIndex().isValid():
            self._select_first()
        self._show_summary()

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_detail()

    def _focus_search(self) -> None:
        self.ui.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.search_edit.selectAll()

    def _focus_first_match(self) -> None:
        self._select_first()
        self.ui.criteria_tree.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- filling -----------------------------------------------------------------------------

    def _fill_set_combo(self, select: int) -> None:
        combo = self.ui.set_combo
        combo.blockSignals(True)
        combo.clear()
        for bundled in self._sets:
            s = bundled.criteria_set
            text = (
                translate("CriteriaBrowser", "%1 (%2) — %3, version %4")
                .replace("%1", s.name)
                .replace("%2", str(s.year))
                .replace("%3", s.form_id)
                .replace("%4", s.version)
            )
            if s.note:
                text += f" — {_short(s.note)}"
            combo.addItem(text, s.form_id)
            tooltip = f"{text}\n{s.note}" if s.note else text
            combo.setItemData(combo.count() - 1, tooltip, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(select)
        combo.setEnabled(bool(self._sets))
        combo.blockSignals(False)

    def _fill_unit_type_combo(self, criteria_set: CriteriaSet | None) -> None:
        combo = self.ui.unit_type_combo
        previous = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(translate("CriteriaBrowser", "All unit types (general maxima)"), None)
        for unit_type in criteria_set.unit_types if criteria_set else ():
            combo.addItem(unit_type.label, unit_type.code)
        found = combo.findData(previous) if previous is not None else -1
        combo.setCurrentIndex(max(found, 0))
        combo.setEnabled(criteria_set is not None and bool(criteria_set.unit_types))
        combo.blockSignals(False)

    def _chosen_unit_type(self) -> str | None:
        data = self.ui.unit_type_combo.currentData()
        return data if isinstance(data, str) else None

    def _restore_view(self) -> None:
        tree = self.ui.criteria_tree
        if self._proxy.query_words():
            tree.expandAll()
        else:
            tree.collapseAll()
            tree.expandToDepth(0)

    def _select_first(self) -> None:
        first = self._proxy.index(0, 0)
        if first.isValid():
            self.ui.criteria_tree.setCurrentIndex(first)
        else:
            self._show_detail()

    def _show_note(self, criteria_set: CriteriaSet | None) -> None:
        label = self.ui.note_label
        if criteria_set is None:
            label.setText(
                translate(
                    "CriteriaBrowser",
                    "No criteria set is bundled yet: add JSON sets to resources/criteria.",
                )
            )
            label.setVisible(True)
            return
        label.setText(f"<b>{html.escape(criteria_set.note)}</b>" if criteria_set.note else "")
        label.setVisible(bool(criteria_set.note))

    def _show_metadata(self, criteria_set: CriteriaSet | None) -> None:
        self.ui.metadata_browser.setHtml(
            "" if criteria_set is None else metadata_html(criteria_set, self._lang)
        )

    def _show_detail(self) -> None:
        index = self.ui.criteria_tree.currentIndex()
        criteria_set = self._model.criteria_set()
        code = index.data(NODE_CODE_ROLE) if index.isValid() else None
        if criteria_set is None or not isinstance(code, str):
            hint = translate("CriteriaBrowser", "Select an item to see its rule and evidence.")
            self.ui.detail_browser.setHtml(f"<p><i>{html.escape(hint)}</i></p>")
            return
        self.ui.detail_browser.setHtml(
            node_html(criteria_set, criteria_set.node(code), self._chosen_unit_type(), self._lang)
        )

    def _show_summary(self) -> None:
        criteria_set = self._model.criteria_set()
        if criteria_set is None:
            self._summary_label.setText("")
            return
        summary = summarize(criteria_set, self._chosen_unit_type())
        parts = [
            translate("CriteriaBrowser", "Areas: %1").replace("%1", str(summary.areas)),
            translate("CriteriaBrowser", "Criteria: %1").replace("%1", str(summary.criteria)),
            translate("CriteriaBrowser", "Sub-criteria: %1").replace(
                "%1", str(summary.sub_criteria)
            ),
            translate("CriteriaBrowser", "Scored items: %1").replace("%1", str(summary.leaves)),
        ]
        split = " + ".join(
            f"{assessor_label(a)} {format_score(amount, self._lang)}"
            for a, amount in summary.maximum_by_assessor
        )
        total = translate("CriteriaBrowser", "Maximum %1").replace(
            "%1", format_score(summary.maximum, self._lang)
        )
        parts.append(f"{total} = {split}" if len(summary.maximum_by_assessor) > 1 else total)
        if summary.bonus_maximum:
            parts.append(
                translate("CriteriaBrowser", "Bonus up to %1").replace(
                    "%1", format_score(summary.bonus_maximum, self._lang)
                )
            )
        if summary.penalty_maximum:
            parts.append(
                translate("CriteriaBrowser", "Penalty up to %1").replace(
                    "%1", format_score(summary.penalty_maximum, self._lang)
                )
            )
        if self._proxy.query_words():
            matches = sum(1 for _ in self._visible_rows())
            parts.append(translate("CriteriaBrowser", "Shown: %1").replace("%1", str(matches)))
        self._summary_label.setText(" · ".join(parts))

    def _visible_rows(self, parent: QModelIndex | None = None) -> list[QModelIndex]:
        parent = parent or QModelIndex()
        rows = []
        for row in range(self._proxy.rowCount(parent)):
            index = self._proxy.index(row, 0, parent)
            rows.append(index)
            rows.extend(self._visible_rows(index))
        return rows

    def _retranslate(self) -> None:
        self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self._lang = i18n.current_lang()
        (self.ui.english_action if self._lang is Lang.EN else self.ui.vietnamese_action).setChecked(
            True
        )
        self._model.set_lang(self._lang)
        self._fill_set_combo(self.ui.set_combo.currentIndex())
        self._fill_unit_type_combo(self._model.criteria_set())
        self._show_note(self._model.criteria_set())
        self._show_metadata(self._model.criteria_set())
        self._show_summary()
        self._show_detail()


def schedule_error(parent: QWidget, exc: BaseException) -> None:
    """Show ``exc`` once the event loop runs (a window being built is not shown yet)."""
    QTimer.singleShot(0, parent, lambda: show_error(parent, exc))
