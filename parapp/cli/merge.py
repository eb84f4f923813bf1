"""Command-line commands of the secretary's merge: merge score packages, resolve items, show
completeness, list or export the audit trail, trust a member's certificate on first use (the
consolidation rule is ``parapp round settings``, in ``rounds``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from parapp.cli.session import Commands, open_as_user
from parapp.core.messages import Lang, Msg
from parapp.core.numbers import format_score
from parapp.io.signing.certificates import grouped
from parapp.services import audit, merge, merge_report, results, revocation, signing
from parapp.services.results import CellState


def _trust_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--ca", type=Path, action="append", default=[], metavar="FILE",
        help="extra trusted CA certificate (PEM/DER); repeatable",
    )  # fmt: skip
    parser.add_argument(
        "--crl", type=Path, action="append", default=[], metavar="FILE",
        help="CRL to check revocation against; repeatable",
    )  # fmt: skip


def add_commands(commands: Commands) -> None:
    """Register ``merge``, ``resolve``, ``completeness``, ``audit`` and ``trust``."""
    merge_parser = commands.add_parser(
        "merge",
        help="merge members' signed score packages into a round",
        description=(
            "Verify and merge .parscore files into ROUND, one transaction per file. Exit 0 only "
            "when every file was accepted or had been imported before."
        ),
    )
    merge_parser.add_argument("round", type=Path, metavar="ROUND")
    merge_parser.add_argument("files", type=Path, nargs="+", metavar="FILE.parscore")
    _trust_options(merge_parser)
    merge_parser.set_defaults(handler=_merge)

    resolve = commands.add_parser(
        "resolve",
        help="decide a contested item",
        description="Record the secretary's value (or N/A) of an item of a unit, with a reason.",
    )
    resolve.add_argument("round", type=Path, metavar="ROUND")
    resolve.add_argument("--unit", required=True)
    resolve.add_argument("--item", required=True, help="leaf code, e.g. 1.2.1")
    resolve.add_argument("--value", required=True, help="score (8,5) or N/A")
    resolve.add_argument("--reason", required=True)
    resolve.set_defaults(handler=_resolve)

    complete = commands.add_parser(
        "completeness",
        help="who has not submitted what",
        description="Unit x area x member: submitted, partial, missing or not assigned; then "
        "the items still contested.",
    )
    complete.add_argument("round", type=Path, metavar="ROUND")
    complete.set_defaults(handler=_completeness)

    trail = commands.add_parser(
        "audit", help="list or export the audit trail", description="Every recorded change."
    )
    trail.add_argument("round", type=Path, metavar="ROUND")
    trail.add_argument("--csv", type=Path, metavar="FILE", help="write a CSV file instead")
    trail.set_defaults(handler=_audit)

    trust = commands.add_parser(
        "trust",
        help="register a member's certificate on first use",
        description=(
            "After comparing the fingerprint with the member, register the certificate that "
            "signed a package (--package) or a given SHA-256 (--fingerprint). Recorded in the "
            "audit log."
        ),
    )
    trust.add_argument("round", type=Path, metavar="ROUND")
    trust.add_argument("--member", required=True)
    source = trust.add_mutually_exclusive_group(required=True)
    source.add_argument("--package", type=Path, metavar="FILE.parscore")
    source.add_argument("--fingerprint", metavar="SHA256")
    _trust_options(trust)
    trust.set_defaults(handler=_trust)


def _merge(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    trust = signing.trust_settings(args.ca, args.crl)
    with open_as_user(args.round) as ctx:
        report = merge.merge_submissions(ctx, args.files, trust)
    for item in report.files:
        stream = out if item.outcome in (merge.Outcome.ACCEPTED, merge.Outcome.DUPLICATE) else err
        stream.writelines(line + "\n" for line in merge_report.file_lines(item, lang))
    counts = ", ".join(
        f"{report.count(o)} {o.label.get(lang)}" for o in merge.Outcome if report.count(o)
    )
    out.write(Msg(f"Tổng: {counts}.\n", f"Total: {counts}.\n").get(lang))
    return 0 if report.ok else 1


def _resolve(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    with open_as_user(args.round) as ctx:
        item = results.resolve(ctx, args.unit, args.item, args.value, args.reason)
    c = item.consolidated
    shown = "N/A" if c.not_applicable else format_score(c.value, lang)
    out.write(
        Msg(
            f"Đã quyết định {item.unit_id} mục {item.node_code}: {shown}.\n",
            f"Resolved {item.unit_id} item {item.node_code}: {shown}.\n",
        ).get(lang)
    )
    return 0


MARKS = {
    CellState.SUBMITTED: "✓",
    CellState.PARTIAL: "½",
    CellState.MISSING: "✗",
    CellState.NOT_ASSIGNED: "·",
}


def _completeness(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    with open_as_user(args.round) as ctx:
        matrix = results.completeness(ctx)
        contested = results.disagreements(ctx)
    legend = ", ".join(f"{mark} {state.label.get(lang)}" for state, mark in MARKS.items())
    out.write(legend + "\n")
    members = [m.id for m in matrix.members]
    out.write("\t".join([Msg("Đơn vị", "Unit").get(lang), *members]) + "\n")
    for unit in matrix.units:
        for code, _name in matrix.areas:
            marks = [MARKS[matrix.cell(unit.id, code, m).state] for m in members]
            out.write("\t".join([f"{unit.id} / {code}", *marks]) + "\n")
    outstanding = matrix.outstanding()
    out.write(
        Msg(
            f"Còn thiếu: {len(outstanding)} ô; mục chưa thống nhất: {len(contested)}.\n",
            f"Outstanding: {len(outstanding)} cell(s); contested items: {len(contested)}.\n",
        ).get(lang)
    )
    for item in contested:
        scores = ", ".join(
            f"{s.member_id}={'N/A' if s.not_applicable else format_score(s.value, lang)}"
            for s in item.scores
        )
        out.write(f"  {item.unit_id} {item.node_code} [{item.consolidated.status}]: {scores}\n")
    return 0


def _audit(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    with open_as_user(args.round) as ctx:
        if args.csv is not None:
            count = audit.export_audit_csv(ctx, args.csv, lang)
            out.write(
                Msg(
                    f"Đã xuất {count} dòng nhật ký ra {args.csv}.\n",
                    f"Exported {count} audit records to {args.csv}.\n",
                ).get(lang)
            )
            return 0
        records = audit.audit_rows(ctx)
    for line in audit.audit_text_lines(records, lang):
        out.write(line + "\n")
    return 0


def _trust(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    with open_as_user(args.round) as ctx:
        if args.package is not None:
            trust = revocation.with_round_crls(ctx, signing.trust_settings(args.ca, args.crl))
            verdict = merge.package_signer(args.package, trust)
            fingerprint, signer = verdict.certificate_sha256, verdict.signer
        else:
            fingerprint, signer = args.fingerprint, ""
        member = merge.trust_member(ctx, args.member, fingerprint, ctx.actor)
    assert member.certificate_sha256 is not None
    shown = grouped(member.certificate_sha256)
    who = f" ({signer})" if signer else ""
    out.write(
        Msg(
            f"Đã đăng ký chứng thư của {member.name}{who}: {shown}\n",
            f"Registered the certificate of {member.name}{who}: {shown}\n",
        ).get(lang)
    )
    return 0
