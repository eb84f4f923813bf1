"""USB signing tokens through PKCS#11: list slots, tokens and certificates; open a session.

A token locks itself after a few wrong PINs (domain.md §10), so a PIN is tried **once**: a wrong
PIN raises ``SignatureError`` and nothing here or above ever tries it again. The token's PIN flags
are read before every login: a locked token is not tried, and its final try only when the caller
says the user was warned (``parapp.core.pin_state``). PINs are passed in, never stored or logged.
Every token failure becomes a ``SignatureError`` with a sentence in both languages.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pkcs11
from cryptography import x509
from pkcs11 import Attribute, ObjectClass
from pkcs11 import exceptions as p11_errors

from parapp.core.errors import SignatureError
from parapp.core.messages import Msg
from parapp.core.pin_state import (
    PinState,
    locked_message,
    pin_state,
    refusal_before_login,
    wrong_pin_message,
)
from parapp.io.signing.certificates import CertificateInfo, describe

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TokenInfo:
    """A slot holding a token."""

    slot_id: int
    slot_description: str
    label: str
    manufacturer: str
    model: str
    serial: str
    initialized: bool
    pin_state: PinState = PinState.OK
    """From the token's flags when listed: warn before asking for the PIN."""


@dataclass(frozen=True)
class TokenCertificate:
    """A certificate object on a token; ``has_key`` is None when the token was not logged in
    (private keys are invisible until then)."""

    token_label: str
    object_id: bytes
    """CKA_ID: the key with the same id signs for this certificate."""
    label: str
    info: CertificateInfo
    certificate: x509.Certificate
    has_key: bool | None


def _module_error(module: Path, exc: Exception) -> SignatureError:
    log.warning("PKCS#11 module %s failed: %r", module, exc)
    if "C_GetFunctionList" in str(exc) or "OS exception while loading" in str(exc):
        return SignatureError(
            Msg(
                f"Tệp {module} không phải trình điều khiển PKCS#11 của thiết bị ký số (hoặc "
                "không đúng bản 64-bit). Hãy chọn tệp .dll/.so do nhà cung cấp chứng thư số "
                "cài đặt, ví dụ cryptoki.dll hoặc pkcs11.dll.",
                f"{module} is not a PKCS#11 signing device driver (or not the 64-bit one). Choose "
                "the .dll/.so the certificate provider installed, e.g. cryptoki.dll or "
                "pkcs11.dll.",
            )
        )
    return SignatureError(
        Msg(
            f"Không dùng được trình điều khiển thiết bị ký số {module}: {type(exc).__name__}. "
            "Hãy kiểm tra đường dẫn và cài đặt của nhà cung cấp (bản 64-bit).",
            f"Cannot use the signing device driver {module}: {type(exc).__name__}. Check the "
            "path and the vendor's installation (64-bit).",
        )
    )


_UNSUPPORTED = (
    p11_errors.MechanismInvalid,
    p11_errors.MechanismParamInvalid,
    p11_errors.FunctionNotSupported,
    p11_errors.KeyTypeInconsistent,
    p11_errors.KeySizeRange,
    p11_errors.DataLenRange,
)
_DISCONNECTED = (
    p11_errors.DeviceRemoved,
    p11_errors.TokenNotPresent,
    p11_errors.TokenNotRecognised,
    p11_errors.SessionClosed,
    p11_errors.SessionHandleInvalid,
    p11_errors.SessionCount,
    p11_errors.UserNotLoggedIn,
    p11_errors.DeviceError,
    p11_errors.DeviceMemory,
    p11_errors.SlotIDInvalid,
)


