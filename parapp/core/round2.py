"""What a council member sees of one explained item in appraisal round 2.

Plain frozen data: the round-2 package carries it, the workspace keeps it, the member's window
shows it. Round 2 re-scores exactly the items a unit explained (its imported giải trình).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from parapp.core.explanations import ExplainedItem


@dataclass(frozen=True)
class Round1Score:
    """A score of round 1: the member's own appraisal, or the council's consolidated one."""

    value: Decimal | None
    not_applicable: bool = False
    comment: str = ""


@dataclass(frozen=True)
class Round2Item:
    """One explained item a member re-scores: the member's own and the consolidated round-1
    score, and the unit's explanation (its text, proposed score and new evidence)."""

    node_code: str
    own_round_1: Round1Score | None
    """The member's own round-1 appraisal (None: the member did not score it)."""
    consolidated_round_1: Round1Score | None
    """The council's consolidated round-1 score (None: none was reached)."""
    explanation: ExplainedItem
