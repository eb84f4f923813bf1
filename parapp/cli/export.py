"""``parapp export WORKSPACE --unit ID`` and ``parapp submit WORKSPACE -o FILE.parscore``: a
member's signed sheets and signed score package, headless.

The key is a PKCS#12 file (``--p12 FILE --pass-env VAR``) or a token (``--pkcs11-lib LIB
--token-label LABEL --pin-env VAR``), spelled as for every signing command (``cli_keys``).
Secrets come from the environment variable named or from a prompt that does not echo, never
from an argument; a PIN is tried once.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TextIO

from parapp.cli.keys import key_arguments, key_source, option
from parapp.cli.session import Commands
from parapp.core.errors import ValidationError
from parapp.core.messages import Lang, Msg
from parapp.services import signed_outputs, signing
from parapp.services.context import open_round


def add_commands(commands: Commands) -> None:
    """Register ``parapp export`` and ``parapp submit``."""
    export = commands.add_parser(
        "export",
        help="export and sign one unit's score sheet (PDF and/or Excel) from a workspace",
        description=(
            "Export the member's score sheet of one unit from WORKSPACE: the PDF signed in its "
            "signature box (PAdES B-B, offline), the workbook with FILE.xlsx.p7s beside it."
        ),
    )
    export.add_argument("workspace", type=Path, metavar="WORKSPACE", help="the .parround")
    export.add_argument("--unit", required=True, metavar="ID", help="the unit's id")
    export.add_argument("--pdf", type=Path, metavar="FILE", help="the signed PDF to write")
    export.add_argument("--xlsx", type=Path, metavar="FILE", help="the workbook to write")
    _sheet_arguments(export)
    _key_arguments(export)
    export.set_defaults(handler=_export)

    submit = commands.add_parser(
        "submit",
        help="build and sign the member's score package (.parscore) for every assigned unit",
        description=(
            "Build the signed score package of WORKSPACE's member: scores.json for every "
            "assigned unit, with each unit's sheet as views (signed PDF, workbook)."
        ),
    )
    submit.add_argument("workspace", type=Path, metavar="WORKSPACE", help="the .parround")
    submit.add_argument(
        "-o", "--out", type=Path, required=True, metavar="FILE", help="FILE.parscore or a folder"
    )
    option(
        submit,
        "--replaces",
        metavar="SUBMISSION_ID",
        help="the id of the earlier submission this corrected one replaces",
    )
    submit.add_argument(
        "--no-views", action="store_true", help="scores.json only, without the sheets"
    )
    _sheet_arguments(submit)
    _key_arguments(submit)
    submit.set_defaults(handler=_submit)


def _sheet_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--place", required=True, help="place printed before the date (“Thái Nguyên”)"
    )
    parser.add_argument(
        "--date", type=dt.date.fromisoformat, metavar="YYYY-MM-DD", help="the sheet's date"
    )


def _key_arguments(parser: argparse.ArgumentParser) -> None:
    key_arguments(parser)
    parser.add_argument(
        "--ca", type=Path, action="append", default=[], metavar="FILE",
        help="a trusted root certificate (PEM/DER), in addition to resources/certs",
    )  # fmt: skip


def _export(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    if args.pdf is None and args.xlsx is None:
        raise ValidationError(
            Msg(
                "Hãy chỉ rõ tệp cần xuất: --pdf TỆP và/hoặc --xlsx TỆP.",
                "Say what to export: --pdf FILE and/or --xlsx FILE.",
            )
        )
    trust = signing.trust_settings(args.ca)
    key = key_source(args, lang)  # asked before the workspace is opened: a refusal changes nothing
    with open_round(args.workspace) as ctx:
        sheet = signed_outputs.export_signed_sheet(
            ctx,
            args.unit,
            key,
            trust,
            place=args.place,
            date=args.date or ctx.clock().date(),
            pdf=args.pdf,
            xlsx=args.xlsx,
        )
    for signed in (sheet.pdf, sheet.xlsx_signature):
        if signed is None:
            continue
        v = signed.verdict
        out.write(
            Msg(
                f"Đã xuất và ký: {signed.path} — {v.signer}, {v.trust.label.vi}.\n",
                f"Exported and signed: {signed.path} — {v.signer}, {v.trust.label.en}.\n",
            ).get(lang)
        )
    if sheet.xlsx is not None:
        out.write(Msg(f"Bảng tính: {sheet.xlsx}\n", f"Workbook: {sheet.xlsx}\n").get(lang))
    return 0


def _submit(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    deprecated = signed_outputs.check_submission_id(args.replaces)
    trust = signing.trust_settings(args.ca)
    key = key_source(args, lang)
    with open_round(args.workspace) as ctx:
        built = signed_outputs.submit(
            ctx,
            key,
            args.out,
            trust,
            place=args.place,
            date=args.date,
            deprecated_id=deprecated,
            views=not args.no_views,
        )
    m = built.manifest
    v = built.verdict
    replaces = Msg(f"; thay thế lần nộp {deprecated}", f"; replaces {deprecated}")
    out.write(
        Msg(
            f"Đã ký và nộp {built.path} ({len(built.units)} đơn vị; mã nộp {m.submission_id}"
            f"{replaces.vi if deprecated else ''}) — {v.signer}, {v.trust.label.vi}.\n"
            f"Nếu cần nộp lại bản sửa: parapp submit … --replaces {m.submission_id}\n",
            f"Signed and submitted {built.path} ({len(built.units)} units; submission "
            f"{m.submission_id}{replaces.en if deprecated else ''}) — {v.signer}, "
            f"{v.trust.label.en}.\n"
            f"To submit a corrected one: parapp submit … --replaces {m.submission_id}\n",
        ).get(lang)
    )
    return 0
