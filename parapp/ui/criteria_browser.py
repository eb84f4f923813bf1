"""Read-only browser of criteria sets: choose a set and a unit type, search, read each item's rule.

The window only displays ``core`` objects: counts come from ``summarize``, numbers from
``format_score``; nothing here decides a domain question.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Sequence
from decimal import Decimal

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
    Aggregation,
    Assessor,
    BandsRule,
    BonusMode,
    CriteriaSet,
    FreeRule,
    LevelsRule,
    Node,
    ProportionalRule,
    RankingMethod,
    Role,
)
from parapp.core.messages import Lang
from parapp.core.numbers import format_score
from parapp.services.criteria_sets import BundledSet
from parapp.ui import i18n
from parapp.ui.errors import show_error
from parapp.ui.forms.ui_criteria_browser import Ui_CriteriaBrowser
from parapp.ui.models.criteria_tree_model import (
    NODE_CODE_ROLE,
    Column,
    CriteriaFilterProxyModel,
    CriteriaTreeModel,
    assessor_label,
    summarize,
)

log = logging.getLogger(__name__)

# lupdate reads calls named ``translate`` with literal arguments; the alias keeps lines short.
translate = QCoreApplication.translate


def _figure(value: Decimal, lang: Lang) -> str:
    """A declared figure or bound with as many places as it has ("90", "70,5")."""
    exponent = value.normalize().as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    return format_score(value, lang, places=places)


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


# -- rendering -------------------------------------------------------------------------------


def _row(label: str, value: str) -> str:
    return (
        f"<tr><td style='padding-right:8px'><b>{html.escape(label)}</b></td><td>{value}</td></tr>"
    )


def _para(text: str) -> str:
    return html.escape(text).replace("\n", "<br/>")


def metadata_html(criteria_set: CriteriaSet, lang: Lang) -> str:
    """The set's metadata as a small HTML table."""
    s = criteria_set
    labels = {u.code: u.label for u in s.unit_types}
    groups = "<br/>".join(
        html.escape(f"{g.label} ({', '.join(labels.get(c, c) for c in sorted(g.unit_types))})")
        for g in s.ranking_groups
    )
    classes = "<br/>".join(
        f"{html.escape(c.label)}: ≥ {_figure(c.lower, lang)} %" for c in s.classes
    )
    ranking = {
        RankingMethod.DENSE: translate(
            "CriteriaBrowser", "Dense: equal totals share a rank, the next gets rank + 1 (1, 1, 2)"
        ),
        RankingMethod.COMPETITION: translate(
            "CriteriaBrowser", "Competition: equal totals share a rank, then skip (1, 1, 3)"
        ),
    }[s.ranking]
    bonus = {
        BonusMode.INSIDE: translate(
            "CriteriaBrowser", "Inside the ratio: (achieved + bonus − penalty) ÷ maximum × 100"
        ),
        BonusMode.OUTSIDE: translate(
            "CriteriaBrowser", "After the ratio: achieved ÷ maximum × 100 + bonus − penalty"
        ),
    }[s.bonus_mode]
    none_text = translate("CriteriaBrowser", "none")
    none = f"<i>{html.escape(none_text)}</i>"
    rows = [
        _row(translate("CriteriaBrowser", "Name:"), html.escape(s.name)),
        _row(translate("CriteriaBrowser", "Decision:"), html.escape(s.decision) or none),
        _row(
            translate("CriteriaBrowser", "Form id and version:"),
            html.escape(f"{s.form_id} · {s.version}"),
        ),
        _row(
            translate("CriteriaBrowser", "Unit types:"),
            html.escape("; ".join(labels.values())) or none,
        ),
        _row(translate("CriteriaBrowser", "Ranking groups:"), groups or none),
        _row(translate("CriteriaBrowser", "Classification:"), classes or none),
        _row(translate("CriteriaBrowser", "Ranking:"), html.escape(ranking)),
        _row(translate("CriteriaBrowser", "Bonus and penalty:"), html.escape(bonus)),
    ]
    return f"<table>{''.join(rows)}</table>"


def _kind(node: Node) -> str:
    if node.depth == 1:
        return translate("CriteriaBrowser", "Area")
    if node.depth == 2:
        return translate("CriteriaBrowser", "Criterion")
    return translate("CriteriaBrowser", "Sub-criterion")


def _maximum_text(criteria_set: CriteriaSet, node: Node, unit_type: str | None, lang: Lang) -> str:
    """The maximum; when it differs by unit type, each type's value, the chosen one in bold."""
    if not node.maximum_by_unit_type:
        return html.escape(format_score(node.maximum, lang))
    lines = []
    for ut in criteria_set.unit_types:
        if not node.applies(ut.code):
            continue
        line = html.escape(f"{ut.label}: {format_score(node.max_for(ut.code), lang)}")
        lines.append(f"<b>{line}</b>" if ut.code == unit_type else line)
    return "<br/>".join(lines)


def _applies_text(criteria_set: CriteriaSet, node: Node) -> str:
    """The unit types the node applies to, inherited from its ancestors."""
    effective: frozenset[str] | None = None
    code: str | None = node.code
    while code is not None:
        current = criteria_set.node(code)
        if current.applies_to is not None:
            effective = current.applies_to if effective is None else effective & current.applies_to
        code = current.parent_code
    if effective is None:
        return html.escape(translate("CriteriaBrowser", "all unit types"))
    labels = {u.code: u.label for u in criteria_set.unit_types}
    return html.escape("; ".join(labels.get(c, c) for c in sorted(effective)))


