"""What the new-round wizard and the secretary's "Thiết lập" tab need beside the round services:
the round's write lock for a window, phase deadlines, which settings the phase still allows,
a preview of a units workbook, a member's certificate from a token, and the package status of
each member (sent, submitted, due).

Every change goes through a service that writes its audit row; nothing here computes scores.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import InvalidOperation
from enum import StrEnum
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from parapp.core.criteria import Role
from parapp.core.errors import ImportFormatError, Problem, ValidationError
from parapp.core.messages import Msg
from parapp.core.rounds import PHASE_ORDER, Assignment, MemberRole, Phase
from parapp.io.signing import tokens as pkcs11_tokens
from parapp.io.workbooks.units import UnitRow, read_units
from parapp.services import ranking_settings, results, round_lock
from parapp.services.audit import audit_rows
from parapp.services.context import RoundContext, open_round
from parapp.services.results import CellState
from parapp.services.rounds import (
    MemberCertificate,
    _check_registrable,
    assign,
    list_members,
    list_units,
    round_info,
)
from parapp.store import rounds as round_store
from parapp.store import settings as setting_store
from parapp.store.read_only import make_read_only, read_only_sentence

log = logging.getLogger(__name__)

DEADLINES_KEY = "phase_deadlines"


# -- one writer ---------------------------------------------------------------------------------


@dataclass
class WriterSession:
    """A round opened by a window or a command: the lock it holds, or who holds it (then the
    round is read-only and ``sentence`` says why)."""

    ctx: RoundContext
    lock: round_lock.RoundLock | None
    holder: round_lock.LockHolder | None

    @property
    def read_only(self) -> bool:
        """Whether another parapp holds the round."""
        return self.holder is not None

    @property
    def sentence(self) -> Msg | None:
        """The read-only sentence (host, user, time), or None."""
        return None if self.holder is None else self.holder.sentence()

    def release(self) -> None:
        """Free the lock (when held); the round stays open."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def take_round(ctx: RoundContext) -> WriterSession:
    """Take the write lock of an open round; when another parapp holds it, make ``ctx``
    read-only (every write is refused with the sentence naming the holder)."""
    got = round_lock.acquire(ctx.path)
    if isinstance(got, round_lock.LockHolder):
        make_read_only(ctx.db, got.sentence())
        log.info("%s is held by %s@%s: read-only", ctx.path.name, got.user, got.host)
        return WriterSession(ctx, None, got)
    return WriterSession(ctx, got, None)


def open_for_writing(path: Path, actor: str = "") -> WriterSession:
    """Open a round and take its write lock (read-only when another parapp holds it)."""
    return take_round(open_round(path, actor=actor))


def is_read_only(ctx: RoundContext) -> Msg | None:
    """The read-only sentence of ``ctx``, or None when it may be written."""
    return read_only_sentence(ctx.db)


# -- what the phase allows ----------------------------------------------------------------------


class Setting(StrEnum):
    """The groups of settings the "Thiết lập" tab edits."""

    UNITS = "units"
    MEMBERS = "members"
    ASSIGNMENTS = "assignments"
    RULES = "rules"
    DEADLINES = "deadlines"
    CRLS = "crls"


_LAST_PHASE = {
    Setting.UNITS: Phase.SELF_ASSESSMENT,
    Setting.MEMBERS: Phase.ROUND_1,
    Setting.ASSIGNMENTS: Phase.ROUND_1,
    Setting.RULES: Phase.ROUND_2,
    Setting.DEADLINES: Phase.ROUND_2,
    Setting.CRLS: Phase.ROUND_2,
}


def allowed(ctx: RoundContext, setting: Setting) -> Msg | None:
    """None when the round's phase still allows changing ``setting``, else why not."""
    sentence = is_read_only(ctx)
    if sentence is not None:
        return sentence
    phase = round_info(ctx).phase
    last = _LAST_PHASE[setting]
    if PHASE_ORDER.index(phase) <= PHASE_ORDER.index(last):
        return None
    if setting in (Setting.UNITS, Setting.MEMBERS):  # services.roster still corrects them
        return Msg(
            f"Giai đoạn “{phase.label.vi}”: chỉ thêm được đến giai đoạn “{last.label.vi}”; "
            "vẫn sửa được tên (Sửa…) và xóa được mục chưa có dữ liệu nào (Xóa).",
            f"Phase “{phase.label.en}”: adding is possible only up to “{last.label.en}”; "
            "names can still be corrected (Edit…) and an entry nothing refers to removed (Remove).",
        )
    return Msg(
        f"Giai đoạn “{phase.label.vi}”: chỉ thay đổi được đến giai đoạn “{last.label.vi}”.",
        f"Phase “{phase.label.en}”: this can be changed only up to “{last.label.en}”.",
    )


