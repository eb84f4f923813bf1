"""The command line: the same services as the GUI, headless.

User errors go to stderr in the chosen language with exit status 1; anything else is a bug and
propagates with its traceback.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from parapp import __version__
from parapp.cli import criteria_diff as cli_criteria_diff
from parapp.core import criteria_stats
from parapp.core.criteria import Assessor, CriteriaSet, Role
from parapp.core.errors import UserFacingError
from parapp.core.messages import Lang, Msg
from parapp.core.numbers import format_score
from parapp.services import criteria_sets

log = logging.getLogger(__name__)

Handler = Callable[[argparse.Namespace, Lang, TextIO, TextIO], int]

ASSESSOR_LABELS = {
    Assessor.COUNCIL: Msg("hội đồng thẩm định", "council-appraised"),
    Assessor.SURVEY: Msg("điều tra XHH", "survey"),
    Assessor.AGENCY: Msg("cơ quan khác đánh giá", "assessed by another agency"),
    Assessor.LEADERSHIP: Msg("lãnh đạo tỉnh đánh giá", "assessed by the leadership"),
}


OPENABLE_SUFFIXES = (".parpkg", ".parround")
"""What ``parapp FILE`` opens in the desktop application."""


class ArgumentParser(argparse.ArgumentParser):
    """argparse's parser taking ``-0,5`` as a value, as it takes ``-1`` and ``-0.5``.

    Penalty items score below zero and a Vietnamese decimal has a comma, but argparse reads any
    other token starting with "-" as an unknown option (exit 2). No parapp option looks like a
    number, so such a token is always a value. ``add_subparsers`` builds every sub-command's
    parser with this class too (its ``parser_class`` defaults to the parent's type).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._negative_number_matcher = NEGATIVE_NUMBER


NEGATIVE_NUMBER = re.compile(r"^-\d+$|^-\d*[.,]\d+$")
"""A negative number as a value on the command line: -1, -0,5, -0.5, -,5."""


def build_parser(gui: bool = False) -> argparse.ArgumentParser:
    """The whole command tree; ``--help`` works on every level.

    ``gui=True`` gives the desktop application's form, ``parapp [options] FILE``, with no
    commands: argparse cannot tell a file from a command in the same position (``parse_args``
    chooses).
    """
    parser = ArgumentParser(
        prog="parapp",
        usage="%(prog)s [options] [FILE | COMMAND ...]",
        description=(
            "parapp: offline appraisal of the PAR Index (Chỉ số cải cách hành chính). "
            "Without a command it opens the desktop application: FILE (a scoring package "
            ".parpkg or a workspace .parround) when given, else the start page."
        ),
    )
    parser.add_argument("--version", action="version", version=f"parapp {__version__}")
    parser.add_argument(
        "--lang", choices=["vi", "en"], default="vi", help="interface language (default: vi)"
    )
    parser.add_argument(
        "--demo", action="store_true", help="open the app on the demo (built once per user)"
    )
    parser.add_argument("--debug", action="store_true", help="log to stderr as well")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (imports, resources, a round, a signed PDF, Qt) and exit",
    )
    parser.add_argument(
        "--screenshot", type=Path, help=argparse.SUPPRESS
    )  # GUI smoke checks: grab the first window to this PNG and quit
    if gui:
        parser.add_argument(
            "file", type=Path, nargs="?", metavar="FILE", help="a .parpkg or .parround to open"
        )
        parser.set_defaults(command=None)
        return parser
    parser.set_defaults(file=None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    criteria = commands.add_parser(
        "criteria", help="criteria sets: list, check, export", description="Criteria sets."
    )
    sub = criteria.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = sub.add_parser(
        "list", help="list the bundled criteria sets", description="List bundled sets."
    )
    listing.set_defaults(handler=_criteria_list)
    check = sub.add_parser(
        "check",
        help="check criteria-set files and print their counts and maxima",
        description=(
            "Check criteria sets (.json or .xlsx files, or bundled form ids) and print counts per "
            "level and maxima per unit type and assessor. Without arguments, checks every "
            "bundled set. Exits 1 listing every problem."
        ),
    )
    check.add_argument("sets", nargs="*", metavar="FILE", help=".json/.xlsx file or form id")
    check.set_defaults(handler=_criteria_check)
    export = sub.add_parser(
        "export",
        help="export a set to canonical JSON or the secretary's workbook",
        description="Export a bundled set (by form id) or a file to OUT.json or OUT.xlsx.",
    )
    export.add_argument("source", metavar="FORM_ID", help="bundled form id or a .json/.xlsx file")
    export.add_argument("out", type=Path, metavar="OUT", help="OUT.xlsx or OUT.json")
    export.set_defaults(handler=_criteria_export)
    cli_criteria_diff.add_command(sub)
    # The command modules pull in their services (SQLAlchemy, pyHanko...): imported only when the
    # command tree is built, so the desktop application starts without them.
    from parapp.cli import export as cli_export  # noqa: PLC0415
    from parapp.cli import merge as cli_merge  # noqa: PLC0415
    from parapp.cli import results as cli_results  # noqa: PLC0415
    from parapp.cli import rounds as cli_rounds  # noqa: PLC0415
    from parapp.cli import sign as cli_sign  # noqa: PLC0415

    cli_rounds.add_commands(commands)
    cli_sign.add_commands(commands)
    cli_merge.add_commands(commands)
    cli_results.add_commands(commands)
    cli_export.add_commands(commands)
    return parser


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Execute a parsed command; return the exit status (1 for a user error)."""
    out = out or sys.stdout
    err = err or sys.stderr
    lang = Lang(args.lang)
    handler: Handler = args.handler
    try:
        return handler(args, lang, out, err)
    except UserFacingError as exc:
        log.info("user error: %s", exc.msg.en)
        err.write(exc.describe(lang) + "\n")
        return 1


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse ``parapp [options] FILE`` (a token ending in .parpkg/.parround and no command
    name) for the desktop application, anything else as the command tree."""
    tokens = list(sys.argv[1:] if argv is None else argv)
    if _wants_gui(tokens):
        return build_parser(gui=True).parse_args(tokens)
    return build_parser().parse_args(tokens)


_GUI_VALUE_OPTIONS = ("--lang", "--screenshot")
_GUI_FLAGS = ("--demo", "--debug", "--self-test")


def _wants_gui(tokens: Sequence[str]) -> bool:
    """Only global GUI options and at most one openable file: the desktop application."""
    rest: list[str] = []
    values = iter(tokens)
    for token in values:
        if token in _GUI_VALUE_OPTIONS:
            next(values, None)
        elif token.startswith(tuple(f"{o}=" for o in _GUI_VALUE_OPTIONS)) or token in _GUI_FLAGS:
            continue
        else:
            rest.append(token)
    return not rest or (len(rest) == 1 and rest[0].lower().endswith(OPENABLE_SUFFIXES))


def main(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run a command (the GUI is started by ``parapp.__main__``)."""
    args = build_parser().parse_args(argv)
    return run(args)


def _criteria_list(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    for bundled in criteria_sets.list_bundled():
        s = bundled.criteria_set
        out.write(f"{s.form_id}\t{s.version}\t{s.year}\t{s.name}\n")
        if s.note:
            out.write(f"\t{s.note}\n")
    return 0


def _criteria_check(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    references: list[str] = args.sets or [str(b.path) for b in criteria_sets.list_bundled()]
    failed = 0
    for reference in references:
        try:
            criteria_set = criteria_sets.resolve(reference)
        except UserFacingError as exc:
            failed += 1
            err.write(criteria_sets.describe_problems(exc, lang) + "\n")
            continue
        out.write(describe_set(criteria_set, lang))
    return 1 if failed else 0


def _criteria_export(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    criteria_set = criteria_sets.resolve(args.source)
    criteria_sets.export(criteria_set, args.out)
    out.write(
        Msg(
            f"Đã xuất {criteria_set.form_id} ra {args.out}.\n",
            f"Exported {criteria_set.form_id} to {args.out}.\n",
        ).get(lang)
    )
    return 0


def describe_set(criteria_set: CriteriaSet, lang: Lang) -> str:
    """The check report of one set: identity, counts per level, maxima per unit type."""
    stats = criteria_stats.compute(criteria_set)
    vi = lang is Lang.VI
    s = criteria_set
    lines = [f"{s.form_id} ({'phiên bản' if vi else 'version'} {s.version}) — {s.name}"]
    if s.note:
        lines.append(f"  {s.note}")
    levels = (
        ["lĩnh vực", "tiêu chí", "tiêu chí thành phần"]
        if vi
        else ["areas", "criteria", "sub-criteria"]
    )
    counts = [
        f"{count} {levels[i] if i < len(levels) else ('cấp ' if vi else 'level ') + str(i + 1)}"
        for i, count in enumerate(stats.per_depth)
    ]
    leaves = "mục chấm điểm" if vi else "scored items"
    lines.append(f"  {' / '.join(counts)}; {stats.leaves} {leaves}")
    for area in stats.areas:
        role = {Role.BONUS: " [+]", Role.PENALTY: " [−]"}.get(area.role, "")
        area_counts = (
            f"{area.criteria} tiêu chí, {area.sub_criteria} tiêu chí thành phần"
            if vi
            else f"{area.criteria} criteria, {area.sub_criteria} sub-criteria"
        )
        maximum = format_score(area.maximum, lang)
        lines.append(f"    {area.code}. {area.name}{role}: {maximum} ({area_counts})")
    for ut in stats.unit_types:
        parts = " + ".join(
            f"{format_score(value, lang)} {ASSESSOR_LABELS[assessor].get(lang)}"
            for assessor, value in ut.by_assessor.items()
        )
        who = f"{ut.label} ({ut.code})" if ut.code else ("cả bộ" if vi else "whole set")
        head = "tối đa" if vi else "maximum"
        lines.append(f"  {who}: {head} {format_score(ut.maximum, lang)} = {parts}")
        if len(ut.components) > len(ut.by_assessor):  # e.g. two surveys (876: 22 + 10)
            sources = " + ".join(
                f"{format_score(c.maximum, lang)} {ASSESSOR_LABELS[c.assessor].get(lang)}"
                + (f" — {c.label.removesuffix(' (%)')}" if c.label else "")
                for c in ut.components
            )
            lines.append(f"    {'thành phần' if vi else 'components'}: {sources}")
    if stats.bonus_cap or stats.penalty_cap:
        bonus, penalty = format_score(stats.bonus_cap, lang), format_score(stats.penalty_cap, lang)
        lines.append(
            f"  Điểm thưởng tối đa {bonus}; điểm trừ tối đa {penalty}"
            if vi
            else f"  Bonus cap {bonus}; penalty cap {penalty}"
        )
    return "\n".join(lines) + "\n"
