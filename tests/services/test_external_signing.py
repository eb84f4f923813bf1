"""Sign with another tool and bring it back, on a real merged round: documents exported with
their exact bytes, signed by pyHanko called directly (not parapp's signing code), checked with
pdfsig, and every refusal recorded while nothing else in the round changes."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from parapp.core.errors import ValidationError
from parapp.services import audit, external_signing, meeting, minutes, scoring, stamp_images
from parapp.services.context import RoundContext
from parapp.services.meeting import ItemInput, MeetingInput, Votes
from parapp.services.signing import Pkcs12Key
from tests.services.external_world import (
    add_annotation,
    add_validation_data,
    pdfsig,
    png,
    sign_elsewhere,
)
from tests.services.meeting_world import dump, meeting_round, world_keys
from tests.services.merge_world import Keys
from tests.signing_pki import P12_PASSPHRASE

PARAMS = {"place": "Thái Nguyên", "date": "2027-01-10"}


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return world_keys(tmp_path_factory.mktemp("keys"))


@pytest.fixture
def ctx(tmp_path: Path, keys: Keys) -> Iterator[RoundContext]:
    context = meeting_round(tmp_path / "dot.parround", keys)
    yield context
    context.close()


def _ca_der(keys: Keys) -> bytes:
    return keys.trust.roots[-1].public_bytes(serialization.Encoding.DER)


def _returns(ctx: RoundContext) -> list[tuple[str, str, str | None]]:
    with sqlite3.connect(ctx.path) as raw:
        return raw.execute(
            "select outcome, reason_en, signer_member_id from external_return order by id"
        ).fetchall()


def _round_rows(ctx: RoundContext) -> list[str]:
    """The round's rows, except the ones a refusal adds (its record and its audit row)."""
    return [
        line
        for line in dump(ctx.path)
        if not line.startswith(('INSERT INTO "external_return"', 'INSERT INTO "audit"'))
    ]


def _bring_back(
    ctx: RoundContext, tmp_path: Path, data: bytes, keys: Keys, name: str = "ky.pdf"
) -> external_signing.ImportResult:
    path = tmp_path / name
    path.write_bytes(data)
    return external_signing.import_signed(ctx, path, keys.trust)


def test_member_sheet_signed_elsewhere_is_recorded(
    ctx: RoundContext, tmp_path: Path, keys: Keys
) -> None:
    out = tmp_path / "phieu.pdf"
    exported = external_signing.export_for_signing(ctx, "sheet:m1:A", out, PARAMS)
    assert exported.signer_id == "m1"
    again = tmp_path / "phieu2.pdf"
    external_signing.export_for_signing(ctx, "sheet:m1:A", again, PARAMS)
    assert again.read_bytes() == out.read_bytes()  # deterministic: the same bytes each time
    signed = sign_elsewhere(out.read_bytes(), keys.p12["m1"])
    result = _bring_back(ctx, tmp_path, signed, keys)
    assert result.accepted, result.reason.en
    assert result.complete
    assert result.signer_id == "m1"
    report = pdfsig(tmp_path / "ky.pdf")
    assert "Signature is Valid" in report
    assert "Total document signed" in report
    assert _returns(ctx) == [("accepted", "", "m1")]
    trail = [r for r in audit.audit_rows(ctx) if r.action.startswith("external")]
    assert [r.action for r in trail] == ["external_export", "external_export", "external_signed"]
    states = [d.state for d, _ in external_signing.documents(ctx)]
    assert states == ["superseded", "signed"]
    # the same signed file again: nothing new
    assert _bring_back(ctx, tmp_path, signed, keys).already


