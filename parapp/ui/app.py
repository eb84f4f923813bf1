"""UI bootstrap: the QApplication, language, font, error hook and the first window.

``parapp`` shows the start page; ``parapp FILE.parpkg`` / ``FILE.parround`` opens the file and
``parapp --demo`` the demo, each in the member's scoring window (with the evidence viewer in its
evidence pane); the secretary's round file opens in the secretary's window. Without the scoring
window module, the read-only criteria browser shows the round's set.
"""

from __future__ import annotations

import contextlib
import faulthandler
import importlib
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from parapp import paths
from parapp.core.messages import Lang
from parapp.ui import feature_scan, pyside_compat
from parapp.ui.widgets import i18n
from parapp.ui.widgets.errors import install_excepthook, show_error
from parapp.ui.widgets.placeholder_window import PlaceholderWindow, mark
from parapp.ui.widgets.window_state import show_fitted

if TYPE_CHECKING:
    from parapp.core.rounds import EvidenceRef
    from parapp.services.context import RoundContext
    from parapp.services.criteria_sets import BundledSet
    from parapp.services.quick_open import LazyRound, Snapshot
    from parapp.ui.member.evidence_viewer import EvidenceViewer
    from parapp.ui.start_page import StartPage
    from parapp.ui.widgets.criteria_browser import CriteriaBrowser
    from parapp.ui.widgets.recent_files import RecentFiles

# Only Qt and the light modules above load before the first paint (a test keeps it so): the
# start page, the round, its store (SQLAlchemy) and the windows that use them are imported by
# the functions that need them, after the placeholder is painted. A member's workspace that is
# already made is shown from a snapshot read without the store (``services.quick_open``); its
# store opens right after the window is ready, or at the first action that needs it.

log = logging.getLogger(__name__)

ORGANIZATION = "parapp"
APPLICATION = "parapp"
DEFAULT_SIZE = QSize(1366, 768)
"""The smallest common office laptop screen; the window must be usable at this size."""
UI_FONT_FAMILIES = ("Segoe UI", "Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial", "Tahoma")
"""Preferred interface fonts, all with Vietnamese glyphs (fonts-dejavu-core on Debian)."""

# faulthandler writes to this file until the process ends; closing it earlier loses crash dumps.
_fault_files: list[IO[str]] = []


def vietnamese_font_family() -> str | None:
    """The first preferred family that has Vietnamese glyphs, else any that has (None: none)."""
    families = QFontDatabase.families(QFontDatabase.WritingSystem.Vietnamese)
    for family in UI_FONT_FAMILIES:
        if family in families:
            return family
    return families[0] if families else None


def apply_font(app: QGuiApplication) -> None:
    """Use a Vietnamese-capable family at the platform's size (never smaller than 9 pt)."""
    family = vietnamese_font_family()
    if family is None:
        log.warning("no font with Vietnamese glyphs found; install fonts-dejavu-core")
        return
    font = QFont(app.font())
    font.setFamily(family)
    font.setPointSizeF(max(font.pointSizeF(), 9.0))
    app.setFont(font)


def create_application(argv: Sequence[str], lang: Lang | str = Lang.VI) -> QApplication:
    """The QApplication, named before any QSettings exists, with language and font applied."""
    pyside_compat.keep_singletons_alive()
    feature_scan.install()  # before the round's modules load: see the module
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    i18n.install(lang)
    apply_font(app)
    return app


def build_main_window(
    lang: Lang | str = Lang.VI, sets: Sequence[BundledSet] | None = None
) -> CriteriaBrowser:
    """The first window, in ``lang``; ``sets`` defaults to the bundled criteria sets.

    A QApplication must exist. A broken bundled set is a bug: the window opens empty and shows it.
    """
    from parapp.services.criteria_sets import list_bundled  # noqa: PLC0415 - see imports
    from parapp.ui.widgets.criteria_browser import CriteriaBrowser, schedule_error  # noqa: PLC0415

    chosen = i18n.install(lang)
    failure: Exception | None = None
    if sets is None:
        try:
            sets = list_bundled()
        except Exception as exc:  # shown to the user by the one error mapping
            log.exception("cannot read the bundled criteria sets")
            sets, failure = [], exc
    window = CriteriaBrowser(sets, chosen)
    if failure is not None:
        schedule_error(window, failure)
    return window


def data_dir() -> Path:
    """The per-user data folder (workspaces opened from packages, the demo): ``paths.
    user_data_dir``, after moving there what an earlier version kept in ``parapp/parapp``."""
    paths.move_legacy_data()
    return paths.user_data_dir()


