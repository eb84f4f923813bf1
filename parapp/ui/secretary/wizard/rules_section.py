"""Phases with their deadlines, and the round's rules: consolidation (with the must-agree
threshold), the meeting's quorum rule, the classification bands, and the certificate revocation
lists every merge checks."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from parapp.core import bands as band_sets
from parapp.core.consolidation import RULE_LABELS, ConsolidationRule
from parapp.core.numbers import canonical
from parapp.core.rounds import PHASE_ORDER, Phase
from parapp.services import meeting, ranking_settings, results, revocation, round_setup, rounds
from parapp.services.round_setup import Setting
from parapp.ui.forms.ui_phases_section import Ui_PhasesSection
from parapp.ui.forms.ui_rules_section import Ui_RulesSection
from parapp.ui.secretary.wizard.section import Section


class PhasesSection(Section):
    """The phases, the current one, and a deadline for each."""

    setting = Setting.DEADLINES
    phase_changed = Signal(object)
    """The ``PhaseEvent`` of a move to the next phase."""

    def __init__(self, parent: QWidget | None = None, *, can_advance: bool = False) -> None:
        super().__init__(parent)
        self.ui = Ui_PhasesSection()
        self.use_form(self.ui)
        self.current_label, self.form = self.ui.current_label, self.ui.form
        self.save_button, self.advance_button = self.ui.save_button, self.ui.advance_button
        self.checks: dict[Phase, QCheckBox] = {}
        self.dates: dict[Phase, QDateEdit] = {}
        for phase in PHASE_ORDER:
            row = QHBoxLayout()
            check = QCheckBox(self.tr("deadline"), self)
            edit = QDateEdit(self)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setDate(QDate.currentDate())
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
            row.addWidget(check)
            row.addWidget(edit)
            row.addStretch(1)
            self.checks[phase], self.dates[phase] = check, edit
            self.form.addRow(phase.label.vi, row)
        self.set_can_advance(can_advance)
        self.save_button.clicked.connect(self.save)
        self.advance_button.clicked.connect(self.advance)

    def set_can_advance(self, can: bool) -> None:
        """Offer moving the round to its next phase (the Setup tab does, the wizard does not)."""
        self.advance_button.setVisible(can)

    def editors(self) -> list[QWidget]:
        return [*self.checks.values(), self.save_button]

    def refresh(self) -> None:
        ctx = self.round_ctx()
        phase = rounds.round_info(ctx).phase
        self.current_label.setText(
            self.tr("Current phase: <b>%1</b>").replace("%1", phase.label.get(self.lang))
        )
        for index, p in enumerate(PHASE_ORDER):
            item = self.form.itemAt(index, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                label.setText(p.label.get(self.lang))
        for p, when in round_setup.deadlines(ctx).items():
            self.checks[p].setChecked(True)
            self.dates[p].setDate(QDate(when.year, when.month, when.day))
        index = PHASE_ORDER.index(phase)
        following = PHASE_ORDER[index + 1] if index + 1 < len(PHASE_ORDER) else None
        self.advance_button.setEnabled(
            following is not None and round_setup.is_read_only(ctx) is None
        )
        self.advance_button.setText(
            self.tr("Move to the next phase: %1").replace(
                "%1", following.label.get(self.lang) if following else "—"
            )
        )

    def set_deadline(self, phase: Phase, when: date | None) -> None:
        """Tick and date one phase's deadline in the form (not stored until ``save``)."""
        self.checks[phase].setChecked(when is not None)
        if when is not None:
            self.dates[phase].setDate(QDate(when.year, when.month, when.day))

    def save(self) -> bool:
        """Store every deadline as shown (each change audited)."""
        ctx = self.round_ctx()
        for phase in PHASE_ORDER:
            qdate = self.dates[phase].date()
            when = (
                date(qdate.year(), qdate.month(), qdate.day())
                if self.checks[phase].isChecked()
                else None
            )
            if self.attempt(partial(round_setup.set_deadline, ctx, phase, when)) is None:
                return False
        self.say(self.tr("Deadlines saved."))
        return True

    def advance(self) -> bool:
        """Move the round to its next phase (a dated backup is written beside it)."""
        ctx = self.round_ctx()
        index = PHASE_ORDER.index(rounds.round_info(ctx).phase)
        if index + 1 >= len(PHASE_ORDER):
            return False
        event = self.attempt(lambda: rounds.advance_phase(ctx, PHASE_ORDER[index + 1]))
        if event is None:
            return False
        self.say(self.tr("Moved to phase: %1.").replace("%1", event.to_phase.label.get(self.lang)))
        self.refresh()
        self.phase_changed.emit(event)
        return True


