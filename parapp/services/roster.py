"""Correcting the round's roster: rename a unit or change its type, rename a member or change
their title, remove a unit or a member.

Allowed in any phase until the round is frozen (and never in a round another parapp holds, nor
in a member's workspace). A unit's type changes only while nothing scored or self-assessed
depends on it; a unit or a member is removed only while nothing refers to it but assignments,
which go with it. A refusal names every thing that refers to it. Each change is one
transaction with its audit row; a renamed unit shows its new name everywhere from then on,
while documents already issued (files) stay as they were.
"""

from __future__ import annotations

from dataclasses import dataclass

from parapp.core.criteria import CriteriaSet
from parapp.core.criteria_build import nfc
from parapp.core.errors import ValidationError
from parapp.core.messages import Msg
from parapp.core.ranking import group_code
from parapp.core.rounds import Member, Phase, RoundKind, Unit
from parapp.services import ranking_settings
from parapp.services.context import RoundContext
from parapp.store import roster as roster_store
from parapp.store import rounds as round_store
from parapp.store.database import StoreSession as Session
from parapp.store.read_only import read_only_sentence

_Noun = tuple[str, str, str]
"""Vietnamese, English singular, English plural."""

UNIT_REFERENCES: dict[str, _Noun] = {
    "self_assessment": ("điểm tự đánh giá", "self-assessed score", "self-assessed scores"),
    "evidence": (
        "tài liệu kiểm chứng được trích dẫn",
        "cited evidence document",
        "cited evidence documents",
    ),
    "score": (
        "điểm chấm của thành viên Hội đồng",
        "council member's score",
        "council members' scores",
    ),
    "component": (
        "điểm điều tra, đánh giá đã nhập",
        "imported survey or agency point",
        "imported survey or agency points",
    ),
    "resolution": (
        "quyết định điểm của thư ký",
        "secretary's score decision",
        "secretary's score decisions",
    ),
    "import": ("tệp đã nhập", "imported file", "imported files"),
    "package": ("gói chấm điểm đã gửi", "sent scoring package", "sent scoring packages"),
    "offered": (
        "tệp phiếu chấm đã nộp về",
        "score file offered to the merge",
        "score files offered to the merge",
    ),
    "notice": (
        "thông báo kết quả thẩm định lần 1 đã phát hành",
        "issued round-1 notice",
        "issued round-1 notices",
    ),
    "explanation": (
        "mẫu giải trình đã nhập",
        "imported explanation form",
        "imported explanation forms",
    ),
    "referral": ("mục đưa ra Hội đồng", "item sent to the council", "items sent to the council"),
    "meeting_item": (
        "mục đã quyết định tại cuộc họp",
        "item decided at a meeting",
        "items decided at a meeting",
    ),
    "vote": ("phiếu biểu quyết", "vote", "votes"),
    "external": (
        "văn bản đã xuất để ký bằng công cụ khác",
        "document exported for signing",
        "documents exported for signing",
    ),
}

MEMBER_REFERENCES: dict[str, _Noun] = {
    "score": ("điểm đã chấm", "merged score", "merged scores"),
    "package": ("gói chấm điểm đã gửi", "sent scoring package", "sent scoring packages"),
    "submission": ("phiếu chấm đã nộp", "submission", "submissions"),
    "offered": (
        "tệp phiếu chấm đã nộp về",
        "score file offered to the merge",
        "score files offered to the merge",
    ),
    "meeting": (
        "cuộc họp do thành viên chủ trì hoặc làm thư ký",
        "meeting chaired or recorded by them",
        "meetings chaired or recorded by them",
    ),
    "attendance": (
        "lượt dự họp đã ghi",
        "recorded meeting attendance",
        "recorded meeting attendances",
    ),
    "vote": ("phiếu biểu quyết", "vote", "votes"),
    "external": (
        "văn bản ký bằng công cụ khác",
        "document to sign with another tool",
        "documents to sign with another tool",
    ),
    "signed_return": (
        "văn bản đã ký gửi lại",
        "signed document brought back",
        "signed documents brought back",
    ),
    "signature_image": ("ảnh chữ ký đã lưu", "stored signature image", "stored signature images"),
}


@dataclass(frozen=True)
class Removed:
    """What a removal took away: the unit's or member's id and name, and its assignment rows."""

    id: str
    name: str
    assignments: int


# -- the sentences ------------------------------------------------------------------------------


def _join(parts: list[str], last: str) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} {last} {parts[-1]}"


def describe_references(references: roster_store.References, nouns: dict[str, _Noun]) -> Msg:
    """``12 điểm tự đánh giá và 1 gói chấm điểm đã gửi`` / ``12 self-assessed scores and 1 sent
    scoring package``."""
    vi = [f"{count} {nouns[kind][0]}" for kind, count in references]
    en = [f"{count} {nouns[kind][1 if count == 1 else 2]}" for kind, count in references]
    return Msg(_join(vi, "và"), _join(en, "and"))


