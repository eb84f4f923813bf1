"""Command-line commands for rounds and packages: set-up, phases, summaries, member packages.

Kept apart from ``cli.py`` (parser root and criteria commands) so neither grows into a grab-bag;
both call the same services as the GUI.
"""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path
from typing import Any, TextIO

from parapp.core.messages import Lang, Msg
from parapp.core.rounds import ROLE_LABELS, MemberRole, Phase
from parapp.services import criteria_sets, packages, rounds, self_assessment
from parapp.services.context import RoundContext, open_round

Commands = Any  # argparse's private _SubParsersAction


def _actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user database entry (containers)
        return ""


def _open(path: Path) -> RoundContext:
    return open_round(path, actor=_actor())


def add_commands(commands: Commands) -> None:
    """Register ``parapp round …`` under the root parser's sub-commands."""
    round_parser = commands.add_parser(
        "round",
        help="appraisal rounds: create, units, members, phases",
        description="Set up and follow a year's appraisal round (a .parround file).",
    )
    sub = round_parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    create = sub.add_parser(
        "create",
        help="create a round from a criteria set",
        description="Create ROUND.parround holding a frozen copy of the criteria set.",
    )
    create.add_argument("round", type=Path, metavar="ROUND")
    create.add_argument(
        "--criteria", required=True, metavar="FORM_ID", help="bundled form id or .json/.xlsx file"
    )
    create.add_argument("--name", required=True, help="the round's name")
    create.set_defaults(handler=_create)

    show = sub.add_parser(
        "show", help="summarise a round", description="Phase, units, members and assignments."
    )
    show.add_argument("round", type=Path, metavar="ROUND")
    show.set_defaults(handler=_show)

    unit = sub.add_parser("add-unit", help="add a unit", description="Add one appraised unit.")
    unit.add_argument("round", type=Path, metavar="ROUND")
    unit.add_argument("--id", required=True, dest="unit_id", help="short code, e.g. STP")
    unit.add_argument("--name", required=True, help="full name, e.g. Sở Tư pháp")
    unit.add_argument("--type", required=True, dest="unit_type", help="unit type code of the set")
    unit.set_defaults(handler=_add_unit)

    member = sub.add_parser(
        "add-member", help="add a council member", description="Add a council member."
    )
    member.add_argument("round", type=Path, metavar="ROUND")
    member.add_argument("--id", required=True, dest="member_id")
    member.add_argument("--name", required=True)
    member.add_argument("--title", default="")
    member.add_argument(
        "--role", choices=[r.value for r in MemberRole], default=MemberRole.MEMBER.value
    )
    member.add_argument(
        "--certificate", type=Path, help="the member's signing certificate (DER or PEM file)"
    )
    member.set_defaults(handler=_add_member)

    assign = sub.add_parser(
        "assign",
        help="assign units and areas to a member",
        description="Set which units and areas a member scores (default: all of both).",
    )
    assign.add_argument("round", type=Path, metavar="ROUND")
    assign.add_argument("--member", required=True)
    assign.add_argument("--units", help="comma-separated unit ids (default: all)")
    assign.add_argument("--areas", help="comma-separated area codes (default: all)")
    assign.set_defaults(handler=_assign)

    phase = sub.add_parser(
        "phase",
        help="move the round to the next phase (or reopen one)",
        description="Phases: " + ", ".join(p.value for p in Phase) + ".",
    )
    phase.add_argument("round", type=Path, metavar="ROUND")
    phase.add_argument("phase", choices=[p.value for p in Phase])
    phase.add_argument("--note", default="", help="reason (required to reopen)")
    phase.set_defaults(handler=_phase)

    package_parser = commands.add_parser(
        "package",
        help="member packages: build for a member, open into a workspace",
        description="Member packages (.parpkg): what the secretary hands each council member.",
    )
    pkg = package_parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    build = pkg.add_parser(
        "build",
        help="build a member's package from the round",
        description="Write the member's units, self-assessments and cited evidence to a .parpkg.",
    )
    build.add_argument("round", type=Path, metavar="ROUND")
    build.add_argument("--member", required=True)
    build.add_argument(
        "-o", "--out", type=Path, required=True, help="FILE.parpkg, or a folder to write into"
    )
    build.set_defaults(handler=_package_build)
    opening = pkg.add_parser(
        "open",
        help="open a package into a member workspace",
        description="Verify every hash of FILE.parpkg and create the member's workspace in DIR.",
    )
    opening.add_argument("package", type=Path, metavar="FILE")
    opening.add_argument("--workspace", type=Path, required=True, metavar="DIR")
    opening.set_defaults(handler=_package_open)


