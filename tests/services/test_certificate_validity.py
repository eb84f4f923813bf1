"""Certificate validity and revocation, end to end with real keys: packages signed outside their
certificate's validity (by another client, or with the clock set back) are refused at merge
whether the certificate was registered or trusted on first use; revoked certificates are refused
through the round's stored CRLs; verify names each reason; parapp's own signing refuses an
expired or not yet valid certificate before writing anything (PKCS#12 and SoftHSM2 token)."""

from __future__ import annotations

import dataclasses
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization

from parapp.core.criteria_codec import from_dict
from parapp.core.errors import SignatureError, ValidationError
from parapp.core.rounds import Phase
from parapp.io.packages import score_package
from parapp.io.packages.score_package import SCORES, ScoreManifest
from parapp.io.packages.scores_json import MemberScores, canonical_scores_json
from parapp.io.signing import signers as io_signing
from parapp.io.signing.validation import TrustSettings, TrustState
from parapp.services import (
    merge,
    revocation,
    rounds,
    signed_outputs,
    signing,
    submission,
    verify,
)
from parapp.services.context import RoundContext
from parapp.services.merge import Outcome
from parapp.services.signing import Pkcs12Key, TokenKey
from tests.services.merge_world import SET, values
from tests.signing_pki import (
    P12_PASSPHRASE,
    SOFTHSM_MODULE,
    USER_PIN,
    Key,
    Pki,
    create_softhsm_token,
    expired_and_future,
    issue,
    make_crl,
    make_pki,
    sample_pdf,
    unload_softhsm,
    write_p12,
)
from tests.submission_round import MEMBER, PLACE
from tests.submission_round import make_round as make_workspace

INBOX_ROW = 'INSERT INTO "offered_file"'


@dataclasses.dataclass(frozen=True)
class Signer:
    p12: Path
    cert: x509.Certificate

    @property
    def der(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.DER)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def trust(pki: Pki) -> TrustSettings:
    return signing.trust_settings([pki.ca_pem])


def _signer(pki: Pki, name: str, pair: tuple[Key, x509.Certificate]) -> Signer:
    key, cert = pair
    return Signer(write_p12(pki.folder / f"{name}.p12", key, cert, [pki.ca_cert]), cert)


@pytest.fixture(scope="module")
def signers(pki: Pki) -> dict[str, Signer]:
    out = {"valid": Signer(pki.member_p12, pki.member_cert)}
    for ec_key in (False, True):
        suffix = "-ec" if ec_key else ""
        for name, pair in expired_and_future(pki.ca_key, pki.ca_cert, ec_key=ec_key).items():
            out[name + suffix] = _signer(pki, name + suffix, pair)
    out["revoked"] = _signer(pki, "revoked", issue(pki.ca_key, pki.ca_cert, "Phạm Bị Thu Hồi"))
    return out


def when_valid(cert: x509.Certificate) -> datetime:
    """A moment inside the certificate's validity (what a clock set back or forward claims)."""
    return cert.not_valid_before_utc + timedelta(minutes=30)


def make_round(path: Path, at: datetime, registered: bytes | None) -> RoundContext:
    """A round whose clock read ``at`` when member m1 (with ``registered``) was added."""
    clock = [at]
    ctx = rounds.create_round(path, from_dict(dict(SET)), "Đợt thử", clock=lambda: clock[0])
    rounds.add_units(ctx, [("A", "Sở A", "so")])
    rounds.add_member(ctx, "m1", "Thành viên m1", "Ủy viên", certificate_der=registered)
    rounds.advance_phase(ctx, Phase.ROUND_1)
    clock[0] = datetime.now(UTC)
    return ctx


def package_signed_at(
    out: Path, round_id: str, signer: Signer, at: datetime, trust: TrustSettings
) -> Path:
    """A .parscore of m1 signed as another client would, its signing time claimed as ``at``."""
    scores = MemberScores(
        "T-MERGE", "2026010101", round_id, "m1", 1, values({"A": {"1.1": "3", "1.2": "4"}})
    )
    manifest = ScoreManifest(
        "T-MERGE",
        "2026010101",
        round_id,
        "m1",
        str(uuid.uuid4()),
        None,
        at.isoformat(timespec="seconds"),
    )
    key = Pkcs12Key(signer.p12, P12_PASSPHRASE)
    with io_signing.open_signer(key, at=at, extra_chain=trust.roots) as opened:

        def sign(data: bytes) -> bytes:
            return io_signing.sign_detached(data, opened, at=at)

        score_package.write_score_package(
            out, manifest, {SCORES: canonical_scores_json(scores)}, sign
        )
    return out


def scores_of(ctx: RoundContext) -> list[Any]:
    with sqlite3.connect(ctx.path) as raw:
        return raw.execute("select * from score").fetchall()


