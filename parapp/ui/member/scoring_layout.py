"""The scoring window's remembered layout: geometry, splitters, the tree's header and text size.

Kept apart from the window so that its start-up reads as: build, restore, load the first unit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from parapp.ui.widgets.window_state import WindowState

if TYPE_CHECKING:
    from parapp.ui.member.scoring_window import ScoringWindow


def restore(window: ScoringWindow, state: WindowState) -> bool:
    """Restore what ``state`` holds; True when the tree's column widths were among it."""
    ui = window.ui
    restored = state.restore(
        {
            "geometry": window.restoreGeometry,
            "main_splitter": ui.main_splitter.restoreState,
            "center_splitter": ui.center_splitter.restoreState,
            "tree_header": ui.criteria_tree.header().restoreState,
        }
    )
    size = state.font_size()
    if size is not None:
        window.set_font_size(size)
    return "tree_header" in restored


def save(window: ScoringWindow, state: WindowState) -> None:
    """Keep the window's layout in ``state``."""
    ui = window.ui
    state.save(
        {
            "geometry": window.saveGeometry(),
            "main_splitter": ui.main_splitter.saveState(),
            "center_splitter": ui.center_splitter.saveState(),
            "tree_header": ui.criteria_tree.header().saveState(),
        }
    )
