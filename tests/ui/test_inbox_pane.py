"""The secretary window's "Submission inbox" tab: every offered file with its state and reason;
a conflict resolved by "choose this version" with a reason (refused without one), audited;
screenshot at 1366x768 in Vietnamese."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from parapp.core.messages import Lang
from parapp.services import audit, merge, rounds
from parapp.services.context import RoundContext
from parapp.store import submissions as merge_store
from parapp.ui.secretary.secretary_window import SecretaryWindow
from parapp.ui.widgets import errors, i18n
from tests.services.merge_world import Keys, make_keys, make_round, signed_package

pytestmark = pytest.mark.gui
SHOTS = Path("/tmp/shots")


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return make_keys(tmp_path_factory.mktemp("keys"))


@pytest.fixture
def ctx(tmp_path: Path, keys: Keys) -> Iterator[RoundContext]:
    context = make_round(tmp_path / "dot.parround", keys)
    rid = rounds.round_info(context).id
    v1, sid1 = signed_package(tmp_path / "m1-lan1.parscore", rid, keys, "m1", {"A": {"1.1": "3"}})
    v2, _ = signed_package(
        tmp_path / "m1-lan2.parscore", rid, keys, "m1", {"A": {"1.1": "4"}}, deprecated_id=sid1
    )
    stale, _ = signed_package(
        tmp_path / "m1-cu.parscore", rid, keys, "m1", {"A": {"1.1": "2"}}, deprecated_id=sid1
    )
    forged, _ = signed_package(
        tmp_path / "m2-gia.parscore", rid, keys, "m2", {"B": {"2.1": "5"}}, signer="m3"
    )
    merge.merge_submissions(context, [v1, v2, v1, stale, forged], keys.trust)
    yield context
    context.close()


@pytest.fixture
def window(qtbot: QtBot, ctx: RoundContext) -> Iterator[SecretaryWindow]:
    i18n.install(Lang.VI)
    shown = SecretaryWindow(ctx, Lang.VI)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    for box in errors.open_error_boxes():
        box.done(0)
    shown.close()
    i18n.reset()


def _value(ctx: RoundContext) -> Decimal | None:
    with ctx.db.transaction() as s:
        return {(r.unit_id, r.node_code, r.member_id): r.value for r in merge_store.all_merged(s)}[
            ("A", "1.1", "m1")
        ]


def test_inbox_tab_lists_states_and_chooses_a_conflicting_version(
    qtbot: QtBot, window: SecretaryWindow, ctx: RoundContext
) -> None:
    pane = window.inbox_pane
    window.show_tab(pane)
    tabs = window.ui.tabs_widget
    assert tabs.tabText(tabs.currentIndex()) in ("Submission inbox", "Hộp thư nộp bài")
    rows = [(r.cells[1], r.cells[2]) for r in pane.model().rows()]
    assert rows == [
        ("m1-lan1.parscore", "đã bị thay thế"),
        ("m1-lan2.parscore", "đã nhập"),
        ("m1-lan1.parscore", "bản trùng"),
        ("m1-cu.parscore", "xung đột"),
        ("m2-gia.parscore", "bị từ chối"),
    ]
    reasons = [r.cells[-1] for r in pane.model().rows()]
    assert reasons[1].startswith("thay thế bản nộp ngày ")
    assert "đã cũ" in reasons[3]
    assert reasons[4]
    pane.select_row(4)
    assert not pane.ui.resolve_group.isVisibleTo(pane)
    pane.select_row(3)
    assert pane.ui.resolve_group.isVisibleTo(pane)
    SHOTS.mkdir(exist_ok=True)
    assert window.grab().save(str(SHOTS / "inbox-secretary-conflict.png"))

    pane.ui.choose_button.click()  # no reason: refused with a sentence, nothing changes
    assert len(errors.open_error_boxes()) == 1
    errors.open_error_boxes()[0].done(0)
    assert _value(ctx) == Decimal(4)

    pane.ui.resolution_reason_edit.setText("Thành viên xác nhận bản này")
    pane.ui.choose_button.click()
    assert errors.open_error_boxes() == ()
    assert _value(ctx) == Decimal(2)
    rows = [(r.cells[1], r.cells[2]) for r in pane.model().rows()]
    assert rows[1] == ("m1-lan2.parscore", "đã bị thay thế")
    assert rows[3] == ("m1-cu.parscore", "đã nhập (thư ký chọn)")
    assert not pane.ui.resolve_group.isVisibleTo(pane)
    [row] = [r for r in audit.audit_rows(ctx) if r.action == "resolve_conflict"]
    assert row.reason == "Thành viên xác nhận bản này"
    assert window.grab().save(str(SHOTS / "inbox-secretary-resolved.png"))
