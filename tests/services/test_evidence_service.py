"""Opening cited evidence: found by hash, re-hashed; altered files untrusted, missing ones named."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from parapp import paths
from parapp.core.criteria_codec import from_dict
from parapp.core.messages import Lang
from parapp.core.rounds import EvidenceRef
from parapp.io.sheets import evidence_pdf
from parapp.services import rounds
from parapp.services.context import RoundContext
from parapp.services.evidence import PDF, named_copy, open_evidence

PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a5d5cf5a0000000049454e44ae426082"
)


@pytest.fixture
def ctx(tmp_path: Path, sample_criteria_data: dict[str, Any]) -> Iterator[RoundContext]:
    with rounds.create_round(
        tmp_path / "dot.parround", from_dict(sample_criteria_data), "Đợt thử"
    ) as opened:
        yield opened


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    path = tmp_path / "KH-12.pdf"
    document = evidence_pdf.EvidenceDocument(
        "Sở Tư pháp", "12/KH-STP", "Kế hoạch", "Thái Nguyên", ["Một", "Hai", "Ba"]
    )
    evidence_pdf.write(document, path, paths.resource("fonts"))
    return path


def test_stored_file_is_trusted_with_its_cited_page(ctx: RoundContext, pdf: Path) -> None:
    sha = ctx.evidence.put(pdf)
    found = open_evidence(ctx, EvidenceRef("KH-12.pdf", 3, sha))
    assert found.trusted
    assert found.path == ctx.evidence.path(sha)
    assert found.page == 3
    assert found.media_type == PDF
    assert found.is_pdf
    assert found.message is None


def test_altered_file_is_untrusted_with_a_clear_message(ctx: RoundContext, pdf: Path) -> None:
    sha = ctx.evidence.put(pdf)
    stored = ctx.evidence.path(sha)
    stored.chmod(0o644)
    stored.write_bytes(stored.read_bytes().replace(b"%%EOF", b"%%EOF\n% tampered"))
    found = open_evidence(ctx, EvidenceRef("KH-12.pdf", 2, sha))
    assert not found.trusted
    assert found.path == stored
    assert found.message is not None
    assert found.message.get(Lang.VI).startswith("Tệp đã bị thay đổi — không đáng tin cậy")
    assert "KH-12.pdf" in found.message.get(Lang.VI)
    assert "altered" in found.message.get(Lang.EN)
    assert "KH-12.pdf" in found.message.get(Lang.EN)


def test_file_gone_from_the_folder_is_missing_and_named(ctx: RoundContext) -> None:
    found = open_evidence(ctx, EvidenceRef("QD-45.pdf", 1, "ab" * 32))
    assert found.path is None
    assert not found.trusted
    assert found.message is not None
    assert "QD-45.pdf" in found.message.get(Lang.VI)
    assert "QD-45.pdf" in found.message.get(Lang.EN)
    assert found.media_type == PDF  # from the cited name: nothing to sniff


def test_file_never_supplied_is_missing_and_named(ctx: RoundContext) -> None:
    found = open_evidence(ctx, EvidenceRef("BC-CCHC.docx", None, None))
    assert found.path is None
    assert found.message is not None
    assert "không nộp" in found.message.get(Lang.VI)
    assert "BC-CCHC.docx" in found.message.get(Lang.EN)


def test_type_comes_from_the_content_not_the_name(ctx: RoundContext, tmp_path: Path) -> None:
    image = tmp_path / "anh-niem-yet.pdf"  # misnamed by the unit
    image.write_bytes(PNG_1X1)
    found = open_evidence(ctx, EvidenceRef("anh-niem-yet.pdf", None, ctx.evidence.put(image)))
    assert found.media_type == "image/png"
    assert found.is_image


def test_named_copy_carries_the_cited_name(ctx: RoundContext, pdf: Path, tmp_path: Path) -> None:
    sha = ctx.evidence.put(pdf)
    found = open_evidence(ctx, EvidenceRef("../KH/12:2026.pdf", 1, sha))
    copy = named_copy(found, tmp_path / "out")
    assert copy.name == "12_2026.pdf"
    assert copy.read_bytes() == pdf.read_bytes()
    assert copy.parent.parent == tmp_path / "out"
    assert named_copy(found, tmp_path / "out") == copy
    with pytest.raises(FileNotFoundError):
        named_copy(open_evidence(ctx, EvidenceRef("x.pdf", 1, None)), tmp_path / "out")
