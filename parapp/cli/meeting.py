"""``parapp meeting ROUND``, ``parapp minutes ROUND`` and ``parapp announce ROUND``: the council
meeting (attendance, votes, decisions), its signed minutes and the draft announcement."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TextIO

from parapp.cli import keys as key_options
from parapp.cli.session import Commands, open_as_user
from parapp.core.errors import ValidationError
from parapp.core.messages import Lang, Msg
from parapp.core.numbers import format_score
from parapp.services import announce, meeting, minutes, signing
from parapp.services.context import RoundContext
from parapp.services.meeting import ItemInput, MeetingInput, Votes


def add_commands(commands: Commands) -> None:
    """Register ``meeting``, ``minutes`` and ``announce``."""
    p = commands.add_parser(
        "meeting",
        help="the council meeting: quorum rule, contested items, attendance, votes, decisions",
        description=(
            "Without --number: list the contested items (and set the quorum rule or send items "
            "to the council). With --number, --date, --place, --chair and --present: record a "
            "whole meeting in one go; refused with every problem, nothing changed. An item is "
            "UNIT:CODE; members are ids separated by commas."
        ),
    )
    p.add_argument("round", type=Path, metavar="ROUND")
    p.add_argument(
        "--quorum-rule",
        choices=[r.value for r in meeting.QuorumRule],
        help="how a proposal carries (a round setting, audited)",
    )
    p.add_argument(
        "--refer",
        action="append",
        default=[],
        metavar="UNIT:CODE[=NOTE]",
        help="send an item to the council (repeatable)",
    )
    p.add_argument("--number", help="the minutes' number, e.g. 01/BB-HĐTĐ")
    p.add_argument("--date", metavar="YYYY-MM-DD[ HH:MM]")
    p.add_argument("--place")
    p.add_argument("--chair", metavar="ID", help="the member chairing the meeting")
    p.add_argument("--secretary", metavar="ID", help="default: the council's secretary")
    p.add_argument("--present", default="", metavar="ID,ID,…")
    p.add_argument(
        "--written",
        action="append",
        default=[],
        metavar="ID=TEXT",
        help="an absent member's written opinion (repeatable)",
    )
    p.add_argument(
        "--item",
        action="append",
        default=[],
        metavar="UNIT:CODE=SCORE",
        help="a contested item and the score put to the vote (repeatable)",
    )
    for name in ("agree", "disagree", "other"):
        p.add_argument(
            f"--{name}",
            action="append",
            default=[],
            metavar="UNIT:CODE=ID,ID",
            help=f"who voted {name} on an item (repeatable)",
        )
    p.add_argument(
        "--chair-decides",
        action="append",
        default=[],
        metavar="UNIT:CODE=SCORE",
        help="the chair's decision when the proposal does not carry",
    )
    p.add_argument("--note", action="append", default=[], metavar="UNIT:CODE=TEXT")
    p.add_argument(
        "--approve", metavar="ID,ID,…", help="members agreeing to approve the round's results"
    )
    p.add_argument("--approve-disagree", default="", metavar="ID,ID,…")
    p.set_defaults(handler=_meeting)

    m = commands.add_parser(
        "minutes",
        help="write and sign the meeting's minutes (run once per signer)",
        description=(
            "The minutes of the latest meeting (ND30 Mẫu 1.9). --as secretary writes the PDF "
            "and signs it; --as chair adds the second signature to that same file. Without "
            "--as: write the unsigned PDF to read. --docx writes the same minutes as an "
            "editable Word draft."
        ),
    )
    m.add_argument("round", type=Path, metavar="ROUND")
    m.add_argument("--pdf", type=Path, metavar="FILE")
    m.add_argument(
        "--docx", type=Path, metavar="FILE.docx", help="also write an editable Word draft"
    )
    m.add_argument("--as", dest="signer", choices=[s.value for s in minutes.Signer])
    m.add_argument("--parent-body", default=None, help="default: UBND tỉnh <place>")
    m.add_argument("--ca", type=Path, action="append", default=[], metavar="PEM")
    m.add_argument("--tsa-url", default=None)
    keys = m.add_argument_group("signing key (with --as)")
    keys.add_argument("--p12", type=Path, metavar="FILE", help="PKCS#12 key file")
    key_options.option(keys, "--pkcs11-lib", type=Path, metavar="LIB", help="PKCS#11 module")
    key_options.option(m, "--pass-env", metavar="VAR", help="read the .p12 passphrase from VAR")
    key_options.token_arguments(m)
    m.set_defaults(handler=_minutes)

    a = commands.add_parser(
        "announce",
        help="write the draft announcement decision (one annex per ranking group)",
        description=(
            "Dự thảo Quyết định công bố Chỉ số CCHC: the People's Committee's draft, one annex "
            "table per ranking group; --xlsx writes the annexes as a workbook. Needs a meeting "
            "that approved the results."
        ),
    )
    a.add_argument("round", type=Path, metavar="ROUND")
    a.add_argument("--pdf", type=Path, required=True, metavar="FILE")
    a.add_argument("--xlsx", type=Path, metavar="FILE")
    a.add_argument(
        "--province", default=None, help="e.g. Thái Nguyên (default: the meeting's place)"
    )
    a.add_argument("--date", default=None, metavar="YYYY-MM-DD")
    a.set_defaults(handler=_announce)


def _item(text: str) -> tuple[str, str, str]:
    """ "UNIT:CODE=REST" -> (unit, code, rest)."""
    head, _, rest = text.partition("=")
    unit, colon, code = head.partition(":")
    if not colon or not unit.strip() or not code.strip():
        raise ValidationError(
            Msg(
                f"“{text}”: ghi mục dạng ĐƠNVỊ:MÃ (ví dụ STP:1.1).",
                f"“{text}”: write an item as UNIT:CODE (e.g. STP:1.1).",
            )
        )
    return unit.strip(), code.strip(), rest.strip()


def _ids(text: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in text.split(",") if x.strip())


def _per_item(values: list[str]) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for text in values:
        unit, code, rest = _item(text)
        out[(unit, code)] = rest
    return out


def _meeting(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    with open_as_user(args.round) as ctx:
        if args.quorum_rule:
            rule = meeting.set_quorum_rule(ctx, args.quorum_rule)
            out.write(
                Msg(
                    f"Quy tắc biểu quyết: {rule.label.vi}.\n", f"Quorum rule: {rule.label.en}.\n"
                ).get(lang)
            )
        for text in args.refer:
            unit, code, note = _item(text)
            meeting.refer_item(ctx, unit, code, note)
        if args.number is None:
            return _list(ctx, lang, out)
        missing = [o for o in ("date", "place", "chair") if getattr(args, o) is None]
        if missing:
            listed = ", ".join(f"--{o}" for o in missing)
            raise ValidationError(Msg(f"Thiếu {listed}.", f"Missing {listed}."))
        agree, disagree, other = (
            _per_item(getattr(args, n)) for n in ("agree", "disagree", "other")
        )
        chair, notes = _per_item(args.chair_decides), _per_item(args.note)
        items = []
        for text in args.item:
            unit, code, proposal = _item(text)
            key = (unit, code)
            items.append(
                ItemInput(
                    unit,
                    code,
                    proposal,
                    Votes(
                        _ids(agree.get(key, "")),
                        _ids(disagree.get(key, "")),
                        _ids(other.get(key, "")),
                    ),
                    chair.get(key),
                    notes.get(key, ""),
                    refer=any(_item(r)[:2] == key for r in args.refer),
                )
            )
        written = {}
        for text in args.written:
            member, _, opinion = text.partition("=")
            written[member.strip()] = opinion.strip()
        record = meeting.record_meeting(
            ctx,
            MeetingInput(
                number=args.number,
                held_on=args.date,
                place=args.place,
                chair_id=args.chair,
                present=_ids(args.present),
                written=written,
                items=tuple(items),
                approve=None
                if args.approve is None
                else Votes(_ids(args.approve), _ids(args.approve_disagree)),
                secretary_id=args.secretary,
            ),
        )
    stored = record.stored
    out.write(
        Msg(
            f"Đã ghi cuộc họp {stored.number}: {len(record.present)} có mặt, "
            f"{len(record.written)} ý kiến bằng văn bản, {len(stored.items)} mục đã quyết định"
            + ("; kết quả đã được thông qua.\n" if stored.approved else ".\n"),
            f"Recorded meeting {stored.number}: {len(record.present)} present, "
            f"{len(record.written)} written opinion(s), {len(stored.items)} item(s) decided"
            + ("; the results are approved.\n" if stored.approved else ".\n"),
        ).get(lang)
    )
    for item in stored.items:
        by = {"vote": Msg("biểu quyết", "vote"), "chair": Msg("Chủ tọa quyết định", "chair")}
        shown = "N/A" if item.not_applicable else format_score(item.value, lang)
        out.write(f"  {item.unit_id} {item.node_code}: {shown} ({by[item.decided_by].get(lang)})\n")
    return 0


def _list(ctx: RoundContext, lang: Lang, out: TextIO) -> int:
    rule = meeting.quorum_rule(ctx)
    out.write(
        Msg(f"Quy tắc biểu quyết: {rule.label.vi}.\n", f"Quorum rule: {rule.label.en}.\n").get(lang)
    )
    items = meeting.contested_items(ctx)
    out.write(
        Msg(
            f"Mục cần Hội đồng quyết định: {len(items)}.\n",
            f"Items for the council: {len(items)}.\n",
        ).get(lang)
    )
    origin = {
        "disagreement": Msg("chênh lệch", "disagreement"),
        "secretary": Msg("thư ký chuyển", "sent by the secretary"),
    }
    for i in items:
        scores = ", ".join(f"{m}={'N/A' if na else format_score(v, lang)}" for m, v, na in i.scores)
        out.write(f"  {i.unit_id}:{i.node_code}\t{origin[i.origin].get(lang)}\t{scores}\n")
    approved = meeting.results_approved(ctx)
    out.write(
        (
            Msg("Kết quả đã được Hội đồng thông qua.\n", "The council approved the results.\n")
            if approved
            else Msg(
                "Kết quả tạm thời (chưa được Hội đồng thông qua).\n",
                "Provisional results (not approved by the council yet).\n",
            )
        ).get(lang)
    )
    return 0


def _minutes(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    heading = {"parent_body": args.parent_body}
    if args.pdf is None and (args.docx is None or args.signer is not None):
        raise ValidationError(
            Msg(
                "Cần --pdf TỆP (biên bản PDF) hoặc --docx TỆP.docx (bản Word để chỉnh sửa); "
                "ký thì cần --pdf.",
                "Needs --pdf FILE (the PDF minutes) or --docx FILE.docx (a Word draft to edit); "
                "signing needs --pdf.",
            )
        )
    with open_as_user(args.round) as ctx:
        if args.docx is not None:
            minutes.write_minutes_docx(ctx, args.docx, **heading)
            out.write(
                Msg(
                    f"Đã ghi {args.docx} (bản Word để chỉnh sửa).\n",
                    f"Wrote {args.docx} (a Word draft to edit).\n",
                ).get(lang)
            )
            if args.pdf is None:
                return 0
        if args.signer is None:
            if args.p12 or args.pkcs11_lib:
                raise ValidationError(
                    Msg(
                        "Chọn người ký: --as secretary hoặc --as chair.",
                        "Choose who signs: --as secretary or --as chair.",
                    )
                )
            minutes.write_minutes(ctx, args.pdf, **heading)
            out.write(
                Msg(f"Đã ghi {args.pdf} (chưa ký).\n", f"Wrote {args.pdf} (unsigned).\n").get(lang)
            )
            return 0
        if args.p12 is None and args.pkcs11_lib is None:
            raise ValidationError(
                Msg(
                    "Ký cần --p12 TỆP hoặc --pkcs11-lib THƯ_VIỆN.",
                    "Signing needs --p12 FILE or --pkcs11-lib LIB.",
                )
            )
        trust = signing.trust_settings(args.ca)
        key = key_options.key_source(args, lang)
        signed = minutes.sign_minutes(
            ctx, args.pdf, minutes.Signer(args.signer), key, trust, tsa_url=args.tsa_url, **heading
        )
    out.write(Msg(f"Đã ký {signed.path}.\n", f"Signed {signed.path}.\n").get(lang))
    for number, verdict in enumerate(signed.verdicts, 1):
        out.write(f"  {number}. {verdict.field_name}: {verdict.describe(lang)}\n")
    return 0


def _announce(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    date = None
    if args.date is not None:
        try:
            date = dt.date.fromisoformat(args.date.strip())
        except ValueError:
            raise ValidationError(
                Msg(
                    f"Ngày “{args.date}” không hợp lệ (NNNN-TT-NN).",
                    f"The date “{args.date}” is not valid (YYYY-MM-DD).",
                )
            ) from None
    with open_as_user(args.round) as ctx:
        written = announce.write_announcement(
            ctx, pdf=args.pdf, xlsx=args.xlsx, province=args.province, date=date
        )
    for path in written:
        out.write(Msg(f"Đã ghi {path}.\n", f"Wrote {path}.\n").get(lang))
    return 0
