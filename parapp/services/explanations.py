"""Units' explanations (giải trình) of their round-1 results: the form per unit, and its import
with the new evidence files, only in the ``explanation`` phase, all-or-nothing.

A refused form changes nothing at all (rows, audit, evidence folder) and lists every problem
with file, sheet, row and column, except that a form of another unit, round or version (or one
exported before the round's round-1 results changed) stops at that. A unit's second form is
refused unless it is declared a replacement (``replace=True``); the same file again changes
nothing. ``import_folder`` imports every form in a folder, each matched to its unit by its own
identity, each all-or-nothing, with a report per file.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from pathlib import Path

from parapp.core.criteria import Assessor
from parapp.core.errors import (
    ImportFormatError,
    Location,
    Problem,
    UserFacingError,
    ValidationError,
)
from parapp.core.explanations import Approval, ExplainedItem, Explanation
from parapp.core.findings import FindingCode
from parapp.core.messages import Msg
from parapp.core.numbers import canonical
from parapp.core.rounds import EvidenceRef, Phase, RoundKind
from parapp.core.scoring import LeafEntry, applies_in_set, validate_leaf
from parapp.io.workbooks.explanation_form import (
    EVIDENCE,
    FORMAT_VERSION,
    PROPOSED,
    SHEET_META,
    FilledForm,
    FormHeading,
    FormIdentity,
    FormItem,
    cells_hash,
    form_location,
    locked_hash,
    read_form,
    read_identity,
    write_explanation_form,
)
from parapp.services import rounds
from parapp.services.context import RoundContext
from parapp.services.notices import Round1Unit, notices_sent, round1_unit
from parapp.store import evidence as evidence_store
from parapp.store import explanations as explanation_store
from parapp.store import rounds as round_store
from parapp.store.evidence import sha256_file

log = logging.getLogger(__name__)

IMPORT_KIND = "explanation_form"
AUDIT_ACTION = "explanation"
RULE_CODES = frozenset(
    {
        FindingCode.ABOVE_MAX,
        FindingCode.BELOW_MIN,
        FindingCode.NOT_ALLOWED_LEVEL,
        FindingCode.NOT_ON_STEP,
    }
)


@dataclass(frozen=True)
class ExplanationReport:
    """What an import did."""

    unit_id: str
    file: Path
    changed: bool
    """False when the unit's current explanation is this very file (nothing written)."""
    items: int
    evidence_stored: int
    """New evidence files copied into the round's folder."""
    replaced: int | None = None
    """The id of the explanation this one replaced."""


@dataclass(frozen=True)
class FolderOutcome:
    """One file of a folder import: its report, or the error that refused it."""

    file: Path
    report: ExplanationReport | None
    error: UserFacingError | None

    @property
    def ok(self) -> bool:
        """Whether the file was imported (or was already)."""
        return self.error is None


def _items(view: Round1Unit, ctx: RoundContext) -> dict[str, FormItem]:
    """Every council item of the unit as the form shows it, in set order."""
    criteria_set = ctx.criteria_set()
    out: dict[str, FormItem] = {}
    for leaf in criteria_set.leaves():
        if leaf.assessor is not Assessor.COUNCIL or not applies_in_set(
            criteria_set, leaf.code, view.unit.unit_type
        ):
            continue
        own = view.selfs.get(leaf.code)
        self_score = own.self_score if own is not None else None
        item = view.items[leaf.code]
        below = self_score is not None and item.value is not None and item.value < self_score
        out[leaf.code] = FormItem(
            leaf.code,
            leaf.name,
            leaf.max_for(view.unit.unit_type),
            self_score,
            item.value,
            item.not_applicable,
            below,
        )
    return out


def form_items(ctx: RoundContext, unit_id: str, *, only_below: bool = False) -> list[FormItem]:
    """The rows of the unit's form: items below the self-score first, then (unless
    ``only_below``) every other council item, each group in set order."""
    known = _items(round1_unit(ctx, unit_id), ctx)
    below = [i for i in known.values() if i.below_self]
    if only_below:
        return below
    return below + [i for i in known.values() if not i.below_self]


