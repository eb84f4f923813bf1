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
from parapp.core.errors import ImportFormatError, Location, Problem, ValidationError
from parapp.core.findings import Finding, ScoreField
from parapp.core.messages import Msg
from parapp.core.numbers import canonical
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
