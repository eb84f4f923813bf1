"""Units' self-assessments: store what a unit declared, with its evidence stored by hash.

An import is all-or-nothing and idempotent: the same content twice changes nothing at all.
Self-scores above the maximum are kept as declared and reported, never clamped.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from parapp.core import scoring
from parapp.core.criteria import Assessor, CriteriaSet
from parapp.core.errors import (
    ImportFormatError,
    Location,
    Problem,
    UserFacingError,
    ValidationError,
)
from parapp.core.findings import Finding, ScoreField
from parapp.core.messages import Msg
from parapp.core.numbers import canonical
from parapp.core.progress import Progress
from parapp.core.rounds import EvidenceRef, Phase, RoundKind, SelfAssessment, Unit
from parapp.core.scoring import LeafEntry
from parapp.services.context import RoundContext
from parapp.store import evidence as evidence_store
from parapp.store import rounds as round_store
from parapp.store import self_assessments as self_store
from parapp.store.evidence import sha256_file


@dataclass(frozen=True)
class SelfImportReport:
    """What an import did."""

    unit_id: str
    changed: bool
    """False when the round already held exactly this content (nothing was written)."""
    entries: int
    evidence_stored: int
    """Evidence files newly copied into the round's folder."""
    missing_evidence: tuple[str, ...]
    """Cited file names not found in the evidence folder given."""
    findings: tuple[Finding, ...]
    """Rule breaks in the self-scores (above maximum, off the levels...), kept as declared."""


def _unit(ctx: RoundContext, unit_id: str) -> Unit:
    with ctx.db.transaction() as s:
        unit = round_store.unit(s, unit_id)
    if unit is None:
        raise ValidationError(
            Msg(f"Không có đơn vị “{unit_id}”.", f"There is no unit “{unit_id}”.")
        )
    return unit


OPEN_PHASES = (Phase.SELF_ASSESSMENT, Phase.EXPLANATION)
"""Units declare during self-assessment and may complete their files when giving explanations."""


def _check_phase(ctx: RoundContext) -> None:
    with ctx.db.transaction() as s:
        info = round_store.info(s)
    if info.kind is not RoundKind.ROUND:
        raise ValidationError(
            Msg(
                "Tự đánh giá chỉ nhập vào tệp đợt thẩm định của thư ký, không vào gói thành viên.",
                "Self-assessments go into the secretary's round file, not a member workspace.",
            )
        )
    if info.phase not in OPEN_PHASES:
        raise ValidationError(
            Msg(
                f"Đợt đang ở giai đoạn “{info.phase.label.vi}”: chỉ nhập tự đánh giá trong giai "
                "đoạn tự đánh giá hoặc giải trình.",
                f"The round is in “{info.phase.label.en}”: self-assessments are imported only "
                "during self-assessment or explanation.",
            )
        )


def check_entries(
    criteria_set: CriteriaSet,
    unit: Unit,
    entries: Mapping[str, SelfAssessment],
    locations: Mapping[str, Location] | None = None,
    source: str = "",
) -> None:
    """Refuse entries for unknown, non-leaf or non-applicable items, or for items the unit does
    not self-assess (survey / agency points come from elsewhere).

    Raises:
        ImportFormatError: every such entry, located.
    """
    problems: list[Problem] = []
    for code in entries:
        where = (locations or {}).get(code, Location(file=source))
        if not criteria_set.has(code) or not criteria_set.node(code).is_leaf:
            problems.append(
                Problem(
                    where,
                    Msg(
                        f"Mục “{code}” không phải là mục chấm điểm của bộ tiêu chí.",
                        f"“{code}” is not a scored item of the criteria set.",
                    ),
                )
            )
        elif not scoring.applies_in_set(criteria_set, code, unit.unit_type):
            problems.append(
                Problem(
                    where,
                    Msg(
                        f"Mục “{code}” không áp dụng cho loại đơn vị {unit.unit_type}.",
                        f"Item “{code}” does not apply to unit type {unit.unit_type}.",
                    ),
                )
            )
        elif criteria_set.node(code).assessor is not Assessor.COUNCIL and (
            entries[code].self_score is not None
        ):
            problems.append(
                Problem(
                    where,
                    Msg(
                        f"Mục “{code}” do điều tra XHH hoặc cơ quan khác chấm, "
                        "đơn vị không tự chấm.",
                        f"Item “{code}” is scored by a survey or another agency, "
                        "not self-assessed.",
                    ),
                )
            )
    if problems:
        raise ImportFormatError(problems, source)


