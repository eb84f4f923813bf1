"""The criteria-set model: a versioned tree of areas, criteria and sub-criteria with their rules.

A set is data, never code: provinces issue one per unit type, often yearly. Node ids are the codes
("3.2.1"); the parent of a node is its code without the last segment, so a flat list of rows fully
describes the tree. Build sets with ``parapp.core.criteria_build.assemble``, which checks them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from parapp.core.numbers import is_multiple, ratio_percent, round_index


class Assessor(StrEnum):
    """Who gives the points of a leaf."""

    COUNCIL = "council"
    """Self-assessed by the unit, appraised by the council (most sub-criteria)."""
    SURVEY = "survey"
    """Sociological survey (điều tra xã hội học, SIPAS); imported, read-only for members."""
    AGENCY = "agency"
    """Another agency, e.g. the Ministry of Home Affairs; entered by the secretary."""
    LEADERSHIP = "leadership"
    """Provincial leadership; entered by the secretary."""


class Role(StrEnum):
    """Whether a node adds to the achieved points or is a bonus / penalty content."""

    NORMAL = "normal"
    BONUS = "bonus"
    PENALTY = "penalty"


class Aggregation(StrEnum):
    """How a parent's points follow from its children."""

    SUM = "sum"
    """The children's maxima add up to the parent's maximum; the total is their sum."""
    CAP = "cap"
    """The children's sum is limited to the parent's [minimum, maximum] (bonus, penalty groups)."""


class RankingMethod(StrEnum):
    """How equal results are ranked."""

    DENSE = "dense"
    """90.10, 90.10, 88.50 -> 1, 1, 2 (the provinces' usual practice)."""
    COMPETITION = "competition"
    """90.10, 90.10, 88.50 -> 1, 1, 3."""


class BonusMode(StrEnum):
    """Where bonus and penalty points enter the index."""

    INSIDE = "inside"
    """Index = (achieved + bonus - penalty) / applicable maximum x 100."""
    OUTSIDE = "outside"
    """Index = achieved / applicable maximum x 100 + bonus - penalty."""


@dataclass(frozen=True)
class Level:
    """One allowed value of a tiered rule, e.g. 0,5 = "không kịp thời"."""

    value: Decimal
    label: str = ""


@dataclass(frozen=True)
class Band:
    """A band over a declared figure: ``figure >= lower`` (or ``>`` when not inclusive) gives
    ``score``; ``lower=None`` is the fallback band ("else")."""

    score: Decimal
    lower: Decimal | None = None
    inclusive: bool = True
    label: str = ""

    def matches(self, figure: Decimal) -> bool:
        """Whether the declared figure falls in this band (bands are tried top-down)."""
        if self.lower is None:
            return True
        return figure >= self.lower if self.inclusive else figure > self.lower


@dataclass(frozen=True)
class FreeRule:
    """Any value in [minimum, maximum], optionally on a step (e.g. 0,25)."""

    step: Decimal | None = None
    kind: str = field(default="free", init=False)

    def allows(self, value: Decimal, minimum: Decimal) -> bool:
        """Whether ``value`` is on the step grid (range is checked separately)."""
        return self.step is None or is_multiple(value, self.step, minimum)


@dataclass(frozen=True)
class LevelsRule:
    """Only the listed levels are allowed ("kịp thời: 1; không kịp thời: 0,5; không: 0")."""

    levels: tuple[Level, ...]
    kind: str = field(default="levels", init=False)

    def allows(self, value: Decimal, minimum: Decimal) -> bool:
        """Whether ``value`` equals one of the levels."""
        return any(level.value == value for level in self.levels)


@dataclass(frozen=True)
class BandsRule:
    """Bands over a declared figure give a *suggested* score; the appraiser's value counts, and
    deviating from the suggestion wants a comment. Values in range on the step are allowed."""

    bands: tuple[Band, ...]
    figure_label: str = ""
    figure_unit: str = "%"
    step: Decimal | None = None
    kind: str = field(default="bands", init=False)

    def allows(self, value: Decimal, minimum: Decimal) -> bool:
        """Whether ``value`` is on the step grid."""
        return self.step is None or is_multiple(value, self.step, minimum)

    def suggest(self, figure: Decimal) -> Decimal | None:
        """The score of the first band the figure falls in, or None when no band matches."""
        return next((band.score for band in self.bands if band.matches(figure)), None)


@dataclass(frozen=True)
class ProportionalRule:
    """Points proportional to a declared figure, ``maximum x figure / figure_max`` (SIPAS %),
    rounded to two places half-up. A suggestion like ``BandsRule``'s."""

    figure_max: Decimal = Decimal(100)
    figure_label: str = ""
    figure_unit: str = "%"
    kind: str = field(default="proportional", init=False)

    def allows(self, value: Decimal, minimum: Decimal) -> bool:
        """Any value in range is allowed."""
        return True

    def suggest(self, figure: Decimal, maximum: Decimal) -> Decimal:
        """``maximum x figure / figure_max``, figure limited to [0, figure_max]."""
        bounded = min(max(figure, Decimal(0)), self.figure_max)
        return round_index(ratio_percent(bounded, self.figure_max) * maximum / 100)


