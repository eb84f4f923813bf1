"""The secretary's "Record the council meeting" dialog: minutes number, date and time, place,
chair, each member's attendance (present, absent, absent with a written opinion), then per
contested item the proposed score, each member's vote (agree / disagree / other opinion), the
chair's decision when the proposal does not carry and the discussion; and the vote approving
the round's results. Saving runs ``services.meeting.record_meeting``; a refusal shows the
service's message and the dialog stays open with nothing changed."""

from __future__ import annotations

import logging

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidgetItem,
    QWidget,
)

from parapp.core.messages import Lang
from parapp.core.rounds import MemberRole
from parapp.services import meeting, rounds
from parapp.services.context import RoundContext
from parapp.services.meeting import (
    CHOICE_LABELS,
    Attendance,
    Choice,
    ContestedItem,
    ItemInput,
    MeetingInput,
    MeetingRecord,
    Votes,
)
from parapp.ui.forms.ui_meeting_dialog import Ui_MeetingDialog
from parapp.ui.widgets.errors import show_error

log = logging.getLogger(__name__)

APPROVE = "__approve__"
"""The subject key of the vote approving the round's results."""


class _Subject:
    """What the secretary typed for one subject."""

    def __init__(self, item: ContestedItem | None) -> None:
        self.item = item
        self.votes: dict[str, Choice] = {}
        self.proposal = ""
        self.chair_value = ""
        self.note = "" if item is None else item.note


