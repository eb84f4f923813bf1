"""Setting up a year's appraisal: create the round, add units and members, assign, move phases."""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from parapp.core import criteria_codec
from parapp.core.criteria import CriteriaSet
from parapp.core.criteria_build import nfc
from parapp.core.errors import ValidationError
from parapp.core.messages import Msg
from parapp.core.ranking import group_code
from parapp.core.rounds import (
    PHASE_ORDER,
    Assignment,
    Member,
    MemberRole,
    Phase,
    PhaseEvent,
    RoundInfo,
    RoundKind,
    Unit,
)
from parapp.services import ranking_settings
from parapp.services.context import RoundContext, system_clock
from parapp.services.sheets import scope_of
from parapp.store import rounds as round_store
from parapp.store.database import open_database
from parapp.store.evidence import EvidenceFolder

if TYPE_CHECKING:
    from cryptography import x509

    from parapp.io.signing.certificates import CertificateInfo

# The certificate readers (cryptography) load when a certificate is read: opening a round for
# the scoring window does not need them.

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def create_round(
    path: Path,
    criteria_set: CriteriaSet,
    name: str,
    *,
    clock: Callable[[], datetime] = system_clock,
    actor: str = "",
    kind: RoundKind = RoundKind.ROUND,
    round_id: str | None = None,
    workspace_member_id: str | None = None,
    package_id: str | None = None,
) -> RoundContext:
    """Create a round file holding a frozen copy of ``criteria_set``.

    Raises:
        ValidationError: the file exists already or the name is empty.
    """
    path = Path(path)
    if path.exists():
        raise ValidationError(
            Msg(
                f"Tệp {path.name} đã tồn tại; chọn tên khác.",
                f"{path.name} already exists; choose another name.",
            )
        )
    name = nfc(name)
    if not name:
        raise ValidationError(Msg("Tên đợt thẩm định đang để trống.", "The round's name is empty."))
    text = criteria_codec.dumps(criteria_set)
    db, _ = open_database(path, create=True)
    info = RoundInfo(
        id=round_id or str(uuid.uuid4()),
        name=name,
        year=criteria_set.year,
        form_id=criteria_set.form_id,
        form_version=criteria_set.version,
        criteria_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        phase=Phase.SELF_ASSESSMENT,
        kind=kind,
        created_at=clock().isoformat(timespec="seconds"),
        workspace_member_id=workspace_member_id,
        package_id=package_id,
    )
    with db.transaction() as s:
        round_store.create(s, info, text)
        round_store.audit(s, at=info.created_at, actor=actor, action="create_round", new=info.id)
    return RoundContext(db, path, EvidenceFolder.beside(path), clock, actor)


def round_info(ctx: RoundContext) -> RoundInfo:
    """The round's identity and phase."""
    with ctx.db.transaction() as s:
        return round_store.info(s)


def _check_id(value: str, what: Msg) -> str:
    value = value.strip()
    if not ID_PATTERN.match(value):
        raise ValidationError(
            Msg(
                f"{what.vi} “{value}” không hợp lệ (chữ không dấu, số, '-', '_', '.').",
                f"{what.en} “{value}” is invalid (ASCII letters, digits, '-', '_', '.').",
            )
        )
    return value


def add_unit(ctx: RoundContext, unit_id: str, name: str, unit_type: str) -> Unit:
    """Add a unit of a unit type the round's set knows; its ranking group is the round's group
    of its type (``ranking_settings``; default: the set's).

    Raises:
        ValidationError: bad or duplicate id, empty name, unknown unit type.
    """
    return add_units(ctx, [(unit_id, name, unit_type)])[0]


