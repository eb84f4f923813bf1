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
class DemoResult:
    """The demo folder's contents."""

    outdir: Path
    rounds: tuple[DemoRound, ...]
    pki: DemoPki

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