def export_form(ctx: RoundContext, unit_id: str, out: Path, *, only_below: bool = False) -> Path:
    """Write the unit's explanation form.

    Raises:
        ValidationError: unknown unit, or text Excel cannot store; nothing is written.
    """
    info = rounds.round_info(ctx)
    items = form_items(ctx, unit_id, only_below=only_below)
    unit = next(u for u in rounds.list_units(ctx) if u.id == unit_id)
    notice = notices_sent(ctx).get(unit_id)
    heading = FormHeading(
        unit.id,
        unit.name,
        info.id,
        info.name,
        info.form_id,
        info.form_version,
        notice.deadline if notice is not None else None,
    )
    write_explanation_form(Path(out), heading, items, str(uuid.uuid4()))
    log.info("explanation form of %s written to %s (%d items)", unit_id, Path(out).name, len(items))
    return Path(out)


def _check_phase(ctx: RoundContext) -> None:
    info = rounds.round_info(ctx)
    if info.kind is not RoundKind.ROUND or info.phase is not Phase.EXPLANATION:
        raise ValidationError(
            Msg(
                f"Đợt đang ở giai đoạn “{info.phase.label.vi}”: phiếu giải trình chỉ nhập trong "
                "giai đoạn giải trình, vào tệp đợt thẩm định của thư ký.",
                f"The round is in “{info.phase.label.en}”: explanation forms are imported only "
                "during the explanation phase, into the secretary's round file.",
            )
        )


def _stop(source: str, vi: str, en: str) -> ImportFormatError:
    return ImportFormatError(
        [Problem(Location(file=source, sheet=SHEET_META), Msg(vi, en))], source
    )


def _check_identity(
    ctx: RoundContext, identity: FormIdentity, unit_id: str | None, source: str
) -> str:
    """The form's unit when the form belongs to this round (else it stops here)."""
    info = rounds.round_info(ctx)
    if identity.format_version != FORMAT_VERSION:
        raise _stop(
            source,
            f"Phiếu giải trình phiên bản {identity.format_version} (phần mềm này đọc phiên bản "
            f"{FORMAT_VERSION}): hãy xuất lại phiếu.",
            f"An explanation form of version {identity.format_version} (this parapp reads "
            f"version {FORMAT_VERSION}): export the form again.",
        )
    if identity.round_id != info.id:
        raise _stop(
            source,
            f"Phiếu của đợt thẩm định khác (mã đợt {identity.round_id}, đợt này {info.id}).",
            f"A form of another round (round id {identity.round_id}, this one {info.id}).",
        )
    if (identity.form_id, identity.form_version) != (info.form_id, info.form_version):
        raise _stop(
            source,
            f"Phiếu của bộ tiêu chí khác ({identity.form_id} {identity.form_version}).",
            f"A form of another criteria set ({identity.form_id} {identity.form_version}).",
        )
    if unit_id is not None and identity.unit_id != unit_id:
        raise _stop(
            source,
            f"Phiếu của đơn vị khác ({identity.unit_id}), không phải của {unit_id}.",
            f"A form of another unit ({identity.unit_id}), not of {unit_id}.",
        )
    if not any(u.id == identity.unit_id for u in rounds.list_units(ctx)):
        raise _stop(
            source,
            f"Đợt không có đơn vị “{identity.unit_id}” ghi trong phiếu.",
            f"The round has no unit “{identity.unit_id}” named by the form.",
        )
    return identity.unit_id


