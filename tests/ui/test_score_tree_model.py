"""The score tree and unit list models pass QAbstractItemModelTester and refresh only what a save
changed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from parapp.services import member_view, scoring
from parapp.services.demo.year import build_demo, open_first_member_workspace
from parapp.services.rounds import round_info
from parapp.ui.models.score_tree_model import (
    MINE,
    NODE_CODE_ROLE,
    Column,
    ScoreFilterProxyModel,
    ScoreTreeModel,
)
from parapp.ui.models.unit_list_model import UnitListModel

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    build_demo(out)
    return out


def test_models_pass_the_model_tester(demo_dir: Path, tmp_path: Path, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    with open_first_member_workspace(demo_dir, tmp_path) as ctx:
        member = round_info(ctx).workspace_member_id
        assert member is not None
        rows = member_view.unit_overview(ctx, member)
        units = UnitListModel()
        units.set_overviews(rows)
        qtmodeltester.check(units)
        model = ScoreTreeModel()
        model.set_sheet(ctx.criteria_set(), scoring.load_sheet(ctx, member, rows[0].unit.id))
        qtmodeltester.check(model)
        proxy = ScoreFilterProxyModel()
        proxy.setSourceModel(model)
        proxy.set_filters(query="thu tuc", area=None, mine=None)
        qtmodeltester.check(proxy)


def test_a_save_refreshes_the_row_and_its_ancestors_only(
    demo_dir: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    with open_first_member_workspace(demo_dir, tmp_path) as ctx:
        member = round_info(ctx).workspace_member_id
        assert member is not None
        unit = member_view.unit_overview(ctx, member)[0].unit
        model = ScoreTreeModel()
        model.set_sheet(ctx.criteria_set(), scoring.load_sheet(ctx, member, unit.id))
        changed: list[tuple[str, int, int]] = []
        model.dataChanged.connect(
            lambda a, b, _roles=(): changed.append(
                (str(a.data(NODE_CODE_ROLE)), a.column(), b.column())
            )
        )
        model.apply_change(scoring.save_appraisal(ctx, member, unit.id, "1.1.1", "5"))
        assert changed == [
            ("1.1.1", 0, len(Column) - 1),
            ("1.1", Column.MAXIMUM, Column.FLAGS),
            ("1", Column.MAXIMUM, Column.FLAGS),
        ]
        cell = model.index_of("1.1.1", Column.APPRAISED)
        assert cell.data() == "5,00"
        assert model.entry("1.1.1").appraised == Decimal(5)
        assert "vượt" in str(cell.data(0x0003))  # ToolTipRole: the flag's message


def test_filters_unscored_flagged_area_and_search(demo_dir: Path, tmp_path: Path) -> None:
    with open_first_member_workspace(demo_dir, tmp_path) as ctx:
        member = round_info(ctx).workspace_member_id
        assert member is not None
        unit = member_view.unit_overview(ctx, member)[0].unit
        model = ScoreTreeModel()
        model.set_sheet(ctx.criteria_set(), scoring.load_sheet(ctx, member, unit.id))
        proxy = ScoreFilterProxyModel()
        proxy.setSourceModel(model)

        def codes() -> set[str]:
            out: set[str] = set()

            def visit(parent: QModelIndex) -> None:
                for row in range(proxy.rowCount(parent)):
                    index = proxy.index(row, 0, parent)
                    out.add(str(index.data(NODE_CODE_ROLE)))
                    visit(index)

            visit(QModelIndex())
            return out

        proxy.set_filters(area=MINE, mine=frozenset({"1"}))
        assert codes()
        assert all(c.split(".")[0] == "1" for c in codes())
        proxy.set_filters(query="thu tuc", area=None, mine=None)
        assert "3" in codes()
        assert any(c.startswith("3.") for c in codes())
        proxy.set_filters(query="", area="1", only_unscored=True)
        assert "1.1.1" in codes()
        model.apply_change(scoring.save_appraisal(ctx, member, unit.id, "1.1.1", "1"))
        proxy.invalidate()
        assert "1.1.1" not in codes()
        proxy.set_filters(query="", area=None, only_unscored=False, only_flagged=True)
        assert "1.1.2" not in codes()
        model.apply_change(scoring.save_appraisal(ctx, member, unit.id, "1.1.2", "7"))
        proxy.invalidate()
        assert "1.1.2" in codes()
