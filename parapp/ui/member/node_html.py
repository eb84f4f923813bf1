"""HTML renderings of a criteria set's metadata and of one node (rule, maxima, guidance).

Shared by the criteria browser and the scoring window's detail pane; display only, every number
through ``format_score``.
"""

from __future__ import annotations

import html
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from parapp.core.criteria import (
    Aggregation,
    Assessor,
    BandsRule,
    BonusMode,
    CriteriaSet,
    FreeRule,
    LevelsRule,
    Node,
    ProportionalRule,
    RankingMethod,
    Role,
)
from parapp.core.messages import Lang
from parapp.core.numbers import format_score
from parapp.ui.models.criteria_tree_model import assessor_label

# lupdate reads calls named ``translate`` with literal arguments; the alias keeps lines short.
translate = QCoreApplication.translate


def figure_text(value: Decimal, lang: Lang) -> str:
    """A declared figure or bound with as many places as it has ("90", "70,5")."""
    exponent = value.normalize().as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    return format_score(value, lang, places=places)


def _row(label: str, value: str) -> str:
    return (
        f"<tr><td style='padding-right:8px'><b>{html.escape(label)}</b></td><td>{value}</td></tr>"
    )


def _para(text: str) -> str:
    return html.escape(text).replace("\n", "<br/>")


def metadata_html(criteria_set: CriteriaSet, lang: Lang) -> str:
    """The set's metadata as a small HTML table."""
    s = criteria_set
    labels = {u.code: u.label for u in s.unit_types}
    groups = "<br/>".join(
        html.escape(f"{g.label} ({', '.join(labels.get(c, c) for c in sorted(g.unit_types))})")
        for g in s.ranking_groups
    )
    classes = "<br/>".join(
        f"{html.escape(c.label)}: ≥ {figure_text(c.lower, lang)} %" for c in s.classes
    )
    ranking = {
        RankingMethod.DENSE: translate(
            "CriteriaBrowser", "Dense: equal totals share a rank, the next gets rank + 1 (1, 1, 2)"
        ),
        RankingMethod.COMPETITION: translate(
            "CriteriaBrowser", "Competition: equal totals share a rank, then skip (1, 1, 3)"
        ),
    }[s.ranking]
    bonus = {
        BonusMode.INSIDE: translate(
            "CriteriaBrowser", "Inside the ratio: (achieved + bonus − penalty) ÷ maximum × 100"
        ),
        BonusMode.OUTSIDE: translate(
            "CriteriaBrowser", "After the ratio: achieved ÷ maximum × 100 + bonus − penalty"
        ),
    }[s.bonus_mode]
    none_text = translate("CriteriaBrowser", "none")
    none = f"<i>{html.escape(none_text)}</i>"
    rows = [
        _row(translate("CriteriaBrowser", "Name:"), html.escape(s.name)),
        _row(translate("CriteriaBrowser", "Decision:"), html.escape(s.decision) or none),
        _row(
            translate("CriteriaBrowser", "Form id and version:"),
            html.escape(f"{s.form_id} · {s.version}"),
        ),
        _row(
            translate("CriteriaBrowser", "Unit types:"),
            html.escape("; ".join(labels.values())) or none,
        ),
        _row(translate("CriteriaBrowser", "Ranking groups:"), groups or none),
        _row(translate("CriteriaBrowser", "Classification:"), classes or none),
        _row(translate("CriteriaBrowser", "Ranking:"), html.escape(ranking)),
        _row(translate("CriteriaBrowser", "Bonus and penalty:"), html.escape(bonus)),
    ]
    return f"<table>{''.join(rows)}</table>"


def _kind(node: Node) -> str:
    if node.depth == 1:
        return translate("CriteriaBrowser", "Area")
    if node.depth == 2:
        return translate("CriteriaBrowser", "Criterion")
    return translate("CriteriaBrowser", "Sub-criterion")


def _maximum_text(criteria_set: CriteriaSet, node: Node, unit_type: str | None, lang: Lang) -> str:
    """The maximum; when it differs by unit type, each type's value, the chosen one in bold."""
    if not node.maximum_by_unit_type:
        return html.escape(format_score(node.maximum, lang))
    lines = []
    for ut in criteria_set.unit_types:
        if not node.applies(ut.code):
            continue
        line = html.escape(f"{ut.label}: {format_score(node.max_for(ut.code), lang)}")
        lines.append(f"<b>{line}</b>" if ut.code == unit_type else line)
    return "<br/>".join(lines)


def _applies_text(criteria_set: CriteriaSet, node: Node) -> str:
    """The unit types the node applies to, inherited from its ancestors."""
    effective: frozenset[str] | None = None
    code: str | None = node.code
    while code is not None:
        current = criteria_set.node(code)
        if current.applies_to is not None:
            effective = current.applies_to if effective is None else effective & current.applies_to
        code = current.parent_code
    if effective is None:
        return html.escape(translate("CriteriaBrowser", "all unit types"))
    labels = {u.code: u.label for u in criteria_set.unit_types}
    return html.escape("; ".join(labels.get(c, c) for c in sorted(effective)))


