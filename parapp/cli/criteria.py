"""``parapp criteria …``: list the bundled criteria sets, check and export a set, and what
changed between two sets."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from parapp.cli.session import Commands
from parapp.core import criteria_diff, criteria_stats
from parapp.core.criteria import Assessor, CriteriaSet, Role
from parapp.core.errors import UserFacingError, ValidationError
from parapp.core.messages import Lang, Msg
from parapp.core.numbers import format_score
from parapp.services import criteria_sets

ASSESSOR_LABELS = {
    Assessor.COUNCIL: Msg("hội đồng thẩm định", "council-appraised"),
    Assessor.SURVEY: Msg("điều tra XHH", "survey"),
    Assessor.AGENCY: Msg("cơ quan khác đánh giá", "assessed by another agency"),
    Assessor.LEADERSHIP: Msg("lãnh đạo tỉnh đánh giá", "assessed by the leadership"),
}


def add_commands(commands: Commands) -> None:
    """Register ``parapp criteria list|check|export|diff``."""
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
    diff = sub.add_parser(
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
