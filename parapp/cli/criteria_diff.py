"""``parapp criteria diff OLD NEW``: what changed between two criteria sets."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from parapp.core import criteria_diff
from parapp.core.errors import ValidationError
from parapp.core.messages import Lang, Msg
from parapp.services import criteria_sets


def add_command(criteria_actions: Any) -> None:
    """Register ``diff`` under ``parapp criteria`` (``criteria_actions``: its sub-parsers)."""
    diff = criteria_actions.add_parser(
        "diff",
        help="list added, removed, moved and re-weighted items between two sets",
        description=(
            "Compare two criteria sets (bundled form ids or .json/.xlsx files): items added, "
            "removed, moved to another code (same name), renamed, and re-weighted (maximum or "
            "applicability changed, per unit type). Sets of different scales are refused (exit 1)."
        ),
    )
    diff.add_argument("old", metavar="OLD", help="last year's set: form id or .json/.xlsx file")
    diff.add_argument("new", metavar="NEW", help="this year's set: form id or .json/.xlsx file")
    diff.set_defaults(handler=_criteria_diff)


def _criteria_diff(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    old = criteria_sets.resolve(args.old)
    new = criteria_sets.resolve(args.new)
    try:
        diff = criteria_diff.compare(old, new)
    except ValidationError as exc:
        if (args.old, args.new) == (old.form_id, new.form_id):
            raise
        files = f"{args.old} → {args.new}: "  # name the files, their form ids may be equal
        raise ValidationError(Msg(files + exc.msg.vi, files + exc.msg.en)) from None
    out.write(criteria_diff.describe(diff, lang))
    return 0
