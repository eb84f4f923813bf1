"""Certificates from the command line, with real keys: ``round add-member --certificate`` in PEM,
DER and .p12 (the member then submits and the merge accepts), its refusals; ``verify`` naming
each reason in both languages and ``--strict`` exiting 1 for all; the round's CRL setting used
by ``merge``; ``trust`` refusing an expired certificate; export refusing before writing."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization

from parapp.cli import app as cli
from parapp.core.criteria_codec import from_dict
from parapp.core.rounds import Phase
from parapp.io.packages import score_package
from parapp.io.packages.score_package import SCORES, ScoreManifest
from parapp.io.packages.scores_json import MemberScores, canonical_scores_json
from parapp.io.signing import signers as io_signing
from parapp.services import packages, rounds, scoring, signing
from parapp.services.context import open_round
from parapp.services.signing import Pkcs12Key
from tests.services.merge_world import SET, values
from tests.signing_pki import (
    P12_PASSPHRASE,
    Key,
    Pki,
    expired_and_future,
    issue,
    make_crl,
    make_pki,
    sample_pdf,
    write_p12,
)

INBOX_ROW = 'INSERT INTO "offered_file"'


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(autouse=True)
def passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("P12_PASS", P12_PASSPHRASE)


def new_round(path: Path, at: datetime | None = None) -> Path:
    """A round in appraisal round 1 with unit A and no member yet."""
    moment = at or datetime.now(UTC)
    with rounds.create_round(path, from_dict(dict(SET)), "Đợt thử", clock=lambda: moment) as ctx:
        rounds.add_units(ctx, [("A", "Sở A", "so")])
        rounds.advance_phase(ctx, Phase.ROUND_1)
    return path


def dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as raw:
        # The inbox records every offered file, refused ones too: the rest must not change.
        return [line for line in raw.iterdump() if not line.startswith(INBOX_ROW)]


def package(
    out: Path, round_path: Path, p12: Path, trust_roots: Pki, at: datetime | None = None
) -> Path:
    """m1's signed .parscore (as the member's client writes it, claiming signing time ``at``)."""
    moment = at or datetime.now(UTC)
    with open_round(round_path) as c:
        round_id = rounds.round_info(c).id
    scores = MemberScores("T-MERGE", "2026010101", round_id, "m1", 1, values({"A": {"1.1": "3"}}))
    manifest = ScoreManifest(
        "T-MERGE", "2026010101", round_id, "m1", str(uuid.uuid4()), None,
        moment.isoformat(timespec="seconds"),
    )  # fmt: skip
    key = Pkcs12Key(p12, P12_PASSPHRASE)
    with io_signing.open_signer(key, at=moment, extra_chain=(trust_roots.ca_cert,)) as opened:
        score_package.write_score_package(
            out,
            manifest,
            {SCORES: canonical_scores_json(scores)},
            lambda data: io_signing.sign_detached(data, opened, at=moment),
        )
    return out


def _p12(pki: Pki, name: str, pair: tuple[Key, x509.Certificate]) -> Path:
    return write_p12(pki.folder / f"{name}.p12", pair[0], pair[1], [pki.ca_cert])


@pytest.mark.parametrize("form", ["pem", "der-ec", "p12-env", "p12-prompt"])
def test_add_member_by_each_format_then_the_member_submits_and_the_merge_accepts(
    pki: Pki,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    form: str,
) -> None:
    key, cert = issue(pki.ca_key, pki.ca_cert, "Hoàng Thị Đăng Ký", ec_key=form == "der-ec")
    p12 = _p12(pki, f"dk-{form}", (key, cert))
    extra: list[str] = []
    if form == "pem":
        given = tmp_path / "uv1.pem"
        # a chain file, as issuers hand them out: the member's is the one that is not a CA
        given.write_bytes(
            pki.ca_cert.public_bytes(serialization.Encoding.PEM)
            + cert.public_bytes(serialization.Encoding.PEM)
        )
    elif form == "der-ec":
        given = tmp_path / "uv1.cer"
        given.write_bytes(cert.public_bytes(serialization.Encoding.DER))
    else:
        given = p12
        if form == "p12-env":
            extra = ["--pass-env", "P12_PASS"]
        else:  # the no-echo prompt
            asked: list[str] = []

            def typed(prompt: str) -> str:
                asked.append(prompt)
                return P12_PASSPHRASE

            monkeypatch.setattr("getpass.getpass", typed)
    round_path = new_round(tmp_path / "dot.parround")
    code, out, err = run(
        ["round", "add-member", str(round_path), "--id", "m1", "--name", "Hoàng Thị Đăng Ký",
         "--certificate", str(given), *extra],
        capsys,
    )  # fmt: skip
    assert (code, err) == (0, "")
    fingerprint = cert.fingerprint(hashes.SHA256()).hex().upper()
    grouped = ":".join(fingerprint[i : i + 2] for i in range(0, 64, 2))
    assert "Chứng thư số của: Hoàng Thị Đăng Ký" in out
    assert f"Số hiệu: {format(cert.serial_number, 'X')}" in out
    assert f"Dấu vân tay SHA-256: {grouped}" in out
    assert cert.not_valid_after_utc.astimezone().strftime("%d/%m/%Y") in out
    if form == "p12-prompt":
        assert asked == ["Mật khẩu tệp .p12: "]
    submitted = package(tmp_path / "m1.parscore", round_path, p12, pki)
    code, out, err = run(
        ["merge", str(round_path), str(submitted), "--ca", str(pki.ca_pem)], capsys
    )
    assert (code, err) == (0, ""), err
    assert "đã nhận" in out


def test_add_member_refuses_what_is_not_a_registrable_certificate(
    pki: Pki, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    round_path = new_round(tmp_path / "dot.parround")
    before = dump(round_path)
    key_pem = pki.member_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    cert_pem = pki.member_cert.public_bytes(serialization.Encoding.PEM)
    odd = {
        "ca.crl": (
            pki.crl_der.read_bytes(),
            "không phải là tệp chứng thư số",
            "is not a certificate",
        ),
        "both.pem": (cert_pem + key_pem, "có chứa khóa bí mật", "only the certificate is wanted"),
        "key.der": (
            pki.member_key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            ),
            "có chứa khóa bí mật",
            "holds a private key",
        ),
        "notes.txt": (b"hello", "không phải là tệp chứng thư số", "is not a certificate"),
    }
    for name, (expired_key, expired_cert) in expired_and_future(pki.ca_key, pki.ca_cert).items():
        reason = ("đã hết hạn ngày", "expired on")
        if name == "future":
            reason = ("chưa có hiệu lực đến ngày", "not yet valid")
        del expired_key
        odd[f"{name}.cer"] = (expired_cert.public_bytes(serialization.Encoding.DER), *reason)
    for name, (data, vi, en) in odd.items():
        path = tmp_path / name
        path.write_bytes(data)
        args = ["round", "add-member", str(round_path), "--id", "m9", "--name", "X",
                "--certificate", str(path)]  # fmt: skip
        code, out, err = run(args, capsys)
        assert (code, out) == (1, ""), name
        assert vi in err, (name, err)
        assert "Traceback" not in err
        code, _, err = run(["--lang", "en", *args], capsys)
        assert code == 1
        assert en in err, (name, err)
    wrong = tmp_path / "sai.p12"
    wrong.write_bytes(pki.member_p12.read_bytes())
    code, _, err = run(
        ["round", "add-member", str(round_path), "--id", "m9", "--name", "X", "--certificate",
         str(wrong), "--pass-env", "NO_SUCH_VAR_FOR_TEST"],
        capsys,
    )  # fmt: skip
    assert code == 1
    assert "NO_SUCH_VAR_FOR_TEST" in err
    monkeypatch.setenv("WRONG_PASS", "khong-dung")
    code, _, err = run(
        ["round", "add-member", str(round_path), "--id", "m9", "--name", "X",
         "--certificate", str(wrong), "--pass-env", "WRONG_PASS"],
        capsys,
    )  # fmt: skip
    assert code == 1
    assert "mật khẩu không đúng" in err
    assert dump(round_path) == before


def _verify(
    capsys: pytest.CaptureFixture[str], target: Path, *extra: str
) -> tuple[tuple[int, str, str], tuple[int, str, str], tuple[int, str, str]]:
    plain = run(["verify", str(target), *extra], capsys)
    strict = run(["verify", str(target), *extra, "--strict"], capsys)
    english = run(["--lang", "en", "verify", str(target), *extra, "--strict"], capsys)
    return plain, strict, english


def test_verify_names_every_reason_and_strict_exits_1(
    pki: Pki, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ca = ("--ca", str(pki.ca_pem))
    round_path = new_round(tmp_path / "dot.parround")
    code, _, _ = run(
        ["round", "add-member", str(round_path), "--id", "m1", "--name", "A", "--certificate",
         str(pki.member_pem)],
        capsys,
    )  # fmt: skip
    assert code == 0
    good = package(tmp_path / "good.parscore", round_path, pki.member_p12, pki)
    (plain, strict, _) = _verify(capsys, good, *ca, "--round", str(round_path))
    assert plain[0] == 0
    assert strict[0] == 0
    cases: dict[str, tuple[Path, tuple[str, ...], str, str]] = {}
    for name, pair in expired_and_future(pki.ca_key, pki.ca_cert, ec_key=True).items():
        cert = pair[1]
        at = cert.not_valid_before_utc + timedelta(minutes=30)
        signed = package(tmp_path / f"{name}.parscore", round_path, _p12(pki, name, pair), pki, at)
        if name == "expired":
            cases[name] = (signed, ca, "chứng thư số đã hết hạn ngày", "the certificate expired on")
        else:
            cases[name] = (signed, ca, "chưa có hiệu lực đến ngày", "is not yet valid")
    revoked_crl = tmp_path / "thu-hoi.crl"
    revoked_crl.write_bytes(make_crl(pki.ca_key, pki.ca_cert, (pki.member_cert.serial_number,)))
    cases["revoked"] = (good, (*ca, "--crl", str(revoked_crl)), "bị nơi cấp thu hồi", "revoked")
    cases["untrusted"] = (
        good,
        (),
        "chưa được khai báo là tin cậy",
        "has not been told to trust",
    )
    other = _p12(pki, "khac", issue(pki.ca_key, pki.ca_cert, "Người Khác"))
    stranger = package(tmp_path / "khac.parscore", round_path, other, pki)
    cases["not registered"] = (
        stranger,
        (*ca, "--round", str(round_path)),
        "không phải chứng thư đã đăng ký của thành viên “m1”",
        "not the one registered for member “m1”",
    )
    pdf = tmp_path / "bien-ban.pdf"
    pdf.write_bytes(sample_pdf())
    signed_pdf = signing.sign_pdf_file(
        pdf, Pkcs12Key(pki.member_p12, P12_PASSPHRASE), signing.trust_settings([pki.ca_pem])
    ).path
    data = bytearray(signed_pdf.read_bytes())
    data[len(data) // 3] ^= 0x01  # a byte the signature covers
    signed_pdf.write_bytes(bytes(data))
    cases["modified"] = (signed_pdf, ca, "thay đổi sau khi ký", "changed after it was signed")
    for name, (target, extra, vi, en) in cases.items():
        plain, strict, english = _verify(capsys, target, *extra)
        assert strict[0] == 1, name
        assert english[0] == 1, name
        assert vi in plain[1], (name, plain)
        assert en in english[1], (name, english)
        assert "trusted root" not in english[1] or name == "untrusted", name
        assert "Traceback" not in plain[2] + strict[2] + english[2]
        if name in ("untrusted", "not registered"):
            assert plain[0] == 0, name  # intact and signed: only --strict refuses
            assert vi in strict[2], (name, strict)
        else:
            assert plain[0] == 1, name


def test_round_crl_setting_is_used_by_every_merge_and_audited(
    pki: Pki, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    round_path = new_round(tmp_path / "dot.parround")
    member_key, member_cert = issue(pki.ca_key, pki.ca_cert, "Vũ Bị Thu Hồi")
    p12 = _p12(pki, "thu-hoi", (member_key, member_cert))
    cer = tmp_path / "m1.cer"
    cer.write_bytes(member_cert.public_bytes(serialization.Encoding.DER))
    code, _, err = run(
        ["round", "add-member", str(round_path), "--id", "m1", "--name", "Vũ Bị Thu Hồi",
         "--certificate", str(cer)],
        capsys,
    )  # fmt: skip
    assert (code, err) == (0, "")
    crl = tmp_path / "ca.crl"
    crl.write_bytes(make_crl(pki.ca_key, pki.ca_cert, (member_cert.serial_number,)))
    code, out, err = run(["round", "settings", str(round_path), "--crl", str(crl)], capsys)
    assert (code, err) == (0, "")
    assert "Danh sách thu hồi chứng thư (CRL): 1" in out
    assert "1 chứng thư bị thu hồi" in out
    code, out, _ = run(["--lang", "en", "round", "settings", str(round_path)], capsys)
    assert "1 revoked" in out
    submitted = package(tmp_path / "m1.parscore", round_path, p12, pki)
    before = dump(round_path)
    code, out, err = run(
        ["merge", str(round_path), str(submitted), "--ca", str(pki.ca_pem)], capsys
    )
    assert code == 1
    assert "bị nơi cấp thu hồi" in err
    assert [line for line in dump(round_path) if "INSERT INTO score " in line] == []
    assert [line for line in before if "set_crl" in line]
    code, _, _ = run(["round", "settings", str(round_path), "--no-crl"], capsys)
    assert code == 0
    code, out, err = run(
        ["merge", str(round_path), str(submitted), "--ca", str(pki.ca_pem)], capsys
    )
    assert (code, err) == (0, "")
    with sqlite3.connect(round_path) as raw:
        trail = raw.execute(
            "select old is null, new is null from audit where action = 'set_crl' order by id"
        ).fetchall()
    assert trail == [(1, 0), (0, 1)]


def test_trust_refuses_an_expired_certificate(
    pki: Pki, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pair = expired_and_future(pki.ca_key, pki.ca_cert)["expired"]
    at = pair[1].not_valid_before_utc + timedelta(minutes=30)
    round_path = new_round(tmp_path / "dot.parround", at)
    with open_round(round_path) as ctx:
        rounds.add_member(ctx, "m1", "Trần Hết Hạn", "")
    signed = package(tmp_path / "m1.parscore", round_path, _p12(pki, "het", pair), pki, at)
    before = dump(round_path)
    code, out, err = run(
        ["trust", str(round_path), "--member", "m1", "--package", str(signed), "--ca",
         str(pki.ca_pem)],
        capsys,
    )  # fmt: skip
    assert (code, out) == (1, "")
    assert "đã hết hạn ngày" in err
    assert dump(round_path) == before


def test_export_with_an_expired_key_writes_nothing(
    pki: Pki, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with rounds.create_round(tmp_path / "r.parround", from_dict(dict(SET)), "Thử") as secretary:
        rounds.add_units(secretary, [("A", "Sở A", "so")])
        rounds.add_member(secretary, "m1", "Đỗ Thị Thư Ký", "Ủy viên")
        rounds.advance_phase(secretary, Phase.ROUND_1)
        built = packages.build_member_package(secretary, "m1", tmp_path / "out").path
    with packages.open_member_package(built, tmp_path / "ws", actor="m1") as ctx:
        scoring.save_appraisal(ctx, "m1", "A", "1.1", "2,5")
        workspace = ctx.path
    before = dump(workspace)
    p12 = _p12(pki, "het-han", expired_and_future(pki.ca_key, pki.ca_cert)["expired"])
    pdf, xlsx = tmp_path / "xuat" / "A.pdf", tmp_path / "xuat" / "A.xlsx"
    key = ["--p12", str(p12), "--pass-env", "P12_PASS", "--ca", str(pki.ca_pem)]
    code, _, err = run(
        ["export", str(workspace), "--unit", "A", "--pdf", str(pdf), "--xlsx", str(xlsx),
         "--place", "Thái Nguyên", *key],
        capsys,
    )  # fmt: skip
    assert code == 1
    assert "Chứng thư số đã hết hạn ngày" in err
    code, _, err = run(
        ["--lang", "en", "submit", str(workspace), "-o", str(tmp_path / "nop" / "m1.parscore"),
         "--place", "Thái Nguyên", *key],
        capsys,
    )  # fmt: skip
    assert code == 1
    assert "The certificate expired on" in err
    assert not (tmp_path / "xuat").exists()
    assert not (tmp_path / "nop").exists()
    assert dump(workspace) == before
