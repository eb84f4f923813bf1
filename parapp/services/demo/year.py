"""``parapp demo OUTDIR``: a complete, realistic demo year built deterministically.

Two rounds (departments and districts, each with its bundled set), the council with a demo
certificate per member (registered in the rounds), assignments, self-assessments citing generated
evidence PDFs, survey results, phase "Thẩm định lần 1", one package per member, each opened as the
member's scored workspace and, optionally, each member's signed score package (.parscore); a
README.txt says what is where. Same code, same bytes: a scripted clock, ids derived from a fixed
name, deterministic keys and ``random.Random`` seeded per unit; only integers and Decimals. Only
the encrypted key files and the signatures (ECDSA draws a random nonce) differ between builds.

What the UI opens (``parapp --demo``): ``open_first_member_workspace`` opens the chair's package
of the department round as that member's workspace (``first_member_package`` names the file);
the secretary's view is the round file itself, ``DemoRound.path``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from parapp.core.criteria import CriteriaSet
from parapp.core.errors import ValidationError
from parapp.core.findings import Finding
from parapp.core.messages import Msg
from parapp.core.numbers import canonical
from parapp.core.rounds import MemberRole, Phase, SelfAssessment
from parapp.services import criteria_sets, rounds
from parapp.services.components import store_components
from parapp.services.context import RoundContext, system_clock
from parapp.services.demo import data
from parapp.services.demo.data import UnitSpec
from parapp.services.demo.result import DemoResult, DemoRound, WholeYear
from parapp.services.packages import build_member_package, open_member_package
from parapp.services.self_assessment import store_self_assessment

if TYPE_CHECKING:
    from parapp.services.demo.pki import DemoPki
    from parapp.services.demo.workspaces import DemoWorkspace

# The builders (ReportLab for evidence PDFs, keys and certificates, scored workspaces) load only
# when a demo is built: opening an existing demo at start-up needs none of them.

log = logging.getLogger(__name__)

PACKAGES_DIR = "packages"
EVIDENCE_DIR = "evidence"


@dataclass(frozen=True)
class Variant:
    """Another round built from the same units, council and dossiers (the whole year's round):
    its own file ``<year>-<type>-<suffix>.parround``, round id, name, and its packages,
    workspaces and submissions under ``outdir/<folder>``. Its evidence folders are the
    demo's own (the same bytes)."""

    suffix: str
    name: str
    folder: str


class DemoClock:
    """The demo's scripted time: set per step, one second further on every reading, so audit
    rows keep their order and two builds read the same times."""

    def __init__(self, start: datetime) -> None:
        self._now = start

    def set(self, when: datetime) -> None:
        """Jump to the next step of the timeline."""
        self._now = when

    def __call__(self) -> datetime:
        now = self._now
        self._now += timedelta(seconds=1)
        return now


class _FixedClock:
    """A caller's fixed clock, which the timeline's steps do not move."""

    def __init__(self, clock: Callable[[], datetime]) -> None:
        self._clock = clock

    def set(self, when: datetime) -> None:
        """Ignored: the caller's clock rules."""

    def __call__(self) -> datetime:
        return self._clock()


def build_demo(
    outdir: Path,
    *,
    clock: Callable[[], datetime] | None = None,
    submissions: bool = False,
    whole_year: bool | None = None,
) -> DemoResult:
    """Build the demo year into ``outdir`` (created if needed, must be empty).

    Args:
        outdir: the folder to fill.
        clock: a fixed clock for every timestamp; None follows the demo's own timeline
            (a round created mid-November, dossiers early December, round 1 on 11/12, members
            scoring from 14/12 and submitting on 18/12).
        submissions: also do the members' work: open each package as the member's scored
            workspace (``outdir/workspaces``) and sign their score package
            (``outdir/submissions``). ``parapp demo`` does; the desktop application's first
            start and tests that do not need them do not (it doubles the build time).
        whole_year: also build ``2026-so-ca-nam.parround`` and carry it through the whole year
            (notices, explanations, round 2, the meeting, minutes, results, frozen: see
            ``whole_year``); None: with the submissions. It needs them.

    Raises:
        ValidationError: ``outdir`` is not an empty folder.
    """
    outdir = Path(outdir)
    if outdir.exists() and (not outdir.is_dir() or any(outdir.iterdir())):
        raise ValidationError(
            Msg(
                f"Thư mục {outdir} đã có dữ liệu; hãy chọn một thư mục trống.",
                f"{outdir} is not empty; choose an empty folder.",
            )
        )
    outdir.mkdir(parents=True, exist_ok=True)
    from parapp.services.demo import pki as demo_pki  # noqa: PLC0415 - builders load on demand
    from parapp.services.demo import readme as demo_readme  # noqa: PLC0415 - builders load on demand

    pki = demo_pki.build_pki(outdir)
    built = tuple(
        _build_round(outdir, criteria_set, units, district, clock, pki, submissions)
        for criteria_set, units, district in (
            (pick_set(data.DEPARTMENT_TYPES, data.DEPARTMENT_SET), data.DEPARTMENTS, False),
            (pick_set(data.DISTRICT_TYPES, data.DISTRICT_SET), data.DISTRICTS, True),
        )
    )
    whole = None
    if submissions:  # a merged province's round (not on the desktop's first start: 9 s more)
        _merged_province(outdir, pki, clock)
    if submissions if whole_year is None else whole_year:  # about as long as the rest
        whole = _whole_year(outdir, pki, clock)
    result = DemoResult(outdir, built, pki, whole)
    demo_readme.write(result)
    log.info("demo built in %s: %d rounds", outdir, len(built))
    return result


def _merged_province(outdir: Path, pki: DemoPki, clock: Callable[[], datetime] | None) -> None:
    """``2026-tinh-hop-nhat.parround``: 145 fictional units in four ranking groups, scored."""
    import tempfile  # noqa: PLC0415 - builders load on demand

    from parapp.services.demo import merged_province  # noqa: PLC0415 - builders load on demand

    at = datetime(2026, 12, 19, 9, 0, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as units_dir:
        merged_province.build_merged_round(
            outdir, pki, clock or (lambda: at), units_dir=Path(units_dir)
        )


def _whole_year(outdir: Path, pki: DemoPki, clock: Callable[[], datetime] | None) -> WholeYear:
    """``2026-so-ca-nam.parround``: the department round carried through the whole year
    (not on the desktop's first start: it signs notices, minutes and two rounds of scores)."""
    from parapp.services.demo import whole_year  # noqa: PLC0415 - builders load on demand

    criteria_set = pick_set(data.DEPARTMENT_TYPES, data.DEPARTMENT_SET)
    variant = Variant(whole_year.SUFFIX, whole_year.ROUND_NAME_SUFFIX, whole_year.ROUND1_DIR)
    first = _build_round(
        outdir, criteria_set, data.DEPARTMENTS, False, clock, pki, True, variant=variant
    )
    return whole_year.carry_on(outdir, first, pki, clock)


def pick_set(unit_types: Sequence[str], form_id: str | None = None) -> CriteriaSet:
    """The bundled set ``form_id`` when it knows the first of ``unit_types``; otherwise the newest
    bundled set that knows it (preferring one that knows them all). The demo names its sets so
    that a newer bundled set (the 2026 two-level sets) does not change the demo's rounds.

    Raises:
        ValidationError: no bundled set has such units.
    """
    candidates = [
        b.criteria_set
        for b in criteria_sets.list_bundled()
        if unit_types[0] in {t.code for t in b.criteria_set.unit_types}
    ]
    if not candidates:
        raise ValidationError(
            Msg(
                f"Không có bộ tiêu chí kèm theo cho loại đơn vị “{unit_types[0]}”.",
                f"No bundled criteria set for unit type “{unit_types[0]}”.",
            )
        )

    def fit(s: CriteriaSet) -> tuple[bool, int, int, str]:
        known = {t.code for t in s.unit_types}
        return (s.form_id == form_id, sum(t in known for t in unit_types), s.year, s.version)

    return max(candidates, key=fit)


def round_file(criteria_set: CriteriaSet, suffix: str = "") -> str:
    """``2026-so.parround`` / ``2024-huyen.parround``: the set's year and its first unit type
    (``2026-so-ca-nam.parround`` with a suffix)."""
    tail = f"-{suffix}" if suffix else ""
    return f"{criteria_set.year}-{criteria_set.unit_types[0].code}{tail}.parround"


def demo_uuid(*parts: str) -> uuid.UUID:
    """A stable id for a demo object, shaped as a random (version 4) UUID where formats ask
    for one; derived from a fixed name, never random."""
    digest = hashlib.sha256("/".join((data.UUID_NAMESPACE_NAME, *parts)).encode()).digest()
    return uuid.UUID(bytes=digest[:16], version=4)


# Rounds ---------------------------------------------------------------------------------------


def _build_round(
    outdir: Path,
    criteria_set: CriteriaSet,
    units: Sequence[UnitSpec],
    district: bool,
    clock: Callable[[], datetime] | None,
    pki: DemoPki,
    submissions: bool,
    *,
    variant: Variant | None = None,
) -> DemoRound:
    from parapp.services.demo import evidence as demo_evidence  # noqa: PLC0415
    from parapp.services.demo import scores as demo_scores  # noqa: PLC0415
    from parapp.services.demo import workspaces as demo_workspaces  # noqa: PLC0415

    plan = data.schedule(criteria_set.year)
    demo_clock = DemoClock(plan.created)
    secretary = next(m for m in data.COUNCIL if m.role is MemberRole.SECRETARY)

    def at(when: datetime) -> None:
        # A caller's fixed clock stays fixed; the demo's own follows the timeline.
        demo_clock.set(when)

    ids = () if variant is None else (variant.suffix,)  # the base rounds' ids stay as they were
    work = outdir if variant is None else outdir / variant.folder
    path = outdir / round_file(criteria_set, variant.suffix if variant else "")
    round_id = str(demo_uuid("round", *ids, criteria_set.form_id, criteria_set.version))
    ctx = rounds.create_round(
        path,
        criteria_set,
        data.round_name(criteria_set.year, district) + (variant.name if variant else ""),
        clock=demo_clock if clock is None else clock,
        actor=secretary.id,
        round_id=round_id,
    )
    with ctx:
        known_types = {t.code for t in criteria_set.unit_types}
        rounds.add_units(ctx, [(u.id, u.name, _unit_type(u, known_types)) for u in units])
        for member in data.COUNCIL:
            rounds.add_member(
                ctx,
                member.id,
                member.name,
                member.title,
                member.role,
                certificate_der=pki.members[member.id].der,
            )
        assignments = 0
        for member_id, areas in _area_plan(criteria_set).items():
            assignments += len(rounds.assign(ctx, member_id, None, areas))
        cross_checks = demo_workspaces.add_cross_checks(ctx)

        at(plan.self_assessment)
        evidence_root = outdir / EVIDENCE_DIR
        entries = files = stored = 0
        findings: list[Finding] = []
        missing: dict[str, tuple[str, ...]] = {}
        dirs: list[Path] = []
        for spec in units:
            unit_type = _unit_type(spec, known_types)
            sheet = demo_scores.self_assessment(criteria_set, spec, unit_type, plan)
            folder = evidence_root / spec.id
            dirs.append(folder)
            if variant is None:
                files += demo_evidence.write(sheet, folder)
            else:  # the department round wrote these very files into the same folders
                files += len(sheet.documents)
            report = store_self_assessment(
                ctx,
                spec.id,
                sheet.entries,
                folder,
                source=f"Phiếu tự đánh giá {spec.id} năm {criteria_set.year}",
                source_sha256=_digest(sheet.entries),
            )
            entries += report.entries
            stored += report.evidence_stored
            findings.extend(report.findings)
            if report.missing_evidence:
                missing[spec.id] = report.missing_evidence

        at(plan.survey)
        rows = demo_scores.survey_rows(criteria_set, units, lambda u: _unit_type(u, known_types))
        store_components(
            ctx,
            rows,
            source=data.survey_source(criteria_set.year),
            source_sha256=hashlib.sha256(
                "\n".join(f"{r.unit_id};{r.node_code};{r.figure};{r.value}" for r in rows).encode()
            ).hexdigest(),
        )

        at(plan.round_1)
        rounds.advance_phase(
            ctx, Phase.ROUND_1, "Các đơn vị đã nộp hồ sơ tự đánh giá; bắt đầu thẩm định lần 1."
        )
        at(plan.packages)
        packages = _build_packages(ctx, criteria_set.form_id, work / PACKAGES_DIR, ids)
    workspaces: tuple[DemoWorkspace, ...] = ()
    if submissions:
        workspaces = demo_workspaces.score_workspaces(
            work,
            criteria_set.form_id,
            dict(zip((m.id for m in data.COUNCIL), packages, strict=True)),
            pki,
            clock=DemoClock if clock is None else (lambda _when: _FixedClock(clock)),
            scoring_at=plan.packages + timedelta(days=3),
            submitted_at=plan.packages + timedelta(days=7, hours=7),
            submission_id=lambda form, member: str(demo_uuid("submission", *ids, form, member)),
        )
    return DemoRound(
        path=path,
        form_id=criteria_set.form_id,
        round_id=round_id,
        units=len(units),
        members=len(data.COUNCIL),
        assignments=assignments + cross_checks,
        self_entries=entries,
        evidence_dirs=tuple(dirs),
        evidence_files=files,
        evidence_stored=stored,
        components=len(rows),
        findings=tuple(findings),
        missing_evidence=missing,
        packages=packages,
        workspaces=workspaces,
        cross_checks=cross_checks,
    )


def _unit_type(spec: UnitSpec, known: set[str]) -> str:
    # A set without a "no procedures" type appraises those units as ordinary departments.
    return spec.unit_type if spec.unit_type in known else data.DEPARTMENT_TYPES[0]


def _area_plan(criteria_set: CriteriaSet) -> dict[str, list[str]]:
    """Member id -> the areas their working group appraises; every area goes to someone (areas
    the council table does not name fall to the secretary)."""
    areas = [node.code for node in criteria_set.nodes]
    plan: dict[str, list[str]] = {m.id: [a for a in m.areas if a in areas] for m in data.COUNCIL}
    given = {a for chosen in plan.values() for a in chosen}
    secretary = next(m.id for m in data.COUNCIL if m.role is MemberRole.SECRETARY)
    plan[secretary] += [a for a in areas if a not in given]
    return {member: chosen for member, chosen in plan.items() if chosen}


def _digest(entries: Mapping[str, SelfAssessment]) -> str:
    text = json.dumps(
        [
            [
                code,
                None if e.figure is None else canonical(e.figure),
                None if e.self_score is None else canonical(e.self_score),
                e.explanation,
                [[r.file_name, r.page] for r in e.evidence],
            ]
            for code, e in sorted(entries.items())
        ],
        ensure_ascii=False,
    )
    return hashlib.sha256(text.encode()).hexdigest()


# Evidence and packages ------------------------------------------------------------------------


def _build_packages(
    ctx: RoundContext, form_id: str, folder: Path, ids: tuple[str, ...] = ()
) -> tuple[Path, ...]:
    built: list[Path] = []
    for member in data.COUNCIL:
        package_id = str(demo_uuid("package", *ids, form_id, member.id))
        built.append(build_member_package(ctx, member.id, folder, package_id=package_id).path)
    return tuple(built)


def first_member_package(outdir: Path) -> Path:
    """The package of the council's first member (the chair) for the department round.

    Raises:
        ValidationError: ``outdir`` holds no demo.
    """
    outdir = Path(outdir)
    department = pick_set(data.DEPARTMENT_TYPES, data.DEPARTMENT_SET)
    pattern = f"{department.form_id}_{data.COUNCIL[0].id}_*.parpkg"
    found = sorted((outdir / PACKAGES_DIR).glob(pattern))
    if not found:
        raise ValidationError(
            Msg(
                f"Thư mục {outdir} chưa có dữ liệu minh họa (parapp demo THƯ_MỤC).",
                f"{outdir} holds no demo (parapp demo OUTDIR).",
            )
        )
    return found[0]


def open_first_member_workspace(
    outdir: Path,
    workspace_dir: Path | None = None,
    *,
    clock: Callable[[], datetime] = system_clock,
) -> RoundContext:
    """Open the first member's package as their workspace (in ``outdir/workspaces`` unless told
    otherwise); opening it again reopens the same workspace. The caller closes the context.

    Raises:
        ValidationError: ``outdir`` holds no demo.
    """
    package = first_member_package(outdir)
    folder = Path(outdir) / "workspaces" if workspace_dir is None else Path(workspace_dir)
    return open_member_package(package, folder, clock=clock, actor=data.COUNCIL[0].id)
