"""The round's workbooks as user actions: export a unit's self-assessment form and import it back,
export and import the survey/agency results, import the list of units.

Every import is all-or-nothing: a refused file leaves the round file exactly as it was.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import replace
from pathlib import Path

from parapp.core.errors import ImportFormatError, Problem, ValidationError
from parapp.core.messages import Msg
from parapp.core.rounds import Unit
from parapp.io.workbooks.results_input import (
    FIGURE_COLUMN,
    POINTS_COLUMN,
    read_results_checked,
    write_results_template,
)
from parapp.io.workbooks.self_form import read_self_form, write_self_form
from parapp.io.workbooks.units import read_units, write_units_template
from parapp.services import ranking_settings, rounds
from parapp.services.components import ComponentInput, ComponentReport, store_components
from parapp.services.context import RoundContext
from parapp.services.self_assessment import (
    SelfImportReport,
    check_entries,
    load_self_assessment,
    store_self_assessment,
)

log = logging.getLogger(__name__)


def _unit(ctx: RoundContext, unit_id: str) -> Unit:
    found = next((u for u in rounds.list_units(ctx) if u.id == unit_id), None)
    if found is None:
        raise ValidationError(
            Msg(f"Không có đơn vị “{unit_id}”.", f"There is no unit “{unit_id}”.")
        )
    return found


def _file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def export_self_form(ctx: RoundContext, unit_id: str, out: Path) -> Path:
    """Write the unit's self-assessment form, pre-filled with what the round already holds.

    Raises:
        ValidationError: unknown unit, or text Excel cannot store; nothing is written.
    """
    unit = _unit(ctx, unit_id)
    existing = load_self_assessment(ctx, unit_id)
    write_self_form(out, ctx.criteria_set(), rounds.round_info(ctx), unit, existing)
    log.info("self-assessment form of %s written to %s", unit_id, out.name)
    return out


def import_self_form(
    ctx: RoundContext, unit_id: str, xlsx: Path, evidence_dir: Path | None
) -> SelfImportReport:
    """Import a filled form: replace the unit's self-assessment and copy the cited evidence in.

    Self-scores above the maximum are kept and reported in ``findings``; cited files absent from
    ``evidence_dir`` are listed in ``missing_evidence``. The same file twice changes nothing.

    Raises:
        ValidationError: unknown unit.
        ImportFormatError: the form is foreign or changed, or any cell is wrong; every problem
            located, and the round is left untouched.
    """
    unit = _unit(ctx, unit_id)
    criteria_set = ctx.criteria_set()
    form = read_self_form(xlsx, criteria_set, rounds.round_info(ctx), unit)
    check_entries(criteria_set, unit, form.entries, form.locations, xlsx.name)
    report = store_self_assessment(
        ctx,
        unit_id,
        form.entries,
        evidence_dir,
        source=xlsx.name,
        source_sha256=form.sha256,
    )
    log.info(
        "self-assessment of %s imported from %s (sha256 %s): changed=%s",
        unit_id,
        xlsx.name,
        form.sha256,
        report.changed,
    )
    return report


def export_results_template(ctx: RoundContext, out: Path) -> Path:
    """Write the results workbook: one row per unit x applicable survey/agency/leadership item.

    Raises:
        ValidationError: text Excel cannot store; nothing is written.
    """
    write_results_template(out, ctx.criteria_set(), rounds.list_units(ctx))
    return out


def import_results(ctx: RoundContext, xlsx: Path) -> ComponentReport:
    """Import survey, agency and leadership points; figures (SIPAS %) become points by the
    item's rule. Points outside an item's bounds (or off its levels or step), a percentage
    outside 0 to 100 and anything that is not a number refuse the whole file.

    Raises:
        ImportFormatError: every bad cell or row located (file, sheet, row, column), those the
            reader finds and those only the round can judge, in one list; nothing is stored.
    """
    read, problems = read_results_checked(xlsx)
    rows = [
        ComponentInput(
            r.unit_id,
            r.node_code,
            r.figure,
            r.value,
            r.location,
            replace(r.location, column=FIGURE_COLUMN),
            replace(r.location, column=POINTS_COLUMN),
        )
        for r in read
    ]
    report = store_components(
        ctx, rows, source=xlsx.name, source_sha256=_file_sha256(xlsx), problems=problems
    )
    log.info(
        "results imported from %s: %d rows, %d changed", xlsx.name, report.rows, report.changed
    )
    return report


def export_units_template(ctx: RoundContext, out: Path) -> Path:
    """Write an empty units workbook offering the round's unit types."""
    write_units_template(out, ctx.criteria_set(), ranking_settings.ranking_groups(ctx))
    return out


def import_units(ctx: RoundContext, xlsx: Path) -> list[Unit]:
    """Add the units listed in a units workbook, all or none.

    A row repeating a unit the round already has with the same name and type is skipped, so the
    same file twice changes nothing; an existing id with another name or type is refused.

    Returns:
        The units added, in the file's order.

    Raises:
        ImportFormatError: every bad row located; nothing is added.
    """
    rows = read_units(xlsx, ctx.criteria_set(), ranking_settings.ranking_groups(ctx))
    existing = {u.id: u for u in rounds.list_units(ctx)}
    problems: list[Problem] = []
    new = []
    for row in rows:
        before = existing.get(row.id)
        if before is None:
            new.append((row.id, row.name, row.unit_type))
        elif (before.name, before.unit_type) != (row.name, row.unit_type):
            problems.append(
                Problem(
                    replace(row.location, column="A"),
                    Msg(
                        f"Mã đơn vị “{row.id}” đã có trong đợt ({before.name}, loại "
                        f"{before.unit_type}) với tên hoặc loại khác.",
                        f"Unit id “{row.id}” already exists in the round ({before.name}, type "
                        f"{before.unit_type}) with another name or type.",
                    ),
                )
            )
    if problems:
        raise ImportFormatError(problems, xlsx.name)
    added = rounds.add_units(ctx, new) if new else []
    log.info("units imported from %s: %d added", xlsx.name, len(added))
    return added
