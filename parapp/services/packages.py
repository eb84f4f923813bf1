"""Member packages: the secretary builds one per council member from the round; the member opens it
into a workspace of their own, all or nothing.
"""

from __future__ import annotations

import logging
import os
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from parapp.core.errors import ValidationError
from parapp.core.file_names import safe_stem
from parapp.core.messages import Msg
from parapp.core.progress import Progress
from parapp.core.rounds import (
    Assignment,
    MemberRole,
    Phase,
    PhaseEvent,
    RoundKind,
    SelfAssessment,
)
from parapp.io.packages.member_package import (
    CRITERIA,
    EVIDENCE_DIR,
    ROUND,
    OpenedPackage,
    PackageManifest,
    extract_evidence,
    read_package,
    write_package,
)
from parapp.io.packages.member_package import SUFFIX as PACKAGE_SUFFIX
from parapp.io.packages.package_round import Component, MemberPackage, round_json
from parapp.services import round2
from parapp.services.context import ROUND_SUFFIX, RoundContext, open_round, system_clock
from parapp.services.rounds import create_round, member_scope, round_info
from parapp.store import evidence as evidence_store
from parapp.store import rounds as round_store
from parapp.store import scores as score_store
from parapp.store import self_assessments as self_store
from parapp.store.evidence import EvidenceFolder
from parapp.store.scores import StoredComponent

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PackageInfo:
    """A package written for a member."""

    path: Path
    manifest: PackageManifest
    unit_ids: tuple[str, ...]
    self_assessments: int
    """Self-assessed leaves included, over all units."""
    evidence_files: int
    explained_items: int = 0
    """Round 2: the explained items the member re-scores, over all units (0 in round 1)."""


def build_member_package(
    ctx: RoundContext, member_id: str, out_dir: Path, *, package_id: str | None = None
) -> PackageInfo:
    """Write ``<form_id>_<member_id>_<package_id8>.parpkg`` into ``out_dir`` (or to ``out_dir``
    itself when it ends in ``.parpkg``) for one member: the
    frozen criteria set, the council, the member's units and areas with their self-assessments
    (only the areas the member scores), component points, and exactly the evidence files cited.

    In phase ``round_2`` the package holds exactly the explained items (each unit's current
    imported explanation, in the member's areas): only the units with such items, their
    self-assessments, the member's own and the consolidated round-1 score, the explanation
    with its proposed score and new evidence files (copied in by hash), and no component points.

    Args:
        package_id: a UUID4 to use (tests and re-exports); a fresh one by default.

    Raises:
        ValidationError: not the secretary's round, unknown member, no assigned unit (in round 2:
            no explained item in the member's units and areas), or cited evidence files missing
            or damaged in the round's evidence folder (all listed).
    """
    content, criteria_text = _member_slice(ctx, member_id)
    shas = content.evidence_sha256s()
    bad = sorted(sha for sha in shas if not ctx.evidence.verify(sha))
    if bad:
        raise _bad_evidence(content, bad)
    info = content.round
    manifest = PackageManifest(
        form_id=info.form_id,
        form_version=info.form_version,
        round_id=info.id,
        round_name=info.name,
        member_id=member_id,
        package_id=package_id or str(uuid.uuid4()),
        created_at=ctx.now(),
    )
    files: dict[str, bytes | Path] = {
        CRITERIA: criteria_text.encode("utf-8"),
        ROUND: round_json(content),
    }
    files.update({f"{EVIDENCE_DIR}{sha}": ctx.evidence.path(sha) for sha in shas})
    out_dir = Path(out_dir)
    if out_dir.suffix.lower() == PACKAGE_SUFFIX:
        # A full file name was given (``-o FILE.parpkg``); otherwise a folder.
        path = out_dir
        path.parent.mkdir(parents=True, exist_ok=True)
    else:
        out_dir.mkdir(parents=True, exist_ok=True)
        path = out_dir / manifest.file_name()
    written = write_package(path, manifest, files)
    with ctx.db.transaction() as s:
        round_store.audit(
            s,
            at=manifest.created_at,
            actor=ctx.actor,
            action="build_package",
            field=member_id,
            new=manifest.package_id,
            source=path.name,
        )
    log.info("built package %s for member %s", path.name, member_id)
    return PackageInfo(
        path,
        written,
        tuple(u.id for u in content.units),
        sum(len(entries) for entries in content.self_assessments.values()),
        len(shas),
        sum(len(u.items) for u in content.round_2.values()),
    )


