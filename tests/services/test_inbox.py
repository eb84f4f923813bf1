"""The submission inbox: every offered file with its state, reason, member, units, time and
hash; refused and losing copies kept read-only; conflicts resolved by choosing a version."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from parapp.core.errors import ValidationError
from parapp.services import audit, inbox, merge, rounds
from parapp.services.context import RoundContext
from parapp.store import submissions as merge_store
from tests.services.merge_world import Keys, make_keys, make_round, signed_package


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return make_keys(tmp_path_factory.mktemp("keys"))


@pytest.fixture
def ctx(tmp_path: Path, keys: Keys) -> Iterator[RoundContext]:
    context = make_round(tmp_path / "dot.parround", keys)
    yield context
    context.close()


def package(
    ctx: RoundContext, keys: Keys, tmp: Path, member: str, data: Any, **kw: Any
) -> tuple[Path, str]:
    name = f"{member}-{len(list(tmp.glob('*.parscore')))}.parscore"
    return signed_package(tmp / name, rounds.round_info(ctx).id, keys, member, data, **kw)


def rows(ctx: RoundContext) -> list[tuple[str, str, str | None, tuple[str, ...]]]:
    return [
        (e.offer.file_name, e.offer.state, e.offer.member_id, e.offer.units)
        for e in inbox.inbox(ctx)
    ]


def statuses(ctx: RoundContext) -> list[tuple[str, str]]:
    with ctx.db.transaction() as s:
        return [(x.submission_id, x.status) for x in merge_store.submissions(s)]


def value(ctx: RoundContext, unit: str, code: str, member: str) -> Decimal | None:
    with ctx.db.transaction() as s:
        merged = {(r.unit_id, r.node_code, r.member_id): r.value for r in merge_store.all_merged(s)}
    return merged.get((unit, code, member))


def kept(ctx: RoundContext, entry: inbox.InboxEntry) -> Path:
    assert entry.offer.kept_path is not None
    return ctx.path.parent / entry.offer.kept_path


def test_merged_file_is_listed_with_member_units_time_and_hashes(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    path, sid = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "3"}, "B": {"1.1": "2"}})
    merge.merge_submissions(ctx, [path], keys.trust)
    [entry] = inbox.inbox(ctx)
    offer = entry.offer
    assert (offer.file_name, offer.state, offer.member_id, offer.units) == (
        path.name, "merged", "m1", ("A", "B")
    )  # fmt: skip
    assert offer.submission_id == sid
    assert offer.package_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert offer.content_sha256 is not None
    assert offer.offered_at.startswith("20")
    assert entry.state.vi == "đã nhập"
    assert kept(ctx, entry).read_bytes() == path.read_bytes()


def test_identical_duplicate_is_listed_and_changes_no_score(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    path, _ = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "3"}})
    merge.merge_submissions(ctx, [path], keys.trust)
    merge.merge_submissions(ctx, [path], keys.trust)
    assert [r[1] for r in rows(ctx)] == ["merged", "duplicate"]
    assert inbox.inbox(ctx)[1].state.en == "identical duplicate"
    assert [r.action for r in audit.audit_rows(ctx) if r.action == "merge_submission"] == [
        "merge_submission"
    ]


def test_corrected_version_supersedes_the_merged_one_and_says_which_it_replaces(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    v1, sid1 = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "3"}})
    v2, sid2 = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "4"}}, deprecated_id=sid1)
    merge.merge_submissions(ctx, [v1, v2], keys.trust)
    first, second = inbox.inbox(ctx)
    assert (first.offer.state, second.offer.state) == ("superseded", "merged")
    assert first.reason.vi.startswith("đã được thay bằng bản nộp ngày ")
    assert second.reason.vi.startswith("thay thế bản nộp ngày ")
    assert second.reason.en.startswith("replaces the submission of ")
    assert statuses(ctx) == [(sid1, "superseded"), (sid2, "head")]
    assert kept(ctx, first).is_file()


def test_stale_version_is_a_conflict_kept_read_only_and_audited(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    v1, sid1 = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "3"}})
    v2, sid2 = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "4"}}, deprecated_id=sid1)
    stale, sid3 = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "1"}}, deprecated_id=sid1)
    report = merge.merge_submissions(ctx, [v1, v2, stale], keys.trust)
    assert report.files[2].conflict
    entry = inbox.inbox(ctx)[2]
    assert entry.offer.state == "conflict"
    assert entry.open_conflict
    assert "đã cũ" in entry.reason.vi
    assert "stale" in entry.reason.en
    copy = kept(ctx, entry)
    assert copy.read_bytes() == stale.read_bytes()
    assert not copy.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    assert value(ctx, "A", "1.1", "m1") == Decimal(4)
    assert statuses(ctx) == [(sid1, "superseded"), (sid2, "head"), (sid3, "conflict")]
    [row] = [r for r in audit.audit_rows(ctx) if r.action == "merge_conflict"]
    assert row.new == sid3


def test_refused_file_is_kept_and_listed_with_its_reason_and_nothing_else_changes(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    path, _ = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "3"}}, signer="m2")
    with sqlite3.connect(ctx.path) as raw:
        before = [line for line in raw.iterdump() if "offered_file" not in line]
    outcome = merge.merge_submissions(ctx, [path], keys.trust).files[0]
    assert outcome.outcome is merge.Outcome.REFUSED
    with sqlite3.connect(ctx.path) as raw:
        assert [line for line in raw.iterdump() if "offered_file" not in line] == before
    [entry] = inbox.inbox(ctx)
    assert entry.offer.state == "refused"
    assert entry.state.vi == "bị từ chối"
    assert entry.reason == outcome.reason
    assert entry.reason.vi
    assert entry.reason.en
    assert entry.reason.vi != entry.reason.en
    assert kept(ctx, entry).read_bytes() == path.read_bytes()


def test_unreadable_file_is_listed_refused_without_a_copy(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    missing = tmp_path / "khong-co.parscore"
    merge.merge_submissions(ctx, [missing], keys.trust)
    [entry] = inbox.inbox(ctx)
    assert (entry.offer.file_name, entry.offer.state, entry.offer.kept_path) == (
        "khong-co.parscore", "refused", None
    )  # fmt: skip
    assert "không đọc được" in entry.reason.vi


def _conflict(ctx: RoundContext, keys: Keys, tmp_path: Path) -> tuple[str, str, int]:
    v1, sid1 = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "3"}})
    branch, sid2 = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "2"}})
    merge.merge_submissions(ctx, [v1, branch], keys.trust)
    entry = inbox.inbox(ctx)[1]
    assert entry.open_conflict
    return sid1, sid2, entry.offer.id


def test_conflict_resolved_by_choosing_the_conflicting_version(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    sid1, sid2, offer_id = _conflict(ctx, keys, tmp_path)
    with pytest.raises(ValidationError, match="reason"):
        inbox.choose_version(ctx, offer_id, "  ", keys.trust)
    entry = inbox.choose_version(ctx, offer_id, "Thành viên xác nhận bản sau", keys.trust)
    assert entry.offer.resolution == "chosen"
    assert not entry.open_conflict
    assert entry.state.vi == "đã nhập (thư ký chọn)"
    assert "Thành viên xác nhận bản sau" in entry.reason.vi
    assert value(ctx, "A", "1.1", "m1") == Decimal(2)
    assert statuses(ctx) == [(sid1, "superseded"), (sid2, "resolved"), (sid2, "head")]
    assert [e.offer.state for e in inbox.inbox(ctx)] == ["superseded", "merged"]
    [row] = [r for r in audit.audit_rows(ctx) if r.action == "resolve_conflict"]
    assert (row.field, row.old, row.new, row.reason) == (
        "m1", sid1, sid2, "Thành viên xác nhận bản sau"
    )  # fmt: skip
    with pytest.raises(ValidationError, match="not an open conflict"):
        inbox.keep_current(ctx, offer_id, "lần nữa")


def test_conflict_resolved_by_keeping_the_current_version(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    sid1, sid2, offer_id = _conflict(ctx, keys, tmp_path)
    entry = inbox.keep_current(ctx, offer_id, "Bản sau gửi nhầm")
    assert entry.offer.resolution == "set_aside"
    assert entry.state.en == "conflict – current version kept"
    assert value(ctx, "A", "1.1", "m1") == Decimal(3)
    assert statuses(ctx) == [(sid1, "head"), (sid2, "resolved")]
    [row] = [r for r in audit.audit_rows(ctx) if r.action == "resolve_conflict"]
    assert (row.old, row.new, row.reason) == (sid1, sid1, "Bản sau gửi nhầm")
    assert kept(ctx, entry).is_file()  # the losing copy stays


def test_choosing_a_reused_id_version_replaces_the_current_content(
    ctx: RoundContext, keys: Keys, tmp_path: Path
) -> None:
    v1, sid = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "3"}})
    other, _ = package(ctx, keys, tmp_path, "m1", {"A": {"1.1": "1"}}, submission_id=sid)
    merge.merge_submissions(ctx, [v1, other], keys.trust)
    offer_id = inbox.inbox(ctx)[1].offer.id
    inbox.choose_version(ctx, offer_id, "Nội dung đúng là bản sau", keys.trust)
    assert value(ctx, "A", "1.1", "m1") == Decimal(1)
    assert statuses(ctx) == [(sid, "superseded"), (sid, "resolved"), (sid, "head")]


def test_a_previous_release_round_gains_an_empty_inbox(tmp_path: Path) -> None:
    import shutil

    from parapp.services.context import open_round

    copy = tmp_path / "v2.parround"
    data = Path(__file__).resolve().parent.parent / "data" / "db" / "v2.parround"
    shutil.copy(data, copy)
    with open_round(copy) as ctx:
        assert inbox.inbox(ctx) == []
    with sqlite3.connect(copy) as raw:
        columns = [r[1] for r in raw.execute("pragma table_info(offered_file)")]
    assert columns[:5] == ["id", "offered_at", "file_name", "state", "reason_vi"]
    assert "kept_path" in columns
