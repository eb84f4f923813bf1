"""Signing from a real PKCS#11 token: SoftHSM2, created per test with softhsm2-util and
pkcs11-tool under tmp_path (SOFTHSM2_CONF points there)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from parapp.core.errors import SignatureError
from parapp.io.signing import signers as signing
from parapp.io.signing import tokens as pkcs11_tokens
from parapp.io.signing import validation as signature_check
from parapp.io.signing.certificates import fingerprint
from parapp.io.signing.signers import TokenKey
from parapp.io.signing.stamp import stamp_lines
from parapp.io.signing.validation import TrustSettings, TrustState
from parapp.paths import resource
from tests.signing_pki import (
    SOFTHSM_MODULE,
    USER_PIN,
    Pki,
    SoftToken,
    create_softhsm_token,
    make_pki,
    sample_pdf,
    unload_softhsm,
)


@pytest.fixture
def pki(tmp_path: Path) -> Pki:
    return make_pki(tmp_path / "pki", "Phạm Thị Hội Đồng")


@pytest.fixture
def token(tmp_path: Path, pki: Pki, monkeypatch: pytest.MonkeyPatch) -> Iterator[SoftToken]:
    created = create_softhsm_token(tmp_path / "hsm", pki)
    monkeypatch.setenv("SOFTHSM2_CONF", str(created.conf))
    # SoftHSM2 reads its configuration when loaded: load it fresh for this test's token.
    unload_softhsm()
    yield created
    unload_softhsm()


def test_tokens_and_certificates_are_listed_for_the_user_to_pick(
    token: SoftToken, pki: Pki
) -> None:
    tokens = pkcs11_tokens.list_tokens(SOFTHSM_MODULE)
    assert [t.label for t in tokens if t.initialized] == ["council"]
    assert tokens[0].manufacturer == "SoftHSM project"
    listed = pkcs11_tokens.list_certificates(SOFTHSM_MODULE, "council")
    by_id = {c.object_id: c for c in listed}
    member = by_id[token.key_id]
    assert member.info.subject == "Phạm Thị Hội Đồng"
    assert member.info.sha256 == fingerprint(pki.member_cert)
    assert member.has_key is None  # keys are invisible before login
    with_pin = pkcs11_tokens.list_certificates(SOFTHSM_MODULE, "council", USER_PIN)
    assert {c.object_id: c.has_key for c in with_pin} == {token.key_id: True, b"\xca\x01": False}


def test_pdf_signed_on_the_token_by_label_and_key_id(
    token: SoftToken, pki: Pki, tmp_path: Path
) -> None:
    key = TokenKey(SOFTHSM_MODULE, USER_PIN, token_label="council", key_id=token.key_id)
    at = datetime.now(UTC)
    with signing.open_signer(key, at=at) as opened:
        assert opened.chain == (pki.ca_cert,)  # the CA certificate found on the token
        signed = signing.sign_pdf(
            sample_pdf(),
            opened,
            signing.PdfPlacement("UyVien1"),
            stamp_lines(opened.info.subject, "26/11/2026 09:00"),
            resource("fonts"),
        )
    [verdict] = signature_check.validate_pdf(signed, TrustSettings((pki.ca_cert,)))
    assert verdict.intact
    assert verdict.signer == "Phạm Thị Hội Đồng"
    assert verdict.trust is TrustState.VALID_REVOCATION_NOT_CHECKED
    out = tmp_path / "token-signed.pdf"
    out.write_bytes(signed)
    report = subprocess.run(
        ["pdfsig", str(out)], capture_output=True, check=False, text=True
    ).stdout
    assert "Signature is Valid" in report
    assert "Total document signed" in report


def test_the_only_key_is_used_when_no_key_id_is_given(
    token: SoftToken, pki: Pki, tmp_path: Path
) -> None:
    data = b"manifest bytes"
    at = datetime.now(UTC)
    with signing.open_signer(TokenKey(SOFTHSM_MODULE, USER_PIN), at=at) as opened:
        p7s = signing.sign_detached(data, opened, at=at)
    (tmp_path / "m.json").write_bytes(data)
    (tmp_path / "m.p7s").write_bytes(p7s)
    done = subprocess.run(
        [
            "openssl", "cms", "-verify", "-binary", "-inform", "DER",
            "-content", str(tmp_path / "m.json"), "-in", str(tmp_path / "m.p7s"),
            "-CAfile", str(pki.ca_pem), "-out", str(tmp_path / "out"),
        ],
        capture_output=True, check=False,
        text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_a_wrong_pin_stops_with_a_clear_error_and_is_not_retried(token: SoftToken) -> None:
    key = TokenKey(SOFTHSM_MODULE, "000000", token_label="council", key_id=token.key_id)
    with (
        pytest.raises(SignatureError) as caught,
        signing.open_signer(key, at=datetime.now(UTC)),
    ):
        pytest.fail("a wrong PIN opened the token")
    assert "Mã PIN của thiết bị “council” không đúng" in caught.value.describe()
    assert "does not retry" in caught.value.describe("en")
    # One failed login, not a loop: the token is still usable with the right PIN.
    assert pkcs11_tokens.list_certificates(SOFTHSM_MODULE, "council", USER_PIN)


def test_missing_token_key_or_module_are_user_errors(token: SoftToken) -> None:
    at = datetime.now(UTC)
    with pytest.raises(SignatureError, match="No signing token “absent”"):
        pkcs11_tokens.open_session(SOFTHSM_MODULE, "absent", USER_PIN)
    with (
        pytest.raises(SignatureError, match="under id 09"),
        signing.open_signer(TokenKey(SOFTHSM_MODULE, USER_PIN, key_id=b"\x09"), at=at),
    ):
        pytest.fail("opened a key that does not exist")
    with pytest.raises(SignatureError, match="does not exist"):
        pkcs11_tokens.list_tokens(Path("/nonexistent/cryptoki.so"))
