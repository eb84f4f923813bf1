"""``parapp results ROUND``: write the council's consolidated workbook and the ND30 results PDF."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TextIO

from parapp.cli.session import Commands, open_as_user, written
from parapp.core.errors import ValidationError
from parapp.core.messages import Lang, Msg
from parapp.io.sheets.member_sheet import DEFAULT_BODY
from parapp.services import reports

BLANK_PLACE = "…………"
"""Printed when no place is given, for the secretary to fill in by hand."""


def add_commands(commands: Commands) -> None:
    """Register ``parapp results`` under the root parser's sub-commands."""
    parser = commands.add_parser(
        "results",
        help="write the council's results: consolidated workbook and ND30 PDF",
        description=(
            "Write the round's consolidated results: the workbook (rankings per group, one "
            "sheet per unit, provenance and audit) and/or the PDF to sign (ranking tables, "
            "charts, per-unit sheets, the secretary's and the Chair's signature blocks)."
        ),
    )
    parser.add_argument("round", type=Path, metavar="ROUND")
    parser.add_argument("--xlsx", type=Path, metavar="FILE", help="the workbook to write")
    parser.add_argument("--pdf", type=Path, metavar="FILE", help="the PDF to write")
    parser.add_argument(
        "--previous", type=Path, metavar="ROUND2", help="last year's round, for the comparison"
    )
    parser.add_argument("--place", default=None, help="place before the date (e.g. Thái Nguyên)")
    parser.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="default: today")
    parser.add_argument("--parent-body", default=None, help="default: UBND tỉnh <place>")
    parser.add_argument("--body", default=DEFAULT_BODY, help=f"default: {DEFAULT_BODY}")
    parser.add_argument(
        "--draft",
        action="store_true",
        help="write a draft even when scores break a rule of the criteria set: every page "
        "marked DỰ THẢO, the list of problems attached (official sheets are refused then)",
    )
    parser.set_defaults(handler=_results)


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            Msg(
                f"Ngày “{text}” không hợp lệ; viết theo dạng NNNN-TT-NN, ví dụ 2027-01-08.",
                f"The date “{text}” is not valid; write it as YYYY-MM-DD, e.g. 2027-01-08.",
            )
        ) from None


def _results(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    if args.xlsx is None and args.pdf is None:
        raise ValidationError(
            Msg(
                "Chọn ít nhất một tệp để xuất: --xlsx TỆP hoặc --pdf TỆP.",
                "Choose at least one file to write: --xlsx FILE or --pdf FILE.",
            )
        )
    date = _date(args.date)
    if args.previous is not None and not Path(args.previous).is_file():
        raise ValidationError(
            Msg(
                f"Không tìm thấy tệp đợt năm trước {args.previous}.",
                f"The previous round file {args.previous} does not exist.",
            )
        )
    place = args.place or BLANK_PLACE
    with open_as_user(args.round) as ctx:
        exported = reports.export_results(
            ctx,
            xlsx=args.xlsx,
            pdf=args.pdf,
            previous=args.previous,
            place=place,
            date=date or ctx.clock().date(),
            parent_body=args.parent_body,
            body=args.body,
            draft=args.draft,
        )
    for path in (exported.xlsx, exported.pdf):
        if path is not None:
            written(lang, out, path)
    if exported.draft:
        count = len(exported.problems)
        out.write(
            Msg(
                f"Đây là bản DỰ THẢO, không phải kết quả chính thức: {count} điểm vi phạm quy "
                "tắc của bộ tiêu chí (danh sách kèm theo trong tệp).\n",
                f"This is a DRAFT, not the official results: {count} score(s) break a rule of "
                "the criteria set (listed in the file).\n",
            ).get(lang)
        )
        for problem in exported.problems:
            out.write(f"  - {problem.describe(lang)}\n")
    if exported.unappraised:
        listed = ", ".join(exported.unappraised)
        out.write(
            Msg(
                f"Chưa có điểm thẩm định (không xếp loại, không xếp hạng): {listed}.\n",
                f"Not yet appraised (no class, no rank): {listed}.\n",
            ).get(lang)
        )
    if exported.incomplete:
        listed = ", ".join(exported.incomplete)
        out.write(
            Msg(
                f"Lưu ý: {len(exported.incomplete)} đơn vị chưa đủ điểm, kết quả tạm tính: "
                f"{listed}.\n",
                f"Note: {len(exported.incomplete)} unit(s) are not fully scored; their results "
                f"are provisional: {listed}.\n",
            ).get(lang)
        )
    return 0
