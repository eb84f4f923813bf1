"""A round whose criteria set has every kind of bound (levels, a step, a figure's bands, a penalty
with a negative minimum, survey and agency leaves), the units' self-assessments beside it, and
hand-made ``scores.json`` signed with the member's real key: what another client, an old
version or a hand edit could submit (issue 11)."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

from parapp.core.criteria_codec import from_dict
from parapp.core.rounds import EvidenceRef, Phase, SelfAssessment
from parapp.io.packages import score_package
from parapp.io.packages.score_package import SCORES, ScoreManifest
from parapp.io.signing import signers as io_signing
from parapp.services import rounds
from parapp.services.context import RoundContext
from parapp.services.self_assessment import store_self_assessment
from parapp.services.signing import Pkcs12Key
from tests.services.merge_world import NOW, Keys, clock
from tests.signing_pki import P12_PASSPHRASE

FORM_ID = "T-BOUNDS"
FORM_VERSION = "2026010101"
MEMBER_NAMES = {"m1": "Nguyễn Văn Một", "m2": "Trần Thị Hai"}
UNITS = {"A": "Sở Tư pháp", "B": "Sở Tài chính"}

SET: dict[str, object] = {
    "format": "parapp-criteria",
    "format_version": 1,
    "form_id": FORM_ID,
    "version": FORM_VERSION,
    "year": 2026,
    "name": "Bộ thử giới hạn điểm",
    "unit_types": [{"code": "so", "label": "Sở"}],
    "classes": [{"label": "Tốt", "lower": "80"}, {"label": "Yếu", "lower": "0"}],
    "nodes": [
        {"code": "1", "name": "Chỉ đạo điều hành", "maximum": "10"},
        {
            "code": "1.1",
            "name": "Ban hành kế hoạch",
            "maximum": "1",
            "rule": {
                "kind": "levels",
                "levels": [
                    {"value": "1", "label": "Kịp thời"},
                    {"value": "0.5", "label": "Không kịp thời"},
                    {"value": "0", "label": "Không ban hành"},
                ],
            },
        },
        {
            "code": "1.2",
            "name": "Báo cáo",
            "maximum": "4",
            "rule": {"kind": "free", "step": "0.25"},
        },
        {
            "code": "1.3",
            "name": "Tỷ lệ hồ sơ đúng hạn",
            "maximum": "5",
            "rule": {
                "kind": "bands",
                "figure_label": "Tỷ lệ",
                "figure_unit": "%",
                "bands": [
                    {"score": "5", "lower": "95", "inclusive": True, "label": ""},
                    {"score": "3", "lower": "80", "inclusive": True, "label": ""},
                    {"score": "0", "lower": None, "inclusive": True, "label": ""},
                ],
            },
        },
        {
            "code": "2",
            "name": "Điểm trừ",
            "maximum": "0",
            "minimum": "-1",
            "role": "penalty",
            "aggregation": "cap",
        },
        {"code": "2.1", "name": "Bị phê bình", "maximum": "0", "minimum": "-1", "role": "penalty"},
        {"code": "3", "name": "Khảo sát và đánh giá", "maximum": "10"},
        {
            "code": "3.1",
            "name": "Chỉ số SIPAS",
            "maximum": "5",
            "assessor": "survey",
            "rule": {"kind": "proportional", "figure_max": "100", "figure_label": "SIPAS"},
        },
        {
            "code": "3.2",
            "name": "Đánh giá của Sở Nội vụ",
            "maximum": "5",
            "assessor": "agency",
            "rule": {"kind": "free", "step": "0.5"},
        },
    ],
}

SELF_A = {
    "1.2": SelfAssessment("1.2", self_score=Decimal(4)),  # claims points, cites nothing
    "1.3": SelfAssessment(
        "1.3", figure=Decimal(97), self_score=Decimal(5), evidence=(EvidenceRef("bc.pdf"),)
    ),
}

SELF_B = {
    # The unit's own claim above the maximum: flagged for the council, never the member's error.
    "1.2": SelfAssessment("1.2", self_score=Decimal(6), evidence=(EvidenceRef("bc.pdf"),)),
}

INBOX_ROW = 'INSERT INTO "offered_file"'


def make_bounds_round(path: Path, keys: Keys) -> RoundContext:
    """Units A and B, members m1 and m2 with their certificates, A's self-assessment; round 1."""
    ctx = rounds.create_round(path, from_dict(dict(SET)), "Đợt thử", clock=clock, actor="tk")
    rounds.add_units(ctx, [(u, name, "so") for u, name in UNITS.items()])
    for member, name in MEMBER_NAMES.items():
        rounds.add_member(ctx, member, name, "Ủy viên", certificate_der=keys.der[member])
    store_self_assessment(ctx, "A", SELF_A, None, source="A.xlsx", source_sha256="0" * 64)
    store_self_assessment(ctx, "B", SELF_B, None, source="B.xlsx", source_sha256="1" * 64)
    rounds.advance_phase(ctx, Phase.ROUND_1)
    return ctx


