"""Export the council's results: the consolidated workbook and the ND30 PDF to sign.

Both are views of one ``ResultsReport``: the round's results (``services.results.round_results``),
the units' self-scores, the council's notes, where every member score came from (submission,
time) and the audit log. The merge modules are imported when the export runs, so a build
without them still starts and says what is missing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from parapp import paths
from parapp.core.errors import UserFacingError, ValidationError
from parapp.core.messages import Msg
from parapp.core.progress import Progress, no_progress
from parapp.core.results import RoundResults
from parapp.io.files.atomic import replace_retrying
from parapp.io.sheets import council_pdf as results_pdf
from parapp.io.sheets import council_xlsx as results_xlsx
from parapp.io.sheets.council_report import (
    AuditRow,
    FindingRow,
    ProvenanceRow,
    ResultsReport,
    council_signers,
)
from parapp.io.sheets.member_pdf import SignatureBox
from parapp.io.sheets.member_sheet import DEFAULT_BODY, Heading
from parapp.services import previous_year, round2, rounds, self_assessment
from parapp.services.context import RoundContext

if TYPE_CHECKING:
    from parapp.services.results_checks import ResultProblem

log = logging.getLogger(__name__)

ResultsSource = Callable[[RoundContext, Path | None], RoundResults]
"""Computes a round's results (default: ``services.results.round_results``)."""


@dataclass(frozen=True)
class ReportFiles:
    """What was written: the files, the PDF's pages and where the two signatures go."""

    xlsx: Path | None
    pdf: Path | None
    pdf_pages: int
    secretary_box: SignatureBox | None
    chair_box: SignatureBox | None
    units: int
    incomplete: tuple[str, ...]
    """Units whose scores are not complete (their results are provisional)."""
    unappraised: tuple[str, ...] = ()
    """Units without any final score: neither classified nor ranked."""
    draft: bool = False
    problems: tuple[ResultProblem, ...] = ()
    """A draft's hard-rule problems (``results_checks.ResultProblem``)."""


