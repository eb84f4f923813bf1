"""The scoring window's Edit ▸ "Score level" menu: Ctrl+1 … Ctrl+9 pick the n-th allowed level of
the current item."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

LEVELS = 9


class LevelActions:
    """The submenu and its nine actions; ``choose(n)`` receives the 0-based position."""

    def __init__(self, edit_menu: QMenu, choose: Callable[[int], None]) -> None:
        self.menu = edit_menu.addMenu("")
        self.actions: list[QAction] = []
        for position in range(1, LEVELS + 1):
            action = self.menu.addAction("")
            action.setShortcut(QKeySequence(f"Ctrl+{position}"))
            action.triggered.connect(lambda _checked=False, p=position - 1: choose(p))
            self.actions.append(action)
        self.retranslate()

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.menu.setTitle(translate("ScoringWindow", "Score &level"))
        for position, action in enumerate(self.actions, start=1):
            action.setText(translate("ScoringWindow", "Level %1").replace("%1", str(position)))
