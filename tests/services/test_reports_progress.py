"""Exporting the results reports its steps, and a cancel at any step leaves the previous files
exactly as they were, with no partial file beside them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from parapp.core.errors import UserCancelled
from parapp.core.messages import Msg
from parapp.core.progress import Progress
from parapp.services import reports
from parapp.services.context import RoundContext
from tests.services.test_reports import DATE, SCORES, build_round


@pytest.fixture(scope="module")
def ctx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RoundContext]:
    context = build_round(tmp_path_factory.mktemp("progress") / "2026.parround", SCORES)
    yield context
    context.close()


def _export(ctx: RoundContext, folder: Path, progress: Progress) -> reports.ReportFiles:
    return reports.export_results(
        ctx,
        xlsx=folder / "ket-qua.xlsx",
        pdf=folder / "ket-qua.pdf",
        place="Thái Nguyên",
        date=DATE,
        progress=progress,
    )


def test_the_steps_are_reported_in_vietnamese_and_english(
    ctx: RoundContext, tmp_path: Path
) -> None:
    steps: list[tuple[int, int, Msg]] = []
    files = _export(ctx, tmp_path, Progress(lambda d, t, w: steps.append((d, t, w))))
    assert [(d, t) for d, t, _ in steps] == [(0, 4), (1, 4), (2, 4), (3, 4)]
    assert steps[1][2].vi == "Đang ghi bảng tính…"
    assert steps[2][2].en == "Writing the PDF…"
    assert files.pdf_pages > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ket-qua.pdf", "ket-qua.xlsx"]


@pytest.mark.parametrize("cancel_at", [0, 1, 2, 3])
def test_a_cancel_at_any_step_keeps_the_previous_files_and_leaves_no_partial_one(
    ctx: RoundContext, tmp_path: Path, cancel_at: int
) -> None:
    (tmp_path / "ket-qua.xlsx").write_bytes(b"last week's workbook")
    (tmp_path / "ket-qua.pdf").write_bytes(b"last week's pdf")
    progress: Progress

    def report(done: int, _total: int, _what: Msg) -> None:
        if done == cancel_at:
            progress.cancel()  # the Cancel button, pressed while this step runs

    progress = Progress(report)
    with pytest.raises(UserCancelled):
        _export(ctx, tmp_path, progress)
    assert (tmp_path / "ket-qua.xlsx").read_bytes() == b"last week's workbook"
    assert (tmp_path / "ket-qua.pdf").read_bytes() == b"last week's pdf"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ket-qua.pdf", "ket-qua.xlsx"]
