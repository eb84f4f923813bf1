"""What every setup section shares: the open round, the language, a message line, running a
service call with its refusal shown in words, and the phase gate."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from parapp.core.errors import UserFacingError
from parapp.core.messages import Lang
from parapp.services import round_setup
from parapp.services.context import RoundContext
from parapp.services.round_setup import Setting

log = logging.getLogger(__name__)
T = TypeVar("T")

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"


class Section(QWidget):
    """A part of the round's setup working on the live round through its services.

    Its static layout is a Designer form (``forms/<name>_section.ui``) holding a ``gate_label``
    first and a ``message_label`` last; a subclass builds it with ``use_form``."""

    setting: Setting | None = None
    """The group of settings the phase gate checks (None: always editable)."""

    gate_label: QLabel
    """Why the phase (or the lock) keeps the section read-only; hidden while editable."""
    message_label: QLabel
    """The outcome of the last action (red for a refusal)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: RoundContext | None = None
        self.lang = Lang.VI
        self._form: Any = None

    def use_form(self, ui: Any) -> None:
        """Build the section from its generated form ``ui`` (a ``Ui_*`` instance)."""
        ui.setupUi(self)
        self._form = ui
        self.gate_label = ui.gate_label
        self.message_label = ui.message_label
        self.gate_label.hide()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """The form's texts follow the language (what the round holds is re-read by the pane)."""
        if event.type() == QEvent.Type.LanguageChange and self._form is not None:
            self._form.retranslateUi(self)
        super().changeEvent(event)

    def set_context(self, ctx: RoundContext, lang: Lang) -> None:
        """Work on ``ctx`` from now on, and show it."""
        self.ctx = ctx
        self.lang = lang
        self.refresh()
        self.apply_gate()

    def refresh(self) -> None:
        """Re-read the round (subclasses)."""

    def editors(self) -> list[QWidget]:
        """The widgets that change the round (disabled when the phase no longer allows it)."""
        return []

    def apply_gate(self) -> None:
        """Enable the editors when the phase (and the lock) allow changing this section."""
        why = None
        if self.ctx is not None and self.setting is not None:
            why = round_setup.allowed(self.ctx, self.setting)
        for widget in self.editors():
            widget.setEnabled(why is None)
        self.gate_label.setVisible(why is not None)
        self.gate_label.setText("" if why is None else why.get(self.lang))

    def say(self, text: str, *, error: bool = False) -> None:
        """Show ``text`` on the message line (red for a refusal)."""
        self.message_label.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.message_label.setText(text)

    def attempt(self, call: Callable[[], T]) -> T | None:
        """Run a service call; a refusal is shown in words and gives None."""
        try:
            return call()
        except UserFacingError as exc:
            log.info("refused: %s", exc.msg.en)
            self.say(exc.describe(self.lang), error=True)
            return None

    def round_ctx(self) -> RoundContext:
        """The open round (a section is used only after ``set_context``)."""
        assert self.ctx is not None
        return self.ctx