# -- deadlines ----------------------------------------------------------------------------------


def deadlines(ctx: RoundContext) -> dict[Phase, date]:
    """The deadline set for each phase (phases without one are absent)."""
    with ctx.db.transaction() as s:
        stored = setting_store.get(s, DEADLINES_KEY, {}) or {}
    return {
        Phase(k): date.fromisoformat(v)
        for k, v in stored.items()
        if k in Phase.__members__.values()
    }


def set_deadline(ctx: RoundContext, phase: Phase, when: date | None) -> bool:
    """Set (or with None remove) the deadline of ``phase``; audited. False when unchanged.

    Raises:
        ValidationError: a deadline before the previous phase's deadline.
    """
    with ctx.db.transaction() as s:
        stored = dict(setting_store.get(s, DEADLINES_KEY, {}) or {})
        old = stored.get(phase.value)
        if when is None:
            stored.pop(phase.value, None)
        else:
            index = PHASE_ORDER.index(phase)
            earlier = [
                date.fromisoformat(stored[p.value])
                for p in PHASE_ORDER[:index]
                if p.value in stored
            ]
            if earlier and when < max(earlier):
                raise ValidationError(
                    Msg(
                        f"Hạn của giai đoạn “{phase.label.vi}” ({when:%d/%m/%Y}) sớm hơn hạn của "
                        f"giai đoạn trước ({max(earlier):%d/%m/%Y}).",
                        f"The deadline of “{phase.label.en}” ({when:%d/%m/%Y}) is before the "
                        f"previous phase's ({max(earlier):%d/%m/%Y}).",
                    )
                )
            stored[phase.value] = when.isoformat()
        new = stored.get(phase.value)
        if old == new:
            return False
        setting_store.put(s, DEADLINES_KEY, stored, at=ctx.now(), by=ctx.actor)
        round_store.audit(
            s,
            at=ctx.now(),
            actor=ctx.actor,
            action="round_settings",
            field=f"deadline:{phase.value}",
            old=old,
            new=new,
        )
    return True


# -- units workbook preview ---------------------------------------------------------------------


@dataclass(frozen=True)
class UnitsPreview:
    """What importing a units workbook would add, or every problem found (then nothing)."""

    rows: tuple[UnitRow, ...]
    problems: tuple[Problem, ...]
    error: ImportFormatError | None = None


def preview_units(ctx: RoundContext, xlsx: Path) -> UnitsPreview:
    """Read a units workbook without storing anything."""
    try:
        rows = read_units(xlsx, ctx.criteria_set(), ranking_settings.ranking_groups(ctx))
    except ImportFormatError as exc:
        return UnitsPreview((), exc.problems, exc)
    return UnitsPreview(tuple(rows), ())


# -- a member's certificate from a token -------------------------------------------------------


def token_certificates(module: Path) -> list[pkcs11_tokens.TokenCertificate]:
    """The certificates on every token of ``module`` (public objects: no PIN asked).

    Raises:
        SignatureError: the module cannot be loaded.
        ValidationError: no token is plugged in, or no token holds a certificate.
    """
    tokens = [t for t in pkcs11_tokens.list_tokens(module) if t.initialized]
    if not tokens:
        raise ValidationError(
            Msg(
                "Không thấy token nào đang cắm vào máy (hoặc token chưa được khởi tạo).",
                "No token is plugged in (or the token is not initialised).",
            )
        )
    found: list[pkcs11_tokens.TokenCertificate] = []
    for token in tokens:
        found.extend(
            c for c in pkcs11_tokens.list_certificates(module, token.label)
            if not _is_ca(c.certificate)
        )  # fmt: skip
    if not found:
        raise ValidationError(
            Msg(
                "Token không có chứng thư số nào dùng được để ký.",
                "The token holds no usable signing certificate.",
            )
        )
    return found


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def certificate_from_token(cert: pkcs11_tokens.TokenCertificate, at: object) -> MemberCertificate:
    """A token certificate, checked to be registrable now (``at``: an aware datetime).

    Raises:
        ValidationError: expired or not yet valid.
    """
    der = cert.certificate.public_bytes(serialization.Encoding.DER)
    _check_registrable(der, at)  # type: ignore[arg-type]
    return MemberCertificate(der, cert.info)


def fingerprint(der: bytes) -> str:
    """SHA-256 of a certificate, as the round stores it."""
    return hashlib.sha256(der).hexdigest()


# -- packages: sent, submitted, due -------------------------------------------------------------


