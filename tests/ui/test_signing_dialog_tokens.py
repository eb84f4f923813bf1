"""The sign-and-submit dialog with USB tokens: an EC P-256 key on SoftHSM2 signs a verified
package; after a wrong PIN the token's "count low" flag is shown above the PIN field before the
next PIN is typed; final try and locked tokens; a module that is not PKCS#11. Screenshots at
1366x768 in Vietnamese."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from parapp.core.messages import Lang
from parapp.core.pin_state import PinState
from parapp.services import verify
from parapp.services.context import RoundContext
from parapp.services.signing import trust_settings
from parapp.services.submission import ModuleHint, Submission, TokenInfo
from parapp.ui.widgets import i18n
from parapp.ui.widgets.errors import open_error_boxes
from parapp.ui.widgets.signing_dialog import SigningDialog
from tests.io.token_pki import make_token_pki, softhsm_token
from tests.signing_pki import SOFTHSM_MODULE, USER_PIN, Pki, SoftToken
from tests.submission_round import MEMBER, MEMBER_NAME, PLACE, make_round

pytestmark = pytest.mark.gui
SHOTS = Path("/tmp/shots")


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_token_pki(tmp_path_factory.mktemp("pki"), MEMBER_NAME, "ec-p256")


@pytest.fixture
def ctx(tmp_path: Path, sample_criteria_data: dict[str, Any], pki: Pki) -> Iterator[RoundContext]:
    with make_round(tmp_path / "round", sample_criteria_data, pki) as opened:
        yield opened


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def token(tmp_path: Path, pki: Pki) -> Iterator[SoftToken]:
    with softhsm_token(tmp_path / "hsm", pki) as created:
        yield created


@pytest.fixture(autouse=True)
def _close_error_boxes() -> Iterator[None]:
    yield
    for box in open_error_boxes():
        box.done(0)


def _dialog(
    qtbot: QtBot, ctx: RoundContext, settings: QSettings, tmp_path: Path, pki: Pki
) -> SigningDialog:
    i18n.install(Lang.VI)
    dialog = SigningDialog(
        ctx,
        MEMBER,
        settings,
        certificate_folder=tmp_path / "profile" / "certificates",
        out_folder=tmp_path / "nop",
        ca_files=[pki.ca_pem],
        module_hints=[ModuleHint("SoftHSM", SOFTHSM_MODULE)],
    )
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    dialog.set_mode("token")
    dialog.ui.place_edit.setText(PLACE)
    return dialog


def _shot(dialog: SigningDialog, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    assert dialog.grab().save(str(SHOTS / f"tokens-{name}.png"))


def _find_tokens(qtbot: QtBot, dialog: SigningDialog) -> None:
    ui = dialog.ui
    ui.find_tokens_button.click()
    qtbot.waitUntil(
        lambda: ui.certificate_combo.count() > 0 and not dialog.is_busy(), timeout=30_000
    )


def test_an_ec_p256_token_signs_a_verified_package(
    qtbot: QtBot,
    ctx: RoundContext,
    settings: QSettings,
    tmp_path: Path,
    pki: Pki,
    token: SoftToken,
) -> None:
    dialog = _dialog(qtbot, ctx, settings, tmp_path, pki)
    ui = dialog.ui
    _find_tokens(qtbot, dialog)
    assert dialog.pin_state() is PinState.OK
    assert dialog.pin_state_text() == ""
    ui.pin_edit.setText(USER_PIN)
    with qtbot.waitSignal(dialog.submitted, timeout=60_000) as blocker:
        ui.sign_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy())
    assert not open_error_boxes()
    result = blocker.args[0]
    assert isinstance(result, Submission)
    report = verify.verify_file(result.path, trust_settings([pki.ca_pem]))
    assert report.signed
    assert report.intact
    assert {s.signer for s in report.signatures} == {MEMBER_NAME}
    _shot(dialog, "ec-signed")


def test_after_a_wrong_pin_the_next_pin_is_asked_under_a_warning(
    qtbot: QtBot,
    ctx: RoundContext,
    settings: QSettings,
    tmp_path: Path,
    pki: Pki,
    token: SoftToken,
) -> None:
    dialog = _dialog(qtbot, ctx, settings, tmp_path, pki)
    ui = dialog.ui
    _find_tokens(qtbot, dialog)
    ui.pin_edit.setText("000000")
    ui.sign_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy() and dialog.pin_state_text() != "", timeout=60_000)
    [box] = open_error_boxes()
    assert "Mã PIN của thiết bị “council” không đúng" in box.text()
    assert box.icon() is QMessageBox.Icon.Warning  # a user error, not a crash
    assert box.grab().save(str(SHOTS / "tokens-wrong-pin-message.png"))
    box.done(0)
    # SoftHSM2 set CKF_USER_PIN_COUNT_LOW: the warning stands above the empty PIN field.
    assert dialog.pin_state() is PinState.COUNT_LOW
    assert "Thiết bị “council”: mã PIN đã bị nhập sai" in dialog.pin_state_text()
    assert ui.pin_state_label.isVisible()
    assert ui.pin_edit.text() == ""
    assert ui.pin_edit.isEnabled()
    assert ui.sign_button.isEnabled()
    _shot(dialog, "count-low")
    # The right PIN signs; the flag is cleared and the warning goes once the token is read again.
    ui.pin_edit.setText(USER_PIN)
    with qtbot.waitSignal(dialog.submitted, timeout=60_000):
        ui.sign_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy())
    _find_tokens(qtbot, dialog)
    assert dialog.pin_state() is PinState.OK
    assert dialog.pin_state_text() == ""


def _listed(state: PinState) -> TokenInfo:
    return TokenInfo(0, "Khe 0", "VNPT-CA", "VNPT", "eToken 5110", "0042", True, state)


def test_final_try_and_locked_tokens_are_shown_before_the_pin(
    qtbot: QtBot, ctx: RoundContext, settings: QSettings, tmp_path: Path, pki: Pki
) -> None:
    # SoftHSM2 never sets these flags: the dialog is given the token list a module would return.
    dialog = _dialog(qtbot, ctx, settings, tmp_path, pki)
    ui = dialog.ui
    dialog._on_tokens_found([_listed(PinState.FINAL_TRY)])
    assert "đã nhập sai mã PIN; lần thử cuối trước khi thiết bị bị khóa" in dialog.pin_state_text()
    assert ui.sign_button.isEnabled()
    ui.pin_edit.setText("123456")
    key = dialog._take_key()
    assert key is not None
    assert key.final_try_confirmed  # type: ignore[union-attr]  # the warning was on screen
    _shot(dialog, "final-try")

    dialog._on_tokens_found([_listed(PinState.LOCKED)])
    assert "“VNPT-CA” đã bị khóa" in dialog.pin_state_text()
    assert not ui.sign_button.isEnabled()
    assert not ui.pin_edit.isEnabled()
    _shot(dialog, "locked")

    dialog._on_tokens_found([_listed(PinState.OK)])
    assert dialog.pin_state_text() == ""
    assert ui.sign_button.isEnabled()
    ui.pin_edit.setText("123456")
    key = dialog._take_key()
    assert key is not None
    assert not key.final_try_confirmed  # type: ignore[union-attr]


def test_a_module_that_is_not_pkcs11_is_one_sentence(
    qtbot: QtBot, ctx: RoundContext, settings: QSettings, tmp_path: Path, pki: Pki
) -> None:
    dialog = _dialog(qtbot, ctx, settings, tmp_path, pki)
    fake = tmp_path / "pkcs11.dll"
    fake.write_bytes(b"MZ not a driver")
    dialog.ui.module_combo.setCurrentText(str(fake))
    dialog.ui.find_tokens_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy() and bool(open_error_boxes()), timeout=30_000)
    [box] = open_error_boxes()
    assert "không phải trình điều khiển PKCS#11" in box.text()
    assert "Traceback" not in box.text() + box.detailedText()
    assert box.icon() is QMessageBox.Icon.Warning
    _shot(dialog, "not-pkcs11")
    assert box.grab().save(str(SHOTS / "tokens-not-pkcs11-message.png"))
