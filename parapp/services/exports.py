"""Export a member's score sheet for one unit: the PDF to sign and the Excel workbook to review.

Both are views of the same ``ScoreSheet``; the workbook's hidden ``_meta`` sheet carries the
SHA-256 of the member's canonical scores (``io.scores_json``), the bytes the signed package holds.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from parapp import paths
from parapp.core.criteria import Assessor
from parapp.core.errors import ValidationError
from parapp.core.messages import Msg
from parapp.core.rounds import Member
from parapp.io.packages.scores_json import MemberScores, ScoreValue
from parapp.io.packages.scores_json import scores_sha256 as _scores_sha256
from parapp.io.sheets import member_pdf as score_sheet_pdf
from parapp.io.sheets import member_xlsx as score_sheet_xlsx
from parapp.io.sheets.member_pdf import SignatureBox
from parapp.io.sheets.member_sheet import DEFAULT_BODY, Heading, ScoreSheet, build_member_sheet
from parapp.services import rounds
from parapp.services.context import RoundContext
from parapp.services.scoring import UnitSheet, load_sheet, round_1_result

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExportedPdf:
    """The written PDF, its page count and where the signature field goes."""

    path: Path
    pages: int
    signature: SignatureBox


@dataclass(frozen=True)
class ExportedXlsx:
    """The written workbook and the scores hash stored in its ``_meta`` sheet."""

    path: Path
    scores_sha256: str


def export_member_sheet_pdf(
    ctx: RoundContext,
    member_id: str,
    unit_id: str,
    out: Path,
    *,
    place: str,
    date: dt.date,
    parent_body: str | None = None,
    body: str = DEFAULT_BODY,
) -> ExportedPdf:
    """Write the member's score sheet of one unit as a PDF (atomically).

    Args:
        ctx: the open round or workspace.
        member_id: the member who scores and signs.
        unit_id: the unit.
        out: the PDF file to write.
        place: the place printed before the date ("Thái Nguyên").
        date: the sheet's date.
        parent_body: the issuing body's parent; None: "UBND tỉnh <place>".
        body: the issuing body.

    Raises:
        ValidationError: unknown member or unit, or the unit is not the member's.
    """
    sheet, _ = _sheet(ctx, member_id, unit_id, place, date, parent_body, body)
    rendered = score_sheet_pdf.write_pdf(sheet, Path(out), paths.resource("fonts"))
    log.info(
        "score sheet PDF %s: %s/%s, %d pages", Path(out).name, unit_id, member_id, rendered.pages
    )
    return ExportedPdf(Path(out), rendered.pages, rendered.signature)


def export_member_sheet_xlsx(
    ctx: RoundContext,
    member_id: str,
    unit_id: str,
    out: Path,
    *,
    place: str,
    date: dt.date,
    parent_body: str | None = None,
    body: str = DEFAULT_BODY,
    submission_id: str | None = None,
    scores_sha256: str | None = None,
) -> ExportedXlsx:
    """Write the member's score sheet of one unit as an Excel workbook (atomically).

    Args:
        ctx: the open round or workspace.
        member_id: the member.
        unit_id: the unit.
        out: the .xlsx file to write.
        place: the place printed before the date.
        date: the sheet's date.
        parent_body: the issuing body's parent; None: "UBND tỉnh <place>".
        body: the issuing body.
        submission_id: the submission this workbook belongs to (None for a plain export).
        scores_sha256: the hash to record; None records the hash of this unit's canonical
            scores. A package holding several units passes the hash of its own scores.json.

    Raises:
        ValidationError: unknown member or unit, the unit is not the member's, or a text Excel
            cannot hold.
    """
    sheet, unit_sheet = _sheet(ctx, member_id, unit_id, place, date, parent_body, body)
    digest = (
        _scores_sha256(_member_scores(ctx, unit_sheet)) if scores_sha256 is None else scores_sha256
    )
    score_sheet_xlsx.write_xlsx(sheet, Path(out), submission_id=submission_id, scores_sha256=digest)
    log.info("score sheet xlsx %s: %s/%s, scores %s", Path(out).name, unit_id, member_id, digest)
    return ExportedXlsx(Path(out), digest)


def canonical_scores_sha256(ctx: RoundContext, member_id: str, unit_id: str) -> str:
    """SHA-256 of the member's canonical scores for one unit (``io.scores_json``).

    Raises:
        ValidationError: unknown member or unit, or the unit is not the member's.
    """
    return _scores_sha256(_member_scores(ctx, load_sheet(ctx, member_id, unit_id)))


def member_scores(ctx: RoundContext, member_id: str, unit_id: str) -> MemberScores:
    """The member's own appraisals of one unit, as the canonical scores document holds them.

    Raises:
        ValidationError: unknown member or unit, or the unit is not the member's.
    """
    return _member_scores(ctx, load_sheet(ctx, member_id, unit_id))


def _member_scores(ctx: RoundContext, unit_sheet: UnitSheet) -> MemberScores:
    criteria_set = ctx.criteria_set()
    info = rounds.round_info(ctx)
    areas = unit_sheet.areas
    leaves: dict[str, ScoreValue] = {}
    for leaf in criteria_set.leaves():
        if leaf.assessor is not Assessor.COUNCIL:
            continue  # survey and agency points are the secretary's import, not the member's
        if areas is not None and leaf.code.split(".", 1)[0] not in areas:
            continue
        if unit_sheet.explained is not None and leaf.code not in unit_sheet.explained:
            continue  # round 2 re-scores only the explained items
        entry = unit_sheet.entries.get(leaf.code)
        if entry is None or (
            entry.appraised is None and not entry.comment and not entry.not_applicable
        ):
            continue
        leaves[leaf.code] = ScoreValue(entry.appraised, entry.comment, entry.not_applicable)
    return MemberScores(
        form_id=info.form_id,
        form_version=info.form_version,
        round_id=info.id,
        member_id=unit_sheet.member_id,
        appraisal_round=unit_sheet.appraisal_round,
        units={unit_sheet.unit.id: leaves},
    )


def _member(ctx: RoundContext, member_id: str) -> Member:
    found = next((m for m in rounds.list_members(ctx) if m.id == member_id), None)
    if found is None:
        raise ValidationError(
            Msg(f"Không có thành viên “{member_id}”.", f"There is no member “{member_id}”.")
        )
    return found


def _sheet(
    ctx: RoundContext,
    member_id: str,
    unit_id: str,
    place: str,
    date: dt.date,
    parent_body: str | None,
    body: str,
) -> tuple[ScoreSheet, UnitSheet]:
    unit_sheet = load_sheet(ctx, member_id, unit_id)
    info = rounds.round_info(ctx)
    heading = Heading(
        parent_body=f"UBND tỉnh {place}" if parent_body is None else parent_body,
        body=body,
        place=place,
        date=date,
    )
    sheet = build_member_sheet(
        ctx.criteria_set(),
        unit_sheet.unit,
        _member(ctx, member_id),
        unit_sheet.result,
        unit_sheet.entries,
        areas=unit_sheet.areas,
        appraisal_round=unit_sheet.appraisal_round,
        heading=heading,
        round_id=info.id,
        round_1=round_1_result(ctx, member_id, unit_id) if unit_sheet.round_2 else None,
    )
    return sheet, unit_sheet