def _split(text: str | None) -> list[str] | None:
    return None if text is None else [part.strip() for part in text.split(",") if part.strip()]


def _create(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    criteria_set = criteria_sets.resolve(args.criteria)
    with rounds.create_round(args.round, criteria_set, args.name, actor=_actor()) as ctx:
        info = rounds.round_info(ctx)
    out.write(
        Msg(
            f"Đã tạo đợt “{info.name}” ({info.form_id}, phiên bản {info.form_version}): "
            f"{args.round}\n",
            f"Created round “{info.name}” ({info.form_id}, version {info.form_version}): "
            f"{args.round}\n",
        ).get(lang)
    )
    return 0


def _show(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    vi = lang is Lang.VI
    with _open(args.round) as ctx:
        info = rounds.round_info(ctx)
        units = rounds.list_units(ctx)
        members = rounds.list_members(ctx)
        scopes = {m.id: rounds.member_scope(ctx, m.id) for m in members}
        declared = {u.id: len(self_assessment.load_self_assessment(ctx, u.id)) for u in units}
    out.write(f"{info.name} — {info.form_id} {info.form_version}\n")
    out.write(f"  {'Giai đoạn' if vi else 'Phase'}: {info.phase.label.get(lang)}\n")
    out.write(f"  {'Đơn vị' if vi else 'Units'} ({len(units)}):\n")
    items = "mục tự chấm" if vi else "self-assessed items"
    for u in units:
        out.write(
            f"    {u.id}\t{u.name}\t{u.unit_type}\t{u.ranking_group}\t{declared[u.id]} {items}\n"
        )
    out.write(f"  {'Thành viên' if vi else 'Members'} ({len(members)}):\n")
    for m in members:
        scope = scopes[m.id]
        covered = sum(1 for areas in scope.values() if areas is None or areas)
        out.write(
            f"    {m.id}\t{m.name}\t{ROLE_LABELS[m.role].get(lang)}\t"
            f"{covered} {'đơn vị' if vi else 'units'}\n"
        )
    return 0


def _add_unit(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    with _open(args.round) as ctx:
        unit = rounds.add_unit(ctx, args.unit_id, args.name, args.unit_type)
    out.write(Msg(f"Đã thêm đơn vị {unit.id}.\n", f"Added unit {unit.id}.\n").get(lang))
    return 0


def _add_member(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    certificate = args.certificate.read_bytes() if args.certificate else None
    with _open(args.round) as ctx:
        member = rounds.add_member(
            ctx, args.member_id, args.name, args.title, MemberRole(args.role), certificate
        )
    out.write(Msg(f"Đã thêm thành viên {member.id}.\n", f"Added member {member.id}.\n").get(lang))
    return 0


def _assign(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    with _open(args.round) as ctx:
        rows = rounds.assign(ctx, args.member, _split(args.units), _split(args.areas))
    out.write(
        Msg(
            f"Đã phân công {len(rows)} dòng cho {args.member}.\n",
            f"Assigned {len(rows)} row(s) to {args.member}.\n",
        ).get(lang)
    )
    return 0


def _phase(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    with _open(args.round) as ctx:
        event = rounds.advance_phase(ctx, Phase(args.phase), args.note)
    out.write(
        Msg(
            f"Đã chuyển sang giai đoạn “{event.to_phase.label.vi}”.\n",
            f"Moved to phase “{event.to_phase.label.en}”.\n",
        ).get(lang)
    )
    return 0


def _package_build(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    with _open(args.round) as ctx:
        built = packages.build_member_package(ctx, args.member, args.out)
    out.write(
        Msg(
            f"Đã tạo gói {built.path} cho {args.member}: {len(built.unit_ids)} đơn vị, "
            f"{built.self_assessments} mục tự chấm, {built.evidence_files} tệp kiểm chứng.\n",
            f"Built {built.path} for {args.member}: {len(built.unit_ids)} unit(s), "
            f"{built.self_assessments} self-assessed item(s), {built.evidence_files} evidence "
            "file(s).\n",
        ).get(lang)
    )
    return 0


def _package_open(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    with packages.open_member_package(args.package, args.workspace, actor=_actor()) as ctx:
        info = rounds.round_info(ctx)
        units = rounds.list_units(ctx)
        path = ctx.path
    out.write(
        Msg(
            f"Đã mở gói của {info.workspace_member_id}: {path} ({len(units)} đơn vị, "
            f"giai đoạn “{info.phase.label.vi}”).\n",
            f"Opened the package of {info.workspace_member_id}: {path} ({len(units)} unit(s), "
            f"phase “{info.phase.label.en}”).\n",
        ).get(lang)
    )
    return 0
