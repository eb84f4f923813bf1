"""A save refreshes the tree without the view measuring rows again or the filter running over
the row's ancestors, unless the tree is filtered by what a save changes (unscored, flagged):
then the scored row leaves the "unscored" view at once, and comes back when cleared."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QTreeView
from pytestqt.qtbot import QtBot

from parapp.services import member_view, scoring
from parapp.services.demo.year import build_demo, open_first_member_workspace
from parapp.services.rounds import round_info
from parapp.ui.models.score_filter import FILTER_ROLE
from parapp.ui.models.score_tree_model import (
    MINE,
    NODE_CODE_ROLE,
    ScoreFilterProxyModel,
    ScoreTreeModel,
)

pytestmark = pytest.mark.gui


class _CountingModel(ScoreTreeModel):
    """The tree model, counting what the view and the filter ask of it."""

    calls = 0

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        self.calls += 1
        return super().data(index, role)


def _codes(proxy: ScoreFilterProxyModel) -> set[str]:
    out: set[str] = set()

    def visit(parent: QModelIndex) -> None:
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            out.add(str(index.data(NODE_CODE_ROLE)))
            visit(index)

    visit(QModelIndex())
    return out


def test_a_save_asks_nothing_of_the_model_unless_filtered_by_what_it_changes(
    tmp_path: Path, qtbot: QtBot
) -> None:
    build_demo(tmp_path / "demo")
    with open_first_member_workspace(tmp_path / "demo", tmp_path / "ws") as ctx:
        member = round_info(ctx).workspace_member_id
        assert member is not None
        unit = member_view.unit_overview(ctx, member)[0].unit
        sheet = scoring.load_sheet(ctx, member, unit.id)
        model = _CountingModel()
        model.set_sheet(ctx.criteria_set(), sheet)
        proxy = ScoreFilterProxyModel()
        proxy.setSourceModel(model)
        proxy.set_filters(query="", area=MINE, mine=sheet.areas)  # as the window opens a unit
        view = QTreeView()
        qtbot.addWidget(view)
        view.setUniformRowHeights(True)
        view.setModel(proxy)
        view.resize(1000, 700)
        view.show()
        view.expandAll()
        qtbot.waitExposed(view)
        # A leaf away from the first row (the view measures its first row on any change).
        code = next(
            c for c in model.leaf_codes() if model.is_editable(c) and not c.startswith("1.")
        )
        model.calls = 0
        change = scoring.save_appraisal(ctx, member, unit.id, code, "0", sheet=sheet)
        model.apply_change(change)
        assert model.calls == 0  # repainted later; nothing measured or filtered now
        assert proxy.filterRole() != FILTER_ROLE
        proxy.set_filters(query="", area=code[0], only_unscored=True)
        change = scoring.save_appraisal(ctx, member, unit.id, code, "", sheet=change.sheet)
        model.apply_change(change)
        assert code in _codes(proxy)  # cleared: unscored again, shown without a reset
        change = scoring.save_appraisal(ctx, member, unit.id, code, "0", sheet=change.sheet)
        model.apply_change(change)
        assert code not in _codes(proxy)  # scored: gone from "unscored" at once
        assert proxy.filterRole() == FILTER_ROLE
