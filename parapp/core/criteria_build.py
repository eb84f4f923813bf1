"""Assemble and check a criteria set from flat rows, collecting every problem in one go.

Every format (JSON, the secretary's workbook) parses its cells into ``NodeSpec`` rows and a metadata
``CriteriaSet`` without nodes, then calls ``assemble``. Nothing is returned unless the whole set is
sound: an ``ImportFormatError`` lists each problem with its file, sheet, row and column.

Each problem is reported once. A reader that could not read a cell has already reported it and
names the field as *unreadable* (``NodeSpec.unreadable``, ``assemble(unreadable=...)``); the
default put in its place is then not checked again. Parent sums are checked only on sound
subtrees: a parent's sum is not checked when it or a row below it already has a problem with a
value the sum depends on (maximum, minimum, per-type maxima, unit types, aggregation, code),
since fixing that value may fix the sum. A malformed code counts under the ancestors its prefix
names, an unreadable one under the row above it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from parapp.core.criteria import (
    Aggregation,
    Assessor,
    BandsRule,
    CriteriaSet,
    FreeRule,
    LevelsRule,
    Node,
    ProportionalRule,
    Role,
    Rule,
)
from parapp.core.errors import ImportFormatError, Location, Problem
from parapp.core.messages import Msg
from parapp.core.numbers import canonical

CODE_PATTERN = re.compile(r"^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*$")
FORM_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
VERSION_PATTERN = re.compile(r"^\d{10}$")


def nfc(text: str) -> str:
    """Normalise to NFC and strip: text pasted from Word or the web is often decomposed (NFD)."""
    return unicodedata.normalize("NFC", text).strip()


@dataclass(frozen=True)
class NodeSpec:
    """One row of a criteria set before assembly; ``location`` is the row, fields name columns."""

    code: str
    name: str
    maximum: Decimal
    minimum: Decimal = Decimal(0)
    guidance: str = ""
    evidence: str = ""
    assessor: Assessor = Assessor.COUNCIL
    rule: Rule = field(default_factory=FreeRule)
    role: Role = Role.NORMAL
    aggregation: Aggregation = Aggregation.SUM
    applies_to: frozenset[str] | None = None
    maximum_by_unit_type: Mapping[str, Decimal] = field(default_factory=dict)
    location: Location = field(default_factory=Location)
    unreadable: frozenset[str] = frozenset()
    """Fields whose cell could not be read (already reported); their defaults are not checked."""


_NUMBER_FIELDS = frozenset({"maximum", "minimum", "maximum_by_unit_type"})
"""A row with one of these unreadable skips its range checks."""
_SUM_FIELDS = _NUMBER_FIELDS | {"applies_to", "aggregation"}
"""A problem with one of these on a row leaves its own and its ancestors' sums unchecked."""


def specs_of(criteria_set: CriteriaSet) -> list[NodeSpec]:
    """Flatten a set back into rows (document order): the inverse of ``assemble``."""
    return [
        NodeSpec(
            code=n.code,
            name=n.name,
            maximum=n.maximum,
            minimum=n.minimum,
            guidance=n.guidance,
            evidence=n.evidence,
            assessor=n.assessor,
            rule=n.rule,
            role=n.role,
            aggregation=n.aggregation,
            applies_to=n.applies_to,
            maximum_by_unit_type=dict(n.maximum_by_unit_type),
        )
        for n in criteria_set.walk()
    ]


class _Collector:
    """Gathers problems with the column of the field they concern."""

    def __init__(self, columns: Mapping[str, str]) -> None:
        self.columns = columns
        self.problems: list[Problem] = []

        self.fields: list[str | None] = []
        """The field of each problem, in step with ``problems``."""

    def add(self, where: Location, fieldname: str | None, vi: str, en: str) -> None:
        column = self.columns.get(fieldname, fieldname) if fieldname else where.column
        self.problems.append(Problem(replace(where, column=column), Msg(vi, en)))
        self.fields.append(fieldname)