@pytest.mark.parametrize("name", ["expired", "future", "expired-ec", "future-ec"])
@pytest.mark.parametrize("how", ["registered", "trusted"])
def test_signature_outside_the_certificate_validity_is_refused_at_merge(
    tmp_path: Path, signers: dict[str, Signer], trust: TrustSettings, name: str, how: str
) -> None:
    signer = signers[name]
    at = when_valid(signer.cert)
    registered = signer.der if how == "registered" else None
    with make_round(tmp_path / "dot.parround", at, registered) as ctx:
        if how == "trusted":
            merge.trust_member(ctx, "m1", signer.cert.fingerprint(hashes.SHA256()).hex(), "tk")
        pkg = package_signed_at(
            tmp_path / "m1.parscore", rounds.round_info(ctx).id, signer, at, trust
        )
        report = merge.merge_submissions(ctx, [pkg], trust)
        [only] = report.files
        assert only.outcome is Outcome.REFUSED
        expected = ("đã hết hạn ngày", "expired on")
        if name.startswith("future"):
            expected = ("chưa có hiệu lực đến ngày", "not yet valid")
        assert expected[0] in only.reason.vi
        assert expected[1] in only.reason.en
        assert "trusted root" not in only.reason.en
        assert scores_of(ctx) == []
        checked = verify.verify_file(pkg, trust)
        assert checked.trust is TrustState.INVALID
        [verdict] = checked.signatures
        assert verdict.intact  # the bytes are fine: it is the certificate
        assert verdict.problem is not None
        assert expected[1] in verdict.problem.en


def test_trust_on_first_use_refuses_an_expired_certificate(
    tmp_path: Path, signers: dict[str, Signer], trust: TrustSettings
) -> None:
    signer = signers["expired"]
    at = when_valid(signer.cert)
    with make_round(tmp_path / "dot.parround", at, None) as ctx:
        pkg = package_signed_at(
            tmp_path / "m1.parscore", rounds.round_info(ctx).id, signer, at, trust
        )
        with pytest.raises(ValidationError) as caught:
            merge.package_signer(pkg, trust)
        assert "đã hết hạn ngày" in caught.value.msg.vi
        assert [m.certificate_sha256 for m in rounds.list_members(ctx)] == [None]


def test_revoked_certificate_through_the_round_setting_end_to_end(
    tmp_path: Path, pki: Pki, signers: dict[str, Signer], trust: TrustSettings
) -> None:
    signer = signers["revoked"]
    now = datetime.now(UTC)
    crl = tmp_path / "ca-moi.crl"
    crl.write_bytes(make_crl(pki.ca_key, pki.ca_cert, (signer.cert.serial_number,), number=5))
    with make_round(tmp_path / "dot.parround", now, signer.der) as ctx:
        pkg = package_signed_at(
            tmp_path / "m1.parscore", rounds.round_info(ctx).id, signer, now, trust
        )
        # Before the CRL is loaded, nothing says it is revoked: the package verifies.
        assert verify.verify_file(pkg, trust).trust is TrustState.VALID_REVOCATION_NOT_CHECKED
        stored = revocation.add_crls(ctx, [crl])
        assert [c.revoked for c in stored] == [1]
        # No CRL passed to the merge: the round's own list is used (as the window's merge does).
        report = merge.merge_submissions(ctx, [pkg], trust)
        [only] = report.files
        assert only.outcome is Outcome.REFUSED
        assert "đã bị nơi cấp thu hồi" in only.reason.vi
        assert "revoked" in only.reason.en
        assert scores_of(ctx) == []
        checked_trust, registered = verify.round_trust(ctx, trust)
        report_v = verify.verify_file(pkg, checked_trust, registered)
        assert report_v.trust is TrustState.INVALID
        problem = report_v.signatures[0].problem
        assert problem is not None
        assert "revoked" in problem.en
    # A member whose certificate the list does not name is merged, now "valid" (checked).
    good = signers["valid"]
    with make_round(tmp_path / "dot2.parround", now, good.der) as ctx2:
        revocation.add_crls(ctx2, [crl])
        pkg2 = package_signed_at(
            tmp_path / "m1-ok.parscore", rounds.round_info(ctx2).id, good, now, trust
        )
        [ok] = merge.merge_submissions(ctx2, [pkg2], trust).files
        assert ok.outcome is Outcome.ACCEPTED, ok.reason.en
        with sqlite3.connect(ctx2.path) as raw:
            [(state,)] = raw.execute("select trust from submission").fetchall()
        assert state == TrustState.VALID.value