def _member_slice(ctx: RoundContext, member_id: str) -> tuple[MemberPackage, str]:
    scope = member_scope(ctx, member_id)
    with ctx.db.transaction() as s:
        info = round_store.info(s)
        member = round_store.member(s, member_id)
        criteria_text = round_store.criteria_json(s)
        members = tuple(round_store.members(s))
        units = tuple(u for u in round_store.units(s) if u.id in scope)
        selfs = {u.id: _in_areas(self_store.load(s, u.id), scope[u.id]) for u in units}
        components = tuple(
            Component(c.unit_id, c.node_code, c.figure, c.value, c.source, c.imported_at)
            for u in units
            for c in score_store.components(s, u.id)
        )
    if info.kind is not RoundKind.ROUND:
        raise ValidationError(
            Msg(
                "Chỉ đóng gói được từ tệp đợt thẩm định của thư ký, không từ không gian làm việc "
                "của thành viên.",
                "Packages are built from the secretary's round file, not from a member's "
                "workspace.",
            )
        )
    if member is None:
        raise ValidationError(
            Msg(f"Không có thành viên “{member_id}”.", f"There is no member “{member_id}”.")
        )
    if not units:
        raise ValidationError(
            Msg(
                f"Thành viên “{member.name}” chưa được phân công đơn vị nào: không có gì để "
                "đóng gói.",
                f"Member “{member.name}” has no assigned unit: there is nothing to pack.",
            )
        )
    assignments = tuple(
        Assignment(member_id, u.id, area) for u in units for area in _areas(scope[u.id])
    )
    content = MemberPackage(
        round=info,
        member_id=member_id,
        members=members,
        units=units,
        assignments=assignments,
        self_assessments={unit_id: entries for unit_id, entries in selfs.items() if entries},
        components=components,
    )
    if info.phase is Phase.ROUND_2:
        content = _round2_slice(ctx, content, scope)
    return content, criteria_text


def _round2_slice(
    ctx: RoundContext, content: MemberPackage, scope: dict[str, frozenset[str] | None]
) -> MemberPackage:
    """The round-1 slice cut down to the explained items, with their round-2 content."""
    explained = round2.package_units(
        ctx, content.member_id, {u.id: scope[u.id] for u in content.units}
    )
    if not explained:
        name = content.member.name
        raise ValidationError(
            Msg(
                f"Không có mục nào đã giải trình trong các đơn vị và lĩnh vực của thành viên "
                f"“{name}”: không có gì để thẩm định lần 2.",
                f"No explained item in the units and areas of member “{name}”: there is nothing "
                "to appraise in round 2.",
            )
        )
    selfs = {
        unit_id: {c: e for c, e in entries.items() if c in explained[unit_id].items}
        for unit_id, entries in content.self_assessments.items()
        if unit_id in explained
    }
    return replace(
        content,
        units=tuple(u for u in content.units if u.id in explained),
        assignments=tuple(a for a in content.assignments if a.unit_id in explained),
        self_assessments={u: e for u, e in selfs.items() if e},
        components=(),
        round_2=explained,
    )


def _areas(areas: frozenset[str] | None) -> list[str | None]:
    chosen: list[str | None] = [None] if areas is None else [*sorted(areas)]
    return chosen


def _in_areas(
    entries: dict[str, SelfAssessment], areas: frozenset[str] | None
) -> dict[str, SelfAssessment]:
    if areas is None:
        return entries
    return {code: e for code, e in entries.items() if code.split(".", 1)[0] in areas}


def _bad_evidence(content: MemberPackage, bad: list[str]) -> ValidationError:
    names: dict[str, set[str]] = {}
    for unit_id, entries in content.self_assessments.items():
        for entry in entries.values():
            for ref in entry.evidence:
                if ref.sha256 in bad:
                    names.setdefault(ref.sha256, set()).add(f"{unit_id}: {ref.file_name}")
    for unit_id, unit in content.round_2.items():
        for item in unit.items.values():
            for ref in item.explanation.evidence:
                if ref.sha256 in bad:
                    names.setdefault(ref.sha256, set()).add(f"{unit_id}: {ref.file_name}")
    listed = "; ".join(f"{', '.join(sorted(names[sha]))} ({sha[:12]}…)" for sha in bad)
    return ValidationError(
        Msg(
            f"Thiếu hoặc hỏng {len(bad)} tệp minh chứng trong thư mục minh chứng của đợt: "
            f"{listed}. Hãy nhập lại các tệp này rồi đóng gói lại.",
            f"{len(bad)} evidence file(s) are missing or damaged in the round's evidence folder: "
            f"{listed}. Import them again, then rebuild the package.",
        )
    )


