"""The demo year end to end, as a new secretary would try it: merge the five members' signed
submissions, publish the results, and see bad files refused without changing anything."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from parapp.cli import app as cli
from parapp.services import rounds
from parapp.services.context import open_round
from tests.hostile.world import INBOX_ROW


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


def dump(path: Path) -> list[str]:
    """The round's rows, without the inbox (it records every offered file, refused ones too)."""
    with sqlite3.connect(path) as raw:
        return [line for line in raw.iterdump() if not line.startswith(INBOX_ROW)]


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("year") / "demo"
    assert cli.main(["demo", str(out)]) == 0
    return out


def test_submissions_merge_and_results_show_every_unit(
    year: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    round_file = tmp_path / "2026-so.parround"
    shutil.copytree(year, tmp_path, dirs_exist_ok=True)
    submissions = sorted(str(p) for p in (tmp_path / "submissions").glob("PAR-SO-2026_*.parscore"))
    assert len(submissions) == 5

    code, out, _ = run(["merge", str(round_file), *submissions], capsys)
    assert code == 0
    assert out.strip().endswith("Tổng: 5 đã nhận.")
    merged = dump(round_file)

    code, out, _ = run(["merge", str(round_file), *submissions], capsys)
    assert (code, out.strip().splitlines()[-1]) == (0, "Tổng: 5 đã nhập.")
    assert dump(round_file) == merged

    tampered = tmp_path / "tampered.parscore"
    data = bytearray(Path(submissions[0]).read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered.write_bytes(bytes(data))
    other_round = sorted((tmp_path / "submissions").glob("PAR-HUYEN-XA-2024_*.parscore"))[0]
    for bad in (tampered, other_round):
        code, out, err = run(["--lang", "en", "merge", str(round_file), str(bad)], capsys)
        assert code == 1
        assert f"{bad.name}: refused" in out + err
        assert dump(round_file) == merged

    xlsx, pdf = tmp_path / "ket-qua.xlsx", tmp_path / "ket-qua.pdf"
    code, _, _ = run(
        [
            "results",
            str(round_file),
            "--xlsx",
            str(xlsx),
            "--pdf",
            str(pdf),
            "--place",
            "Thái Nguyên",
        ],
        capsys,
    )
    assert code == 0
    with open_round(round_file) as ctx:
        units = rounds.list_units(ctx)
    assert len(units) == 19
    book = openpyxl.load_workbook(xlsx, read_only=True)
    ranking = book[book.sheetnames[0]]
    header = next(r for r in ranking.iter_rows(values_only=True) if r[0] == "STT")
    column = {name: i for i, name in enumerate(header)}
    rows = [r for r in ranking.iter_rows(values_only=True) if r[1] in {u.name for u in units}]
    assert len(rows) == 19
    indices = [Decimal(str(r[column["Chỉ số (%)"]])) for r in rows]
    assert indices == sorted(indices, reverse=True)
    assert rows[0][column["Xếp hạng"]] == 1
    assert all(r[column["Xếp loại"]] in {"Tốt", "Khá", "Trung bình", "Yếu"} for r in rows)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "BẢNG TỔNG HỢP KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2026" in text
    assert all(unit.name in text for unit in units)
    assert "THƯ KÝ HỘI ĐỒNG" in text
