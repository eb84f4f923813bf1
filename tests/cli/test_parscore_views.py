"""The views inside a ``.parscore`` (the member's signed PDF and workbook of each unit) are
covered by the signed manifest: a package whose view was altered or swapped, or which carries a
file the manifest does not list (in the zip's directory or hidden outside it), is refused by
``parapp verify`` and ``parapp merge`` with a message naming the file, in both languages, and
the round is unchanged. The manifest and its signature are left untouched in every case."""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from parapp.cli import app as cli
from tests.cli.test_export import SHEET, p12, pki, workspace  # noqa: F401 - fixtures
from tests.hostile.world import dump
from tests.hostile.zip_tools import MANIFEST, entries_of, rewrite
from tests.signing_pki import Pki

SIGNATURE = "META-INF/signature.p7s"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


def _edited_workbook(data: bytes) -> bytes:
    """The member's sheet with one more point written in by hand (openpyxl, a real edit)."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book.worksheets[0]
    cell = next(c for row in sheet.iter_rows() for c in row if isinstance(c.value, (int, float)))
    cell.value = cell.value + 1
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _hide_a_file(src: Path, dst: Path, name: str, payload: bytes) -> Path:
    """Insert a local file record that the central directory does not list (a streaming unzip
    still finds it), fixing only the end record's directory offset."""
    data = src.read_bytes()
    with zipfile.ZipFile(src) as archive:
        start = archive.start_dir
    raw = name.encode()
    local = struct.pack(
        "<4s5H3L2H", b"PK\x03\x04", 20, 0, 0, 0, 0, zlib.crc32(payload), len(payload),
        len(payload), len(raw), 0,
    ) + raw + payload  # fmt: skip
    tail = bytearray(data[start:])
    end = tail.rfind(b"PK\x05\x06")
    struct.pack_into("<L", tail, end + 16, struct.unpack_from("<L", tail, end + 16)[0] + len(local))
    dst.write_bytes(data[:start] + local + bytes(tail))
    return dst


Tamper = Callable[[Path, Path], Path]


def _replaced(name: str, by: Callable[[dict[str, bytes]], bytes]) -> Tamper:
    return lambda src, dst: rewrite(src, dst, {name: by(entries_of(src))})


def _added(name: str, by: Callable[[dict[str, bytes]], bytes]) -> Tamper:
    return lambda src, dst: rewrite(src, dst, {}, [(name, by(entries_of(src)))])


CASES: dict[str, tuple[Tamper, str]] = {
    "pdf-swapped": (_replaced("phieu-cham-A.pdf", lambda e: e["phieu-cham-B.pdf"]),
                    "phieu-cham-A.pdf"),
    "xlsx-edited": (_replaced("phieu-cham-A.xlsx",
                              lambda e: _edited_workbook(e["phieu-cham-A.xlsx"])),
                    "phieu-cham-A.xlsx"),
    "extra-view": (_added("phieu-cham-C.pdf", lambda e: e["phieu-cham-B.pdf"]), "phieu-cham-C.pdf"),
    "extra-file": (_added("ghi-chu.txt", lambda e: b"x"), "ghi-chu.txt"),
    "hidden-file": (lambda src, dst: _hide_a_file(src, dst, "an-giau.pdf",
                                                  entries_of(src)["phieu-cham-B.pdf"]),
                    "an-giau.pdf"),
}  # fmt: skip


@pytest.fixture
def submitted(
    pki: Pki,  # noqa: F811 - the fixture
    workspace: Path,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> Path:
    """The member's really signed package, with every unit's PDF and workbook."""
    package = tmp_path / "nop" / "m1.parscore"
    code, _, err = run(["submit", str(workspace), "-o", str(package), *SHEET, *p12(pki)], capsys)
    assert (code, err) == (0, "")
    return package


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_tampered_view_or_an_unlisted_file_refuses_the_package(
    case: str,
    submitted: Path,
    pki: Pki,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    tamper, named = CASES[case]
    bad = tamper(submitted, tmp_path / f"{case}.parscore")
    original, changed = entries_of(submitted), entries_of(bad)
    assert changed[MANIFEST] == original[MANIFEST]  # signed manifest untouched
    assert changed[SIGNATURE] == original[SIGNATURE]
    ca = ["--ca", str(pki.ca_pem)]
    for lang, verdict in (("vi", "Không đạt"), ("en", "FAILED")):
        code, out, err = run(["--lang", lang, "verify", str(bad), *ca], capsys)
        assert code == 1, out
        assert err.startswith(f"{verdict}: {bad.name}: "), err
        assert named in err
        assert f"    {named}: {'LỖI' if lang == 'vi' else 'FAILED'} — " in out, out
    round_path = tmp_path / "r.parround"
    before = dump(round_path)
    for lang, words in (("vi", ("bị từ chối", named)), ("en", ("refused", named))):
        code, out, err = run(["--lang", lang, "merge", str(round_path), str(bad), *ca], capsys)
        assert code == 1, out
        assert all(w in err for w in words), err
        assert dump(round_path) == before
    # the refused copy is kept read-only by its hash for the inbox, never merged from
    archive = round_path.with_name(round_path.name + ".submissions")
    kept = [p.name for p in archive.iterdir()]
    assert kept == [hashlib.sha256(bad.read_bytes()).hexdigest()]
    # the untouched package merges: the round was open to this member all along
    code, out, err = run(["merge", str(round_path), str(submitted), *ca], capsys)
    assert (code, err) == (0, ""), err
    assert dump(round_path) != before
