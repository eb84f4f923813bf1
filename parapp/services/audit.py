"""The round's audit trail: every change of a score or setting (who, when, old, new, why, from
which package), listed and exported to CSV that spreadsheets open without running formulas."""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass
from pathlib import Path

from parapp.core.messages import Lang
from parapp.io.files.atomic import write_bytes_atomic
from parapp.services.context import RoundContext
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
        )
        for number, e in entries
        if (unit_id is None or e.unit_id == unit_id)
        and (node_code is None or e.node_code == node_code)
    ]


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
