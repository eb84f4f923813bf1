"""``parapp round settings`` options for the ranking groups and the classification bands.

``--groups "so-ban-nganh=so,so-khong-tthc; phuong=phuong; xa-dac-khu:Xã và đặc khu=xa,dac-khu"``
regroups the round's unit types (``mac-dinh``: the set's groups); ``--bands`` takes a preset
(``bo-tieu-chi``, ``tinh``, ``hue``, ``nhom-quoc-gia`` with ``--below-c LABEL``) or the round's own
bands ``"Xuất sắc=90; Tốt=80-90; Khá=70; Trung bình=55; Yếu=0"``; ``--bands-file`` reads them from
a workbook (sheet XepLoai). ``--previous-results FILE.xlsx`` keeps last year's results (parapp's
own results workbook or a published table, ``services.previous_year``) for the Δ index and Δ rank
of ``parapp results``; ``--no-previous-results`` forgets them. Everything is checked before
anything is stored.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any, TextIO

from parapp.core.errors import ValidationError
from parapp.core.messages import Lang, Msg
from parapp.io.workbooks.bands import read_band_rows
from parapp.io.workbooks.previous_results import read_previous_results
from parapp.services import previous_year, ranking_settings, rounds
from parapp.services.context import RoundContext


def add_options(parser: Any) -> None:
    """Add the grouping and band options to ``round settings``."""
    parser.add_argument(
        "--groups",
        metavar="GROUPS",
        help="ranking groups of the round: 'CODE[:LABEL]=TYPE,TYPE; …' (types by code or "
        "label), or mac-dinh for the criteria set's groups",
    )
    presets = ", ".join(ranking_settings.preset_names())
    parser.add_argument(
        "--bands",
        metavar="BANDS",
        help=f"classification bands: a preset ({presets}) or the round's own "
        "'LABEL=FROM[-TO]; …' in %%, best first (e.g. 'Tốt=80; Khá=70; Trung bình=50; Yếu=0')",
    )
    parser.add_argument(
        "--below-c",
        metavar="LABEL",
        help="with --bands nhom-quoc-gia: the label below 70 %% (default: Dưới Nhóm C)",
    )
    parser.add_argument(
        "--bands-file",
        type=Path,
        metavar="FILE.xlsx",
        help="the round's own bands from a workbook (sheet XepLoai: Xếp loại | Từ (%%) | "
        "Đến dưới (%%))",
    )
    parser.add_argument(
        "--previous-results",
        type=Path,
        metavar="FILE.xlsx",
        help="keep last year's results (parapp's results workbook or a published table: "
        "code, name, index, rank) for the change of index and rank in the results",
    )
    parser.add_argument(
        "--no-previous-results",
        action="store_true",
        help="forget last year's results kept in the round",
    )


def asked(args: argparse.Namespace) -> bool:
    """Whether the command line names groups or bands."""
    return any(
        getattr(args, name, None) is not None
        for name in ("groups", "bands", "below_c", "bands_file", "previous_results")
    ) or bool(getattr(args, "no_previous_results", False))


def apply(ctx: RoundContext, args: argparse.Namespace) -> None:
    """Check the asked groups and bands, then store them (groups first: they may still be
    refused against the round's units; nothing is stored then).

    Raises:
        ValidationError, ImportFormatError: what is wrong, located.
    """
    if not asked(args):
        return
    if args.bands is not None and args.bands_file is not None:
        raise ValidationError(
            Msg(
                "Chỉ dùng một trong hai: --bands hoặc --bands-file.",
                "Use one of --bands and --bands-file, not both.",
            )
        )
    if args.below_c is not None and (args.bands or "").strip().casefold() != "nhom-quoc-gia":
        raise ValidationError(
            Msg(
                "--below-c chỉ dùng với --bands nhom-quoc-gia.",
                "--below-c goes with --bands nhom-quoc-gia only.",
            )
        )
    previous = getattr(args, "previous_results", None)
    if previous is not None and getattr(args, "no_previous_results", False):
        raise ValidationError(
            Msg(
                "Chỉ dùng một trong hai: --previous-results hoặc --no-previous-results.",
                "Use one of --previous-results and --no-previous-results, not both.",
            )
        )
    if previous is not None:
        _check_previous(Path(previous))
    bands = None
    criteria_set = ctx.criteria_set()
    if args.bands_file is not None:
        rows = read_band_rows(args.bands_file)
        bands = ranking_settings.resolve_bands(criteria_set, rows=rows, source=args.bands_file.name)
    elif args.bands is not None:
        text = args.bands.strip()
        if "=" in text:
            bands = ranking_settings.resolve_bands(criteria_set, text=text, source="--bands")
        else:
            bands = ranking_settings.resolve_bands(criteria_set, preset=text, below=args.below_c)
    if args.groups is not None:
        ranking_settings.set_ranking_groups(ctx, args.groups)
    if bands is not None:
        ranking_settings.set_band_set(ctx, bands)
    if previous is not None:
        previous_year.import_previous(ctx, Path(previous))
    elif getattr(args, "no_previous_results", False):
        previous_year.clear_previous(ctx)


def _check_previous(path: Path) -> None:
    """Read last year's table before anything is stored (every located problem at once).

    Raises:
        ValidationError: the file is missing or not a workbook.
        ImportFormatError: the table's located problems.
    """
    if not path.is_file():
        raise ValidationError(
            Msg(f"Không tìm thấy tệp {path}.", f"The file {path} does not exist.")
        )
    if path.suffix.casefold() not in (".xlsx", ".xlsm"):
        raise ValidationError(
            Msg(
                f"{path.name}: kết quả năm trước phải là tệp Excel .xlsx (bảng tính kết quả "
                "của parapp hoặc bảng kết quả công bố).",
                f"{path.name}: last year's results must be an .xlsx workbook (parapp's results "
                "workbook or a published table).",
            )
        )
    read_previous_results(path)


def show(ctx: RoundContext, lang: Lang, out: TextIO, *, always: bool) -> None:
    """Print the round's groups (with their units' count) and bands, when ``always`` or when
    the round changed them from the set's."""
    groups = ranking_settings.ranking_groups(ctx)
    bands = ranking_settings.band_set(ctx)
    own = ranking_settings.groups_customised(ctx)
    if not (always or own or bands.code != "bo-tieu-chi"):
        return
    counts = Counter(u.ranking_group for u in rounds.list_units(ctx))
    whose = Msg("của đợt", "the round's") if own else Msg("theo bộ tiêu chí", "the set's")
    out.write(Msg(f"Nhóm xếp hạng ({whose.vi}):\n", f"Ranking groups ({whose.en}):\n").get(lang))
    for group in groups:
        types = ", ".join(sorted(group.unit_types))
        units = counts.get(group.code, 0)
        out.write(
            Msg(
                f"  {group.code}\t{group.label}\t{types}\t{units} đơn vị\n",
                f"  {group.code}\t{group.label}\t{types}\t{units} unit(s)\n",
            ).get(lang)
        )
    out.write(
        Msg(f"Xếp loại: {bands.describe(lang)}\n", f"Classes: {bands.describe(lang)}\n").get(lang)
    )
    table = previous_year.stored_previous(ctx)
    if table is None:
        out.write(Msg("Kết quả năm trước: chưa nhập\n", "Last year's results: none\n").get(lang))
    else:
        out.write(
            Msg(
                f"Kết quả năm trước: {table.file_name} ({len(table.rows)} đơn vị)\n",
                f"Last year's results: {table.file_name} ({len(table.rows)} unit(s))\n",
            ).get(lang)
        )
