"""Hostile signed score packages through ``parapp merge``: every refusal exits 1 with a reason
in both languages and leaves the round's rows and its ``.submissions`` archive as they were but
for the inbox's record of the offered file and its kept read-only copy; a conflict adds exactly
its record; a replay changes nothing else. Then a merge killed at
random moments: the round is always "before file k" or "after file k", and merging again
completes it."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import time
import warnings
from pathlib import Path

import pytest

from parapp.services import inbox, merge
from parapp.services.context import open_round
from tests.hostile.corpus_scores import (
    SCORE_CASES,
    VALID_DATA,
    Kit,
    Merge,
    ScoreCase,
    ScoreWorld,
)
from tests.hostile.harness import EN_WORDS, VI_MARKS, VI_WORDS, run_cli
from tests.hostile.world import dump, snapshot
from tests.services.merge_world import clock, make_round, signed_package


def _merge(world: ScoreWorld, *paths: Path) -> list[str]:
    return ["merge", str(world.round), *map(str, paths), "--ca", str(world.ca)]


def _files(world: ScoreWorld, offered: Path) -> dict[str, str]:
    """Every file under the world but the round file (its rows are compared by ``dump``) and
    the kept copy of ``offered`` (the inbox keeps every offered file, refused ones too)."""
    kept = world.archive / hashlib.sha256(offered.read_bytes()).hexdigest()
    skip = {str(world.round.relative_to(world.root)), str(kept.relative_to(world.root))}
    return {name: sha for name, sha in snapshot(world.root).items() if name not in skip}


def _kept(world: ScoreWorld, offered: Path) -> bool:
    """The offered file is in the inbox with its copy kept read-only under its hash."""
    sha = hashlib.sha256(offered.read_bytes()).hexdigest()
    raw = sqlite3.connect(world.round)
    try:
        found = raw.execute(
            "select kept_path from offered_file where package_sha256 = ?", (sha,)
        ).fetchall()
    finally:
        raw.close()
    copy = world.archive / sha
    return bool(found) and copy.read_bytes() == offered.read_bytes()


def _added(before: list[str], after: list[str]) -> list[str]:
    assert set(before) <= set(after), "a merge removed or changed rows"
    return sorted(set(after) - set(before))


def test_the_valid_package_is_accepted(
    score_world: ScoreWorld, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(_merge(score_world, score_world.valid), capsys)
    assert code == 0, (out, err)
    assert "m2.parscore: đã nhận" in out


@pytest.mark.parametrize("case", SCORE_CASES, ids=lambda c: c.id)
def test_merge_hostile_score_package(
    case: ScoreCase, score_world: ScoreWorld, score_kit: Kit, capsys: pytest.CaptureFixture[str]
) -> None:
    path = score_world.hostile / f"{case.id}.parscore"
    case.make(score_world, score_kit, path)
    rows, files = dump(score_world.round), _files(score_world, path)
    messages: dict[str, str] = {}
    for lang in ("vi", "en"):
        prefix = ["--lang", "en"] if lang == "en" else []
        code, out, err = run_cli([*prefix, *_merge(score_world, path)], capsys)
        assert "Traceback" not in out + err
        if case.merge is Merge.DUPLICATE:
            assert code == 0, (lang, out, err)
            assert ("already imported" if prefix else "đã nhập") in out
            assert dump(score_world.round) == rows
            assert _files(score_world, path) == files
            assert _kept(score_world, path)
            continue
        assert code == 1, (lang, out, err)
        assert f"{path.name}: " in err
        for text in case.shows:
            assert text in err, (lang, text, err)
        messages[lang] = err
        if case.merge is Merge.CONFLICT and lang == "vi":
            assert "xung đột" in err
            added = _added(rows, dump(score_world.round))
            assert len(added) == 2, added
            assert "'conflict'" in added[0] + added[1]
            assert any("'merge_conflict'" in line for line in added), added
            assert _files(score_world, path) == files
            assert _kept(score_world, path)
            rows, files = dump(score_world.round), _files(score_world, path)
        elif case.merge is Merge.CONFLICT:
            assert "a conflict recorded before" in err
        assert dump(score_world.round) == rows
        assert _files(score_world, path) == files
        assert _kept(score_world, path)
    if messages:
        assert messages["vi"] != messages["en"]
        assert VI_MARKS.search(messages["vi"]), messages["vi"]
        assert EN_WORDS.search(messages["en"]), messages["en"]
        assert not any(word in messages["en"] for word in VI_WORDS), messages["en"]


def test_a_refusal_on_a_fresh_round_keeps_the_offered_bytes_and_nothing_else(
    score_kit: Kit, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    round_path = tmp_path / "moi.parround"
    make_round(round_path, score_kit.keys).close()
    bad = tmp_path / "rong.parscore"
    bad.write_bytes(b"")
    before = snapshot(tmp_path)
    code, _, err = run_cli(["merge", str(round_path), str(bad)], capsys)
    assert code == 1, err
    after = snapshot(tmp_path)
    archive = merge.archive_folder(round_path)
    kept = archive / hashlib.sha256(b"").hexdigest()
    assert sorted(after.keys() - before.keys()) == sorted(
        str(p.relative_to(tmp_path)) for p in (archive, kept)
    )
    with open_round(round_path) as ctx:
        [entry] = inbox.inbox(ctx)
    assert (entry.offer.file_name, entry.offer.state) == ("rong.parscore", "refused")


def test_a_self_made_certificate_is_merged_only_once_trusted(
    score_world: ScoreWorld, score_kit: Kit, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ = signed_package(
        score_world.hostile / "m3.parscore", score_kit.round_id, score_kit.rogue, "m3", VALID_DATA
    )
    rows = dump(score_world.round)
    code, _, err = run_cli(_merge(score_world, path), capsys)
    assert code == 1
    assert "parapp trust" in err
    assert dump(score_world.round) == rows
    trust = ["trust", str(score_world.round), "--member", "m3", "--package", str(path)]
    assert run_cli(trust, capsys)[0] == 0
    code, out, err = run_cli(_merge(score_world, path), capsys)
    assert code == 0, err
    assert "m3.parscore: đã nhận" in out


# --------------------------------------------------------------------------------------------
# SIGKILL during a merge

KILLS = 6


def _submissions(world: ScoreWorld, kit: Kit, folder: Path) -> list[Path]:
    """Six files that merge one after the other: m2's first and two corrections, m1's
    corrections of its merged first submission, interleaved."""
    folder.mkdir()
    files: list[Path] = []
    heads = {"m1": kit.first_id, "m2": None}
    for step in range(3):
        for member in ("m2", "m1"):
            data = {"A": {"1.1": f"{step + 1},5", "1.2": str(step + 2)}}
            path, sid = signed_package(
                folder / f"{member}-{step}.parscore",
                kit.round_id,
                kit.keys,
                member,
                data,
                deprecated_id=heads[member],
            )
            heads[member] = sid
            files.append(path)
    return files


def _state(world: ScoreWorld) -> tuple[list[str], frozenset[str]]:
    """The round's rows and its archive (staged ``.incoming-*`` files aside)."""
    names = frozenset(p.name for p in world.archive.iterdir() if not p.name.startswith(".incoming"))
    return dump(world.round), names  # the inbox's rows aside: a retried file is offered again