@dataclass(frozen=True)
class SentPackage:
    """A package built for a member (from the audit trail)."""

    member_id: str
    at: str
    file_name: str
    package_id: str


@dataclass(frozen=True)
class MemberStatus:
    """One member's line of the completeness view."""

    member_id: str
    name: str
    sent: SentPackage | None
    sent_count: int
    submitted_cells: int
    partial_cells: int
    missing_cells: int
    due: date | None
    """The deadline of the current phase (None: not set)."""


def sent_packages(ctx: RoundContext) -> list[SentPackage]:
    """Every package built for a member, oldest first."""
    return [
        SentPackage(r.field, r.at, r.source, r.new)
        for r in audit_rows(ctx)
        if r.action == "build_package"
    ]


def member_statuses(ctx: RoundContext) -> list[MemberStatus]:
    """For each member: the last package sent, how many (unit, area) cells are submitted,
    partial or missing, and the current phase's deadline.

    Raises:
        ValidationError: a stored score is not a number (the results tab lists them).
    """
    try:
        matrix = results.completeness(ctx)
    except InvalidOperation:
        raise ValidationError(
            Msg(
                "Có điểm lưu trong đợt không phải là số nên chưa đếm được bài đã nộp; thẻ Kết quả "
                "liệt kê các điểm đó để sửa.",
                "Some stored scores are not numbers, so submissions cannot be counted yet; the "
                "Results tab lists them for correction.",
            )
        ) from None
    sent = sent_packages(ctx)
    due = deadlines(ctx).get(round_info(ctx).phase)
    out: list[MemberStatus] = []
    for member in matrix.members:
        mine = [p for p in sent if p.member_id == member.id]
        cells = [c for c in matrix.cells.values() if c.member_id == member.id]
        out.append(
            MemberStatus(
                member.id,
                member.name,
                mine[-1] if mine else None,
                len(mine),
                sum(1 for c in cells if c.state is CellState.SUBMITTED),
                sum(1 for c in cells if c.state is CellState.PARTIAL),
                sum(1 for c in cells if c.state is CellState.MISSING),
                due,
            )
        )
    return out


def member_ids_in_order(ctx: RoundContext) -> Sequence[str]:
    """The members' ids in list order."""
    with ctx.db.transaction() as s:
        return [m.id for m in round_store.members(s)]


# -- assignments --------------------------------------------------------------------------------


def assignments(ctx: RoundContext) -> tuple[Assignment, ...]:
    """Every stored assignment (a member without any scores everything)."""
    with ctx.db.transaction() as s:
        return round_store.assignments(s)


def areas(ctx: RoundContext) -> list[tuple[str, str]]:
    """(code, name) of the set's areas the council scores (top-level, not bonus or penalty)."""
    return [(n.code, n.name) for n in ctx.criteria_set().nodes if n.role is Role.NORMAL]


def one_appraiser_per_area(ctx: RoundContext) -> dict[str, set[str]]:
    """The default plan: the areas dealt in turn to the members who score (not secretaries),
    one appraiser per area: member id -> area codes."""
    scorers = [m.id for m in list_members(ctx) if m.role is not MemberRole.SECRETARY]
    plan: dict[str, set[str]] = {m: set() for m in scorers}
    for index, (code, _name) in enumerate(areas(ctx)):
        if scorers:
            plan[scorers[index % len(scorers)]].add(code)
    return plan


def apply_assignments(ctx: RoundContext, plan: dict[str, tuple[set[str], set[str]]]) -> list[str]:
    """Store each member's (units, areas) in one step per member (each audited); "all units"
    and "all areas" are stored as such. Members left with no unit or no area are not assigned
    (a secretary then scores nothing).

    Returns:
        The ids of the members who were assigned.

    Raises:
        ValidationError: a member who scores (not a secretary) has no unit or no area; nothing
            was changed.
    """
    all_units = {u.id for u in list_units(ctx)}
    all_areas = {code for code, _ in areas(ctx)}
    members = {m.id: m for m in list_members(ctx)}
    empty = [
        members[m].name
        for m, (units, codes) in plan.items()
        if (not units or not codes) and members[m].role is not MemberRole.SECRETARY
    ]
    if empty:
        raise ValidationError(
            Msg(
                f"Thành viên chưa được phân công đơn vị hoặc lĩnh vực nào: {', '.join(empty)}.",
                f"Members with no unit or no area to score: {', '.join(empty)}.",
            )
        )
    done = []
    for member_id, (units, codes) in plan.items():
        if not units or not codes:
            continue
        assign(
            ctx,
            member_id,
            None if units >= all_units else sorted(units),
            None if codes >= all_areas else sorted(codes),
        )
        done.append(member_id)
    return done