def rule_html(node: Node, lang: Lang) -> str:
    """A leaf's scoring rule, readable: levels, bands with their bounds, step, proportional."""
    rule = node.rule
    low, high = format_score(node.minimum, lang), format_score(node.maximum, lang)
    if isinstance(rule, LevelsRule):
        items = "".join(
            f"<li><b>{format_score(level.value, lang)}</b>"
            + (f" — {html.escape(level.label)}" if level.label else "")
            + "</li>"
            for level in rule.levels
        )
        intro = translate("CriteriaBrowser", "Only these values:")
        return f"<p>{html.escape(intro)}</p><ul>{items}</ul>"
    if isinstance(rule, BandsRule):
        unit = html.escape(rule.figure_unit)
        items = ""
        for band in rule.bands:
            if band.lower is None:
                bound = html.escape(translate("CriteriaBrowser", "otherwise"))
            else:
                sign = "≥" if band.inclusive else ">"
                bound = f"{sign} {figure_text(band.lower, lang)} {unit}".rstrip()
            label = f" — {html.escape(band.label)}" if band.label else ""
            items += f"<li>{bound}: <b>{format_score(band.score, lang)}</b>{label}</li>"
        figure = html.escape(
            rule.figure_label or translate("CriteriaBrowser", "the declared figure")
        )
        intro = translate("CriteriaBrowser", "Suggested score from a figure:")
        text = f"<p>{html.escape(intro)} <i>{figure}</i></p><ul>{items}</ul>"
        if rule.step is not None:
            step = translate("CriteriaBrowser", "Step: %1").replace(
                "%1", format_score(rule.step, lang)
            )
            text += f"<p>{html.escape(step)}</p>"
        note = translate("CriteriaBrowser", "The appraiser may deviate with a comment.")
        return text + f"<p><i>{html.escape(note)}</i></p>"
    if isinstance(rule, ProportionalRule):
        figure = html.escape(
            rule.figure_label or translate("CriteriaBrowser", "the declared figure")
        )
        formula = (
            translate("CriteriaBrowser", "Score = %1 × figure ÷ %2")
            .replace("%1", high)
            .replace("%2", f"{figure_text(rule.figure_max, lang)} {rule.figure_unit}".rstrip())
        )
        intro = translate("CriteriaBrowser", "Proportional to:")
        return f"<p>{html.escape(intro)} <i>{figure}</i></p><p>{html.escape(formula)}</p>"
    assert isinstance(rule, FreeRule)
    text = (
        translate("CriteriaBrowser", "Any value from %1 to %2")
        .replace("%1", low)
        .replace("%2", high)
    )
    if rule.step is not None:
        text += "; " + translate("CriteriaBrowser", "step %1").replace(
            "%1", format_score(rule.step, lang)
        )
    return f"<p>{html.escape(text)}</p>"


def node_html(criteria_set: CriteriaSet, node: Node, unit_type: str | None, lang: Lang) -> str:
    """Everything a reader needs about one node, as HTML for the detail pane."""
    rows = [
        _row(translate("CriteriaBrowser", "Kind:"), html.escape(_kind(node))),
        _row(
            translate("CriteriaBrowser", "Maximum:"),
            _maximum_text(criteria_set, node, unit_type, lang),
        ),
        _row(
            translate("CriteriaBrowser", "Minimum:"), html.escape(format_score(node.minimum, lang))
        ),
        _row(translate("CriteriaBrowser", "Applies to:"), _applies_text(criteria_set, node)),
    ]
    if node.role is not Role.NORMAL:
        role = (
            translate("CriteriaBrowser", "Bonus points")
            if node.role is Role.BONUS
            else translate("CriteriaBrowser", "Penalty points")
        )
        rows.append(_row(translate("CriteriaBrowser", "Counts as:"), html.escape(role)))
    if node.is_leaf:
        rows.append(
            _row(
                translate("CriteriaBrowser", "Assessed by:"),
                html.escape(assessor_label(node.assessor)),
            )
        )
    else:
        how = (
            translate("CriteriaBrowser", "sum of its %1 items, capped at the maximum")
            if node.aggregation is Aggregation.CAP
            else translate("CriteriaBrowser", "sum of its %1 items")
        ).replace("%1", str(len(node.children)))
        rows.append(_row(translate("CriteriaBrowser", "Points:"), html.escape(how)))
        assessors = sorted(
            {leaf.assessor for leaf in node.walk() if leaf.is_leaf}, key=list(Assessor).index
        )
        rows.append(
            _row(
                translate("CriteriaBrowser", "Assessed by:"),
                html.escape("; ".join(assessor_label(a) for a in assessors)),
            )
        )
    parts = [
        f"<h3>{html.escape(node.code)}. {html.escape(node.name)}</h3>",
        f"<table>{''.join(rows)}</table>",
    ]
    if node.is_leaf:
        heading = translate("CriteriaBrowser", "Scoring rule")
        parts.append(f"<h4>{html.escape(heading)}</h4>{rule_html(node, lang)}")
    if node.guidance:
        heading = translate("CriteriaBrowser", "Guidance")
        parts.append(f"<h4>{html.escape(heading)}</h4><p>{_para(node.guidance)}</p>")
    if node.evidence:
        heading = translate("CriteriaBrowser", "Required evidence")
        parts.append(f"<h4>{html.escape(heading)}</h4><p>{_para(node.evidence)}</p>")
    return "".join(parts)
