"""A merge reports one step per file, and a cancel stops before the next file: the files merged
so far stay merged (each in its own transaction), the rest are listed as not started."""

from __future__ import annotations

from pathlib import Path

from parapp.core.messages import Msg
from parapp.core.progress import Progress
from parapp.services import merge
from parapp.services.context import RoundContext
from tests.services.merge_world import Keys
from tests.services.test_merge import ctx, dump, keys, package, stored  # noqa: F401 - fixtures


def test_steps_name_each_file(ctx: RoundContext, keys: Keys, tmp_path: Path) -> None:  # noqa: F811
    first, _ = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "3,5"}})
    second, _ = package(ctx, keys, tmp_path, "m2", {"A": {"1.1": "3"}})
    steps: list[tuple[int, int, Msg]] = []
    report = merge.merge_submissions(
        ctx, [first, second], keys.trust, Progress(lambda d, t, w: steps.append((d, t, w)))
    )
    assert report.ok
    assert [(d, t) for d, t, _ in steps] == [(0, 2), (1, 2)]
    assert steps[1][2].vi == f"Đang nhập {second.name}…"


def test_a_cancel_keeps_what_was_merged_and_lists_the_rest(
    ctx: RoundContext,  # noqa: F811
    keys: Keys,  # noqa: F811
    tmp_path: Path,
) -> None:
    first, _ = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "3,5"}})
    second, _ = package(ctx, keys, tmp_path, "m2", {"A": {"1.1": "3"}})
    progress: Progress

    def report_step(done: int, _total: int, _what: Msg) -> None:
        if done == 0:
            progress.cancel()  # pressed while the first file merges

    progress = Progress(report_step)
    report = merge.merge_submissions(ctx, [first, second], keys.trust, progress)
    assert [f.path for f in report.files] == [first]
    assert report.files[0].outcome is merge.Outcome.ACCEPTED
    assert report.not_started == (second,)
    assert not report.ok
    assert {member for (_unit, _code, member) in stored(ctx)} == {"m1"}
    before = dump(ctx)
    assert merge.merge_submissions(ctx, [second], keys.trust).ok  # added again later
    assert dump(ctx) != before
