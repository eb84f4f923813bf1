"""Helpers of ``build_criteria_sets.py``: rules, guidance, tree specs and their flattening."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from parapp.core import criteria_codec

D = Decimal


# --- rules and guidance ---------------------------------------------------------------------------


def _vi(value: Decimal | str) -> str:
    text = format(D(value).normalize(), "f")
    return text.replace(".", ",")


def levels(*pairs: tuple[str, str]) -> dict[str, Any]:
    """Allowed values, top first: ``levels(("Đạt", "1"), ("Không đạt", "0"))``."""
    return {"kind": "levels", "levels": [{"label": lb, "value": v} for lb, v in pairs]}


def yes_no(maximum: str, yes: str = "Đạt yêu cầu", no: str = "Không đạt") -> dict[str, Any]:
    return levels((yes, maximum), (no, "0"))


def bands(figure: str, *steps: tuple[str, str], step: str | None = None) -> dict[str, Any]:
    """Bands over a % figure: (lower bound inclusive, score) top first, then "else: 0"."""
    rows: list[dict[str, Any]] = [
        {"inclusive": True, "label": f"Từ {_vi(lower)}% trở lên", "lower": lower, "score": score}
        for lower, score in steps
    ]
    rows.append(
        {"inclusive": True, "label": f"Dưới {_vi(steps[-1][0])}%", "lower": None, "score": "0"}
    )
    rule: dict[str, Any] = {
        "kind": "bands",
        "figure_label": figure,
        "figure_unit": "%",
        "bands": rows,
    }
    if step:
        rule["step"] = step
    return rule


def free(step: str = "0.25") -> dict[str, Any]:
    return {"kind": "free", "step": step}


def prop(figure: str) -> dict[str, Any]:
    return {"kind": "proportional", "figure_label": figure, "figure_max": "100", "figure_unit": "%"}


def guidance_of(rule: dict[str, Any]) -> str:
    """The rule in words, as a published set states it."""
    kind = rule["kind"]
    if kind == "levels":
        return "; ".join(f"{lv['label']}: {_vi(lv['value'])}" for lv in rule["levels"]) + "."
    if kind == "bands":
        head = f"{rule['figure_label']}: "
        return head + "; ".join(f"{b['label']}: {_vi(b['score'])}" for b in rule["bands"]) + "."
    if kind == "proportional":
        label = rule["figure_label"][0].lower() + rule["figure_label"][1:]
        return f"Điểm = điểm tối đa × {label} ÷ 100, làm tròn 2 chữ số thập phân."
    return f"Chấm theo mức độ thực hiện, bước {_vi(rule['step'])} điểm."


# --- tree specs -----------------------------------------------------------------------------------


@dataclass
class Spec:
    """A node before codes and parent maxima are known. Leaves have ``maximum`` and a rule."""

    name: str
    children: list[Spec] = field(default_factory=list)
    maximum: str | None = None
    rule: dict[str, Any] | None = None
    evidence: str = ""
    assessor: str = "council"
    guidance: str = ""
    by_type: dict[str, str] = field(default_factory=dict)
    applies: tuple[str, ...] | None = None


def L(  # noqa: N802 - reads like a table row
    name: str,
    maximum: str,
    rule: dict[str, Any],
    evidence: str = "",
    *,
    assessor: str = "council",
    guidance: str = "",
    by_type: dict[str, str] | None = None,
    applies: tuple[str, ...] | None = None,
) -> Spec:
    """A scored leaf."""
    return Spec(
        name,
        maximum=maximum,
        rule=rule,
        evidence=evidence,
        assessor=assessor,
        guidance=guidance or guidance_of(rule),
        by_type=by_type or {},
        applies=applies,
    )


def N(  # noqa: N802 - reads like a table row
    name: str, *children: Spec, applies: tuple[str, ...] | None = None, guidance: str = ""
) -> Spec:
    """An area or criterion with children."""
    return Spec(name, list(children), applies=applies, guidance=guidance)


def project(spec: Spec, types: tuple[str, ...]) -> Spec | None:
    """``spec`` as seen by a set of ``types``: nodes applying to none of them are left out."""
    applies = spec.applies
    if applies is not None:
        kept = tuple(t for t in types if t in applies)
        if not kept:
            return None
        applies = None if len(kept) == len(types) else kept
    children = [c for c in (project(child, types) for child in spec.children) if c is not None]
    by_type = {t: v for t, v in spec.by_type.items() if t in types}
    return Spec(
        spec.name,
        children,
        spec.maximum,
        spec.rule,
        spec.evidence,
        spec.assessor,
        spec.guidance,
        by_type,
        applies,
    )


def _max_for(spec: Spec, unit_type: str | None) -> Decimal:
    """Maximum of ``spec`` for a type (None: the general maximum, every child counted)."""
    if not spec.children:
        assert spec.maximum is not None
        if unit_type is None:
            return D(spec.maximum)
        return D(spec.by_type.get(unit_type, spec.maximum))
    return sum(
        (
            _max_for(c, unit_type)
            for c in spec.children
            if unit_type is None or c.applies is None or unit_type in c.applies
        ),
        D(0),
    )


def _canonical(value: Decimal) -> str:
    return format(value.normalize(), "f")


def rows(specs: list[Spec], types: tuple[str, ...], prefix: str = "") -> list[dict[str, Any]]:
    """Flatten to the codec's node rows, numbering children 1, 2, 3..."""
    out: list[dict[str, Any]] = []
    for number, spec in enumerate(specs, 1):
        code = f"{prefix}{number}"
        general = _max_for(spec, None)
        row: dict[str, Any] = {"code": code, "name": spec.name, "maximum": _canonical(general)}
        per_type = {
            t: _canonical(_max_for(spec, t))
            for t in types
            if _max_for(spec, t) != general and (spec.applies is None or t in spec.applies)
        }
        if per_type:
            row["maximum_by_unit_type"] = per_type
        if spec.applies is not None:
            row["applies_to"] = sorted(spec.applies)
        if spec.guidance:
            row["guidance"] = spec.guidance
        if spec.children:
            out.append(row)
            out.extend(rows(spec.children, types, f"{code}."))
            continue
        if spec.evidence:
            row["evidence"] = spec.evidence
        if spec.assessor != "council":
            row["assessor"] = spec.assessor
        assert spec.rule is not None
        row["rule"] = spec.rule
        out.append(row)
    return out