def assemble(
    meta: CriteriaSet,
    specs: Sequence[NodeSpec],
    columns: Mapping[str, str] | None = None,
    meta_locations: Mapping[str, Location] | None = None,
    source: str = "",
    unreadable: Collection[str] = (),
) -> CriteriaSet:
    """Check metadata and rows, build the tree and return the finished set.

    Args:
        meta: the set's metadata (its ``nodes`` are ignored).
        specs: the rows in document order.
        columns: field name -> column label used in messages (e.g. ``{"maximum": "D"}``).
        meta_locations: field name -> where that metadata value sits; items of a list are found
            under ``"unit_types.3"``, ``"unit_types.3.label"``, ``"ranking_groups.1"`` and
            ``"classes.2"`` (1-based), falling back to the list's own key.
        source: the file name, for the headline of the error.
        unreadable: metadata keys (same names) the reader could not read and has reported;
            ``"unit_types"`` means the list itself is unknown, ``"nodes"`` that the rows are.

    Raises:
        ImportFormatError: with every problem found; nothing is built.
    """
    out = _Collector(columns or {})
    skip = frozenset(unreadable)
    meta = _normalise_meta(meta)
    _check_meta(meta, meta_locations or {}, skip, out)
    rows = [_normalise_spec(spec) for spec in specs]
    known_types = None if "unit_types" in skip else {ut.code for ut in meta.unit_types}
    by_code, tainted = _check_codes(rows, out)
    for row in rows:
        before = len(out.fields)
        _check_row(row, by_code, known_types, out)
        if (row.unreadable | set(out.fields[before:])) & _SUM_FIELDS:
            tainted |= _ancestors(row.code) | {row.code}
    if not rows and "nodes" not in skip:
        out.add(
            Location(file=source), None, "Bộ tiêu chí không có dòng nào.", "The set has no rows."
        )
    nodes = _build_tree(list(by_code.values()))
    if known_types is not None:  # per-type sums need the unit types
        for root in nodes:
            _check_sums(root, by_code, meta, tainted, out)
    if out.problems:
        raise ImportFormatError(out.problems, source)
    classes = tuple(sorted(meta.classes, key=lambda c: c.lower, reverse=True))
    return replace(meta, nodes=nodes, classes=classes)


def _normalise_meta(meta: CriteriaSet) -> CriteriaSet:
    return replace(
        meta,
        form_id=meta.form_id.strip(),
        version=meta.version.strip(),
        name=nfc(meta.name),
        decision=nfc(meta.decision),
        note=nfc(meta.note),
        unit_types=tuple(
            replace(u, code=u.code.strip(), label=nfc(u.label)) for u in meta.unit_types
        ),
        ranking_groups=tuple(
            replace(g, code=g.code.strip(), label=nfc(g.label)) for g in meta.ranking_groups
        ),
        classes=tuple(replace(c, label=nfc(c.label)) for c in meta.classes),
        nodes=(),
    )


def _at(where: Mapping[str, Location], *keys: str) -> Location:
    """The location of the first key present; the last key names the column otherwise."""
    for key in keys:
        if key in where:
            return where[key]
    return Location(column=keys[-1])


def _check_meta(
    meta: CriteriaSet, where: Mapping[str, Location], skip: frozenset[str], out: _Collector
) -> None:
    checks = (
        (
            "form_id",
            not FORM_ID_PATTERN.match(meta.form_id),
            f"Mã bộ tiêu chí “{meta.form_id}” không hợp lệ (chữ, số, '-', '_', '.').",
            f"Form id “{meta.form_id}” is invalid (letters, digits, '-', '_', '.').",
        ),
        (
            "version",
            not _valid_version(meta.version),
            f"Phiên bản “{meta.version}” phải có dạng yyyymmddrr, ví dụ 2026010101.",
            f"Version “{meta.version}” must be yyyymmddrr, e.g. 2026010101.",
        ),
        (
            "year",
            not 2000 <= meta.year <= 2100,
            f"Năm {meta.year} không hợp lệ.",
            f"Year {meta.year} is invalid.",
        ),
        ("name", not meta.name, "Tên bộ tiêu chí đang để trống.", "The set's name is empty."),
        (
            "index_places",
            meta.index_places not in range(5),
            "Số chữ số thập phân của chỉ số phải từ 0 đến 4.",
            "Index decimal places must be 0 to 4.",
        ),
        (
            "rounding",
            meta.rounding != "half_up",
            f"Cách làm tròn “{meta.rounding}” không được hỗ trợ (chỉ half_up).",
            f"Rounding “{meta.rounding}” is not supported (half_up only).",
        ),
    )
    for key, failed, vi, en in checks:
        if failed and key not in skip:
            out.add(_at(where, key), None, vi, en)
    if "unit_types" not in skip:  # groups name unit types: unknown types, nothing to check
        _check_unit_types(meta, where, skip, out)
    if "classes" not in skip:
        _check_classes(meta, where, skip, out)