class MeetingDialog(QDialog):
    """Gathers and records one meeting of the council."""

    def __init__(self, ctx: RoundContext, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MeetingDialog()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]  # generated, untyped
        self._ctx, self._lang = ctx, lang
        self._members = rounds.list_members(ctx)
        self._items = meeting.contested_items(ctx)
        self._subjects: dict[str, _Subject] = {_key(i): _Subject(i) for i in self._items} | {
            APPROVE: _Subject(None)
        }
        self._shown: str | None = None
        self.record: MeetingRecord | None = None
        ui = self.ui
        ui.number_edit.setText("01/BB-HĐTĐ")
        ui.held_edit.setDateTime(QDateTime.currentDateTime())
        for member in self._members:
            ui.chair_combo.addItem(member.name, member.id)
            if member.role is MemberRole.CHAIR:
                ui.chair_combo.setCurrentIndex(ui.chair_combo.count() - 1)
        rule = meeting.quorum_rule(ctx)
        ui.rule_label.setText(self.tr("Quorum rule: %1").replace("%1", rule.label.get(lang)))
        self._fill_attendance()
        self._fill_subjects()
        ui.subject_list.currentRowChanged.connect(lambda _row: self._show_subject())
        ui.button_box.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        ui.button_box.rejected.connect(self.reject)
        ui.approve_check.setChecked(True)
        if ui.subject_list.count():
            ui.subject_list.setCurrentRow(0)

    # -- public ---------------------------------------------------------------------------------

    def subjects(self) -> list[str]:
        """The subjects' keys in list order ("A/1.1", …, then the approval)."""
        return list(self._subjects)

    def set_attendance(self, member_id: str, status: Attendance, opinion: str = "") -> None:
        """Mark a member present, absent, or absent with a written opinion."""
        row = self._member_row(member_id)
        combo = self.ui.attendance_table.cellWidget(row, 1)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData(status.value))
        cell = self.ui.attendance_table.item(row, 2)
        assert cell is not None
        cell.setText(opinion)

    def select_subject(self, key: str) -> None:
        """Show one subject's votes."""
        self.ui.subject_list.setCurrentRow(list(self._subjects).index(key))

    def set_item(self, proposal: str, chair_value: str = "", note: str = "") -> None:
        """The shown item's proposed score, chair's decision and discussion."""
        self.ui.proposal_edit.setText(proposal)
        self.ui.chair_value_edit.setText(chair_value)
        self.ui.note_edit.setText(note)

    def set_vote(self, member_id: str, choice: Choice | None) -> None:
        """One member's vote on the shown subject (None: no vote)."""
        combo = self.ui.votes_table.cellWidget(self._member_row(member_id), 1)
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData("" if choice is None else choice.value))

    def meeting_input(self) -> MeetingInput:
        """What the dialog holds, as the service takes it."""
        self._keep_subject()
        ui = self.ui
        present: list[str] = []
        written: dict[str, str] = {}
        table = ui.attendance_table
        for row, member in enumerate(self._members):
            combo = table.cellWidget(row, 1)
            assert isinstance(combo, QComboBox)
            status = combo.currentData()
            if status == Attendance.PRESENT.value:
                present.append(member.id)
            elif status == Attendance.WRITTEN.value:
                cell = table.item(row, 2)
                written[member.id] = "" if cell is None else cell.text().strip()
        items = tuple(
            ItemInput(
                s.item.unit_id,
                s.item.node_code,
                s.proposal.strip(),
                _votes(s.votes),
                s.chair_value.strip() or None,
                s.note.strip(),
                refer=False,
            )
            for s in self._subjects.values()
            if s.item is not None
        )
        approval = self._subjects[APPROVE]
        moment = ui.held_edit.dateTime()
        return MeetingInput(
            number=ui.number_edit.text().strip(),
            held_on=moment.toString("yyyy-MM-dd HH:mm"),
            place=ui.place_edit.text().strip(),
            chair_id=str(ui.chair_combo.currentData()),
            present=tuple(present),
            written=written,
            items=items,
            approve=_votes(approval.votes) if ui.approve_check.isChecked() else None,
            note=approval.note.strip(),
        )

    def save(self) -> bool:
        """Record the meeting; a refusal is shown and nothing changes."""
        try:
            self.record = meeting.record_meeting(self._ctx, self.meeting_input())
        except Exception as exc:  # shown by the one error mapping; nothing changed
            show_error(self, exc)
            return False
        log.info("meeting %s recorded", self.record.stored.number)
        self.accept()
        return True

    # -- internals ------------------------------------------------------------------------------

    def _member_row(self, member_id: str) -> int:
        return next(n for n, m in enumerate(self._members) if m.id == member_id)

    def _status_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("present"), Attendance.PRESENT.value)
        combo.addItem(self.tr("absent"), Attendance.ABSENT.value)
        combo.addItem(self.tr("absent, written opinion"), Attendance.WRITTEN.value)
        return combo

    def _fill_attendance(self) -> None:
        table = self.ui.attendance_table
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels(
            [self.tr("Member"), self.tr("Attendance"), self.tr("Written opinion")]
        )
        table.setRowCount(len(self._members))
        for row, member in enumerate(self._members):
            name = QTableWidgetItem(f"{member.name} ({member.id})")
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(row, 0, name)
            table.setCellWidget(row, 1, self._status_combo())
            table.setItem(row, 2, QTableWidgetItem(""))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        votes = self.ui.votes_table
        votes.setColumnCount(2)
        votes.setHorizontalHeaderLabels([self.tr("Member"), self.tr("Vote")])
        votes.setRowCount(len(self._members))
        for row, member in enumerate(self._members):
            name = QTableWidgetItem(f"{member.name} ({member.id})")
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            votes.setItem(row, 0, name)
            combo = QComboBox()
            combo.addItem("—", "")
            for choice in Choice:
                combo.addItem(CHOICE_LABELS[choice].get(self._lang), choice.value)
            votes.setCellWidget(row, 1, combo)
        votes.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _fill_subjects(self) -> None:
        lang = self._lang
        for item in self._items:
            origin = (
                self.tr("sent by the secretary")
                if item.origin == "secretary"
                else self.tr("members disagree")
            )
            scores = ", ".join(f"{m}: {meeting.value_text(v, na)}" for m, v, na in item.scores if m)
            text = f"{item.unit_id} — {item.node_code} ({origin})"
            self.ui.subject_list.addItem(text + (f" — {scores}" if scores else ""))
        self.ui.subject_list.addItem(self.tr("Approve the round's results"))
        del lang

    def _keep_subject(self) -> None:
        if self._shown is None:
            return
        subject = self._subjects[self._shown]
        ui = self.ui
        subject.proposal = ui.proposal_edit.text()
        subject.chair_value = ui.chair_value_edit.text()
        subject.note = ui.note_edit.text()
        subject.votes = {}
        for row, member in enumerate(self._members):
            combo = ui.votes_table.cellWidget(row, 1)
            assert isinstance(combo, QComboBox)
            if combo.currentData():
                subject.votes[member.id] = Choice(combo.currentData())

    def _show_subject(self) -> None:
        self._keep_subject()
        row = self.ui.subject_list.currentRow()
        if row < 0:
            return
        self._shown = list(self._subjects)[row]
        subject = self._subjects[self._shown]
        ui = self.ui
        is_item = subject.item is not None
        for widget in (ui.proposal_edit, ui.chair_value_edit):
            widget.setEnabled(is_item)
        ui.proposal_edit.setText(subject.proposal)
        ui.chair_value_edit.setText(subject.chair_value)
        ui.note_edit.setText(subject.note)
        for n, member in enumerate(self._members):
            combo = ui.votes_table.cellWidget(n, 1)
            assert isinstance(combo, QComboBox)
            chosen = subject.votes.get(member.id)
            combo.setCurrentIndex(combo.findData("" if chosen is None else chosen.value))


def _key(item: ContestedItem) -> str:
    return f"{item.unit_id}/{item.node_code}"


def _votes(chosen: dict[str, Choice]) -> Votes:
    return Votes(
        agree=tuple(m for m, c in chosen.items() if c is Choice.AGREE),
        disagree=tuple(m for m, c in chosen.items() if c is Choice.DISAGREE),
        other=tuple(m for m, c in chosen.items() if c is Choice.OTHER),
    )
