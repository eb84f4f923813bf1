"""Faults around the round's files: SIGKILL in the middle of a multi-row import, a full disk while
exporting, a read-only round. Each leaves every file whole and says so in plain words."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest

from parapp.core.criteria_codec import from_dict
from parapp.services import rounds, workbooks
from parapp.services.context import open_round
from tests.hostile.harness import run_cli
from tests.hostile.world import SET, World, clock, copy_round, dump

REPO = Path(__file__).resolve().parents[2]
UNITS = 300
KILLS = 6
OLD = b"the previous export, which must survive"


def _big_round(folder: Path) -> tuple[Path, Path]:
    """A round with 300 units and a results workbook filling 600 rows."""
    path, results = folder / "lon.parround", folder / "ket-qua-lon.xlsx"
    with rounds.create_round(path, from_dict(SET), "Đợt lớn", clock=clock) as ctx:
        rounds.add_units(ctx, [(f"U{i:04d}", f"Đơn vị số {i}", "so") for i in range(UNITS)])
        workbooks.export_results_template(ctx, results)
    workbook = openpyxl.load_workbook(results)
    sheet = workbook["KetQua"]
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, 3).value == "2.2":
            sheet.cell(row, 6).value = 40 + row % 60
        else:
            sheet.cell(row, 7).value = "0,5"
    workbook.save(results)
    return path, results


def _integrity(path: Path) -> str:
    raw = sqlite3.connect(path)  # read-write: recovers the WAL a killed writer left
    try:
        return str(raw.execute("pragma integrity_check").fetchone()[0])
    finally:
        raw.close()


def _forked_import(path: Path, results: Path) -> tuple[int, int, int]:
    """Fork a child that opens ``path``, reports "ready" and, once told to go, imports
    ``results`` and reports "done". Returns (pid, go pipe, report pipe).

    A fork, not a fresh interpreter: importing parapp costs seconds, the import itself a fraction
    of one, and the kill must land in that fraction.
    """
    go_read, go_write = os.pipe()
    report_read, report_write = os.pipe()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # 3.12+: fork in a threaded process
        pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns to pytest
        status = 1
        try:
            with open_round(path, clock=clock, actor="thu-ky") as ctx:
                os.write(report_write, b"r")
                os.read(go_read, 1)
                workbooks.import_results(ctx, results)
            os.write(report_write, b"d")
            status = 0
        finally:
            os._exit(status)
    os.close(go_read)
    os.close(report_write)
    return pid, go_write, report_read


@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX processes only")
def test_sigkill_during_a_results_import_leaves_the_round_before_or_after(tmp_path: Path) -> None:
    path, results = _big_round(tmp_path)
    before = dump(path)
    reference = tmp_path / "reference.parround"
    copy_round(path, reference)
    started = time.perf_counter()
    with open_round(reference, clock=clock, actor="thu-ky") as ctx:
        assert workbooks.import_results(ctx, results).changed == 2 * UNITS
    took = time.perf_counter() - started
    after = dump(reference)
    rng = random.Random(20261120)
    killed_early = 0
    for index in range(KILLS):
        copy = tmp_path / f"run-{index}.parround"
        copy_round(path, copy)
        pid, go, report = _forked_import(copy, results)
        try:
            assert os.read(report, 1) == b"r"
            os.write(go, b"g")
            time.sleep(rng.uniform(0.05, 1.2) * took)
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
            killed_early += os.read(report, 1) != b"d"
        finally:
            os.close(go)
            os.close(report)
        assert os.WIFSIGNALED(status) or os.WEXITSTATUS(status) == 0
        assert _integrity(copy) == "ok"
        assert dump(copy) in (before, after), "a half-imported round"
        with open_round(copy) as ctx:  # and it still opens as a round
            assert len(rounds.list_units(ctx)) == UNITS
    assert killed_early >= 1, "no kill landed before the import finished"


# --------------------------------------------------------------------------------------------
# A full disk


@contextlib.contextmanager
def _tiny_filesystem(folder: Path, size: str = "256k") -> Iterator[bool]:
    """A size-limited tmpfs at ``folder`` when this process may mount one (root); else False."""
    folder.mkdir()
    try:
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder)],
            check=True,
            capture_output=True,
        )
    except (OSError, subprocess.CalledProcessError):
        yield False
        return
    try:
        yield True
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def _fill(folder: Path) -> None:
    with (folder / "filler").open("wb") as handle:
        with contextlib.suppress(OSError):
            while True:
                handle.write(bytes(4096))
                handle.flush()
        with contextlib.suppress(OSError):
            handle.close()


FSIZE_CHILD = (
    "import resource, signal, sys\n"
    "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
    "resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))\n"
    "from parapp import cli\n"
    "sys.exit(cli.main(sys.argv[1:]))\n"
)
"""Fallback without a mountable tmpfs: the kernel refuses any write past 1 KiB (EFBIG)."""

Export = Callable[[World, Path], list[str]]
EXPORTS: list[tuple[str, Export, bool]] = [
    ("bo.json", lambda w, out: ["criteria", "export", "PAR-SO-2026", str(out)], False),
    ("bo.xlsx", lambda w, out: ["criteria", "export", "PAR-SO-2026", str(out)], False),
    (
        "STP.xlsx",
        lambda w, out: ["round", "self-form", str(w.round), "--unit", "STP", "-o", str(out)],
        True,
    ),
    (
        "m1.parpkg",
        lambda w, out: ["package", "build", str(w.round), "--member", "m1", "-o", str(out)],
        True,
    ),
]


@pytest.mark.parametrize(("file_name", "command", "needs_round"), EXPORTS, ids=lambda v: v)
def test_a_full_disk_keeps_the_old_export_and_leaves_no_partial_file(
    file_name: str,
    command: Export,
    needs_round: bool,
    world: World,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    disk = tmp_path / "disk"
    with _tiny_filesystem(disk) as mounted:
        if not mounted and needs_round:
            pytest.skip("needs a mountable tmpfs (root): the round itself must stay writable")
        old = disk / file_name
        old.write_bytes(OLD)
        if mounted:
            _fill(disk)
        listing = sorted(os.listdir(disk))
        round_before = dump(world.round)
        for prefix in ([], ["--lang", "en"]):
            args = [*prefix, *command(world, old)]
            if mounted:
                code, _, err = run_cli(args, capsys)
            else:
                done = subprocess.run(
                    [sys.executable, "-c", FSIZE_CHILD, *args],
                    check=False,
                    capture_output=True,
                    text=True,
                    env={**os.environ, "PYTHONPATH": str(REPO)},
                )
                code, err = done.returncode, done.stderr
            assert code == 1, err
            assert "Traceback" not in err
            assert file_name in err
            assert ("Cannot write" if prefix else "Không ghi được") in err
            assert old.read_bytes() == OLD
            assert sorted(os.listdir(disk)) == listing  # no temporary file left behind
        assert dump(world.round) == round_before


# --------------------------------------------------------------------------------------------
# A read-only round


@contextlib.contextmanager
def _read_only_copy(world: World, folder: Path) -> Iterator[Path]:
    """The round in a read-only folder: a read-only tmpfs when root (root ignores modes), else
    ``chmod`` 0444 on the file and 0555 on the folder."""
    with _tiny_filesystem(folder, "8m") as mounted:
        target = folder / world.round.name
        copy_round(world.round, target)
        if mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        elif os.geteuid() == 0:
            pytest.skip("root ignores file modes and no tmpfs can be mounted here")
        else:
            target.chmod(0o444)
            folder.chmod(0o555)
        try:
            yield target
        finally:
            if not mounted:
                folder.chmod(0o755)
                target.chmod(0o644)


def test_a_read_only_round_is_refused_with_a_clear_message_and_nothing_lost(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with _read_only_copy(world, tmp_path / "chi-doc") as path:
        before = dump(path, immutable=True)
        listing = sorted(os.listdir(path.parent))
        commands = [
            ["round", "show", str(path)],
            [
                "round",
                "add-unit",
                str(path),
                "--id",
                "SXD",
                "--name",
                "Sở Xây dựng",
                "--type",
                "so",
            ],
            ["round", "results-import", str(path), str(world.results)],
            ["package", "build", str(path), "--member", "m1", "-o", str(tmp_path / "m1.parpkg")],
        ]
        for args in commands:
            for prefix, words in (([], "chỉ cho phép đọc"), (["--lang", "en"], "read-only")):
                code, out, err = run_cli([*prefix, *args], capsys)
                assert (code, out) == (1, ""), err
                assert path.name in err
                assert words in err
                assert "Traceback" not in err
        assert dump(path, immutable=True) == before
        assert sorted(os.listdir(path.parent)) == listing
        assert not (tmp_path / "m1.parpkg").exists()
    shutil.rmtree(tmp_path / "chi-doc", ignore_errors=True)
