"""Open every window and dialog on a screen of the given size and report how each one fits.

Run in its own process (the screen is fixed when the QApplication starts), by
``tests/ui/test_fit_1366.py``::

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json python tests/ui/fit_probe.py WORK SHOTS PREFIX

Prints one JSON object: per window its frame geometry, the screen's available geometry, its
minimum size hint and whether its status bar is visible inside the screen. Screenshots go to
``SHOTS/PREFIX-<window>.png``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QSettings
from PySide6.QtWidgets import QApplication, QMainWindow, QPushButton, QStatusBar, QWidget

from parapp.core.messages import Lang
from parapp.services import merge
from parapp.services.context import open_round
from parapp.services.criteria_sets import list_bundled
from parapp.services.demo import year as demo
from parapp.services.rounds import round_info
from parapp.ui import app as ui_app
from parapp.ui.member.export_dialog import ExportDialog
from parapp.ui.member.scoring_window import ScoringWindow
from parapp.ui.secretary.secretary_window import SecretaryWindow
from parapp.ui.start_page import StartPage
from parapp.ui.widgets.criteria_browser import CriteriaBrowser
from parapp.ui.widgets.progress import ProgressRun
from parapp.ui.widgets.recent_files import RecentFiles
from parapp.ui.widgets.signing_dialog import SigningDialog


def settle(ms: int = 150) -> None:
    timer = QElapsedTimer()
    timer.start()
    while timer.elapsed() < ms:
        QApplication.processEvents()


def measure(name: str, widget: QWidget, shots: Path, prefix: str) -> dict[str, object]:
    settle()
    screen = widget.screen()
    area = screen.availableGeometry()
    frame = widget.frameGeometry()
    hint = widget.minimumSizeHint()
    status = widget.statusBar() if isinstance(widget, QMainWindow) else None
    status_ok = None
    if isinstance(status, QStatusBar):
        top_left = status.mapToGlobal(status.rect().topLeft())
        bottom_right = status.mapToGlobal(status.rect().bottomRight())
        status_ok = (
            status.isVisible()
            and status.height() > 0
            and area.contains(top_left)
            and area.contains(bottom_right)
        )
    widget.grab().save(str(shots / f"{prefix}-{name}.png"))
    return {
        "name": name,
        "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
        "area": [area.x(), area.y(), area.width(), area.height()],
        "min_hint": [hint.width(), hint.height()],
        "fits": area.contains(frame),
        "status_bar": status_ok,
    }


def main() -> int:
    work, shots, prefix = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    shots.mkdir(parents=True, exist_ok=True)
    app = ui_app.create_application([sys.argv[0]], Lang.VI)
    settings = QSettings(str(work / "ui.ini"), QSettings.Format.IniFormat)
    built = demo.build_demo(work / "demo", submissions=True)
    report: list[dict[str, object]] = []

    def shown(name: str, widget: QWidget, after: Callable[[], None] | None = None) -> None:
        ui_app.show_sized(widget)
        if after is not None:
            after()
        report.append(measure(name, widget, shots, prefix))

    page = StartPage(RecentFiles(settings))
    shown("start-page", page)
    buttons = page.findChildren(QPushButton)
    report[-1]["cut_buttons"] = [
        b.text() for b in buttons if b.isVisible() and b.width() < b.sizeHint().width()
    ]
    page.close()

    browser = CriteriaBrowser(list_bundled(), Lang.VI)
    shown("criteria-browser", browser)
    browser.close()

    with demo.open_first_member_workspace(built.outdir, work / "ws") as ctx:
        member = round_info(ctx).workspace_member_id
        assert member is not None
        window = ScoringWindow(ctx, member, Lang.VI, settings=settings)
        ui_app.attach_evidence_viewer(window, ctx)
        shown("scoring-window", window)
        menu = window.help_menu
        for name, opener in (
            ("help-manual", menu.show_manual),
            ("help-shortcuts", menu.show_shortcuts),
            ("help-about", menu.show_about),
        ):
            dialog = opener()
            report.append(measure(name, dialog, shots, prefix))
            dialog.close()
        signing = SigningDialog(
            ctx, member, settings, window, certificate_folder=work / "certs", out_folder=work
        )
        signing.show()
        report.append(measure("signing-dialog", signing, shots, prefix))
        signing.close()
        export = ExportDialog(ctx, member, settings, window, folder=work)
        export.show()
        report.append(measure("export-dialog", export, shots, prefix))
        export.close()
        window.close()

    source = built.rounds[0].path
    with open_round(source, actor="thu-ky") as ctx:
        merge.merge_submissions(ctx, list(built.rounds[0].submissions))
        secretary = SecretaryWindow(ctx, Lang.VI)
        ui_app.show_sized(secretary)
        tabs = secretary.ui.tabs_widget
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            tab = tabs.widget(index)
            name = (tab.objectName() if tab is not None else "") or f"tab{index}"
            report.append(measure(f"secretary-{name}", secretary, shots, prefix))
        run = ProgressRun(secretary, "Xuất kết quả", lambda _progress: None)
        run.dialog.setLabelText("Đang ghi bảng tính kết quả…")
        run.dialog.show()
        report.append(measure("progress-dialog", run.dialog, shots, prefix))
        run.dialog.close()
        secretary.close()

    print(json.dumps(report))
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
