"""``parapp round …``: create a round, add units and members (correct or remove them:
``cli.roster``), assign, move phases, show a
summary, set the consolidation rule and revocation lists; write and import the units workbook,
the self-assessment forms and the survey/agency results workbook.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from parapp.cli import roster, round_settings
from parapp.cli.session import Commands, current_user, open_as_user, written
from parapp.core.messages import Lang, Msg
from parapp.core.rounds import ROLE_LABELS, MemberRole, Phase
from parapp.io.signing.certificates import CertificateInfo, grouped
from parapp.services import criteria_sets, results, revocation, rounds, self_assessment, workbooks
from parapp.services.context import system_clock


def add_commands(commands: Commands) -> None:
    """Register ``parapp round …`` under the root parser's sub-commands."""
    round_parser = commands.add_parser(
        "round",
        help="appraisal rounds: create, units, members, phases",
        description="Set up and follow a year's appraisal round (a .parround file).",
    )
    sub = round_parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    create = sub.add_parser(
        "create",
        help="create a round from a criteria set",
        description="Create ROUND.parround holding a frozen copy of the criteria set.",
    )
    create.add_argument("round", type=Path, metavar="ROUND")
    create.add_argument(
        "--criteria", required=True, metavar="FORM_ID", help="bundled form id or .json/.xlsx file"
    )
    create.add_argument("--name", required=True, help="the round's name")
    create.set_defaults(handler=_create)

    show = sub.add_parser(
        "show", help="summarise a round", description="Phase, units, members and assignments."
    )
    show.add_argument("round", type=Path, metavar="ROUND")
    show.set_defaults(handler=_show)

    unit = sub.add_parser("add-unit", help="add a unit", description="Add one appraised unit.")
    unit.add_argument("round", type=Path, metavar="ROUND")
    unit.add_argument("--id", required=True, dest="unit_id", help="short code, e.g. STP")
    unit.add_argument("--name", required=True, help="full name, e.g. Sở Tư pháp")
    unit.add_argument("--type", required=True, dest="unit_type", help="unit type code of the set")
    unit.set_defaults(handler=_add_unit)

    member = sub.add_parser(
        "add-member", help="add a council member", description="Add a council member."
    )
    member.add_argument("round", type=Path, metavar="ROUND")
    member.add_argument("--id", required=True, dest="member_id")
    member.add_argument("--name", required=True)
    member.add_argument("--title", default="")
    member.add_argument(
        "--role", choices=[r.value for r in MemberRole], default=MemberRole.MEMBER.value
    )
    member.add_argument(
        "--certificate",
        type=Path,
        metavar="FILE",
        help="the member's signing certificate: PEM, DER (.cer/.crt) or the certificate of a .p12",
    )
    member.add_argument(
        "--pass-env", metavar="VAR", help="read the .p12 passphrase from VAR (default: prompt)"
    )
    member.add_argument("--passphrase-env", dest="pass_env", help=argparse.SUPPRESS)
    member.set_defaults(handler=_add_member)

    assign = sub.add_parser(
        "assign",
        help="assign units and areas to a member",
        description="Set which units and areas a member scores (default: all of both).",
    )
    assign.add_argument("round", type=Path, metavar="ROUND")
    assign.add_argument("--member", required=True)
    assign.add_argument("--units", help="comma-separated unit ids (default: all)")
    assign.add_argument("--areas", help="comma-separated area codes (default: all)")
    assign.set_defaults(handler=_assign)

    phase = sub.add_parser(
        "phase",
        help="move the round to the next phase (or reopen one)",
        description="Phases: " + ", ".join(p.value for p in Phase) + ".",
    )
    phase.add_argument("round", type=Path, metavar="ROUND")
    phase.add_argument("phase", choices=[p.value for p in Phase])
    phase.add_argument("--note", default="", help="reason (required to reopen)")
    phase.set_defaults(handler=_phase)

    def file_command(name: str, help_text: str, handler: object, *, unit: bool = False) -> Any:
        command = sub.add_parser(
            name, help=help_text, description=help_text[0].upper() + help_text[1:] + "."
        )
        command.add_argument("round", type=Path, metavar="ROUND")
        if unit:
            command.add_argument("--unit", required=True, help="unit id")
        command.set_defaults(handler=handler)
        return command

    form = file_command("self-form", "write a unit's self-assessment form", _self_form, unit=True)
    form.add_argument("-o", "--out", type=Path, required=True, metavar="FILE.xlsx")
    self_import = file_command(
        "self-import",
        "import a unit's filled self-assessment form, or every form in a folder",
        _self_import,
    )
    self_import.add_argument("form", type=Path, metavar="FILE.xlsx")
    self_import.add_argument("--unit", help="unit id")
    self_import.add_argument(
        "--folder",
        action="store_true",
        help="FILE.xlsx is a folder: import every unit's form in it, each matched to its unit "
        "by the form itself",
    )
    self_import.add_argument(
        "--evidence", type=Path, metavar="DIR", help="folder with the cited evidence files"
    )
    results_form = file_command(
        "results-template", "write the survey/agency results template", _results_template
    )
    results_form.add_argument("-o", "--out", type=Path, required=True, metavar="FILE.xlsx")
    results_import = file_command(
        "results-import", "import survey, SIPAS and agency points per unit", _results_import
    )
    results_import.add_argument("results", type=Path, metavar="FILE.xlsx")
    units_form = file_command(
        "units-template", "write the units workbook template", _units_template
    )
    units_form.add_argument("-o", "--out", type=Path, required=True, metavar="FILE.xlsx")
    units = file_command("import-units", "import units from a workbook", _import_units)
    units.add_argument("units", type=Path, metavar="FILE.xlsx")

    settings = sub.add_parser(
        "settings",
        help="consolidation rule and revocation lists of the round",
        description=(
            "Show or set the consolidation rule (and the must_agree threshold), and the "
            "certificate revocation lists (CRLs) every merge of the round checks signatures "
            "against."
        ),
    )
    settings.add_argument("round", type=Path, metavar="ROUND")
    settings.add_argument("--rule", choices=["mean", "median", "single", "must_agree"])
    settings.add_argument("--threshold", help="widest agreeing spread, e.g. 0,5")
    settings.add_argument(
        "--crl", type=Path, action="append", default=[], metavar="FILE",
        help="store a CRL (PEM/DER) in the round, replacing an older one of its issuer; "
        "repeatable",
    )  # fmt: skip
    settings.add_argument(
        "--no-crl", action="store_true", help="remove every stored CRL (before any --crl)"
    )
    round_settings.add_options(settings)
    settings.set_defaults(handler=_settings)
    roster.add_actions(sub)


