"""The Setup tab's sections, the wizard's pages and the roster dialogs are Designer forms
(``forms/*_section.ui``, ``criteria_page.ui``, ``new_round_wizard.ui``, ``*_edit_dialog.ui``):
their texts are Vietnamese from the catalogue, and follow a switch of language while open."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from parapp.core.criteria_codec import from_dict
from parapp.core.messages import Lang
from parapp.core.rounds import MemberRole
from parapp.services import rounds
from parapp.services.context import open_round
from parapp.ui.secretary.settings_pane import SettingsPane
from parapp.ui.secretary.wizard.new_round_wizard import NewRoundWizard
from parapp.ui.secretary.wizard.roster_dialogs import MemberEditDialog, UnitEditDialog
from parapp.ui.widgets import i18n

pytestmark = pytest.mark.gui


@pytest.fixture
def vietnamese(qapp: object) -> Iterator[None]:
    i18n.install(Lang.VI)
    yield
    i18n.reset()


def headers(table: QTableWidget) -> list[str]:
    items = [table.horizontalHeaderItem(c) for c in range(table.columnCount())]
    return [item.text() if item is not None else "" for item in items]


def test_setup_sections_and_dialogs_are_vietnamese_and_follow_the_language(
    qtbot: QtBot, vietnamese: None, tmp_path: Path, sample_criteria_data: dict[str, Any]
) -> None:
    path = tmp_path / "dot.parround"
    with rounds.create_round(path, from_dict(sample_criteria_data), "Đợt thử") as ctx:
        rounds.add_units(ctx, [("A", "Sở Nội vụ", "so")])
        rounds.add_member(ctx, "tv1", "Nguyễn Văn An", "Giám đốc", MemberRole.MEMBER, None)
    with open_round(path) as ctx:
        pane = SettingsPane()
        qtbot.addWidget(pane)
        pane.set_context(ctx, Lang.VI)
        tabs = [pane.tabs.tabText(i) for i in range(pane.tabs.count())]
        assert tabs[:3] == ["Đơn vị", "Tự đánh giá", "Thành viên Hội đồng"]
        units, members = pane.units, pane.members
        assert units.table is units.ui.table  # the form's widgets, under their old names
        assert headers(units.table) == ["Mã", "Tên đơn vị", "Loại đơn vị", "Nhóm xếp hạng"]
        assert units.roster.edit_button is units.ui.edit_button
        assert (units.roster.edit_button.text(), members.roster.remove_button.text()) == (
            "Sửa…", "Xóa",
        )  # fmt: skip
        assert pane.phases.advance_button.isVisibleTo(pane.phases)  # the tab may move the phase
        assert pane.rules.ui.rule_label.buddy() is pane.rules.rule_combo
        unit = UnitEditDialog(pane, ctx, rounds.list_units(ctx)[0], Lang.VI)
        member = MemberEditDialog(pane, ctx, rounds.list_members(ctx)[0], Lang.VI)
        assert (unit.windowTitle(), member.windowTitle()) == (
            "Sửa đơn vị", "Sửa thành viên Hội đồng",
        )  # fmt: skip
        assert (unit.ui.code_label.text(), unit.name_edit.text()) == ("A", "Sở Nội vụ")
        assert member.ui.name_label.text() == "Họ và tên"
        save = QCoreApplication.translate("RosterDialogs", "Save")
        assert member.buttons.buttons()[0].text() in (save, "Hủy")

        i18n.install(Lang.EN)
        qtbot.waitUntil(lambda: pane.tabs.tabText(0) == "Units")  # LanguageChange is posted
        assert units.ui.add_button.text() == "Add unit"
        assert headers(members.table)[4] == "Certificate (SHA-256)"
        i18n.install(Lang.VI)
        qtbot.waitUntil(lambda: units.ui.add_button.text() == "Thêm đơn vị")
        unit.deleteLater()
        member.deleteLater()


def test_the_wizard_is_its_form(qtbot: QtBot, vietnamese: None, tmp_path: Path) -> None:
    wizard = NewRoundWizard(tmp_path, Lang.VI)
    qtbot.addWidget(wizard)
    assert wizard.windowTitle() == "Đợt thẩm định mới — parapp"
    assert wizard.pageIds() == list(range(7))
    assert wizard.page(0) is wizard.criteria_page
    assert wizard.criteria_page.title() == "Đợt thẩm định mới"
    assert wizard.criteria_page.path_edit.text() == str(tmp_path / "tham-dinh.parround")
    assert headers(wizard.criteria_page.report_table) == ["Vị trí", "Lỗi"]
    assert [wizard.page(i).title() for i in (1, 2, 6)] == [
        "Đơn vị", "Thành viên Hội đồng", "Gói chấm điểm cho thành viên",
    ]  # fmt: skip
    assert wizard.page(1).findChild(type(wizard.units)) is wizard.units
    assert not wizard.phases.advance_button.isVisibleTo(wizard.phases)
