"""The canonical JSON of a member's scores: the one byte sequence hashed into the xlsx ``_meta``
sheet and signed in the score package.

Canonical means: keys sorted, UTF-8 as is, no spaces, decimals as plain strings ("8.5", never a
float or "1E+1"), leaves keyed by node id (the criteria code), never by row. Only the member's own
appraisals are included (council-assessed leaves with a value, a comment or a "not applicable"
mark); survey and agency points belong to the secretary's import.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from parapp.core.numbers import canonical

FORMAT = "parapp-scores"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class ScoreValue:
    """A member's appraisal of one leaf."""

    value: Decimal | None = None
    comment: str = ""
    not_applicable: bool = False


@dataclass(frozen=True)
class MemberScores:
    """One member's appraisals in one round: unit id -> node code -> value."""

    form_id: str
    form_version: str
    round_id: str
    member_id: str
    appraisal_round: int
    units: Mapping[str, Mapping[str, ScoreValue]] = field(default_factory=dict)


def scores_dict(scores: MemberScores) -> dict[str, Any]:
    """The JSON data of ``scores`` (text in NFC, decimals as canonical strings)."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "form_id": scores.form_id,
        "form_version": scores.form_version,
        "round_id": scores.round_id,
        "member_id": scores.member_id,
        "appraisal_round": scores.appraisal_round,
        "units": {
            unit_id: {
                code: {
                    "value": None if item.value is None else canonical(item.value),
                    "comment": unicodedata.normalize("NFC", item.comment),
                    "not_applicable": item.not_applicable,
                }
                for code, item in leaves.items()
            }
            for unit_id, leaves in scores.units.items()
        },
    }


def canonical_scores_json(scores: MemberScores) -> bytes:
    """The canonical bytes: sorted keys, UTF-8 unescaped, compact separators."""
    return json.dumps(
        scores_dict(scores), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")


def scores_sha256(scores: MemberScores) -> str:
    """Hex SHA-256 of ``canonical_scores_json``."""
    return hashlib.sha256(canonical_scores_json(scores)).hexdigest()
