"""The evidence viewer: a real PDF at its cited page, zoom and paging, images, altered and missing
files, other types handed to another application."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from parapp import paths
from parapp.core.criteria_codec import from_dict
from parapp.core.rounds import EvidenceRef
from parapp.io.sheets import evidence_pdf
from parapp.services import rounds
from parapp.services.context import RoundContext
from parapp.services.evidence import EvidenceFile
from parapp.ui.member.evidence_viewer import EvidenceViewer, Mode
from parapp.ui.widgets import i18n

Factory = Callable[..., EvidenceViewer]


@pytest.fixture(scope="module")
def twelve_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "BC-CCHC-2026.pdf"
    document = evidence_pdf.EvidenceDocument(
        issuer="Sở Nội vụ tỉnh Thái Nguyên",
        number="45/BC-SNV",
        title="Báo cáo cải cách hành chính năm 2026",
        place_date="Thái Nguyên, ngày 10 tháng 12 năm 2026",
        pages=[f"Trang nội dung số {n}." for n in range(1, 13)],
    )
    evidence_pdf.write(document, path, paths.resource("fonts"))
    return path


@pytest.fixture
def ctx(tmp_path: Path, sample_criteria_data: dict[str, Any]) -> Iterator[RoundContext]:
    with rounds.create_round(
        tmp_path / "dot.parround", from_dict(sample_criteria_data), "Đợt thử"
    ) as opened:
        yield opened


@pytest.fixture
def opened() -> list[Path]:
    return []


@pytest.fixture
def make_viewer(qtbot: QtBot, tmp_path: Path, opened: list[Path]) -> Iterator[Factory]:
    def opener(path: Path) -> bool:
        opened.append(path)
        return True

    def make(lang: str = "vi") -> EvidenceViewer:
        i18n.install(lang)
        viewer = EvidenceViewer(opener=opener, copy_dir=tmp_path / "copies")
        qtbot.addWidget(viewer)
        viewer.resize(900, 700)
        viewer.show()
        qtbot.waitExposed(viewer)
        return viewer

    yield make
    i18n.reset()


def test_pdf_opens_at_the_cited_page_fitted_to_width(
    make_viewer: Factory, ctx: RoundContext, twelve_pages: Path
) -> None:
    viewer = make_viewer()
    sha = ctx.evidence.put(twelve_pages)
    viewer.open_ref(ctx, EvidenceRef("BC-CCHC-2026.pdf", 3, sha))
    assert viewer.mode() is Mode.PDF
    assert viewer.page_count() == 12
    assert viewer.pdf_view.pageNavigator().currentPage() == 2
    assert viewer.page_spin.text() == "3 / 12"
    assert viewer.is_fit_width()
    assert viewer.fit_button.isChecked()
    assert not viewer.banner.isVisible()
    assert viewer.title_label.text() == "BC-CCHC-2026.pdf — trang 3"
    assert "BC-CCHC-2026.pdf" in viewer.windowTitle()


def test_next_previous_and_typed_page_move_the_navigator(
    make_viewer: Factory, ctx: RoundContext, twelve_pages: Path
) -> None:
    viewer = make_viewer()
    viewer.open_ref(ctx, EvidenceRef("BC.pdf", 3, ctx.evidence.put(twelve_pages)))
    viewer.next_button.click()
    assert viewer.current_page() == 3
    assert viewer.page_spin.text() == "4 / 12"
    viewer.prev_button.click()
    viewer.prev_button.click()
    assert viewer.current_page() == 1
    viewer.page_spin.setValue(7)
    assert viewer.current_page() == 6
    viewer.go_to_page(0)
    assert not viewer.prev_button.isEnabled()


def test_zoom_in_out_and_fit(make_viewer: Factory, twelve_pages: Path) -> None:
    viewer = make_viewer()
    viewer.show_file(EvidenceFile("BC.pdf", twelve_pages, 5, True, "application/pdf"))
    fitted = viewer.zoom_factor()
    viewer.zoom_in_button.click()
    assert not viewer.is_fit_width()
    assert viewer.zoom_factor() == pytest.approx(fitted * 1.25)
    assert viewer.current_page() == 4  # zooming keeps the page being read
    assert viewer.zoom_label.text() == f"{round(fitted * 125)} %"
    viewer.zoom_out_button.click()
    viewer.zoom_out_button.click()
    assert viewer.zoom_factor() == pytest.approx(fitted / 1.25)
    viewer.fit_button.click()
    assert viewer.is_fit_width()
    assert viewer.zoom_factor() == pytest.approx(fitted)


def test_cited_page_beyond_the_file_is_noted(make_viewer: Factory, twelve_pages: Path) -> None:
    viewer = make_viewer("en")
    viewer.show_file(EvidenceFile("BC.pdf", twelve_pages, 40, True, "application/pdf"))
    assert viewer.note_label.isVisible()
    assert viewer.note_label.text() == "The cited page 40 is beyond the file's 12 pages."


def test_png_image_is_shown_and_zoomable(
    make_viewer: Factory, ctx: RoundContext, tmp_path: Path
) -> None:
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    source = tmp_path / "niem-yet.png"
    assert image.save(str(source))
    viewer = make_viewer()
    viewer.open_ref(ctx, EvidenceRef("niem-yet.png", None, ctx.evidence.put(source)))
    assert viewer.mode() is Mode.IMAGE
    assert viewer.image_label.pixmap().width() == 400  # fit never enlarges
    assert not viewer.page_spin.isVisible()
    viewer.zoom_in_button.click()
    assert viewer.image_label.pixmap().width() == 500
    viewer.zoom_out_button.click()
    viewer.zoom_out_button.click()
    assert viewer.image_label.pixmap().width() == 320


def test_altered_file_is_hidden_behind_a_red_banner(
    make_viewer: Factory, ctx: RoundContext, twelve_pages: Path
) -> None:
    sha = ctx.evidence.put(twelve_pages)
    stored = ctx.evidence.path(sha)
    stored.chmod(0o644)
    stored.write_bytes(stored.read_bytes() + b"\n% appended\n")
    viewer = make_viewer()
    viewer.open_ref(ctx, EvidenceRef("BC-CCHC-2026.pdf", 3, sha))
    assert viewer.banner.isVisible()
    assert viewer.banner_title.text() == "Tệp đã bị thay đổi — không đáng tin cậy"
    assert "BC-CCHC-2026.pdf" in viewer.banner_label.text()
    assert not viewer.banner_label.text().startswith("Tệp đã bị thay đổi")
    assert viewer.mode() is Mode.MESSAGE
    viewer.open_externally()  # not for a file nobody chose to see
    viewer.show_anyway_button.click()
    assert viewer.mode() is Mode.PDF
    assert viewer.current_page() == 2
    assert viewer.banner.isVisible()
    assert not viewer.show_anyway_button.isVisible()


def test_missing_file_shows_a_message_naming_it(make_viewer: Factory, ctx: RoundContext) -> None:
    viewer = make_viewer()
    viewer.open_ref(ctx, EvidenceRef("QD-CONG-BO.pdf", 2, "cd" * 32))
    assert viewer.mode() is Mode.MESSAGE
    assert "QD-CONG-BO.pdf" in viewer.message_label.text()
    assert "Không tìm thấy" in viewer.message_label.text()
    assert not viewer.banner.isVisible()
    assert not viewer.toolbar.isVisible()
    assert not viewer.other_open_button.isVisible()


def test_other_files_go_to_another_application(
    make_viewer: Factory, ctx: RoundContext, tmp_path: Path, opened: list[Path]
) -> None:
    source = tmp_path / "to-trinh.docx"
    source.write_bytes(b"PK\x03\x04 not really a document")
    viewer = make_viewer("en")
    viewer.open_ref(ctx, EvidenceRef("to-trinh.docx", None, ctx.evidence.put(source)))
    assert viewer.mode() is Mode.MESSAGE
    assert viewer.message_label.text() == "parapp cannot show this kind of file."
    assert viewer.other_open_button.isVisible()
    viewer.other_open_button.click()
    assert [p.name for p in opened] == ["to-trinh.docx"]
    assert opened[0].read_bytes() == source.read_bytes()


def test_works_as_a_window_of_its_own(qtbot: QtBot, twelve_pages: Path) -> None:
    viewer = EvidenceViewer()
    qtbot.addWidget(viewer)
    viewer.show_file(EvidenceFile("BC.pdf", twelve_pages, 2, True, "application/pdf"))
    viewer.show()
    qtbot.waitExposed(viewer)
    assert viewer.isWindow()
    # Loaded while hidden: the first layout on show must not lose the cited page.
    qtbot.waitUntil(lambda: viewer.current_page() == 1)
    viewer.resize(500, 400)
    qtbot.waitUntil(lambda: viewer.pdf_view.viewport().width() < 500)
    qtbot.waitUntil(lambda: viewer.current_page() == 1)
    viewer.clear()
    assert viewer.mode() is Mode.MESSAGE
    assert viewer.shown_file() is None


def test_loaded_in_a_hidden_tab_it_still_lands_on_the_cited_page(
    qtbot: QtBot, twelve_pages: Path
) -> None:
    # The scoring window switches to its evidence tab and loads in the same moment: the first
    # layout of the freshly shown viewer must not reset the page.
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QWidget(), "detail")
    viewer = EvidenceViewer()
    tabs.addTab(viewer, "evidence")
    tabs.resize(400, 700)
    tabs.show()
    qtbot.waitExposed(tabs)
    tabs.setCurrentWidget(viewer)
    viewer.show_file(EvidenceFile("BC.pdf", twelve_pages, 9, True, "application/pdf"))
    qtbot.waitUntil(lambda: viewer._restore_page is None)
    assert viewer.current_page() == 8
    assert viewer.page_spin.text() == "9 / 12"
