"""The Year tab's council steps on a real merged round (A 1.1 and B 1.2 contested): the quorum
rule; the meeting dialog (attendance with a written opinion, votes, the chair's decision when
no majority, the approval); refused meetings (more votes than voters, no quorum approving)
shown with nothing changed; the minutes signed as secretary then chair (pdfsig: both valid);
the announcement draft; freezing, and reopening refused without a reason; screenshots."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from parapp.core.messages import Lang
from parapp.core.rounds import Phase
from parapp.services import meeting, rounds
from parapp.services.context import RoundContext
from parapp.services.meeting import Attendance, Choice, QuorumRule
from parapp.services.minutes import Signer
from parapp.ui.secretary.meeting_dialog import APPROVE, MeetingDialog
from parapp.ui.secretary.notices_dialog import NoticesDialog
from parapp.ui.secretary.secretary_window import SecretaryWindow
from parapp.ui.secretary.year_pane import YearPane
from parapp.ui.widgets import errors, i18n
from tests.services.meeting_world import dump, meeting_round, world_keys
from tests.services.merge_world import Keys
from tests.signing_pki import P12_PASSPHRASE

pytestmark = pytest.mark.gui
SHOTS = Path("/tmp/shots")


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return world_keys(tmp_path_factory.mktemp("keys"))


@pytest.fixture
def ctx(tmp_path: Path, keys: Keys) -> Iterator[RoundContext]:
    context = meeting_round(tmp_path / "dot.parround", keys)
    yield context
    context.close()


@pytest.fixture
def window(qtbot: QtBot, ctx: RoundContext, keys: Keys) -> Iterator[SecretaryWindow]:
    i18n.install(Lang.VI)
    shown = SecretaryWindow(ctx, Lang.VI)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    shown.year_pane.trust = keys.trust
    shown.show_tab(shown.year_pane)
    yield shown
    for box in errors.open_error_boxes():
        box.done(0)
    shown.close()
    i18n.reset()


def pane_of(window: SecretaryWindow) -> YearPane:
    pane = window.year_pane
    assert isinstance(pane, YearPane)
    return pane


def fill(dialog: MeetingDialog, *, extra_agree: tuple[str, ...] = ()) -> None:
    """Present ct, tk, m1, m2; m3 absent with a written opinion; A 1.1 carries, B 1.2 does not
    (the chair decides 4,5); the results approved."""
    dialog.ui.place_edit.setText("Thái Nguyên")
    for member in ("ct", "tk", "m1", "m2"):
        dialog.set_attendance(member, Attendance.PRESENT)
    dialog.set_attendance("m3", Attendance.WRITTEN, "Đồng ý với tổ thẩm định.")
    assert dialog.subjects() == ["A/1.1", "B/1.2", APPROVE]
    dialog.select_subject("A/1.1")
    dialog.set_item("3", note="Xem lại kế hoạch.")
    for member in ("ct", "tk", "m1", *extra_agree):
        dialog.set_vote(member, Choice.AGREE)
    dialog.set_vote("m2", Choice.DISAGREE)
    dialog.select_subject("B/1.2")
    dialog.set_item("4", chair_value="4,5")
    for member, choice in (("ct", Choice.AGREE), ("m1", Choice.AGREE)):
        dialog.set_vote(member, choice)
    for member in ("m2", "tk"):
        dialog.set_vote(member, Choice.DISAGREE)
    dialog.select_subject(APPROVE)
    for member in ("ct", "tk", "m1", "m2"):
        dialog.set_vote(member, Choice.AGREE)


def sign(qtbot: QtBot, pane: YearPane, keys: Keys, who: Signer, member: str, pdf: Path) -> None:
    dialog = pane.open_sign_minutes(who, pdf)
    assert isinstance(dialog, NoticesDialog)
    dialog.set_key_file(keys.p12[member], P12_PASSPHRASE)
    dialog.accept()
    qtbot.waitUntil(lambda: not pane.is_busy(), timeout=60000)


def test_meeting_recorded_in_the_dialog_then_minutes_signed_twice_and_announced(
    qtbot: QtBot, window: SecretaryWindow, ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    pane = pane_of(window)
    assert pane.set_quorum_rule(QuorumRule.TWO_THIRDS_PRESENT)
    assert meeting.quorum_rule(ctx) is QuorumRule.TWO_THIRDS_PRESENT
    dialog = pane.open_meeting()
    assert isinstance(dialog, MeetingDialog)
    fill(dialog)
    dialog.select_subject("B/1.2")
    dialog.resize(1340, 720)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SHOTS / "desk13-meeting-dialog.png"))
    assert dialog.save()
    assert not errors.open_error_boxes()
    assert meeting.results_approved(ctx)
    stored = meeting.meetings(ctx)[-1].stored
    decided = {(i.unit_id, i.node_code): (i.value, i.decided_by) for i in stored.items}
    assert decided == {("A", "1.1"): (Decimal(3), "vote"), ("B", "1.2"): (Decimal("4.5"), "chair")}
    assert [u.decided for u in pane.status().units] == [1, 1]  # type: ignore[union-attr]
    assert "01/BB-HĐTĐ" in pane.report_text()
    pane.ui.minutes_docx_button.click()  # the same minutes as a Word file to edit
    chosen = pane.dialog
    assert isinstance(chosen, QFileDialog)
    assert chosen.defaultSuffix() == "docx"
    assert chosen.nameFilters() == ["Tệp Word (*.docx)"]
    chosen.fileSelected.emit(str(tmp_path / "bien-ban-du-thao.docx"))
    chosen.done(0)
    assert not errors.open_error_boxes()
    paragraphs = [p.text for p in Document(str(tmp_path / "bien-ban-du-thao.docx")).paragraphs]
    assert "BIÊN BẢN" in paragraphs
    assert "Đã ghi biên bản thành tệp Word để chỉnh sửa" in pane.report_text()
    pdf = tmp_path / "meeting" / "bien-ban.pdf"
    sign(qtbot, pane, keys, Signer.SECRETARY, "tk", pdf)
    sign(qtbot, pane, keys, Signer.CHAIR, "ct", pdf)
    assert not errors.open_error_boxes()
    checked = subprocess.run(["pdfsig", str(pdf)], check=False, capture_output=True, text=True)
    assert checked.stdout.count("Signature is Valid") == 2
    assert pane.write_announcement(tmp_path / "du-thao-quyet-dinh.pdf")
    assert (tmp_path / "du-thao-quyet-dinh.xlsx").is_file()
    assert window.grab().save(str(SHOTS / "desk13-year-after-meeting.png"))


def test_refused_meetings_show_the_message_and_change_nothing(
    window: SecretaryWindow, ctx: RoundContext
) -> None:
    pane = pane_of(window)
    before = dump(ctx.path)
    # m3 is absent and wrote an opinion, yet votes at the meeting as well: more votes than voters.
    dialog = pane.open_meeting()
    assert isinstance(dialog, MeetingDialog)
    fill(dialog)
    dialog.set_attendance("m3", Attendance.ABSENT)
    dialog.select_subject("A/1.1")
    dialog.set_vote("m3", Choice.AGREE)
    assert not dialog.save()
    assert len(errors.open_error_boxes()) == 1
    assert "nhiều phiếu hơn số người" in errors.open_error_boxes()[0].text()
    errors.open_error_boxes()[0].done(0)
    assert dump(ctx.path) == before
    dialog.reject()
    # Only two of five present, approving the results: no quorum.
    dialog = pane.open_meeting()
    assert isinstance(dialog, MeetingDialog)
    fill(dialog)
    for member in ("m1", "m2"):
        dialog.set_attendance(member, Attendance.ABSENT)
    for subject in dialog.subjects():
        dialog.select_subject(subject)
        for member in ("m1", "m2"):
            dialog.set_vote(member, None)
    assert not dialog.save()
    boxes = errors.open_error_boxes()
    assert len(boxes) == 1
    assert "không đủ điều kiện thông qua" in boxes[0].text()
    boxes[0].done(0)
    assert dump(ctx.path) == before
    assert not meeting.meetings(ctx)


def test_freeze_then_reopen_only_with_a_reason(window: SecretaryWindow, ctx: RoundContext) -> None:
    pane = pane_of(window)
    for _ in range(3):
        assert pane.advance()
    assert rounds.round_info(ctx).phase is Phase.FROZEN
    assert not pane.ui.advance_button.isEnabled()
    before = dump(ctx.path)
    dialog = pane.open_reopen()
    assert dialog is not None
    dialog.accept()  # no reason typed
    assert len(errors.open_error_boxes()) == 1
    errors.open_error_boxes()[0].done(0)
    assert dump(ctx.path) == before
    assert pane.reopen(Phase.ROUND_2, "Sửa sai sót số liệu")
    assert rounds.round_info(ctx).phase is Phase.ROUND_2
