"""The score tree's filter: by area, by words (code or name, of the row or an ancestor,
diacritics ignored), unscored leaves and flagged nodes; ancestors of a match stay visible.

It runs for a row and its ancestors on every save, so it reads the model's items directly
(``FilterSource``) instead of asking Qt for each role.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from parapp.core.criteria import Node
from parapp.services import member_view
from parapp.ui.models.criteria_tree_model import fold

_Index = QModelIndex | QPersistentModelIndex

FILTER_ROLE = Qt.ItemDataRole.UserRole + 20
"""Listed in a save's ``dataChanged`` roles: the proxy filters again only while it filters by
something a save changes (unscored, flagged). Otherwise its filter role is ``_IDLE_ROLE``, never
emitted, and a save neither re-runs the filter on the row and its ancestors nor makes the view
measure the row again (most of a save's refresh)."""
_IDLE_ROLE = Qt.ItemDataRole.UserRole + 21


class FilterItem(Protocol):
    """A row of the tree as the filter reads it."""

    @property
    def node(self) -> Node:
        """The criteria node of the row."""
        ...

    @property
    def search(self) -> str:
        """Folded code and name."""
        ...

    @property
    def parent(self) -> FilterItem | None:
        """The parent row (None at the top)."""
        ...


@runtime_checkable
class FilterSource(Protocol):
    """What the filter asks of the tree model (``ScoreTreeModel``)."""

    def row_item(self, row: int, parent: _Index) -> FilterItem:
        """The item at ``row`` under ``parent``."""
        ...

    def needs_score(self, item: FilterItem) -> bool:
        """An editable, applicable leaf without an appraisal."""
        ...

    def is_flagged(self, item: FilterItem) -> bool:
        """A node with flags of its own."""
        ...

    def is_listed(self, item: FilterItem) -> bool:
        """False for a row the tree does not list of itself."""
        ...


MINE = "__mine__"
"""The area filter's value for "the member's own areas"."""


class ScoreFilterProxyModel(QSortFilterProxyModel):
    """Filters by area, by words (code or name, of the row or an ancestor, diacritics ignored),
    unscored leaves and flagged nodes; ancestors of a match stay visible."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._area: str | None = None
        self._mine: frozenset[str] | None = None
        self._only_unscored = False
        self._only_flagged = False
        self.setRecursiveFilteringEnabled(True)
        self.setFilterRole(_IDLE_ROLE)

    def set_filters(
        self,
        *,
        query: str | None = None,
        area: str | None = None,
        mine: frozenset[str] | None = None,
        only_unscored: bool | None = None,
        only_flagged: bool | None = None,
    ) -> None:
        """Change any of the filters; None leaves one as it is (``area`` None means all areas)."""
        self.beginFilterChange()
        if query is not None:
            self._words = tuple(fold(query).split())
        self._area = area
        self._mine = mine
        if only_unscored is not None:
            self._only_unscored = only_unscored
        if only_flagged is not None:
            self._only_flagged = only_flagged
        self.setFilterRole(FILTER_ROLE if self._only_unscored or self._only_flagged else _IDLE_ROLE)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def active(self) -> bool:
        """Whether anything is filtered."""
        return bool(self._words or self._area or self._only_unscored or self._only_flagged)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        # Runs for the row and its ancestors on every save: read the model's items directly.
        model = self.sourceModel()
        if not isinstance(model, FilterSource):
            return True
        item = model.row_item(source_row, source_parent)
        if not model.is_listed(item):
            return False  # round 2: only the explained items (their ancestors show with them)
        area = member_view.area_of(item.node.code)
        if self._area == MINE:
            if self._mine is not None and area not in self._mine:
                return False
        elif self._area is not None and area != self._area:
            return False
        if self._only_unscored and not model.needs_score(item):
            return False
        if self._only_flagged and not model.is_flagged(item):
            return False
        if not self._words:
            return True
        haystack = ""
        current: FilterItem | None = item
        while current is not None:
            haystack += " " + current.search
            current = current.parent
        return all(word in haystack for word in self._words)