def _check_unit_types(
    meta: CriteriaSet, where: Mapping[str, Location], skip: frozenset[str], out: _Collector
) -> None:
    seen: set[str] = set()
    for i, ut in enumerate(meta.unit_types, 1):
        key = f"unit_types.{i}"
        if key not in skip and (not FORM_ID_PATTERN.match(ut.code) or ut.code in seen):
            out.add(
                _at(where, key, "unit_types"),
                None,
                f"Mã loại đơn vị “{ut.code}” trống, sai dạng hoặc bị trùng.",
                f"Unit type code “{ut.code}” is empty, malformed or duplicated.",
            )
        if not ut.label and f"{key}.label" not in skip:
            out.add(
                _at(where, f"{key}.label", key, "unit_types"),
                None,
                f"Loại đơn vị “{ut.code}” chưa có tên.",
                f"Unit type “{ut.code}” has no label.",
            )
        seen.add(ut.code)
    grouped: set[str] = set()
    for i, group in enumerate(meta.ranking_groups, 1):
        at = _at(where, f"ranking_groups.{i}", "ranking_groups")
        unknown = sorted(group.unit_types - seen)
        twice = sorted(group.unit_types & grouped)
        if unknown:
            out.add(
                at,
                None,
                f"Nhóm xếp hạng “{group.code}” nêu loại đơn vị không có: {', '.join(unknown)}.",
                f"Ranking group “{group.code}” names unknown unit types: {', '.join(unknown)}.",
            )
        if twice:
            out.add(
                at,
                None,
                f"Loại đơn vị {', '.join(twice)} thuộc nhiều nhóm xếp hạng.",
                f"Unit types {', '.join(twice)} belong to more than one ranking group.",
            )
        if not group.label or not group.code:
            out.add(
                at,
                None,
                "Nhóm xếp hạng phải có mã và tên.",
                "A ranking group needs a code and a label.",
            )
        grouped |= group.unit_types


def _check_classes(
    meta: CriteriaSet, where: Mapping[str, Location], skip: frozenset[str], out: _Collector
) -> None:
    lowers: set[Decimal] = set()
    for i, band in enumerate(meta.classes, 1):
        key = f"classes.{i}"
        if key in skip:
            continue
        at = _at(where, key, "classes")
        if band.lower in lowers:
            out.add(
                at,
                None,
                "Hai mức xếp loại có cùng ngưỡng dưới.",
                "Two classification bands share a lower bound.",
            )
        lowers.add(band.lower)
        if not band.label or not Decimal(0) <= band.lower <= Decimal(100):
            out.add(
                at,
                None,
                f"Mức xếp loại “{band.label}” phải có tên và ngưỡng từ 0 đến 100.",
                f"Classification band “{band.label}” needs a label and a bound from 0 to 100.",
            )


def _valid_version(version: str) -> bool:
    if not VERSION_PATTERN.match(version):
        return False
    try:
        date(int(version[:4]), int(version[4:6]), int(version[6:8]))
    except ValueError:
        return False
    return True


def _normalise_spec(spec: NodeSpec) -> NodeSpec:
    rule = spec.rule
    if isinstance(rule, LevelsRule):
        rule = replace(rule, levels=tuple(replace(lv, label=nfc(lv.label)) for lv in rule.levels))
    elif isinstance(rule, BandsRule):
        rule = replace(
            rule,
            figure_label=nfc(rule.figure_label),
            bands=tuple(replace(b, label=nfc(b.label)) for b in rule.bands),
        )
    elif isinstance(rule, ProportionalRule):
        rule = replace(rule, figure_label=nfc(rule.figure_label))
    return replace(
        spec,
        code=spec.code.strip(),
        name=nfc(spec.name),
        guidance=nfc(spec.guidance),
        evidence=nfc(spec.evidence),
        rule=rule,
        applies_to=None if spec.applies_to is None else frozenset(spec.applies_to),
        maximum_by_unit_type=dict(spec.maximum_by_unit_type),
    )


def _ancestors(code: str) -> set[str]:
    """Every prefix of ``code`` that would be an ancestor ("1.2.3" -> {"1", "1.2"})."""
    parts = code.split(".")
    return {".".join(parts[:i]) for i in range(1, len(parts))}


