"""A secretary's round with three members holding real certificates from a test CA, and signed
score packages built straight from score data (the member's workspace is not needed to sign)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from parapp.core.criteria_codec import from_dict
from parapp.core.rounds import Phase
from parapp.io.packages import score_package
from parapp.io.packages.score_package import SCORES, ScoreManifest
from parapp.io.packages.scores_json import MemberScores, ScoreValue, canonical_scores_json
from parapp.io.signing import signers as io_signing
from parapp.io.signing.validation import TrustSettings
from parapp.services import rounds, signing
from parapp.services.context import RoundContext
from parapp.services.signing import Pkcs12Key
from tests.signing_pki import P12_PASSPHRASE, issue, make_ca, write_p12

SET: dict[str, object] = {
    "format": "parapp-criteria",
    "format_version": 1,
    "form_id": "T-MERGE",
    "version": "2026010101",
    "year": 2026,
    "name": "Bộ thử tổng hợp",
    "unit_types": [{"code": "so", "label": "Sở"}],
    "classes": [
        {"label": "Tốt", "lower": "80"},
        {"label": "Khá", "lower": "70"},
        {"label": "Yếu", "lower": "0"},
    ],
    "nodes": [
        {"code": "1", "name": "Chỉ đạo điều hành", "maximum": "10"},
        {"code": "1.1", "name": "Kế hoạch", "maximum": "4"},
        {"code": "1.2", "name": "Báo cáo", "maximum": "6"},
        {"code": "2", "name": "Thủ tục hành chính", "maximum": "5"},
        {"code": "2.1", "name": "Công khai thủ tục", "maximum": "5"},
        {"code": "3", "name": "Khảo sát", "maximum": "5"},
        {"code": "3.1", "name": "SIPAS", "maximum": "5", "assessor": "survey"},
    ],
}

# Real time: the test certificates are valid from an hour ago.
NOW = datetime.now(dt.timezone(dt.timedelta(hours=7))).replace(microsecond=0)
MEMBERS = ("m1", "m2", "m3")


def clock() -> datetime:
    return NOW


@dataclass(frozen=True)
class Keys:
    """A CA and one PKCS#12 per member (plus an outsider) under ``folder``."""

    folder: Path
    trust: TrustSettings
    p12: Mapping[str, Path]
    der: Mapping[str, bytes]


def make_keys(folder: Path, names: tuple[str, ...] = (*MEMBERS, "outsider")) -> Keys:
    folder.mkdir(parents=True, exist_ok=True)
    ca_key, ca_cert = make_ca()
    ca_pem = folder / "ca.pem"
    ca_pem.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    p12: dict[str, Path] = {}
    der: dict[str, bytes] = {}
    for name in names:
        key, cert = issue(ca_key, ca_cert, f"Thành viên {name}")
        p12[name] = write_p12(folder / f"{name}.p12", key, cert, [ca_cert])
        der[name] = cert.public_bytes(serialization.Encoding.DER)
    return Keys(folder, signing.trust_settings([ca_pem]), p12, der)


def make_round(
    path: Path,
    keys: Keys,
    *,
    units: tuple[str, ...] = ("A", "B"),
    registered: tuple[str, ...] = MEMBERS,
    criteria: Mapping[str, object] = SET,
) -> RoundContext:
    """A round in appraisal round 1 with the members' certificates registered."""
    ctx = rounds.create_round(path, from_dict(dict(criteria)), "Đợt thử", clock=clock, actor="tk")
    rounds.add_units(ctx, [(u, f"Sở {u}", "so") for u in units])
    for member in MEMBERS:
        der = keys.der[member] if member in registered else None
        rounds.add_member(ctx, member, f"Thành viên {member}", "Ủy viên", certificate_der=der)
    rounds.advance_phase(ctx, Phase.ROUND_1)
    return ctx


def values(data: Mapping[str, Mapping[str, str | None]]) -> dict[str, dict[str, ScoreValue]]:
    """unit -> code -> "3,5" / "N/A" / None into score values."""
    out: dict[str, dict[str, ScoreValue]] = {}
    for unit, leaves in data.items():
        out[unit] = {}
        for code, text in leaves.items():
            if text == "N/A":
                out[unit][code] = ScoreValue(None, "", True)
            else:
                value = None if text is None else Decimal(text.replace(",", "."))
                out[unit][code] = ScoreValue(value, "", False)
    return out


def signed_package(
    out: Path,
    ctx_round_id: str,
    keys: Keys,
    member: str,
    data: Mapping[str, Mapping[str, str | None]],
    *,
    signer: str | None = None,
    submission_id: str | None = None,
    deprecated_id: str | None = None,
    appraisal_round: int = 1,
    form_id: str = "T-MERGE",
    form_version: str = "2026010101",
) -> tuple[Path, str]:
    """Write a signed .parscore of ``member``'s scores; return its path and submission id."""
    scores = MemberScores(
        form_id, form_version, ctx_round_id, member, appraisal_round, values(data)
    )
    submission = submission_id or str(uuid.uuid4())
    manifest = ScoreManifest(
        form_id,
        form_version,
        ctx_round_id,
        member,
        submission,
        deprecated_id,
        NOW.isoformat(timespec="seconds"),
    )
    key = Pkcs12Key(keys.p12[signer or member], P12_PASSPHRASE)
    with io_signing.open_signer(key, at=NOW, extra_chain=keys.trust.roots) as opened:

        def sign(manifest_bytes: bytes) -> bytes:
            return io_signing.sign_detached(manifest_bytes, opened, at=NOW)

        score_package.write_score_package(
            out, manifest, {SCORES: canonical_scores_json(scores)}, sign
        )
    return out, submission
