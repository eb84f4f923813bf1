"""``parapp round self-import ROUND --folder DIR``: every unit's self-assessment form in one
folder, each matched to its unit by the form's own identity and imported all-or-nothing on its
own; one line per file. Exit status 1 when any file was refused (the others are imported)."""

from __future__ import annotations

import argparse
from typing import TextIO

from parapp.cli.session import open_as_user
from parapp.core.errors import ValidationError
from parapp.core.messages import Lang, Msg
from parapp.services import self_assessment
from parapp.services.self_assessment import FolderFileReport


def check_args(args: argparse.Namespace) -> bool:
    """True for the folder variant (``--folder``: FILE.xlsx names a folder); checks that the
    options go together.

    Raises:
        ValidationError: --folder with --unit, or a single file without --unit.
    """
    if args.folder:
        if args.unit is not None:
            raise ValidationError(
                Msg(
                    "Dùng --folder DIR, hoặc --unit MÃ với một tệp FILE.xlsx, không dùng cả hai.",
                    "Use --folder DIR, or --unit ID with one FILE.xlsx, not both.",
                )
            )
        return True
    if args.unit is None:
        raise ValidationError(
            Msg(
                "Cần --unit MÃ cho tệp FILE.xlsx (hoặc --folder DIR để nhập cả thư mục).",
                "Give --unit ID for FILE.xlsx (or --folder DIR to import a whole folder).",
            )
        )
    return False


def file_line(entry: FolderFileReport, lang: Lang) -> str:
    """One file's outcome in one line (then its warnings, indented)."""
    unit = entry.unit_id or "?"
    if entry.error is not None:
        text = entry.error.describe(lang).replace("\n", "\n    ")
        return Msg(
            f"[TỪ CHỐI] {entry.file_name} (đơn vị {unit}): {text}\n",
            f"[REFUSED] {entry.file_name} (unit {unit}): {text}\n",
        ).get(lang)
    report = entry.report
    assert report is not None
    if not report.changed:
        line = Msg(
            f"[ĐÃ CÓ] {entry.file_name} → {unit}: nội dung đã có trong đợt, không thay đổi gì.\n",
            f"[SAME] {entry.file_name} → {unit}: already imported, nothing changed.\n",
        )
    else:
        line = Msg(
            f"[ĐÃ NHẬP] {entry.file_name} → {unit}: {report.entries} mục tự chấm, "
            f"{report.evidence_stored} tệp kiểm chứng mới.\n",
            f"[IMPORTED] {entry.file_name} → {unit}: {report.entries} self-assessed item(s), "
            f"{report.evidence_stored} new evidence file(s).\n",
        )
    extra = [
        Msg(f"    Thiếu tệp kiểm chứng: {n}\n", f"    Missing evidence file: {n}\n").get(lang)
        for n in report.missing_evidence
    ]
    extra += [f"    {f.severity.value}: {f.message.get(lang)}\n" for f in report.findings]
    return line.get(lang) + "".join(extra)


def run(args: argparse.Namespace, lang: Lang, out: TextIO) -> int:
    """Import the folder; print one line per file and a summary."""
    with open_as_user(args.round) as ctx:
        reports = self_assessment.import_self_forms_folder(ctx, args.form, args.evidence)
    for entry in reports:
        out.write(file_line(entry, lang))
    refused = sum(1 for r in reports if not r.ok)
    out.write(
        Msg(
            f"Đã xử lý {len(reports)} tệp: {len(reports) - refused} nhập được, {refused} bị từ "
            "chối.\n",
            f"Processed {len(reports)} file(s): {len(reports) - refused} imported, {refused} "
            "refused.\n",
        ).get(lang)
    )
    return 1 if refused else 0
