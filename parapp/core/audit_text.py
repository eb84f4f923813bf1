"""The audit trail as sentences a council reads: who did what, when, in local time.

The store keeps each change as codes (``action="resolve"``, ``field="value@1"``, ISO 8601 times
with their offset, member and unit ids). This module turns one such entry into a sentence in
Vietnamese or English ("Nguyễn Văn A sửa điểm Sở Tư pháp (STP), mục 1.1.1: 0,5 → 1."), names the
actor (never empty) and writes the time as ``dd/mm/yyyy HH:MM``. Pure: no I/O, stdlib only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from decimal import Decimal, InvalidOperation

from parapp.core.consolidation import RULE_LABELS, ConsolidationRule
from parapp.core.messages import Lang, Msg
from parapp.core.rounds import PHASE_LABELS, Phase

UNKNOWN_ACTOR = Msg("(không rõ người thực hiện)", "(unknown user)")
EMPTY_VALUE = Msg("trống", "empty")
NOT_APPLICABLE = Msg("không áp dụng", "not applicable")


@dataclass(frozen=True)
class AuditFacts:
    """One stored audit entry, as text (``None`` values already turned into "")."""

    at: str
    actor: str
    action: str
    unit_id: str = ""
    node_code: str = ""
    field: str = ""
    old: str = ""
    new: str = ""
    reason: str = ""
    source: str = ""


@dataclass(frozen=True)
class Names:
    """Display names of the round's members and units, by id (missing ids show as the id)."""

    members: Mapping[str, str] = field(default_factory=dict)
    units: Mapping[str, str] = field(default_factory=dict)

    def member(self, member_id: str) -> str:
        """``Nguyễn Văn A (UV1)``, or the id alone when the round does not know it."""
        name = self.members.get(member_id, "")
        return f"{name} ({member_id})" if name and name != member_id else member_id

    def unit(self, unit_id: str) -> str:
        """``Sở Tư pháp (STP)``, or the id alone."""
        name = self.units.get(unit_id, "")
        return f"{name} ({unit_id})" if name and name != unit_id else unit_id


def local_time(at: str, zone: tzinfo | None = None) -> str:
    """``dd/mm/yyyy HH:MM`` in ``zone`` (default: the computer's own); unreadable text as is."""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at
    if moment.tzinfo is not None:
        moment = moment.astimezone(zone)
    return moment.strftime("%d/%m/%Y %H:%M")


def actor_name(actor: str, names: Names, lang: Lang = Lang.VI) -> str:
    """Who made the change: the member's name when ``actor`` is a member id, the system user
    otherwise, and a visible placeholder (never empty) when nothing was recorded."""
    if not actor.strip():
        return UNKNOWN_ACTOR.get(lang)
    name = names.members.get(actor, "")
    return name or actor


def sentence(facts: AuditFacts, names: Names, lang: Lang = Lang.VI) -> str:
    """The entry as one sentence beginning with the actor's name."""
    build = _BUILDERS.get(facts.action, _other)
    text = build(_Entry(facts, names, lang)).get(lang)
    return f"{actor_name(facts.actor, names, lang)} {text}"


@dataclass(frozen=True)
class _Entry:
    """An entry with its helpers for the builders below."""

    f: AuditFacts
    names: Names
    lang: Lang

    def value(self, text: str) -> str:
        """A stored value for reading: decimal comma in Vietnamese, N/A and blanks in words."""
        if not text:
            return EMPTY_VALUE.get(self.lang)
        if text == "N/A":
            return NOT_APPLICABLE.get(self.lang)
        try:
            Decimal(text)
        except InvalidOperation:
            return text
        return text.replace(".", ",") if self.lang is Lang.VI else text

    def change(self) -> Msg:
        """``0,5 → 1`` (``→ 1`` when there was nothing before)."""
        new = self.value(self.f.new)
        if not self.f.old:
            return Msg(f"thành {new}", f"to {new}")
        old = self.value(self.f.old)
        return Msg(f"từ {old} thành {new}", f"from {old} to {new}")

    def item(self) -> str:
        """``Sở Tư pháp (STP), mục 1.1.1``."""
        unit = self.names.unit(self.f.unit_id)
        return f"{unit}, {'mục' if self.lang is Lang.VI else 'item'} {self.f.node_code}"

    def member(self, member_id: str | None = None) -> str:
        """A member named by ``field`` unless given."""
        return self.names.member(self.f.field if member_id is None else member_id)

    def file(self) -> str:
        """The file name of ``source`` without its ``sha256:…`` fingerprint."""
        return self.f.source.split(" sha256:", 1)[0]

    def why(self) -> Msg:
        """`` Lý do: …`` when a reason was given."""
        reason = self.f.reason.strip()
        return Msg(f" Lý do: {reason}.", f" Reason: {reason}.") if reason else Msg("", "")


