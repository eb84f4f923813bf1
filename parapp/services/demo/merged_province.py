"""A merged province's round: 20 departments, 5 vertical agencies and 120 communes in one round.

All unit names are fictional ("tỉnh Hồng Lam (minh họa)"). The round is built the way a secretary
would: one criteria set (PAR-TINH-HOPNHAT-2026), the units imported from ONE units workbook,
survey and SIPAS points imported, the council members' signed score packages merged, the
national groups as classification. Its four ranking groups are the set's: sở, ban, ngành;
cơ quan ngành dọc; phường; xã và đặc khu. Used by the demo (``2026-tinh-hop-nhat.parround``)
and by ``tests/benchmarks/bench_merged_province.py``. Deterministic: integers drawn from
``random.Random`` seeded per unit and member, every value an exact Decimal.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path

from cryptography import x509

from parapp.core.criteria import Assessor, CriteriaSet, LevelsRule, Node, ProportionalRule
from parapp.core.errors import Location
from parapp.core.rounds import Phase
from parapp.io.packages import score_package
from parapp.io.packages.score_package import SCORES, ScoreManifest
from parapp.io.packages.scores_json import MemberScores, ScoreValue, canonical_scores_json
from parapp.io.signing import signers as io_signing
from parapp.io.signing.validation import TrustSettings
from parapp.io.workbooks.units import write_units_template
from parapp.services import components, criteria_sets, merge, ranking_settings, rounds, workbooks
from parapp.services.context import RoundContext
from parapp.services.demo.pki import DEMO_PASSPHRASE, DemoPki
from parapp.services.signing import Pkcs12Key

FORM_ID = "PAR-TINH-HOPNHAT-2026"
ROUND_FILE = "2026-tinh-hop-nhat.parround"
UNITS_FILE = "2026-tinh-hop-nhat-don-vi.xlsx"
PROVINCE = "Hồng Lam"
"""A province that does not exist."""
DEPARTMENTS = (
    "Tư pháp", "Nội vụ", "Tài chính", "Xây dựng", "Công Thương", "Nông nghiệp và Môi trường",
    "Giáo dục và Đào tạo", "Y tế", "Văn hóa, Thể thao và Du lịch", "Khoa học và Công nghệ",
    "Dân tộc và Tôn giáo", "Ngoại vụ", "Thanh tra tỉnh", "Văn phòng UBND tỉnh",
    "Ban Quản lý các khu công nghiệp", "Ban Quản lý dự án xây dựng", "Ban Dân tộc",
)  # fmt: skip
WITHOUT_PROCEDURES = ("Văn phòng Đoàn ĐBQH và HĐND", "Ban Quản lý khu du lịch", "Ban Tiếp công dân")
AGENCIES = (
    ("THUE", "Thuế tỉnh Hồng Lam"),
    ("HQ", "Hải quan khu vực Hồng Lam"),
    ("CA", "Công an tỉnh Hồng Lam"),
    ("BHXH", "Bảo hiểm xã hội tỉnh Hồng Lam"),
    ("KBNN", "Kho bạc Nhà nước khu vực Hồng Lam"),
)
WARDS = 44
COMMUNES = 74
ZONES = 2
MEMBERS = 3
"""Members whose signed packages are merged (each scores every unit)."""
BANDS = "nhom-quoc-gia"
BELOW_C = "Nhóm D"
_PLACES = ("An", "Bình", "Hòa", "Phú", "Tân", "Thạnh", "Long", "Phước", "Đông", "Tây", "Nam")


@dataclass(frozen=True)
class MergedRound:
    """The built round and what went into it."""

    path: Path
    units_workbook: Path
    packages: tuple[Path, ...]
    units: int
    scores: int


def unit_rows() -> list[tuple[str, str, str]]:
    """(code, name, unit type) of the 145 fictional units, departments first."""
    rows = [
        (f"S{n:02d}", f"Sở {name}" if n < 13 else name, "so")
        for n, name in enumerate(DEPARTMENTS, 1)
    ]
    rows += [(f"K{n:02d}", name, "so-khong-tthc") for n, name in enumerate(WITHOUT_PROCEDURES, 1)]
    rows += [(f"ND-{code}", name, "nganh-doc") for code, name in AGENCIES]
    rows += [(f"P{n:03d}", f"Phường {_place(n)}", "phuong") for n in range(1, WARDS + 1)]
    rows += [(f"X{n:03d}", f"Xã {_place(n + WARDS)}", "xa") for n in range(1, COMMUNES + 1)]
    rows += [(f"DK{n}", f"Đặc khu Hòn {_PLACES[n]}", "dac-khu") for n in range(1, ZONES + 1)]
    return rows


def _place(number: int) -> str:
    first = _PLACES[number % len(_PLACES)]
    second = _PLACES[(number // len(_PLACES)) % len(_PLACES)]
    return f"{first} {second} {number}"


def write_units_workbook(path: Path, criteria_set: CriteriaSet) -> Path:
    """The units workbook as a secretary fills it: code, name, type label, group label."""
    from openpyxl import load_workbook  # noqa: PLC0415 - only the builder needs it

    write_units_template(path, criteria_set)
    workbook = load_workbook(path)
    sheet = workbook["DonVi"]
    labels = {u.code: u.label for u in criteria_set.unit_types}
    for code, name, unit_type in unit_rows():
        group = criteria_set.group_of(unit_type)
        sheet.append([code, name, labels[unit_type], group.label if group else ""])
    workbook.save(path)
    return path


def build_merged_round(
    outdir: Path,
    pki: DemoPki,
    clock: Callable[[], datetime],
    actor: str = "thu-ky",
    units_dir: Path | None = None,
) -> MergedRound:
    """Build the round in ``outdir`` (its file and the members' packages) with its units
    workbook in ``units_dir`` (default ``outdir``; the demo keeps it out of its folder, whose
    files are byte-identical from build to build, which an .xlsx's zip dates are not)."""
    criteria_set = criteria_sets.find_bundled(FORM_ID)
    path = outdir / ROUND_FILE
    round_id = str(uuid.UUID(int=random.Random(ROUND_FILE).getrandbits(128), version=4))
    ctx = rounds.create_round(
        path,
        criteria_set,
        f"Thẩm định Chỉ số CCHC năm 2026 — tỉnh {PROVINCE} (minh họa)",
        clock=clock,
        actor=actor,
        round_id=round_id,
    )
    try:
        units_xlsx = write_units_workbook((units_dir or outdir) / UNITS_FILE, criteria_set)
        workbooks.import_units(ctx, units_xlsx)
        ranking_settings.set_band_set(
            ctx, ranking_settings.resolve_bands(criteria_set, preset=BANDS, below=BELOW_C)
        )
        members = sorted(pki.members)[:MEMBERS]
        for member in members:
            rounds.add_member(
                ctx,
                member,
                f"Thành viên {member}",
                "Ủy viên",
                certificate_der=pki.members[member].der,
            )
        _import_survey(ctx, criteria_set)
        rounds.advance_phase(ctx, Phase.ROUND_1)
        folder = outdir / "tinh-hop-nhat-packages"
        folder.mkdir(exist_ok=True)
        packages, scores = _packages(folder, round_id, criteria_set, pki, members, clock())
        trust = TrustSettings((_ca(pki),), moment=clock())
        report = merge.merge_submissions(ctx, packages, trust)
        assert report.ok, [f.reason.en for f in report.files if f.reason is not None][:1]
    finally:
        ctx.close()
    return MergedRound(path, units_xlsx, tuple(packages), len(unit_rows()), scores)


def _ca(pki: DemoPki) -> x509.Certificate:
    return x509.load_pem_x509_certificate(pki.ca_pem.read_bytes())


def _quality(code: str) -> int:
    """The unit's level in percent (60–98), fixed by its code."""
    return random.Random(f"quality {code}").randint(60, 98)


def _import_survey(ctx: RoundContext, criteria_set: CriteriaSet) -> None:
    rows: list[components.ComponentInput] = []
    for code, _name, unit_type in unit_rows():
        rng = random.Random(f"survey {code}")
        for leaf in criteria_set.leaves():
            if leaf.assessor is Assessor.COUNCIL or not leaf.applies(unit_type):
                continue
            if not all(a.applies(unit_type) for a in _ancestors(criteria_set, leaf)):
                continue
            figure = Decimal(min(100, _quality(code) + rng.randint(-8, 8)))
            assert isinstance(leaf.rule, ProportionalRule)
            at = Location("khao-sat", row=len(rows) + 1)
            rows.append(components.ComponentInput(code, leaf.code, figure, None, at))
    components.store_components(ctx, rows, source="khao-sat", source_sha256="")


def _ancestors(criteria_set: CriteriaSet, node: Node) -> list[Node]:
    out = []
    parent = node.parent_code
    while parent is not None:
        out.append(criteria_set.node(parent))
        parent = out[-1].parent_code
    return out


def _value(leaf: Node, unit_type: str, quality: int, rng: random.Random) -> Decimal:
    """A value the leaf's rule allows, near ``quality`` % of its maximum."""
    maximum = leaf.max_for(unit_type)
    rule = leaf.rule
    share = Decimal(max(0, min(100, quality + rng.randint(-15, 15)))) / 100
    if isinstance(rule, LevelsRule):
        allowed = sorted(level.value for level in rule.levels if level.value <= maximum)
        return next((v for v in reversed(allowed) if v <= maximum * share), allowed[0])
    step = getattr(rule, "step", None) or Decimal("0.01")
    wanted = (maximum * share / step).to_integral_value(rounding=ROUND_FLOOR) * step
    return max(leaf.minimum, min(maximum, wanted))


def _packages(
    folder: Path,
    round_id: str,
    criteria_set: CriteriaSet,
    pki: DemoPki,
    members: Sequence[str],
    at: datetime,
) -> tuple[list[Path], int]:
    files, count = [], 0
    for member in members:
        units: dict[str, dict[str, ScoreValue]] = {}
        for code, _name, unit_type in unit_rows():
            rng = random.Random(f"score {member} {code}")
            units[code] = {
                leaf.code: ScoreValue(_value(leaf, unit_type, _quality(code), rng))
                for leaf in criteria_set.leaves()
                if leaf.assessor is Assessor.COUNCIL
                and leaf.applies(unit_type)
                and all(a.applies(unit_type) for a in _ancestors(criteria_set, leaf))
            }
            count += len(units[code])
        scores = MemberScores(FORM_ID, criteria_set.version, round_id, member, 1, units)
        manifest = ScoreManifest(
            FORM_ID,
            criteria_set.version,
            round_id,
            member,
            str(uuid.UUID(int=random.Random(f"package {member}").getrandbits(128), version=4)),
            None,
            at.isoformat(timespec="seconds"),
        )
        key = Pkcs12Key(pki.members[member].p12_path, DEMO_PASSPHRASE)
        with io_signing.open_signer(key, at=at) as opened:
            out = folder / f"{member}.parscore"
            score_package.write_score_package(
                out,
                manifest,
                {SCORES: canonical_scores_json(scores)},
                lambda b, o=opened: io_signing.sign_detached(b, o, at=at),  # type: ignore[misc]
            )
        files.append(out)
    return files, count