def _one_byte_changed(data: bytes) -> bytes:
    marker = b"ReportLab Generated PDF document"
    assert marker in data
    return data.replace(marker, b"ReportLab Generated PDF documenT", 1)


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("one byte changed", "does not begin with exactly the bytes parapp exported"),
        ("wrong signer", "wrong signer: signed by Thành viên m2"),
        ("annotation after signing", "updated after the signature"),
        ("scores changed since export", "content changed since the document was exported"),
        ("signed twice at once", "2 new signatures"),
        ("not signed", "no new signature"),
    ],
)
def test_refused_returns_are_recorded_and_change_nothing(
    ctx: RoundContext, tmp_path: Path, keys: Keys, case: str, expected: str
) -> None:
    out = tmp_path / "phieu.pdf"
    external_signing.export_for_signing(ctx, "sheet:m1:A", out, PARAMS)
    data = out.read_bytes()
    if case == "one byte changed":
        signed = sign_elsewhere(_one_byte_changed(data), keys.p12["m1"])
    elif case == "wrong signer":
        signed = sign_elsewhere(data, keys.p12["m2"])
    elif case == "annotation after signing":
        signed = add_annotation(sign_elsewhere(data, keys.p12["m1"]))
    elif case == "signed twice at once":
        signed = sign_elsewhere(sign_elsewhere(data, keys.p12["m1"]), keys.p12["m1"], "Hai")
    elif case == "not signed":
        signed = add_annotation(data)
    else:
        signed = sign_elsewhere(data, keys.p12["m1"])
        scoring.save_appraisal(ctx, "m1", "A", "1.1", "2")
    before = _round_rows(ctx)
    result = _bring_back(ctx, tmp_path, signed, keys)
    assert not result.accepted
    assert expected in result.reason.en
    assert result.reason.vi
    assert result.reason.vi != result.reason.en
    assert _round_rows(ctx) == before
    [(outcome, reason, signer)] = _returns(ctx)
    assert (outcome, signer) == ("refused", None)
    assert expected in reason
    refused = [r for r in audit.audit_rows(ctx) if r.action == "external_refused"]
    assert len(refused) == 1


def test_validation_data_added_after_signing_is_accepted(
    ctx: RoundContext, tmp_path: Path, keys: Keys
) -> None:
    out = tmp_path / "phieu.pdf"
    external_signing.export_for_signing(ctx, "sheet:m1:A", out, PARAMS)
    signed = add_validation_data(sign_elsewhere(out.read_bytes(), keys.p12["m1"]), _ca_der(keys))
    result = _bring_back(ctx, tmp_path, signed, keys)
    assert result.accepted, result.reason.en


def _meeting(ctx: RoundContext) -> None:
    meeting.record_meeting(
        ctx,
        MeetingInput(
            number="01/BB-HĐTĐ",
            held_on="2027-01-15 08:30",
            place="Thái Nguyên",
            chair_id="ct",
            present=("ct", "tk", "m1", "m2"),
            written={"m3": "Đồng ý."},
            items=(
                ItemInput("A", "1.1", "3", Votes(("ct", "tk", "m1"), ("m2",))),
                ItemInput("B", "1.2", "4", Votes(("ct", "m1"), ("m2", "tk")), chair_value="4,5"),
            ),
            approve=Votes(("ct", "tk", "m1", "m2")),
        ),
    )


def test_minutes_go_out_and_come_back_signer_by_signer(
    ctx: RoundContext, tmp_path: Path, keys: Keys
) -> None:
    _meeting(ctx)
    first = tmp_path / "bien-ban.pdf"
    exported = external_signing.export_for_signing(ctx, "minutes", first)
    assert (exported.step, exported.signer_id) == (0, "tk")
    # the chair cannot sign first
    early = _bring_back(ctx, tmp_path, sign_elsewhere(first.read_bytes(), keys.p12["ct"]), keys)
    assert not early.accepted
    assert "wrong signer" in early.reason.en
    by_secretary = sign_elsewhere(first.read_bytes(), keys.p12["tk"], "ThuKy")
    done = _bring_back(ctx, tmp_path, by_secretary, keys, "tk.pdf")
    assert done.accepted, done.reason.en
    assert not done.complete
    second = tmp_path / "bien-ban-2.pdf"
    turn = external_signing.export_for_signing(ctx, "minutes", second)
    assert (turn.step, turn.signer_id, turn.continued) == (1, "ct", True)
    assert second.read_bytes() == by_secretary
    # a chair's signature over the first export (not the secretary's file) is out of turn
    stale = _bring_back(ctx, tmp_path, sign_elsewhere(first.read_bytes(), keys.p12["ct"]), keys)
    assert not stale.accepted
    assert "signed since" in stale.reason.en
    by_chair = sign_elsewhere(second.read_bytes(), keys.p12["ct"], "ChuToa")
    final = _bring_back(ctx, tmp_path, by_chair, keys, "ct.pdf")
    assert final.accepted, final.reason.en
    assert final.complete
    report = pdfsig(tmp_path / "ct.pdf")
    assert report.count("Signature is Valid") == 2
    assert "Total document signed" in report
    [(document, returned)] = [
        (d, r) for d, r in external_signing.documents(ctx) if d.doc == "minutes"
    ]
    assert document.state == "signed"
    assert [(r.outcome, r.signer_member_id) for r in returned] == [
        ("refused", None),
        ("accepted", "tk"),
        ("refused", None),
        ("accepted", "ct"),
    ]


