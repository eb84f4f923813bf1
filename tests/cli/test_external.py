"""``parapp external export|import|list|images`` on a real merged round, in both languages: the
exit status scripts rely on, the refusal's sentence and an unchanged round."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.utils import ImageReader

from parapp.cli import app as cli
from tests.services.external_world import png, sign_elsewhere
from tests.services.meeting_world import dump, meeting_round, world_keys
from tests.services.merge_world import Keys


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return world_keys(tmp_path_factory.mktemp("keys"))


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_export_then_import_signed_elsewhere(
    tmp_path: Path, keys: Keys, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "dot.parround"
    meeting_round(path, keys).close()
    ca = str(keys.folder / "ca.pem")
    out = tmp_path / "phieu.pdf"
    args = ["external", "export", str(path), "sheet:m1:A", "-o", str(out), "--place", "Huế"]
    code, text, _ = run(["--lang", "en", *args], capsys)
    assert code == 0
    assert "Signer 1/1: Thành viên m1 (m1)" in text
    wrong = tmp_path / "sai.pdf"
    wrong.write_bytes(sign_elsewhere(out.read_bytes(), keys.p12["m2"]))
    before = [line for line in dump(path) if "external_return" not in line and "audit" not in line]
    code, _, err = run(["external", "import", str(path), str(wrong), "--ca", ca], capsys)
    assert code == 1
    assert "Từ chối sai.pdf (sheet:m1:A): người ký sai" in err
    assert "Traceback" not in err
    after = [line for line in dump(path) if "external_return" not in line and "audit" not in line]
    assert after == before
    good = tmp_path / "dung.pdf"
    good.write_bytes(sign_elsewhere(out.read_bytes(), keys.p12["m1"]))
    code, text, _ = run(
        ["--lang", "en", "external", "import", str(path), str(good), "--ca", ca], capsys
    )
    assert code == 0
    assert "recorded the signature of Thành viên m1" in text
    code, text, _ = run(["--lang", "en", "external", "list", str(path)], capsys)
    assert "sheet:m1:A  [fully signed]  m1" in text
    assert "refused" in text
    assert "accepted" in text
    code, _, err = run(["external", "export", str(path), "phieu", "-o", str(out)], capsys)
    assert code == 1
    assert "không phải tài liệu ký được" in err


def test_images_are_checked_before_any_is_stored(
    tmp_path: Path, keys: Keys, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "dot.parround"
    meeting_round(path, keys).close()
    signature = tmp_path / "chu-ky.png"
    signature.write_bytes(png((0, 0, 200, 255), (300, 120)))
    assert ImageReader(str(signature)).getSize() == (300, 120)
    bad = tmp_path / "dau.png"
    bad.write_bytes(b"not a png at all")
    before = dump(path)
    code, _, err = run(
        [
            "--lang", "en", "external", "images", str(path),
            "--signature-image", f"ct={signature}", "--seal-image", str(bad),
        ],
        capsys,
    )  # fmt: skip
    assert code == 1
    assert "The seal image is not a valid PNG." in err
    assert dump(path) == before
    seal = tmp_path / "dau-do.png"
    seal.write_bytes(png((220, 0, 0, 255), (200, 200)))
    code, text, _ = run(
        [
            "external", "images", str(path),
            "--signature-image", f"ct={signature}", "--seal-image", str(seal),
        ],
        capsys,
    )  # fmt: skip
    assert code == 0
    assert "stamp.signature.ct" in text
    assert "stamp.seal" in text