def _check_codes(rows: Sequence[NodeSpec], out: _Collector) -> tuple[dict[str, NodeSpec], set[str]]:
    """The first row of each well-formed code, and the codes whose sums must not be checked."""
    by_code: dict[str, NodeSpec] = {}
    tainted: set[str] = set()
    previous = ""
    for row in rows:
        if "code" in row.unreadable:
            # Its code is unknown: count it in the subtree of the row above it.
            tainted |= _ancestors(previous) | {previous}
        elif not CODE_PATTERN.match(row.code):
            tainted |= _ancestors(row.code)
            out.add(
                row.location,
                "code",
                f"Mã “{row.code}” không hợp lệ (dạng 1, 1.2, 1.2.3).",
                f"Code “{row.code}” is invalid (use 1, 1.2, 1.2.3).",
            )
        elif row.code in by_code:
            tainted |= _ancestors(row.code)
            first = by_code[row.code].location
            out.add(
                row.location,
                "code",
                f"Mã “{row.code}” bị trùng (đã có ở {first.describe()}).",
                f"Code “{row.code}” is duplicated (already at {first.describe('en')}).",
            )
        else:
            by_code[row.code] = row
            previous = row.code
    for row in by_code.values():
        parent = row.code.rsplit(".", 1)[0] if "." in row.code else None
        if parent is not None and parent not in by_code:
            tainted |= _ancestors(row.code)
            out.add(
                row.location,
                "code",
                f"Mã “{row.code}” không có mục cha “{parent}”.",
                f"Code “{row.code}” has no parent “{parent}”.",
            )
    return by_code, tainted


def _check_row(
    row: NodeSpec, by_code: Mapping[str, NodeSpec], known: set[str] | None, out: _Collector
) -> None:
    code = row.code
    numbers = not row.unreadable & _NUMBER_FIELDS
    if not row.name and "name" not in row.unreadable:
        out.add(row.location, "name", f"Mục “{code}” chưa có tên.", f"Item “{code}” has no name.")
    if numbers and row.minimum > row.maximum:
        out.add(
            row.location,
            "minimum",
            f"Mục “{code}”: điểm tối thiểu lớn hơn điểm tối đa.",
            f"Item “{code}”: the minimum exceeds the maximum.",
        )
    types = set(row.applies_to or ()) | set(row.maximum_by_unit_type)
    unknown = sorted(types - known) if known is not None else []
    if unknown:
        field_name = (
            "applies_to" if set(row.applies_to or ()) & set(unknown) else "maximum_by_unit_type"
        )
        out.add(
            row.location,
            field_name,
            f"Mục “{code}” nêu loại đơn vị không có trong bộ: {', '.join(unknown)}.",
            f"Item “{code}” names unit types not in the set: {', '.join(unknown)}.",
        )
    parent = by_code.get(code.rsplit(".", 1)[0]) if "." in code else None
    if parent is not None and parent.applies_to is not None:
        wider = sorted((row.applies_to or known or set()) - parent.applies_to)
        if row.applies_to is not None and wider:
            out.add(
                row.location,
                "applies_to",
                f"Mục “{code}” áp dụng cho {', '.join(wider)} nhưng mục cha thì không.",
                f"Item “{code}” applies to {', '.join(wider)} but its parent does not.",
            )
    if (
        parent is not None
        and parent.role is not Role.NORMAL
        and row.role is not parent.role
        and "role" not in row.unreadable
    ):
        out.add(
            row.location,
            "role",
            f"Mục “{code}” phải cùng loại điểm thưởng/trừ với mục cha “{parent.code}”.",
            f"Item “{code}” must have the bonus/penalty role of its parent “{parent.code}”.",
        )
    is_leaf = not any(other.startswith(code + ".") for other in by_code)
    if "rule" in row.unreadable:
        pass  # what was read of the rule is incomplete
    elif is_leaf:
        _check_rule(row, numbers, out)
    elif not isinstance(row.rule, FreeRule) or row.rule.step is not None:
        out.add(
            row.location,
            "rule",
            f"Mục “{code}” có mục con nên không có cách chấm riêng.",
            f"Item “{code}” has children, so it cannot have its own scoring rule.",
        )
    if is_leaf and numbers and row.maximum == row.minimum:
        out.add(
            row.location,
            "maximum",
            f"Mục “{code}”: điểm tối đa phải lớn hơn điểm tối thiểu.",
            f"Item “{code}”: the maximum must be greater than the minimum.",
        )


