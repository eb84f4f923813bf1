"""The member's sheets and score package signed on a SoftHSM2 token with RSA 2048, EC P-256 and
EC P-384 keys: the PDF passes ``pdfsig``, the workbook's .p7s ``openssl cms -verify``, the package
parapp's verify and a merge; the PIN warning comes from the token's flags."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from parapp.core.errors import SignatureError
from parapp.services import merge, submission, verify
from parapp.services.context import RoundContext
from parapp.services.merge import Outcome
from parapp.services.signing import (
    TokenKey,
    sign_pdf_file,
    sign_xlsx_file,
    token_pin_warning,
    trust_settings,
)
from parapp.services.submission import TrustState
from tests.io.token_pki import make_token_pki, softhsm_token
from tests.signing_pki import SOFTHSM_MODULE, USER_PIN, Pki, SoftToken
from tests.submission_round import MEMBER, MEMBER_NAME, OTHER_UNIT, PLACE, UNIT, make_round

DATE = dt.date(2026, 12, 12)


@pytest.fixture(params=["rsa2048", "ec-p256", "ec-p384"])
def pki(tmp_path: Path, request: pytest.FixtureRequest) -> Pki:
    return make_token_pki(tmp_path / "pki", MEMBER_NAME, str(request.param))


@pytest.fixture
def ctx(tmp_path: Path, sample_criteria_data: dict[str, Any], pki: Pki) -> Iterator[RoundContext]:
    with make_round(tmp_path / "round", sample_criteria_data, pki) as opened:
        yield opened


@pytest.fixture
def token(tmp_path: Path, pki: Pki) -> Iterator[SoftToken]:
    with softhsm_token(tmp_path / "hsm", pki) as created:
        yield created


def test_sheets_and_package_signed_on_the_token_verify_and_merge(
    ctx: RoundContext, pki: Pki, token: SoftToken, tmp_path: Path
) -> None:
    key = TokenKey(SOFTHSM_MODULE, USER_PIN, "council", token.key_id)
    trust = trust_settings([pki.ca_pem])
    exported = submission.export_sheets(
        ctx, MEMBER, UNIT, tmp_path / "out", pdf=True, xlsx=True, place=PLACE, date=DATE
    )
    pdf, xlsx = exported.files

    signed_pdf = sign_pdf_file(pdf, key, trust)
    report = subprocess.run(
        ["pdfsig", str(signed_pdf.path)], capture_output=True, check=False, text=True
    ).stdout
    assert "Signature is Valid" in report, report
    assert signed_pdf.verdict.signer == MEMBER_NAME

    signed_xlsx = sign_xlsx_file(xlsx, key, trust)
    assert signed_xlsx.path.name == xlsx.name + ".p7s"
    done = subprocess.run(
        [
            "openssl", "cms", "-verify", "-binary", "-inform", "DER",
            "-content", str(xlsx), "-in", str(signed_xlsx.path),
            "-CAfile", str(pki.ca_pem), "-out", str(tmp_path / "content.bin"),
        ],
        capture_output=True, check=False, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr

    sent = submission.sign_and_submit(
        ctx, MEMBER, key, tmp_path / "nop", place=PLACE, date=DATE, ca_files=[pki.ca_pem]
    )
    assert sent.units == (UNIT, OTHER_UNIT)
    checked = verify.verify_file(sent.path, trust)
    assert checked.signed
    assert checked.intact
    assert checked.trust is TrustState.VALID_REVOCATION_NOT_CHECKED
    assert {s.signer for s in checked.signatures} == {MEMBER_NAME}
    merged = merge.merge_submissions(ctx, [sent.path], trust)
    [outcome] = merged.files
    assert outcome.outcome is Outcome.ACCEPTED, outcome.reason.en


def test_the_pin_warning_follows_the_token_flags(
    ctx: RoundContext, pki: Pki, token: SoftToken, tmp_path: Path
) -> None:
    assert token_pin_warning(SOFTHSM_MODULE, "council") is None
    wrong = TokenKey(SOFTHSM_MODULE, "000000", "council", token.key_id)
    with pytest.raises(SignatureError, match="does not retry"):
        submission.sign_and_submit(
            ctx, MEMBER, wrong, tmp_path / "nop", place=PLACE, ca_files=[pki.ca_pem]
        )
    assert not list((tmp_path / "nop").glob("*.parscore"))
    warning = token_pin_warning(SOFTHSM_MODULE, "council")
    assert warning is not None
    assert "Thiết bị “council”: mã PIN đã bị nhập sai" in warning.vi
    assert "a wrong PIN was entered" in warning.en
