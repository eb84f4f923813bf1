"""``parapp notice ROUND`` (round-1 notices, signed by the secretary) and ``parapp explain form|
import`` (the units' explanation forms)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TextIO

from parapp.cli.keys import key_arguments, key_source
from parapp.cli.session import Commands, open_as_user, written
from parapp.core.errors import ValidationError
from parapp.core.messages import Lang, Msg
from parapp.core.progress import Progress
from parapp.io.sheets.member_sheet import DEFAULT_BODY
from parapp.services import explanations, notices, signing

BLANK_PLACE = "…………"


def add_commands(commands: Commands) -> None:
    """Register ``parapp notice`` and ``parapp explain …``."""
    notice = commands.add_parser(
        "notice",
        help="round-1 notices to the units: signed PDF + workbook per unit",
        description=(
            "Write each unit's round-1 notice (Thông báo kết quả thẩm định lần 1): every "
            "sub-criterion's maximum, self-score, round-1 score, difference, the appraisers' "
            "comment and the evidence cited, the totals and the deadline for explanations. "
            "DIR/<unit>.pdf is signed by the secretary (PAdES), DIR/<unit>.xlsx beside it."
        ),
    )
    notice.add_argument("round", type=Path, metavar="ROUND")
    notice.add_argument("-o", "--out", type=Path, required=True, metavar="DIR")
    notice.add_argument(
        "--unit", action="append", default=None, metavar="U", help="one unit (repeatable); "
        "default: every unit",
    )  # fmt: skip
    notice.add_argument("--deadline", required=True, metavar="YYYY-MM-DD")
    notice.add_argument("--place", default=None, help="place before the date (e.g. Thái Nguyên)")
    notice.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="default: today")
    notice.add_argument("--parent-body", default=None, help="default: UBND tỉnh <place>")
    notice.add_argument("--body", default=DEFAULT_BODY, help=f"default: {DEFAULT_BODY}")
    key_arguments(notice)
    notice.add_argument("--tsa", metavar="URL", help="RFC 3161 timestamp server (online)")
    notice.add_argument(
        "--ca", type=Path, action="append", default=[], metavar="FILE",
        help="a trusted root certificate (PEM/DER), in addition to resources/certs",
    )  # fmt: skip
    notice.set_defaults(handler=_notice)

    explain = commands.add_parser(
        "explain",
        help="units' explanation forms (giải trình): export, import",
        description="The explanation form of each unit and its import with new evidence.",
    )
    sub = explain.add_subparsers(dest="action", metavar="ACTION", required=True)
    form = sub.add_parser(
        "form",
        help="write a unit's explanation form",
        description=(
            "Write the unit's explanation form: items whose round-1 score is below the "
            "self-score first, then every other council item (unless --only-below)."
        ),
    )
    form.add_argument("round", type=Path, metavar="ROUND")
    form.add_argument("--unit", required=True, metavar="U")
    form.add_argument("-o", "--out", type=Path, required=True, metavar="FILE.xlsx")
    form.add_argument("--only-below", action="store_true", help="list only the items below")
    form.set_defaults(handler=_form)
    load = sub.add_parser(
        "import",
        help="import a filled explanation form (or every form in a folder)",
        description=(
            "Import a unit's filled explanation form with its new evidence files (looked up by "
            "name in --evidence DIR), only in the explanation phase, all or nothing; --folder "
            "imports every form in DIR, each matched to its unit by its own identity. A second "
            "form of a unit is refused unless --replace declares it a replacement."
        ),
    )
    load.add_argument("round", type=Path, metavar="ROUND")
    load.add_argument("file", type=Path, nargs="?", metavar="FILE.xlsx")
    load.add_argument("--unit", metavar="U", help="the unit the form must belong to")
    load.add_argument("--evidence", type=Path, metavar="DIR", help="folder of the new files")
    load.add_argument("--folder", type=Path, metavar="DIR", help="import every form in DIR")
    load.add_argument(
        "--replace", action="store_true", help="the form replaces the unit's current one"
    )
    load.set_defaults(handler=_import)


def _date(text: str | None) -> dt.date | None:
    return None if text is None else notices.check_deadline(text)


def _notice(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    deadline = notices.check_deadline(args.deadline)
    date = _date(args.date)
    trust = signing.trust_settings(args.ca)
    place = args.place or BLANK_PLACE

    def report(done: int, total: int, what: Msg) -> None:
        out.write(f"[{done}/{total}] {what.get(lang)}\n")

    with open_as_user(args.round) as ctx:
        key = key_source(args, lang)
        issued = notices.issue_notices(
            ctx,
            args.out,
            key,
            trust,
            deadline=deadline,
            unit_ids=args.unit,
            place=place,
            date=date,
            parent_body=args.parent_body,
            body=args.body,
            tsa_url=args.tsa,
            progress=Progress(report),
        )
    for item in issued:
        below = ", ".join(item.below_self) or "—"
        out.write(
            Msg(
                f"Đã ký {item.pdf} ({item.signer}, {item.trust.label.vi}) và ghi {item.xlsx}; "
                f"mục thấp hơn điểm tự chấm: {below}.\n",
                f"Signed {item.pdf} ({item.signer}, {item.trust.label.en}) and wrote "
                f"{item.xlsx}; items below the self-score: {below}.\n",
            ).get(lang)
        )
    return 0


def _form(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    with open_as_user(args.round) as ctx:
        path = explanations.export_form(ctx, args.unit, args.out, only_below=args.only_below)
    return written(lang, out, path)


def _report(report: explanations.ExplanationReport, lang: Lang) -> str:
    if not report.changed:
        return Msg(
            f"{report.file.name}: phiếu của {report.unit_id} đã được nhập trước đó, không có gì "
            "thay đổi.\n",
            f"{report.file.name}: {report.unit_id}'s form was already imported; nothing changed.\n",
        ).get(lang)
    replaced = (
        Msg(" (thay thế phiếu trước)", " (replacing the previous form)").get(lang)
        if report.replaced is not None
        else ""
    )
    return Msg(
        f"{report.file.name}: đã nhập giải trình của {report.unit_id}{replaced}: "
        f"{report.items} mục, {report.evidence_stored} tệp tài liệu mới.\n",
        f"{report.file.name}: imported {report.unit_id}'s explanation{replaced}: "
        f"{report.items} item(s), {report.evidence_stored} new evidence file(s).\n",
    ).get(lang)


def _import(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    if (args.file is None) == (args.folder is None):
        raise ValidationError(
            Msg(
                "Chọn một phiếu (FILE.xlsx) hoặc một thư mục (--folder DIR), không cả hai.",
                "Give one form (FILE.xlsx) or a folder (--folder DIR), not both.",
            )
        )
    with open_as_user(args.round) as ctx:
        if args.file is not None:
            report = explanations.import_form(
                ctx,
                args.file,
                unit_id=args.unit,
                evidence_dir=args.evidence,
                replace_current=args.replace,
            )
            out.write(_report(report, lang))
            return 0
        outcomes = explanations.import_folder(
            ctx, args.folder, evidence_dir=args.evidence, replace_current=args.replace
        )
    failed = 0
    for outcome in outcomes:
        if outcome.report is not None:
            out.write(_report(outcome.report, lang))
        elif outcome.error is not None:
            failed += 1
            err.write(f"{outcome.file.name}: {outcome.error.describe(lang)}\n")
    out.write(
        Msg(
            f"{len(outcomes) - failed}/{len(outcomes)} phiếu đã nhập.\n",
            f"{len(outcomes) - failed}/{len(outcomes)} form(s) imported.\n",
        ).get(lang)
    )
    return 1 if failed or not outcomes else 0
