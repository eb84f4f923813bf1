"""The criteria tree model, its search filter and the counts of a set."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from parapp.core.criteria import Assessor, CriteriaSet
from parapp.core.criteria_codec import from_dict
from parapp.core.messages import Lang
from parapp.ui.models.criteria_tree_model import (
    APPLIES_ROLE,
    Column,
    CriteriaFilterProxyModel,
    CriteriaTreeModel,
    fold,
    summarize,
)
from parapp.ui.widgets import i18n


@pytest.fixture
def criteria_set(sample_criteria_data: dict[str, Any]) -> CriteriaSet:
    return from_dict(sample_criteria_data)


@pytest.fixture
def model(qtbot: QtBot, criteria_set: CriteriaSet) -> CriteriaTreeModel:
    model = CriteriaTreeModel()
    model.set_criteria_set(criteria_set)
    return model


def _cell(model: CriteriaTreeModel, code: str, column: Column) -> Any:
    return model.index_of(code).siblingAtColumn(column).data()


def test_model_passes_qt_model_tester(qtmodeltester: ModelTester, model: CriteriaTreeModel) -> None:
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]


def test_model_passes_tester_while_unit_type_and_set_change(
    qtmodeltester: ModelTester, model: CriteriaTreeModel, criteria_set: CriteriaSet
) -> None:
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    model.set_unit_type("xa")
    model.set_lang(Lang.EN)
    model.set_criteria_set(None)
    model.set_criteria_set(criteria_set, "so")


def test_filter_proxy_passes_qt_model_tester(
    qtmodeltester: ModelTester, model: CriteriaTreeModel
) -> None:
    proxy = CriteriaFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.set_query("thu tuc")
    qtmodeltester.check(proxy)  # type: ignore[no-untyped-call]


def test_empty_model_has_no_rows(qtbot: QtBot) -> None:
    model = CriteriaTreeModel()
    assert model.rowCount() == 0
    assert model.node(QModelIndex()) is None
    assert not model.index_of("1").isValid()


def test_tree_follows_the_set(model: CriteriaTreeModel) -> None:
    assert model.rowCount() == 5
    area = model.index(0, 0)
    assert area.data() == "1"
    assert model.rowCount(area) == 2
    assert model.index(0, 0, area).data() == "1.1"
    assert model.rowCount(model.index(0, Column.NAME, area)) == 0  # only column 0 has children
    assert model.parent(model.index(0, Column.MAXIMUM, area)) == area


def test_maxima_use_a_decimal_comma_in_vietnamese(model: CriteriaTreeModel) -> None:
    assert _cell(model, "1", Column.MAXIMUM) == "3,00"
    assert _cell(model, "1.1.1", Column.MAXIMUM) == "1,00"
    model.set_lang(Lang.EN)
    assert _cell(model, "1", Column.MAXIMUM) == "3.00"


def test_unit_type_changes_maxima_and_greys_what_does_not_apply(
    qtbot: QtBot, model: CriteriaTreeModel
) -> None:
    with qtbot.waitSignal(model.dataChanged):
        model.set_unit_type("xa")
    assert _cell(model, "2", Column.MAXIMUM) == "3,00"
    assert _cell(model, "2.1", Column.MAXIMUM) == "1,00"
    assert _cell(model, "3", Column.MAXIMUM) == "—"
    assert model.index_of("3.1").data(APPLIES_ROLE) is False
    assert model.index_of("3.1").data(Qt.ItemDataRole.ForegroundRole) is not None
    model.set_unit_type("so")
    assert _cell(model, "2", Column.MAXIMUM) == "4,00"
    assert model.index_of("3.1").data(APPLIES_ROLE) is True


def test_areas_are_bold_and_bonus_penalty_roots_marked(model: CriteriaTreeModel) -> None:
    assert model.index_of("1").data(Qt.ItemDataRole.FontRole).bold()
    assert model.index_of("1.1").data(Qt.ItemDataRole.FontRole) is None
    assert model.index_of("4").data() == "4 (+)"
    assert model.index_of("5").data() == "5 (−)"
    assert model.index_of("4.1").data() == "4.1"


@pytest.fixture
def english(qtbot: QtBot) -> Iterator[None]:
    i18n.install(Lang.EN)
    yield
    i18n.reset()


@pytest.mark.usefixtures("english")
def test_rule_and_assessor_columns(model: CriteriaTreeModel) -> None:
    model.set_lang(Lang.EN)
    assert _cell(model, "1.1.1", Column.RULE) == "Levels: 1.00 / 0.50 / 0.00"
    assert _cell(model, "1.2", Column.RULE) == "Free, step 0.25"
    assert _cell(model, "2.2", Column.ASSESSOR) == "Survey"
    assert _cell(model, "2", Column.ASSESSOR) == "Mixed"
    assert _cell(model, "1", Column.RULE) == ""


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Cải cách THỦ TỤC hành chính", "cai cach thu tuc hanh chinh"),
        ("Đánh giá đội ngũ", "danh gia doi ngu"),
        ("thu tuc", "thu tuc"),
    ],
)
def test_fold_strips_vietnamese_diacritics(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_search_without_diacritics_keeps_matches_and_their_ancestors(
    model: CriteriaTreeModel,
) -> None:
    proxy = CriteriaFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.set_query("thu tuc")
    shown = [proxy.index(row, 0).data() for row in range(proxy.rowCount())]
    assert shown == ["2"]
    area = proxy.index(0, 0)
    # The area matches, so all of its content stays visible.
    assert [proxy.index(r, 0, area).data() for r in range(proxy.rowCount(area))] == ["2.1", "2.2"]
    proxy.set_query("1.1.2")
    first = proxy.index(0, 0)
    assert first.data() == "1"
    criterion = proxy.index(0, 0, first)
    assert [proxy.index(r, 0, criterion).data() for r in range(proxy.rowCount(criterion))] == [
        "1.1.2"
    ]
    proxy.set_query("")
    assert proxy.rowCount() == 5


def test_summary_counts_and_splits_the_maximum(criteria_set: CriteriaSet) -> None:
    whole = summarize(criteria_set, None)
    assert (whole.areas, whole.criteria, whole.sub_criteria, whole.leaves) == (5, 7, 2, 8)
    assert dict(whole.maximum_by_assessor) == {
        Assessor.COUNCIL: Decimal(5),
        Assessor.SURVEY: Decimal(2),
        Assessor.AGENCY: Decimal(2),
    }
    assert whole.maximum == Decimal(9)
    assert (whole.bonus_maximum, whole.penalty_maximum) == (Decimal(2), Decimal(1))
    commune = summarize(criteria_set, "xa")
    assert commune.areas == 4
    assert commune.maximum == Decimal(6)