Rule = FreeRule | LevelsRule | BandsRule | ProportionalRule


@dataclass(frozen=True)
class Node:
    """One node of the tree: area, criterion or sub-criterion. Leaves carry a rule."""

    code: str
    name: str
    maximum: Decimal
    minimum: Decimal = Decimal(0)
    guidance: str = ""
    """Scoring guidance / the rule as published."""
    evidence: str = ""
    """Required evidence (tài liệu kiểm chứng)."""
    assessor: Assessor = Assessor.COUNCIL
    rule: Rule = field(default_factory=FreeRule)
    role: Role = Role.NORMAL
    aggregation: Aggregation = Aggregation.SUM
    applies_to: frozenset[str] | None = None
    """Unit-type codes this node applies to; None means every unit type."""
    maximum_by_unit_type: Mapping[str, Decimal] = field(default_factory=dict)
    """Maxima that differ from ``maximum`` for some unit types."""
    children: tuple[Node, ...] = ()

    @property
    def is_leaf(self) -> bool:
        """A node without children is scored directly (a criterion may be a leaf)."""
        return not self.children

    @property
    def depth(self) -> int:
        """1 for an area, 2 for a criterion, 3 for a sub-criterion, and so on."""
        return self.code.count(".") + 1

    @property
    def parent_code(self) -> str | None:
        """The code of the parent node, None for an area."""
        return self.code.rsplit(".", 1)[0] if "." in self.code else None

    def applies(self, unit_type: str | None) -> bool:
        """Whether this node applies to units of ``unit_type`` (None: the set as a whole)."""
        return unit_type is None or self.applies_to is None or unit_type in self.applies_to

    def max_for(self, unit_type: str | None) -> Decimal:
        """The maximum for ``unit_type`` (the general maximum when it has no own value)."""
        if unit_type is None:
            return self.maximum
        return self.maximum_by_unit_type.get(unit_type, self.maximum)

    def walk(self) -> Iterator[Node]:
        """This node and its descendants, depth first, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class UnitType:
    """A kind of unit appraised with the set (sở, UBND huyện, UBND xã...)."""

    code: str
    label: str


@dataclass(frozen=True)
class RankingGroup:
    """Units ranked together; units of different groups are never compared."""

    code: str
    label: str
    unit_types: frozenset[str]


@dataclass(frozen=True)
class ClassBand:
    """A classification band: index >= ``lower`` (%) earns ``label``; the lowest has lower 0."""

    label: str
    lower: Decimal


@dataclass(frozen=True)
class CriteriaSet:
    """A versioned criteria set (form). ``version`` is ``yyyymmddrr``; node codes are immutable."""

    form_id: str
    version: str
    year: int
    name: str
    nodes: tuple[Node, ...]
    decision: str = ""
    """The issuing decision, e.g. "1150/QĐ-BNV ngày 30/12/2019"."""
    note: str = ""
    """Provenance, e.g. "Mẫu minh họa — not an official set"."""
    unit_types: tuple[UnitType, ...] = ()
    ranking_groups: tuple[RankingGroup, ...] = ()
    classes: tuple[ClassBand, ...] = ()
    """Sorted by ``lower`` descending."""
    ranking: RankingMethod = RankingMethod.DENSE
    bonus_mode: BonusMode = BonusMode.INSIDE
    index_places: int = 2
    rounding: str = "half_up"
    _by_code: dict[str, Node] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = {node.code: node for root in self.nodes for node in root.walk()}
        object.__setattr__(self, "_by_code", index)

    def node(self, code: str) -> Node:
        """The node with ``code``. Raises KeyError for an unknown code."""
        return self._by_code[code]

    def has(self, code: str) -> bool:
        """Whether the set has a node with ``code``."""
        return code in self._by_code

    def walk(self) -> Iterator[Node]:
        """Every node, depth first, in document order."""
        for root in self.nodes:
            yield from root.walk()

    def leaves(self) -> Iterator[Node]:
        """Every leaf in document order."""
        return (node for node in self.walk() if node.is_leaf)

    def unit_type(self, code: str) -> UnitType:
        """The unit type with ``code``. Raises KeyError for an unknown code."""
        for unit_type in self.unit_types:
            if unit_type.code == code:
                return unit_type
        raise KeyError(code)

    def group_of(self, unit_type: str) -> RankingGroup | None:
        """The ranking group a unit type belongs to (None when the set defines none for it)."""
        return next((g for g in self.ranking_groups if unit_type in g.unit_types), None)

    def classify(self, index: Decimal) -> str:
        """The classification label for a rounded index (empty when the set has no bands)."""
        return next((band.label for band in self.classes if index >= band.lower), "")
