"""What a built demo holds: its rounds, their files and the demo's certificates (shared by the
builder and the README writer, so neither imports the other)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from parapp.core.findings import Finding
from parapp.services.demo.pki import DemoPki
from parapp.services.demo.workspaces import DemoWorkspace

README = "README.txt"
"""The demo folder's README, in Vietnamese and English."""


@dataclass(frozen=True)
class DemoRound:
    """One built round and what went into it."""

    path: Path
    form_id: str
    round_id: str
    units: int
    members: int
    assignments: int
    self_entries: int
    evidence_dirs: tuple[Path, ...]
    evidence_files: int
    """Evidence PDFs generated for the round's units."""
    evidence_stored: int
    """Files copied into the round's evidence folder, by hash."""
    components: int
    """Survey (and agency / leadership) results stored."""
    findings: tuple[Finding, ...]
    """Self-score findings the import reported (the deliberate mistakes)."""
    missing_evidence: Mapping[str, tuple[str, ...]]
    """Unit id -> cited files that were never supplied."""
    packages: tuple[Path, ...] = ()
    workspaces: tuple[DemoWorkspace, ...] = ()
    """Each member's scored workspace (and submission), in council order."""
    cross_checks: int = 0
    """Extra assignments: units whose area 1 the secretary appraises too."""

    @property
    def submissions(self) -> tuple[Path, ...]:
        """The members' signed score packages (empty when built without submissions)."""
        return tuple(w.submission for w in self.workspaces if w.submission is not None)


@dataclass(frozen=True)
class WholeYear:
    """The department round carried through the whole year (``2026-so-ca-nam.parround``):
    every file it left under the demo folder."""

    round: DemoRound
    """The round as round 1 left it (its packages, workspaces and submissions)."""
    notices: tuple[Path, ...]
    """Each unit's signed notice (``notices/<CODE>.pdf``; the workbook beside it)."""
    explanations: tuple[Path, ...]
    """The six units' filled explanation forms (``explanations/<CODE>.xlsx``)."""
    new_evidence: tuple[Path, ...]
    """The new evidence PDFs the forms cite."""
    round2_packages: tuple[Path, ...]
    round2_submissions: tuple[Path, ...]
    referred: tuple[tuple[str, str], ...]
    """(unit, item) the secretary sent to the council; the meeting voted on them."""
    minutes: Path
    results_pdf: Path
    results_xlsx: Path
    announcement: Path
    announcement_xlsx: Path


@dataclass(frozen=True)
class DemoResult:
    """The demo folder's contents."""

    outdir: Path
    rounds: tuple[DemoRound, ...]
    pki: DemoPki
    whole_year: WholeYear | None = None
    """The whole year's round (built with the members' submissions only)."""

    @property
    def packages(self) -> tuple[Path, ...]:
        """Every member package, department round first."""
        return tuple(p for r in self.rounds for p in r.packages)

    @property
    def evidence_dirs(self) -> tuple[Path, ...]:
        """One folder of evidence PDFs per unit."""
        return tuple(d for r in self.rounds for d in r.evidence_dirs)

    @property
    def workspaces(self) -> tuple[DemoWorkspace, ...]:
        """Every member's scored workspace, department round first."""
        return tuple(w for r in self.rounds for w in r.workspaces)

    @property
    def submissions(self) -> tuple[Path, ...]:
        """Every signed score package, department round first."""
        return tuple(p for r in self.rounds for p in r.submissions)

    @property
    def readme(self) -> Path:
        """The demo folder's README.txt (Vietnamese and English)."""
        return self.outdir / README