def scoring_window_class() -> Callable[..., QWidget] | None:
    """``ScoringWindow(ctx, member_id, lang)``, or None while the module does not exist yet."""
    try:
        module = importlib.import_module("parapp.ui.member.scoring_window")
    except ModuleNotFoundError as exc:
        if exc.name != "parapp.ui.member.scoring_window":
            raise  # a missing dependency inside the module is a bug, not a missing window
        return None
    window_class: Callable[..., QWidget] = module.ScoringWindow
    return window_class


def evidence_pane(window: QWidget) -> QWidget | None:
    """The window's ``evidence_pane`` (an attribute of the window or of its form), if any."""
    for owner in (window, getattr(window, "ui", None)):
        pane = getattr(owner, "evidence_pane", None)
        if isinstance(pane, QWidget):
            return pane
    return None


def attach_evidence_viewer(
    window: QWidget, ctx: RoundContext | Callable[[], RoundContext]
) -> EvidenceViewer:
    """Route ``window.evidence_requested(EvidenceRef)`` to an evidence viewer in its evidence
    pane: through ``window.set_evidence_widget`` when it has one, else into ``evidence_pane`` (a
    dock, a splitter, a placeholder widget whose contents it replaces, or a viewer itself);
    without a pane the viewer is a window of its own, raised on every request. ``ctx``: the
    round, or a function that returns it (the window's ``store``, opening it on first use)."""
    from parapp.ui.member.evidence_viewer import EvidenceViewer  # noqa: PLC0415 - see imports

    store: Callable[[], RoundContext] = ctx if callable(ctx) else (lambda: ctx)

    pane = evidence_pane(window)
    standalone = False
    setter = getattr(window, "set_evidence_widget", None)
    if callable(setter):
        viewer = EvidenceViewer()
        setter(viewer)  # the window's own way to replace its placeholder
    elif isinstance(pane, EvidenceViewer):
        viewer = pane
    elif isinstance(pane, QDockWidget):
        viewer = EvidenceViewer(pane)
        pane.setWidget(viewer)
    elif isinstance(pane, QSplitter):
        viewer = EvidenceViewer(pane)
        pane.addWidget(viewer)
    elif pane is not None:
        viewer = EvidenceViewer(pane)
        layout = pane.layout()
        if layout is None:
            layout = QVBoxLayout(pane)
            layout.setContentsMargins(0, 0, 0, 0)
        for row in range(layout.count()):
            item = layout.itemAt(row)
            placeholder = item.widget() if item is not None else None
            if placeholder is not None:
                placeholder.hide()
        layout.addWidget(viewer)
    else:
        viewer = EvidenceViewer(window)
        viewer.setWindowFlag(Qt.WindowType.Window, True)
        viewer.resize(800, 900)
        standalone = True

    def show_ref(ref: EvidenceRef) -> None:
        try:
            opened = store()
        except Exception as exc:  # the workspace could not be opened: say why
            show_error(window, exc)
            return
        viewer.open_ref(opened, ref)
        if standalone and viewer.isVisible():
            viewer.raise_()  # already open behind the window: bring it forward
            viewer.activateWindow()
        elif standalone:
            viewer.show()

    window.evidence_requested.connect(show_ref)  # type: ignore[attr-defined]
    return viewer


