"""``parapp external export|import|list|images``: official PDFs signed with another tool.

``export ROUND DOC -o FILE.pdf`` writes the unsigned document (DOC: ``results``, ``minutes``,
``notice:UNIT``, ``sheet:MEMBER:UNIT``) with the exact bytes to sign, or for a document with
several signers the file as the previous signer returned it; ``import ROUND FILE.pdf`` checks
the signed file and records it (exit 1 with the reason when it is refused; the refusal is
recorded); ``list`` shows every export and return; ``images`` chooses the signature and seal
images of the stamps parapp draws (Nghị định 30).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from parapp.cli.session import Commands, open_as_user
from parapp.core.errors import ValidationError
from parapp.core.messages import Lang, Msg
from parapp.io.sheets.member_sheet import DEFAULT_BODY
from parapp.services import external_signing, signing, stamp_images


def add_commands(commands: Commands) -> None:
    """Register ``external`` and its sub-commands."""
    parser = commands.add_parser(
        "external",
        help="sign official PDFs with another tool (vSignPDF, a token's tool) and bring them back",
        description=(
            "Export an official PDF with the exact bytes to sign, then import the file signed "
            "elsewhere: parapp checks the bytes, the signature, the signer and the round's content."
        ),
    )
    sub = parser.add_subparsers(dest="external_command", metavar="ACTION", required=True)

    export = sub.add_parser(
        "export",
        help="write the document to sign",
        description="DOC: results, minutes, notice:UNIT or sheet:MEMBER:UNIT.",
    )
    export.add_argument("round", type=Path, metavar="ROUND")
    export.add_argument("doc", metavar="DOC")
    export.add_argument("-o", "--out", type=Path, required=True, metavar="FILE.pdf")
    export.add_argument("--place", default=None, help="place before the date (e.g. Thái Nguyên)")
    export.add_argument("--date", default=None, metavar="YYYY-MM-DD", help="default: today")
    export.add_argument("--deadline", default=None, metavar="YYYY-MM-DD", help="notice only")
    export.add_argument("--parent-body", default=None, help="default: UBND tỉnh <place>")
    export.add_argument("--body", default=None, help=f"default: {DEFAULT_BODY}")
    export.set_defaults(handler=_export)

    bring = sub.add_parser(
        "import",
        help="check and record a PDF signed elsewhere",
        description="Exit 0 when the signature is recorded, 1 with the reason when refused.",
    )
    bring.add_argument("round", type=Path, metavar="ROUND")
    bring.add_argument("file", type=Path, metavar="FILE.pdf")
    bring.add_argument(
        "--ca", type=Path, action="append", default=[], metavar="FILE",
        help="extra trusted CA certificate (PEM/DER); repeatable",
    )  # fmt: skip
    bring.add_argument(
        "--crl", type=Path, action="append", default=[], metavar="FILE",
        help="CRL to check revocation against; repeatable",
    )  # fmt: skip
    bring.set_defaults(handler=_import)

    listing = sub.add_parser(
        "list",
        help="every export and every file brought back",
        description="Every document exported for signing, its state and signers, and each file "
        "brought back for it (accepted or refused, with the reason).",
    )
    listing.add_argument("round", type=Path, metavar="ROUND")
    listing.set_defaults(handler=_list)

    images = sub.add_parser(
        "images",
        help="choose the signature and seal images of the stamps",
        description=(
            "A member's signature image (blue, transparent PNG) and the agency's red seal (PNG), "
            "stored with the round; without them the stamp is text only."
        ),
    )
    images.add_argument("round", type=Path, metavar="ROUND")
    images.add_argument(
        "--signature-image", action="append", default=[], metavar="MEMBER=FILE.png",
        help="a member's signature image; MEMBER= (empty) forgets it; repeatable",
    )  # fmt: skip
    images.add_argument("--seal-image", metavar="FILE.png", help="the agency's seal image")
    images.add_argument("--no-seal", action="store_true", help="forget the seal image")
    images.set_defaults(handler=_images)


def _export(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    given = {
        "place": args.place,
        "date": args.date,
        "deadline": args.deadline,
        "parent_body": args.parent_body,
        "body": args.body,
    }
    with open_as_user(args.round) as ctx:
        done = external_signing.export_for_signing(ctx, args.doc, args.out, given)
    total = len(done.document.signers)
    out.write(
        Msg(
            f"Đã ghi {done.path} ({done.document.doc}), SHA-256 {done.sha256}.\n"
            f"Người ký lượt {done.step + 1}/{total}: {done.signer_name} ({done.signer_id}). "
            "Ký đúng tệp này, không sửa, rồi nhập lại bằng parapp external import.\n",
            f"Wrote {done.path} ({done.document.doc}), SHA-256 {done.sha256}.\n"
            f"Signer {done.step + 1}/{total}: {done.signer_name} ({done.signer_id}). Sign this "
            "very file, unedited, then bring it back with parapp external import.\n",
        ).get(lang)
    )
    return 0


def _import(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    trust = signing.trust_settings(args.ca, args.crl)
    with open_as_user(args.round) as ctx:
        result = external_signing.import_signed(ctx, args.file, trust)
    doc = result.document.doc if result.document else "-"
    if not result.accepted:
        err.write(
            Msg(
                f"Từ chối {args.file.name} ({doc}): {result.reason.vi}. Đợt không thay đổi "
                "(đã ghi nhận lần từ chối).\n",
                f"Refused {args.file.name} ({doc}): {result.reason.en}. The round is unchanged "
                "(the refusal is recorded).\n",
            ).get(lang)
        )
        return 1
    out.write(f"{args.file.name} ({doc}): {result.reason.get(lang)}.\n")
    return 0


def _list(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    with open_as_user(args.round) as ctx:
        found = external_signing.documents(ctx)
    if not found:
        out.write(Msg("Chưa xuất tài liệu nào để ký.\n", "No document exported yet.\n").get(lang))
        return 0
    for document, returned in found:
        state = external_signing.STATE_LABELS[document.state].get(lang)
        signers = " → ".join(document.signers)
        out.write(
            f"{document.id:>4}  {document.doc}  [{state}]  {signers}  {document.exported_at}  "
            f"{document.file_name}  {document.exported_sha256[:16]}\n"
        )
        for r in returned:
            reason = Msg(r.reason_vi, r.reason_en).get(lang) if r.outcome == "refused" else ""
            who = r.signer_member_id or r.signer_name or "-"
            out.write(f"      {r.received_at}  {r.file_name}  {r.outcome}  {who}  {reason}\n")
    return 0


def _read_png(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError(
            Msg(
                f"Không đọc được {Path(path).name}: {exc.strerror}.",
                f"Cannot read {Path(path).name}: {exc.strerror}.",
            )
        ) from None


def _images(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    chosen: list[tuple[str, bytes | None]] = []
    for item in args.signature_image:
        member, sep, file = item.partition("=")
        if not sep or not member.strip():
            raise ValidationError(
                Msg(
                    f"“{item}”: viết THÀNH-VIÊN=TỆP.png.",
                    f"“{item}”: write MEMBER=FILE.png.",
                )
            )
        chosen.append((member.strip(), _read_png(Path(file)) if file.strip() else None))
    seal = _read_png(args.seal_image) if args.seal_image else None
    stamp_images.check_images([png for _, png in chosen if png is not None], seal)
    with open_as_user(args.round) as ctx:
        for member, png in chosen:
            stamp_images.set_signature_image(ctx, member, png)
        if seal is not None or args.no_seal:
            stamp_images.set_seal_image(ctx, seal)
        hashes = stamp_images.image_hashes(ctx)
    if not hashes:
        out.write(
            Msg("Chưa chọn ảnh nào: con dấu chỉ có chữ.\n", "No image chosen: text stamps.\n").get(
                lang
            )
        )
    for key, sha in sorted(hashes.items()):
        out.write(f"{key}\t{sha}\n")
    return 0
