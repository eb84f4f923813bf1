"""``parapp sign …`` and ``parapp verify FILE`` end to end: real keys, a real token, real files,
one changed byte of each kind of file refused with exit 1 naming the file."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

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
    sample_pdf,
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
        {"code": "1", "name": "Chỉ đạo", "maximum": "3"},
        {"code": "1.1", "name": "Ban hành kế hoạch", "maximum": "3"},
    ],
}


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def pki(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Pki:
    monkeypatch.setenv("P12_PASS", P12_PASSPHRASE)
    return make_pki(tmp_path / "pki", "Đỗ Thị Thư Ký")


def p12(pki: Pki) -> list[str]:
    return ["--p12", str(pki.member_p12), "--passphrase-env", "P12_PASS", "--ca", str(pki.ca_pem)]


def flip(path: Path, position: int) -> None:
    data = bytearray(path.read_bytes())
    data[position] ^= 0x01
    path.write_bytes(bytes(data))


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    with rounds.create_round(tmp_path / "r.parround", from_dict(SET), "Thử") as secretary:
        rounds.add_units(secretary, [("A", "Sở A", "so")])
        rounds.add_member(secretary, "m1", "Đỗ Thị Thư Ký", "Ủy viên")
        rounds.advance_phase(secretary, Phase.ROUND_1)
        package = packages.build_member_package(secretary, "m1", tmp_path / "out").path
    with packages.open_member_package(package, tmp_path / "ws", actor="m1") as ctx:
        scoring.save_appraisal(ctx, "m1", "A", "1.1", "2,5")
        return ctx.path


def test_pdf_signed_and_verified_in_both_languages(
    pki: Pki, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "bien-ban.pdf"
    pdf.write_bytes(sample_pdf())
    code, out, err = run(["sign", "pdf", str(pdf), *p12(pki)], capsys)
    assert (code, err) == (0, "")
    signed = tmp_path / "bien-ban-signed.pdf"
    assert out == (
        f"Đã ký: {signed} — Đỗ Thị Thư Ký, hợp lệ – chưa kiểm tra thu hồi; "
        "không có dấu thời gian (PAdES B-B, ký ngoại tuyến).\n"
    )
    code, out, err = run(["verify", str(signed), "--ca", str(pki.ca_pem)], capsys)
    assert (code, err) == (0, "")
    assert "Người ký: Đỗ Thị Thư Ký" in out
    assert re.search(r"Dấu vân tay chứng thư \(SHA-256\): ([0-9A-F]{2}:){31}[0-9A-F]{2}", out)
    assert "Thời gian ký: " in out
    assert "Toàn vẹn: nguyên vẹn" in out
    assert "Trạng thái: hợp lệ – chưa kiểm tra thu hồi" in out
    assert "Kết luận: hợp lệ – chưa kiểm tra thu hồi" in out
    code, out, _ = run(["--lang", "en", "verify", str(signed), "--ca", str(pki.ca_pem)], capsys)
    assert code == 0
    assert "Trust: valid – revocation not checked" in out
    assert "Integrity: intact" in out
    # Not trusted without the CA: still intact and signed (exit 0), refused with --strict.
    code, out, _ = run(["verify", str(signed)], capsys)
    assert code == 0
    assert "Trạng thái: chưa xác minh được người ký" in out
    code, _, err = run(["verify", str(signed), "--strict"], capsys)
    assert code == 1
    assert "Chưa xác minh được người ký" in err
    code, out, _ = run(
        ["verify", str(signed), "--ca", str(pki.ca_pem), "--crl", str(pki.crl_der)], capsys
    )
    assert code == 0
    assert "Trạng thái: hợp lệ\n" in out
    flip(signed, len(signed.read_bytes()) // 3)
    code, out, err = run(["verify", str(signed), "--ca", str(pki.ca_pem)], capsys)
    assert code == 1
    assert "Kết luận: không hợp lệ" in out
    assert err == "Không đạt: bien-ban-signed.pdf: bien-ban-signed.pdf\n"


def test_workbook_signature_beside_it(
    pki: Pki, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = tmp_path / "phieu.xlsx"
    workbook.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 8)
    code, out, _ = run(["sign", "xlsx", str(workbook), *p12(pki)], capsys)
    assert code == 0
    assert out.startswith(f"Đã ký: {workbook}.p7s")
    assert run(["verify", str(workbook), "--ca", str(pki.ca_pem)], capsys)[0] == 0
    flip(workbook, 300)
    code, _, err = run(["--lang", "en", "verify", str(workbook), "--ca", str(pki.ca_pem)], capsys)
    assert code == 1
    assert err == "FAILED: phieu.xlsx: phieu.xlsx\n"
    lone = tmp_path / "lone.xlsx"
    lone.write_bytes(b"PK")
    code, out, err = run(["verify", str(lone)], capsys)
    assert code == 1
    assert "không có tệp chữ ký lone.xlsx.p7s bên cạnh" in out


def test_score_package_from_a_workspace_and_a_changed_entry(
    pki: Pki, workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "nop"
    out_dir.mkdir()
    code, out, err = run(["sign", "package", str(workspace), "-o", str(out_dir), *p12(pki)], capsys)
    assert (code, err) == (0, "")
    [package] = out_dir.glob("T-SO_m1_*.parscore")
    assert f"Đã đóng gói và ký {package} (1 đơn vị" in out
    code, out, _ = run(["verify", str(package), "--ca", str(pki.ca_pem)], capsys)
    assert code == 0
    assert "thành viên m1" in out
    assert "scores.json: khớp" in out
    # Flip a byte inside the compressed scores.json: the zip's CRC names the entry.
    with zipfile.ZipFile(package) as archive:
        info = archive.getinfo("scores.json")
    damaged = tmp_path / "damaged.parscore"
    damaged.write_bytes(package.read_bytes())
    flip(damaged, info.header_offset + 30 + len("scores.json") + 3)
    code, out, err = run(["verify", str(damaged), "--ca", str(pki.ca_pem)], capsys)
    assert code == 1
    assert err == "Không đạt: damaged.parscore: scores.json\n"
    # Rewrite scores.json with one byte changed (valid zip): the manifest hash names it.
    with zipfile.ZipFile(package) as archive:
        entries = [(i, archive.read(i.filename)) for i in archive.infolist()]
    rewritten = tmp_path / "rewritten.parscore"
    with zipfile.ZipFile(rewritten, "w") as archive:
        for entry, data in entries:
            changed = data.replace(b'"2.5"', b'"3.5"') if entry.filename == "scores.json" else data
            archive.writestr(entry, changed)
    code, out, err = run(["verify", str(rewritten), "--ca", str(pki.ca_pem)], capsys)
    assert code == 1
    assert "scores.json: LỖI — sai mã băm SHA-256" in out
    assert err == "Không đạt: rewritten.parscore: scores.json\n"
    flip(package, len(package.read_bytes()) - 30)  # the zip directory itself
    assert run(["verify", str(package)], capsys)[0] == 1


def test_new_certificate_and_wrong_passphrase(
    pki: Pki, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEW_PASS", "mot-mat-khau-dai")
    profile = tmp_path / "profile"
    code, out, err = run(
        ["sign", "new-cert", "--folder", str(profile), "--name", "Vũ Văn Mới",
         "--passphrase-env", "NEW_PASS"],
        capsys,
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert "Đã tạo chứng thư số cho Vũ Văn Mới" in out
    [p12_file] = profile.glob("*.p12")
    [pem] = profile.glob("*.pem")
    assert f"khóa: {p12_file}" in out
    assert re.search(r"dấu vân tay SHA-256 \(gửi thư ký đăng ký\): ([0-9A-F]{2}:){31}", out)
    monkeypatch.setenv("BAD", "sai")
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(sample_pdf())
    code, out, err = run(
        ["sign", "pdf", str(pdf), "--p12", str(p12_file), "--passphrase-env", "BAD"], capsys
    )
    assert code == 1
    assert "mật khẩu không đúng" in err
    monkeypatch.setenv("SHORT", "ngan")
    code, _, err = run(
        ["sign", "new-cert", "--folder", str(profile), "--name", "X", "--passphrase-env", "SHORT"],
        capsys,
    )
    assert code == 1
    assert "ít nhất 8 ký tự" in err
    signed = run(
        ["sign", "pdf", str(pdf), "--p12", str(p12_file), "--passphrase-env", "NEW_PASS"], capsys
    )
    assert signed[0] == 0
    assert "chưa xác minh được người ký" in signed[1]
    code, out, _ = run(["verify", str(tmp_path / "a-signed.pdf"), "--ca", str(pem)], capsys)
    assert code == 0
    assert "Kết luận: hợp lệ – chưa kiểm tra thu hồi" in out


@pytest.fixture
def token(tmp_path: Path, pki: Pki, monkeypatch: pytest.MonkeyPatch) -> Iterator[SoftToken]:
    created = create_softhsm_token(tmp_path / "hsm", pki)
    monkeypatch.setenv("SOFTHSM2_CONF", str(created.conf))
    unload_softhsm()  # SoftHSM2 reads SOFTHSM2_CONF when loaded
    yield created
    unload_softhsm()


def test_token_listing_and_signing_and_a_wrong_pin(
    token: SoftToken,
    pki: Pki,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PIN", USER_PIN)
    monkeypatch.setenv("BAD_PIN", "999999")
    module = str(SOFTHSM_MODULE)
    code, out, _ = run(["sign", "tokens", "--pkcs11", module, "--pin-env", "PIN"], capsys)
    assert code == 0
    assert out.startswith("council\tSoftHSM project")
    assert "  01\tĐỗ Thị Thư Ký\t" in out
    assert "\tcó khóa\n" in out
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(sample_pdf())
    token_args = ["--pkcs11", module, "--token", "council", "--key-id", "01"]
    code, _, err = run(["sign", "pdf", str(pdf), *token_args, "--pin-env", "BAD_PIN"], capsys)
    assert code == 1
    assert "Mã PIN của thiết bị “council” không đúng. parapp không thử lại" in err
    assert not (tmp_path / "a-signed.pdf").exists()
    code, out, err = run(
        ["sign", "pdf", str(pdf), *token_args, "--pin-env", "PIN", "--ca", str(pki.ca_pem)], capsys
    )
    assert code == 0
    # The wrong PIN left the token "count low": the next run warns first.
    assert err.startswith("Thiết bị “council”: mã PIN đã bị nhập sai")
    code, out, _ = run(["verify", str(tmp_path / "a-signed.pdf"), "--ca", str(pki.ca_pem)], capsys)
    assert code == 0
    assert "Người ký: Đỗ Thị Thư Ký" in out
