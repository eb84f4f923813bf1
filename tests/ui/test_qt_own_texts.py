"""Qt's own texts (buttons, file dialog, print preview, line-edit menu) in Vietnamese.

PySide6 ships no ``qtbase_vi.qm``; ``resources/i18n/qtbase_vi.qm`` is parapp's own, loaded by
``i18n.install`` beside ``parapp_vi.qm``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QTreeView,
)
from pytestqt.qtbot import QtBot

from parapp import paths
from parapp.core.messages import Lang
from parapp.ui.widgets import i18n


@pytest.fixture
def vietnamese(qapp: QApplication) -> Iterator[None]:
    i18n.install(Lang.VI)
    yield
    i18n.reset()


def _texts(widgets: list[QAbstractButton] | list[QLabel]) -> set[str]:
    return {w.text() for w in widgets}


def test_qt_catalogue_is_committed_and_compiled() -> None:
    folder = paths.resource("i18n")
    assert (folder / "qtbase_vi.ts").is_file()
    qm = folder / "qtbase_vi.qm"
    assert qm.is_file()
    assert qm.stat().st_mtime_ns > 0


def test_message_box_buttons_in_vietnamese(qtbot: QtBot, vietnamese: None) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Lưu?",
        "Lưu thay đổi?",
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
        | QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No,
    )
    qtbot.addWidget(box)
    box.setDetailedText("chi tiết")
    box.show()
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert {"Lưu", "Không lưu", "Hủy", "Có", "Không"} <= texts
    assert "Xem chi tiết..." in texts
    assert not texts & {"Save", "Discard", "Cancel", "Yes", "No", "Show Details..."}


def test_button_box_ok_cancel_in_vietnamese(qtbot: QtBot, vietnamese: None) -> None:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(buttons)
    assert _texts(buttons.buttons()) == {"Đồng ý", "Hủy"}


def test_qt_file_dialog_in_vietnamese(qtbot: QtBot, vietnamese: None, tmp_path: Path) -> None:
    (tmp_path / "a.parround").write_bytes(b"")
    dialog = QFileDialog(None, "Mở vòng thẩm định", str(tmp_path), "Vòng (*.parround)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 600)
    dialog.show()
    labels = _texts(dialog.findChildren(QLabel))
    assert {"&Tìm trong:", "&Tên tệp:", "&Loại tệp:"} <= labels
    buttons = {b.text() for b in dialog.findChildren(QDialogButtonBox)[0].buttons()}
    assert buttons == {"&Mở", "Hủy"}
    assert not labels & {"Look in:", "&Look in:", "File &name:", "Files of &type:"}
    tree = dialog.findChild(QTreeView, "treeView")
    assert tree is not None
    model = tree.model()
    headers = {str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(4)}
    assert {"Tên", "Kích thước", "Ngày sửa"} <= headers
    dialog.grab().save("/tmp/shots/viet-qt-file-dialog.png")


def test_line_edit_menu_and_print_preview_texts(vietnamese: None) -> None:
    translate = QCoreApplication.translate
    assert translate("QLineEdit", "&Copy") == "&Sao chép"
    assert translate("QWidgetTextControl", "Select All") == "Chọn tất cả"
    assert translate("QPrintPreviewDialog", "Print Preview") == "Xem trước khi in"
    assert translate("QFileSystemModel", "Date Modified") == "Ngày sửa"


def test_english_leaves_qt_texts_in_english(qtbot: QtBot, qapp: QApplication) -> None:
    i18n.install(Lang.VI)
    i18n.install(Lang.EN)
    try:
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        qtbot.addWidget(buttons)
        assert _texts(buttons.buttons()) == {"OK", "Cancel"}
    finally:
        i18n.reset()
