"""What a signing token's PIN flags mean for the user, before and after a PIN is tried.

PKCS#11 gives no count of the tries left, only flags on the token (``CK_TOKEN_INFO.flags``):
``CKF_USER_PIN_COUNT_LOW`` (a wrong PIN was entered since the last good one),
``CKF_USER_PIN_FINAL_TRY`` (one more wrong PIN locks the token) and ``CKF_USER_PIN_LOCKED``.
Government tokens lock after three wrong PINs, so the warning is given **before** the PIN is
asked for, a locked token is never tried, and the final try is used only when the user was told.
Pure functions: the flags come in as an integer, the messages go out in both languages.
"""

from __future__ import annotations

from enum import Enum

from parapp.core.messages import Msg

CKF_USER_PIN_COUNT_LOW = 0x0001_0000
CKF_USER_PIN_FINAL_TRY = 0x0002_0000
CKF_USER_PIN_LOCKED = 0x0004_0000


class PinState(Enum):
    """The user PIN's state as the token reports it, the most severe flag winning."""

    OK = "ok"
    COUNT_LOW = "count_low"
    FINAL_TRY = "final_try"
    LOCKED = "locked"


def pin_state(flags: int) -> PinState:
    """The state read from a token's flags."""
    if flags & CKF_USER_PIN_LOCKED:
        return PinState.LOCKED
    if flags & CKF_USER_PIN_FINAL_TRY:
        return PinState.FINAL_TRY
    if flags & CKF_USER_PIN_COUNT_LOW:
        return PinState.COUNT_LOW
    return PinState.OK


def locked_message(label: str) -> Msg:
    """Why a locked token is not tried (flag, or CKR_PIN_LOCKED at login)."""
    return Msg(
        f"Thiết bị ký số “{label}” đã bị khóa do nhập sai mã PIN quá số lần cho phép; parapp "
        "không thử mã PIN trên thiết bị này. Hãy liên hệ tổ chức cấp chứng thư số để mở khóa.",
        f"Signing token “{label}” is locked after too many wrong PINs; parapp does not try a "
        "PIN on it. Ask the certificate authority that issued it to unlock it.",
    )


def _final_try(label: str) -> Msg:
    return Msg(
        f"Thiết bị “{label}”: đã nhập sai mã PIN; lần thử cuối trước khi thiết bị bị khóa. "
        "Chỉ ký khi chắc chắn mã PIN đúng.",
        f"Token “{label}”: a wrong PIN was entered; this is the last try before the token "
        "locks. Sign only if you are sure of the PIN.",
    )


def pin_warning(state: PinState, label: str) -> Msg | None:
    """What to show before asking for the PIN; None when there is nothing to warn about."""
    if state is PinState.LOCKED:
        return locked_message(label)
    if state is PinState.FINAL_TRY:
        return _final_try(label)
    if state is PinState.COUNT_LOW:
        return Msg(
            f"Thiết bị “{label}”: mã PIN đã bị nhập sai; thiết bị sẽ bị khóa nếu nhập sai thêm. "
            "Hãy kiểm tra kỹ mã PIN trước khi ký.",
            f"Token “{label}”: a wrong PIN was entered; the token locks after more wrong PINs. "
            "Check the PIN carefully before signing.",
        )
    return None


def refusal_before_login(state: PinState, label: str, *, final_try_confirmed: bool) -> Msg | None:
    """Why the PIN must not be tried now (locked, or a final try the user was not warned of);
    None to go ahead with one login."""
    if state is PinState.LOCKED:
        return locked_message(label)
    if state is PinState.FINAL_TRY and not final_try_confirmed:
        warning = _final_try(label)
        return Msg(
            f"{warning.vi} parapp chưa dùng mã PIN: nếu chắc chắn mã PIN đúng, hãy ký lại và "
            "nhập mã PIN khi được hỏi.",
            f"{warning.en} parapp has not used the PIN: if you are sure of it, sign again and "
            "type the PIN when asked.",
        )
    return None


def wrong_pin_message(label: str, state_after: PinState) -> Msg:
    """A wrong PIN (CKR_PIN_INCORRECT, never retried), with what the token now says."""
    base = Msg(
        f"Mã PIN của thiết bị “{label}” không đúng. parapp không thử lại: thiết bị sẽ bị khóa "
        "nếu nhập sai nhiều lần. Hãy kiểm tra mã PIN rồi ký lại.",
        f"Wrong PIN for token “{label}”. parapp does not retry: the token locks after repeated "
        "wrong PINs. Check the PIN, then sign again.",
    )
    if state_after is PinState.LOCKED:
        after = Msg(
            "Thiết bị nay đã bị khóa: hãy liên hệ tổ chức cấp chứng thư số để mở khóa.",
            "The token is now locked: ask the certificate authority to unlock it.",
        )
    elif state_after is PinState.FINAL_TRY:
        after = Msg(
            "Lần thử tiếp theo là lần cuối trước khi thiết bị bị khóa.",
            "The next try is the last one before the token locks.",
        )
    else:
        return base
    return Msg(f"{base.vi} {after.vi}", f"{base.en} {after.en}")
