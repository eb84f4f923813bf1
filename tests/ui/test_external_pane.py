"""The secretary window's "Sign with another tool" tab, on a real merged round: a member's sheet
exported from the pane, signed in the test by pyHanko called directly (not parapp's signing
code), imported through the pane and recorded as fully signed; a copy changed by one byte is
refused with the reason and the list stays as it was; a signature image chosen, previewed and
stored (audited), a file that is no PNG refused. Screenshots at 1366x768 in Vietnamese."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from parapp.core.messages import Lang
from parapp.services import audit, external_signing, stamp_images
from parapp.services.context import RoundContext
from parapp.services.external_documents import DocKind
from parapp.ui.secretary.external_pane import ExternalPane
from parapp.ui.secretary.secretary_window import SecretaryWindow
from parapp.ui.widgets import errors, i18n
from tests.services.external_world import pdfsig, png, sign_elsewhere
from tests.services.meeting_world import meeting_round, world_keys
from tests.services.merge_world import Keys

pytestmark = pytest.mark.gui
SHOTS = Path("/tmp/shots")


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return world_keys(tmp_path_factory.mktemp("keys"))


@pytest.fixture
def ctx(tmp_path: Path, keys: Keys) -> Iterator[RoundContext]:
    context = meeting_round(tmp_path / "dot.parround", keys)
    yield context
    context.close()


@pytest.fixture
def window(qtbot: QtBot, ctx: RoundContext) -> Iterator[SecretaryWindow]:
    i18n.install(Lang.VI)
    shown = SecretaryWindow(ctx, Lang.VI)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    for box in errors.open_error_boxes():
        box.done(0)
    shown.close()
    i18n.reset()


def _pick(qtbot: QtBot, pane: ExternalPane, path: Path) -> None:
    """Answer the file dialog the pane just opened with ``path``, as a user would."""
    dialog = pane.file_dialog
    assert isinstance(dialog, QFileDialog)
    assert dialog.isVisible()
    dialog.selectFile(str(path))
    dialog.accept()
    qtbot.waitUntil(lambda: not pane.busy(), timeout=60000)


def _tr(text: str) -> str:
    """The interface text in the language installed (Vietnamese once the catalogue has it)."""
    return QCoreApplication.translate("ExternalPane", text)


def _rows(pane: ExternalPane) -> list[tuple[str, ...]]:
    return [r.cells for r in pane.model().rows()]


def _shot(widget: object, name: str) -> None:
    QApplication.processEvents()  # the layout settles before the picture
    SHOTS.mkdir(exist_ok=True)
    assert widget.grab().save(str(SHOTS / f"extgui-{name}.png"))  # type: ignore[attr-defined]


def test_sheet_goes_out_signed_elsewhere_and_comes_back(
    qtbot: QtBot, window: SecretaryWindow, ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    pane = window.external_pane
    window.show_tab(pane)
    tabs = window.ui.tabs_widget
    assert tabs.tabText(tabs.currentIndex()) == _tr("Sign with another tool")
    assert _rows(pane) == []

    # export: the export form names the member's sheet of unit A
    pane.choose_document(DocKind.SHEET, "m1", "A")
    pane.ui.place_edit.setText("Thái Nguyên")
    pane.ui.date_edit.setDate(QDate(2027, 1, 10))
    assert pane.doc_name() == "sheet:m1:A"
    assert not pane.ui.deadline_edit.isEnabled()
    out = tmp_path / "phieu-m1-A-chua-ky.pdf"
    pane.ui.export_button.click()
    _pick(qtbot, pane, out)
    assert errors.open_error_boxes() == ()
    [(document, returned)] = external_signing.documents(ctx)
    assert (document.doc, document.state, returned) == ("sheet:m1:A", "exported", [])
    assert document.params["place"] == "Thái Nguyên"
    assert document.params["date"] == "2027-01-10"
    [row] = _rows(pane)
    assert row[1] == _tr("Score sheet — %1 — %2").replace("%1", "Thành viên m1").replace(
        "%2", "Sở A"
    )
    assert row[2] == "đã xuất, chờ ký"
    assert row[3] == "▶ 1. Thành viên m1"
    assert row[4] == "Thành viên m1"  # the next signer, highlighted
    assert 4 in pane.model().rows()[0].backgrounds
    assert "Người ký lượt 1/1: Thành viên m1" in pane.ui.result_label.text()
    _shot(window, "exported")

    # signed elsewhere: pyHanko's own API over the exact exported bytes
    signed = tmp_path / "phieu-m1-A-da-ky.pdf"
    signed.write_bytes(sign_elsewhere(out.read_bytes(), keys.p12["m1"]))
    assert "Signature is Valid" in pdfsig(signed)
    pane.ui.add_ca_button.click()  # the test CA, as `--ca` on the command line
    _pick(qtbot, pane, keys.folder / "ca.pem")
    assert "ca.pem" in pane.ui.trust_label.text()
    pane.ui.import_button.click()
    _pick(qtbot, pane, signed)
    assert errors.open_error_boxes() == ()
    [row] = _rows(pane)
    assert row[2] == "đã ký đủ"
    assert row[3] == "1. Thành viên m1 ✓"
    assert row[4] == "—"
    assert 4 not in pane.model().rows()[0].backgrounds
    assert "đã ghi nhận chữ ký của Thành viên m1" in pane.ui.result_label.text()
    [(document, returned)] = external_signing.documents(ctx)
    assert document.state == "signed"
    assert [(r.outcome, r.signer_member_id) for r in returned] == [("accepted", "m1")]
    assert [r.cells[2] for r in pane.returns_model().rows()] == [_tr("accepted")]
    _shot(window, "signed")

    # a copy changed by one byte: refused with the reason, the list as it was
    before = _rows(pane)
    trail = len(audit.audit_rows(ctx))
    data = signed.read_bytes()
    marker = b"ReportLab Generated PDF document"
    changed = tmp_path / "phieu-m1-A-sua-1-byte.pdf"
    changed.write_bytes(data.replace(marker, b"ReportLab Generated PDF documenT", 1))
    assert len(changed.read_bytes()) == len(data)
    pane.ui.import_button.click()
    _pick(qtbot, pane, changed)
    [box] = errors.open_error_boxes()
    assert box.text().startswith("Từ chối phieu-m1-A-sua-1-byte.pdf")
    assert "Đợt không thay đổi" in box.text()
    _shot(box, "refused-box")
    box.done(0)
    assert _rows(pane) == before
    [(document, _returned)] = external_signing.documents(ctx)
    assert document.state == "signed"
    actions = [r.action for r in audit.audit_rows(ctx)[trail:]]
    assert actions == ["external_refused"]  # the refusal is recorded, nothing else


def test_signature_image_is_chosen_previewed_and_stored(
    qtbot: QtBot, window: SecretaryWindow, ctx: RoundContext, tmp_path: Path
) -> None:
    pane = window.external_pane
    window.show_tab(pane)
    ui = pane.ui
    ui.person_combo.setCurrentIndex(ui.person_combo.findData("tk"))
    assert ui.person_combo.currentText() == "Trần Thị Thư — Thư ký"
    assert not ui.save_image_button.isEnabled()
    assert not ui.remove_image_button.isEnabled()

    # a file that is no PNG: previewed as "not an image", refused by the service, nothing stored
    bad = tmp_path / "chu-ky.png"
    bad.write_bytes(b"not a picture")
    ui.choose_image_button.click()
    _pick(qtbot, pane, bad)
    ui.save_image_button.click()
    [box] = errors.open_error_boxes()
    assert "PNG" in box.text()
    box.done(0)
    assert stamp_images.image_hashes(ctx) == {}

    blue = tmp_path / "chu-ky-xanh.png"
    blue.write_bytes(png((20, 40, 200, 255), (300, 120)))
    ui.choose_image_button.click()
    _pick(qtbot, pane, blue)
    preview = ui.preview_label.pixmap()
    assert not preview.isNull()
    assert "chu-ky-xanh.png" in ui.image_state_label.text()
    assert stamp_images.image_hashes(ctx) == {}
    _shot(window, "image-preview")
    ui.save_image_button.click()
    assert errors.open_error_boxes() == ()
    assert set(stamp_images.image_hashes(ctx)) == {"stamp.signature.tk"}
    [row] = [r for r in audit.audit_rows(ctx) if r.field == "stamp.signature.tk"]
    assert row.action == "round_settings"
    stored = QCoreApplication.translate("StampImagesBox", "Stored with the round.")
    assert ui.image_state_label.text() == stored
    assert ui.remove_image_button.isEnabled()

    # the seal: its own entry; the member's image stays
    ui.person_combo.setCurrentIndex(ui.person_combo.findData("\x00seal"))
    assert ui.preview_label.pixmap().isNull()
    red = tmp_path / "con-dau.png"
    red.write_bytes(png((200, 20, 20, 255), (160, 160)))
    ui.choose_image_button.click()
    _pick(qtbot, pane, red)
    ui.save_image_button.click()
    assert set(stamp_images.image_hashes(ctx)) == {"stamp.signature.tk", "stamp.seal"}
    _shot(window, "seal")
    ui.remove_image_button.click()
    assert set(stamp_images.image_hashes(ctx)) == {"stamp.signature.tk"}