def workspace_path(workspace_dir: Path, manifest: PackageManifest) -> Path:
    """Where a package's workspace lives: ``<workspace_dir>/<form_id>_<member_id>.parround``."""
    return Path(workspace_dir) / f"{manifest.form_id}_{manifest.member_id}{ROUND_SUFFIX}"


def open_member_package(
    package: Path,
    workspace_dir: Path,
    *,
    clock: Callable[[], datetime] = system_clock,
    actor: str = "",
) -> RoundContext:
    """Verify a member package and open it as a workspace in ``workspace_dir``.

    The workspace (round file and evidence folder) is built under temporary names and renamed
    only when complete: on any failure nothing is left behind. Opening the same package again
    opens the existing workspace.

    Raises:
        ImportFormatError: the package is unsafe, damaged or inconsistent (every problem listed).
        ValidationError: a workspace for this member exists, opened from another package.
        UserFacingError: the existing workspace cannot be opened.
    """
    package = Path(package)
    opened = read_package(package)
    manifest = opened.manifest
    final = workspace_path(workspace_dir, manifest)
    final_evidence = EvidenceFolder.beside(final).root
    if final.exists():
        return _existing(final, manifest, clock, actor)
    if final_evidence.exists():
        raise ValidationError(
            Msg(
                f"Thư mục {final_evidence.name} đã có nhưng không có tệp {final.name} (có thể "
                "còn lại từ một lần mở dở dang): hãy xóa hoặc chuyển thư mục đó đi rồi mở lại gói.",
                f"Folder {final_evidence.name} exists without {final.name} (perhaps left by an "
                "interrupted opening): delete or move it, then open the package again.",
            )
        )
    final.parent.mkdir(parents=True, exist_ok=True)
    temporary = final.with_name(f".{final.name}.{uuid.uuid4().hex[:8]}.tmp")
    temporary_evidence = EvidenceFolder.beside(temporary).root
    try:
        ctx = create_round(
            temporary,
            opened.criteria_set,
            manifest.round_name,
            clock=clock,
            actor=actor,
            kind=RoundKind.WORKSPACE,
            round_id=manifest.round_id,
            workspace_member_id=manifest.member_id,
            package_id=manifest.package_id,
        )
        try:
            _fill_workspace(ctx, opened)
        finally:
            ctx.close()
        _publish(temporary, temporary_evidence, final, final_evidence)
    except BaseException:
        _remove(temporary, temporary_evidence)
        raise
    log.info("opened package %s into %s", package.name, final.name)
    return open_round(final, clock=clock, actor=actor)


def _existing(
    final: Path, manifest: PackageManifest, clock: Callable[[], datetime], actor: str
) -> RoundContext:
    ctx = open_round(final, clock=clock, actor=actor)
    info = round_info(ctx)
    if (
        info.kind is RoundKind.WORKSPACE
        and info.package_id == manifest.package_id
        and info.workspace_member_id == manifest.member_id
    ):
        log.info("package %s already open in %s", manifest.package_id, final.name)
        return ctx
    ctx.close()
    raise ValidationError(
        Msg(
            f"Đã có không gian làm việc {final.name} mở từ một gói khác (mã {info.package_id}). "
            "Hãy chuyển tệp đó (và thư mục minh chứng đi kèm) sang nơi khác trước khi mở gói "
            f"mới (mã {manifest.package_id}).",
            f"Workspace {final.name} already exists, opened from another package "
            f"({info.package_id}). Move it (and its evidence folder) elsewhere before opening "
            f"the new package ({manifest.package_id}).",
        )
    )