def test_a_crl_older_than_the_stored_one_is_refused_and_changes_are_audited(
    tmp_path: Path, pki: Pki
) -> None:
    newer = tmp_path / "newer.crl"
    newer.write_bytes(make_crl(pki.ca_key, pki.ca_cert, (7,), number=9))
    with make_round(tmp_path / "dot.parround", datetime.now(UTC), None) as ctx:
        revocation.add_crls(ctx, [newer])
        older = tmp_path / "older.crl"
        data = x509.load_der_x509_crl(newer.read_bytes())
        rebuilt = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(data.issuer)
            .last_update(data.last_update_utc - timedelta(days=2))
            .next_update(data.last_update_utc - timedelta(days=1))
        )
        older.write_bytes(
            rebuilt.sign(pki.ca_key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)
        )
        with pytest.raises(ValidationError, match="older than the stored one"):
            revocation.add_crls(ctx, [older])
        assert [c.file_name for c in revocation.round_crls(ctx)] == ["newer.crl"]
        assert revocation.clear_crls(ctx) == 1
        assert revocation.round_crls(ctx) == []
        with sqlite3.connect(ctx.path) as raw:
            actions = raw.execute(
                "select action, old is null, new is null from audit where action = 'set_crl'"
            ).fetchall()
        assert actions == [("set_crl", 1, 0), ("set_crl", 0, 1)]
        with pytest.raises(ValidationError, match="revocation list"):
            revocation.add_crls(ctx, [pki.ca_pem])  # a certificate, not a CRL


@pytest.fixture
def workspace(
    tmp_path: Path, sample_criteria_data: dict[str, Any], pki: Pki
) -> Iterator[RoundContext]:
    with make_workspace(tmp_path / "ws", sample_criteria_data, pki) as opened:
        yield opened


def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as raw:
        # The inbox records every offered file, refused ones too: the rest must not change.
        return [line for line in raw.iterdump() if not line.startswith(INBOX_ROW)]


def snapshot(folder: Path) -> set[Path]:
    return set(folder.rglob("*"))


@pytest.mark.parametrize("name", ["expired", "future-ec"])
def test_signing_refuses_an_unfit_certificate_before_any_file_is_written(
    workspace: RoundContext,
    signers: dict[str, Signer],
    trust: TrustSettings,
    tmp_path: Path,
    name: str,
) -> None:
    key = Pkcs12Key(signers[name].p12, P12_PASSPHRASE)
    message = "Chứng thư số đã hết hạn ngày" if name == "expired" else "chưa có hiệu lực đến ngày"
    before, files = dump(workspace.path), snapshot(tmp_path)
    out = tmp_path / "nop" / "m1.parscore"
    with pytest.raises(SignatureError) as caught:
        signed_outputs.submit(workspace, key, out, trust, place=PLACE, member_id=MEMBER)
    assert message in caught.value.msg.vi
    source = tmp_path / "ban.pdf"
    pdf = tmp_path / "goc.pdf"
    pdf.write_bytes(sample_pdf())
    files = snapshot(tmp_path)
    with pytest.raises(SignatureError, match=r"expired on|not yet valid"):
        signing.sign_pdf_file(pdf, key, trust, out=source)
    assert not out.exists()
    assert not out.parent.exists()
    assert not source.exists()
    assert snapshot(tmp_path) == files
    assert dump(workspace.path) == before


def test_the_windows_submit_creates_no_folder_for_an_unfit_certificate(
    workspace: RoundContext, signers: dict[str, Signer], tmp_path: Path
) -> None:
    """The scoring window's "Ký và nộp" path (submission.sign_and_submit) checks the certificate
    before it creates the chosen folder."""
    key = Pkcs12Key(signers["expired"].p12, P12_PASSPHRASE)
    before, files = dump(workspace.path), snapshot(tmp_path)
    folder = tmp_path / "usb" / "nop-bai"
    with pytest.raises(SignatureError) as caught:
        submission.sign_and_submit(workspace, MEMBER, key, folder, place=PLACE)
    assert "Chứng thư số đã hết hạn ngày" in caught.value.msg.vi
    assert not folder.parent.exists()
    assert snapshot(tmp_path) == files
    assert dump(workspace.path) == before


@pytest.fixture
def expired_token(pki: Pki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TokenKey]:
    key, cert = expired_and_future(pki.ca_key, pki.ca_cert, ec_key=True)["expired"]
    token = create_softhsm_token(
        tmp_path / "hsm", dataclasses.replace(pki, member_key=key, member_cert=cert)
    )
    monkeypatch.setenv("SOFTHSM2_CONF", str(token.conf))
    unload_softhsm()
    yield TokenKey(SOFTHSM_MODULE, USER_PIN, token.label, token.key_id)
    unload_softhsm()


def test_token_with_an_expired_certificate_signs_nothing(
    workspace: RoundContext, expired_token: TokenKey, trust: TrustSettings, tmp_path: Path
) -> None:
    before = dump(workspace.path)
    out = tmp_path / "nop" / "m1.parscore"
    with pytest.raises(SignatureError) as caught:
        signed_outputs.submit(workspace, expired_token, out, trust, place=PLACE, member_id=MEMBER)
    assert "Chứng thư số đã hết hạn ngày" in caught.value.msg.vi
    assert "expired on" in caught.value.msg.en
    assert not out.parent.exists()
    assert dump(workspace.path) == before