def add_units(ctx: RoundContext, rows: Iterable[tuple[str, str, str]]) -> list[Unit]:
    """Add several units in one transaction (all or none).

    Raises:
        ValidationError: the first problem found; nothing was added.
    """
    criteria_set = ctx.criteria_set()
    known = {u.code for u in criteria_set.unit_types}
    added: list[Unit] = []
    with ctx.db.transaction() as s:
        position = round_store.next_unit_position(s)
        existing = {u.id for u in round_store.units(s)}
        groups = ranking_settings.stored_groups(s, criteria_set)
        for raw_id, raw_name, unit_type in rows:
            unit_id = _check_id(raw_id, Msg("Mã đơn vị", "Unit id"))
            name = nfc(raw_name)
            if unit_id in existing:
                raise ValidationError(
                    Msg(f"Mã đơn vị “{unit_id}” đã có.", f"Unit id “{unit_id}” already exists.")
                )
            if not name:
                raise ValidationError(
                    Msg(f"Đơn vị “{unit_id}” chưa có tên.", f"Unit “{unit_id}” has no name.")
                )
            if unit_type not in known:
                raise ValidationError(
                    Msg(
                        f"Loại đơn vị “{unit_type}” không có trong bộ tiêu chí "
                        f"(có: {', '.join(sorted(known))}).",
                        f"Unit type “{unit_type}” is not in the criteria set "
                        f"(known: {', '.join(sorted(known))}).",
                    )
                )
            unit = Unit(unit_id, name, unit_type, group_code(groups, unit_type), position)
            round_store.add_unit(s, unit)
            round_store.audit(
                s, at=ctx.now(), actor=ctx.actor, action="add_unit", unit_id=unit_id, new=name
            )
            existing.add(unit_id)
            added.append(unit)
            position += 1
    return added


def list_units(ctx: RoundContext) -> list[Unit]:
    """Every unit in list order."""
    with ctx.db.transaction() as s:
        return round_store.units(s)


@dataclass(frozen=True)
class MemberCertificate:
    """A member's signing certificate read from a file, ready to register."""

    der: bytes
    info: CertificateInfo


def read_certificate(
    path: Path, passphrase: Callable[[], str], *, at: datetime
) -> MemberCertificate:
    """The member's certificate from a PEM, DER (.cer/.crt) or .p12 file (``passphrase`` is
    called only for a .p12), checked to be registrable at ``at``.

    Raises:
        ValidationError: not a certificate, a PEM/DER file holding a private key, a wrong .p12
            passphrase, or a certificate expired or not yet valid at ``at``.
    """
    from cryptography.hazmat.primitives import serialization  # noqa: PLC0415 - see imports

    from parapp.io.signing.certificate_files import read_member_certificate  # noqa: PLC0415
    from parapp.io.signing.certificates import describe  # noqa: PLC0415

    cert = read_member_certificate(Path(path), passphrase)
    der = cert.public_bytes(serialization.Encoding.DER)
    _check_registrable(der, at)
    return MemberCertificate(der, describe(cert))


def _check_registrable(der: bytes, at: datetime) -> x509.Certificate:
    from cryptography import x509  # noqa: PLC0415 - see imports

    from parapp.io.signing.certificates import describe, validity_problem  # noqa: PLC0415

    try:
        cert = x509.load_der_x509_certificate(der)
    except ValueError:
        raise ValidationError(
            Msg(
                "Chứng thư số của thành viên không đọc được (cần DER).",
                "The member's certificate cannot be read (DER expected).",
            )
        ) from None
    problem = validity_problem(cert, at)
    if problem is not None:
        info = describe(cert)
        raise ValidationError(
            Msg(
                f"Không đăng ký được chứng thư của {info.subject}: {problem.vi}.",
                f"Cannot register {info.subject}'s certificate: {problem.en}.",
            )
        )
    return cert


def add_member(
    ctx: RoundContext,
    member_id: str,
    name: str,
    title: str,
    role: MemberRole = MemberRole.MEMBER,
    certificate_der: bytes | None = None,
) -> Member:
    """Add a council member, optionally with a registered signing certificate (DER).

    Raises:
        ValidationError: bad or duplicate id, empty name, or a certificate that is not DER or
            is expired or not yet valid now.
    """
    member_id = _check_id(member_id, Msg("Mã thành viên", "Member id"))
    name = nfc(name)
    if not name:
        raise ValidationError(Msg("Tên thành viên đang để trống.", "The member's name is empty."))
    if certificate_der:
        _check_registrable(certificate_der, ctx.clock())
    fingerprint = hashlib.sha256(certificate_der).hexdigest() if certificate_der else None
    with ctx.db.transaction() as s:
        if round_store.member(s, member_id) is not None:
            raise ValidationError(
                Msg(
                    f"Mã thành viên “{member_id}” đã có.",
                    f"Member id “{member_id}” already exists.",
                )
            )
        member = Member(
            member_id,
            name,
            nfc(title),
            role,
            round_store.next_member_position(s),
            fingerprint,
        )
        round_store.add_member(s, member, certificate_der)
        round_store.audit(
            s,
            at=ctx.now(),
            actor=ctx.actor,
            action="add_member",
            new=f"{member_id} {name}" + (f" {fingerprint}" if fingerprint else ""),
        )
    return member


