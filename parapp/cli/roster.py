"""``parapp round unit-edit|unit-remove|member-edit|member-remove``: correct the round's roster
(``services.roster``). A refusal names every thing that stands in the way; exit 1, nothing
changed."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from parapp.cli.session import open_as_user
from parapp.core.messages import Lang, Msg
from parapp.core.rounds import Member, Unit
from parapp.services import roster, rounds


def add_actions(sub: Any) -> None:
    """Register the four actions under ``parapp round``."""
    unit_edit = sub.add_parser(
        "unit-edit",
        help="rename a unit or change its type",
        description="Rename a unit, or change its unit type while nothing scored or "
        "self-assessed depends on the type. Allowed until the round is frozen.",
    )
    unit_edit.add_argument("round", type=Path, metavar="ROUND")
    unit_edit.add_argument("unit_id", metavar="UNIT_ID", help="the unit's id")
    unit_edit.add_argument("--name", help="the unit's new name")
    unit_edit.add_argument(
        "--type", dest="unit_type", metavar="UNIT_TYPE", help="the new unit type code of the set"
    )
    unit_edit.set_defaults(handler=_unit_edit)

    unit_remove = sub.add_parser(
        "unit-remove",
        help="remove a unit nothing refers to",
        description="Remove a unit with its assignments, only while nothing refers to it "
        "(self-assessment, evidence, scores, packages, notices, explanations, meeting items); "
        "a refusal lists every thing that does.",
    )
    unit_remove.add_argument("round", type=Path, metavar="ROUND")
    unit_remove.add_argument("unit_id", metavar="UNIT_ID", help="the unit's id")
    unit_remove.set_defaults(handler=_unit_remove)

    member_edit = sub.add_parser(
        "member-edit",
        help="rename a council member or change their title",
        description="Rename a council member or change their title. Allowed until the round "
        "is frozen.",
    )
    member_edit.add_argument("round", type=Path, metavar="ROUND")
    member_edit.add_argument("member_id", metavar="MEMBER_ID", help="the member's id")
    member_edit.add_argument("--name", help="the member's new full name")
    member_edit.add_argument("--title", metavar="JOB_TITLE", help="the member's new title")
    member_edit.set_defaults(handler=_member_edit)

    member_remove = sub.add_parser(
        "member-remove",
        help="remove a council member nothing refers to",
        description="Remove a council member with their assignments, only while nothing refers "
        "to them (scores, packages, submissions, meetings, documents to sign); a refusal lists "
        "every thing that does.",
    )
    member_remove.add_argument("round", type=Path, metavar="ROUND")
    member_remove.add_argument("member_id", metavar="MEMBER_ID", help="the member's id")
    member_remove.set_defaults(handler=_member_remove)


def _unit_line(unit: Unit, lang: Lang) -> str:
    return Msg(
        f"Đơn vị {unit.id}: {unit.name} (loại {unit.unit_type}, nhóm {unit.ranking_group}).\n",
        f"Unit {unit.id}: {unit.name} (type {unit.unit_type}, group {unit.ranking_group}).\n",
    ).get(lang)


def _member_line(member: Member, lang: Lang) -> str:
    title = f", {member.title}" if member.title else ""
    return Msg(
        f"Thành viên {member.id}: {member.name}{title}.\n",
        f"Member {member.id}: {member.name}{title}.\n",
    ).get(lang)


def _unchanged(lang: Lang) -> str:
    return Msg("Không có gì thay đổi.\n", "Nothing changed.\n").get(lang)


def _unit_edit(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    with open_as_user(args.round) as ctx:
        before = {u.id: u for u in rounds.list_units(ctx)}.get(args.unit_id)
        unit = roster.edit_unit(ctx, args.unit_id, name=args.name, unit_type=args.unit_type)
    out.write(_unchanged(lang) if unit == before else Msg("Đã sửa. ", "Changed. ").get(lang))
    out.write(_unit_line(unit, lang))
    return 0


def _unit_remove(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    with open_as_user(args.round) as ctx:
        gone = roster.remove_unit(ctx, args.unit_id)
    out.write(
        Msg(
            f"Đã xóa đơn vị {gone.id} ({gone.name}) và {gone.assignments} dòng phân công.\n",
            f"Removed unit {gone.id} ({gone.name}) and {gone.assignments} assignment row(s).\n",
        ).get(lang)
    )
    return 0


def _member_edit(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    with open_as_user(args.round) as ctx:
        before = {m.id: m for m in rounds.list_members(ctx)}.get(args.member_id)
        member = roster.edit_member(ctx, args.member_id, name=args.name, title=args.title)
    out.write(_unchanged(lang) if member == before else Msg("Đã sửa. ", "Changed. ").get(lang))
    out.write(_member_line(member, lang))
    return 0


def _member_remove(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    with open_as_user(args.round) as ctx:
        gone = roster.remove_member(ctx, args.member_id)
    out.write(
        Msg(
            f"Đã xóa thành viên {gone.id} ({gone.name}) và {gone.assignments} dòng phân công.\n",
            f"Removed member {gone.id} ({gone.name}) and {gone.assignments} assignment row(s).\n",
        ).get(lang)
    )
    return 0
