"""The "Year" tab's place in the secretary window: inserted after "Results", titled in the
interface language, refreshed when shown or after a merge; a change there marks every other
tab stale."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from parapp.core.messages import Lang
from parapp.services.context import RoundContext
from parapp.ui.secretary.added_tabs import TabTitle
from parapp.ui.secretary.year_pane import YearPane
from parapp.ui.widgets import i18n

if TYPE_CHECKING:
    from parapp.ui.secretary.secretary_window import SecretaryWindow


def install_year_pane(window: SecretaryWindow, ctx: RoundContext, lang: Lang) -> YearPane:
    """Add the "Year" tab after "Results"; a change there marks the other tabs stale."""
    pane = YearPane(window)
    tabs = window.ui.tabs_widget
    results_page = next(
        (
            i
            for i in range(tabs.count())
            if (page := tabs.widget(i)) is not None
            and (page is window.ui.results_pane or page.isAncestorOf(window.ui.results_pane))
        ),
        tabs.count() - 1,
    )
    tabs.insertTab(results_page + 1, pane, "")
    pane._title = TabTitle(  # type: ignore[attr-defined]  # kept alive with it
        window,
        pane,
        lambda: QCoreApplication.translate("YearPane", "Year"),
        lambda: pane.set_lang(i18n.current_lang()),
    )
    pane.set_context(ctx, lang)
    pane.changed.connect(window.refresh_all)
    pane.changed.connect(window._retitle)  # the phase in the title changes
    window.ui.merge_pane.merged.connect(lambda _report: pane.refresh())
    tabs.currentChanged.connect(lambda _i: pane.refresh() if tabs.currentWidget() is pane else None)
    return pane
