"""Table columns fitted to their contents, except the widths the user set by hand, which are
kept in QSettings and applied again after every refill and at the next start.

The panes fit their columns each time they fill their table; this object, installed once on the
window, remembers the columns the user dragged (between a mouse press and release on a header)
and puts those widths back just after each refill.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

log = logging.getLogger(__name__)


class ColumnMemory(QObject):
    """The user's column widths for named tables, under ``group`` in QSettings."""

    def __init__(
        self,
        window: QWidget,
        group: str,
        tables: Mapping[str, QTableView],
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(window)
        self._settings = settings if settings is not None else QSettings()
        self._group = group
        self._tables = dict(tables)
        self._dragging: QHeaderView | None = None
        self._widths: dict[str, dict[int, int]] = {name: self._load(name) for name in self._tables}
        for name, table in self._tables.items():
            header = table.horizontalHeader()
            header.viewport().installEventFilter(self)
            header.sectionResized.connect(
                lambda column, _old, new, n=name, h=header: self._resized(n, h, column, new)
            )
            model = table.model()
            if model is not None:
                model.modelReset.connect(
                    lambda n=name: QTimer.singleShot(0, self, lambda: self.apply(n))
                )
                model.layoutChanged.connect(
                    lambda n=name: QTimer.singleShot(0, self, lambda: self.apply(n))
                )
            self.apply(name)

    def widths(self, name: str) -> dict[int, int]:
        """The widths the user set in table ``name``, by column."""
        return dict(self._widths.get(name, {}))

    def apply(self, name: str) -> None:
        """Put the user's widths back on table ``name`` (after the pane fitted its columns)."""
        table = self._tables[name]
        header = table.horizontalHeader()
        for column, width in self._widths.get(name, {}).items():
            last = header.stretchLastSection() and column == header.count() - 1
            if column < header.count() and not last:
                header.resizeSection(column, width)

    def forget(self, name: str) -> None:
        """Back to fitted columns for table ``name`` (the next refill fits every column)."""
        self._widths[name] = {}
        self._settings.remove(self._key(name))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            self._dragging = next(
                (
                    t.horizontalHeader()
                    for t in self._tables.values()
                    if t.horizontalHeader().viewport() is watched
                ),
                None,
            )
        elif kind == QEvent.Type.MouseButtonRelease:
            QTimer.singleShot(0, self, self._end_drag)
        return False

    def _end_drag(self) -> None:
        self._dragging = None
        self._settings.sync()

    def _resized(self, name: str, header: QHeaderView, column: int, width: int) -> None:
        if self._dragging is not header or width <= 0:
            return  # the pane fitting its columns, not the user
        self._widths.setdefault(name, {})[column] = width
        text = ",".join(f"{c}:{w}" for c, w in sorted(self._widths[name].items()))
        self._settings.setValue(self._key(name), text)

    def _key(self, name: str) -> str:
        return f"{self._group}/columns/{name}"

    def _load(self, name: str) -> dict[int, int]:
        text = str(self._settings.value(self._key(name), "") or "")
        widths: dict[int, int] = {}
        for part in filter(None, text.split(",")):
            column, _sep, width = part.partition(":")
            if column.isdigit() and width.isdigit() and int(width) > 0:
                widths[int(column)] = int(width)
            else:
                log.warning("ignoring a bad column width %r in the settings", part)
        return widths
