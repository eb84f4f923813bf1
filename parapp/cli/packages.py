"""``parapp package build|open``: the member's package (.parpkg) the secretary hands each
council member, and opening it into the member's workspace."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from parapp.cli.session import Commands, current_user, open_as_user
from parapp.core.messages import Lang, Msg
from parapp.services import packages, rounds


def add_commands(commands: Commands) -> None:
    """Register ``parapp package build|open``."""
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


def _package_build(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    with open_as_user(args.round) as ctx:
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
    with packages.open_member_package(args.package, args.workspace, actor=current_user()) as ctx:
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
