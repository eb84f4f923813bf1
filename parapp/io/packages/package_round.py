"""``round.json`` of a member package: the member's slice of a round as canonical JSON data, and
its parser, which checks every field and the slice's consistency with the criteria set.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, TypeVar

from parapp.core.criteria import CriteriaSet
from parapp.core.errors import ImportFormatError, Location, Problem
from parapp.core.explanations import Approval, ExplainedItem
from parapp.core.messages import Msg
from parapp.core.numbers import canonical
from parapp.core.round2 import Round1Score, Round2Item
from parapp.core.rounds import (
    Assignment,
    EvidenceRef,
    Member,
    MemberRole,
    Phase,
    RoundInfo,
    RoundKind,
    SelfAssessment,
    Unit,
)

ROUND_JSON = "round.json"
_E = TypeVar("_E", bound=StrEnum)


@dataclass(frozen=True)
class Component:
    """Points of a survey- or agency-assessed leaf of a unit, as the secretary imported them."""

    unit_id: str
    node_code: str
    figure: Decimal | None
    value: Decimal
    source: str
    imported_at: str


@dataclass(frozen=True)
class Round2Unit:
    """A unit's imported explanation as a round-2 package carries it: the form's identity, the
    leader's approval and the explained items of the member's areas, by node code."""

    file_name: str
    form_sha256: str
    form_serial: str
    imported_at: str
    actor: str
    approval: Approval
    items: Mapping[str, Round2Item]


@dataclass(frozen=True)
class MemberPackage:
    """What a member receives: the round, the council, and the units and areas they appraise."""

    round: RoundInfo
    """The secretary's round (``kind`` is always ``ROUND`` here)."""
    member_id: str
    members: tuple[Member, ...]
    """Every council member, the package's member included, in list order."""
    units: tuple[Unit, ...]
    """The units assigned to the member, in list order."""
    assignments: tuple[Assignment, ...]
    """The member's assignments, explicit: one per unit and area (area None: every area)."""
    self_assessments: Mapping[str, Mapping[str, SelfAssessment]]
    """Per unit, the self-assessed leaves of the areas the member scores, by node code."""
    components: tuple[Component, ...] = ()
    round_2: Mapping[str, Round2Unit] = field(default_factory=dict)
    """Round 2 only: per unit, its explanation and the explained items the member re-scores
    (format version 2; empty in a round-1 package)."""

    @property
    def member(self) -> Member:
        """The member the package is for."""
        return next(m for m in self.members if m.id == self.member_id)

    def evidence_sha256s(self) -> frozenset[str]:
        """Hashes of every evidence file the self-assessments and the explanations cite."""
        cited = {
            ref.sha256
            for entries in self.self_assessments.values()
            for entry in entries.values()
            for ref in entry.evidence
            if ref.sha256 is not None
        }
        cited.update(
            ref.sha256
            for unit in self.round_2.values()
            for item in unit.items.values()
            for ref in item.explanation.evidence
            if ref.sha256 is not None
        )
        return frozenset(cited)


