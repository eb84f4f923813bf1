"""Command-line signing and verification: ``parapp sign …`` and ``parapp verify FILE``.

Passphrases and PINs are read from the terminal (or from an environment variable named on the
command line, for scripts), never from an argument that other users could see, and a PIN is
asked once: a wrong one stops the command.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import TextIO

from parapp.cli.keys import key_arguments, key_source, option, read_secret, token_arguments
from parapp.cli.session import Commands
from parapp.core.messages import Lang, Msg
from parapp.services import signing, verify
from parapp.services.context import open_round
from parapp.services.signing import KeyType, Pkcs12Key
from parapp.services.verify import VerifyReport


def add_commands(commands: Commands) -> None:
    """Register ``parapp verify`` and ``parapp sign …`` under the root parser's sub-commands."""
    check = commands.add_parser(
        "verify",
        help="verify a signed .parscore, .pdf or .xlsx (+ .p7s)",
        description=(
            "Print signer, certificate fingerprint, signing time, integrity and trust state. "
            "Exit 0 only when the file is signed and intact (with --strict: also trusted)."
        ),
    )
    check.add_argument("file", type=Path, metavar="FILE")
    _trust_arguments(check)
    check.add_argument(
        "--crl", type=Path, action="append", default=[], metavar="FILE",
        help="a revocation list (CRL) to check against; without one revocation is not checked",
    )  # fmt: skip
    check.add_argument(
        "--round", type=Path, metavar="ROUND",
        help="check against a round: its stored CRLs, and that the signer is the certificate "
        "registered for the member",
    )  # fmt: skip
    check.add_argument(
        "--strict", action="store_true", help="exit 1 unless the signer is trusted too"
    )
    check.set_defaults(handler=_verify)

    sign_parser = commands.add_parser(
        "sign",
        help="sign PDFs and workbooks, build a signed score package, manage certificates",
        description="Digital signatures (offline PAdES B-B unless --tsa is given).",
    )
    sub = sign_parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    pdf = sub.add_parser("pdf", help="sign a PDF", description="Sign a PDF with a visible stamp.")
    pdf.add_argument("file", type=Path, metavar="FILE.pdf")
    pdf.add_argument("-o", "--out", type=Path, help="signed copy (default FILE-signed.pdf)")
    pdf.add_argument("--field", help="signature field name (default ChuKy<n>)")
    pdf.add_argument("--reason", default=signing.PDF_REASON)
    _key_arguments(pdf)
    pdf.set_defaults(handler=_sign_pdf)

    xlsx = sub.add_parser(
        "xlsx", help="sign a workbook", description="Write FILE.xlsx.p7s (detached CMS, DER)."
    )
    xlsx.add_argument("file", type=Path, metavar="FILE.xlsx")
    _key_arguments(xlsx)
    xlsx.set_defaults(handler=_sign_xlsx)

    package = sub.add_parser(
        "package",
        help="build the member's signed score package (.parscore)",
        description="Package every assigned unit's scores from WORKSPACE, signed.",
    )
    package.add_argument("workspace", type=Path, metavar="WORKSPACE")
    package.add_argument("-o", "--out", type=Path, required=True, help="FILE.parscore or folder")
    package.add_argument("--member", help="member id (default: the workspace's member)")
    package.add_argument("--xlsx", type=Path, action="append", default=[], metavar="FILE")
    package.add_argument("--pdf", type=Path, action="append", default=[], metavar="FILE")
    option(package, "--replaces", metavar="SUBMISSION_ID", help="the submission it corrects")
    _key_arguments(package)
    package.set_defaults(handler=_sign_package)

    new_cert = sub.add_parser(
        "new-cert",
        help="create a personal signing certificate",
        description="Create an encrypted PKCS#12 and its certificate in FOLDER.",
    )
    new_cert.add_argument("--folder", type=Path, required=True)
    new_cert.add_argument("--name", required=True, help="full name of the holder")
    new_cert.add_argument("--org", default="", help="organization")
    new_cert.add_argument("--email", default="")
    new_cert.add_argument("--ec", action="store_true", help="ECDSA P-256 instead of RSA 3072")
    new_cert.add_argument("--ca-p12", type=Path, help="a local CA's PKCS#12 to issue with")
    option(new_cert, "--ca-pass-env", metavar="VAR", help="read the CA's passphrase from VAR")
    option(new_cert, "--pass-env", metavar="VAR", help="read the new key's passphrase from VAR")
    new_cert.set_defaults(handler=_new_cert)

    tokens = sub.add_parser(
        "tokens",
        help="list tokens and their certificates",
        description="List PKCS#11 tokens and certificates (with --pin-env: which have keys).",
    )
    token_arguments(tokens, listing=True)
    tokens.set_defaults(handler=_tokens)