def token_failure(exc: Exception, label: str) -> SignatureError:
    """A token's error while signing (``pkcs11.PKCS11Error``) as a sentence for the user."""
    log.warning("token %s failed while signing: %r", label, exc)
    name = type(exc).__name__
    if isinstance(exc, _UNSUPPORTED):
        return SignatureError(
            Msg(
                f"Thiết bị ký số “{label}” không hỗ trợ cách ký mà khóa này cần ({name}). Hãy "
                "cập nhật phần mềm của nhà cung cấp thiết bị, hoặc ký bằng chứng thư khác.",
                f"Signing token “{label}” does not support the signing method this key needs "
                f"({name}). Update the token vendor's software, or sign with another "
                "certificate.",
            )
        )
    if isinstance(exc, _DISCONNECTED):
        return SignatureError(
            Msg(
                f"Mất kết nối với thiết bị ký số “{label}” ({name}): thiết bị bị rút ra hoặc "
                "phiên làm việc đã đóng. Hãy cắm lại thiết bị rồi ký lại.",
                f"Lost the connection to signing token “{label}” ({name}): the token was "
                "removed or the session closed. Plug it in again, then sign again.",
            )
        )
    if isinstance(exc, p11_errors.FunctionCancelled):
        return SignatureError(
            Msg(
                f"Đã hủy việc ký trên thiết bị “{label}”.",
                f"Signing was cancelled on token “{label}”.",
            )
        )
    return SignatureError(
        Msg(
            f"Thiết bị ký số “{label}” báo lỗi ({name}): không ký được. Hãy rút ra, cắm lại "
            "thiết bị rồi thử lại.",
            f"Signing token “{label}” reported an error ({name}): nothing was signed. Unplug "
            "it, plug it in again and retry.",
        )
    )


def _library(module: Path) -> Any:
    if not Path(module).is_file():
        raise SignatureError(
            Msg(
                f"Không thấy tệp trình điều khiển thiết bị ký số {module}.",
                f"The signing device driver {module} does not exist.",
            )
        )
    try:
        return pkcs11.lib(str(module))
    except (pkcs11.PKCS11Error, OSError, RuntimeError) as exc:
        raise _module_error(module, exc) from None


def list_tokens(module: Path) -> list[TokenInfo]:
    """Every slot of ``module`` that holds a token, with its PIN state.

    Raises:
        SignatureError: the module cannot be loaded or answers with an error.
    """
    lib = _library(module)
    found: list[TokenInfo] = []
    try:
        for slot in lib.get_slots(token_present=True):
            token = slot.get_token()
            found.append(
                TokenInfo(
                    slot_id=int(slot.slot_id),
                    slot_description=str(slot.slot_description).strip(),
                    label=str(token.label).strip(),
                    manufacturer=str(token.manufacturer_id).strip(),
                    model=str(token.model).strip(),
                    serial=_serial(token.serial),
                    initialized=bool(token.flags & pkcs11.TokenFlag.TOKEN_INITIALIZED),
                    pin_state=pin_state(int(token.flags)),
                )
            )
    except pkcs11.PKCS11Error as exc:
        raise _module_error(module, exc) from None
    return found


