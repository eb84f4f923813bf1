"""Hostile signed score packages through ``parapp verify``: every integrity or format problem
exits 1 naming the file, in both languages, without a traceback; what only the round can judge
(impersonation, assignment, another round) verifies as intact and shows who signed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.corpus_scores import SCORE_CASES, Kit, ScoreCase, ScoreWorld, Verify
from tests.hostile.harness import VI_MARKS, run_cli
from tests.hostile.world import snapshot


def _verify(world: ScoreWorld, path: Path, *extra: str) -> list[str]:
    return ["verify", str(path), "--ca", str(world.ca), *extra]


def test_the_valid_package_verifies(
    score_world: ScoreWorld, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(_verify(score_world, score_world.valid, "--strict"), capsys)
    assert code == 0, (out, err)
    assert "Kết luận: hợp lệ" in out


@pytest.mark.parametrize("case", SCORE_CASES, ids=lambda c: c.id)
def test_verify_hostile_score_package(
    case: ScoreCase, score_world: ScoreWorld, score_kit: Kit, capsys: pytest.CaptureFixture[str]
) -> None:
    path = score_world.hostile / f"{case.id}.parscore"
    case.make(score_world, score_kit, path)
    before = snapshot(score_world.root)
    outputs: dict[str, str] = {}
    for prefix in ([], ["--lang", "en"]):
        code, out, err = run_cli([*prefix, *_verify(score_world, path)], capsys)
        assert "Traceback" not in out + err
        lang = "en" if prefix else "vi"
        outputs[lang] = out + err
        if case.verify is Verify.FAILS:
            assert code == 1, (lang, out, err)
            assert path.name in err
            assert ("FAILED" if prefix else "Không đạt") in err
            for text in case.shows:
                assert text in out + err, (lang, text, out, err)
        else:
            assert code == 0, (lang, out, err)
            assert path.name in out
            if case.signer is not None:
                assert f": {case.signer}" in out, (lang, out)
        if case.verify is Verify.UNTRUSTED:
            expected = "could not be confirmed" if prefix else "chưa xác minh được người ký"
            assert expected in out
            code, _, err = run_cli([*prefix, *_verify(score_world, path, "--strict")], capsys)
            assert code == 1
            assert path.name in err
    assert VI_MARKS.search(outputs["vi"])
    assert not VI_MARKS.search(outputs["en"].replace("Thành viên", "")), outputs["en"]
    assert snapshot(score_world.root) == before
