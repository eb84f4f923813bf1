"""``parapp demo OUTDIR``: build the demo appraisal year (rounds, evidence, member packages)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from parapp.cli.session import Commands
from parapp.core.messages import Lang, Msg
from parapp.services.demo import year as demo


def add_commands(commands: Commands) -> None:
    """Register ``parapp demo``."""
    demo_parser = commands.add_parser(
        "demo",
        help="build the demo rounds, evidence and member packages",
        description=(
            "Build, deterministically, the demo appraisal year in OUTDIR (which must be empty "
            "or absent): a department and a district round with units, council, "
            "self-assessments, evidence PDFs, survey results and one package per member."
        ),
    )
    demo_parser.add_argument("outdir", type=Path, metavar="OUTDIR")
    demo_parser.set_defaults(handler=_demo)


def _demo(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    result = demo.build_demo(args.outdir, submissions=True)
    for built in result.rounds:
        out.write(
            Msg(
                f"{built.path}: {built.units} đơn vị, {built.members} thành viên, "
                f"{built.self_entries} mục tự chấm, {built.evidence_files} tệp kiểm chứng, "
                f"{built.components} kết quả điều tra, {len(built.packages)} gói.\n",
                f"{built.path}: {built.units} units, {built.members} members, "
                f"{built.self_entries} self-assessed items, {built.evidence_files} evidence "
                f"files, {built.components} survey results, {len(built.packages)} packages.\n",
            ).get(lang)
        )
    return 0
