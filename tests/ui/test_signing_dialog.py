"""The sign-and-submit dialog with real keys: a refused signature while an error remains, a
.p12 and a SoftHSM2 token that sign a verified package, a wrong PIN tried once, a new personal
certificate; screenshots of each mode."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from parapp.core.messages import Lang
from parapp.services import scoring, verify
from parapp.services.context import RoundContext
from parapp.services.signing import trust_settings
from parapp.services.submission import ModuleHint, Submission
from parapp.ui.widgets import i18n
from parapp.ui.widgets.errors import open_error_boxes
from parapp.ui.widgets.signing_dialog import SigningDialog
from tests.signing_pki import (
    P12_PASSPHRASE,
    SOFTHSM_MODULE,
    USER_PIN,
    Pki,
    SoftToken,
    create_softhsm_token,
    make_pki,
    unload_softhsm,
)
from tests.submission_round import MEMBER, MEMBER_NAME, OTHER_UNIT, PLACE, make_round

pytestmark = pytest.mark.gui
SHOTS = Path("/tmp/shots")


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"), MEMBER_NAME)


@pytest.fixture
def ctx(tmp_path: Path, sample_criteria_data: dict[str, Any], pki: Pki) -> Iterator[RoundContext]:
    with make_round(tmp_path / "round", sample_criteria_data, pki) as opened:
        yield opened


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def token(tmp_path: Path, pki: Pki, monkeypatch: pytest.MonkeyPatch) -> Iterator[SoftToken]:
    created = create_softhsm_token(tmp_path / "hsm", pki)
    monkeypatch.setenv("SOFTHSM2_CONF", str(created.conf))
    unload_softhsm()  # SoftHSM2 reads its configuration when loaded
    yield created
    unload_softhsm()


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
    dialog.resize(680, 640)
    dialog.show()
    return dialog


def _shot(dialog: SigningDialog, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    assert dialog.grab().save(str(SHOTS / f"{name}.png"))


def _sign(qtbot: QtBot, dialog: SigningDialog) -> Submission:
    with qtbot.waitSignal(dialog.submitted, timeout=60_000) as blocker:
        dialog.ui.sign_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy())
    result = blocker.args[0]
    assert isinstance(result, Submission)
    return result


def test_refused_while_above_max_then_signed_with_a_p12(
    qtbot: QtBot, ctx: RoundContext, settings: QSettings, tmp_path: Path, pki: Pki
) -> None:
    scoring.save_appraisal(ctx, MEMBER, OTHER_UNIT, "1.1.1", "9")  # maximum 1
    dialog = _dialog(qtbot, ctx, settings, tmp_path, pki)
    ui = dialog.ui
    assert ui.refusal_group.isVisible()
    texts = [ui.refusal_list.item(i).text() for i in range(ui.refusal_list.count())]
    assert any("Sở Tài chính" in t and "vượt điểm tối đa" in t for t in texts)
    assert not ui.sign_button.isEnabled()
    assert "không cần Internet" in ui.offline_label.text()  # offline signing, said in words
    assert "dấu thời gian" in ui.offline_label.text()
    _shot(dialog, "signing_refused")
    with qtbot.waitSignal(dialog.finding_activated) as jumped:
        ui.refusal_list.itemActivated.emit(ui.refusal_list.item(0))
    assert jumped.args == [OTHER_UNIT, "1.1.1"]

    scoring.save_appraisal(ctx, MEMBER, OTHER_UNIT, "1.1.1", "1")
    ui.recheck_button.click()
    assert not ui.refusal_group.isVisible()
    assert ui.sign_button.isEnabled()
    dialog.set_mode("p12")
    ui.p12_path_edit.setText(str(pki.member_p12))
    ui.passphrase_edit.setText(P12_PASSPHRASE)
    ui.place_edit.setText(PLACE)
    _shot(dialog, "signing_p12")
    result = _sign(qtbot, dialog)
    assert ui.passphrase_edit.text() == ""  # the secret is cleared once read
    assert result.path.is_file()
    assert result.path.parent == tmp_path / "nop"
    report = verify.verify_file(result.path, trust_settings([pki.ca_pem]))
    assert report.signed
    assert report.intact
    assert str(result.path) in dialog.result_text()
    assert "hợp lệ – chưa kiểm tra thu hồi" in dialog.result_text()
    _shot(dialog, "signing_done")
    # The choice is remembered, never the secret.
    assert settings.value("signing_dialog/p12_path") == str(pki.member_p12)
    settings.sync()
    stored = (tmp_path / "ui.ini").read_text(encoding="utf-8")
    assert P12_PASSPHRASE not in stored


def test_signed_on_a_softhsm_token_picked_from_the_list(
    qtbot: QtBot,
    ctx: RoundContext,
    settings: QSettings,
    tmp_path: Path,
    pki: Pki,
    token: SoftToken,
) -> None:
    dialog = _dialog(qtbot, ctx, settings, tmp_path, pki)
    ui = dialog.ui
    dialog.set_mode("token")
    assert ui.module_combo.currentText() == str(SOFTHSM_MODULE)
    assert "cryptoki.dll" in ui.module_hint_label.text()
    ui.find_tokens_button.click()
    qtbot.waitUntil(
        lambda: ui.certificate_combo.count() > 0 and not dialog.is_busy(), timeout=30_000
    )
    assert ui.token_combo.currentData() == token.label
    assert ui.certificate_combo.currentData() == token.key_id.hex()  # the signer's, not the CA's
    assert MEMBER_NAME in ui.certificate_combo.currentText()
    ui.pin_edit.setText(USER_PIN)
    ui.place_edit.setText(PLACE)
    _shot(dialog, "signing_token")
    result = _sign(qtbot, dialog)
    assert ui.pin_edit.text() == ""
    assert result.report.intact
    assert settings.value("signing_dialog/module") == str(SOFTHSM_MODULE)
    assert settings.value("signing_dialog/token_label") == token.label
    assert settings.value("signing_dialog/key_id") == token.key_id.hex()


def test_a_wrong_pin_shows_one_error_clears_the_field_and_is_not_retried(
    qtbot: QtBot,
    ctx: RoundContext,
    settings: QSettings,
    tmp_path: Path,
    pki: Pki,
    token: SoftToken,
) -> None:
    dialog = _dialog(qtbot, ctx, settings, tmp_path, pki)
    ui = dialog.ui
    dialog.set_mode("token")
    ui.find_tokens_button.click()
    qtbot.waitUntil(
        lambda: ui.certificate_combo.count() > 0 and not dialog.is_busy(), timeout=30_000
    )
    ui.pin_edit.setText("000000")
    ui.place_edit.setText(PLACE)
    ui.sign_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=60_000)
    boxes = open_error_boxes()
    assert len(boxes) == 1
    assert "PIN" in boxes[0].text()
    assert boxes[0].icon() is QMessageBox.Icon.Warning  # a user error, not a crash
    assert ui.pin_edit.text() == ""
    assert not list((tmp_path / "nop").glob("*.parscore"))
    assert dialog.result_text() == ""


def test_a_personal_certificate_is_created_and_its_fingerprint_shown(
    qtbot: QtBot, ctx: RoundContext, settings: QSettings, tmp_path: Path, pki: Pki
) -> None:
    dialog = _dialog(qtbot, ctx, settings, tmp_path, pki)
    ui = dialog.ui
    dialog.set_mode("create")
    assert not ui.sign_button.isEnabled()
    assert ui.holder_name_edit.text() == MEMBER_NAME
    ui.new_passphrase_edit.setText("mat-khau-ca-nhan")
    ui.confirm_passphrase_edit.setText("mat-khau-ca-nhan")
    _shot(dialog, "signing_create")
    with qtbot.waitSignal(dialog.certificate_created, timeout=60_000) as blocker:
        ui.create_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy())
    created = blocker.args[0]
    assert created.pkcs12_path.is_file()
    assert created.pkcs12_path.parent == tmp_path / "profile" / "certificates"
    assert ui.new_passphrase_edit.text() == ""
    assert ui.confirm_passphrase_edit.text() == ""
    shown = ui.created_label.text().replace(":", "")
    assert re.search(r"\b[0-9A-F]{64}\b", shown)
    assert created.info.sha256.upper() in shown
    assert ui.p12_path_edit.text() == str(created.pkcs12_path)
    _shot(dialog, "signing_created")
