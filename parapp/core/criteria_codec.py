"""Canonical JSON form of a criteria set: sorted keys, decimals as strings, defaults omitted.

``loads(dumps(s)) == s`` for every valid set. ``loads`` reports every type problem with its location
(``nodes`` row n, field name) before handing the rows to ``criteria_build.assemble``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import replace
from decimal import Decimal
from typing import Any, TypeVar

from parapp.core.criteria import (
    Aggregation,
    Assessor,
    Band,
    BandsRule,
    BonusMode,
    ClassBand,
    CriteriaSet,
    FreeRule,
    Level,
    LevelsRule,
    Node,
    ProportionalRule,
    RankingGroup,
    RankingMethod,
    Role,
    Rule,
    UnitType,
)
from parapp.core.criteria_build import NodeSpec, assemble
from parapp.core.errors import ImportFormatError, Location, Problem, ValidationError
from parapp.core.messages import Msg
from parapp.core.numbers import canonical, to_decimal

FORMAT = "parapp-criteria"
FORMAT_VERSION = 1
_E = TypeVar("_E", Assessor, Role, Aggregation, RankingMethod, BonusMode)


def dumps(criteria_set: CriteriaSet) -> str:
    """Canonical, human-diffable JSON text (one key per line, sorted keys, UTF-8 as is)."""
    return json.dumps(to_dict(criteria_set), ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def loads(text: str | bytes, source: str = "") -> CriteriaSet:
    """Parse canonical JSON into a checked set.

    Raises:
        ImportFormatError: the text is not JSON or the set has problems; every one is listed.
    """
    try:
        data = json.loads(text, parse_float=Decimal, parse_constant=_refuse_constant)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        # RecursionError: hostile nesting ("[[[[...") exhausts the decoder's stack.
        raise ImportFormatError(
            [
                Problem(
                    Location(file=source),
                    Msg(f"Không đọc được JSON: {exc}", f"Not valid JSON: {exc}"),
                )
            ],
            source,
        ) from None
    return from_dict(data, source)


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed")


def to_dict(criteria_set: CriteriaSet) -> dict[str, Any]:
    """The set as plain JSON-ready data."""
    s = criteria_set
    data: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "form_id": s.form_id,
        "version": s.version,
        "year": s.year,
        "name": s.name,
        "decision": s.decision,
        "note": s.note,
        "unit_types": [{"code": u.code, "label": u.label} for u in s.unit_types],
        "ranking_groups": [
            {"code": g.code, "label": g.label, "unit_types": sorted(g.unit_types)}
            for g in s.ranking_groups
        ],
        "classes": [{"label": c.label, "lower": canonical(c.lower)} for c in s.classes],
        "ranking": s.ranking.value,
        "bonus_mode": s.bonus_mode.value,
        "index_places": s.index_places,
        "rounding": s.rounding,
        "nodes": [_node_dict(n) for n in s.walk()],
    }
    return data


def _node_dict(node: Node) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": node.code,
        "name": node.name,
        "maximum": canonical(node.maximum),
    }
    optional: dict[str, Any] = {
        "minimum": canonical(node.minimum) if node.minimum != 0 else None,
        "guidance": node.guidance or None,
        "evidence": node.evidence or None,
        "assessor": node.assessor.value if node.assessor is not Assessor.COUNCIL else None,
        "role": node.role.value if node.role is not Role.NORMAL else None,
        "aggregation": node.aggregation.value if node.aggregation is not Aggregation.SUM else None,
        "applies_to": sorted(node.applies_to) if node.applies_to is not None else None,
        "maximum_by_unit_type": {k: canonical(v) for k, v in node.maximum_by_unit_type.items()}
        or None,
        "rule": rule_dict(node.rule) if node.is_leaf and node.rule != FreeRule() else None,
    }
    data.update({k: v for k, v in optional.items() if v is not None})
    return data


def rule_dict(rule: Rule) -> dict[str, Any]:
    """A scoring rule as JSON-ready data (also used by the workbook's rule column)."""
    if isinstance(rule, FreeRule):
        return {"kind": "free", **({"step": canonical(rule.step)} if rule.step else {})}
    if isinstance(rule, LevelsRule):
        return {
            "kind": "levels",
            "levels": [{"value": canonical(lv.value), "label": lv.label} for lv in rule.levels],
        }
    if isinstance(rule, BandsRule):
        data: dict[str, Any] = {
            "kind": "bands",
            "figure_label": rule.figure_label,
            "figure_unit": rule.figure_unit,
            "bands": [
                {
                    "score": canonical(b.score),
                    "lower": None if b.lower is None else canonical(b.lower),
                    "inclusive": b.inclusive,
                    "label": b.label,
                }
                for b in rule.bands
            ],
        }
        if rule.step is not None:
            data["step"] = canonical(rule.step)
        return data
    return {
        "kind": "proportional",
        "figure_max": canonical(rule.figure_max),
        "figure_label": rule.figure_label,
        "figure_unit": rule.figure_unit,
    }


class _Reader:
    """Typed access to JSON values that records a located problem instead of raising."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def where(self, sheet: str | None, row: int | None, column: str) -> Location:
        return Location(file=self.source, sheet=sheet, row=row, column=column)

    def fail(self, loc: Location, vi: str, en: str) -> None:
        self.problems.append(Problem(loc, Msg(vi, en)))

    def text(self, obj: Mapping[str, Any], key: str, loc: Location, default: str = "") -> str:
        value = obj.get(key, default)
        if not isinstance(value, str):
            self.fail(loc, f"“{key}” phải là chuỗi.", f"“{key}” must be a string.")
            return default
        return value

    def number(
        self, obj: Mapping[str, Any], key: str, loc: Location, default: Decimal | None = None
    ) -> Decimal:
        value = obj.get(key)
        if value is None:
            if default is not None:
                return default
            self.fail(loc, f"Thiếu “{key}”.", f"“{key}” is missing.")
            return Decimal(0)
        try:
            return to_decimal(value, places=4, what=Msg(f"“{key}”", f"“{key}”"))
        except ValidationError as exc:
            self.fail(loc, exc.msg.vi, exc.msg.en)
            return Decimal(0)

    def optional_number(self, obj: Mapping[str, Any], key: str, loc: Location) -> Decimal | None:
        return None if obj.get(key) is None else self.number(obj, key, loc)

    def choice(
        self, obj: Mapping[str, Any], key: str, loc: Location, enum: type[_E], default: _E
    ) -> _E:
        value = obj.get(key, default.value)
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(e.value for e in enum)
            self.fail(
                loc,
                f"“{key}” = “{value}” không hợp lệ (chọn: {allowed}).",
                f"“{key}” = “{value}” is invalid (choose: {allowed}).",
            )
            return default

    def items(self, obj: Mapping[str, Any], key: str, loc: Location) -> list[Mapping[str, Any]]:
        value = obj.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail(
                loc, f"“{key}” phải là danh sách đối tượng.", f"“{key}” must be a list of objects."
            )
            return []
        return value

    def strings(self, obj: Mapping[str, Any], key: str, loc: Location) -> list[str] | None:
        value = obj.get(key)
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(
                loc, f"“{key}” phải là danh sách chuỗi.", f"“{key}” must be a list of strings."
            )
            return []
        return value


def from_dict(data: object, source: str = "") -> CriteriaSet:
    """Build a checked set from JSON data (see ``loads``)."""
    r = _Reader(source)
    if not isinstance(data, dict):
        r.fail(
            r.where(None, None, "$"),
            "Tệp phải chứa một đối tượng JSON.",
            "The file must hold a JSON object.",
        )
        raise ImportFormatError(r.problems, source)
    top: Callable[[str], Location] = lambda key: r.where(None, None, key)  # noqa: E731
    if data.get("format") != FORMAT or data.get("format_version") != FORMAT_VERSION:
        r.fail(
            top("format"),
            f"Không phải bộ tiêu chí parapp "
            f"(cần format “{FORMAT}”, format_version {FORMAT_VERSION}).",
            f"Not a parapp criteria set "
            f"(expected format “{FORMAT}”, format_version {FORMAT_VERSION}).",
        )
        raise ImportFormatError(r.problems, source)
    year = data.get("year")
    if isinstance(year, bool) or not isinstance(year, int):
        r.fail(top("year"), "“year” phải là số nguyên.", "“year” must be an integer.")
        year = 0
    places = data.get("index_places", 2)
    if isinstance(places, bool) or not isinstance(places, int):
        r.fail(
            top("index_places"),
            "“index_places” phải là số nguyên.",
            "“index_places” must be an integer.",
        )
        places = 2
    meta = CriteriaSet(
        form_id=r.text(data, "form_id", top("form_id")),
        version=r.text(data, "version", top("version")),
        year=year,
        name=r.text(data, "name", top("name")),
        decision=r.text(data, "decision", top("decision")),
        note=r.text(data, "note", top("note")),
        nodes=(),
        unit_types=tuple(
            UnitType(
                r.text(u, "code", r.where("unit_types", i, "code")),
                r.text(u, "label", r.where("unit_types", i, "label")),
            )
            for i, u in enumerate(r.items(data, "unit_types", top("unit_types")), 1)
        ),
        ranking_groups=tuple(
            RankingGroup(
                r.text(g, "code", r.where("ranking_groups", i, "code")),
                r.text(g, "label", r.where("ranking_groups", i, "label")),
                frozenset(
                    r.strings(g, "unit_types", r.where("ranking_groups", i, "unit_types")) or ()
                ),
            )
            for i, g in enumerate(r.items(data, "ranking_groups", top("ranking_groups")), 1)
        ),
        classes=tuple(
            ClassBand(
                r.text(c, "label", r.where("classes", i, "label")),
                r.number(c, "lower", r.where("classes", i, "lower")),
            )
            for i, c in enumerate(r.items(data, "classes", top("classes")), 1)
        ),
        ranking=r.choice(data, "ranking", top("ranking"), RankingMethod, RankingMethod.DENSE),
        bonus_mode=r.choice(data, "bonus_mode", top("bonus_mode"), BonusMode, BonusMode.INSIDE),
        index_places=places,
        rounding=r.text(data, "rounding", top("rounding"), "half_up"),
    )
    specs = [_spec(r, n, i) for i, n in enumerate(r.items(data, "nodes", top("nodes")), 1)]
    # A value already reported is not checked again (its default stands in for it).
    skip = {_skip_key(p.location) for p in r.problems}
    try:
        criteria_set = assemble(meta, specs, None, _meta_locations(r, meta), source, skip)
    except ImportFormatError as exc:
        raise ImportFormatError([*r.problems, *exc.problems], source) from None
    if r.problems:
        raise ImportFormatError(r.problems, source)
    return criteria_set


def _meta_locations(r: _Reader, meta: CriteriaSet) -> dict[str, Location]:
    """Where each metadata value sits in the file, so assemble's messages name the file too."""
    fields = ("form_id", "version", "year", "name", "index_places", "rounding")
    where = {key: r.where(None, None, key) for key in (*fields, "unit_types", "ranking_groups")}
    where["classes"] = r.where(None, None, "classes")
    for i in range(1, len(meta.unit_types) + 1):
        where[f"unit_types.{i}"] = r.where("unit_types", i, "code")
        where[f"unit_types.{i}.label"] = r.where("unit_types", i, "label")
    for i in range(1, len(meta.ranking_groups) + 1):
        where[f"ranking_groups.{i}"] = r.where("ranking_groups", i, "code")
    for i in range(1, len(meta.classes) + 1):
        where[f"classes.{i}"] = r.where("classes", i, "lower")
    return where


def _skip_key(loc: Location) -> str:
    """The ``assemble(unreadable=...)`` key of a value whose problem is at ``loc``."""
    if loc.sheet is None:
        return str(loc.column)
    label = ".label" if loc.sheet == "unit_types" and loc.column == "label" else ""
    return f"{loc.sheet}.{loc.row}{label}"


def _spec(r: _Reader, n: Mapping[str, Any], i: int) -> NodeSpec:
    """One node; the fields it reports a problem for are marked unreadable."""
    before = len(r.problems)
    spec = _read_spec(r, n, i)
    bad = frozenset(str(p.location.column) for p in r.problems[before:])
    return replace(spec, unreadable=bad)


def _read_spec(r: _Reader, n: Mapping[str, Any], i: int) -> NodeSpec:
    at: Callable[[str], Location] = lambda key: r.where("nodes", i, key)  # noqa: E731
    applies = r.strings(n, "applies_to", at("applies_to"))
    by_type = n.get("maximum_by_unit_type", {})
    if not isinstance(by_type, dict):
        r.fail(at("maximum_by_unit_type"), "Phải là đối tượng.", "Must be an object.")
        by_type = {}
    return NodeSpec(
        code=r.text(n, "code", at("code")),
        name=r.text(n, "name", at("name")),
        maximum=r.number(n, "maximum", at("maximum")),
        minimum=r.number(n, "minimum", at("minimum"), Decimal(0)),
        guidance=r.text(n, "guidance", at("guidance")),
        evidence=r.text(n, "evidence", at("evidence")),
        assessor=r.choice(n, "assessor", at("assessor"), Assessor, Assessor.COUNCIL),
        rule=_rule(r, n.get("rule"), at("rule")),
        role=r.choice(n, "role", at("role"), Role, Role.NORMAL),
        aggregation=r.choice(n, "aggregation", at("aggregation"), Aggregation, Aggregation.SUM),
        applies_to=None if applies is None else frozenset(applies),
        maximum_by_unit_type={
            str(k): r.number(by_type, k, at("maximum_by_unit_type")) for k in by_type
        },
        location=Location(file=r.source, sheet="nodes", row=i),
    )


def rule_from_data(data: object, source: str = "", where: Location | None = None) -> Rule:
    """Parse one rule object (JSON data). Raises ImportFormatError with its problems."""
    r = _Reader(source)
    rule = _rule(r, data, where or Location(file=source, column="rule"))
    if r.problems:
        raise ImportFormatError(r.problems, source)
    return rule


def _rule(r: _Reader, data: object, loc: Location) -> Rule:
    if data is None:
        return FreeRule()
    if not isinstance(data, dict):
        r.fail(loc, "Cách chấm phải là đối tượng.", "The rule must be an object.")
        return FreeRule()
    kind = data.get("kind")
    if kind == "free":
        return FreeRule(step=r.optional_number(data, "step", loc))
    if kind == "levels":
        return LevelsRule(
            levels=tuple(
                Level(r.number(lv, "value", loc), r.text(lv, "label", loc))
                for lv in r.items(data, "levels", loc)
            )
        )
    if kind == "bands":
        bands = []
        for b in r.items(data, "bands", loc):
            inclusive = b.get("inclusive", True)
            if not isinstance(inclusive, bool):
                r.fail(loc, "“inclusive” phải là true/false.", "“inclusive” must be true/false.")
                inclusive = True
            bands.append(
                Band(
                    score=r.number(b, "score", loc),
                    lower=r.optional_number(b, "lower", loc),
                    inclusive=inclusive,
                    label=r.text(b, "label", loc),
                )
            )
        return BandsRule(
            bands=tuple(bands),
            figure_label=r.text(data, "figure_label", loc),
            figure_unit=r.text(data, "figure_unit", loc, "%"),
            step=r.optional_number(data, "step", loc),
        )
    if kind == "proportional":
        return ProportionalRule(
            figure_max=r.number(data, "figure_max", loc, Decimal(100)),
            figure_label=r.text(data, "figure_label", loc),
            figure_unit=r.text(data, "figure_unit", loc, "%"),
        )
    r.fail(
        loc,
        f"Loại cách chấm “{kind}” không có (free, levels, bands, proportional).",
        f"Unknown rule kind “{kind}” (free, levels, bands, proportional).",
    )
    return FreeRule()