def _evidence_problems(
    form: FilledForm, folder: Path | None, source: str
) -> tuple[list[Problem], dict[str, Path]]:
    problems: list[Problem] = []
    files: dict[str, Path] = {}
    for item in form.items:
        for ref in item.evidence:
            found = _find_file(folder, ref.file_name)
            if found is None:
                problems.append(
                    Problem(
                        form_location(source, item.row, EVIDENCE),
                        Msg(
                            f"Mục {item.code}: không có tệp “{ref.file_name}” trong thư mục tài "
                            f"liệu {folder.name if folder else '(chưa chọn thư mục)'}.",
                            f"Item {item.code}: the file “{ref.file_name}” is not in the evidence "
                            f"folder {folder.name if folder else '(no folder given)'}.",
                        ),
                    )
                )
            else:
                files[ref.file_name] = found
    return problems, files


def _find_file(folder: Path | None, name: str) -> Path | None:
    # Only a plain file directly in the folder: a citation never reaches outside it.
    if folder is None or Path(name).name != name or name in {"", ".", ".."}:
        return None
    candidate = folder / name
    return candidate if candidate.is_file() and not candidate.is_symlink() else None


def _rule_problems(
    ctx: RoundContext, unit_type: str, form: FilledForm, source: str
) -> list[Problem]:
    criteria_set = ctx.criteria_set()
    problems = []
    for item in form.items:
        if item.proposed is None:
            continue
        node = criteria_set.node(item.code)
        for finding in validate_leaf(node, LeafEntry(appraised=item.proposed), unit_type):
            if finding.code in RULE_CODES:
                problems.append(Problem(form_location(source, item.row, PROPOSED), finding.message))
    return problems


def import_form(
    ctx: RoundContext,
    xlsx: Path,
    *,
    unit_id: str | None = None,
    evidence_dir: Path | None = None,
    replace_current: bool = False,
) -> ExplanationReport:
    """Import a filled explanation form with its new evidence (looked up by name in
    ``evidence_dir``, hashed and stored); ``unit_id`` None takes the form's own unit.

    Raises:
        ValidationError: not the explanation phase.
        ImportFormatError: the form's identity is foreign (stops there), or every problem of
            the form located; nothing is changed.
    """
    _check_phase(ctx)
    path = Path(xlsx)
    source = path.name
    identity = read_identity(path)
    unit = _check_identity(ctx, identity, unit_id, source)
    view = round1_unit(ctx, unit)
    known = _items(view, ctx)
    form = read_form(path, identity, known)
    listed = [known.get(code) for code in identity.codes]
    now = locked_hash([i for i in listed if i is not None]) if None not in listed else ""
    as_read = cells_hash([(c, form.locked.get(c, ())) for c in identity.codes])
    if now != identity.locked_sha256 and as_read == identity.locked_sha256:
        # The form is as written, but the round shows other values now.
        raise _stop(
            source,
            "Kết quả thẩm định lần 1 của đơn vị đã thay đổi sau khi xuất phiếu: hãy xuất lại "
            "phiếu giải trình.",
            "The unit's round-1 results changed after the form was exported: export the "
            "explanation form again.",
        )
    problems = list(form.problems)
    problems += _rule_problems(ctx, view.unit.unit_type, form, source)
    evidence_problems, files = _evidence_problems(form, evidence_dir, source)
    problems += evidence_problems
    with ctx.db.transaction() as s:
        current = explanation_store.current(s, unit)
    if current is not None and current.form_sha256 == form.sha256 and not problems:
        return ExplanationReport(unit, path, False, len(current.items), 0, current.replaces)
    if current is not None and not replace_current:
        problems.append(
            Problem(
                Location(file=source),
                Msg(
                    f"Đơn vị {unit} đã có phiếu giải trình nhập lúc {current.imported_at} (tệp "
                    f"{current.file_name}): phiếu mới chỉ nhập khi khai báo là phiếu thay thế "
                    "(--replace).",
                    f"Unit {unit} already has an explanation imported at {current.imported_at} "
                    f"(file {current.file_name}): a new form is imported only when declared a "
                    "replacement (--replace).",
                ),
            )
        )
    if problems:
        raise ImportFormatError(problems, source)
    assert form.approved_on is not None  # a missing date is a problem above
    hashes = {name: sha256_file(found) for name, found in files.items()}
    items = tuple(
        ExplainedItem(
            i.code,
            i.proposed,
            i.text,
            tuple(EvidenceRef(r.file_name, r.page, hashes[r.file_name]) for r in i.evidence),
        )
        for i in form.items
    )
    stored = 0
    for name, found in files.items():
        if not ctx.evidence.has(hashes[name]):
            if ctx.evidence.put(found) != hashes[name]:
                raise ValidationError(
                    Msg(
                        f"Tệp {name} thay đổi trong lúc nhập; hãy nhập lại.",
                        f"{name} changed while being imported; please import again.",
                    )
                )
            stored += 1
    before = {i.node_code: i for i in current.items} if current is not None else {}
    at = ctx.now()
    with ctx.db.transaction() as s:
        for name, found in files.items():
            evidence_store.register(s, hashes[name], found.stat().st_size, name)
        new_id = explanation_store.add(
            s,
            unit_id=unit,
            file_name=source,
            form_sha256=form.sha256,
            form_serial=identity.form_serial,
            imported_at=at,
            actor=ctx.actor,
            approval=Approval(form.approver_name, form.approver_title, form.approved_on),
            items=items,
        )
        for item in items:
            old = before.get(item.node_code)
            round_store.audit(
                s,
                at=at,
                actor=ctx.actor,
                action=AUDIT_ACTION,
                unit_id=unit,
                node_code=item.node_code,
                field="proposed",
                old=None if old is None or old.proposed is None else canonical(old.proposed),
                new=None if item.proposed is None else canonical(item.proposed),
                reason=item.text[:500],
                source=f"{source} sha256:{form.sha256}",
            )
        round_store.record_import(
            s, at=at, kind=IMPORT_KIND, file_name=source, sha256=form.sha256, unit_id=unit,
            changed=len(items),
        )  # fmt: skip
    log.info(
        "explanation of %s imported from %s: %d items, id %d", unit, source, len(items), new_id
    )
    return ExplanationReport(
        unit, path, True, len(items), stored, None if current is None else current.id
    )


