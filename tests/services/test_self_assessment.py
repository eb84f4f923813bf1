"""Storing a unit's self-assessment: evidence by hash, idempotent, over-maximum kept and flagged."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from parapp.core.criteria_codec import from_dict
from parapp.core.errors import ImportFormatError, ValidationError
from parapp.core.findings import FindingCode
from parapp.core.rounds import EvidenceRef, Phase, SelfAssessment
from parapp.services import rounds, self_assessment
from parapp.services.context import RoundContext

SET = {
    "format": "parapp-criteria",
    "format_version": 1,
    "form_id": "T-SO",
    "version": "2026010101",
    "year": 2026,
    "name": "Bộ thử",
    "unit_types": [{"code": "so", "label": "Sở"}, {"code": "k", "label": "Không TTHC"}],
    "nodes": [
        {"code": "1", "name": "Chỉ đạo", "maximum": "3"},
        {"code": "1.1", "name": "Kế hoạch", "maximum": "1"},
        {"code": "1.2", "name": "Báo cáo", "maximum": "2"},
        {"code": "2", "name": "TTHC", "maximum": "2", "applies_to": ["so"]},
        {"code": "2.1", "name": "Công bố", "maximum": "1", "applies_to": ["so"]},
        {
            "code": "2.2",
            "name": "SIPAS",
            "maximum": "1",
            "applies_to": ["so"],
            "assessor": "survey",
        },
    ],
}


def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as raw:
        return list(raw.iterdump())


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[RoundContext]:
    context = rounds.create_round(tmp_path / "r.parround", from_dict(SET), "Thử")
    rounds.add_units(context, [("A", "Sở A", "so"), ("K", "Ban K", "k")])
    yield context
    context.close()


@pytest.fixture
def evidence(tmp_path: Path) -> Path:
    folder = tmp_path / "tlkc"
    folder.mkdir()
    (folder / "KH-01.pdf").write_bytes(b"%PDF-1.4 ke hoach")
    (folder / "BC-02.pdf").write_bytes(b"%PDF-1.4 bao cao")
    return folder


ENTRIES = {
    "1.1": SelfAssessment("1.1", None, Decimal("1"), "", (EvidenceRef("KH-01.pdf", 2),)),
    "1.2": SelfAssessment(
        "1.2", Decimal("95"), Decimal("2.5"), "Vượt kế hoạch", (EvidenceRef("BC-02.pdf", 1),)
    ),
    "2.1": SelfAssessment("2.1", None, Decimal("1"), "", (EvidenceRef("thieu.pdf", None),)),
}


def test_evidence_is_stored_by_hash_and_missing_files_are_listed(
    ctx: RoundContext, evidence: Path
) -> None:
    report = self_assessment.store_self_assessment(
        ctx, "A", ENTRIES, evidence, source="A.xlsx", source_sha256="0" * 64
    )
    assert (report.changed, report.entries, report.evidence_stored) == (True, 3, 2)
    assert report.missing_evidence == ("thieu.pdf",)
    sha = hashlib.sha256(b"%PDF-1.4 ke hoach").hexdigest()
    assert ctx.evidence.verify(sha)
    stored = self_assessment.load_self_assessment(ctx, "A")
    assert stored["1.1"].evidence == (EvidenceRef("KH-01.pdf", 2, sha),)
    assert stored["2.1"].evidence == (EvidenceRef("thieu.pdf", None, None),)


def test_above_maximum_self_score_is_kept_and_flagged(ctx: RoundContext, evidence: Path) -> None:
    report = self_assessment.store_self_assessment(
        ctx, "A", ENTRIES, evidence, source="A.xlsx", source_sha256="0" * 64
    )
    assert [(f.node, f.code) for f in report.findings] == [("1.2", FindingCode.ABOVE_MAX)]
    assert self_assessment.load_self_assessment(ctx, "A")["1.2"].self_score == Decimal("2.5")


def test_same_content_twice_changes_nothing(ctx: RoundContext, evidence: Path) -> None:
    self_assessment.store_self_assessment(
        ctx, "A", ENTRIES, evidence, source="A.xlsx", source_sha256="0" * 64
    )
    before = dump(ctx.path)
    report = self_assessment.store_self_assessment(
        ctx, "A", ENTRIES, evidence, source="A.xlsx", source_sha256="0" * 64
    )
    assert report.changed is False
    assert dump(ctx.path) == before


def test_entries_the_unit_cannot_self_assess_are_all_refused(
    ctx: RoundContext, evidence: Path
) -> None:
    bad = {
        "1": SelfAssessment("1", None, Decimal(1)),
        "2.1": SelfAssessment("2.1", None, Decimal(1)),
        "9.9": SelfAssessment("9.9", None, Decimal(1)),
    }
    before = dump(ctx.path)
    with pytest.raises(ImportFormatError) as caught:
        self_assessment.store_self_assessment(
            ctx, "K", bad, evidence, source="K.xlsx", source_sha256="1" * 64
        )
    assert [p.message.en for p in caught.value.problems] == [
        "“1” is not a scored item of the criteria set.",
        "Item “2.1” does not apply to unit type k.",
        "“9.9” is not a scored item of the criteria set.",
    ]
    assert dump(ctx.path) == before


def test_survey_items_cannot_be_self_scored(ctx: RoundContext) -> None:
    with pytest.raises(ImportFormatError, match="1 problem"):
        self_assessment.store_self_assessment(
            ctx,
            "A",
            {"2.2": SelfAssessment("2.2", None, Decimal(1))},
            None,
            source="A.xlsx",
            source_sha256="2" * 64,
        )


def test_citations_cannot_reach_outside_the_evidence_folder(
    ctx: RoundContext, evidence: Path
) -> None:
    (evidence.parent / "secret.pdf").write_bytes(b"outside")
    entries = {"1.1": SelfAssessment("1.1", None, Decimal(1), "", (EvidenceRef("../secret.pdf"),))}
    report = self_assessment.store_self_assessment(
        ctx, "A", entries, evidence, source="A.xlsx", source_sha256="3" * 64
    )
    assert report.missing_evidence == ("../secret.pdf",)
    assert report.evidence_stored == 0


def test_self_assessments_are_closed_while_the_council_appraises(
    ctx: RoundContext, evidence: Path
) -> None:
    rounds.advance_phase(ctx, Phase.ROUND_1)
    before = dump(ctx.path)
    with pytest.raises(ValidationError, match="only during self-assessment or explanation"):
        self_assessment.store_self_assessment(
            ctx, "A", ENTRIES, evidence, source="A.xlsx", source_sha256="4" * 64
        )
    assert dump(ctx.path) == before
    rounds.advance_phase(ctx, Phase.EXPLANATION)
    report = self_assessment.store_self_assessment(
        ctx, "A", ENTRIES, evidence, source="A.xlsx", source_sha256="4" * 64
    )
    assert report.changed is True
