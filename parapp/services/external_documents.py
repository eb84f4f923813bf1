"""The official PDFs parapp hands out for signing with another tool, rebuilt on demand: the
exact bytes (deterministic renderers) and a fingerprint of the round data each one shows, so
that a signed copy brought back can be told apart from a document the round no longer matches.

``DOC`` names: ``results``, ``minutes``, ``notice:UNIT``, ``sheet:MEMBER:UNIT``. Who signs, in
order: the member for their sheet; the secretary for a notice; the secretary then the chair for
the results; the meeting's secretary then its chair for the minutes. The secretary and the chair
are members of the council with those roles (``parapp round add-member --role``), each with a
registered certificate.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import json
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from parapp import paths
from parapp.core.errors import ValidationError
from parapp.core.messages import Msg
from parapp.core.rounds import Member, MemberRole
from parapp.io.sheets import minutes_pdf
from parapp.io.sheets.member_sheet import DEFAULT_BODY
from parapp.io.sheets.notice_pdf import render_notice_pdf
from parapp.services import exports, minutes, notices, reports, results, rounds
from parapp.services.context import RoundContext
from parapp.services.scoring import load_sheet

BLANK_PLACE = "…………"


class DocKind(enum.StrEnum):
    """The kinds of document that go out for signing."""

    SHEET = "sheet"
    NOTICE = "notice"
    RESULTS = "results"
    MINUTES = "minutes"


@dataclass(frozen=True)
class DocRef:
    """A document of the round: its kind and, for a sheet or a notice, whose."""

    kind: DocKind
    unit_id: str = ""
    member_id: str = ""

    @property
    def text(self) -> str:
        """The DOC name: ``sheet:MEMBER:UNIT``, ``notice:UNIT``, ``results``, ``minutes``."""
        if self.kind is DocKind.SHEET:
            return f"sheet:{self.member_id}:{self.unit_id}"
        if self.kind is DocKind.NOTICE:
            return f"notice:{self.unit_id}"
        return self.kind.value


def parse_doc(text: str) -> DocRef:
    """Read a DOC name.

    Raises:
        ValidationError: not one of the four forms.
    """
    parts = [p.strip() for p in text.strip().split(":")]
    if parts == ["results"]:
        return DocRef(DocKind.RESULTS)
    if parts == ["minutes"]:
        return DocRef(DocKind.MINUTES)
    if len(parts) == 2 and parts[0] == "notice" and parts[1]:
        return DocRef(DocKind.NOTICE, unit_id=parts[1])
    if len(parts) == 3 and parts[0] == "sheet" and parts[1] and parts[2]:
        return DocRef(DocKind.SHEET, unit_id=parts[2], member_id=parts[1])
    raise ValidationError(
        Msg(
            f"“{text}” không phải tài liệu ký được; dùng: results, minutes, notice:ĐƠN-VỊ, "
            "sheet:THÀNH-VIÊN:ĐƠN-VỊ.",
            f"“{text}” is not a document to sign; use: results, minutes, notice:UNIT, "
            "sheet:MEMBER:UNIT.",
        )
    )


@dataclass(frozen=True)
class Rendered:
    """A document's exact bytes, the fingerprint of its content and its signers in order."""

    data: bytes
    content_sha256: str
    signers: tuple[str, ...]