def _trust_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--ca", type=Path, action="append", default=[], metavar="FILE",
        help="a trusted root certificate (PEM/DER), in addition to resources/certs",
    )  # fmt: skip


def _key_arguments(parser: argparse.ArgumentParser) -> None:
    key_arguments(parser)  # the vocabulary every signing command shares (cli_keys)
    parser.add_argument("--tsa", metavar="URL", help="RFC 3161 timestamp server (online)")
    _trust_arguments(parser)


def _when(moment: datetime | None) -> str:
    if moment is None:
        return "—"
    return moment.astimezone().strftime("%d/%m/%Y %H:%M:%S %z")


def _grouped(sha256: str) -> str:
    text = sha256.upper()
    return ":".join(text[i : i + 2] for i in range(0, len(text), 2))


def describe_report(report: VerifyReport, lang: Lang) -> str:
    """The report as ``parapp verify`` prints it."""
    vi = lang is Lang.VI
    lines = [str(report.path)]
    if report.manifest is not None:
        m = report.manifest
        lines.append(
            f"  {'Bộ tiêu chí' if vi else 'Criteria set'}: {m.form_id} {m.form_version}; "
            f"{'thành viên' if vi else 'member'} {m.member_id}; "
            f"{'mã nộp' if vi else 'submission'} {m.submission_id}; "
            f"{'lập lúc' if vi else 'created'} {m.created_at}"
        )
        if m.deprecated_id:
            lines.append(f"  {'Thay thế lần nộp' if vi else 'Replaces'} {m.deprecated_id}")
    if not report.signatures:
        lines.append("  " + ("Không có chữ ký số." if vi else "No digital signature."))
    for number, sig in enumerate(report.signatures, start=1):
        where = f" ({sig.field_name})" if sig.field_name else ""
        lines.append(f"  {'Chữ ký' if vi else 'Signature'} {number}{where}:")
        when = _when(sig.signing_time)
        if not sig.timestamped and sig.signing_time is not None:
            when += (
                " (theo máy người ký; không có dấu thời gian)"
                if vi
                else (" (signer's clock; no timestamp)")
            )
        rows = [
            ("Người ký", "Signer", sig.signer or "—"),
            ("Dấu vân tay chứng thư (SHA-256)", "Certificate fingerprint (SHA-256)",
             _grouped(sig.certificate_sha256) if sig.certificate_sha256 else "—"),
            ("Thời gian ký", "Signing time", when),
            ("Toàn vẹn", "Integrity",
             ("nguyên vẹn" if vi else "intact") if sig.intact
             else ("đã bị thay đổi hoặc hỏng" if vi else "altered or damaged")),
            ("Trạng thái", "Trust", sig.trust.label.get(lang)),
        ]  # fmt: skip
        if sig.problem is not None:
            rows.append(("Ghi chú", "Note", sig.problem.get(lang)))
        lines.extend(
            f"    {vi_label if vi else en_label}: {value}" for vi_label, en_label, value in rows
        )
    if report.files:
        lines.append(f"  {'Tệp' if vi else 'Files'}:")
        for f in report.files:
            state = ("khớp" if vi else "ok") if f.ok else ("LỖI" if vi else "FAILED")
            note = f" — {f.problem.get(lang)}" if f.problem is not None and not f.ok else ""
            lines.append(f"    {f.name}: {state}{note}")
    lines.extend(f"  {problem.get(lang)}" for problem in report.problems)
    verdict = report.trust.label.get(lang)
    lines.append(f"  {'Kết luận' if vi else 'Result'}: {verdict}")
    return "\n".join(lines) + "\n"


