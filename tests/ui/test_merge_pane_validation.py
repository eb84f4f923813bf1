"""The secretary's merge pane shows why a package with out-of-range values was refused, every value
on its own line, and the warnings of an accepted one (issue 11, section 1); screenshot at
1366x768 in Vietnamese."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from parapp.core.messages import Lang
from parapp.services import rounds
from parapp.services.context import RoundContext
from parapp.ui.secretary.secretary_window import SecretaryWindow
from parapp.ui.widgets import errors, i18n, workers
from tests.services.merge_world import Keys, make_keys
from tests.services.validation_world import (
    dump,
    make_bounds_round,
    scores_json,
    signed_scores,
)

pytestmark = pytest.mark.gui
MERGE_TIMEOUT = 60_000
SHOTS = Path(os.environ.get("PARAPP_SHOTS", "/tmp/shots"))


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return make_keys(tmp_path_factory.mktemp("keys"), ("m1", "m2"))


@pytest.fixture
def ctx(tmp_path: Path, keys: Keys) -> Iterator[RoundContext]:
    with make_bounds_round(tmp_path / "dot.parround", keys) as opened:
        yield opened


@pytest.fixture
def window(qtbot: QtBot, ctx: RoundContext) -> Iterator[SecretaryWindow]:
    i18n.install(Lang.VI)
    shown = SecretaryWindow(ctx, Lang.VI)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    qtbot.waitUntil(lambda: workers.running_calls() == 0, timeout=MERGE_TIMEOUT)
    for box in errors.open_error_boxes():
        box.done(0)
    shown.close()
    i18n.reset()


def _packages(ctx: RoundContext, keys: Keys, folder: Path) -> list[Path]:
    rid = rounds.round_info(ctx).id
    warned = scores_json(rid, "m1", {"A": {"1.2": '"3"', "1.3": '"3"'}})
    bad = scores_json(rid, "m2", {"A": {"1.1": '"5"', "1.3": '"3"'}, "B": {"2.1": '"-5"'}})
    return [
        signed_scores(folder / "m1.parscore", rid, keys, "m1", warned)[0],
        signed_scores(folder / "m2.parscore", rid, keys, "m2", bad)[0],
    ]


def test_the_pane_shows_the_refused_values_and_the_warnings(
    qtbot: QtBot, window: SecretaryWindow, ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    files = _packages(ctx, keys, tmp_path)
    pane = window.merge_pane
    window.show_tab(pane)
    with qtbot.waitSignal(pane.merged, timeout=MERGE_TIMEOUT):
        assert pane.merge_files(files)
    rows = pane.model().rows()
    assert [row.cells[2] for row in rows] == ["đã nhận", "bị từ chối"]
    assert "Trần Thị Hai (m2) có 2 điểm không hợp lệ" in rows[1].cells[3]

    # Nothing selected: the refused file's report is shown, one value per line.
    details = pane.details().splitlines()
    assert details[0].startswith("m2.parscore: bị từ chối – scores.json: bản nộp của thành viên")
    assert details[1:] == [
        "    ✗ đơn vị A – Sở Tư pháp, mục 1.1: điểm thẩm định 5,00 vượt điểm tối đa 1,00",
        "    ✗ đơn vị B – Sở Tài chính, mục 2.1: điểm thẩm định -5,00 thấp hơn điểm tối thiểu "
        "-1,00",
    ]
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOTS / "merge-refusal.png"))

    pane.ui.report_table.selectRow(0)
    details = pane.details().splitlines()
    assert details[0] == (
        "m1.parscore: đã nhận – đã nhập 2 điểm của Nguyễn Văn Một (2 thay đổi, 4 cảnh báo)."
    )
    assert details[1] == "    Cảnh báo (4), điểm vẫn được nhập:"
    assert "    ! A: Mục 1.2: đơn vị tự chấm 4,00 nhưng chưa dẫn tài liệu kiểm chứng." in details
    assert window.grab().save(str(SHOTS / "merge-warnings.png"))

    pane.set_lang(Lang.EN)
    pane.ui.report_table.selectRow(1)
    assert "    ✗ unit A – Sở Tư pháp, item 1.1: appraised score 5.00 exceeds the maximum 1.00" in (
        pane.details().splitlines()
    )


def test_a_refused_package_changes_nothing_in_the_round(
    qtbot: QtBot, window: SecretaryWindow, ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    bad = _packages(ctx, keys, tmp_path)[1]
    before = dump(ctx.path)
    with qtbot.waitSignal(window.merge_pane.merged, timeout=MERGE_TIMEOUT):
        assert window.merge_pane.merge_files([bad])
    assert dump(ctx.path) == before