def _join(*parts: Msg) -> Msg:
    return Msg("".join(p.vi for p in parts), "".join(p.en for p in parts))


def _phase(code: str) -> Msg:
    try:
        return PHASE_LABELS[Phase(code)]
    except ValueError:
        return Msg(code, code)


def _create_round(e: _Entry) -> Msg:
    return Msg(f"tạo vòng thẩm định {e.f.new}.", f"created the appraisal round {e.f.new}.")


def _add_unit(e: _Entry) -> Msg:
    unit = f"{e.f.new} ({e.f.unit_id})" if e.f.new else e.f.unit_id
    return Msg(f"thêm đơn vị {unit}.", f"added the unit {unit}.")


def _add_member(e: _Entry) -> Msg:
    # new = "ID Name [fingerprint]": the name without the certificate's fingerprint.
    words = e.f.new.split()
    if len(words) > 2 and re.fullmatch(r"[0-9a-fA-F]{64}", words[-1]):
        words = words[:-1]
    member_id, name = (words[0], " ".join(words[1:])) if words else ("", "")
    who = f"{name} ({member_id})" if name else member_id
    return Msg(f"thêm thành viên Hội đồng {who}.", f"added the council member {who}.")


def _assignments_gone(e: _Entry) -> Msg:
    """`` cùng 2 dòng phân công`` from ``new`` = ``assignments=2`` (nothing for 0)."""
    count = e.f.new.removeprefix("assignments=")
    if not count.isdigit() or count == "0":
        return Msg("", "")
    return Msg(f", cùng {count} dòng phân công", f", with its {count} assignment row(s)")


def _rename_unit(e: _Entry) -> Msg:
    return Msg(
        f"đổi tên đơn vị {e.f.unit_id} từ «{e.f.old}» thành «{e.f.new}».",
        f"renamed the unit {e.f.unit_id} from «{e.f.old}» to «{e.f.new}».",
    )


def _change_unit_type(e: _Entry) -> Msg:
    unit = e.names.unit(e.f.unit_id)
    return Msg(
        f"đổi loại đơn vị của {unit} từ «{e.f.old}» thành «{e.f.new}».",
        f"changed the unit type of {unit} from «{e.f.old}» to «{e.f.new}».",
    )


def _remove_unit(e: _Entry) -> Msg:
    unit = f"{e.f.old} ({e.f.unit_id})" if e.f.old else e.f.unit_id
    gone = _assignments_gone(e)
    return Msg(
        f"xóa đơn vị {unit} khỏi đợt thẩm định{gone.vi}.",
        f"removed the unit {unit} from the round{gone.en}.",
    )


def _rename_member(e: _Entry) -> Msg:
    return Msg(
        f"đổi tên thành viên Hội đồng {e.f.field} từ «{e.f.old}» thành «{e.f.new}».",
        f"renamed the council member {e.f.field} from «{e.f.old}» to «{e.f.new}».",
    )


def _change_member_title(e: _Entry) -> Msg:
    return Msg(
        f"sửa chức vụ của {e.member()} từ «{e.f.old}» thành «{e.f.new}».",
        f"changed the title of {e.member()} from «{e.f.old}» to «{e.f.new}».",
    )


def _remove_member(e: _Entry) -> Msg:
    who = f"{e.f.old} ({e.f.field})" if e.f.old else e.f.field
    gone = _assignments_gone(e)
    return Msg(
        f"xóa thành viên Hội đồng {who}{gone.vi}.",
        f"removed the council member {who}{gone.en}.",
    )


_ASSIGNED = re.compile(r"units=(?P<units>[^;]*); areas=(?P<areas>.*)")


def _assign(e: _Entry) -> Msg:
    found = _ASSIGNED.fullmatch(e.f.new)
    if found is None:
        return Msg(f"phân công {e.member()}.", f"assigned {e.member()}.")
    units = ", ".join(e.names.unit(u) for u in found["units"].split(",") if u)
    areas = found["areas"]
    vi_areas = "mọi lĩnh vực" if areas == "*" else f"lĩnh vực {areas.replace(',', ', ')}"
    en_areas = "every area" if areas == "*" else f"areas {areas.replace(',', ', ')}"
    return Msg(
        f"phân công {e.member()} chấm {units or 'mọi đơn vị'} ({vi_areas}).",
        f"assigned {e.member()} to score {units or 'every unit'} ({en_areas}).",
    )


def _advance_phase(e: _Entry) -> Msg:
    old, new = _phase(e.f.old), _phase(e.f.new)
    return _join(
        Msg(
            f"chuyển vòng từ giai đoạn «{old.vi}» sang «{new.vi}».",
            f"moved the round from «{old.en}» to «{new.en}».",
        ),
        e.why(),
    )


