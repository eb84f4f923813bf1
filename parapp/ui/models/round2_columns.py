"""The score tree's round-2 columns: the member's own and the council's round-1 score of an
explained item, and the score the unit proposes in its explanation."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from parapp.core.round2 import Round1Score, Round2Item

OWN_ROUND_1 = "OWN_ROUND_1"
COUNCIL_ROUND_1 = "COUNCIL_ROUND_1"
PROPOSED = "PROPOSED"
"""The columns, by the names of ``score_tree_model.Column``."""


def text(
    item: Round2Item | None,
    column: str,
    number: Callable[[Decimal | None], str],
    not_applicable: str,
) -> str | None:
    """What a round-2 column shows for an item (None: not an explained item).

    ``number`` formats a score in the window's language; ``not_applicable`` is the translated
    "N/A" a round-1 score marked not applicable reads as.
    """
    if item is None:
        return None
    if column == PROPOSED:
        return number(item.explanation.proposed)
    score = item.own_round_1 if column == OWN_ROUND_1 else item.consolidated_round_1
    return round_1(score, number, not_applicable)


def round_1(
    score: Round1Score | None, number: Callable[[Decimal | None], str], not_applicable: str
) -> str:
    """A round-1 score as the tree shows it ("" when there is none)."""
    if score is None:
        return ""
    if score.not_applicable:
        return not_applicable
    return number(score.value)