def _serial(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("ascii", "replace").strip()
    return str(value).strip()


def find_token(module: Path, token_label: str | None) -> Any:
    """The token labelled ``token_label``, or the only initialised token when None; its
    flags are read now.

    Raises:
        SignatureError: no such token, or several tokens and no label to choose.
    """
    lib = _library(module)
    try:
        tokens = [
            slot.get_token()
            for slot in lib.get_slots(token_present=True)
            if slot.get_token().flags & pkcs11.TokenFlag.TOKEN_INITIALIZED
        ]
    except pkcs11.PKCS11Error as exc:
        raise _module_error(module, exc) from None
    if token_label is not None:
        tokens = [t for t in tokens if str(t.label).strip() == token_label]
    if len(tokens) == 1:
        return tokens[0]
    labels = ", ".join(sorted(str(t.label).strip() for t in tokens)) or "—"
    if not tokens:
        raise SignatureError(
            Msg(
                f"Không thấy thiết bị ký số “{token_label or ''}”: hãy cắm thiết bị rồi thử lại.",
                f"No signing token “{token_label or ''}” found: plug it in and try again.",
            )
        )
    raise SignatureError(
        Msg(
            f"Có nhiều thiết bị ký số ({labels}): hãy chọn một.",
            f"Several signing tokens are present ({labels}): choose one.",
        )
    )


def read_pin_state(module: Path, token_label: str | None) -> tuple[str, PinState]:
    """The token's label and its PIN state, read from its flags now (no PIN asked).

    Raises:
        SignatureError: module, token missing or ambiguous.
    """
    token = find_token(module, token_label)
    return str(token.label).strip(), pin_state(int(token.flags))


def _state_now(token: Any) -> PinState:
    try:
        return pin_state(int(token.slot.get_token().flags))
    except pkcs11.PKCS11Error:
        return PinState.OK  # the wrong-PIN message stands on its own


def open_session(
    module: Path, token_label: str | None, pin: str | None, *, final_try_confirmed: bool = False
) -> Any:
    """Open a session on the token, logged in with ``pin`` when given: **one** attempt, and
    none on a locked token or on a final try the user was not warned of.

    Raises:
        SignatureError: token missing; locked; final try unconfirmed; wrong, locked or expired
            PIN (never retried).
    """
    token = find_token(module, token_label)
    label = str(token.label).strip()
    if pin is not None:
        refusal = refusal_before_login(
            pin_state(int(token.flags)), label, final_try_confirmed=final_try_confirmed
        )
        if refusal is not None:
            log.warning("token %s not tried: %s", label, refusal.en)
            raise SignatureError(refusal)
    try:
        return token.open(user_pin=pin) if pin is not None else token.open()
    except p11_errors.PinIncorrect:
        log.warning("wrong PIN for token %s (not retried)", label)
        raise SignatureError(wrong_pin_message(label, _state_now(token))) from None
    except p11_errors.PinLocked:
        raise SignatureError(locked_message(label)) from None
    except (p11_errors.PinExpired, p11_errors.PinInvalid, p11_errors.PinLenRange):
        raise SignatureError(
            Msg(
                f"Mã PIN của thiết bị “{label}” không hợp lệ hoặc đã hết hạn.",
                f"The PIN for token “{label}” is invalid or has expired.",
            )
        ) from None
    except p11_errors.UserPinNotInitialized:
        raise SignatureError(
            Msg(
                f"Thiết bị “{label}” chưa được đặt mã PIN người dùng: hãy dùng phần mềm của nhà "
                "cung cấp để đặt mã PIN.",
                f"Token “{label}” has no user PIN yet: set one with the vendor's software.",
            )
        ) from None
    except pkcs11.PKCS11Error as exc:
        raise token_failure(exc, label) from None


def list_certificates(
    module: Path, token_label: str | None = None, pin: str | None = None
) -> list[TokenCertificate]:
    """Certificates on a token, so the user can pick one; with ``pin``, also which have a key.

    Raises:
        SignatureError: token missing, wrong PIN (tried once), module errors.
    """
    session = open_session(module, token_label, pin)
    label = str(session.token.label).strip()
    try:
        key_ids: set[bytes] | None = None
        if pin is not None:
            key_ids = {
                bytes(k[Attribute.ID])
                for k in session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY})
            }
        found = [
            TokenCertificate(
                token_label=label,
                object_id=object_id,
                label=object_label,
                info=describe(cert),
                certificate=cert,
                has_key=None if key_ids is None else object_id in key_ids,
            )
            for object_id, object_label, cert in session_certificates(session)
        ]
    except pkcs11.PKCS11Error as exc:
        raise token_failure(exc, label) from None
    finally:
        close_session(session)
    return sorted(found, key=lambda c: (c.info.subject, c.object_id))


def close_session(session: Any) -> None:
    """Close a session; a token pulled out meanwhile is not an error worth a traceback."""
    try:
        session.close()
    except pkcs11.PKCS11Error as exc:
        log.info("closing a token session failed: %r", exc)


def session_certificates(session: Any) -> list[tuple[bytes, str, x509.Certificate]]:
    """(CKA_ID, label, certificate) of every X.509 certificate object in an open session."""
    found: list[tuple[bytes, str, x509.Certificate]] = []
    for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
        try:
            cert = x509.load_der_x509_certificate(bytes(obj[Attribute.VALUE]))
        except ValueError:
            continue  # not an X.509 certificate this app can use
        found.append((bytes(obj[Attribute.ID]), str(obj[Attribute.LABEL]), cert))
    return found


def private_key_ids(session: Any) -> list[bytes]:
    """CKA_IDs of the signing keys visible in a logged-in session."""
    return sorted(
        bytes(k[Attribute.ID])
        for k in session.get_objects(
            {Attribute.CLASS: ObjectClass.PRIVATE_KEY, Attribute.SIGN: True}
        )
    )
