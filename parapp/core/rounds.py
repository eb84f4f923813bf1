"""An appraisal round: units, council members, assignments, phases and self-assessments.

Plain frozen data; the store returns these and the services pass them around.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from parapp.core.messages import Msg


class Phase(StrEnum):
    """The stages of a year's appraisal, in order."""

    SELF_ASSESSMENT = "self_assessment"
    ROUND_1 = "round_1"
    EXPLANATION = "explanation"
    ROUND_2 = "round_2"
    FROZEN = "frozen"

    @property
    def label(self) -> Msg:
        """The phase's name for the user."""
        return PHASE_LABELS[self]

    @property
    def appraisal_round(self) -> int | None:
        """1 or 2 while members appraise, else None."""
        return {Phase.ROUND_1: 1, Phase.ROUND_2: 2}.get(self)


PHASE_LABELS = {
    Phase.SELF_ASSESSMENT: Msg("Tự đánh giá", "Self-assessment"),
    Phase.ROUND_1: Msg("Thẩm định lần 1", "Appraisal round 1"),
    Phase.EXPLANATION: Msg("Giải trình", "Explanation"),
    Phase.ROUND_2: Msg("Thẩm định lần 2", "Appraisal round 2"),
    Phase.FROZEN: Msg("Chốt điểm", "Frozen"),
}
PHASE_ORDER = tuple(Phase)


class MemberRole(StrEnum):
    """A member's role on the council."""

    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    MEMBER = "member"
    SECRETARY = "secretary"


ROLE_LABELS = {
    MemberRole.CHAIR: Msg("Chủ tịch Hội đồng", "Chair"),
    MemberRole.VICE_CHAIR: Msg("Phó Chủ tịch Hội đồng", "Vice-chair"),
    MemberRole.MEMBER: Msg("Ủy viên", "Member"),
    MemberRole.SECRETARY: Msg("Thư ký", "Secretary"),
}


class RoundKind(StrEnum):
    """The secretary's round file, or a member's workspace opened from a package."""

    ROUND = "round"
    WORKSPACE = "workspace"


@dataclass(frozen=True)
class RoundInfo:
    """Identity and state of a round (the criteria set travels separately)."""

    id: str
    name: str
    year: int
    form_id: str
    form_version: str
    criteria_sha256: str
    phase: Phase
    kind: RoundKind
    created_at: str
    workspace_member_id: str | None = None
    package_id: str | None = None


@dataclass(frozen=True)
class Unit:
    """An appraised unit."""

    id: str
    name: str
    unit_type: str
    ranking_group: str
    position: int = 0


@dataclass(frozen=True)
class Member:
    """A council member; ``certificate_sha256`` fingerprints the registered signing certificate."""

    id: str
    name: str
    title: str
    role: MemberRole
    position: int = 0
    certificate_sha256: str | None = None


@dataclass(frozen=True)
class Assignment:
    """Member x unit x area; ``area_code`` None means every area."""

    member_id: str
    unit_id: str
    area_code: str | None = None


@dataclass(frozen=True)
class EvidenceRef:
    """A cited evidence document: file name and page (None: the whole file); ``sha256`` None while
    the file was not supplied."""

    file_name: str
    page: int | None = None
    sha256: str | None = None


@dataclass(frozen=True)
class SelfAssessment:
    """A unit's own assessment of one leaf."""

    node_code: str
    figure: Decimal | None = None
    self_score: Decimal | None = None
    explanation: str = ""
    evidence: tuple[EvidenceRef, ...] = ()


@dataclass(frozen=True)
class PhaseEvent:
    """One logged phase transition."""

    at: str
    from_phase: Phase
    to_phase: Phase
    actor: str
    note: str = ""


@dataclass(frozen=True)
class UnitSelfAssessment:
    """Everything a unit declared, keyed by node code."""

    unit_id: str
    entries: Mapping[str, SelfAssessment] = field(default_factory=dict)
