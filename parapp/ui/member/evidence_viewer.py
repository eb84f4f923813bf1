"""The evidence viewer: a cited PDF at its page, an image, or a button for other applications.

What to show comes from ``services.evidence.open_evidence``; the widget only displays it. A file
whose hash no longer matches is not rendered until the member asks to see it anyway, and then only
under a red banner that stays: its content may mislead, and a damaged PDF is also the likeliest
to upset the renderer. A missing file shows the service's message naming the cited file.
Embedded in the scoring window's evidence pane or shown as a window of its own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QImageReader, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from parapp.core.errors import UserFacingError
from parapp.core.messages import Msg
from parapp.core.rounds import EvidenceRef
from parapp.ui.widgets import i18n, pdf_anchor
from parapp.ui.widgets.errors import show_error

if TYPE_CHECKING:
    from parapp.services.context import RoundContext
    from parapp.services.evidence import EvidenceFile

# The evidence service (and the store under it) is imported when a document is first opened: the
# viewer is part of the scoring window, which is ready before the store is loaded.

log = logging.getLogger(__name__)

ZOOM_STEP = 1.25
MIN_ZOOM = 0.25
MAX_ZOOM = 6.0
Opener = Callable[[Path], bool]
"""Opens a file with the system's viewer; returns whether that worked."""

_BANNER_STYLE = (
    "QFrame#evidence_banner { background: #c62828; border-radius: 3px; }"
    " QFrame#evidence_banner QLabel { color: white; }"
)
_NOTE_STYLE = "QLabel { background: #fff4ce; border: 1px solid #e0c36c; padding: 4px; }"


class Mode(IntEnum):
    """What the content area shows (the stack's pages, in order)."""

    MESSAGE = 0
    PDF = 1
    IMAGE = 2


