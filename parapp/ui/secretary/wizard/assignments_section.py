"""Who scores what: a matrix of areas × members ("one appraiser per area" by default) and, when a
council splits by unit, a matrix of units × members (every unit by default)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QWidget

from parapp.core.rounds import MemberRole
from parapp.services import round_setup, rounds
from parapp.ui.forms.ui_assignments_section import Ui_AssignmentsSection
from parapp.ui.secretary.wizard.section import Section

CHECKED = Qt.CheckState.Checked
UNCHECKED = Qt.CheckState.Unchecked


def cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """The check box at ``row``, ``column`` (every cell has one)."""
    item = table.item(row, column)
    assert item is not None
    return item


class AssignmentsSection(Section):
    """The areas and units each member scores."""

    setting = round_setup.Setting.ASSIGNMENTS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._members: list[str] = []
        self._areas: list[str] = []
        self._units: list[str] = []
        self.ui = Ui_AssignmentsSection()
        self.use_form(self.ui)
        ui = self.ui
        self.areas_label, self.areas_table = ui.areas_label, ui.areas_table
        self.units_label, self.units_table = ui.units_label, ui.units_table
        self.default_button, self.everyone_button = ui.default_button, ui.everyone_button
        self.apply_button = ui.apply_button
        self.default_button.clicked.connect(self.one_per_area)
        self.everyone_button.clicked.connect(self.everyone)
        self.apply_button.clicked.connect(self.apply)

    def editors(self) -> list[QWidget]:
        return [
            self.areas_table, self.units_table, self.default_button, self.everyone_button,
            self.apply_button,
        ]  # fmt: skip

    def refresh(self) -> None:
        ctx = self.round_ctx()
        members = rounds.list_members(ctx)
        areas = round_setup.areas(ctx)
        units = rounds.list_units(ctx)
        self._members = [m.id for m in members]
        self._areas = [code for code, _ in areas]
        self._units = [u.id for u in units]
        names = [m.name for m in members]
        self._shape(self.areas_table, [f"{c} {n}" for c, n in areas], names)
        self._shape(self.units_table, [f"{u.id} {u.name}" for u in units], names)
        stored = round_setup.assignments(ctx)
        if not stored:
            self.one_per_area()
            self._fill(self.units_table, {m.id: set(self._units) for m in members
                                          if m.role is not MemberRole.SECRETARY})  # fmt: skip
            return
        area_plan: dict[str, set[str]] = {}
        unit_plan: dict[str, set[str]] = {}
        for a in stored:
            unit_plan.setdefault(a.member_id, set()).add(a.unit_id)
            area_plan.setdefault(a.member_id, set()).update(
                self._areas if a.area_code is None else [a.area_code]
            )
        self._fill(self.areas_table, area_plan)
        self._fill(self.units_table, unit_plan)

    def one_per_area(self) -> None:
        """The default: each area to one member, in turn."""
        self._fill(self.areas_table, round_setup.one_appraiser_per_area(self.round_ctx()))

    def everyone(self) -> None:
        """Every member (but secretaries) scores every area."""
        plan = {
            m.id: set(self._areas)
            for m in rounds.list_members(self.round_ctx())
            if m.role is not MemberRole.SECRETARY
        }
        self._fill(self.areas_table, plan)

    def set_checked(self, table: QTableWidget, row: int, member_id: str, on: bool) -> None:
        """Tick or untick one cell (tests and keyboard users)."""
        item = cell(table, row, self._members.index(member_id))
        item.setCheckState(CHECKED if on else UNCHECKED)

    def plan(self) -> dict[str, tuple[set[str], set[str]]]:
        """Member id -> (units, areas) as ticked."""
        areas = self._read(self.areas_table, self._areas)
        units = self._read(self.units_table, self._units)
        return {m: (units[m], areas[m]) for m in self._members}

    def apply(self) -> bool:
        """Store the ticked assignments (each member's audited)."""
        ctx = self.round_ctx()
        plan = self.plan()
        done = self.attempt(lambda: round_setup.apply_assignments(ctx, plan))
        if done is None:
            return False
        self.say(self.tr("Saved the assignments of %1 member(s).").replace("%1", str(len(done))))
        return True

    # -- internals ---------------------------------------------------------------------------

    def _shape(self, table: QTableWidget, rows: list[str], columns: list[str]) -> None:
        table.clear()
        table.setRowCount(len(rows))
        table.setColumnCount(len(columns))
        table.setVerticalHeaderLabels(rows)
        table.setHorizontalHeaderLabels(columns)
        for r in range(len(rows)):
            for c in range(len(columns)):
                item = QTableWidgetItem()
                item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                item.setCheckState(UNCHECKED)
                table.setItem(r, c, item)

    def _fill(self, table: QTableWidget, plan: dict[str, set[str]]) -> None:
        keys = self._areas if table is self.areas_table else self._units
        for c, member in enumerate(self._members):
            for r, key in enumerate(keys):
                on = key in plan.get(member, set())
                cell(table, r, c).setCheckState(CHECKED if on else UNCHECKED)

    def _read(self, table: QTableWidget, keys: list[str]) -> dict[str, set[str]]:
        return {
            member: {key for r, key in enumerate(keys) if cell(table, r, c).checkState() == CHECKED}
            for c, member in enumerate(self._members)
        }
