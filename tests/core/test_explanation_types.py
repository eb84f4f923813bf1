"""The explanation and round-2 records are immutable values with the defaults the services rely
on: a first explanation replaces nothing and is current; a round-1 score is applicable with no
comment unless said."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from parapp.core.explanations import Approval, ExplainedItem, Explanation, NoticeRecord
from parapp.core.round2 import Round1Score, Round2Item
from parapp.core.rounds import EvidenceRef

APPROVAL = Approval("Nguyễn Văn A", "Giám đốc", dt.date(2026, 12, 20))
ITEM = ExplainedItem("1.1.2", Decimal("1"), "Đã ban hành đúng hạn.", (EvidenceRef("kh.pdf", 2),))


def test_a_first_explanation_is_current_and_replaces_nothing() -> None:
    explanation = Explanation(1, "STP", "STP.xlsx", "ab" * 32, "f-1", "2026-12-21", "tk",
                              APPROVAL, (ITEM,))  # fmt: skip
    assert explanation.replaces is None
    assert explanation.current
    replaced = dataclasses.replace(explanation, id=2, replaces=1)
    assert (replaced.replaces, replaced.items[0].evidence[0].page) == (1, 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        explanation.current = False  # type: ignore[misc]


def test_an_item_without_new_evidence_and_a_notice_record() -> None:
    bare = ExplainedItem("1.2", None, "Không đề nghị điểm mới.")
    assert bare.evidence == ()
    notice = NoticeRecord("STP", "2026-12-15T09:00+07:00", dt.date(2026, 12, 28), "STP.pdf",
                          "cd" * 32, "ef" * 32, "Thư ký", "tk")  # fmt: skip
    assert notice.deadline > dt.date(2026, 12, 15)


def test_round_2_items_carry_both_round_1_scores_and_the_explanation() -> None:
    own = Round1Score(Decimal("0.5"))
    assert (own.not_applicable, own.comment) == (False, "")
    item = Round2Item("1.1.2", own, Round1Score(Decimal("0.75"), comment="TB 2 người"), ITEM)
    assert item.explanation.proposed == Decimal("1")
    assert Round2Item("1.1.3", None, None, ITEM).own_round_1 is None