def list_members(ctx: RoundContext) -> list[Member]:
    """Every member in list order."""
    with ctx.db.transaction() as s:
        return round_store.members(s)


def assign(
    ctx: RoundContext,
    member_id: str,
    unit_ids: Iterable[str] | None = None,
    area_codes: Iterable[str] | None = None,
) -> tuple[Assignment, ...]:
    """Set which units (None: all) and areas (None: all) a member scores.

    A member without any assignment scores everything (the default for small councils).

    Raises:
        ValidationError: unknown member, unit or area.
    """
    criteria_set = ctx.criteria_set()
    areas = None if area_codes is None else sorted(set(area_codes))
    for code in areas or []:
        if not criteria_set.has(code) or "." in code:
            raise ValidationError(
                Msg(f"Không có lĩnh vực “{code}”.", f"There is no area “{code}”.")
            )
    with ctx.db.transaction() as s:
        if round_store.member(s, member_id) is None:
            raise ValidationError(
                Msg(f"Không có thành viên “{member_id}”.", f"There is no member “{member_id}”.")
            )
        known = [u.id for u in round_store.units(s)]
        chosen = known if unit_ids is None else list(dict.fromkeys(unit_ids))
        unknown = [u for u in chosen if u not in known]
        if unknown:
            raise ValidationError(
                Msg(
                    f"Không có đơn vị: {', '.join(unknown)}.",
                    f"Unknown unit(s): {', '.join(unknown)}.",
                )
            )
        rows = [
            Assignment(member_id, unit_id, area)
            for unit_id in chosen
            for area in (areas if areas is not None else [None])
        ]
        round_store.set_assignments(s, member_id, rows)
        round_store.audit(
            s,
            at=ctx.now(),
            actor=ctx.actor,
            action="assign",
            field=member_id,
            new=f"units={','.join(chosen)}; areas={','.join(areas) if areas else '*'}",
        )
    return tuple(rows)


def member_scope(ctx: RoundContext, member_id: str) -> dict[str, frozenset[str] | None]:
    """For each unit the member scores: the assigned area codes (None: every area)."""
    with ctx.db.transaction() as s:
        return scope_of(member_id, round_store.assignments(s), [u.id for u in round_store.units(s)])


def advance_phase(ctx: RoundContext, to_phase: Phase, note: str = "") -> PhaseEvent:
    """Move to the next phase, or back to an earlier one (a reopening needs a note).

    Raises:
        ValidationError: skipping a phase, staying put, or reopening without a reason.
    """
    with ctx.db.transaction() as s:
        current = round_store.info(s).phase
        step = PHASE_ORDER.index(to_phase) - PHASE_ORDER.index(current)
        if step == 0 or step > 1:
            raise ValidationError(
                Msg(
                    f"Không thể chuyển từ “{current.label.vi}” sang “{to_phase.label.vi}”: "
                    "chỉ được sang giai đoạn kế tiếp.",
                    f"Cannot move from “{current.label.en}” to “{to_phase.label.en}”: "
                    "only the next phase is allowed.",
                )
            )
        if step < 0 and not note.strip():
            raise ValidationError(
                Msg(
                    "Mở lại giai đoạn trước phải ghi rõ lý do.",
                    "Reopening an earlier phase needs a reason.",
                )
            )
        event = PhaseEvent(ctx.now(), current, to_phase, ctx.actor, nfc(note))
        round_store.set_phase(s, event)
        round_store.audit(
            s,
            at=event.at,
            actor=ctx.actor,
            action="reopen_phase" if step < 0 else "advance_phase",
            old=current.value,
            new=to_phase.value,
            reason=event.note,
        )
    from parapp.services import round_lock  # noqa: PLC0415 - records beside the round

    round_lock.after_phase_change(ctx, to_phase.value)
    return event


def phase_history(ctx: RoundContext) -> list[PhaseEvent]:
    """Every phase transition, oldest first."""
    with ctx.db.transaction() as s:
        return round_store.phase_events(s)