def _check_writable(ctx: RoundContext, s: Session) -> None:
    sentence = read_only_sentence(ctx.db)
    if sentence is not None:
        raise ValidationError(sentence)
    info = round_store.info(s)
    if info.kind is RoundKind.WORKSPACE:
        raise ValidationError(
            Msg(
                "Đây là vùng làm việc của một thành viên: đơn vị và thành viên Hội đồng do thư ký "
                "sửa trong tệp của đợt thẩm định.",
                "This is a member's workspace: the secretary corrects units and members in the "
                "round's own file.",
            )
        )
    if info.phase is Phase.FROZEN:
        raise ValidationError(
            Msg(
                "Đợt thẩm định đã chốt điểm: không sửa, không xóa được đơn vị hay thành viên Hội "
                "đồng. Muốn sửa, hãy mở lại giai đoạn trước (parapp round phase ĐỢT round_2 "
                '--note "lý do"); việc mở lại được ghi nhật ký.',
                "The round is frozen: units and council members can no longer be corrected or "
                "removed. To correct one, reopen an earlier phase "
                '(parapp round phase ROUND round_2 --note "reason"); the reopening is audited.',
            )
        )


def _unit(s: Session, unit_id: str) -> Unit:
    unit = round_store.unit(s, unit_id)
    if unit is None:
        raise ValidationError(
            Msg(f"Không có đơn vị “{unit_id}”.", f"There is no unit “{unit_id}”.")
        )
    return unit


def _member(s: Session, member_id: str) -> Member:
    member = round_store.member(s, member_id)
    if member is None:
        raise ValidationError(
            Msg(f"Không có thành viên “{member_id}”.", f"There is no member “{member_id}”.")
        )
    return member


def _nothing_given() -> ValidationError:
    return ValidationError(Msg("Chưa nêu điều gì cần sửa.", "Nothing to change was given."))


def editable(ctx: RoundContext) -> Msg | None:
    """None when the roster may be corrected now, else why not (read-only, workspace, frozen)."""
    try:
        with ctx.db.transaction() as s:
            _check_writable(ctx, s)
    except ValidationError as exc:
        return exc.msg
    return None


# -- units --------------------------------------------------------------------------------------


def edit_unit(
    ctx: RoundContext, unit_id: str, *, name: str | None = None, unit_type: str | None = None
) -> Unit:
    """Rename the unit and/or change its type (its ranking group follows the type); audited,
    all or nothing. Unchanged values are not recorded.

    Raises:
        ValidationError: read-only, workspace or frozen round; unknown unit; empty name; a type
            the set does not know; a type change while something scored or self-assessed depends
            on the type (every such thing named); nothing given.
    """
    if name is None and unit_type is None:
        raise _nothing_given()
    criteria_set = ctx.criteria_set()
    with ctx.db.transaction() as s:
        _check_writable(ctx, s)
        unit = _unit(s, unit_id)
        new_name = unit.name if name is None else nfc(name)
        if not new_name:
            raise ValidationError(
                Msg(f"Đơn vị “{unit_id}” chưa có tên.", f"Unit “{unit_id}” has no name.")
            )
        new_type = unit.unit_type if unit_type is None else unit_type.strip()
        if new_type != unit.unit_type:
            _check_type_change(s, unit, new_type, criteria_set)
            group = group_code(ranking_settings.stored_groups(s, criteria_set), new_type)
            roster_store.set_unit_type(s, unit_id, new_type, group)
            round_store.audit(
                s, at=ctx.now(), actor=ctx.actor, action="change_unit_type",
                unit_id=unit_id, old=unit.unit_type, new=new_type,
            )  # fmt: skip
        if new_name != unit.name:
            roster_store.rename_unit(s, unit_id, new_name)
            round_store.audit(
                s, at=ctx.now(), actor=ctx.actor, action="rename_unit",
                unit_id=unit_id, old=unit.name, new=new_name,
            )  # fmt: skip
        return _unit(s, unit_id)


def _check_type_change(s: Session, unit: Unit, new_type: str, criteria_set: CriteriaSet) -> None:
    types = {t.code: t.label for t in criteria_set.unit_types}
    if new_type not in types:
        raise ValidationError(
            Msg(
                f"Loại đơn vị “{new_type}” không có trong bộ tiêu chí "
                f"(có: {', '.join(sorted(types))}).",
                f"Unit type “{new_type}” is not in the criteria set "
                f"(known: {', '.join(sorted(types))}).",
            )
        )
    locked = _type_locked(s, unit, types)
    if locked is not None:
        raise ValidationError(locked)