def _fill_workspace(ctx: RoundContext, opened: OpenedPackage) -> None:
    content = opened.content
    if round_info(ctx).criteria_sha256 != content.round.criteria_sha256:
        # This build would store the set as other bytes than the secretary's round: merged
        # results could not be matched to the same frozen set.
        raise ValidationError(
            Msg(
                "Bộ tiêu chí trong gói không được lưu lại y hệt bản của thư ký (khác phiên bản "
                "parapp?): hãy dùng cùng phiên bản parapp với thư ký.",
                "The package's criteria set cannot be stored exactly as the secretary's copy "
                "(another parapp version?): use the secretary's parapp version.",
            )
        )
    ctx.evidence.root.mkdir(parents=True, exist_ok=False)
    extract_evidence(opened, ctx.evidence.root)
    sizes = {
        f.name.removeprefix(EVIDENCE_DIR): f.size
        for f in opened.manifest.files
        if f.name.startswith(EVIDENCE_DIR)
    }
    cited: dict[str, str] = {}
    for unit_id in sorted(content.self_assessments):
        for code in sorted(content.self_assessments[unit_id]):
            for ref in content.self_assessments[unit_id][code].evidence:
                if ref.sha256 is not None:
                    cited.setdefault(ref.sha256, ref.file_name)
    name = opened.path.name
    at = ctx.now()
    with ctx.db.transaction() as s:
        for unit in content.units:
            round_store.add_unit(s, unit)
        for member in content.members:
            round_store.add_member(s, member)
        round_store.set_assignments(s, content.member_id, content.assignments)
        for sha, file_name in sorted(cited.items()):
            evidence_store.register(s, sha, sizes[sha], file_name)
        for unit_id, entries in content.self_assessments.items():
            self_store.replace(s, unit_id, entries)
        round2.store_in_workspace(
            s, content.member_id, content.round_2, sizes, at=at, actor=ctx.actor
        )
        for c in content.components:
            score_store.put_component(
                s,
                StoredComponent(c.unit_id, c.node_code, c.figure, c.value, c.source, c.imported_at),
            )
        round_store.set_phase(
            s,
            PhaseEvent(
                at,
                Phase.SELF_ASSESSMENT,
                content.round.phase,
                ctx.actor,
                f"Mở gói {name} (mã {opened.manifest.package_id})",
            ),
        )
        round_store.audit(
            s,
            at=at,
            actor=ctx.actor,
            action="open_package",
            field=content.member_id,
            new=opened.manifest.package_id,
            source=f"{name} sha256:{opened.manifest_sha256}",
        )
        round_store.record_import(
            s,
            at=at,
            kind="member_package",
            file_name=name,
            sha256=opened.manifest_sha256,
            unit_id=None,
            changed=len(content.units),
        )


def _publish(temporary: Path, temporary_evidence: Path, final: Path, final_evidence: Path) -> None:
    """Rename the finished workspace into place: evidence folder first, round file last."""
    if final.exists() or final_evidence.exists():
        raise ValidationError(
            Msg(
                f"{final.name} vừa được tạo bởi một thao tác khác; hãy mở lại gói.",
                f"{final.name} was just created by another action; open the package again.",
            )
        )
    os.rename(temporary_evidence, final_evidence)
    try:
        os.rename(temporary, final)
    except BaseException:
        os.rename(final_evidence, temporary_evidence)
        raise


def _remove(temporary: Path, temporary_evidence: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{temporary}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(temporary_evidence, ignore_errors=True)


def build_all_packages(ctx: RoundContext, out_dir: Path, progress: Progress) -> list[PackageInfo]:
    """One package per council member who scores, written into ``out_dir`` (a folder or a USB
    stick) as ``<member's name>.parpkg`` (``<name> (<id>).parpkg`` when two members share a
    name); each is audited as sent (``build_package``). Secretaries without an explicit
    assignment get none. A package of the same name already in ``out_dir`` is replaced.

    Raises:
        ValidationError: no member scores, or a member's package cannot be built (what is
            wrong names the member); the packages written before stay (each is complete).
        UserCancelled: the user cancelled between two members.
    """
    with ctx.db.transaction() as s:
        members = round_store.members(s)
        explicit = {a.member_id for a in round_store.assignments(s)}
    scoring = [m for m in members if m.role is not MemberRole.SECRETARY or m.id in explicit]
    if not scoring:
        raise ValidationError(
            Msg(
                "Chưa có thành viên nào chấm điểm: hãy thêm thành viên Hội đồng trước.",
                "No member scores yet: add the council's members first.",
            )
        )
    stems = [safe_stem(m.name, fallback=m.id) for m in scoring]
    out_dir = Path(out_dir)
    built: list[PackageInfo] = []
    for index, member in enumerate(scoring):
        progress.step(
            index,
            len(scoring),
            Msg(f"Đang tạo gói cho {member.name}", f"Building the package of {member.name}"),
        )
        stem = stems[index]
        if stems.count(stem) > 1:
            stem = safe_stem(f"{member.name} ({member.id})", fallback=member.id)
        built.append(build_member_package(ctx, member.id, out_dir / f"{stem}{PACKAGE_SUFFIX}"))
    progress.step(len(scoring), len(scoring), Msg("Đã tạo xong các gói", "All packages built"))
    log.info("built %d package(s) into %s", len(built), out_dir)
    return built