def canonical_json(data: object) -> bytes:
    """Canonical JSON bytes: sorted keys, UTF-8 as is, no spaces."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def _number(value: Decimal | None) -> str | None:
    return None if value is None else canonical(value)


def round_dict(content: MemberPackage) -> dict[str, Any]:
    """``round.json`` as JSON data: decimals as strings, leaves keyed by node code."""
    info = content.round
    return {
        "round": {
            "id": info.id,
            "name": info.name,
            "year": info.year,
            "form_id": info.form_id,
            "form_version": info.form_version,
            "criteria_sha256": info.criteria_sha256,
            "phase": info.phase.value,
            "created_at": info.created_at,
        },
        "member_id": content.member_id,
        "members": [
            {
                "id": m.id,
                "name": m.name,
                "title": m.title,
                "role": m.role.value,
                "position": m.position,
                "certificate_sha256": m.certificate_sha256,
            }
            for m in content.members
        ],
        "units": [
            {
                "id": u.id,
                "name": u.name,
                "unit_type": u.unit_type,
                "ranking_group": u.ranking_group,
                "position": u.position,
            }
            for u in content.units
        ],
        "assignments": [
            {"unit_id": a.unit_id, "area_code": a.area_code}
            for a in sorted(content.assignments, key=lambda a: (a.unit_id, a.area_code or ""))
        ],
        "self_assessments": {
            unit_id: {
                code: {
                    "figure": _number(e.figure),
                    "self_score": _number(e.self_score),
                    "explanation": e.explanation,
                    "evidence": [
                        {"file_name": r.file_name, "page": r.page, "sha256": r.sha256}
                        for r in e.evidence
                    ],
                }
                for code, e in entries.items()
            }
            for unit_id, entries in content.self_assessments.items()
        },
        "components": {
            unit_id: {
                c.node_code: {
                    "figure": _number(c.figure),
                    "value": canonical(c.value),
                    "source": c.source,
                    "imported_at": c.imported_at,
                }
                for c in content.components
                if c.unit_id == unit_id
            }
            for unit_id in sorted({c.unit_id for c in content.components})
        },
        "round_2": {unit_id: _round2_unit_dict(u) for unit_id, u in content.round_2.items()},
    }


def _score_dict(score: Round1Score | None) -> dict[str, Any] | None:
    if score is None:
        return None
    return {
        "value": _number(score.value),
        "not_applicable": score.not_applicable,
        "comment": score.comment,
    }


def _round2_unit_dict(unit: Round2Unit) -> dict[str, Any]:
    return {
        "form": {
            "file_name": unit.file_name,
            "form_sha256": unit.form_sha256,
            "form_serial": unit.form_serial,
            "imported_at": unit.imported_at,
            "actor": unit.actor,
            "approver_name": unit.approval.name,
            "approver_title": unit.approval.title,
            "approved_on": unit.approval.date.isoformat(),
        },
        "items": {
            code: {
                "own_round_1": _score_dict(item.own_round_1),
                "consolidated_round_1": _score_dict(item.consolidated_round_1),
                "proposed": _number(item.explanation.proposed),
                "explanation": item.explanation.text,
                "evidence": [
                    {"file_name": r.file_name, "page": r.page, "sha256": r.sha256}
                    for r in item.explanation.evidence
                ],
            }
            for code, item in unit.items.items()
        },
    }


def round_json(content: MemberPackage) -> bytes:
    """``round.json`` as canonical bytes."""
    return canonical_json(round_dict(content))


class _Reader:
    """Typed access to JSON values that records a problem instead of raising."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def fail(self, where: str, vi: str, en: str) -> None:
        self.problems.append(
            Problem(
                Location(file=self.source),
                Msg(f"“{ROUND_JSON}” ({where}): {vi}", f"“{ROUND_JSON}” ({where}): {en}"),
            )
        )

    def obj(self, value: object, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(where, "phải là đối tượng JSON.", "must be a JSON object.")
            return {}
        return value

    def items(self, value: object, where: str) -> list[dict[str, Any]]:
        if not isinstance(value, list):
            self.fail(where, "phải là danh sách.", "must be a list.")
            return []
        return [self.obj(v, f"{where}[{i}]") for i, v in enumerate(value)]

    def text(self, obj: Mapping[str, Any], key: str, where: str, required: bool = True) -> str:
        value = obj.get(key)
        if not isinstance(value, str) or (required and not value):
            self.fail(f"{where}.{key}", "thiếu hoặc không phải chuỗi.", "missing or not a string.")
            return ""
        return value

    def optional_text(self, obj: Mapping[str, Any], key: str, where: str) -> str | None:
        return None if obj.get(key) is None else self.text(obj, key, where)

    def integer(self, obj: Mapping[str, Any], key: str, where: str) -> int:
        value = obj.get(key)
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail(f"{where}.{key}", "phải là số nguyên.", "must be an integer.")
            return 0
        return value

    def decimal(self, obj: Mapping[str, Any], key: str, where: str) -> Decimal:
        value = obj.get(key)
        try:
            number = Decimal(value) if isinstance(value, str) else None
        except InvalidOperation:
            number = None
        # Only the canonical text of a finite number: what the writer produces, nothing looser.
        if number is None or not number.is_finite() or canonical(number) != value:
            self.fail(
                f"{where}.{key}",
                f"“{value}” không phải số thập phân dạng chuỗi.",
                f"“{value}” is not a decimal number written as a string.",
            )
            return Decimal(0)
        return number

    def optional_decimal(self, obj: Mapping[str, Any], key: str, where: str) -> Decimal | None:
        return None if obj.get(key) is None else self.decimal(obj, key, where)

    def boolean(self, obj: Mapping[str, Any], key: str, where: str) -> bool:
        value = obj.get(key)
        if not isinstance(value, bool):
            self.fail(f"{where}.{key}", "phải là true/false.", "must be true or false.")
            return False
        return value

    def date(self, obj: Mapping[str, Any], key: str, where: str) -> dt.date:
        text = self.text(obj, key, where)
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            if text:
                self.fail(
                    f"{where}.{key}", "không phải ngày YYYY-MM-DD.", "is not a YYYY-MM-DD date."
                )
            return dt.date(1970, 1, 1)

    def choice(self, obj: Mapping[str, Any], key: str, where: str, enum: type[_E]) -> _E:
        value = obj.get(key)
        try:
            return enum(str(value))
        except ValueError:
            self.fail(f"{where}.{key}", f"“{value}” không hợp lệ.", f"“{value}” is invalid.")
            return next(iter(enum))


def _unique_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        raise ValueError("a key appears twice in one object")
    return dict(pairs)


def _no_float(value: str) -> object:
    raise ValueError(f"numbers are written as strings, not {value}")


def parse_round_json(
    raw: bytes, criteria_set: CriteriaSet, source: str, *, format_version: int = 2
) -> MemberPackage:
    """Parse ``round.json`` and check it against the package's criteria set. Format version 1
    has no ``round_2`` section (read as empty); version 2 requires it.

    Raises:
        ImportFormatError: not JSON, or every field and consistency problem found.
    """
    reader = _Reader(source)
    try:
        data = json.loads(
            raw.decode("utf-8"),
            parse_float=_no_float,
            parse_constant=_no_float,
            object_pairs_hook=_unique_object,
        )
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        # RecursionError: hostile nesting ("[[[[...") exhausts the decoder's stack.
        raise ImportFormatError(
            [
                Problem(
                    Location(file=source),
                    Msg(
                        f"“{ROUND_JSON}” không phải JSON hợp lệ: {exc}",
                        f"“{ROUND_JSON}” is not valid JSON: {exc}",
                    ),
                )
            ],
            source,
        ) from None
    top = reader.obj(data, "/")
    info = _round_info(reader, reader.obj(top.get("round"), "round"))
    member_id = reader.text(top, "member_id", "/")
    members = tuple(
        _member(reader, m, f"members[{i}]") for i, m in _indexed(reader, top, "members")
    )
    units = tuple(_unit(reader, u, f"units[{i}]") for i, u in _indexed(reader, top, "units"))
    assignments = tuple(
        Assignment(
            member_id,
            reader.text(a, "unit_id", f"assignments[{i}]"),
            reader.optional_text(a, "area_code", f"assignments[{i}]"),
        )
        for i, a in _indexed(reader, top, "assignments")
    )
    selfs = {
        unit_id: {
            code: _self_assessment(reader, code, e, f"self_assessments.{unit_id}.{code}")
            for code, e in reader.obj(entries, f"self_assessments.{unit_id}").items()
        }
        for unit_id, entries in reader.obj(top.get("self_assessments"), "self_assessments").items()
    }
    components = tuple(
        _component(reader, unit_id, code, c, f"components.{unit_id}.{code}")
        for unit_id, codes in reader.obj(top.get("components"), "components").items()
        for code, c in reader.obj(codes, f"components.{unit_id}").items()
    )
    round_2 = (
        {
            unit_id: _round2_unit(reader, value, f"round_2.{unit_id}")
            for unit_id, value in reader.obj(top.get("round_2"), "round_2").items()
        }
        if format_version >= 2
        else {}
    )
    content = MemberPackage(
        info, member_id, members, units, assignments, selfs, components, round_2
    )
    if not reader.problems:
        _check_slice(reader, content, criteria_set)
    if reader.problems:
        raise ImportFormatError(reader.problems, source)
    return content


def _indexed(reader: _Reader, top: Mapping[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    return list(enumerate(reader.items(top.get(key), key)))


def _round_info(r: _Reader, obj: Mapping[str, Any]) -> RoundInfo:
    return RoundInfo(
        id=r.text(obj, "id", "round"),
        name=r.text(obj, "name", "round"),
        year=r.integer(obj, "year", "round"),
        form_id=r.text(obj, "form_id", "round"),
        form_version=r.text(obj, "form_version", "round"),
        criteria_sha256=r.text(obj, "criteria_sha256", "round"),
        phase=r.choice(obj, "phase", "round", Phase),
        kind=RoundKind.ROUND,
        created_at=r.text(obj, "created_at", "round"),
    )


def _member(r: _Reader, obj: Mapping[str, Any], where: str) -> Member:
    return Member(
        id=r.text(obj, "id", where),
        name=r.text(obj, "name", where),
        title=r.text(obj, "title", where, required=False),
        role=r.choice(obj, "role", where, MemberRole),
        position=r.integer(obj, "position", where),
        certificate_sha256=r.optional_text(obj, "certificate_sha256", where),
    )


def _unit(r: _Reader, obj: Mapping[str, Any], where: str) -> Unit:
    return Unit(
        id=r.text(obj, "id", where),
        name=r.text(obj, "name", where),
        unit_type=r.text(obj, "unit_type", where),
        ranking_group=r.text(obj, "ranking_group", where),
        position=r.integer(obj, "position", where),
    )


def _self_assessment(r: _Reader, code: str, value: object, where: str) -> SelfAssessment:
    obj = r.obj(value, where)
    return SelfAssessment(
        node_code=code,
        figure=r.optional_decimal(obj, "figure", where),
        self_score=r.optional_decimal(obj, "self_score", where),
        explanation=r.text(obj, "explanation", where, required=False),
        evidence=_evidence_refs(r, obj, where),
    )


def _evidence_refs(r: _Reader, obj: Mapping[str, Any], where: str) -> tuple[EvidenceRef, ...]:
    refs: list[EvidenceRef] = []
    for i, ref in enumerate(r.items(obj.get("evidence"), f"{where}.evidence")):
        at = f"{where}.evidence[{i}]"
        page = None if ref.get("page") is None else r.integer(ref, "page", at)
        sha = r.optional_text(ref, "sha256", at)
        if sha is not None and (len(sha) != 64 or sha.strip("0123456789abcdef")):
            r.fail(f"{at}.sha256", "không phải mã SHA-256.", "is not a SHA-256 hash.")
        refs.append(EvidenceRef(r.text(ref, "file_name", at), page, sha))
    return tuple(refs)


def _round1_score(r: _Reader, value: object, where: str) -> Round1Score | None:
    if value is None:
        return None
    obj = r.obj(value, where)
    return Round1Score(
        value=r.optional_decimal(obj, "value", where),
        not_applicable=r.boolean(obj, "not_applicable", where),
        comment=r.text(obj, "comment", where, required=False),
    )


def _round2_unit(r: _Reader, value: object, where: str) -> Round2Unit:
    obj = r.obj(value, where)
    form = r.obj(obj.get("form"), f"{where}.form")
    at = f"{where}.form"
    items: dict[str, Round2Item] = {}
    for code, raw in r.obj(obj.get("items"), f"{where}.items").items():
        here = f"{where}.items.{code}"
        item = r.obj(raw, here)
        items[code] = Round2Item(
            node_code=code,
            own_round_1=_round1_score(r, item.get("own_round_1"), f"{here}.own_round_1"),
            consolidated_round_1=_round1_score(
                r, item.get("consolidated_round_1"), f"{here}.consolidated_round_1"
            ),
            explanation=ExplainedItem(
                code,
                r.optional_decimal(item, "proposed", here),
                r.text(item, "explanation", here, required=False),
                _evidence_refs(r, item, here),
            ),
        )
    return Round2Unit(
        file_name=r.text(form, "file_name", at),
        form_sha256=r.text(form, "form_sha256", at),
        form_serial=r.text(form, "form_serial", at),
        imported_at=r.text(form, "imported_at", at),
        actor=r.text(form, "actor", at, required=False),
        approval=Approval(
            r.text(form, "approver_name", at),
            r.text(form, "approver_title", at, required=False),
            r.date(form, "approved_on", at),
        ),
        items=items,
    )


def _component(r: _Reader, unit_id: str, code: str, value: object, where: str) -> Component:
    obj = r.obj(value, where)
    return Component(
        unit_id=unit_id,
        node_code=code,
        figure=r.optional_decimal(obj, "figure", where),
        value=r.decimal(obj, "value", where),
        source=r.text(obj, "source", where, required=False),
        imported_at=r.text(obj, "imported_at", where),
    )


def _check_slice(r: _Reader, content: MemberPackage, criteria_set: CriteriaSet) -> None:
    """Ids unique and known; assigned areas real; entries only for assigned units and areas."""
    member_ids = [m.id for m in content.members]
    unit_ids = [u.id for u in content.units]
    if len(set(member_ids)) != len(member_ids) or len(set(unit_ids)) != len(unit_ids):
        r.fail("members/units", "có mã bị lặp.", "an id appears twice.")
    if content.member_id not in member_ids:
        r.fail("member_id", "không có trong “members”.", "is not among “members”.")
    units = set(unit_ids)
    for a in content.assignments:
        if a.unit_id not in units:
            r.fail("assignments", f"đơn vị “{a.unit_id}” lạ.", f"unknown unit “{a.unit_id}”.")
        if a.area_code is not None and (not criteria_set.has(a.area_code) or "." in a.area_code):
            r.fail("assignments", f"lĩnh vực “{a.area_code}” lạ.", f"unknown area “{a.area_code}”.")
    if units - {a.unit_id for a in content.assignments}:
        r.fail("assignments", "có đơn vị không được phân công.", "a unit has no assignment.")
    for unit_id, entries in content.self_assessments.items():
        where = f"self_assessments.{unit_id}"
        if unit_id not in units:
            r.fail(where, "đơn vị không được phân công.", "the unit is not assigned.")
            continue
        areas = {a.area_code for a in content.assignments if a.unit_id == unit_id}
        for code in entries:
            if not criteria_set.has(code) or not criteria_set.node(code).is_leaf:
                r.fail(f"{where}.{code}", "không phải mục chấm điểm.", "not a scored item.")
            elif None not in areas and code.split(".", 1)[0] not in areas:
                r.fail(f"{where}.{code}", "ngoài lĩnh vực được phân công.", "outside the areas.")
    for unit_id, unit in content.round_2.items():
        where = f"round_2.{unit_id}"
        if unit_id not in units:
            r.fail(where, "đơn vị không được phân công.", "the unit is not assigned.")
            continue
        areas = {a.area_code for a in content.assignments if a.unit_id == unit_id}
        for code in unit.items:
            if not criteria_set.has(code) or not criteria_set.node(code).is_leaf:
                r.fail(f"{where}.{code}", "không phải mục chấm điểm.", "not a scored item.")
            elif None not in areas and code.split(".", 1)[0] not in areas:
                r.fail(f"{where}.{code}", "ngoài lĩnh vực được phân công.", "outside the areas.")
    for c in content.components:
        if c.unit_id not in units or not criteria_set.has(c.node_code):
            r.fail(
                f"components.{c.unit_id}.{c.node_code}",
                "đơn vị hoặc mục lạ.",
                "unknown unit or item.",
            )