def _plain(value: Any, skip: frozenset[str]) -> Any:
    """``value`` as plain JSON data, deterministically (dataclasses field by field)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(getattr(value, f.name), skip)
            for f in dataclasses.fields(value)
            if f.name not in skip
        }
    if isinstance(value, Mapping):
        return {str(k): _plain(v, skip) for k, v in sorted(value.items(), key=lambda i: str(i[0]))}
    if isinstance(value, (list, tuple, frozenset, set)):
        items = [_plain(v, skip) for v in value]
        if isinstance(value, (set, frozenset)):
            items.sort(key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
        return items
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, (Decimal, dt.date, dt.datetime)):
        return str(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return repr(value)


def fingerprint(value: Any, skip: frozenset[str] = frozenset()) -> str:
    """SHA-256 of ``value`` as canonical JSON (fields named in ``skip`` left out)."""
    text = json.dumps(
        _plain(value, skip), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(text.encode()).hexdigest()


def _by_role(ctx: RoundContext, role: MemberRole) -> Member:
    found = sorted(
        (m for m in rounds.list_members(ctx) if m.role is role), key=lambda m: m.position
    )
    if not found:
        who = "thư ký" if role is MemberRole.SECRETARY else "chủ tịch Hội đồng"
        raise ValidationError(
            Msg(
                f"Hội đồng chưa có {who}: thêm thành viên với vai trò {role.value} "
                "(parapp round add-member --role) và đăng ký chứng thư số của người đó.",
                f"The council has no {role.value}: add a member with that role "
                "(parapp round add-member --role) and register their certificate.",
            )
        )
    return found[0]


def _date(params: Mapping[str, str], key: str, ctx: RoundContext) -> dt.date:
    text = params.get(key) or ""
    if not text:
        return ctx.clock().date()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            Msg(
                f"Ngày “{text}” không hợp lệ; viết theo dạng NNNN-TT-NN, ví dụ 2027-01-08.",
                f"The date “{text}” is not valid; write it as YYYY-MM-DD, e.g. 2027-01-08.",
            )
        ) from None


def complete_params(
    ctx: RoundContext, ref: DocRef, given: Mapping[str, str | None]
) -> dict[str, str]:
    """The rendering parameters to store with an export: place, date, parent body, body (and a
    notice's deadline), defaults filled in."""
    params = {k: v for k, v in given.items() if v is not None}
    if ref.kind is DocKind.MINUTES:
        return {k: params[k] for k in ("parent_body", "body") if k in params}
    out = {
        "place": params.get("place") or BLANK_PLACE,
        "date": _date(params, "date", ctx).isoformat(),
        "body": params.get("body") or DEFAULT_BODY,
    }
    if "parent_body" in params:
        out["parent_body"] = params["parent_body"]
    if ref.kind is DocKind.NOTICE:
        if not params.get("deadline"):
            raise ValidationError(
                Msg(
                    "Thông báo cần hạn giải trình: --deadline NNNN-TT-NN.",
                    "A notice needs the explanation deadline: --deadline YYYY-MM-DD.",
                )
            )
        out["deadline"] = notices.check_deadline(params["deadline"]).isoformat()
    return out


def render(ctx: RoundContext, ref: DocRef, params: Mapping[str, str]) -> Rendered:
    """The document's bytes, content fingerprint and signers, from the round as it is now.

    Raises:
        ValidationError: unknown member or unit, no secretary or chair, no meeting, results
            that cannot be official yet.
    """
    fonts = paths.resource("fonts")
    heading: dict[str, Any] = {
        "place": params.get("place", BLANK_PLACE),
        "parent_body": params.get("parent_body"),
        "body": params.get("body", DEFAULT_BODY),
    }
    if ref.kind is DocKind.SHEET:
        day = dt.date.fromisoformat(params["date"])
        with tempfile.TemporaryDirectory(prefix="parapp-external-") as folder:
            out = Path(folder) / "sheet.pdf"
            exports.export_member_sheet_pdf(
                ctx, ref.member_id, ref.unit_id, out, date=day, **heading
            )
            data = out.read_bytes()
        content = fingerprint((load_sheet(ctx, ref.member_id, ref.unit_id), dict(params)))
        return Rendered(data, content, (ref.member_id,))
    if ref.kind is DocKind.NOTICE:
        notice = notices.build_unit_notice(
            ctx,
            ref.unit_id,
            deadline=dt.date.fromisoformat(params["deadline"]),
            date=dt.date.fromisoformat(params["date"]),
            **heading,
        )
        secretary = _by_role(ctx, MemberRole.SECRETARY)
        return Rendered(render_notice_pdf(notice, fonts).data, fingerprint(notice), (secretary.id,))
    if ref.kind is DocKind.RESULTS:
        day = dt.date.fromisoformat(params["date"])
        secretary = _by_role(ctx, MemberRole.SECRETARY)
        chair = _by_role(ctx, MemberRole.CHAIR)
        with tempfile.TemporaryDirectory(prefix="parapp-external-") as folder:
            out = Path(folder) / "results.pdf"
            reports.export_results(ctx, xlsx=None, pdf=out, date=day, **heading)
            data = out.read_bytes()
        report = reports.build_report(ctx, results.round_results(ctx), date=day, **heading)
        # the audit trail printed in the PDF grows with every action; the content is the rest
        content = fingerprint(report, frozenset({"audit", "criteria_set"}))
        return Rendered(data, content, (secretary.id, chair.id))
    record = minutes.latest_meeting(ctx)
    built = minutes.build_minutes(
        ctx, record, parent_body=params.get("parent_body"), body=params.get("body", "")
    )
    data = minutes_pdf.render_minutes(built, fonts).data
    signers = (record.stored.secretary_id, record.stored.chair_id)
    return Rendered(data, fingerprint(built), signers)