CLASSES = [
    {"label": "Tốt", "lower": "80"},
    {"label": "Khá", "lower": "70"},
    {"label": "Trung bình", "lower": "50"},
    {"label": "Yếu", "lower": "0"},
]


def document(meta: dict[str, Any], nodes: list[dict[str, Any]]) -> str:
    """Canonical JSON text of a set; ``from_dict`` checks every count and sum on the way."""
    data = {
        "format": criteria_codec.FORMAT,
        "format_version": criteria_codec.FORMAT_VERSION,
        "classes": CLASSES,
        "ranking": "dense",
        "bonus_mode": "inside",
        "index_places": 2,
        "rounding": "half_up",
        **meta,
        "nodes": nodes,
    }
    return criteria_codec.dumps(criteria_codec.from_dict(data, meta["form_id"]))


LEADERS = "Điểm đánh giá của lãnh đạo, quản lý qua điều tra xã hội học (%)"
SIPAS = "Chỉ số hài lòng SIPAS của yếu tố (%)"
DONE = "Tỷ lệ nhiệm vụ hoàn thành (%)"


SIPAS_FACTORS = (
    "Tiếp cận dịch vụ hành chính công",
    "Thủ tục hành chính",
    "Công chức trực tiếp giải quyết công việc",
    "Kết quả cung ứng dịch vụ hành chính công",
    "Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị",
)


def sipas(maximum: str) -> list[Spec]:
    return [L(name, maximum, prop(SIPAS), assessor="survey") for name in SIPAS_FACTORS]
