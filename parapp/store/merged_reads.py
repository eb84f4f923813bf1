"""The merged scores as the results read them: each unit's items with every member's latest
score (round 2 overrides round 1), as plain tuples straight from the driver's cursor.

A national round holds about half a million scores: no ORM objects, no per-row type processing,
and the grouping by unit and item is done by ``itertools.groupby`` over the ordered rows. Values
stay the stored text; the reader turns each distinct text into a Decimal once.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from itertools import chain, groupby
from operator import itemgetter
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
    "SELECT s.unit_id, s.node_code, s.member_id, s.value, s.not_applicable, s.comment "
    "FROM score s WHERE NOT EXISTS (SELECT 1 FROM score t WHERE t.unit_id = s.unit_id "
    "AND t.node_code = s.node_code AND t.member_id = s.member_id "
    "AND t.appraisal_round > s.appraisal_round) "
    "ORDER BY s.unit_id, s.node_code, s.member_id"
)
_UNIT = itemgetter(0)
_NODE = itemgetter(1)
_VOTE = itemgetter(2, 3, 4)
_COMMENT = itemgetter(5)


def stream_latest(session: Session) -> Iterator[tuple[str, dict[str, ItemScores]]]:
    """(unit id, node code -> its members' latest scores) of every unit with scores, in the
    order of ``submissions.unit_ids``, read in batches."""
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(_LATEST_SQL)
        rows = chain.from_iterable(iter(partial(cursor.fetchmany, STREAM_BATCH), []))
        for unit, unit_rows in groupby(rows, _UNIT):
            items: dict[str, ItemScores] = {}
            for node, item_rows in groupby(unit_rows, _NODE):
                group = list(item_rows)
                items[node] = ItemScores(tuple(map(_VOTE, group)), tuple(map(_COMMENT, group)))
            yield unit, items
    finally:
        cursor.close()
