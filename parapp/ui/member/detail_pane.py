"""The detail pane: one item's rule and guidance, its allowed levels as buttons, the unit's
figures, explanation and evidence, and the member's score and comment.

In appraisal round 2 an explained item also shows the member's own and the consolidated round-1
score, the unit's explanation (giải trình) with its proposed score, and the new evidence first in
the evidence list, each opening at its cited page."""

from __future__ import annotations

import html
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidgetItem, QPushButton, QWidget

from parapp.core.criteria import CriteriaSet, Node
from parapp.core.messages import Lang
from parapp.core.numbers import canonical, format_score
from parapp.core.round2 import Round1Score, Round2Item
from parapp.core.rounds import EvidenceRef, SelfAssessment
from parapp.core.scoring import LeafEntry
from parapp.services import member_view
from parapp.ui.forms.ui_detail_pane import Ui_DetailPane
from parapp.ui.member.node_html import figure_text, node_html

translate = QCoreApplication.translate
_REF_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_LEVEL_BUTTONS = 9
"""Levels reachable by Ctrl+1 .. Ctrl+9."""


class DetailPane(QWidget):
    """Shows one node; emits what the member enters (the window saves it)."""

    score_entered = Signal(str, str)
    """Node code, typed text (a level button sends the level's value)."""
    comment_entered = Signal(str, str)
    """Node code, the comment as edited."""
    evidence_requested = Signal(object)
    """The chosen ``EvidenceRef``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_DetailPane()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self._code: str | None = None
        self._round_2: Round2Item | None = None
        self._comment_code: str | None = None
        self._saved_comment = ""
        self._levels: list[Decimal] = []
        self._buttons: list[QPushButton] = []
        self.ui.comment_edit.installEventFilter(self)
        self.ui.score_edit.returnPressed.connect(self._on_score_return)
        self.ui.evidence_list.itemActivated.connect(self._on_evidence_activated)
        self.show_nothing()

    # -- public -------------------------------------------------------------------------------

    def code(self) -> str | None:
        """The node shown."""
        return self._code

    def level_buttons(self) -> list[QPushButton]:
        """The level buttons shown (tests click them)."""
        return list(self._buttons)

    def show_nothing(self) -> None:
        """Empty the pane."""
        self.flush_comment()
        self._code = None
        self._round_2 = None
        hint = translate("DetailPane", "Select an item to see its rule, evidence and your score.")
        self.ui.rule_browser.setHtml(f"<p><i>{html.escape(hint)}</i></p>")
        self._set_levels([], Lang.VI)
        self.ui.score_edit.clear()
        self.ui.facts_label.clear()
        self.ui.explanation_browser.clear()
        self.ui.evidence_list.clear()
        self._set_comment(None, "")
        self._set_editable(False, leaf=False)

    def show_node(
        self,
        criteria_set: CriteriaSet,
        node: Node,
        unit_type: str | None,
        entry: LeafEntry,
        own: SelfAssessment | None,
        editable: bool,
        lang: Lang,
        round_2: Round2Item | None = None,
    ) -> None:
        """Show ``node`` for the current unit (``own``: the unit's self-assessment of it;
        ``round_2``: in round 2, what the member sees of the explained item)."""
        self.flush_comment()
        self._code = node.code
        self._round_2 = round_2
        self.ui.rule_browser.setHtml(node_html(criteria_set, node, unit_type, lang))
        self._set_levels(
            [value for value, _label in member_view.levels(node)] if editable else [], lang
        )
        self.update_entry(node, unit_type, entry, lang)
        self.ui.score_edit.setText(format_score(entry.appraised, lang))
        self.ui.score_edit.selectAll()
        explanation = own.explanation if own else ""
        none = translate("DetailPane", "(none)")
        if round_2 is not None:
            self.ui.explanation_browser.setHtml(_round2_html(round_2, explanation, lang))
        else:
            self.ui.explanation_browser.setPlainText(explanation or none)
        new = round_2.explanation.evidence if round_2 is not None else ()
        self._fill_evidence(own.evidence if own else (), lang, new)
        self._set_comment(node.code if editable else None, entry.comment)
        self._set_editable(editable, leaf=node.is_leaf)

    def update_entry(self, node: Node, unit_type: str | None, entry: LeafEntry, lang: Lang) -> None:
        """Refresh the score, the facts line and (unless being edited) the comment."""
        if node.code != self._code:
            return
        if not self.ui.score_edit.hasFocus():
            self.ui.score_edit.setText(format_score(entry.appraised, lang))
        self.ui.facts_label.setText(self._facts(node, unit_type, entry, lang))
        if not self.ui.comment_edit.hasFocus() and entry.comment != self._saved_comment:
            self._set_comment(self._comment_code, entry.comment)

    def choose_level(self, position: int) -> bool:
        """Apply the level at ``position`` (0-based); False when there is none."""
        if self._code is None or not 0 <= position < len(self._levels):
            return False
        self.score_entered.emit(self._code, canonical(self._levels[position]))
        return True

    def flush_comment(self) -> None:
        """Save a comment edited but not yet saved (on leaving the item or the window)."""
        code, text = self._comment_code, self.ui.comment_edit.toPlainText()
        if code is not None and text != self._saved_comment:
            self._saved_comment = text
            self.comment_entered.emit(code, text)

    def retranslate(self) -> None:
        """Refresh the static texts after a language change."""
        self.ui.retranslateUi(self)  # type: ignore[no-untyped-call]  # generated, untyped

    # -- Qt overrides -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.ui.comment_edit:
            if event.type() == QEvent.Type.FocusOut:
                self.flush_comment()
            elif (
                event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self.flush_comment()
                return True
        return super().eventFilter(watched, event)

    # -- helpers ------------------------------------------------------------------------------

    def _facts(self, node: Node, unit_type: str | None, entry: LeafEntry, lang: Lang) -> str:
        parts = [
            translate("DetailPane", "Max. %1").replace(
                "%1", format_score(node.max_for(unit_type), lang)
            ),
            translate("DetailPane", "self-score %1").replace(
                "%1", format_score(entry.self_score, lang) or "—"
            ),
        ]
        if entry.figure is not None:
            parts.append(
                translate("DetailPane", "declared figure %1").replace(
                    "%1", figure_text(entry.figure, lang)
                )
            )
        found = self._round_2
        if found is not None:
            parts.append(
                translate("DetailPane", "your round 1 %1").replace(
                    "%1", _round1_text(found.own_round_1, lang)
                )
            )
            parts.append(
                translate("DetailPane", "council round 1 %1").replace(
                    "%1", _round1_text(found.consolidated_round_1, lang)
                )
            )
            parts.append(
                translate("DetailPane", "proposed %1").replace(
                    "%1", format_score(found.explanation.proposed, lang) or "—"
                )
            )
        suggested = member_view.suggestion(node, entry.figure, unit_type)
        if suggested is not None:
            parts.append(
                translate("DetailPane", "suggested %1").replace("%1", format_score(suggested, lang))
            )
        return " · ".join(parts)

    def _set_levels(self, levels: list[Decimal], lang: Lang) -> None:
        for button in self._buttons:
            self.ui.levels_layout.removeWidget(button)
            button.hide()
            button.deleteLater()
        self._buttons = []
        self._levels = levels[:MAX_LEVEL_BUTTONS]
        for position, value in enumerate(self._levels, start=1):
            button = QPushButton(f"{position} · {format_score(value, lang)}", self)
            button.setToolTip(
                translate("DetailPane", "Score this level (Ctrl+%1)").replace("%1", str(position))
            )
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _c=False, p=position - 1: self.choose_level(p))
            self.ui.levels_layout.addWidget(button)
            self._buttons.append(button)
        self.ui.levels_label.setVisible(bool(self._buttons))

    def _fill_evidence(
        self, refs: tuple[EvidenceRef, ...], lang: Lang, new: tuple[EvidenceRef, ...] = ()
    ) -> None:
        lst = self.ui.evidence_list
        lst.clear()
        for position, ref in enumerate((*new, *refs)):
            text = (
                translate("DetailPane", "%1, page %2")
                .replace("%1", ref.file_name)
                .replace("%2", str(ref.page))
                if ref.page is not None
                else ref.file_name
            )
            if ref.sha256 is None:
                text += " " + translate("DetailPane", "(file not supplied)")
            if position < len(new):
                text = translate("DetailPane", "New with the explanation: %1").replace("%1", text)
            item = QListWidgetItem(text)
            item.setData(_REF_ROLE, ref)
            lst.addItem(item)
        if refs or new:
            lst.setCurrentRow(0)

    def _set_comment(self, code: str | None, text: str) -> None:
        self._comment_code = code
        self._saved_comment = text
        self.ui.comment_edit.setPlainText(text)

    def _set_editable(self, editable: bool, *, leaf: bool) -> None:
        self.ui.score_edit.setEnabled(editable)
        self.ui.comment_edit.setReadOnly(not editable)
        for widget in (self.ui.score_label, self.ui.score_edit):
            widget.setVisible(leaf)
        self.ui.facts_label.setVisible(leaf)

    def _on_score_return(self) -> None:
        if self._code is not None:
            self.score_entered.emit(self._code, self.ui.score_edit.text())

    def _on_evidence_activated(self, item: QListWidgetItem) -> None:
        ref = item.data(_REF_ROLE)
        if isinstance(ref, EvidenceRef):
            self.evidence_requested.emit(ref)


def _round1_text(score: Round1Score | None, lang: Lang) -> str:
    if score is None:
        return "—"
    if score.not_applicable:
        return translate("DetailPane", "N/A")
    return format_score(score.value, lang) or "—"


def _round2_html(found: Round2Item, self_explanation: str, lang: Lang) -> str:
    """The unit's explanation of round 1 with the scores beside it, and its self-assessment
    note below."""
    heading = translate("DetailPane", "Explanation for round 2")
    rows = [
        (translate("DetailPane", "Your round 1"), _round1_text(found.own_round_1, lang)),
        (
            translate("DetailPane", "Council round 1"),
            _round1_text(found.consolidated_round_1, lang),
        ),
        (
            translate("DetailPane", "Proposed score"),
            format_score(found.explanation.proposed, lang) or "—",
        ),
    ]
    facts = " · ".join(f"{html.escape(k)}: <b>{html.escape(v)}</b>" for k, v in rows)
    text = html.escape(found.explanation.text) or html.escape(translate("DetailPane", "(none)"))
    out = f"<p><b>{html.escape(heading)}</b><br>{facts}</p><p>{text}</p>"
    if self_explanation:
        label = translate("DetailPane", "Self-assessment note")
        out += f"<p><i>{html.escape(label)}:</i> {html.escape(self_explanation)}</p>"
    return out
