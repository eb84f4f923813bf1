"""A token's PIN flags mapped to what the user is told before and after a PIN is tried."""

from __future__ import annotations

import pytest

from parapp.core.pin_state import (
    CKF_USER_PIN_COUNT_LOW,
    CKF_USER_PIN_FINAL_TRY,
    CKF_USER_PIN_LOCKED,
    PinState,
    locked_message,
    pin_state,
    pin_warning,
    refusal_before_login,
    wrong_pin_message,
)

TOKEN_INITIALIZED = 0x400  # other flags are ignored
LOGIN_REQUIRED = 0x4


def test_flag_values_are_those_of_the_pkcs11_specification() -> None:
    assert (CKF_USER_PIN_COUNT_LOW, CKF_USER_PIN_FINAL_TRY, CKF_USER_PIN_LOCKED) == (
        0x10000,
        0x20000,
        0x40000,
    )


@pytest.mark.parametrize(
    ("flags", "state"),
    [
        (0, PinState.OK),
        (TOKEN_INITIALIZED | LOGIN_REQUIRED, PinState.OK),
        (CKF_USER_PIN_COUNT_LOW, PinState.COUNT_LOW),
        (TOKEN_INITIALIZED | CKF_USER_PIN_COUNT_LOW, PinState.COUNT_LOW),
        (CKF_USER_PIN_FINAL_TRY, PinState.FINAL_TRY),
        (CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY, PinState.FINAL_TRY),
        (CKF_USER_PIN_LOCKED, PinState.LOCKED),
        (CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_LOCKED, PinState.LOCKED),
    ],
)
def test_the_most_severe_flag_wins(flags: int, state: PinState) -> None:
    assert pin_state(flags) is state


def test_softhsm2_flags_after_a_wrong_pin_read_as_count_low() -> None:
    # Read live from SoftHSM2 2.6 after one wrong PIN (tests/io/test_pkcs11_tokens.py).
    assert pin_state(66605) is PinState.COUNT_LOW
    assert pin_state(1069) is PinState.OK


def test_no_warning_when_the_pin_is_untouched() -> None:
    assert pin_warning(PinState.OK, "council") is None


def test_final_try_warning_names_the_last_try_in_both_languages() -> None:
    warning = pin_warning(PinState.FINAL_TRY, "VNPT-CA")
    assert warning is not None
    assert "Thiết bị “VNPT-CA”" in warning.vi
    assert "đã nhập sai mã PIN; lần thử cuối trước khi thiết bị bị khóa" in warning.vi
    assert "last try before the token locks" in warning.en


def test_count_low_warning_is_softer() -> None:
    warning = pin_warning(PinState.COUNT_LOW, "council")
    assert warning is not None
    assert "mã PIN đã bị nhập sai" in warning.vi
    assert "lần thử cuối" not in warning.vi
    assert "a wrong PIN was entered" in warning.en
    assert "last try" not in warning.en


def test_a_locked_token_is_refused_with_a_clear_sentence() -> None:
    assert pin_warning(PinState.LOCKED, "council") == locked_message("council")
    message = locked_message("council")
    assert "“council” đã bị khóa" in message.vi
    assert "không thử mã PIN" in message.vi
    assert "is locked" in message.en
    for confirmed in (False, True):
        assert refusal_before_login(
            PinState.LOCKED, "council", final_try_confirmed=confirmed
        ) == locked_message("council")


def test_the_final_try_is_used_only_once_the_user_was_warned() -> None:
    refusal = refusal_before_login(PinState.FINAL_TRY, "council", final_try_confirmed=False)
    assert refusal is not None
    assert "lần thử cuối trước khi thiết bị bị khóa" in refusal.vi
    assert "parapp chưa dùng mã PIN" in refusal.vi
    assert "has not used the PIN" in refusal.en
    assert refusal_before_login(PinState.FINAL_TRY, "council", final_try_confirmed=True) is None


@pytest.mark.parametrize("state", [PinState.OK, PinState.COUNT_LOW])
def test_an_ordinary_login_goes_ahead(state: PinState) -> None:
    assert refusal_before_login(state, "council", final_try_confirmed=False) is None


def test_wrong_pin_message_says_what_the_token_now_reports() -> None:
    plain = wrong_pin_message("council", PinState.COUNT_LOW)
    assert plain == wrong_pin_message("council", PinState.OK)
    assert "Mã PIN của thiết bị “council” không đúng" in plain.vi
    assert "does not retry" in plain.en
    final = wrong_pin_message("council", PinState.FINAL_TRY)
    assert final.vi.startswith(plain.vi)
    assert "Lần thử tiếp theo là lần cuối" in final.vi
    assert "next try is the last one" in final.en
    locked = wrong_pin_message("council", PinState.LOCKED)
    assert "nay đã bị khóa" in locked.vi
    assert "now locked" in locked.en
