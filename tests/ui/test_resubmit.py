"""A corrected re-submission from the member's window, end to end: sign and submit, change a
score in the window, sign again (the package names the first as the version it replaces),
then the secretary merges both: the first is superseded, the second merged, and the inbox says
"thay thế bản nộp ngày …"."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from parapp.core.messages import Lang
from parapp.io.packages import score_package
from parapp.services import inbox, merge, resubmission, scoring
from parapp.services.context import RoundContext, open_round
from parapp.services.signing import trust_settings
from parapp.services.submission import Submission
from parapp.ui.member.scoring_window import ScoringWindow
from parapp.ui.widgets import i18n
from parapp.ui.widgets.errors import open_error_boxes
from tests.signing_pki import P12_PASSPHRASE, Pki, make_pki
from tests.submission_round import MEMBER, MEMBER_NAME, PLACE, UNIT, make_round

pytestmark = pytest.mark.gui
SHOTS = Path("/tmp/shots")


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"), MEMBER_NAME)


@pytest.fixture
def ctx(tmp_path: Path, sample_criteria_data: dict[str, Any], pki: Pki) -> Iterator[RoundContext]:
    with make_round(tmp_path / "round", sample_criteria_data, pki) as opened:
        yield opened


@pytest.fixture(autouse=True)
def _close_error_boxes() -> Iterator[None]:
    yield
    for box in open_error_boxes():
        box.done(0)


def _secretary_copy(ctx: RoundContext, target: Path) -> Path:
    """The secretary's round: the same round (id, members, certificates) before any package."""
    with sqlite3.connect(ctx.path) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return target


def _sign(qtbot: QtBot, window: ScoringWindow, pki: Pki, out: Path) -> Submission:
    window.submit_actions.sign_action.trigger()
    dialog = window.submit_actions.signing_dialog
    assert dialog is not None
    ui = dialog.ui
    dialog.set_mode("p12")
    ui.p12_path_edit.setText(str(pki.member_p12))
    ui.passphrase_edit.setText(P12_PASSPHRASE)
    ui.place_edit.setText(PLACE)
    ui.out_folder_edit.setText(str(out))
    ui.views_check.setChecked(False)
    dialog._ca_files = (pki.ca_pem,)  # the test CA, as the dialog's own tests give it
    with qtbot.waitSignal(dialog.submitted, timeout=60_000) as blocker:
        ui.sign_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy())
    result = blocker.args[0]
    assert isinstance(result, Submission)
    dialog.close()
    return result


def _type_score(window: ScoringWindow, code: str, text: str) -> None:
    assert window.select_code(code)
    edit = window.ui.detail_pane.ui.score_edit
    edit.setFocus()
    edit.clear()
    QTest.keyClicks(edit, text)
    QTest.keyClick(edit, Qt.Key.Key_Return)


def test_submit_edit_resubmit_from_the_window_then_merge_supersedes(
    qtbot: QtBot, ctx: RoundContext, tmp_path: Path, pki: Pki
) -> None:
    secretary = _secretary_copy(ctx, tmp_path / "thu-ky.parround")
    i18n.install(Lang.VI)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = ScoringWindow(ctx, MEMBER, Lang.VI, settings=settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    actions = window.submit_actions
    first_text = actions.sign_action.text()
    assert actions.last_submission() is None

    first = _sign(qtbot, window, pki, tmp_path / "nop-1")
    last = resubmission.last_submission(ctx, MEMBER)
    assert last is not None
    assert last.submission_id == first.submission_id
    said = window.statusBar().currentMessage()
    assert "replaces this one" in said or "thay thế bản này" in said
    corrected = actions.sign_action.text()
    assert corrected != first_text
    assert "corrected version" in corrected or "bản sửa" in corrected

    window.open_unit(UNIT)
    _type_score(window, "1.1.1", "0,5")
    qtbot.waitUntil(
        lambda: scoring.load_sheet(ctx, MEMBER, UNIT).entries["1.1.1"].appraised == Decimal("0.5")
    )
    second = _sign(qtbot, window, pki, tmp_path / "nop-2")
    assert second.submission_id != first.submission_id
    check = score_package.check_score_package(second.path, trust_settings([pki.ca_pem]))
    assert check.manifest is not None
    assert check.manifest.deprecated_id == first.submission_id
    SHOTS.mkdir(exist_ok=True)
    assert window.grab().save(str(SHOTS / "inbox-member-resubmit.png"))

    with open_round(secretary, actor="tk") as desk:
        trust = trust_settings([pki.ca_pem])
        report = merge.merge_submissions(desk, [first.path, second.path], trust)
        assert [f.outcome for f in report.files] == [
            merge.Outcome.ACCEPTED, merge.Outcome.ACCEPTED
        ]  # fmt: skip
        entries = inbox.inbox(desk)
        assert [e.offer.state for e in entries] == ["superseded", "merged"]
        assert entries[1].reason.vi.startswith("thay thế bản nộp ngày ")
        assert entries[1].offer.deprecated_id == first.submission_id
        assert scoring.load_sheet(desk, MEMBER, UNIT).entries["1.1.1"].appraised == Decimal("0.5")