def _verify(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    trust = signing.trust_settings(args.ca, args.crl)
    registered = None
    if args.round is not None:
        with open_round(args.round) as ctx:
            trust, registered = verify.round_trust(ctx, trust)
    report = verify.verify_file(args.file, trust, registered)
    out.write(describe_report(report, lang))
    reasons = "; ".join(
        dict.fromkeys(s.problem.get(lang) for s in report.signatures if s.problem is not None)
    )
    if not report.intact:
        failed = ", ".join(report.failed_files())
        refused = [s for s in report.signatures if s.intact and s.problem is not None]
        # the bytes are intact but the certificate is refused: say why (expired, revoked, …)
        why = f" ({reasons})" if refused else ""
        err.write(
            Msg(
                f"Không đạt: {report.path.name}: {failed}{why}\n",
                f"FAILED: {report.path.name}: {failed}{why}\n",
            ).get(lang)
        )
        return 1
    if args.strict and report.trust not in (
        verify.TrustState.VALID,
        verify.TrustState.VALID_REVOCATION_NOT_CHECKED,
    ):
        why = f" ({reasons})" if reasons else ""
        err.write(
            Msg(
                f"Chưa xác minh được người ký {report.path.name}{why}; với --strict, tệp không "
                "được chấp nhận.",
                f"The signer of {report.path.name} could not be confirmed{why}; with --strict "
                "the file is not accepted.",
            ).get(lang)
            + "\n"
        )
        return 1
    return 0


def _signed(result: signing.SignedFile, lang: Lang, out: TextIO) -> int:
    v = result.verdict
    stamp = (
        Msg("có dấu thời gian", "timestamped")
        if v.timestamped
        else Msg("không có dấu thời gian (PAdES B-B, ký ngoại tuyến)", "no timestamp (offline)")
    )
    out.write(
        Msg(
            f"Đã ký: {result.path} — {v.signer}, {v.trust.label.vi}; {stamp.vi}.\n",
            f"Signed: {result.path} — {v.signer}, {v.trust.label.en}; {stamp.en}.\n",
        ).get(lang)
    )
    return 0


def _sign_pdf(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    trust = signing.trust_settings(args.ca)
    result = signing.sign_pdf_file(
        args.file,
        key_source(args, lang),
        trust,
        out=args.out,
        field_name=args.field,
        reason=args.reason,
        tsa_url=args.tsa,
    )
    return _signed(result, lang, out)


def _sign_xlsx(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    trust = signing.trust_settings(args.ca)
    result = signing.sign_xlsx_file(args.file, key_source(args, lang), trust, tsa_url=args.tsa)
    return _signed(result, lang, out)


def _sign_package(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    trust = signing.trust_settings(args.ca)
    key = key_source(args, lang)
    with open_round(args.workspace) as ctx:
        built = signing.build_score_package(
            ctx,
            key,
            args.out,
            trust,
            member_id=args.member,
            xlsx=args.xlsx,
            pdf=args.pdf,
            deprecated_id=args.replaces,
            tsa_url=args.tsa,
        )
    m = built.manifest
    out.write(
        Msg(
            f"Đã đóng gói và ký {built.path} ({len(built.units)} đơn vị, mã nộp "
            f"{m.submission_id}) — {built.verdict.signer}, {built.verdict.trust.label.vi}.\n",
            f"Packaged and signed {built.path} ({len(built.units)} units, submission "
            f"{m.submission_id}) — {built.verdict.signer}, {built.verdict.trust.label.en}.\n",
        ).get(lang)
    )
    return 0


def _new_cert(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    passphrase = read_secret(
        args.pass_env, Msg("Mật khẩu bảo vệ khóa mới: ", "New key passphrase: "), lang
    )
    ca = None
    if args.ca_p12 is not None:
        ca_secret = read_secret(
            args.ca_pass_env, Msg("Mật khẩu tệp khóa CA: ", "CA key passphrase: "), lang
        )
        ca = Pkcs12Key(args.ca_p12, ca_secret)
    created = signing.create_certificate(
        args.folder,
        args.name,
        passphrase,
        key_type=KeyType.EC if args.ec else KeyType.RSA,
        organization=args.org,
        email=args.email,
        ca_key=ca,
    )
    info = created.info
    out.write(
        Msg(
            f"Đã tạo chứng thư số cho {info.subject}:\n  khóa: {created.pkcs12_path}\n"
            f"  chứng thư: {created.certificate_path}\n  dấu vân tay SHA-256 (gửi thư ký "
            f"đăng ký): {_grouped(info.sha256)}\n",
            f"Created a certificate for {info.subject}:\n  key: {created.pkcs12_path}\n"
            f"  certificate: {created.certificate_path}\n  SHA-256 fingerprint (for the "
            f"secretary to register): {_grouped(info.sha256)}\n",
        ).get(lang)
    )
    return 0


def _tokens(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    vi = lang is Lang.VI
    found = signing.list_tokens(args.pkcs11_lib)
    if not found:
        out.write("Không có thiết bị ký số nào.\n" if vi else "No token present.\n")
        return 0
    for token in found:
        out.write(f"{token.label}\t{token.manufacturer} {token.model}\t{token.serial}\n")
    pin = None
    if args.pin_env:
        pin = read_secret(args.pin_env, Msg("", ""), lang)
    for cert in signing.list_token_certificates(args.pkcs11_lib, args.token_label, pin):
        key = {True: "có khóa" if vi else "has key", False: "không khóa" if vi else "no key"}
        out.write(
            f"  {cert.object_id.hex()}\t{cert.info.subject}\t"
            f"{cert.info.not_after.strftime('%d/%m/%Y')}\t{_grouped(cert.info.sha256)}"
            + (f"\t{key[cert.has_key]}" if cert.has_key is not None else "")
            + "\n"
        )
    return 0