def _copy(template: ScoreWorld, root: Path) -> ScoreWorld:
    root.mkdir()
    copy = ScoreWorld(root)
    copy.round.parent.mkdir(parents=True)
    shutil.copy2(template.round, copy.round)
    shutil.copytree(template.archive, copy.archive)
    (root / "keys").symlink_to(template.root / "keys")
    return copy


def _integrity(path: Path) -> str:
    raw = sqlite3.connect(path)  # read-write: recovers the WAL a killed writer left
    try:
        return str(raw.execute("pragma integrity_check").fetchone()[0])
    finally:
        raw.close()


def _forked_merge(world: ScoreWorld, kit: Kit, files: list[Path]) -> tuple[int, int, int]:
    """Fork a child that opens the round, reports "r", merges ``files`` once told to go and
    reports "d". Returns (pid, go pipe, report pipe)."""
    go_read, go_write = os.pipe()
    report_read, report_write = os.pipe()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # 3.12+: fork in a threaded process
        pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns to pytest
        status = 1
        try:
            with open_round(world.round, clock=clock, actor="tk") as ctx:
                os.write(report_write, b"r")
                os.read(go_read, 1)
                merge.merge_submissions(ctx, files, kit.keys.trust)
            os.write(report_write, b"d")
            status = 0
        finally:
            os._exit(status)
    os.close(go_read)
    os.close(report_write)
    return pid, go_write, report_read


def _merge_all(world: ScoreWorld, kit: Kit, files: list[Path]) -> merge.MergeReport:
    with open_round(world.round, clock=clock, actor="tk") as ctx:
        return merge.merge_submissions(ctx, files, kit.keys.trust)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX processes only")
def test_sigkill_during_a_merge_leaves_the_round_between_two_files(
    score_world: ScoreWorld, score_kit: Kit, tmp_path: Path
) -> None:
    files = _submissions(score_world, score_kit, tmp_path / "in")
    reference = _copy(score_world, tmp_path / "reference")
    states = [_state(reference)]
    started = time.perf_counter()
    for path in files:
        [outcome] = _merge_all(reference, score_kit, [path]).files
        assert outcome.outcome is merge.Outcome.ACCEPTED, outcome.reason.en
        states.append(_state(reference))
    took = time.perf_counter() - started
    rng = random.Random(20261121)
    landed: set[int] = set()
    for index in range(KILLS):
        copy = _copy(score_world, tmp_path / f"run-{index}")
        pid, go, report = _forked_merge(copy, score_kit, files)
        try:
            assert os.read(report, 1) == b"r"
            os.write(go, b"g")
            time.sleep(rng.uniform(0.0, 1.1) * took)
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
        finally:
            os.close(go)
            os.close(report)
        assert os.WIFSIGNALED(status) or os.WEXITSTATUS(status) == 0
        assert _integrity(copy.round) == "ok"
        rows, archived = _state(copy)
        matches = [k for k, (state_rows, _) in enumerate(states) if state_rows == rows]
        assert len(matches) == 1, "a half-merged round"
        [k] = matches
        landed.add(k)
        # The package is archived just before its transaction commits: a kill in between
        # leaves that one verified file archived ahead of its record, never a record without it.
        ahead = states[k + 1][1] if k < len(files) else states[k][1]
        assert states[k][1] <= archived <= ahead
        strays = [p.name for p in copy.archive.iterdir() if p.name.startswith(".incoming")]
        assert all(name.endswith(".parscore") for name in strays)
        report_again = _merge_all(copy, score_kit, files)
        assert report_again.ok
        assert _state(copy) == states[-1]
    assert len(landed - {len(files)}) >= 1, f"no kill landed during the merge: {landed}"