def test_notice_and_results_need_the_secretary_and_the_chair(
    ctx: RoundContext, tmp_path: Path, keys: Keys
) -> None:
    notice = tmp_path / "thong-bao.pdf"
    with pytest.raises(ValidationError, match="deadline"):
        external_signing.export_for_signing(ctx, "notice:A", notice, PARAMS)
    exported = external_signing.export_for_signing(
        ctx, "notice:A", notice, {**PARAMS, "deadline": "2027-01-20"}
    )
    assert exported.signer_id == "tk"
    result = _bring_back(ctx, tmp_path, sign_elsewhere(notice.read_bytes(), keys.p12["tk"]), keys)
    assert result.accepted, result.reason.en
    _meeting(ctx)
    results_pdf = tmp_path / "ket-qua.pdf"
    exported = external_signing.export_for_signing(ctx, "results", results_pdf, PARAMS)
    assert exported.document.signers == ("tk", "ct")
    first = sign_elsewhere(results_pdf.read_bytes(), keys.p12["tk"], "ThuKy")
    assert _bring_back(ctx, tmp_path, first, keys, "r1.pdf").accepted
    external_signing.export_for_signing(ctx, "results", results_pdf)
    second = sign_elsewhere(results_pdf.read_bytes(), keys.p12["ct"], "ChuTich")
    final = _bring_back(ctx, tmp_path, second, keys, "r2.pdf")
    assert final.accepted, final.reason.en
    assert final.complete


def test_unknown_documents_are_refused_before_anything_is_written(
    ctx: RoundContext, tmp_path: Path
) -> None:
    before = dump(ctx.path)
    for doc, expected in (
        ("phieu", "not a document to sign"),
        ("sheet:m1:ZZ", "ZZ"),
        ("minutes", "No council meeting"),
        ("sheet:outsider:A", "outsider"),
    ):
        with pytest.raises(ValidationError, match=expected):
            external_signing.export_for_signing(ctx, doc, tmp_path / "x.pdf", PARAMS)
    assert dump(ctx.path) == before
    assert not (tmp_path / "x.pdf").exists()


def test_minutes_signed_in_parapp_carry_the_secretary_s_signature_image(
    ctx: RoundContext, tmp_path: Path, keys: Keys
) -> None:
    _meeting(ctx)
    stamp_images.set_signature_image(ctx, "tk", png((20, 40, 200, 255), (300, 120)))
    trail = [r for r in audit.audit_rows(ctx) if r.field == "stamp.signature.tk"]
    assert len(trail) == 1
    pdf = tmp_path / "bien-ban.pdf"
    key = Pkcs12Key(keys.p12["tk"], P12_PASSPHRASE)
    minutes.sign_minutes(ctx, pdf, minutes.Signer.SECRETARY, key, keys.trust)
    assert "Signature is Valid" in pdfsig(pdf)
    assert b"/Subtype /Image" in pdf.read_bytes() or b"/Subtype/Image" in pdf.read_bytes()