def _reopen_phase(e: _Entry) -> Msg:
    old, new = _phase(e.f.old), _phase(e.f.new)
    return _join(
        Msg(
            f"mở lại giai đoạn «{new.vi}» (trước đó: «{old.vi}»).",
            f"reopened «{new.en}» (was «{old.en}»).",
        ),
        e.why(),
    )


def _trust_member(e: _Entry) -> Msg:
    return Msg(
        f"đăng ký chứng thư số của {e.member()} sau khi đã đối chiếu mã với thành viên.",
        f"registered the certificate of {e.member()} after comparing its fingerprint with them.",
    )


def _rule(text: str) -> Msg:
    rule, _, threshold = text.partition(" ")
    try:
        label = RULE_LABELS[ConsolidationRule(rule)]
    except ValueError:
        return Msg(text, text)
    if rule != ConsolidationRule.MUST_AGREE or not threshold:
        return label
    return Msg(
        f"{label.vi}, chênh lệch tối đa {threshold.replace('.', ',')}",
        f"{label.en}, at most {threshold} apart",
    )


def _round_settings(e: _Entry) -> Msg:
    old, new = _rule(e.f.old), _rule(e.f.new)
    return Msg(
        f"đổi cách tổng hợp điểm từ «{old.vi}» thành «{new.vi}».",
        f"changed how scores are combined from «{old.en}» to «{new.en}».",
    )


def _resolve(e: _Entry) -> Msg:
    return _join(
        Msg(
            f"quyết định điểm của Hội đồng cho {e.item()} {e.change().vi}.",
            f"decided the council's score of {e.item()} {e.change().en}.",
        ),
        e.why(),
    )


_MERGED = re.compile(
    r"(?P<scores>\d+) scores, (?P<changed>\d+) changed, (?P<findings>\d+) findings"
    r"(?:; (?P<first>\d+) first scores of (?P<units>\d+) units from (?P<file>.+))?",
    re.DOTALL,
)


def _merge_submission(e: _Entry) -> Msg:
    """One row per merged submission. A newer merge also counts in it the scores that arrived
    for the first time (no stored score of the member for that unit, item and appraisal round):
    those are not audited one row per value (the signed file kept in the round's submissions
    folder holds each), while replacements still are (``merge_score``). Rows of an older merge
    have no such count, and their first values have rows of their own."""
    found = _MERGED.fullmatch(e.f.reason)
    head = Msg(
        f"tổng hợp phiếu chấm của {e.member()}",
        f"merged the score sheets of {e.member()}",
    )
    if e.f.old:
        head = _join(head, Msg(" (thay phiếu nộp trước)", " (replacing the earlier submission)"))
    if found is None:
        return _join(head, Msg(".", "."))
    scores, changed, findings = found["scores"], found["changed"], found["findings"]
    counts = Msg(
        f": {scores} điểm, {changed} điểm thay đổi, {findings} cảnh báo",
        f": {scores} scores, {changed} changed, {findings} findings",
    )
    if found["first"] is None:
        return _join(head, counts, Msg(".", "."))
    first, units, name = found["first"], found["units"], found["file"]
    return _join(
        head,
        counts,
        Msg(
            f"; trong đó {first} điểm lần đầu được nhận cho {units} đơn vị, từ tệp {name} "
            "(tệp đã ký được lưu trong thư mục bản nộp của đợt).",
            f"; of these, {first} scores for {units} units arrived for the first time, from "
            f"the file {name} (the signed file is kept in the round's submissions folder).",
        ),
    )


def _merge_conflict(e: _Entry) -> Msg:
    return Msg(
        f"nhận phiếu chấm của {e.member()} khác với phiếu đã tổng hợp; phiếu được giữ lại để "
        "thư ký xem xét, chưa tính vào kết quả.",
        f"received a submission of {e.member()} that conflicts with the merged one; it is kept "
        "for the secretary to review and not counted yet.",
    )


_FIELD_NAMES = {
    "value": Msg("điểm", "the score"),
    "comment": Msg("nhận xét", "the comment"),
    "not_applicable": Msg("đánh dấu không áp dụng", "the not-applicable mark"),
}


def _scored_field(e: _Entry) -> tuple[str, Msg, Msg]:
    """From ``value@1`` / ``value@round_1``: the field, its name, the round ("lần 1")."""
    name, _, number = e.f.field.partition("@")
    number = number.removeprefix("round_")
    label = _FIELD_NAMES.get(name, Msg(name, name))
    when = Msg(f" (thẩm định lần {number})", f" (appraisal round {number})") if number else None
    return name, label, when or Msg("", "")


