"""A small real round for the export, sign-and-submit and print tests: two departments, one
member who scores everything and whose certificate (the test PKI's) is registered, a few scores.

Plain functions over ``conftest.sample_criteria_data``; no demo needed (it takes seconds).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization

from parapp.core.criteria_codec import from_dict
from parapp.core.rounds import Phase
from parapp.services import rounds, scoring
from parapp.services.context import RoundContext
from tests.signing_pki import Pki

MEMBER = "UV-01"
MEMBER_NAME = "Nguyễn Văn Thẩm"
UNIT = "SCT"
UNIT_NAME = "Sở Công Thương"
OTHER_UNIT = "STC"
PLACE = "Thái Nguyên"


def make_round(folder: Path, criteria_data: dict[str, Any], pki: Pki | None) -> RoundContext:
    """Create the round in ``folder``; the member's certificate is registered when ``pki``."""
    folder.mkdir(parents=True, exist_ok=True)
    ctx = rounds.create_round(folder / "dot-thu.parround", from_dict(criteria_data), "Đợt thử")
    rounds.add_units(ctx, [(UNIT, UNIT_NAME, "so"), (OTHER_UNIT, "Sở Tài chính", "so")])
    der = pki.member_cert.public_bytes(serialization.Encoding.DER) if pki is not None else None
    rounds.add_member(ctx, MEMBER, MEMBER_NAME, "Ủy viên", certificate_der=der)
    rounds.assign(ctx, MEMBER)
    rounds.advance_phase(ctx, Phase.ROUND_1)
    for unit in (UNIT, OTHER_UNIT):
        scoring.save_appraisal(ctx, MEMBER, unit, "1.1.1", "1")
        scoring.save_appraisal(ctx, MEMBER, unit, "1.2", "0,75")
    return ctx