def system_opener(path: Path) -> bool:
    """Open ``path`` with the desktop's default application."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _clamp(factor: float) -> float:
    return max(MIN_ZOOM, min(MAX_ZOOM, factor))


class EvidenceViewer(QWidget):
    """Shows one evidence file; ``show_file`` replaces what is shown."""

    def __init__(
        self,
        parent: QWidget | None = None,
        opener: Opener | None = None,
        copy_dir: Path | None = None,
    ) -> None:
        """``opener`` and ``copy_dir`` (where copies for other applications go) are injected by
        tests; by default the system viewer and the user's temporary folder."""
        super().__init__(parent)
        self._opener: Opener = opener or system_opener
        self._copy_dir = copy_dir
        self._file: EvidenceFile | None = None
        self._revealed = False
        self._image = QImage()
        self._image_zoom: float | None = None  # None: fit to width
        self._restore_page: int | None = None
        self._document = QPdfDocument(self)
        self._build()
        self._connect_signals()
        self.clear()

    # -- construction ------------------------------------------------------------------------

    def _build(self) -> None:
        self.title_label = QLabel(self)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title_label.setWordWrap(True)
        bold = self.title_label.font()
        bold.setBold(True)
        self.title_label.setFont(bold)

        self.banner = QFrame(self)
        self.banner.setObjectName("evidence_banner")
        self.banner.setStyleSheet(_BANNER_STYLE)
        self.banner_title = QLabel(self.banner)
        heading = self.banner_title.font()
        heading.setBold(True)
        self.banner_title.setFont(heading)
        self.banner_label = QLabel(self.banner)
        self.banner_label.setWordWrap(True)
        self.show_anyway_button = QPushButton(self.banner)
        banner_layout = QVBoxLayout(self.banner)
        banner_layout.setContentsMargins(8, 6, 8, 6)
        banner_layout.addWidget(self.banner_title)
        banner_layout.addWidget(self.banner_label)
        banner_row = QHBoxLayout()
        banner_row.addStretch(1)
        banner_row.addWidget(self.show_anyway_button)
        banner_layout.addLayout(banner_row)

        self.note_label = QLabel(self)
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet(_NOTE_STYLE)

        # Tool buttons: push buttons keep a dialog-button minimum width in several styles, and the
        # scoring window's evidence pane is about 340 px wide.
        self.prev_button = QToolButton(self)
        self.page_spin = QSpinBox(self)
        self.page_spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.page_spin.setKeyboardTracking(False)
        self.next_button = QToolButton(self)
        self.zoom_out_button = QToolButton(self)
        self.zoom_label = QLabel(self)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("000 %") + 8)
        self.zoom_in_button = QToolButton(self)
        self.fit_button = QToolButton(self)
        self.fit_button.setCheckable(True)
        self.open_external_button = QToolButton(self)
        self.toolbar = QWidget(self)
        bar = QHBoxLayout(self.toolbar)
        bar.setContentsMargins(0, 0, 0, 0)
        controls: tuple[QWidget, ...] = (self.prev_button, self.page_spin, self.next_button)
        for control in controls:
            bar.addWidget(control)
        bar.addSpacing(12)
        controls = (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_button)
        for control in controls:
            bar.addWidget(control)
        bar.addStretch(1)

        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.other_open_button = QPushButton(self)
        message_page = QWidget(self)
        message_layout = QVBoxLayout(message_page)
        message_layout.addStretch(1)
        message_layout.addWidget(self.message_label)
        message_row = QHBoxLayout()
        message_row.addStretch(1)
        message_row.addWidget(self.other_open_button)
        message_row.addStretch(1)
        message_layout.addLayout(message_row)
        message_layout.addStretch(2)

        self.pdf_view = QPdfView(self)
        self.pdf_view.setDocument(self._document)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf_view.viewport().installEventFilter(self)

        self.image_label = QLabel(self)
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_area = QScrollArea(self)
        self.image_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_area.setWidget(self.image_label)
        self.image_area.viewport().installEventFilter(self)

        self.stack = QStackedWidget(self)
        self.stack.insertWidget(Mode.MESSAGE, message_page)
        self.stack.insertWidget(Mode.PDF, self.pdf_view)
        self.stack.insertWidget(Mode.IMAGE, self.image_area)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        # The long button shares the title's row, so the toolbar fits a narrow evidence pane.
        title_row = QHBoxLayout()
        title_row.addWidget(self.title_label, 1)
        title_row.addWidget(self.open_external_button)
        layout.addLayout(title_row)
        for part in (self.banner, self.note_label, self.toolbar):
            layout.addWidget(part)
        layout.addWidget(self.stack, 1)
        self._retranslate()

    def _connect_signals(self) -> None:
        navigator = self.pdf_view.pageNavigator()
        navigator.currentPageChanged.connect(self._on_page_changed)
        self.pdf_view.zoomFactorChanged.connect(self._update_zoom_label)
        self.pdf_view.zoomModeChanged.connect(self._update_zoom_label)
        self.page_spin.valueChanged.connect(self._on_page_typed)
        self.prev_button.clicked.connect(self.previous_page)
        self.next_button.clicked.connect(self.next_page)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.fit_button.clicked.connect(self.fit_width)
        self.show_anyway_button.clicked.connect(self.reveal)
        self.open_external_button.clicked.connect(self.open_externally)
        self.other_open_button.clicked.connect(self.open_externally)

    def _retranslate(self) -> None:
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(self.tr("Previous page"))
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("Next page"))
        self.page_spin.setToolTip(self.tr("Page"))
        self.zoom_out_button.setText("−")
        self.zoom_out_button.setToolTip(self.tr("Zoom out"))
        self.zoom_in_button.setText("+")
        self.zoom_in_button.setToolTip(self.tr("Zoom in"))
        self.fit_button.setText("↔")
        self.fit_button.setToolTip(self.tr("Fit width"))
        self.open_external_button.setText(self.tr("Open with another application"))
        self.other_open_button.setText(self.tr("Open with another application"))
        self.show_anyway_button.setText(self.tr("Show the content anyway"))
        self.banner_title.setText(self.tr("The file was altered — not trustworthy"))

    # -- what is shown -----------------------------------------------------------------------

    def open_ref(self, ctx: RoundContext, ref: EvidenceRef) -> None:
        """Look the citation up in the round and show it (errors go to the user)."""
        from parapp.services.evidence import open_evidence  # noqa: PLC0415 - see the imports

        try:
            found = open_evidence(ctx, ref)
        except OSError as exc:
            log.warning("cannot read evidence %s: %s", ref.file_name, exc)
            show_error(self, _unreadable(ref.file_name, exc))
            return
        self.show_file(found)

    def show_file(self, evidence: EvidenceFile) -> None:
        """Show ``evidence``: content when trusted, else the banner or the missing-file message."""
        self._file = evidence
        self._revealed = evidence.trusted
        self._document.close()
        self._image = QImage()
        self._render()

    def clear(self) -> None:
        """Show nothing (no citation chosen)."""
        self._file = None
        self._revealed = False
        self._document.close()
        self._image = QImage()
        self._render()

    def reveal(self) -> None:
        """Render an untrusted file after all; the banner stays."""
        if self._file is not None and self._file.path is not None:
            self._revealed = True
            self._render()

    def _render(self) -> None:
        evidence = self._file
        lang = i18n.current_lang()
        self.note_label.hide()
        self.toolbar.hide()
        self.open_external_button.hide()
        if evidence is None:
            self.title_label.setText(self.tr("Choose a cited document to see it here."))
            self.setWindowTitle(self.tr("Evidence"))
            self.banner.hide()
            self._show_message("", external=False)
            return
        title = evidence.file_name
        if evidence.page is not None:
            title = self.tr("%1 — page %2").replace("%1", title).replace("%2", str(evidence.page))
        self.title_label.setText(title)
        self.setWindowTitle(self.tr("Evidence: %1").replace("%1", evidence.file_name))
        altered = evidence.path is not None and not evidence.trusted
        self.banner.setVisible(altered)
        self.show_anyway_button.setVisible(altered and not self._revealed)
        if altered and evidence.message is not None:
            self.banner_label.setText(_detail(evidence.message.get(lang), self.banner_title.text()))
        if evidence.path is None:
            message = evidence.message.get(lang) if evidence.message else ""
            self._show_message(message, external=False)
            return
        if not self._revealed:
            self._show_message(
                self.tr("The content is hidden because the file cannot be trusted."),
                external=False,
            )
            return
        if evidence.is_pdf and self._load_pdf(evidence.path, evidence.page):
            return
        if not evidence.is_pdf and self._load_image(evidence.path):
            return
        if evidence.is_pdf:
            text = self.tr("parapp cannot read this PDF; try another application.")
        else:
            text = self.tr("parapp cannot show this kind of file.")
        self._show_message(text, external=True)

    def _show_message(self, text: str, *, external: bool) -> None:
        self.message_label.setText(text)
        self.other_open_button.setVisible(external)
        self.stack.setCurrentIndex(Mode.MESSAGE)

    def _load_pdf(self, path: Path, page: int | None) -> bool:
        error = self._document.load(str(path))
        if error != QPdfDocument.Error.None_:
            log.warning("QtPdf cannot load %s: %s", path.name, error)
            return False
        count = self._document.pageCount()
        self.page_spin.blockSignals(True)
        self.page_spin.setRange(1, max(count, 1))
        self.page_spin.setSuffix(f" / {count}")
        self.page_spin.blockSignals(False)
        index = 0
        if page is not None:
            index = min(max(page, 1), count) - 1
            if page > count:
                self._note(
                    self.tr("The cited page %1 is beyond the file's %2 pages.")
                    .replace("%1", str(page))
                    .replace("%2", str(count))
                )
        self.stack.setCurrentIndex(Mode.PDF)
        self._set_navigation(True)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.go_to_page(index)
        self._on_page_changed(self.current_page())
        self._update_zoom_label()
        return True

    def _load_image(self, path: Path) -> bool:
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        image = reader.read()
        if image.isNull():
            log.info("not an image QImageReader knows: %s (%s)", path.name, reader.errorString())
            return False
        self._image = image
        self._image_zoom = None
        self.stack.setCurrentIndex(Mode.IMAGE)
        self._set_navigation(False)
        self._scale_image()
        return True

    def _note(self, text: str) -> None:
        self.note_label.setText(text)
        self.note_label.show()

    def _set_navigation(self, paged: bool) -> None:
        self.toolbar.show()
        self.open_external_button.show()
        pager: tuple[QWidget, ...] = (self.prev_button, self.page_spin, self.next_button)
        for control in pager:
            control.setVisible(paged)

    # -- state read by tests and the window ----------------------------------------------------

    def mode(self) -> Mode:
        """What the content area shows."""
        return Mode(self.stack.currentIndex())

    def shown_file(self) -> EvidenceFile | None:
        """The file last given to ``show_file``."""
        return self._file

    def current_page(self) -> int:
        """The PDF page shown, 0-based (the navigator's)."""
        return self.pdf_view.pageNavigator().currentPage()

    def page_count(self) -> int:
        """Pages of the loaded PDF (0 when none)."""
        return self._document.pageCount() if self.mode() is Mode.PDF else 0

    def is_fit_width(self) -> bool:
        """Whether the content follows the viewer's width."""
        if self.mode() is Mode.IMAGE:
            return self._image_zoom is None
        return self.pdf_view.zoomMode() == QPdfView.ZoomMode.FitToWidth

    def zoom_factor(self) -> float:
        """The effective scale: 1.0 is the document's (or image's) natural size."""
        if self.mode() is Mode.IMAGE:
            return self._image_factor()
        if self.is_fit_width():
            return self._pdf_fit_factor()
        return self.pdf_view.zoomFactor()

    # -- navigation and zoom -----------------------------------------------------------------

    def go_to_page(self, index: int) -> None:
        """Jump to the 0-based page ``index`` (clamped)."""
        count = self._document.pageCount()
        if self.mode() is Mode.PDF and count:
            target = min(max(index, 0), count - 1)
            if self._restore_page is not None:
                self._restore_page = target  # a resize is being settled: land here after it
            navigator = self.pdf_view.pageNavigator()
            navigator.jump(target, QPointF(), navigator.currentZoom())

    def next_page(self) -> None:
        """One page on."""
        self.go_to_page(self.current_page() + 1)

    def previous_page(self) -> None:
        """One page back."""
        self.go_to_page(self.current_page() - 1)

    def zoom_in(self) -> None:
        """Enlarge by one step."""
        self._set_zoom(self.zoom_factor() * ZOOM_STEP)

    def zoom_out(self) -> None:
        """Shrink by one step."""
        self._set_zoom(self.zoom_factor() / ZOOM_STEP)

    def fit_width(self) -> None:
        """Follow the viewer's width again."""
        if self.mode() is Mode.IMAGE:
            self._image_zoom = None
            self._scale_image()
            return
        page = self.current_page()
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.go_to_page(page)
        self._update_zoom_label()

    def _set_zoom(self, factor: float) -> None:
        factor = _clamp(factor)
        if self.mode() is Mode.IMAGE:
            self._image_zoom = factor
            self._scale_image()
            return
        # A new scale moves every page: keep the spot being read (page and line) in view.
        spot = pdf_anchor.reading_spot(self.pdf_view, self._document, self.zoom_factor())
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.pdf_view.setZoomFactor(factor)
        if spot is not None:
            pdf_anchor.show_spot(self.pdf_view, self._document, factor, spot)
        self._update_zoom_label()

    def _pdf_fit_factor(self) -> float:
        """QtPdf's own fit-to-width scale: viewport width over the page's width at 1.0."""
        size = self._document.pagePointSize(max(self.current_page(), 0))
        if size.width() <= 0:
            return 1.0
        margins = self.pdf_view.documentMargins()
        available = self.pdf_view.viewport().width() - margins.left() - margins.right()
        screen = self.screen()
        dpi = screen.logicalDotsPerInch() if screen is not None else 96.0
        return max(available, 1) / (size.width() * dpi / 72.0)

    def _image_factor(self) -> float:
        if self._image_zoom is not None:
            return self._image_zoom
        if self._image.isNull() or self._image.width() == 0:
            return 1.0
        available = self.image_area.viewport().width() - 2
        # Fit never enlarges: a small scan stays sharp.
        return min(1.0, max(available, 1) / self._image.width())

    def _scale_image(self) -> None:
        if self._image.isNull():
            self.image_label.clear()
            return
        factor = self._image_factor()
        size = self._image.size() * factor
        pixmap = QPixmap.fromImage(
            self._image.scaled(
                size,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self.image_label.setPixmap(pixmap)
        self.image_label.resize(pixmap.size())
        self._update_zoom_label()

    def _update_zoom_label(self) -> None:
        self.zoom_label.setText(f"{round(self.zoom_factor() * 100)} %")
        self.fit_button.setChecked(self.is_fit_width())

    def _on_page_changed(self, index: int) -> None:
        count = self._document.pageCount()
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(index + 1)
        self.page_spin.blockSignals(False)
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < count - 1)

    def _on_page_typed(self, number: int) -> None:
        self.go_to_page(number - 1)

    # -- other applications ------------------------------------------------------------------

    def open_externally(self) -> None:
        """Open a copy named as cited with the system viewer (not for unrevealed files)."""
        evidence = self._file
        if evidence is None or evidence.path is None or not self._revealed:
            return
        from parapp.services.evidence import named_copy  # noqa: PLC0415 - see the imports

        folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.TempLocation))
        try:
            copy = named_copy(evidence, folder / "parapp-evidence")
        except OSError as exc:
            show_error(self, _unreadable(evidence.file_name, exc))
            return
        if not self._opener(copy):
            show_error(
                self,
                UserFacingError(
                    Msg(
                        f"Không có ứng dụng nào mở được “{evidence.file_name}” trên máy này.",
                        f"No application on this computer opens “{evidence.file_name}”.",
                    )
                ),
            )

    # -- Qt overrides ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Keep the page being read, and refit an image, when the viewer is resized."""
        if (
            watched is self.pdf_view.viewport()
            and event.type() == QEvent.Type.Resize
            and self.mode() is Mode.PDF
            and self._restore_page is None
        ):
            # QtPdf lays the pages out again and keeps the scroll offset, which lands on another
            # page (on first show, always the first): jump back once the resizing is over.
            self._restore_page = self.current_page()
            QTimer.singleShot(0, self, self._restore_reading_page)
        if (
            watched is self.image_area.viewport()
            and event.type() == QEvent.Type.Resize
            and self._image_zoom is None
            and not self._image.isNull()
        ):
            self._scale_image()
        return super().eventFilter(watched, event)

    def _restore_reading_page(self) -> None:
        page, self._restore_page = self._restore_page, None
        if page is not None:
            self.go_to_page(page)
        self._update_zoom_label()  # a fitted page's scale follows the width

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Re-translate when the interface language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            page = self.current_page()
            self._retranslate()
            self._render()  # reloads: titles and messages depend on what is shown
            self.go_to_page(page)
        super().changeEvent(event)


def _detail(message: str, headline: str) -> str:
    """The message without the headline the banner already shows in bold."""
    if not message.startswith(headline):
        return message
    rest = message[len(headline) :].lstrip(" :.")
    return rest[:1].upper() + rest[1:] if rest else message


def _unreadable(file_name: str, exc: OSError) -> UserFacingError:
    return UserFacingError(
        Msg(
            f"Không đọc được tệp “{file_name}”: {exc.strerror or exc}.",
            f"Cannot read “{file_name}”: {exc.strerror or exc}.",
        )
    )
