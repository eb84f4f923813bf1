"""Signing on a real SoftHSM2 token with RSA 2048, EC P-256 and EC P-384 keys; PIN flags read
before a PIN is asked; every token failure a sentence in both languages, never a traceback."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from parapp.core.errors import SignatureError
from parapp.core.pin_state import PinState, pin_warning
from parapp.io.signing import signers as signing
from parapp.io.signing import tokens as pkcs11_tokens
from parapp.io.signing import validation as signature_check
from parapp.io.signing.signers import TokenKey
from parapp.io.signing.stamp import stamp_lines
from parapp.io.signing.validation import TrustSettings
from parapp.paths import resource
from tests.io.token_pki import make_token_pki, new_key, softhsm_token
from tests.signing_pki import SOFTHSM_MODULE, USER_PIN, Pki, SoftToken, sample_pdf

MEMBER = "Phạm Thị Hội Đồng"


@pytest.fixture(params=["rsa2048", "ec-p256", "ec-p384"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def pki(tmp_path: Path, kind: str) -> Pki:
    return make_token_pki(tmp_path / "pki", MEMBER, kind)


@pytest.fixture
def token(tmp_path: Path, pki: Pki) -> Iterator[SoftToken]:
    with softhsm_token(tmp_path / "hsm", pki) as created:
        yield created


def _pdfsig(signed: bytes, folder: Path) -> str:
    path = folder / "signed.pdf"
    path.write_bytes(signed)
    done = subprocess.run(["pdfsig", str(path)], capture_output=True, check=False, text=True)
    return done.stdout


def _openssl_verify(data: bytes, p7s: bytes, pki: Pki, folder: Path) -> subprocess.Popen[str]:
    (folder / "data.bin").write_bytes(data)
    (folder / "data.p7s").write_bytes(p7s)
    return subprocess.run(  # type: ignore[return-value]
        [
            "openssl", "cms", "-verify", "-binary", "-inform", "DER",
            "-content", str(folder / "data.bin"), "-in", str(folder / "data.p7s"),
            "-CAfile", str(pki.ca_pem), "-out", str(folder / "out.bin"),
        ],
        capture_output=True, check=False, text=True,
    )  # fmt: skip


@pytest.mark.parametrize("raw", [None, True], ids=["auto", "raw"])
def test_pdf_and_detached_signed_on_the_token_with_each_key_kind(
    token: SoftToken, pki: Pki, kind: str, raw: bool | None, tmp_path: Path
) -> None:
    key = TokenKey(SOFTHSM_MODULE, USER_PIN, "council", token.key_id, raw_mechanism=raw)
    at = datetime.now(UTC)
    with signing.open_signer(key, at=at) as opened:
        # SoftHSM2 has CKM_SHA256_RSA_PKCS but no CKM_ECDSA_SHA256: EC signs a digest (CKM_ECDSA).
        assert opened.signer.use_raw_mechanism is (raw or kind != "rsa2048")  # type: ignore[attr-defined]
        pdf = signing.sign_pdf(
            sample_pdf(),
            opened,
            signing.PdfPlacement("UyVien1"),
            stamp_lines(opened.info.subject, "26/11/2026 09:00"),
            resource("fonts"),
        )
        p7s = signing.sign_detached(b"workbook bytes", opened, at=at)
    report = _pdfsig(pdf, tmp_path)
    assert "Signature is Valid" in report, report
    assert "Total document signed" in report
    [verdict] = signature_check.validate_pdf(pdf, TrustSettings((pki.ca_cert,)))
    assert verdict.intact
    assert verdict.signer == MEMBER
    done = _openssl_verify(b"workbook bytes", p7s, pki, tmp_path)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("kind", ["ec-p256"])
def test_a_mechanism_the_token_lacks_is_a_sentence_not_a_traceback(token: SoftToken) -> None:
    # Forcing hash-and-sign on EC reproduces the MechanismInvalid crash of SoftHSM2 and tokens
    # without CKM_ECDSA_SHA256.
    key = TokenKey(SOFTHSM_MODULE, USER_PIN, "council", token.key_id, raw_mechanism=False)
    at = datetime.now(UTC)
    with signing.open_signer(key, at=at) as opened, pytest.raises(SignatureError) as caught:
        signing.sign_detached(b"data", opened, at=at)
    assert "Thiết bị ký số “council” không hỗ trợ cách ký" in caught.value.describe()
    assert "MechanismInvalid" in caught.value.describe("en")
    assert "does not support the signing method" in caught.value.describe("en")


@pytest.mark.parametrize("kind", ["ec-p256"])
def test_a_wrong_pin_sets_count_low_and_the_next_attempt_is_warned_first(
    token: SoftToken,
) -> None:
    [listed] = [t for t in pkcs11_tokens.list_tokens(SOFTHSM_MODULE) if t.label == "council"]
    assert listed.pin_state is PinState.OK
    assert pkcs11_tokens.read_pin_state(SOFTHSM_MODULE, "council") == ("council", PinState.OK)

    with pytest.raises(SignatureError) as caught:
        pkcs11_tokens.open_session(SOFTHSM_MODULE, "council", "000000")
    assert "Mã PIN của thiết bị “council” không đúng" in caught.value.describe()

    # SoftHSM2 raises CKF_USER_PIN_COUNT_LOW after one wrong PIN: the next attempt warns first.
    label, state = pkcs11_tokens.read_pin_state(SOFTHSM_MODULE, "council")
    assert state is PinState.COUNT_LOW
    [listed] = [t for t in pkcs11_tokens.list_tokens(SOFTHSM_MODULE) if t.label == "council"]
    assert listed.pin_state is PinState.COUNT_LOW
    warning = pin_warning(state, label)
    assert warning is not None
    assert "mã PIN đã bị nhập sai" in warning.vi

    # One wrong PIN was one failed login, not a loop: the right PIN still opens and signs.
    at = datetime.now(UTC)
    with signing.open_signer(TokenKey(SOFTHSM_MODULE, USER_PIN, "council"), at=at) as opened:
        assert signing.sign_detached(b"data", opened, at=at)
    assert pkcs11_tokens.read_pin_state(SOFTHSM_MODULE, "council")[1] is PinState.OK


@pytest.mark.parametrize("kind", ["rsa2048"])
def test_module_failures_are_sentences(token: SoftToken, tmp_path: Path) -> None:
    with pytest.raises(SignatureError) as caught:
        pkcs11_tokens.list_tokens(tmp_path / "absent" / "cryptoki.dll")
    assert "Không thấy tệp trình điều khiển" in caught.value.describe()
    text_file = tmp_path / "pkcs11.so"
    text_file.write_text("not a library")
    not_pkcs11 = Path("/usr/lib/x86_64-linux-gnu/libz.so.1")
    for module in (text_file, not_pkcs11):
        if not module.is_file():
            continue
        with pytest.raises(SignatureError) as caught:
            pkcs11_tokens.list_tokens(module)
        assert "không phải trình điều khiển PKCS#11" in caught.value.describe()
        assert "is not a PKCS#11 signing device driver" in caught.value.describe("en")
        with (
            pytest.raises(SignatureError),
            signing.open_signer(TokenKey(module, USER_PIN), at=datetime.now(UTC)),
        ):
            pytest.fail("signed with a module that is not PKCS#11")


@pytest.mark.parametrize("kind", ["ec-p384"])
def test_token_key_and_certificate_failures_are_sentences(
    token: SoftToken, pki: Pki, tmp_path: Path
) -> None:
    at = datetime.now(UTC)
    with pytest.raises(SignatureError) as caught:
        pkcs11_tokens.open_session(SOFTHSM_MODULE, "absent", USER_PIN)
    assert "Không thấy thiết bị ký số “absent”" in caught.value.describe()
    with (
        pytest.raises(SignatureError, match="under id 09"),
        signing.open_signer(TokenKey(SOFTHSM_MODULE, USER_PIN, key_id=b"\x09"), at=at),
    ):
        pytest.fail("opened a key that does not exist")
    # A second key (id 02) without its certificate.
    key_der = tmp_path / "k2.der"
    key_der.write_bytes(
        new_key("ec-p256").private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    subprocess.run(
        [
            "pkcs11-tool", "--module", str(SOFTHSM_MODULE), "--token-label", "council",
            "--login", "--pin", USER_PIN, "--write-object", str(key_der), "--type", "privkey",
            "--id", "02", "--label", "orphan",
        ],
        check=True, env=token.env, capture_output=True, timeout=60,
    )  # fmt: skip
    with (
        pytest.raises(SignatureError) as caught,
        signing.open_signer(TokenKey(SOFTHSM_MODULE, USER_PIN, key_id=b"\x02"), at=at),
    ):
        pytest.fail("signed without a certificate")
    assert "có khóa 02 nhưng không có chứng thư số" in caught.value.describe()
    assert "no certificate with the same id" in caught.value.describe("en")
    with (
        pytest.raises(SignatureError) as caught,
        signing.open_signer(TokenKey(SOFTHSM_MODULE, USER_PIN), at=at),
    ):
        pytest.fail("chose one of two keys by itself")
    assert "Thiết bị có 2 khóa ký" in caught.value.describe()


@pytest.mark.parametrize("kind", ["ec-p256"])
def test_a_session_lost_while_signing_is_a_sentence(token: SoftToken) -> None:
    at = datetime.now(UTC)
    key = TokenKey(SOFTHSM_MODULE, USER_PIN, "council", token.key_id)
    with signing.open_signer(key, at=at) as opened:
        opened.signer.pkcs11_session.close()  # type: ignore[attr-defined]  # token pulled out
        with pytest.raises(SignatureError) as caught:
            signing.sign_detached(b"data", opened, at=at)
        with pytest.raises(SignatureError) as caught_pdf:
            signing.sign_pdf(
                sample_pdf(),
                opened,
                signing.PdfPlacement("UyVien1"),
                stamp_lines(opened.info.subject, "26/11/2026 09:00"),
                resource("fonts"),
            )
    for error in (caught.value, caught_pdf.value):
        assert "Mất kết nối với thiết bị ký số “council”" in error.describe()
        assert "Lost the connection" in error.describe("en")