class RulesSection(Section):
    """Consolidation rule and threshold, quorum rule, band set, CRLs."""

    setting = Setting.RULES

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RulesSection()
        self.use_form(self.ui)
        ui = self.ui
        self.rule_combo, self.threshold_edit = ui.rule_combo, ui.threshold_edit
        self.quorum_combo, self.bands_combo = ui.quorum_combo, ui.bands_combo
        self.bands_label = ui.bands_label
        self.save_button, self.crl_list = ui.save_button, ui.crl_list
        self.add_crl_button, self.clear_crl_button = ui.add_crl_button, ui.clear_crl_button
        for rule in ConsolidationRule:
            self.rule_combo.addItem(RULE_LABELS[rule].vi, rule.value)
        for quorum in meeting.QuorumRule:
            self.quorum_combo.addItem(quorum.label.vi, quorum.value)
        for name in ranking_settings.preset_names():
            self.bands_combo.addItem(name, name)
        self.rule_combo.currentIndexChanged.connect(self._threshold_state)
        self.save_button.clicked.connect(self.save)
        self.add_crl_button.clicked.connect(self._choose_crl)
        self.clear_crl_button.clicked.connect(self.clear_crls)

    def editors(self) -> list[QWidget]:
        return [
            self.rule_combo, self.threshold_edit, self.quorum_combo, self.bands_combo,
            self.save_button, self.add_crl_button, self.clear_crl_button,
        ]  # fmt: skip

    def refresh(self) -> None:
        ctx = self.round_ctx()
        for index in range(self.rule_combo.count()):
            rule = ConsolidationRule(self.rule_combo.itemData(index))
            self.rule_combo.setItemText(index, RULE_LABELS[rule].get(self.lang))
        for index in range(self.quorum_combo.count()):
            quorum = meeting.QuorumRule(self.quorum_combo.itemData(index))
            self.quorum_combo.setItemText(index, quorum.label.get(self.lang))
        current = results.settings(ctx)
        self.rule_combo.setCurrentIndex(self.rule_combo.findData(current.rule.value))
        self.threshold_edit.setText(canonical(current.threshold).replace(".", ","))
        self.quorum_combo.setCurrentIndex(
            self.quorum_combo.findData(meeting.quorum_rule(ctx).value)
        )
        for index in range(self.bands_combo.count()):
            code = str(self.bands_combo.itemData(index))
            preset = band_sets.PRESETS.get(code)
            name = (
                preset.name.get(self.lang) if preset else self.tr("The criteria set's own classes")
            )
            self.bands_combo.setItemText(index, name)
        bands = ranking_settings.band_set(ctx)
        found = self.bands_combo.findData(bands.code)
        if found < 0:
            self.bands_combo.addItem(bands.code, bands.code)
            found = self.bands_combo.count() - 1
        self.bands_combo.setCurrentIndex(found)
        self.bands_label.setText(bands.describe(self.lang))
        self.crl_list.clear()
        for crl in revocation.round_crls(ctx):
            self.crl_list.addItem(
                f"{crl.issuer} — {crl.revoked} · {crl.this_update[:10]} ({crl.file_name})"
            )
        self._threshold_state()

    def apply_gate(self) -> None:
        super().apply_gate()
        self._threshold_state()

    def save(self) -> bool:
        """Store the rules shown (each change audited by its service)."""
        ctx = self.round_ctx()
        rule = str(self.rule_combo.currentData())
        threshold = self.threshold_edit.text().strip() or None
        if rule != ConsolidationRule.MUST_AGREE.value:
            threshold = None
        quorum = str(self.quorum_combo.currentData())
        preset = str(self.bands_combo.currentData())

        def store() -> bool:
            bands = ranking_settings.resolve_bands(ctx.criteria_set(), preset=preset)
            results.set_settings(ctx, rule, threshold)
            meeting.set_quorum_rule(ctx, quorum)
            ranking_settings.set_band_set(ctx, bands)
            return True

        if self.attempt(store) is None:
            return False
        self.say(self.tr("Rules saved."))
        self.refresh()
        return True

    def add_crl(self, path: Path) -> bool:
        """Store a CRL file in the round (replacing an older one of its issuer)."""
        ctx = self.round_ctx()
        if self.attempt(lambda: revocation.add_crls(ctx, [Path(path)])) is None:
            return False
        self.say(self.tr("Stored %1.").replace("%1", Path(path).name))
        self.refresh()
        return True

    def clear_crls(self) -> None:
        """Forget every stored CRL."""
        ctx = self.round_ctx()
        if self.attempt(lambda: revocation.clear_crls(ctx)) is not None:
            self.refresh()

    def _threshold_state(self) -> None:
        must = self.rule_combo.currentData() == ConsolidationRule.MUST_AGREE.value
        self.threshold_edit.setEnabled(must and self.save_button.isEnabled())

    def _choose_crl(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Certificate revocation list"), str(Path.home()),
            self.tr("CRLs (*.crl *.pem *.der)"),
        )  # fmt: skip
        if name:
            self.add_crl(Path(name))