def _score_change(e: _Entry, by_merge: bool) -> Msg:
    name, label, when = _scored_field(e)
    if name == "not_applicable":
        marked = e.f.new == "True"
        what = (
            Msg(f"đánh dấu {e.item()} là không áp dụng", f"marked {e.item()} not applicable")
            if marked
            else Msg(
                f"bỏ đánh dấu không áp dụng của {e.item()}",
                f"cleared the not-applicable mark of {e.item()}",
            )
        )
    elif name == "comment":
        what = Msg(
            f"sửa nhận xét về {e.item()}: «{e.f.new}»",
            f"changed the comment on {e.item()}: «{e.f.new}»",
        )
    else:
        what = Msg(
            f"sửa {label.vi} {e.item()} {e.change().vi}",
            f"changed {label.en} of {e.item()} {e.change().en}",
        )
    via = Msg(", theo phiếu chấm đã nộp", ", from the submitted sheet") if by_merge else None
    return _join(what, when, via or Msg("", ""), Msg(".", "."))


def _score(e: _Entry) -> Msg:
    return _score_change(e, by_merge=False)


def _merge_score(e: _Entry) -> Msg:
    return _score_change(e, by_merge=True)


def _component(e: _Entry) -> Msg:
    return Msg(
        f"nhập kết quả điều tra, đánh giá cho {e.item()} {e.change().vi} (tệp {e.file()}).",
        f"imported the survey or assessment result of {e.item()} {e.change().en} "
        f"(file {e.file()}).",
    )


def _self_assessment(e: _Entry) -> Msg:
    return Msg(
        f"nhập điểm tự đánh giá của {e.item()} {e.change().vi} (tệp {e.file()}).",
        f"imported the self-assessed score of {e.item()} {e.change().en} (file {e.file()}).",
    )


def _submit_scores(e: _Entry) -> Msg:
    again = Msg(" thay cho phiếu đã nộp trước", " replacing the earlier one") if e.f.old else None
    return _join(
        Msg(
            f"ký số và nộp phiếu chấm của {e.member()}",
            f"signed and submitted the score sheets of {e.member()}",
        ),
        again or Msg("", ""),
        Msg(f" (tệp {e.file()}).", f" (file {e.file()})."),
    )


_CRL = re.compile(r"(?P<issuer>.*); (?P<count>\d+) revoked")


def _set_crl(e: _Entry) -> Msg:
    found = _CRL.fullmatch(e.f.reason)
    if found is None:
        return Msg(
            f"cập nhật danh sách chứng thư bị thu hồi (tệp {e.file()}).",
            f"updated a certificate revocation list (file {e.file()}).",
        )
    issuer, count = found["issuer"], found["count"]
    return Msg(
        f"cập nhật danh sách chứng thư bị thu hồi của {issuer}: {count} chứng thư bị thu hồi "
        f"(tệp {e.file()}).",
        f"updated the revocation list of {issuer}: {count} revoked certificates (file {e.file()}).",
    )


def _build_package(e: _Entry) -> Msg:
    return Msg(
        f"tạo gói chấm điểm cho {e.member()} (tệp {e.file()}).",
        f"built the scoring package for {e.member()} (file {e.file()}).",
    )


def _open_package(e: _Entry) -> Msg:
    return Msg(
        f"mở gói chấm điểm của {e.member()} (tệp {e.file()}).",
        f"opened the scoring package of {e.member()} (file {e.file()}).",
    )


def _other(e: _Entry) -> Msg:
    """An action this version does not know (a newer parapp wrote it): its facts, plainly."""
    where = f" — {e.item()}" if e.f.unit_id else ""
    return _join(
        Msg(
            f"ghi một thay đổi khác{where}: {e.change().vi}.",
            f"recorded another change{where}: {e.change().en}.",
        ),
        e.why(),
    )


_BUILDERS: dict[str, Callable[[_Entry], Msg]] = {
    "create_round": _create_round,
    "add_unit": _add_unit,
    "add_member": _add_member,
    "rename_unit": _rename_unit,
    "change_unit_type": _change_unit_type,
    "remove_unit": _remove_unit,
    "rename_member": _rename_member,
    "change_member_title": _change_member_title,
    "remove_member": _remove_member,
    "assign": _assign,
    "advance_phase": _advance_phase,
    "reopen_phase": _reopen_phase,
    "trust_member": _trust_member,
    "round_settings": _round_settings,
    "resolve": _resolve,
    "merge_submission": _merge_submission,
    "merge_conflict": _merge_conflict,
    "merge_score": _merge_score,
    "score": _score,
    "component": _component,
    "self_assessment": _self_assessment,
    "submit_scores": _submit_scores,
    "set_crl": _set_crl,
    "build_package": _build_package,
    "open_package": _open_package,
}

ACTIONS = frozenset(_BUILDERS)
"""The action codes with a sentence of their own."""