def rule_html(node: Node, lang: Lang) -> str:
    """A leaf's scoring rule, readable: levels, bands with their bounds, step, proportional."""
    rule = node.rule
    low, high = format_score(node.minimum, lang), format_score(node.maximum, lang)
    if isinstance(rule, LevelsRule):
        items = "".join(
            f"<li><b>{format_score(level.value, lang)}</b>"
            + (f" — {html.escape(level.label)}" if level.label else "")
            + "</li>"
            for level in rule.levels
        )
        intro = translate("CriteriaBrowser", "Only these values:")
        return f"<p>{html.escape(intro)}</p><ul>{items}</ul>"
    if isinstance(rule, BandsRule):
        unit = html.escape(rule.figure_unit)
        items = ""
        for band in rule.bands:
            if band.lower is None:
                bound = html.escape(translate("CriteriaBrowser", "otherwise"))
            else:
                sign = "≥" if band.inclusive else ">"
                bound = f"{sign} {_figure(band.lower, lang)} {unit}".rstrip()
            label = f" — {html.escape(band.label)}" if band.label else ""
            items += f"<li>{bound}: <b>{format_score(band.score, lang)}</b>{label}</li>"
        figure = html.escape(
            rule.figure_label or translate("CriteriaBrowser", "the declared figure")
        )
        intro = translate("CriteriaBrowser", "Suggested score from a figure:")
        text = f"<p>{html.escape(intro)} <i>{figure}</i></p><ul>{items}</ul>"
        if rule.step is not None:
            step = translate("CriteriaBrowser", "Step: %1").replace(
                "%1", format_score(rule.step, lang)
            )
            text += f"<p>{html.escape(step)}</p>"
        note = translate("CriteriaBrowser", "The appraiser may deviate with a comment.")
        return text + f"<p><i>{html.escape(note)}</i></p>"
    if isinstance(rule, ProportionalRule):
        figure = html.escape(
            rule.figure_label or translate("CriteriaBrowser", "the declared figure")
        )
        formula = (
            translate("CriteriaBrowser", "Score = %1 × figure ÷ %2")
            .replace("%1", high)
            .replace("%2", f"{_figure(rule.figure_max, lang)} {rule.figure_unit}".rstrip())
        )
        intro = translate("CriteriaBrowser", "Proportional to:")
        return f"<p>{html.escape(intro)} <i>{figure}</i></p><p>{html.escape(formula)}</p>"
    assert isinstance(rule, FreeRule)
    text = (
        translate("CriteriaBrowser", "Any value from %1 to %2")
        .replace("%1", low)
        .replace("%2", high)
    )
    if rule.step is not None:
        text += "; " + translate("CriteriaBrowser", "step %1").replace(
            "%1", format_score(rule.step, lang)
        )
    return f"<p>{html.escape(text)}</p>"


def node_html(criteria_set: CriteriaSet, node: Node, unit_type: str | None, lang: Lang) -> str:
    """Everything a reader needs about one node, as HTML for the detail pane."""
    rows = [
        _row(translate("CriteriaBrowser", "Kind:"), html.escape(_kind(node))),
        _row(
            translate("CriteriaBrowser", "Maximum:"),
            _maximum_text(criteria_set, node, unit_type, lang),
        ),
        _row(
            translate("CriteriaBrowser", "Minimum:"), html.escape(format_score(node.minimum, lang))
        ),
        _row(translate("CriteriaBrowser", "Applies to:"), _applies_text(criteria_set, node)),
    ]
    if node.role is not Role.NORMAL:
        role = (
            translate("CriteriaBrowser", "Bonus points")
            if node.role is Role.BONUS
            else translate("CriteriaBrowser", "Penalty points")
        )
        rows.append(_row(translate("CriteriaBrowser", "Counts as:"), html.escape(role)))
    if node.is_leaf:
        rows.append(
            _row(
                translate("CriteriaBrowser", "Assessed by:"),
                html.escape(assessor_label(node.assessor)),
            )
        )
    else:
        how = (
            translate("CriteriaBrowser", "sum of its %1 items, capped at the maximum")
            if node.aggregation is Aggregation.CAP
            else translate("CriteriaBrowser", "sum of its %1 items")
        ).replace("%1", str(len(node.children)))
        rows.append(_row(translate("CriteriaBrowser", "Points:"), html.escape(how)))
        assessors = sorted(
            {leaf.assessor for leaf in node.walk() if leaf.is_leaf}, key=list(Assessor).index
        )
        rows.append(
            _row(
                translate("CriteriaBrowser", "Assessed by:"),
                html.escape("; ".join(assessor_label(a) for a in assessors)),
            )
        )
    parts = [
        f"<h3>{html.escape(node.code)}. {html.escape(node.name)}</h3>",
        f"<table>{''.join(rows)}</table>",
    ]
    if node.is_leaf:
        heading = translate("CriteriaBrowser", "Scoring rule")
        parts.append(f"<h4>{html.escape(heading)}</h4>{rule_html(node, lang)}")
    if node.guidance:
        heading = translate("CriteriaBrowser", "Guidance")
        parts.append(f"<h4>{html.escape(heading)}</h4><p>{_para(node.guidance)}</p>")
    if node.evidence:
        heading = translate("CriteriaBrowser", "Required evidence")
        parts.append(f"<h4>{html.escape(heading)}</h4><p>{_para(node.evidence)}</p>")
    return "".join(parts)


def schedule_error(parent: QWidget, exc: BaseException) -> None:
    """Show ``exc`` once the event loop runs (a window being built is not shown yet)."""
    QTimer.singleShot(0, parent, lambda: show_error(parent, exc))