def import_folder(
    ctx: RoundContext,
    folder: Path,
    *,
    evidence_dir: Path | None = None,
    replace_current: bool = False,
) -> list[FolderOutcome]:
    """Import every ``*.xlsx`` form in ``folder`` (evidence looked up in ``evidence_dir``,
    default the folder itself), each matched to its unit by its own identity, each
    all-or-nothing; one outcome per file, in name order.

    Raises:
        ValidationError: not the explanation phase, or not a folder.
    """
    _check_phase(ctx)
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError(Msg(f"{folder} không phải là thư mục.", f"{folder} is not a folder."))
    outcomes = []
    for path in sorted(folder.glob("*.xlsx")):
        if path.name.startswith("~$"):  # Excel's lock file of an open workbook
            continue
        try:
            report = import_form(
                ctx, path, evidence_dir=evidence_dir or folder, replace_current=replace_current
            )
        except UserFacingError as exc:
            outcomes.append(FolderOutcome(path, None, exc))
        else:
            outcomes.append(FolderOutcome(path, report, None))
    return outcomes


def current_explanations(ctx: RoundContext) -> dict[str, Explanation]:
    """Unit id -> its current explanation (for the secretary's status and round 2)."""
    with ctx.db.transaction() as s:
        return explanation_store.current_all(s)


def explanation_history(ctx: RoundContext, unit_id: str) -> list[Explanation]:
    """Every explanation the unit sent, oldest first (replaced ones kept)."""
    with ctx.db.transaction() as s:
        return explanation_store.history(s, unit_id)


__all__ = [
    "ExplanationReport",
    "FolderOutcome",
    "current_explanations",
    "explanation_history",
    "export_form",
    "form_items",
    "import_folder",
    "import_form",
]
