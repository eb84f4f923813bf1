"""The command line: the same services as the GUI, headless.

User errors go to stderr in the chosen language with exit status 1; anything else is a bug and
propagates with its traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from parapp import __version__
from parapp.cli import help_text
from parapp.core.errors import UserFacingError
from parapp.core.messages import Lang

if TYPE_CHECKING:
    from parapp.cli.session import Handler

log = logging.getLogger(__name__)

COMMAND_GROUPS = (
    "criteria",  # criteria list|check|export|diff
    "rounds",  # round create|show|add-unit|add-member|assign|phase|settings, workbooks
    "demo",  # demo
    "packages",  # package build|open
    "sign",  # verify, sign pdf|xlsx|package|new-cert|tokens
    "merge",  # merge, resolve, completeness, audit, trust
    "inbox",  # inbox (every offered file; resolve a conflict by choosing a version)
    "results",  # results
    "export",  # export, submit
    "notices",  # notice, explain form|import
    "meeting",  # meeting, minutes, announce
    "external",  # external export|import|list|images (sign with another tool)
)
"""The command groups, in ``parapp --help`` order: modules of ``parapp.cli``, each exposing
``add_commands(commands)``. A new group is one more line here (see ``parapp/cli/__init__.py``).
Imported only when the command tree is built: they pull in their services (SQLAlchemy,
pyHanko…), which the desktop application must start without."""


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

    for name in COMMAND_GROUPS:
        importlib.import_module(f"parapp.cli.{name}").add_commands(commands)
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
    parser = build_parser(gui=_wants_gui(tokens))
    return help_text.parse(parser, tokens)


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
