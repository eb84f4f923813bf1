"""``parapp merge`` of packages correctly signed by a registered member whose values break the
criteria set (issue 11, section 1): exit 1, every problem named in both languages, the round's
scores unchanged; warnings a member may sign with are merged and listed."""

from __future__ import annotations

from pathlib import Path

import pytest

from parapp.cli import app as cli
from parapp.services import rounds
from parapp.services.context import open_round
from tests.services.merge_world import Keys, make_keys
from tests.services.validation_world import (
    dump,
    make_bounds_round,
    score_rows,
    scores_json,
    signed_scores,
)


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return make_keys(tmp_path_factory.mktemp("keys"), ("m1", "m2"))


@pytest.fixture
def round_path(tmp_path: Path, keys: Keys) -> Path:
    path = tmp_path / "dot.parround"
    make_bounds_round(path, keys).close()
    return path


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _package(
    round_path: Path, keys: Keys, out: Path, member: str, data: dict[str, dict[str, str]]
) -> Path:
    with open_round(round_path) as ctx:
        rid = rounds.round_info(ctx).id
    return signed_scores(out, rid, keys, member, scores_json(rid, member, data))[0]


def _merge(round_path: Path, keys: Keys, *files: Path) -> list[str]:
    return ["merge", str(round_path), *map(str, files), "--ca", str(keys.folder / "ca.pem")]


def test_out_of_range_values_refuse_the_package_in_both_languages(
    round_path: Path, keys: Keys, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _package(round_path, keys, tmp_path / "m1.parscore", "m1", {"A": {"1.2": '"3"'}})
    assert _run(_merge(round_path, keys, good), capsys)[0] == 0
    bad = _package(
        round_path,
        keys,
        tmp_path / "m2.parscore",
        "m2",
        {"A": {"1.1": '"5"', "1.2": '"999999999999"', "1.3": '"3"'}, "B": {"2.1": '"-5"'}},
    )
    rows, scores = dump(round_path), score_rows(round_path)
    assert any(row[2] == "m1" for row in scores)

    code, out, err = _run(_merge(round_path, keys, bad), capsys)
    assert code == 1, (out, err)
    assert "Traceback" not in out + err
    assert "m2.parscore: bị từ chối – scores.json: bản nộp của thành viên Trần Thị Hai (m2) " in err
    assert "có 3 điểm không hợp lệ nên không điểm nào được nhập:" in err
    assert (
        "    ✗ đơn vị A – Sở Tư pháp, mục 1.1: điểm thẩm định 5,00 vượt điểm tối đa 1,00\n" in err
    )
    assert "mục 1.2: điểm thẩm định 999999999999,00 vượt điểm tối đa 4,00" in err
    assert "đơn vị B – Sở Tài chính, mục 2.1: điểm thẩm định -5,00 thấp hơn điểm tối thiểu" in err
    assert "Tổng: 1 bị từ chối." in out
    assert dump(round_path) == rows
    assert score_rows(round_path) == scores

    code, out, err = _run(["--lang", "en", *_merge(round_path, keys, bad)], capsys)
    assert code == 1
    assert "m2.parscore: refused – scores.json: the submission of member Trần Thị Hai (m2) " in err
    assert "has 3 invalid score(s), so none was merged:" in err
    assert (
        "    ✗ unit A – Sở Tư pháp, item 1.1: appraised score 5.00 exceeds the maximum 1.00\n"
        in err
    )
    assert (
        "unit B – Sở Tài chính, item 2.1: appraised score -5.00 is below the minimum -1.00" in err
    )
    assert not any(word in err for word in ("điểm", "đơn vị", "vượt"))
    assert dump(round_path) == rows


def test_non_canonical_and_non_numbers_are_named_with_the_items_range(
    round_path: Path, keys: Keys, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _package(
        round_path, keys, tmp_path / "m2.parscore", "m2", {"A": {"1.2": '"+1"', "1.3": "2.5"}}
    )
    rows = dump(round_path)
    code, _, err = _run(["--lang", "en", *_merge(round_path, keys, bad)], capsys)
    assert code == 1
    assert 'item 1.2: the value "+1" is not written in the score file\'s canonical form' in err
    assert "(the item scores from 0.00 to 4.00)" in err
    assert "item 1.3: the value 2.5 is not a number written as text" in err
    code, _, err = _run(_merge(round_path, keys, bad), capsys)
    assert code == 1
    assert 'mục 1.2: giá trị "+1" không viết theo dạng chuẩn của tệp điểm' in err
    assert dump(round_path) == rows


def test_a_good_and_a_bad_package_in_one_run(
    round_path: Path, keys: Keys, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _package(round_path, keys, tmp_path / "m1.parscore", "m1", {"A": {"1.1": '"0.5"'}})
    bad = _package(round_path, keys, tmp_path / "m2.parscore", "m2", {"A": {"1.1": '"0.75"'}})
    code, out, err = _run(_merge(round_path, keys, good, bad), capsys)
    assert code == 1
    assert "m1.parscore: đã nhận" in out
    assert "0,75 không phải mức được phép (1,00; 0,50; 0,00)" in err
    assert [row[:5] for row in score_rows(round_path)] == [("A", "1.1", "m1", 1, "0.5")]


def test_warnings_are_merged_and_listed(
    round_path: Path, keys: Keys, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _package(
        round_path, keys, tmp_path / "m2.parscore", "m2", {"A": {"1.2": '"3"', "1.3": '"3"'}}
    )
    code, out, err = _run(_merge(round_path, keys, path), capsys)
    assert code == 0, err
    assert "m2.parscore: đã nhận – đã nhập 2 điểm của Trần Thị Hai (2 thay đổi, 4 cảnh báo)." in out
    assert "    Cảnh báo (4), điểm vẫn được nhập:\n" in out
    assert "    ! A: Mục 1.2: đơn vị tự chấm 4,00 nhưng chưa dẫn tài liệu kiểm chứng.\n" in out
    assert "khác điểm gợi ý 5,00 theo số liệu kê khai 97,00%" in out
    code, out, _ = _run(["--lang", "en", *_merge(round_path, keys, path)], capsys)
    assert code == 0
    assert "already imported" in out
    assert len(score_rows(round_path)) == 2