class Launcher(QObject):
    """Opens what the user asked for and keeps the windows, and the rounds they use, alive.

    Packages open into ``<data_dir>/workspaces`` (per user, so a package on a USB stick or in a
    mail attachment folder can go away afterwards); the demo is built once into
    ``<data_dir>/demo``. A round stays open while its window is shown and is closed after.
    """

    def __init__(
        self,
        lang: Lang | str = Lang.VI,
        data_folder: Path | None = None,
        recent: RecentFiles | None = None,
    ) -> None:
        from parapp.ui.widgets.recent_files import RecentFiles  # noqa: PLC0415 - see imports

        super().__init__()
        self._lang = i18n.parse_lang(lang)
        self._data_dir = data_folder if data_folder is not None else data_dir()
        self._recent = recent if recent is not None else RecentFiles()
        self._windows: dict[QWidget, RoundContext | LazyRound | None] = {}
        self.start_page: StartPage | None = None
        self.viewers: dict[QWidget, EvidenceViewer] = {}

    def windows(self) -> list[QWidget]:
        """The windows opened so far and still shown (or not yet shown)."""
        return list(self._windows)

    def start(self, target: Path | None = None, demo: bool = False) -> QWidget:
        """The first window: the demo, the file, or the start page when neither (or it failed)."""
        window: QWidget | None = None
        if demo:
            window = self.open_demo()
        elif target is not None:
            window = self.open_path(target)
        return window if window is not None else self.show_start_page()

    def show_start_page(self) -> StartPage:
        """The start page (one per launcher)."""
        from parapp.ui.start_page import StartPage  # noqa: PLC0415 - see imports

        if self.start_page is None:
            page = StartPage(self._recent)
            page.open_requested.connect(self._open_from_start)
            page.demo_requested.connect(self._demo_from_start)
            page.resize(START_SIZE)
            self.start_page = page
            self._watch(page, None)
        self.start_page.refresh()
        return self.start_page

    def open_path(self, path: Path) -> QWidget | None:
        """Open a package or a round file; errors are shown and give None."""
        from parapp.services import startup  # noqa: PLC0415 - see imports

        quick = self._quick(lambda: startup.quick_file(path), "")
        if quick is not None:
            self._recent.add(Path(path))
            return quick
        try:
            with _busy():
                ctx = startup.open_file(path, self._data_dir)
        except Exception as exc:
            self._fail(exc, path)
            return None
        self._recent.add(ctx.path)
        return self.window_for(ctx)

    def open_demo(self) -> QWidget | None:
        """Build the demo once and open its first member's workspace; errors give None."""
        from parapp.services import startup  # noqa: PLC0415 - see imports

        quick = self._quick(lambda: startup.quick_demo(self._data_dir), startup.demo_actor())
        if quick is not None:
            return quick
        try:
            with _busy():
                ctx = startup.open_demo(self._data_dir)
        except Exception as exc:
            self._fail(exc, None)
            return None
        return self.window_for(ctx)

    def window_for(self, ctx: RoundContext) -> QWidget:
        """The window for an open round: a member's scoring window for a workspace, the
        secretary's window for the round file; otherwise the criteria set, read-only."""
        from parapp.core.rounds import RoundKind  # noqa: PLC0415 - see imports
        from parapp.services.criteria_sets import BundledSet  # noqa: PLC0415
        from parapp.services.rounds import round_info  # noqa: PLC0415

        info = round_info(ctx)
        if info.kind is RoundKind.ROUND:
            # Imported on demand: the merge pulls in pyHanko, which a member never needs.
            from parapp.ui.secretary.secretary_window import SecretaryWindow  # noqa: PLC0415

            secretary = SecretaryWindow(ctx, self._lang)
            self._watch(secretary, ctx)
            return secretary
        window_class = scoring_window_class()
        member = info.workspace_member_id
        if info.kind is RoundKind.WORKSPACE and member and window_class is not None:
            window = window_class(ctx, member, self._lang)
            self.viewers[window] = attach_evidence_viewer(window, ctx)
            self._watch(window, ctx)
            return window
        criteria = ctx.criteria_set()
        ctx.close()
        browser = build_main_window(self._lang, [BundledSet(ctx.path, criteria)])
        self._watch(browser, None)
        log.info("no scoring window in this build; showing the criteria set of %s", ctx.path)
        return browser

    def window_for_snapshot(self, shot: Snapshot, actor: str = "") -> QWidget | None:
        """The member's scoring window shown from a snapshot of their workspace; its store opens
        after it is ready (``open_store_later``) or at the first action needing it. None when
        this build has no scoring window."""
        from parapp.services.quick_open import LazyRound  # noqa: PLC0415 - see imports

        window_class = scoring_window_class()
        if window_class is None:
            return None
        lazy = LazyRound(shot, actor=actor)
        try:
            window = window_class(lazy, shot.member_id, self._lang)
        except BaseException:
            lazy.close()
            raise
        self.viewers[window] = attach_evidence_viewer(window, window.store)  # type: ignore[attr-defined]
        self._watch(window, lazy)
        return window

    # -- internals ---------------------------------------------------------------------------

    def _quick(self, read: Callable[[], Snapshot | None], actor: str) -> QWidget | None:
        """The window from ``read()``'s snapshot; None (the store's path follows) when there is
        none or showing it failed (logged)."""
        try:
            shot = read()
            return None if shot is None else self.window_for_snapshot(shot, actor)
        except Exception:
            log.exception("quick open failed; opening through the store")
            return None

    def _open_from_start(self, path: Path) -> None:
        self._replace_start(self.open_path(Path(path)))

    def _demo_from_start(self) -> None:
        self._replace_start(self.open_demo())

    def _replace_start(self, window: QWidget | None) -> None:
        if window is None:
            if self.start_page is not None:
                self.start_page.refresh()
            return
        show_sized(window)
        open_store_later(window)
        if self.start_page is not None:
            self.start_page.close()

    def _fail(self, exc: Exception, path: Path | None) -> None:
        from parapp.core.errors import UserFacingError  # noqa: PLC0415 - see imports

        if not isinstance(exc, UserFacingError):
            log.exception("cannot open %s", path or "the demo")
        parent = self.start_page if self.start_page is not None else None
        show_error(parent, exc)

    def _watch(self, window: QWidget, ctx: RoundContext | LazyRound | None) -> None:
        self._windows[window] = ctx
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Release a window's round once the window has really closed (a close may be refused)."""
        if event.type() == QEvent.Type.Close and watched in self._windows:
            window = watched
            QTimer.singleShot(0, self, lambda: self._release_if_hidden(window))
        return super().eventFilter(watched, event)

    def _release_if_hidden(self, window: QObject) -> None:
        if not isinstance(window, QWidget) or window not in self._windows or window.isVisible():
            return
        ctx = self._windows.pop(window)
        self.viewers.pop(window, None)
        if ctx is not None:
            ctx.close()
        if window is self.start_page:
            self.start_page = None

    def close_all(self) -> None:
        """Close every round still open (at exit)."""
        for ctx in self._windows.values():
            if ctx is not None:
                ctx.close()
        self._windows.clear()


