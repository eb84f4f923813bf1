"""``parapp sign`` with an EC P-256 key on a SoftHSM2 token: signed and verified; a wrong PIN is
exit 1 with one sentence; the next run warns before the PIN is asked; token failures are
sentences in both languages, never a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from parapp.cli import app as cli
from tests.io.token_pki import make_token_pki, softhsm_token
from tests.signing_pki import SOFTHSM_MODULE, USER_PIN, Pki, SoftToken, sample_pdf

SIGNER = "Đỗ Thị Thư Ký"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def pki(tmp_path: Path) -> Pki:
    return make_token_pki(tmp_path / "pki", SIGNER, "ec-p256")


@pytest.fixture
def token(tmp_path: Path, pki: Pki, monkeypatch: pytest.MonkeyPatch) -> Iterator[SoftToken]:
    monkeypatch.setenv("PIN", USER_PIN)
    monkeypatch.setenv("BAD_PIN", "999999")
    with softhsm_token(tmp_path / "hsm", pki) as created:
        yield created


def _token_args(module: Path = SOFTHSM_MODULE) -> list[str]:
    return ["--pkcs11-lib", str(module), "--token-label", "council", "--key-id", "01"]


def test_ec_token_signs_and_a_wrong_pin_warns_the_next_run_first(
    token: SoftToken, pki: Pki, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(sample_pdf())
    ca = ["--ca", str(pki.ca_pem)]
    code, _, err = run(["sign", "pdf", str(pdf), *_token_args(), "--pin-env", "BAD_PIN"], capsys)
    assert code == 1
    assert "Mã PIN của thiết bị “council” không đúng. parapp không thử lại" in err
    assert "Traceback" not in err
    assert not (tmp_path / "a-signed.pdf").exists()

    code, _, err = run(
        ["--lang", "en", "sign", "pdf", str(pdf), *_token_args(), "--pin-env", "PIN", *ca], capsys
    )
    assert code == 0, err
    # SoftHSM2 set "count low" after the wrong PIN: said before the PIN was read.
    assert "Token “council”: a wrong PIN was entered" in err
    code, out, _ = run(["verify", str(tmp_path / "a-signed.pdf"), *ca], capsys)
    assert code == 0
    assert f"Người ký: {SIGNER}" in out

    workbook = tmp_path / "b.xlsx"
    workbook.write_bytes(b"PK workbook bytes")
    code, _, err = run(
        ["sign", "xlsx", str(workbook), *_token_args(), "--pin-env", "PIN", *ca], capsys
    )
    assert (code, err) == (0, "")  # the right PIN cleared the flag: nothing to warn about
    assert (tmp_path / "b.xlsx.p7s").is_file()


def test_token_failures_are_one_sentence_and_exit_1(
    token: SoftToken, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(sample_pdf())
    not_pkcs11 = tmp_path / "pkcs11.so"
    not_pkcs11.write_text("not a driver")
    cases = [
        (_token_args(tmp_path / "absent.so"), "Không thấy tệp trình điều khiển"),
        (_token_args(not_pkcs11), "không phải trình điều khiển PKCS#11"),
        (["--pkcs11-lib", str(SOFTHSM_MODULE), "--token-label", "absent"], "“absent”"),
        (
            ["--pkcs11-lib", str(SOFTHSM_MODULE), "--token-label", "council", "--key-id", "09"],
            "mã 09",
        ),
    ]
    for args, expected in cases:
        code, out, err = run(["sign", "pdf", str(pdf), *args, "--pin-env", "PIN"], capsys)
        assert code == 1, (args, out, err)
        assert expected in err
        assert "Traceback" not in err
        assert err.count("\n") == 1, err  # one sentence
    assert not (tmp_path / "a-signed.pdf").exists()
