"""Last year beside this year: last year's index and rank of each unit, and the change.

Last year's results come from one of three sources:

- another round file (``parapp results --previous ROUND``; its areas are compared too, see
  ``ranking_settings.previous_year``);
- parapp's own results workbook of last year, or a table the province published (one row per
  unit: code, name, index, rank), imported into the round once (``import_previous``) and kept as
  the round setting ``previous_year.results``, audited.

Units are matched by code. The index change is this year's index minus last year's; the rank
change is last year's rank minus this year's (positive: the unit moved up). A rank is not
compared when the unit's ranking group changed (by label, when last year's table names one), or
when either year has no rank.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from parapp.core.errors import ValidationError
from parapp.core.messages import Msg
from parapp.core.numbers import canonical
from parapp.core.results import RoundResults
from parapp.io.files.text import label_key
from parapp.io.sheets.council_report import YearChange
from parapp.io.workbooks.previous_results import PreviousRow, PreviousTable, read_previous_results
from parapp.services.context import RoundContext, open_round
from parapp.store import rounds as round_store
from parapp.store import settings as setting_store

log = logging.getLogger(__name__)

SETTING_KEY = "previous_year.results"
ROUND_SUFFIX = ".parround"
KIND_LABELS = {
    "parapp": Msg("bảng tính kết quả của parapp", "parapp's results workbook"),
    "table": Msg("bảng kết quả công bố", "a published results table"),
    "round": Msg("tệp đợt thẩm định", "a round file"),
}

__all__ = [
    "SETTING_KEY",
    "PreviousRow",
    "PreviousTable",
    "YearChange",
    "changes",
    "clear_previous",
    "import_previous",
    "stored_previous",
    "year_changes",
]


@dataclass(frozen=True)
class ImportedPrevious:
    """What an import kept: the table and how many of this round's units it names."""

    table: PreviousTable
    matched: int
    unknown: tuple[str, ...]
    """Codes of last year's table that are no unit of this round (kept, shown nowhere)."""

    def describe(self, lang: str = "vi") -> str:
        """One sentence for the user."""
        kind = KIND_LABELS.get(self.table.kind, KIND_LABELS["table"]).get(lang)
        rows = len(self.table.rows)
        if lang == "en":
            text = (
                f"Last year's results imported from {self.table.file_name} ({kind}): "
                f"{rows} unit(s), {self.matched} of them in this round."
            )
            if self.unknown:
                text += f" Not in this round: {', '.join(self.unknown)}."
            return text
        text = (
            f"Đã nhập kết quả năm trước từ {self.table.file_name} ({kind}): {rows} đơn vị, "
            f"{self.matched} đơn vị có trong đợt này."
        )
        if self.unknown:
            text += f" Không có trong đợt này: {', '.join(self.unknown)}."
        return text


def import_previous(ctx: RoundContext, path: Path) -> ImportedPrevious:
    """Keep last year's results from ``path`` in the round (replacing any kept before).

    ``path`` is parapp's results workbook or a published table (.xlsx), or last year's round
    file (.parround).

    Raises:
        ImportFormatError: the workbook's located problems; nothing changed.
        ValidationError: the file is missing, is this round, or names no unit of this round;
            nothing changed.
    """
    path = Path(path)
    if not path.is_file():
        raise ValidationError(
            Msg(f"Không tìm thấy tệp {path}.", f"The file {path} does not exist.")
        )
    if path.suffix.casefold() == ROUND_SUFFIX:
        if path.resolve() == Path(ctx.path).resolve():
            raise ValidationError(
                Msg(
                    "Đợt năm trước phải là một tệp đợt thẩm định khác.",
                    "The previous round must be another round file.",
                )
            )
        table = table_from_round(path)
    else:
        table = read_previous_results(path)
    with ctx.db.transaction() as s:
        units = {u.id for u in round_store.units(s)}
        matched = sum(1 for row in table.rows if row.code in units)
        if not matched:
            raise ValidationError(
                Msg(
                    f"{table.file_name}: không có mã đơn vị nào trùng với các đơn vị của đợt này "
                    "(so khớp theo mã đơn vị); không có gì được thay đổi.",
                    f"{table.file_name}: no unit code matches a unit of this round (units are "
                    "matched by code); nothing was changed.",
                )
            )
        old = _stored(s)
        changed = setting_store.put(s, SETTING_KEY, _to_json(table), at=ctx.now(), by=ctx.actor)
        if changed:
            round_store.audit(
                s,
                at=ctx.now(),
                actor=ctx.actor,
                action="round_settings",
                field=SETTING_KEY,
                old=_describe(old),
                new=_describe(table),
            )
    unknown = tuple(row.code for row in table.rows if row.code not in units)
    log.info("previous year: %d rows from %s, %d matched", len(table.rows), path.name, matched)
    return ImportedPrevious(table, matched, unknown)