START_SIZE = QSize(960, 640)


@contextlib.contextmanager
def _busy() -> Iterator[None]:
    """A wait cursor while a package opens or the demo is built (a few seconds the first time)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


def show_sized(window: QWidget, size: QSize | None = None) -> None:
    """Show ``window`` at ``size`` (main windows: 1366×768, maximised on a screen that small),
    its frame and status bar always inside the screen's free area."""
    if size is None:
        # Looked up, not imported: a window that is a start page has loaded its module.
        start_page = sys.modules.get("parapp.ui.start_page")
        is_start = start_page is not None and isinstance(window, start_page.StartPage)
        size = START_SIZE if is_start else DEFAULT_SIZE
    show_fitted(window, size)


def run(
    argv: Sequence[str],
    lang: Lang | str = Lang.VI,
    demo: bool = False,
    screenshot: Path | None = None,
    fault_log: Path | None = None,
    file: Path | None = None,
) -> int:
    """Start the interface and return the exit code.

    Args:
        argv: the command line, for Qt's own options.
        lang: "vi" (default) or "en".
        demo: build the demo once per user and open its first member's workspace.
        screenshot: grab the first window at 1366×768 to this PNG and quit (CI smoke check).
        fault_log: where ``faulthandler`` dumps a native crash's traceback.
        file: a member package (.parpkg) or a round/workspace file (.parround) to open;
            without it (and without ``demo``) the start page opens.
    """
    app = create_application(argv, lang)
    install_excepthook()
    if fault_log is not None:
        fault_log.parent.mkdir(parents=True, exist_ok=True)
        _fault_files.append(fault_log.open("a", encoding="utf-8"))
        faulthandler.enable(_fault_files[-1])
    launchers: list[Launcher] = []
    if not demo and file is None:
        launchers.append(Launcher(lang))
        _show_ready(app, launchers[0].start(), screenshot)
    else:
        # Paint first, load after: the placeholder is drawn before the launcher, the round and
        # their modules load.
        placeholder = PlaceholderWindow()
        show_sized(placeholder, DEFAULT_SIZE)

        def load() -> None:
            launchers.append(Launcher(lang))
            _show_ready(app, launchers[0].start(file, demo), screenshot)
            placeholder.close()

        placeholder.painted.connect(load)
    try:
        return app.exec()
    finally:
        for launcher in launchers:
            launcher.close_all()


def open_store_later(window: QWidget) -> None:
    """Let a window shown from a snapshot open its store once the event loop runs again."""
    opener = getattr(window, "open_store_later", None)
    if callable(opener):
        opener()


def _show_ready(app: QApplication, window: QWidget, screenshot: Path | None) -> None:
    """Show the first real window; with ``screenshot``, grab it at 1366×768 once shown and quit.
    A window shown from a snapshot opens its store right after it is ready."""
    if screenshot is None:
        show_sized(window)
        QTimer.singleShot(0, window, lambda: mark("ready"))
        open_store_later(window)
        return
    window.resize(DEFAULT_SIZE)
    window.show()
    target = screenshot

    def grab_and_quit() -> None:
        mark("ready")
        target.parent.mkdir(parents=True, exist_ok=True)
        saved = window.grab().save(str(target), "PNG")
        open_store_later(window)  # after the grab (the event loop ends here, though)
        app.exit(0 if saved else 1)

    QTimer.singleShot(0, window, grab_and_quit)
