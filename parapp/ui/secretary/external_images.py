"""The "Signature and seal images" group of the "Sign with another tool" tab: one signature PNG
per person of the council (member, secretary, chair) and the agency's seal, chosen, previewed,
then stored with the round through ``services.stamp_images`` (which checks the PNG and audits
the change). Nghị định 30/2020: a personal signature shows the signer's image; the agency's
signature shows the red seal over it; without an image the stamp is text only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QWidget

from parapp.core.errors import ValidationError
from parapp.core.messages import Lang, Msg
from parapp.core.rounds import ROLE_LABELS, Member
from parapp.services import stamp_images
from parapp.services.context import RoundContext
from parapp.ui.forms.ui_external_pane import Ui_ExternalPane
from parapp.ui.widgets.errors import show_error

PREVIEW_SIZE = (320, 110)
SEAL = "\x00seal"
"""The person combo's entry for the agency's seal (not a member id)."""

OpenFile = Callable[[str, list[str], Callable[[Path], object]], None]
"""Opens a file dialog: title, name filters, what to do with the file chosen."""


class StampImagesBox(QObject):
    """Drives the images group of an ``ExternalPane``'s form."""

    def __init__(self, ui: Ui_ExternalPane, parent: QWidget, open_file: OpenFile) -> None:
        super().__init__(parent)
        self._ui, self._parent, self._open_file = ui, parent, open_file
        self._ctx: RoundContext | None = None
        self._pending: bytes | None = None
        ui.person_combo.currentIndexChanged.connect(lambda _i: self.show_stored())
        ui.choose_image_button.clicked.connect(self.choose_image)
        ui.save_image_button.clicked.connect(self.save_image)
        ui.remove_image_button.clicked.connect(self.remove_image)

    def set_context(self, ctx: RoundContext) -> None:
        """Work on ``ctx``."""
        self._ctx = ctx

    def set_members(self, members: Sequence[Member], lang: Lang) -> None:
        """One entry per member (with their role in ``lang``), then the agency's seal."""
        combo = self._ui.person_combo
        person = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for m in members:
            combo.addItem(f"{m.name} — {ROLE_LABELS[m.role].get(lang)}", m.id)
        combo.addItem(self.tr("The agency's seal"), SEAL)
        if person is not None and combo.findData(person) >= 0:
            combo.setCurrentIndex(combo.findData(person))
        combo.blockSignals(False)
        self.show_stored()

    def choose_image(self) -> None:
        """Ask for a PNG for the chosen person (or the seal); it is previewed, not yet stored."""
        self._open_file(
            self.tr("Choose a PNG image"),
            [self.tr("PNG images (*.png)"), self.tr("All files (*)")],
            self.preview_file,
        )

    def preview_file(self, path: Path) -> None:
        """Show ``path`` in the preview, to be stored with "Save image"."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            show_error(
                self._parent,
                ValidationError(
                    Msg(
                        f"Không đọc được {path.name}: {exc.strerror}.",
                        f"Cannot read {path.name}: {exc.strerror}.",
                    )
                ),
            )
            return
        self._pending = data
        self._preview(data)
        self._ui.image_state_label.setText(
            self.tr("%1 chosen, not saved yet: press Save image.").replace("%1", path.name)
        )
        self._ui.save_image_button.setEnabled(True)

    def save_image(self) -> None:
        """Store the previewed PNG for the chosen person through the service (audited)."""
        if self._pending is not None:
            self._store(self._pending)

    def remove_image(self) -> None:
        """Forget the chosen person's image (the stamp becomes text only)."""
        self._store(None)

    def show_stored(self) -> None:
        """Show the chosen person's stored image (any unsaved choice is dropped)."""
        ui = self._ui
        self._pending = None
        ui.save_image_button.setEnabled(False)
        stored = self._stored_png()
        ui.remove_image_button.setEnabled(stored is not None)
        if stored is None:
            ui.preview_label.setPixmap(QPixmap())
            ui.preview_label.setText(self.tr("No image: the stamp shows text only."))
            ui.image_state_label.setText("")
            return
        self._preview(stored)
        ui.image_state_label.setText(self.tr("Stored with the round."))

    def _person(self) -> str | None:
        value = self._ui.person_combo.currentData()
        return str(value) if value is not None else None

    def _stored_png(self) -> bytes | None:
        person = self._person()
        if self._ctx is None or person is None:
            return None
        if person == SEAL:
            images = stamp_images.stamp_images(self._ctx, "", seal=True)
            return images.seal if images else None
        images = stamp_images.stamp_images(self._ctx, person)
        return images.signature if images else None

    def _preview(self, data: bytes) -> None:
        label = self._ui.preview_label
        pixmap = QPixmap()
        if not pixmap.loadFromData(data):
            label.setPixmap(QPixmap())
            label.setText(self.tr("This file is not an image."))
            return
        width, height = PREVIEW_SIZE
        label.setPixmap(
            pixmap.scaled(
                width,
                height,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def _store(self, png: bytes | None) -> None:
        ctx, person = self._ctx, self._person()
        if ctx is None or person is None:
            return
        try:
            if person == SEAL:
                stamp_images.set_seal_image(ctx, png)
            else:
                stamp_images.set_signature_image(ctx, person, png)
        except Exception as exc:  # shown by the one error mapping; nothing stored
            show_error(self._parent, exc)
            return
        self.show_stored()
