"""What the tabs added to the secretary window after it is built share: a title kept in the
interface language, and times shown as the user saw them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from parapp.ui.secretary.secretary_window import SecretaryWindow


class TabTitle(QObject):
    """Keeps ``pane``'s tab title (``title()``, a literal ``translate`` call so that lupdate
    finds it) in the interface language; ``on_language`` runs after each switch."""

    def __init__(
        self,
        window: SecretaryWindow,
        pane: QWidget,
        title: Callable[[], str],
        on_language: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(window)
        self._window, self._pane = window, pane
        self._title, self._on_language = title, on_language
        window.installEventFilter(self)
        self.retitle()

    def retitle(self) -> None:
        tabs = self._window.ui.tabs_widget
        tabs.setTabText(tabs.indexOf(self._pane), self._title())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self.retitle()
            if self._on_language is not None:
                self._on_language()
        return False


def as_stamped(stamp: str) -> str:
    """ISO 8601 as dd/mm/yyyy HH:MM (the stored offset is the one the user saw)."""
    if len(stamp) < 16:
        return stamp
    return f"{stamp[8:10]}/{stamp[5:7]}/{stamp[0:4]} {stamp[11:16]}"