def _check_rule(row: NodeSpec, numbers: bool, out: _Collector) -> None:
    rule, code = row.rule, row.code
    top = max([row.maximum, *row.maximum_by_unit_type.values()])
    if isinstance(rule, FreeRule | BandsRule) and rule.step is not None and rule.step <= 0:
        out.add(
            row.location,
            "rule",
            f"Mục “{code}”: bước điểm phải lớn hơn 0.",
            f"Item “{code}”: the step must be greater than 0.",
        )
    values: list[Decimal] = []
    if isinstance(rule, LevelsRule):
        values = [level.value for level in rule.levels]
        if not values or len(set(values)) != len(values):
            out.add(
                row.location,
                "rule",
                f"Mục “{code}”: danh sách mức điểm trống hoặc có mức trùng.",
                f"Item “{code}”: the list of levels is empty or repeats a level.",
            )
    elif isinstance(rule, BandsRule):
        values = [band.score for band in rule.bands]
        lowers = [band.lower for band in rule.bands if band.lower is not None]
        fallback = [band for band in rule.bands if band.lower is None]
        if (
            not rule.bands
            or lowers != sorted(lowers, reverse=True)
            or len(fallback) > 1
            or (fallback and rule.bands[-1].lower is not None)
        ):
            out.add(
                row.location,
                "rule",
                f"Mục “{code}”: các khoảng phải xếp từ cao xuống thấp, khoảng “còn lại” đứng cuối.",
                f"Item “{code}”: bands must run from high to low, the 'else' band last.",
            )
    elif isinstance(rule, ProportionalRule) and rule.figure_max <= 0:
        out.add(
            row.location,
            "rule",
            f"Mục “{code}”: giá trị tối đa của số liệu phải lớn hơn 0.",
            f"Item “{code}”: the figure's maximum must be greater than 0.",
        )
    outside = sorted({v for v in values if not row.minimum <= v <= top}) if numbers else []
    if outside:
        # "; " between Vietnamese numbers, whose decimal separator is the comma.
        shown_vi = "; ".join(_vi_number(v) for v in outside)
        shown_en = ", ".join(canonical(v) for v in outside)
        out.add(
            row.location,
            "rule",
            f"Mục “{code}”: mức điểm {shown_vi} nằm ngoài khoảng tối thiểu–tối đa.",
            f"Item “{code}”: level(s) {shown_en} fall outside the minimum–maximum range.",
        )


def _vi_number(value: Decimal) -> str:
    """A number as Vietnamese text writes it: decimal comma ("14,5"), no exponent."""
    return canonical(value).replace(".", ",")


def _build_tree(rows: Sequence[NodeSpec]) -> tuple[Node, ...]:
    children: dict[str | None, list[str]] = {}
    for row in rows:
        parent = row.code.rsplit(".", 1)[0] if "." in row.code else None
        children.setdefault(parent, []).append(row.code)
    by_code = {row.code: row for row in rows}

    def build(code: str) -> Node:
        row = by_code[code]
        return Node(
            code=row.code,
            name=row.name,
            maximum=row.maximum,
            minimum=row.minimum,
            guidance=row.guidance,
            evidence=row.evidence,
            assessor=row.assessor,
            rule=row.rule,
            role=row.role,
            aggregation=row.aggregation,
            applies_to=row.applies_to,
            maximum_by_unit_type=row.maximum_by_unit_type,
            children=tuple(build(child) for child in children.get(code, [])),
        )

    return tuple(build(code) for code in children.get(None, []))


def _check_sums(
    node: Node,
    by_code: Mapping[str, NodeSpec],
    meta: CriteriaSet,
    tainted: Collection[str],
    out: _Collector,
) -> None:
    for child in node.children:
        _check_sums(child, by_code, meta, tainted, out)
    if node.is_leaf or node.aggregation is not Aggregation.SUM or node.code in tainted:
        return
    types: list[str | None] = list(dict.fromkeys(ut.code for ut in meta.unit_types)) or [None]
    mismatches: dict[tuple[Decimal, Decimal], list[str]] = {}  # one problem per distinct sum
    for unit_type in types:
        if not node.applies(unit_type):
            continue
        total = sum(
            (c.max_for(unit_type) for c in node.children if c.applies(unit_type)), Decimal(0)
        )
        if total != node.max_for(unit_type):
            mismatches.setdefault((node.max_for(unit_type), total), []).append(unit_type or "")
    for (maximum, total), which in mismatches.items():
        named = ", ".join(which)
        for_type = f" (loại đơn vị {named})" if named else ""
        for_type_en = f" (unit type {named})" if named else ""
        out.add(
            by_code[node.code].location,
            "maximum",
            f"Mục “{node.code}”{for_type}: điểm tối đa {_vi_number(maximum)} "
            f"khác tổng điểm tối đa của các mục con {_vi_number(total)}.",
            f"Item “{node.code}”{for_type_en}: maximum {canonical(maximum)} "
            f"differs from the sum of its children's maxima {canonical(total)}.",
        )
