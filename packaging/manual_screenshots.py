"""Re-take the user manual's screenshots from the real app on the demo year, at 1366×768 in
Vietnamese, into ``resources/manual/images/``.

Usage: ``QT_QPA_PLATFORM=offscreen uv run python packaging/manual_screenshots.py [--out DIR]``.
Run it after a visible change to the start page, the scoring window or the secretary window.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from parapp.core.messages import Lang
from parapp.services.context import open_round
from parapp.services.demo.year import build_demo, open_first_member_workspace
from parapp.services.rounds import round_info
from parapp.ui.member.scoring_window import ScoringWindow
from parapp.ui.secretary.secretary_window import SecretaryWindow
from parapp.ui.start_page import StartPage
from parapp.ui.widgets import i18n
from parapp.ui.widgets.recent_files import RecentFiles

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1366, 768)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "manual" / "images")
    args = parser.parse_args(argv)

    app = QApplication.instance() or QApplication(sys.argv)
    i18n.install(Lang.VI)
    args.out.mkdir(parents=True, exist_ok=True)

    def shoot(widget: QWidget, name: str) -> None:
        widget.resize(*SIZE)
        widget.show()
        for _ in range(20):
            app.processEvents()
        if not widget.grab().save(str(args.out / name)):
            raise SystemExit(f"cannot write {args.out / name}")
        print("wrote", args.out / name)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        settings = QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat)
        demo = build_demo(folder / "demo", submissions=True)
        recent = RecentFiles(settings)
        for path in (*demo.packages[:2], demo.rounds[0].path):
            recent.add(path)
        shoot(StartPage(recent), "start-page.png")
        with open_first_member_workspace(folder / "demo", folder / "ws") as ctx:
            member = round_info(ctx).workspace_member_id or ""
            window = ScoringWindow(ctx, member, Lang.VI, settings=settings)
            shoot(window, "scoring-window.png")
            window.close()
        copy = folder / demo.rounds[0].path.name
        shutil.copy2(demo.rounds[0].path, copy)
        with open_round(copy, actor="thu-ky") as ctx:
            secretary = SecretaryWindow(ctx, Lang.VI)
            shoot(secretary, "secretary-window.png")
            secretary.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