def stored_previous(ctx: RoundContext) -> PreviousTable | None:
    """Last year's results kept in the round, if any."""
    with ctx.db.transaction() as s:
        return _stored(s)


def clear_previous(ctx: RoundContext) -> bool:
    """Forget last year's results (audited); False when none were kept."""
    with ctx.db.transaction() as s:
        old = _stored(s)
        if not setting_store.remove(s, SETTING_KEY):
            return False
        round_store.audit(
            s,
            at=ctx.now(),
            actor=ctx.actor,
            action="round_settings",
            field=SETTING_KEY,
            old=_describe(old),
            new="",
        )
    return True


def table_from_round(path: Path) -> PreviousTable:
    """Each unit's index, rank and group label in another round file."""
    from parapp.services import results  # noqa: PLC0415 - results builds on many services

    with open_round(path) as before:
        found = results.round_results(before)
    labels = dict(found.groups)
    rows = tuple(
        PreviousRow(
            o.unit.id,
            o.unit.name,
            o.result.index if o.appraised else None,
            o.rank if o.appraised else None,
            labels.get(o.unit.ranking_group, o.unit.ranking_group),
        )
        for o in found.outcomes
    )
    return PreviousTable("round", path.name, rows)


def year_changes(results: RoundResults, table: PreviousTable | None) -> dict[str, YearChange]:
    """Unit id -> last year's index and rank and the changes (units absent last year: none)."""
    if table is None:
        return {}
    before = {row.code: row for row in table.rows}
    labels = dict(results.groups)
    changes: dict[str, YearChange] = {}
    for outcome in results.outcomes:
        row = before.get(outcome.unit.id)
        if row is None:
            continue
        index = outcome.result.index if outcome.appraised else None
        rank = outcome.rank if outcome.appraised else None
        group = labels.get(outcome.unit.ranking_group, outcome.unit.ranking_group)
        same_group = not row.group or label_key(row.group) == label_key(group)
        changes[outcome.unit.id] = YearChange(
            previous_index=row.index,
            previous_rank=row.rank,
            index_change=None if index is None or row.index is None else index - row.index,
            rank_change=(
                row.rank - rank
                if rank is not None and row.rank is not None and same_group
                else None
            ),
            rank_comparable=same_group,
        )
    return changes


def changes(
    ctx: RoundContext, results: RoundResults, previous: Path | None = None
) -> Mapping[str, YearChange]:
    """The changes against ``previous`` (a round file) when given, else against the table kept
    in the round (none kept: no changes)."""
    table = table_from_round(Path(previous)) if previous is not None else stored_previous(ctx)
    return year_changes(results, table)


# -- storage -----------------------------------------------------------------------------------


def _stored(s: Any) -> PreviousTable | None:
    data = setting_store.get(s, SETTING_KEY)
    if not isinstance(data, dict):
        return None
    rows = tuple(
        PreviousRow(
            str(r["code"]),
            str(r.get("name", "")),
            None if r.get("index") is None else Decimal(str(r["index"])),
            None if r.get("rank") is None else int(r["rank"]),
            str(r.get("group", "")),
        )
        for r in data.get("rows", [])
    )
    return PreviousTable(str(data.get("kind", "table")), str(data.get("file", "")), rows)


def _to_json(table: PreviousTable) -> dict[str, Any]:
    return {
        "kind": table.kind,
        "file": table.file_name,
        "rows": [
            {
                "code": r.code,
                "name": r.name,
                "index": None if r.index is None else canonical(r.index),
                "rank": r.rank,
                "group": r.group,
            }
            for r in table.rows
        ],
    }


def _describe(table: PreviousTable | None) -> str:
    if table is None:
        return ""
    return f"{table.file_name} ({len(table.rows)} đơn vị)"