def scores_json(
    round_id: str, member: str, data: Mapping[str, Mapping[str, str]], *, na: bool = False
) -> bytes:
    """``scores.json`` whose values are written verbatim: unit -> code -> the value's JSON
    text ('"1.5"', '"+1"', '2.5', 'null')."""
    head = {
        "appraisal_round": 1,
        "form_id": FORM_ID,
        "form_version": FORM_VERSION,
        "format": "parapp-scores",
        "format_version": 1,
        "member_id": member,
        "round_id": round_id,
    }
    flag = "true" if na else "false"
    units = ",".join(
        json.dumps(unit)
        + ":{"
        + ",".join(
            f'{json.dumps(code)}:{{"comment":"","not_applicable":{flag},"value":{value}}}'
            for code, value in sorted(leaves.items())
        )
        + "}"
        for unit, leaves in sorted(data.items())
    )
    text = json.dumps(head, sort_keys=True, separators=(",", ":"))[:-1] + ',"units":{' + units
    return (text + "}}").encode("utf-8")


def signed_scores(
    out: Path,
    round_id: str,
    keys: Keys,
    member: str,
    raw_scores: bytes,
    *,
    deprecated_id: str | None = None,
) -> tuple[Path, str]:
    """A package around ``raw_scores``, signed with ``member``'s real key (the signature and
    every hash hold: only the values can be wrong)."""
    submission = str(uuid.uuid4())
    manifest = ScoreManifest(
        FORM_ID,
        FORM_VERSION,
        round_id,
        member,
        submission,
        deprecated_id,
        NOW.isoformat(timespec="seconds"),
    )
    key = Pkcs12Key(keys.p12[member], P12_PASSPHRASE)
    with io_signing.open_signer(key, at=NOW, extra_chain=keys.trust.roots) as opened:
        score_package.write_score_package(
            out,
            manifest,
            {SCORES: raw_scores},
            lambda data: io_signing.sign_detached(data, opened, at=NOW),
        )
    return out, submission


def dump(path: Path) -> list[str]:
    """Every row of the round file, as SQL."""
    with sqlite3.connect(path) as raw:
        # The inbox records every offered file, refused ones too: the rest must not change.
        return [line for line in raw.iterdump() if not line.startswith(INBOX_ROW)]


def score_rows(path: Path) -> list[tuple[object, ...]]:
    """The members' scores (unit, item, member, round, value, comment, N/A, package), then the
    survey/agency points (unit, item, figure, value, source, imported at)."""
    with sqlite3.connect(path) as raw:
        scores = raw.execute(
            "SELECT unit_id, node_code, member_id, appraisal_round, value, comment, "
            "not_applicable, package_sha256 FROM score ORDER BY 1, 2, 3, 4"
        ).fetchall()
        points = raw.execute("SELECT * FROM component ORDER BY 1, 2").fetchall()
    return [*scores, *points]
