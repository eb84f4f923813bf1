"""The round's audit trail: every change of a score or setting (who, when, old, new, why, from
which package), listed as sentences for people (``core.audit_text``: the actor's name, local time
``dd/mm/yyyy HH:MM``) and exported to CSV — codes and ISO 8601 times, for machines — that
spreadsheets open without running formulas."""

from __future__ import annotations

import csv
import dataclasses
import io
import logging
from dataclasses import dataclass
from pathlib import Path

from parapp.core import audit_text
from parapp.core.audit_text import AuditFacts, Names
from parapp.core.messages import Lang
from parapp.io.files.atomic import write_bytes_atomic
from parapp.services.context import RoundContext
from parapp.store import rounds as round_store
from parapp.store import submissions as merge_store

log = logging.getLogger(__name__)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these runs as a formula in Excel or LibreOffice (stack.md §6)."""

HEADERS = {
    Lang.VI: (
        "STT", "Thời điểm", "Người thực hiện", "Thao tác", "Đơn vị", "Mục", "Trường",
        "Giá trị cũ", "Giá trị mới", "Lý do", "Nguồn (gói điểm)",
    ),
    Lang.EN: (
        "No.", "At", "Actor", "Action", "Unit", "Item", "Field", "Old", "New", "Reason",
        "Source (package)",
    ),
}  # fmt: skip

READABLE_HEADERS = {
    Lang.VI: ("STT", "Thời điểm", "Người thực hiện", "Nội dung"),
    Lang.EN: ("No.", "At", "By", "What happened"),
}
"""The columns of the audit trail for people (``AuditRecord.readable``)."""


@dataclass(frozen=True)
class AuditRecord:
    """One entry of the audit trail."""

    number: int
    at: str
    actor: str
    action: str
    unit_id: str
    node_code: str
    field: str
    old: str
    new: str
    reason: str
    source: str
    """SHA-256 of the score package the change came from (empty: made in this file)."""
    names: Names = dataclasses.field(default_factory=Names)
    """The round's member and unit names, for the sentences."""

    def facts(self) -> AuditFacts:
        """The stored entry for ``core.audit_text``."""
        return AuditFacts(
            self.at,
            self.actor,
            self.action,
            self.unit_id,
            self.node_code,
            self.field,
            self.old,
            self.new,
            self.reason,
            self.source,
        )

    def when(self) -> str:
        """Local time, ``dd/mm/yyyy HH:MM``."""
        return audit_text.local_time(self.at)

    def who(self, lang: Lang = Lang.VI) -> str:
        """The actor's name (never empty)."""
        return audit_text.actor_name(self.actor, self.names, lang)

    def sentence(self, lang: Lang = Lang.VI) -> str:
        """What happened, as one sentence naming the actor."""
        return audit_text.sentence(self.facts(), self.names, lang)

    def readable(self, lang: Lang = Lang.VI) -> tuple[str, ...]:
        """The record for people, in ``READABLE_HEADERS`` order."""
        return (str(self.number), self.when(), self.who(lang), self.sentence(lang))

    def cells(self) -> tuple[str, ...]:
        """The record as text cells, in ``HEADERS`` order."""
        return (
            str(self.number),
            self.at,
            self.actor,
            self.action,
            self.unit_id,
            self.node_code,
            self.field,
            self.old,
            self.new,
            self.reason,
            self.source,
        )


def audit_rows(
    ctx: RoundContext, unit_id: str | None = None, node_code: str | None = None
) -> list[AuditRecord]:
    """The audit trail, oldest first (optionally of one unit and item)."""
    with ctx.db.transaction() as s:
        entries = merge_store.audit_entries(s)
        names = Names(
            members={m.id: m.name for m in round_store.members(s)},
            units={u.id: u.name for u in round_store.units(s)},
        )
    return [
        AuditRecord(
            number,
            e.at,
            e.actor,
            e.action,
            e.unit_id or "",
            e.node_code or "",
            e.field,
            "" if e.old is None else e.old,
            "" if e.new is None else e.new,
            e.reason,
            e.source,
            names,
        )
        for number, e in entries
        if (unit_id is None or e.unit_id == unit_id)
        and (node_code is None or e.node_code == node_code)
    ]


def audit_text_lines(records: list[AuditRecord], lang: Lang = Lang.VI) -> list[str]:
    """``20/12/2026 09:05  Nguyễn Văn A sửa điểm …``: the trail as ``parapp audit`` prints it."""
    return [f"{r.number:>4}  {r.when()}  {r.sentence(lang)}" for r in records]


def safe_cell(text: str) -> str:
    """Prefix ``'`` to a value a spreadsheet would run as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def audit_csv(records: list[AuditRecord], lang: Lang = Lang.VI) -> bytes:
    """CSV bytes (UTF-8 with BOM so Excel reads Vietnamese), formula-safe cells."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADERS[lang])
    for record in records:
        writer.writerow([safe_cell(cell) for cell in record.cells()])
    return buffer.getvalue().encode("utf-8-sig")


def export_audit_csv(ctx: RoundContext, out: Path, lang: Lang = Lang.VI) -> int:
    """Write the whole audit trail to ``out`` atomically; return the number of records."""
    records = audit_rows(ctx)
    write_bytes_atomic(Path(out), audit_csv(records, lang))
    log.info("audit trail exported: %d records to %s", len(records), Path(out).name)
    return len(records)