def store_self_assessment(
    ctx: RoundContext,
    unit_id: str,
    entries: Mapping[str, SelfAssessment],
    evidence_dir: Path | None,
    *,
    source: str,
    source_sha256: str,
    kind: str = "self_form",
) -> SelfImportReport:
    """Replace a unit's self-assessment with ``entries`` and copy the cited evidence in.

    Cited files are looked up by name in ``evidence_dir``; those not found are kept as citations
    without a file and listed in the report.

    Raises:
        ValidationError: unknown unit.
        ImportFormatError: entries for items the unit cannot self-assess.
    """
    criteria_set = ctx.criteria_set()
    unit = _unit(ctx, unit_id)
    _check_phase(ctx)
    check_entries(criteria_set, unit, entries, source=source)
    resolved, files, missing = _resolve_evidence(entries, evidence_dir)
    with ctx.db.transaction() as s:
        current = self_store.load(s, unit_id)
    findings = _findings(criteria_set, unit, resolved)
    if current == resolved and all(ctx.evidence.has(sha) for sha in files):
        return SelfImportReport(unit_id, False, len(resolved), 0, missing, findings)
    stored = 0
    for sha, path in files.items():
        if not ctx.evidence.has(sha):
            if ctx.evidence.put(path) != sha:
                raise ValidationError(
                    Msg(
                        f"Tệp {path.name} thay đổi trong lúc nhập; hãy nhập lại.",
                        f"{path.name} changed while being imported; please import again.",
                    )
                )
            stored += 1
    with ctx.db.transaction() as s:
        for sha, path in files.items():
            evidence_store.register(s, sha, path.stat().st_size, path.name)
        self_store.replace(s, unit_id, resolved)
        at = ctx.now()
        for code in sorted(set(current) | set(resolved)):
            before, after = current.get(code), resolved.get(code)
            if before != after:
                round_store.audit(
                    s,
                    at=at,
                    actor=ctx.actor,
                    action="self_assessment",
                    unit_id=unit_id,
                    node_code=code,
                    field="self_score",
                    old=_score_text(before),
                    new=_score_text(after),
                    source=f"{source} sha256:{source_sha256}",
                )
        round_store.record_import(
            s,
            at=at,
            kind=kind,
            file_name=source,
            sha256=source_sha256,
            unit_id=unit_id,
            changed=sum(
                1 for c in set(current) | set(resolved) if current.get(c) != resolved.get(c)
            ),
        )
    return SelfImportReport(unit_id, True, len(resolved), stored, missing, findings)


def _score_text(entry: SelfAssessment | None) -> str | None:
    if entry is None or entry.self_score is None:
        return None
    return canonical(entry.self_score)


def _resolve_evidence(
    entries: Mapping[str, SelfAssessment], evidence_dir: Path | None
) -> tuple[dict[str, SelfAssessment], dict[str, Path], tuple[str, ...]]:
    hashes: dict[str, str | None] = {}
    files: dict[str, Path] = {}
    for entry in entries.values():
        for ref in entry.evidence:
            if ref.file_name in hashes:
                continue
            candidate = _find_file(evidence_dir, ref.file_name)
            if candidate is None:
                hashes[ref.file_name] = None
            else:
                sha = sha256_file(candidate)
                hashes[ref.file_name] = sha
                files[sha] = candidate
    resolved = {
        code: replace(
            entry,
            evidence=tuple(
                EvidenceRef(r.file_name, r.page, hashes[r.file_name]) for r in entry.evidence
            ),
        )
        for code, entry in entries.items()
    }
    missing = tuple(sorted(name for name, sha in hashes.items() if sha is None))
    return resolved, files, missing


def _find_file(folder: Path | None, name: str) -> Path | None:
    # Only a plain file directly in the folder: a citation never reaches outside it.
    if folder is None or Path(name).name != name or name in {"", ".", ".."}:
        return None
    candidate = folder / name
    return candidate if candidate.is_file() and not candidate.is_symlink() else None


def _findings(
    criteria_set: CriteriaSet, unit: Unit, entries: Mapping[str, SelfAssessment]
) -> tuple[Finding, ...]:
    leaf_entries = {
        code: LeafEntry(
            self_score=e.self_score,
            figure=e.figure,
            evidence=tuple(r.file_name for r in e.evidence),
        )
        for code, e in entries.items()
    }
    result = scoring.score_unit(criteria_set, unit.id, unit.unit_type, leaf_entries)
    return tuple(f for f in result.findings if f.field is ScoreField.SELF_SCORE)


def file_sha256(path: Path) -> str:
    """SHA-256 of an imported file, for the import log."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_self_assessment(ctx: RoundContext, unit_id: str) -> dict[str, SelfAssessment]:
    """A unit's stored self-assessment keyed by node code."""
    _unit(ctx, unit_id)
    with ctx.db.transaction() as s:
        return self_store.load(s, unit_id)


# -- many units, one action --------------------------------------------------------------------


@dataclass(frozen=True)
class FolderFileReport:
    """What importing one file of a folder did: its report, or why it was refused."""

    file_name: str
    unit_id: str | None
    """The unit named by the form's own identity (None: unreadable or not a form)."""
    report: SelfImportReport | None
    error: UserFacingError | None

    @property
    def ok(self) -> bool:
        """Whether the file was imported (or already was)."""
        return self.error is None


