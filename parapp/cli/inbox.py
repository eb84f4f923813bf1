"""``parapp inbox ROUND``: every file ever offered to the round's merge (file name, state,
reason, member, units, time, hash), and the resolution of a conflict by choosing a version."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from parapp.cli.session import Commands, open_as_user
from parapp.core.messages import Lang, Msg
from parapp.services import inbox, signing


def add_commands(commands: Commands) -> None:
    """Register ``inbox``."""
    parser = commands.add_parser(
        "inbox",
        help="list every file offered to the round's merge",
        description=(
            "Every .parscore ever offered to ROUND: merged, identical duplicate, superseded by a "
            "later version, refused (with the reason) or in conflict; with its member, units, "
            "time and SHA-256. With --choose or --keep, resolve a conflict (a reason is needed)."
        ),
    )
    parser.add_argument("round", type=Path, metavar="ROUND")
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--choose", type=int, metavar="N", help="merge conflicting file N in place of the current"
    )
    group.add_argument(
        "--keep", type=int, metavar="N", help="close conflict N keeping the current version"
    )
    parser.add_argument("--reason", default="", help="why (required with --choose or --keep)")
    parser.add_argument(
        "--ca", type=Path, action="append", default=[], metavar="FILE",
        help="extra trusted CA certificate (PEM/DER) for --choose; repeatable",
    )  # fmt: skip
    parser.set_defaults(handler=_inbox)


def _line(entry: inbox.InboxEntry, lang: Lang) -> str:
    o = entry.offer
    who = o.member_id or "-"
    units = ",".join(o.units) or "-"
    sha = (o.package_sha256 or "-")[:16]
    return (
        f"{o.id:>4}  {o.file_name}  [{entry.state.get(lang)}]  {who}  {units}  {o.offered_at}  "
        f"{sha}\n      {entry.reason.get(lang)}\n"
    )


def _inbox(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    with open_as_user(args.round) as ctx:
        if args.choose is not None or args.keep is not None:
            if args.choose is not None:
                trust = signing.trust_settings(args.ca)
                entry = inbox.choose_version(ctx, args.choose, args.reason, trust)
            else:
                entry = inbox.keep_current(ctx, args.keep, args.reason)
            out.write(_line(entry, lang))
            return 0
        entries = inbox.inbox(ctx)
    if not entries:
        out.write(
            Msg("Chưa có tệp nào được nộp vào đợt.\n", "No file was offered to the round.\n").get(
                lang
            )
        )
        return 0
    header = Msg(
        "   #  Tệp  [trạng thái]  thành viên  đơn vị  thời điểm  SHA-256\n",
        "   #  File  [state]  member  units  time  SHA-256\n",
    )
    out.write(header.get(lang))
    for entry in entries:
        out.write(_line(entry, lang))
    open_conflicts = sum(1 for e in entries if e.open_conflict)
    if open_conflicts:
        out.write(
            Msg(
                f"{open_conflicts} xung đột chờ thư ký chọn phiên bản "
                "(parapp inbox ROUND --choose N|--keep N --reason ...).\n",
                f"{open_conflicts} conflict(s) wait for the secretary to choose a version "
                "(parapp inbox ROUND --choose N|--keep N --reason ...).\n",
            ).get(lang)
        )
    return 0
