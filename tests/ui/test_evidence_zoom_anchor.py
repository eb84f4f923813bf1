"""Zooming the evidence keeps the page and the spot being read at the centre of the view."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from parapp import paths
from parapp.io.sheets import evidence_pdf
from parapp.services.evidence import EvidenceFile
from parapp.ui.member.evidence_viewer import EvidenceViewer
from parapp.ui.widgets import i18n, pdf_anchor

pytestmark = pytest.mark.gui


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


def test_zoom_keeps_the_spot_being_read(qtbot: QtBot, tmp_path: Path, twelve_pages: Path) -> None:
    i18n.install("vi")
    viewer = EvidenceViewer(copy_dir=tmp_path / "copies")
    qtbot.addWidget(viewer)
    viewer.resize(900, 700)
    viewer.show()
    qtbot.waitExposed(viewer)
    viewer.show_file(EvidenceFile("BC.pdf", twelve_pages, 5, True, "application/pdf"))
    QApplication.processEvents()
    view, document = viewer.pdf_view, viewer._document
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + 450)  # reading the lower half of page 5
    QApplication.processEvents()
    before = pdf_anchor.reading_spot(view, document, viewer.zoom_factor())
    assert before is not None
    assert before.page == 4
    assert before.y > 300  # well below the page's top
    for step in (viewer.zoom_in, viewer.zoom_in, viewer.zoom_out, viewer.zoom_out, viewer.zoom_out):
        step()
        QApplication.processEvents()
        after = pdf_anchor.reading_spot(view, document, viewer.zoom_factor())
        assert after is not None
        assert after.page == before.page
        assert after.y == pytest.approx(before.y, abs=4)  # points: the same line
    i18n.reset()
