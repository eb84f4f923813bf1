"""The scoring window's submission service on a real round: what blocks signing, exports,
a signed and re-verified score package, personal certificates."""

from __future__ import annotations

import datetime as dt
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from parapp.core.errors import SignatureError, ValidationError
from parapp.core.findings import FindingCode
from parapp.services import scoring, submission
from parapp.services.context import RoundContext
from parapp.services.submission import Pkcs12Key, TrustState
from tests.signing_pki import P12_PASSPHRASE, Pki, make_pki
from tests.submission_round import MEMBER, OTHER_UNIT, PLACE, UNIT, UNIT_NAME, make_round

DATE = dt.date(2026, 12, 12)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def ctx(tmp_path: Path, sample_criteria_data: dict[str, Any], pki: Pki) -> Iterator[RoundContext]:
    with make_round(tmp_path / "round", sample_criteria_data, pki) as opened:
        yield opened


def test_appraisal_errors_block_signing_and_self_score_errors_do_not(ctx: RoundContext) -> None:
    assert submission.refusals_before_signing(ctx, MEMBER) == []
    scoring.save_appraisal(ctx, MEMBER, OTHER_UNIT, "1.1.1", "9")
    refusals = submission.refusals_before_signing(ctx, MEMBER)
    assert [(f.unit, f.node, f.code) for f in refusals] == [
        (OTHER_UNIT, "1.1.1", FindingCode.ABOVE_MAX),
        (OTHER_UNIT, "1.1", FindingCode.PARENT_OVER_MAX),
        (OTHER_UNIT, "1", FindingCode.PARENT_OVER_MAX),
    ]
    scoring.save_appraisal(ctx, MEMBER, OTHER_UNIT, "1.1.1", "0,5")
    assert submission.refusals_before_signing(ctx, MEMBER) == []


def test_export_writes_pdf_and_workbook_named_by_unit_and_member(
    ctx: RoundContext, tmp_path: Path
) -> None:
    out = tmp_path / "new" / "folder"
    exported = submission.export_sheets(
        ctx, MEMBER, UNIT, out, pdf=True, xlsx=True, place=PLACE, date=DATE
    )
    assert [p.name for p in exported.files] == [
        f"phieu-cham_{UNIT}_{MEMBER}.pdf",
        f"phieu-cham_{UNIT}_{MEMBER}.xlsx",
    ]
    assert all(p.is_file() for p in exported.files)
    assert exported.pdf_pages is not None
    assert exported.pdf_pages >= 1
    text = subprocess.run(
        ["pdftotext", str(exported.files[0]), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert UNIT_NAME.upper() in text.upper()


@pytest.mark.parametrize(("pdf", "xlsx", "place"), [(False, False, PLACE), (True, False, "  ")])
def test_export_needs_a_format_and_a_place(
    ctx: RoundContext, tmp_path: Path, pdf: bool, xlsx: bool, place: str
) -> None:
    out = tmp_path / "out"
    with pytest.raises(ValidationError):
        submission.export_sheets(ctx, MEMBER, UNIT, out, pdf=pdf, xlsx=xlsx, place=place, date=DATE)
    assert not out.exists()


def test_sign_and_submit_writes_a_verified_package_with_every_unit(
    ctx: RoundContext, pki: Pki, tmp_path: Path
) -> None:
    key = Pkcs12Key(pki.member_p12, P12_PASSPHRASE)
    result = submission.sign_and_submit(
        ctx, MEMBER, key, tmp_path / "out", place=PLACE, ca_files=[pki.ca_pem]
    )
    assert result.path.is_file()
    assert result.path.suffix == ".parscore"
    assert result.units == (UNIT, OTHER_UNIT)
    assert result.report.intact
    assert result.report.signed
    assert result.report.trust is TrustState.VALID_REVOCATION_NOT_CHECKED
    with zipfile.ZipFile(result.path) as archive:
        names = set(archive.namelist())
    assert {f"phieu-cham-{UNIT}.pdf", f"phieu-cham-{OTHER_UNIT}.xlsx"} <= names


def test_signing_is_refused_while_an_error_remains(
    ctx: RoundContext, pki: Pki, tmp_path: Path
) -> None:
    scoring.save_appraisal(ctx, MEMBER, UNIT, "1.1.1", "9")
    with pytest.raises(ValidationError, match="exceeds the maximum"):
        submission.sign_and_submit(
            ctx, MEMBER, Pkcs12Key(pki.member_p12, P12_PASSPHRASE), tmp_path, place=PLACE
        )
    assert list(tmp_path.glob("*.parscore")) == []


def test_a_wrong_passphrase_is_a_signature_error(
    ctx: RoundContext, pki: Pki, tmp_path: Path
) -> None:
    with pytest.raises(SignatureError):
        submission.sign_and_submit(
            ctx, MEMBER, Pkcs12Key(pki.member_p12, "sai-mat-khau"), tmp_path, place=PLACE,
            with_views=False,
        )  # fmt: skip
    assert list(tmp_path.glob("*.parscore")) == []


def test_personal_certificate_needs_the_same_passphrase_twice(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="do not match"):
        submission.create_personal_certificate(tmp_path, "Nguyễn Văn A", "mot-hai-ba", "khac-nhau")
    created = submission.create_personal_certificate(
        tmp_path / "certs", "Nguyễn Văn A", "mot-hai-ba-bon", "mot-hai-ba-bon"
    )
    assert created.pkcs12_path.is_file()
    assert created.certificate_path.is_file()
    assert len(created.info.sha256) == 64
    assert submission.grouped_fingerprint(created.info.sha256).count(":") == 31


def test_module_hints_name_the_vietnamese_vendors() -> None:
    windows = submission.pkcs11_module_hints("win32")
    names = {str(hint.path).lower().rsplit("\\", 1)[-1] for hint in windows}
    assert {"cryptoki.dll", "pkcs11.dll", "opensc-pkcs11.dll"} <= names
    posix = {hint.path.name for hint in submission.pkcs11_module_hints("linux")}
    assert {"opensc-pkcs11.so", "libsofthsm2.so"} <= posix
    assert {h.vendor for h in windows} >= {"VNPT-CA", "Viettel-CA", "FPT-CA", "OpenSC", "SoftHSM"}
