"""``parapp criteria diff``: bundled sets and files, both languages, refusals with exit 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parapp.cli import app as cli
from parapp.io.criteria import workbook as criteria_workbook
from parapp.services import criteria_sets


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_last_years_department_set_against_the_2026_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["criteria", "diff", "PAR-SO-2026", "PAR-SBN-2026"], capsys)
    assert (code, err) == (0, "")
    assert out.startswith("PAR-SO-2026 → PAR-SBN-2026: thang 100,00 điểm\n")
    assert "  Bỏ (26):\n" in out
    assert "    - 9 ĐIỂM THƯỞNG: 3,00 (và 4 mục con)\n" in out
    assert "    + 3.2.4 Tiếp nhận, giải quyết thủ tục hành chính không phụ thuộc địa giới" in out
    # Area 7 changes differently for the two unit types.
    assert (
        "    7 Xây dựng và phát triển chính quyền điện tử, chính quyền số: "
        "so: 15,00 → 12,00; so-khong-tthc: 11,00 → 7,50\n" in out
    )
    code, out, _ = run(["--lang", "en", "criteria", "diff", "PAR-SO-2026", "PAR-SBN-2026"], capsys)
    assert code == 0
    assert "  Removed (26):\n" in out
    assert "    - 9 ĐIỂM THƯỞNG: 3.00 (and 4 below it)\n" in out


def test_communes_2024_to_2026_types_and_moves(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["criteria", "diff", "PAR-HUYEN-XA-2024", "PAR-XA-2026"], capsys)
    assert code == 0
    assert "  Loại đơn vị thêm (2):\n    + phuong\n    + dac-khu\n" in out
    assert "  Loại đơn vị bỏ (1):\n    - huyen\n" in out
    assert "    ~ 5.5.3 → 5.3.2 Không có cán bộ, công chức bị xử lý kỷ luật\n" in out


def test_a_workbook_against_its_json_is_unchanged(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    xlsx, js = tmp_path / "xa.xlsx", tmp_path / "xa.json"
    criteria_workbook.write_workbook(criteria_sets.find_bundled("PAR-XA-2026"), xlsx)
    run(["criteria", "export", "PAR-XA-2026", str(js)], capsys)
    code, out, _ = run(["criteria", "diff", str(js), str(xlsx)], capsys)
    assert (code, out) == (
        0,
        "PAR-XA-2026 → PAR-XA-2026: thang 100,00 điểm\n"
        "  Không có thay đổi về mục, tên và điểm tối đa.\n",
    )


def test_sets_of_different_scales_are_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(["criteria", "diff", "PAR-SBN-2026", "PAPI-2018"], capsys)
    assert (code, out) == (1, "")
    assert err == (
        "Không so sánh được PAR-SBN-2026 (thang 100,00 điểm) với PAPI-2018 (thang 80,00 điểm): "
        "hai bộ tiêu chí khác thang điểm.\n"
    )
    code, _, err = run(
        ["--lang", "en", "criteria", "diff", "PAR-SBN-2026", "PAR-NGANH-DOC-2026"], capsys
    )
    assert code == 1
    assert "(out of 100.00 points) with PAR-NGANH-DOC-2026 (out of 75.00 points)" in err
    # From files, the message names the files too (last year's and this year's may share an id).
    scaled = tmp_path / "sbn-80.json"
    data = json.loads(criteria_sets.bundled_dir().joinpath("par-sbn-2026.json").read_text())
    data["nodes"] = [n for n in data["nodes"] if not n["code"].startswith("8")]
    scaled.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, _, err = run(["criteria", "diff", "PAR-SBN-2026", str(scaled)], capsys)
    assert code == 1
    assert err.startswith(f"PAR-SBN-2026 → {scaled}: Không so sánh được PAR-SBN-2026 (thang 100,00")
    assert "PAR-SBN-2026 (thang 76,00 điểm)" in err
    assert "Traceback" not in err


def test_an_unknown_set_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["criteria", "diff", "PAR-SBN-2026", "NOPE"], capsys)
    assert (code, out) == (1, "")
    assert "Không có bộ tiêu chí “NOPE”" in err