def _type_locked(s: Session, unit: Unit, types: dict[str, str]) -> Msg | None:
    references = roster_store.unit_references(s, unit.id)
    if not references:
        return None
    what = describe_references(references, UNIT_REFERENCES)
    old = f"“{types.get(unit.unit_type, unit.unit_type)}” ({unit.unit_type})"
    return Msg(
        f"Không đổi được loại của đơn vị {unit.id}: {what.vi} đã dựa trên loại {old}.",
        f"Cannot change the type of unit {unit.id}: {what.en} already depend on the type {old}.",
    )


def type_locked(ctx: RoundContext, unit_id: str) -> Msg | None:
    """Why the unit's type cannot change now (what depends on it), or None."""
    types = {t.code: t.label for t in ctx.criteria_set().unit_types}
    with ctx.db.transaction() as s:
        return _type_locked(s, _unit(s, unit_id), types)


def remove_unit(ctx: RoundContext, unit_id: str) -> Removed:
    """Remove a unit nothing refers to, with its assignments; audited, all or nothing.

    Raises:
        ValidationError: read-only, workspace or frozen round; unknown unit; anything that refers
            to the unit (every kind named with its count); a member whose only assignment is this
            unit (removing it would have them score every unit).
    """
    with ctx.db.transaction() as s:
        _check_writable(ctx, s)
        unit = _unit(s, unit_id)
        references = roster_store.unit_references(s, unit_id)
        if references:
            what = describe_references(references, UNIT_REFERENCES)
            raise ValidationError(
                Msg(
                    f"Đơn vị {unit_id} đã có {what.vi}; không xóa được.",
                    f"Unit {unit_id} already has {what.en}; it cannot be removed.",
                )
            )
        alone = roster_store.members_left_without_assignment(s, unit_id)
        if alone:
            names = ", ".join(_member(s, m).name + f" ({m})" for m in alone)
            raise ValidationError(
                Msg(
                    f"Đơn vị {unit_id} là đơn vị duy nhất được phân công cho {names}; xóa nó thì "
                    "thành viên đó sẽ chấm mọi đơn vị. Hãy phân công lại trước, rồi xóa.",
                    f"Unit {unit_id} is the only unit assigned to {names}; removing it would have "
                    "them score every unit. Assign them again first, then remove it.",
                )
            )
        gone = roster_store.remove_unit(s, unit_id)
        round_store.audit(
            s, at=ctx.now(), actor=ctx.actor, action="remove_unit",
            unit_id=unit_id, old=unit.name, new=f"assignments={gone}",
        )  # fmt: skip
    return Removed(unit_id, unit.name, gone)


# -- members ------------------------------------------------------------------------------------


def edit_member(
    ctx: RoundContext, member_id: str, *, name: str | None = None, title: str | None = None
) -> Member:
    """Rename a council member and/or change their title; audited, all or nothing.

    Raises:
        ValidationError: read-only, workspace or frozen round; unknown member; empty name;
            nothing given.
    """
    if name is None and title is None:
        raise _nothing_given()
    with ctx.db.transaction() as s:
        _check_writable(ctx, s)
        member = _member(s, member_id)
        new_name = member.name if name is None else nfc(name)
        new_title = member.title if title is None else nfc(title)
        if not new_name:
            raise ValidationError(
                Msg("Tên thành viên đang để trống.", "The member's name is empty.")
            )
        roster_store.update_member(s, member_id, new_name, new_title)
        if new_name != member.name:
            round_store.audit(
                s, at=ctx.now(), actor=ctx.actor, action="rename_member",
                field=member_id, old=member.name, new=new_name,
            )  # fmt: skip
        if new_title != member.title:
            round_store.audit(
                s, at=ctx.now(), actor=ctx.actor, action="change_member_title",
                field=member_id, old=member.title, new=new_title,
            )  # fmt: skip
        return _member(s, member_id)


def remove_member(ctx: RoundContext, member_id: str) -> Removed:
    """Remove a council member nothing refers to, with their assignments; audited, all or
    nothing.

    Raises:
        ValidationError: read-only, workspace or frozen round; unknown member; anything that
            refers to the member (every kind named with its count).
    """
    with ctx.db.transaction() as s:
        _check_writable(ctx, s)
        member = _member(s, member_id)
        references = roster_store.member_references(s, member_id)
        if references:
            what = describe_references(references, MEMBER_REFERENCES)
            raise ValidationError(
                Msg(
                    f"Thành viên {member_id} đã có {what.vi}; không xóa được.",
                    f"Member {member_id} already has {what.en}; they cannot be removed.",
                )
            )
        gone = roster_store.remove_member(s, member_id)
        round_store.audit(
            s, at=ctx.now(), actor=ctx.actor, action="remove_member",
            field=member_id, old=member.name, new=f"assignments={gone}",
        )  # fmt: skip
    return Removed(member_id, member.name, gone)