def _split(text: str | None) -> list[str] | None:
    return None if text is None else [part.strip() for part in text.split(",") if part.strip()]


def _create(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    criteria_set = criteria_sets.resolve(args.criteria)
    with rounds.create_round(args.round, criteria_set, args.name, actor=current_user()) as ctx:
        info = rounds.round_info(ctx)
    out.write(
        Msg(
            f"Đã tạo đợt “{info.name}” ({info.form_id}, phiên bản {info.form_version}): "
            f"{args.round}\n",
            f"Created round “{info.name}” ({info.form_id}, version {info.form_version}): "
            f"{args.round}\n",
        ).get(lang)
    )
    return 0


def _show(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    vi = lang is Lang.VI
    with open_as_user(args.round) as ctx:
        info = rounds.round_info(ctx)
        units = rounds.list_units(ctx)
        members = rounds.list_members(ctx)
        scopes = {m.id: rounds.member_scope(ctx, m.id) for m in members}
        declared = {u.id: len(self_assessment.load_self_assessment(ctx, u.id)) for u in units}
    out.write(f"{info.name} — {info.form_id} {info.form_version}\n")
    out.write(f"  {'Giai đoạn' if vi else 'Phase'}: {info.phase.label.get(lang)}\n")
    out.write(f"  {'Đơn vị' if vi else 'Units'} ({len(units)}):\n")
    items = "mục tự chấm" if vi else "self-assessed items"
    for u in units:
        out.write(
            f"    {u.id}\t{u.name}\t{u.unit_type}\t{u.ranking_group}\t{declared[u.id]} {items}\n"
        )
    out.write(f"  {'Thành viên' if vi else 'Members'} ({len(members)}):\n")
    for m in members:
        scope = scopes[m.id]
        covered = sum(1 for areas in scope.values() if areas is None or areas)
        out.write(
            f"    {m.id}\t{m.name}\t{ROLE_LABELS[m.role].get(lang)}\t"
            f"{covered} {'đơn vị' if vi else 'units'}\n"
        )
    return 0


def _add_unit(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    with open_as_user(args.round) as ctx:
        unit = rounds.add_unit(ctx, args.unit_id, args.name, args.unit_type)
    out.write(Msg(f"Đã thêm đơn vị {unit.id}.\n", f"Added unit {unit.id}.\n").get(lang))
    return 0


def _add_member(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    from parapp.cli.keys import read_secret  # noqa: PLC0415 - loaded only when needed

    certificate = None
    if args.certificate is not None:

        def passphrase() -> str:
            prompt = Msg("Mật khẩu tệp .p12: ", "Passphrase of the .p12 file: ")
            return read_secret(args.pass_env, prompt, lang)

        certificate = rounds.read_certificate(args.certificate, passphrase, at=system_clock())
    with open_as_user(args.round) as ctx:
        member = rounds.add_member(
            ctx,
            args.member_id,
            args.name,
            args.title,
            MemberRole(args.role),
            certificate.der if certificate is not None else None,
        )
    out.write(Msg(f"Đã thêm thành viên {member.id}.\n", f"Added member {member.id}.\n").get(lang))
    if certificate is not None:
        out.write(describe_certificate(certificate.info, lang))
    return 0


def describe_certificate(info: CertificateInfo, lang: Lang) -> str:
    """Subject, issuer, serial, validity and SHA-256 fingerprint, one per line."""
    day = "%d/%m/%Y"
    rows = [
        (Msg("Chứng thư số của", "Certificate of"), info.subject),
        (Msg("Nơi cấp", "Issuer"), info.issuer),
        (Msg("Số hiệu", "Serial"), info.serial.upper()),
        (
            Msg("Hiệu lực", "Valid"),
            f"{info.not_before.astimezone().strftime(day)} – "
            f"{info.not_after.astimezone().strftime(day)}",
        ),
        (Msg("Dấu vân tay SHA-256", "SHA-256 fingerprint"), grouped(info.sha256)),
    ]
    return "".join(f"  {label.get(lang)}: {value}\n" for label, value in rows)


def _assign(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    with open_as_user(args.round) as ctx:
        rows = rounds.assign(ctx, args.member, _split(args.units), _split(args.areas))
    out.write(
        Msg(
            f"Đã phân công {len(rows)} dòng cho {args.member}.\n",
            f"Assigned {len(rows)} row(s) to {args.member}.\n",
        ).get(lang)
    )
    return 0


def _phase(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    with open_as_user(args.round) as ctx:
        event = rounds.advance_phase(ctx, Phase(args.phase), args.note)
    out.write(
        Msg(
            f"Đã chuyển sang giai đoạn “{event.to_phase.label.vi}”.\n",
            f"Moved to phase “{event.to_phase.label.en}”.\n",
        ).get(lang)
    )
    return 0


def _self_form(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    with open_as_user(args.round) as ctx:
        return written(lang, out, workbooks.export_self_form(ctx, args.unit, args.out))


def _self_import(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    from parapp.cli import self_import_folder  # noqa: PLC0415 - the folder variant

    if self_import_folder.check_args(args):
        return self_import_folder.run(args, lang, out)
    with open_as_user(args.round) as ctx:
        report = workbooks.import_self_form(ctx, args.unit, args.form, args.evidence)
    if not report.changed:
        out.write(
            Msg(
                f"{args.form.name}: nội dung đã có trong đợt, không thay đổi gì.\n",
                f"{args.form.name}: already imported, nothing changed.\n",
            ).get(lang)
        )
    else:
        out.write(
            Msg(
                f"Đã nhập {report.entries} mục tự chấm của {report.unit_id}; "
                f"lưu {report.evidence_stored} tệp kiểm chứng mới.\n",
                f"Imported {report.entries} self-assessed item(s) of {report.unit_id}; "
                f"stored {report.evidence_stored} new evidence file(s).\n",
            ).get(lang)
        )
    for name in report.missing_evidence:
        out.write(
            Msg(f"  Thiếu tệp kiểm chứng: {name}\n", f"  Missing evidence file: {name}\n").get(lang)
        )
    for finding in report.findings:
        out.write(f"  {finding.severity.value}: {finding.message.get(lang)}\n")
    return 0


def _results_template(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    with open_as_user(args.round) as ctx:
        return written(lang, out, workbooks.export_results_template(ctx, args.out))


def _results_import(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    with open_as_user(args.round) as ctx:
        report = workbooks.import_results(ctx, args.results)
    out.write(
        Msg(
            f"Đã đọc {report.rows} dòng kết quả; thay đổi {report.changed}.\n",
            f"Read {report.rows} result row(s); {report.changed} changed.\n",
        ).get(lang)
    )
    for finding in report.findings:
        out.write(f"  {finding.severity.value}: {finding.message.get(lang)}\n")
    return 0


def _units_template(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    with open_as_user(args.round) as ctx:
        return written(lang, out, workbooks.export_units_template(ctx, args.out))


def _import_units(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    with open_as_user(args.round) as ctx:
        added = workbooks.import_units(ctx, args.units)
    out.write(Msg(f"Đã thêm {len(added)} đơn vị.\n", f"Added {len(added)} unit(s).\n").get(lang))
    return 0


def _settings(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    with open_as_user(args.round) as ctx:
        round_settings.apply(ctx, args)
        if args.rule is None and args.threshold is None:
            current = results.settings(ctx)
        else:
            rule = args.rule or results.settings(ctx).rule.value
            current = results.set_settings(ctx, rule, args.threshold)
        if args.no_crl:
            revocation.clear_crls(ctx)
        if args.crl:
            revocation.add_crls(ctx, args.crl)
        crls = revocation.round_crls(ctx)
        out.write(
            Msg(
                f"Cách tổng hợp: {current.describe('vi')}\n",
                f"Consolidation: {current.describe('en')}\n",
            ).get(lang)
        )
        round_settings.show(ctx, lang, out, always=round_settings.asked(args))
    if crls or args.crl or args.no_crl:
        out.write(
            Msg(
                f"Danh sách thu hồi chứng thư (CRL): {len(crls) or 'không có'}\n",
                f"Certificate revocation lists (CRLs): {len(crls) or 'none'}\n",
            ).get(lang)
        )
    for crl in crls:
        out.write(
            Msg(
                f"  {crl.issuer}: {crl.revoked} chứng thư bị thu hồi; cập nhật "
                f"{crl.this_update[:10]}, lần sau {(crl.next_update or '—')[:10]} "
                f"({crl.file_name})\n",
                f"  {crl.issuer}: {crl.revoked} revoked; issued {crl.this_update[:10]}, "
                f"next {(crl.next_update or '—')[:10]} ({crl.file_name})\n",
            ).get(lang)
        )
    return 0
