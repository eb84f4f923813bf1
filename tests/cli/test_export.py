"""``parapp export`` and ``parapp submit`` end to end: a member's workspace, a real PKCS#12 key and
a real SoftHSM2 token; pdfsig, openssl and ``parapp verify`` judge the results."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from parapp.cli import app as cli
from parapp.core.criteria_codec import from_dict
from parapp.core.rounds import Phase
from parapp.services import packages, rounds, scoring
from tests.signing_pki import (
    P12_PASSPHRASE,
    SOFTHSM_MODULE,
    USER_PIN,
    Pki,
    SoftToken,
    create_softhsm_token,
    make_pki,
    unload_softhsm,
)

SET = {
    "format": "parapp-criteria",
    "format_version": 1,
    "form_id": "T-SO",
    "version": "2026010101",
    "year": 2026,
    "name": "Bộ thử",
    "unit_types": [{"code": "so", "label": "Sở"}],
    "classes": [{"label": "Tốt", "lower": "80"}, {"label": "Yếu", "lower": "0"}],
    "nodes": [
        {"code": "1", "name": "Chỉ đạo, điều hành", "maximum": "3"},
        {"code": "1.1", "name": "Ban hành kế hoạch cải cách hành chính", "maximum": "3"},
    ],
}
MEMBER = "Đỗ Thị Thư Ký"
pdfsig = pytest.mark.skipif(shutil.which("pdfsig") is None, reason="needs poppler's pdfsig")


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def pki(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Pki:
    monkeypatch.setenv("P12_PASS", P12_PASSPHRASE)
    return make_pki(tmp_path / "pki", MEMBER)


@pytest.fixture
def workspace(tmp_path: Path, pki: Pki) -> Path:
    """A member's workspace over two units, scored, with the member's certificate registered."""
    der = pki.member_cert.public_bytes(serialization.Encoding.DER)
    with rounds.create_round(tmp_path / "r.parround", from_dict(SET), "Thử") as secretary:
        rounds.add_units(secretary, [("A", "Sở A", "so"), ("B", "Sở B", "so")])
        rounds.add_member(secretary, "m1", MEMBER, "Ủy viên", certificate_der=der)
        rounds.advance_phase(secretary, Phase.ROUND_1)
        package = packages.build_member_package(secretary, "m1", tmp_path / "out").path
    with packages.open_member_package(package, tmp_path / "ws", actor="m1") as ctx:
        scoring.save_appraisal(ctx, "m1", "A", "1.1", "2,5")
        scoring.save_appraisal(ctx, "m1", "B", "1.1", "3")
        return ctx.path


def p12(pki: Pki) -> list[str]:
    return ["--p12", str(pki.member_p12), "--pass-env", "P12_PASS", "--ca", str(pki.ca_pem)]


SHEET = ["--place", "Thái Nguyên", "--date", "2026-12-15"]


def pdfsig_report(pdf: Path) -> str:
    return subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True, check=True).stdout


def openssl_verify(content: Path, p7s: Path, ca: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-content", str(content),
         "-in", str(p7s), "-CAfile", str(ca), "-out", os.devnull],
        check=False, capture_output=True, text=True,
    )  # fmt: skip


@pdfsig
def test_export_with_a_key_file_signs_the_pdf_and_the_workbook(
    pki: Pki, workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf, xlsx = tmp_path / "phieu-A.pdf", tmp_path / "phieu-A.xlsx"
    code, out, err = run(
        ["export", str(workspace), "--unit", "A", "--pdf", str(pdf), "--xlsx", str(xlsx),
         *SHEET, *p12(pki)],
        capsys,
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert f"Đã xuất và ký: {pdf} — {MEMBER}, hợp lệ – chưa kiểm tra thu hồi." in out
    assert f"Đã xuất và ký: {xlsx}.p7s — {MEMBER}" in out
    report = pdfsig_report(pdf)
    assert "Signature is Valid" in report
    assert "Total document signed" in report
    assert "ChuKy1" in report
    checked = openssl_verify(xlsx, xlsx.with_name(xlsx.name + ".p7s"), pki.ca_pem)
    assert checked.returncode == 0, checked.stderr
    assert "Verification successful" in checked.stderr
    assert run(["verify", str(xlsx), "--ca", str(pki.ca_pem), "--strict"], capsys)[0] == 0


def test_export_refusals_exit_1_with_a_clear_message(
    pki: Pki, workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "x.pdf"
    code, _, err = run(["export", str(workspace), "--unit", "A", *SHEET, *p12(pki)], capsys)
    assert code == 1
    assert "--pdf TỆP và/hoặc --xlsx TỆP" in err
    code, _, err = run(
        ["--lang", "en", "export", str(workspace), "--unit", "Z", "--pdf", str(pdf), *SHEET,
         *p12(pki)],
        capsys,
    )  # fmt: skip
    assert code == 1
    assert "No unit “Z”" in err
    assert not pdf.exists()
    code, _, err = run(
        ["export", str(workspace), "--unit", "A", "--pdf", str(pdf), *SHEET,
         "--p12", str(pki.member_p12), "--pass-env", "UNSET_PARAPP_VAR"],
        capsys,
    )  # fmt: skip
    assert code == 1
    assert "Biến môi trường UNSET_PARAPP_VAR chưa được đặt." in err


@pytest.fixture
def token(tmp_path: Path, pki: Pki, monkeypatch: pytest.MonkeyPatch) -> Iterator[SoftToken]:
    created = create_softhsm_token(tmp_path / "hsm", pki)
    monkeypatch.setenv("SOFTHSM2_CONF", str(created.conf))
    unload_softhsm()  # SoftHSM2 reads SOFTHSM2_CONF when loaded
    yield created
    unload_softhsm()


@pdfsig
def test_export_with_a_token_and_a_wrong_pin_tried_once(
    token: SoftToken,
    pki: Pki,
    workspace: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PIN", USER_PIN)
    monkeypatch.setenv("BAD_PIN", "999999")
    hsm = ["--pkcs11-lib", str(SOFTHSM_MODULE), "--token-label", token.label, "--key-id", "01"]
    pdf, xlsx = tmp_path / "b.pdf", tmp_path / "b.xlsx"
    args = ["export", str(workspace), "--unit", "B", "--pdf", str(pdf), "--xlsx", str(xlsx)]
    code, out, err = run([*args, *SHEET, *hsm, "--pin-env", "BAD_PIN"], capsys)
    assert code == 1
    assert out == ""
    assert f"Mã PIN của thiết bị “{token.label}” không đúng. parapp không thử lại" in err
    assert not pdf.exists()
    code, out, err = run([*args, *SHEET, *hsm, "--pin-env", "PIN", "--ca", str(pki.ca_pem)], capsys)
    assert code == 0
    # The wrong PIN left the token "count low": the next run warns first.
    assert err.startswith("Thiết bị “council”: mã PIN đã bị nhập sai")
    report = pdfsig_report(pdf)
    assert "Signature is Valid" in report
    assert "Total document signed" in report
    assert openssl_verify(xlsx, xlsx.with_name("b.xlsx.p7s"), pki.ca_pem).returncode == 0
    code, _, err = run(
        ["submit", str(workspace), "-o", str(tmp_path / "t.parscore"), *SHEET, *hsm,
         "--pin-env", "BAD_PIN"],
        capsys,
    )  # fmt: skip
    assert code == 1
    assert "không thử lại" in err
    assert not (tmp_path / "t.parscore").exists()


def flip(path: Path, position: int) -> None:
    data = bytearray(path.read_bytes())
    data[position] ^= 0x01
    path.write_bytes(bytes(data))


def test_submit_packages_every_unit_with_its_sheets_and_verify_refuses_a_flipped_byte(
    pki: Pki, workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "nop" / "m1.parscore"
    code, out, err = run(["submit", str(workspace), "-o", str(package), *SHEET, *p12(pki)], capsys)
    assert (code, err) == (0, "")
    assert f"Đã ký và nộp {package} (2 đơn vị; mã nộp " in out
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
    assert names == {
        "scores.json", "phieu-cham-A.pdf", "phieu-cham-A.xlsx", "phieu-cham-B.pdf",
        "phieu-cham-B.xlsx", "META-INF/manifest.json", "META-INF/signature.p7s",
    }  # fmt: skip
    assert [p.name for p in package.parent.iterdir()] == ["m1.parscore"]  # no scratch left
    code, out, err = run(["verify", str(package), "--ca", str(pki.ca_pem), "--strict"], capsys)
    assert (code, err) == (0, "")
    assert "phieu-cham-A.pdf: khớp" in out
    first = out.split("mã nộp ")[1].split(";")[0]
    # A corrected re-export names the submission it replaces.
    again = tmp_path / "nop" / "m1-sua.parscore"
    code, out, err = run(
        ["--lang", "en", "submit", str(workspace), "-o", str(again), "--deprecates", first,
         "--no-views", *SHEET, *p12(pki)],
        capsys,
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert f"replaces {first})" in out
    code, out, _ = run(["verify", str(again), "--ca", str(pki.ca_pem)], capsys)
    assert code == 0
    assert f"Thay thế lần nộp {first}" in out
    flip(package, len(package.read_bytes()) // 2)
    code, out, err = run(["verify", str(package), "--ca", str(pki.ca_pem)], capsys)
    assert code == 1
    assert err.startswith("Không đạt: m1.parscore: ")
    assert "Kết luận: không hợp lệ" in out


def test_submit_refuses_a_bad_id_and_another_certificate(
    pki: Pki, workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "x.parscore"
    code, _, err = run(
        ["submit", str(workspace), "-o", str(target), "--deprecates", "abc", *SHEET, *p12(pki)],
        capsys,
    )
    assert code == 1
    assert "“abc” không phải là mã nộp" in err
    other = make_pki(tmp_path / "other", "Người Khác")
    code, _, err = run(
        ["submit", str(workspace), "-o", str(target), *SHEET, "--p12", str(other.member_p12),
         "--pass-env", "P12_PASS", "--ca", str(other.ca_pem)],
        capsys,
    )  # fmt: skip
    assert code == 1
    assert "không phải chứng thư đã đăng ký cho thành viên “m1”" in err
    assert not target.exists()
    assert not list(tmp_path.glob(".parscore-*"))


def test_the_passphrase_comes_from_the_environment_and_is_never_printed(
    pki: Pki, workspace: Path, tmp_path: Path
) -> None:
    # No option takes a secret's value: argparse refuses the obvious spellings.
    for option in ("--pass", "--passphrase", "--pin"):
        with pytest.raises(SystemExit):
            cli.build_parser().parse_args(
                ["export", str(workspace), "--unit", "A", "--pdf", "x.pdf", *SHEET, option, "s"]
            )
    pdf = tmp_path / "p.pdf"
    argv = [sys.executable, "-m", "parapp", "--debug", "export", str(workspace), "--unit", "A",
            "--pdf", str(pdf), *SHEET, *p12(pki)]  # fmt: skip
    assert not any(P12_PASSPHRASE in arg for arg in argv)
    env = {**os.environ, "P12_PASS": P12_PASSPHRASE, "XDG_STATE_HOME": str(tmp_path / "state")}
    done = subprocess.run(argv, check=False, env=env, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert pdf.is_file()
    assert P12_PASSPHRASE.encode() not in done.stdout + done.stderr
    logged = "".join(
        p.read_text(errors="replace") for p in (tmp_path / "state").rglob("*") if p.is_file()
    )
    assert "signed p.pdf" in logged  # the log was written, the passphrase was not
    assert P12_PASSPHRASE not in logged