def form_unit_id(path: Path) -> str:
    """The unit a self-assessment form belongs to, read from its hidden ``_meta`` sheet.

    Raises:
        ImportFormatError: not a workbook, or not a self-assessment form exported by parapp.
    """
    from parapp.io.files.cells import sheet_rows  # noqa: PLC0415 - openpyxl only when needed
    from parapp.io.files.xlsx_safety import open_workbook  # noqa: PLC0415

    source = path.name
    with open_workbook(path) as workbook:
        meta = sheet_rows(workbook, "_meta", source)
    values = {
        str(row[0].value).strip(): str(row[1].value or "").strip()
        for row in meta or []
        if len(row) >= 2 and row[0].value is not None
    }
    if values.get("format") != "parapp-self-form" or not values.get("unit_id"):
        raise ImportFormatError(
            [
                Problem(
                    Location(file=source),
                    Msg(
                        "Không phải phiếu tự đánh giá do phần mềm xuất (không đọc được đơn vị "
                        "của phiếu từ trang ẩn “_meta”).",
                        "Not a self-assessment form exported by parapp (the form's unit cannot "
                        "be read from its hidden “_meta” sheet).",
                    ),
                )
            ],
            source,
        )
    return values["unit_id"]


def _evidence_for(folder: Path, form: Path, unit_id: str, evidence_dir: Path | None) -> Path:
    if evidence_dir is not None:
        return evidence_dir
    for candidate in (folder / form.stem, folder / unit_id):
        if candidate.is_dir():
            return candidate
    return folder


def import_self_forms_folder(
    ctx: RoundContext,
    folder: Path,
    evidence_dir: Path | None = None,
    progress: Progress | None = None,
) -> list[FolderFileReport]:
    """Import every unit's self-assessment form (``*.xlsx``) found in ``folder``.

    Each file is matched to its unit by the form's own identity (the ``_meta`` sheet, never the
    file name) and imported all-or-nothing on its own: one refused file does not stop the
    others. Two forms of the same unit in the folder are both refused (which one is right?).
    Cited evidence is looked up in ``evidence_dir`` when given, else in a sub-folder named like
    the form or like the unit, else in ``folder`` itself.

    Args:
        progress: a ``core.progress.Progress`` (steps per file), or None.

    Raises:
        ValidationError: the folder does not exist or holds no ``.xlsx`` file.
    """
    from parapp.io.workbooks.self_form import read_self_form  # noqa: PLC0415

    folder = Path(folder)
    files = sorted(
        p for p in folder.glob("*.xlsx") if p.is_file() and not p.name.startswith(("~$", "."))
    ) if folder.is_dir() else []  # fmt: skip
    if not files:
        raise ValidationError(
            Msg(
                f"Thư mục {folder} không có tệp phiếu tự đánh giá (.xlsx) nào.",
                f"The folder {folder} holds no self-assessment form (.xlsx).",
            )
        )
    identities: dict[Path, str | UserFacingError] = {}
    for path in files:
        try:
            identities[path] = form_unit_id(path)
        except UserFacingError as exc:
            identities[path] = exc
    per_unit: dict[str, list[str]] = {}
    for path, found in identities.items():
        if isinstance(found, str):
            per_unit.setdefault(found, []).append(path.name)
    with ctx.db.transaction() as s:
        info = round_store.info(s)
    reports: list[FolderFileReport] = []
    for done, path in enumerate(files):
        if progress is not None:
            progress.step(done, len(files), Msg(f"Đang nhập {path.name}", f"Importing {path.name}"))
        found = identities[path]
        if isinstance(found, UserFacingError):
            reports.append(FolderFileReport(path.name, None, None, found))
            continue
        if len(per_unit[found]) > 1:
            others = ", ".join(n for n in per_unit[found] if n != path.name)
            reports.append(
                FolderFileReport(
                    path.name,
                    found,
                    None,
                    ValidationError(
                        Msg(
                            f"Thư mục có nhiều phiếu của đơn vị “{found}” ({others}): không nhập "
                            "phiếu nào của đơn vị này; hãy chỉ để lại một phiếu.",
                            f"The folder holds several forms of unit “{found}” ({others}): none "
                            "of them is imported; keep only one.",
                        )
                    ),
                )
            )
            continue
        try:
            unit = _unit(ctx, found)
            form = read_self_form(path, ctx.criteria_set(), info, unit)
            check_entries(ctx.criteria_set(), unit, form.entries, form.locations, path.name)
            report = store_self_assessment(
                ctx,
                unit.id,
                form.entries,
                _evidence_for(folder, path, unit.id, evidence_dir),
                source=path.name,
                source_sha256=form.sha256,
            )
        except UserFacingError as exc:
            reports.append(FolderFileReport(path.name, found, None, exc))
            continue
        reports.append(FolderFileReport(path.name, found, report, None))
    if progress is not None:
        progress.step(len(files), len(files), Msg("Xong", "Done"))
    return reports