def _module(name: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        raise UserFacingError(
            Msg(
                "Bản parapp này chưa có chức năng tổng hợp điểm của Hội đồng; chưa xuất được "
                "kết quả.",
                "This build of parapp has no consolidation of the council's scores yet; the "
                "results cannot be exported.",
            )
        ) from exc


def _checked(ctx: RoundContext, previous: Path | None, source: ResultsSource | None) -> Any:
    """The results and their hard-rule problems (``results_checks.CheckedResults``)."""
    checks: Any = _module("parapp.services.results_checks")
    if source is not None:
        return checks.CheckedResults(source(ctx, previous), ())
    return checks.checked_results(ctx, previous)


def _finding_row(problem: Any) -> FindingRow:
    return FindingRow(
        unit_id=problem.unit_id,
        unit_name=problem.unit_name,
        node_code=problem.node_code,
        source=problem.source.vi,
        value=problem.value_text(),
        bound=problem.bound.vi,
    )


def export_results(
    ctx: RoundContext,
    *,
    xlsx: Path | None,
    pdf: Path | None,
    previous: Path | None = None,
    place: str,
    date: dt.date,
    parent_body: str | None = None,
    body: str = DEFAULT_BODY,
    source: ResultsSource | None = None,
    draft: bool = False,
    progress: Progress | None = None,
) -> ReportFiles:
    """Write the consolidated workbook and/or the PDF (atomically, as a pair: a cancel or a
    failure leaves the previous files as they were and no partial file behind).

    Official sheets are refused while any value the results are built from breaks a hard rule
    of the criteria set (``results_checks``); a ``draft`` is still written, marked "DỰ THẢO"
    on every page and sheet, with the list of problems attached.

    Args:
        ctx: the secretary's open round.
        xlsx: the workbook to write (None: none).
        pdf: the PDF to write (None: none).
        previous: last year's round file, for the area comparison.
        place: the place printed before the date ("Thái Nguyên").
        date: the date of the summary.
        parent_body: the council's parent body; None: "UBND tỉnh <place>".
        body: the council.
        source: computes the results; None: the merge's checked results.
        draft: write a draft (watermarked, with the problems) instead of official sheets.
        progress: receives the steps; its cancel stops the export with nothing written.

    Raises:
        UserCancelled: the user cancelled; nothing was written.
        ResultsBlockedError: official sheets asked for while values break a hard rule, or a
            stored value is not a number at all (then not even a draft); nothing is written.
        ValidationError: neither file asked for, the same file for both, or a previous round
            that is this round.
        UserFacingError: a file cannot be written, or the build lacks the merge.
    """
    if xlsx is None and pdf is None:
        raise ValidationError(
            Msg(
                "Chọn ít nhất một tệp để xuất: bảng tính (.xlsx) hoặc PDF.",
                "Choose at least one file to write: the workbook (.xlsx) or the PDF.",
            )
        )
    if xlsx is not None and pdf is not None and Path(xlsx).resolve() == Path(pdf).resolve():
        raise ValidationError(
            Msg("Bảng tính và PDF phải là hai tệp khác nhau.", "The workbook and the PDF differ.")
        )
    if previous is not None and Path(previous).resolve() == Path(ctx.path).resolve():
        raise ValidationError(
            Msg(
                "Đợt năm trước phải là một tệp đợt thẩm định khác.",
                "The previous round must be another round file.",
            )
        )
    progress = progress or no_progress()
    total = 2 + (xlsx is not None) + (pdf is not None)
    progress.step(0, total, Msg("Đang tính kết quả…", "Computing the results…"))
    checked = _checked(ctx, previous, source)
    blocked: Any = _module("parapp.services.results_checks").ResultsBlockedError
    if checked.results is None:
        raise blocked(checked.problems, draft_possible=False)
    if checked.problems and not draft:
        raise blocked(checked.problems)
    results: RoundResults = checked.results
    report = replace(
        build_report(ctx, results, place=place, date=date, parent_body=parent_body, body=body),
        draft=draft,
        findings=tuple(_finding_row(p) for p in checked.problems),
        year_changes=previous_year.changes(ctx, results, previous),
    )
    pages, secretary, chair = 0, None, None
    with _pair(progress) as staged:
        if xlsx is not None:
            progress.step(1, total, Msg("Đang ghi bảng tính…", "Writing the workbook…"))
            results_xlsx.write_results_xlsx(report, staged(Path(xlsx)))
        if pdf is not None:
            progress.step(total - 2, total, Msg("Đang ghi tệp PDF…", "Writing the PDF…"))
            fonts = paths.resource("fonts")
            rendered = results_pdf.write_results_pdf(report, staged(Path(pdf)), fonts)
            pages, secretary, chair = rendered.pages, rendered.secretary, rendered.chair
        progress.step(total - 1, total, Msg("Đang lưu các tệp…", "Saving the files…"))
    incomplete = tuple(o.unit.id for o in results.outcomes if o.appraised and not o.complete)
    unappraised = tuple(o.unit.id for o in results.outcomes if not o.appraised)
    log.info(
        "results exported%s: xlsx %s, pdf %s (%d pages), %d units, %d incomplete, %d problems",
        " (draft)" if draft else "",
        Path(xlsx).name if xlsx else "-",
        Path(pdf).name if pdf else "-",
        pages,
        len(results.outcomes),
        len(incomplete),
        len(checked.problems),
    )
    return ReportFiles(
        Path(xlsx) if xlsx else None,
        Path(pdf) if pdf else None,
        pages,
        secretary,
        chair,
        len(results.outcomes),
        incomplete,
        unappraised,
        draft,
        tuple(checked.problems),
    )


@contextlib.contextmanager
def _pair(progress: Progress) -> Iterator[Callable[[Path], Path]]:
    """Write several files as one: each target's previous file is set aside (a hidden
    ``.<name>.previous`` beside it) before it is written; when the block ends without error the
    set-aside files are removed, else every target is put back as it was (restored, or removed
    when it did not exist). The writers write the real targets, so their errors name them."""
    kept: dict[Path, Path | None] = {}

    def stage(target: Path) -> Path:
        previous = target.with_name(f".{target.name}.previous")
        if target.exists():
            replace_retrying(target, previous)
            kept[target] = previous
        else:
            kept[target] = None
        return target

    try:
        yield stage
        progress.check()
    except BaseException:
        for target, previous in kept.items():
            if previous is None:
                target.unlink(missing_ok=True)
            else:
                replace_retrying(previous, target)
        raise
    for previous in kept.values():
        if previous is not None:
            previous.unlink(missing_ok=True)


def build_report(
    ctx: RoundContext,
    results: RoundResults,
    *,
    place: str,
    date: dt.date,
    parent_body: str | None = None,
    body: str = DEFAULT_BODY,
) -> ResultsReport:
    """The report's content: ``results`` with the round's signers, self-scores, notes,
    provenance and audit rows."""
    info = rounds.round_info(ctx)
    self_scores: dict[str, dict[str, Decimal]] = {}
    for outcome in results.outcomes:
        declared = self_assessment.load_self_assessment(ctx, outcome.unit.id)
        self_scores[outcome.unit.id] = {
            code: item.self_score for code, item in declared.items() if item.self_score is not None
        }
    provenance, notes = _provenance(ctx)
    first, second = round2.report_rounds(ctx)  # both rounds' columns of the unit sheets
    return ResultsReport(
        results=results,
        heading=Heading(
            parent_body=f"UBND tỉnh {place}" if parent_body is None else parent_body,
            body=body,
            place=place,
            date=date,
        ),
        signers=council_signers(rounds.list_members(ctx)),
        round_name=info.name,
        self_scores=self_scores,
        notes=notes,
        provenance=provenance,
        audit=_audit(ctx),
        year_changes=previous_year.changes(ctx, results),
        round_1=first,
        round_2=second,
    )


def _provenance(
    ctx: RoundContext,
) -> tuple[tuple[ProvenanceRow, ...], dict[str, dict[str, str]]]:
    """Each member's latest score of each item with its submission, and the council's notes
    (the secretary's reason first, then the members' comments), as the merge combines them."""
    store: Any = _module("parapp.store.submissions")
    members = {m.id: m.name for m in rounds.list_members(ctx)}
    with ctx.db.transaction() as s:
        merged = store.all_merged(s)
        by_package = {sub.package_sha256: sub for sub in store.submissions(s)}
        resolutions = store.resolutions(s)
    latest: dict[tuple[str, str, str], Any] = {}
    for score in merged:
        key = (score.unit_id, score.node_code, score.member_id)
        if key not in latest or latest[key].appraisal_round < score.appraisal_round:
            latest[key] = score
    rows = []
    comments: dict[str, dict[str, list[str]]] = {}
    for (unit_id, code, member_id), score in sorted(latest.items()):
        submission = by_package.get(score.package_sha256) if score.package_sha256 else None
        rows.append(
            ProvenanceRow(
                unit_id=unit_id,
                node_code=code,
                member_id=member_id,
                submission_id=submission.submission_id if submission else "",
                submitted_at=submission.created_at if submission else score.updated_at,
                value=score.value if score.value is None or score.value.is_finite() else None,
                not_applicable=score.not_applicable,
                member_name=members.get(member_id, ""),
            )
        )
        if score.comment.strip():
            comments.setdefault(unit_id, {}).setdefault(code, []).append(score.comment.strip())
    notes: dict[str, dict[str, str]] = {}
    for (unit_id, code), stored in resolutions.items():
        comments.setdefault(unit_id, {}).setdefault(code, []).insert(0, stored.resolution.reason)
    for unit_id, items in comments.items():
        notes[unit_id] = {code: "; ".join(_unique(texts)) for code, texts in items.items()}
    return tuple(rows), notes


def _unique(texts: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(texts))


def _audit(ctx: RoundContext) -> tuple[AuditRow, ...]:
    records: Iterable[Any] = _module("parapp.services.audit").audit_rows(ctx)
    return tuple(
        AuditRow(
            at=r.when(),  # local dd/mm/yyyy HH:MM; the CSV export keeps ISO 8601 and codes
            actor=r.who(),
            unit_id=r.unit_id,
            node_code=r.node_code,
            old=r.old,
            new=r.new,
            reason=r.reason,
            source=r.source,
            action=r.sentence(),
            field=r.field,
        )
        for r in records
    )
