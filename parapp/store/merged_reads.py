"""The merged scores as the results read them: each unit's items with every member's latest
score (round 2 overrides round 1), as plain tuples straight from the driver's cursor.

A national round holds about half a million scores: no ORM objects, no per-row type processing,
and the grouping by unit and item is one loop over the ordered rows. Values
stay the stored text; the reader turns each distinct text into a Decimal once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from sqlalchemy.orm import Session

from parapp.store.submissions import STREAM_BATCH

Vote = tuple[str, str | None, bool]
"""One member's latest score of an item: (member id, value as stored text or None, N/A);
the N/A flag is whatever the driver gives for the boolean column (0/1 on SQLite)."""


class ItemScores(NamedTuple):
    """Every member's latest score of one item of one unit, in the database's member order."""

    votes: tuple[Vote, ...]
    comments: tuple[str, ...]
    """Each vote's comment, in the same order."""


_LATEST_SQL = (
    "SELECT unit_id, node_code, member_id, value, not_applicable, comment FROM score "
    "ORDER BY unit_id, node_code, member_id, appraisal_round"
)


def stream_latest(session: Session) -> Iterator[tuple[str, dict[str, ItemScores]]]:
    """(unit id, node code -> its members' latest scores) of every unit with scores, in the
    order of ``submissions.unit_ids``, read in batches.

    Every stored score is read in the unique key's order (an index walk, no subquery): a
    member's scores of one item come one after the other, by round, and the last one is kept."""
    cursor = session.connection().connection.cursor()
    unit: str | None = None
    node: str | None = None
    member: str | None = None
    items: dict[str, ItemScores] = {}
    votes: list[Vote] = []
    comments: list[str] = []
    try:
        cursor.execute(_LATEST_SQL)
        while rows := cursor.fetchmany(STREAM_BATCH):
            for row_unit, row_node, row_member, value, not_applicable, comment in rows:
                if row_node != node or row_unit != unit:
                    if node is not None:
                        items[node] = ItemScores(tuple(votes), tuple(comments))
                    if row_unit != unit:
                        if unit is not None:
                            yield unit, items
                        unit, items = row_unit, {}
                    node, votes, comments, member = row_node, [], [], None
                if row_member == member:  # a later round of the member's score of the item
                    votes[-1], comments[-1] = (row_member, value, not_applicable), comment
                else:
                    votes.append((row_member, value, not_applicable))
                    comments.append(comment)
                    member = row_member
        if unit is not None and node is not None:
            items[node] = ItemScores(tuple(votes), tuple(comments))
            yield unit, items
    finally:
        cursor.close()
