"""Verify a signed file: a score package (.parscore), a PDF, or a workbook with its .p7s beside.

The report says who signed, with which certificate, when, whether every byte is intact and how
far the signer is trusted; it names each file that failed.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from parapp.core.errors import ImportFormatError, ValidationError
from parapp.core.messages import Msg
from parapp.io.packages import score_package
from parapp.io.packages.score_package import ScoreManifest
from parapp.io.signing import validation as signature_check
from parapp.io.signing.validation import SignatureVerdict, TrustSettings, TrustState
from parapp.services import revocation, rounds
from parapp.services.context import RoundContext

log = logging.getLogger(__name__)

__all__ = [
    "FileKind",
    "FileResult",
    "TrustState",
    "VerifyReport",
    "registered_certificates",
    "round_trust",
    "verify_file",
]

MAX_SIGNED_FILE_BYTES = 500 * 1000**2
UNSIGNED = Msg(
    "tệp không có chữ ký số, nên không biết ai gửi và nội dung có bị sửa không; hãy đề nghị "
    "gửi bản đã ký",
    "the file has no digital signature, so neither its sender nor its integrity can be "
    "checked; ask for the signed file",
)


class FileKind(StrEnum):
    """What was verified."""

    SCORE_PACKAGE = "parscore"
    PDF = "pdf"
    XLSX = "xlsx"


@dataclass(frozen=True)
class FileResult:
    """One file inside what was verified (the file itself, an entry, the .p7s)."""

    name: str
    ok: bool
    problem: Msg | None = None


@dataclass(frozen=True)
class VerifyReport:
    """The outcome of ``verify_file``."""

    path: Path
    kind: FileKind
    signatures: tuple[SignatureVerdict, ...]
    files: tuple[FileResult, ...]
    problems: tuple[Msg, ...] = ()
    manifest: ScoreManifest | None = None

    @property
    def signed(self) -> bool:
        """At least one signature was found."""
        return bool(self.signatures)

    @property
    def intact(self) -> bool:
        """Signed, every signature intact and valid as mathematics, every file unchanged."""
        return (
            self.signed
            and all(s.intact and s.trust is not TrustState.INVALID for s in self.signatures)
            and all(f.ok for f in self.files)
            and not self.problems
        )

    @property
    def trust(self) -> TrustState:
        """The worst trust state of the signatures (invalid when unsigned or not intact)."""
        if not self.intact:
            return TrustState.INVALID
        return signature_check.overall(self.signatures)

    def failed_files(self) -> list[str]:
        """Names of the files that failed (``path.name`` when the failure is the whole file)."""
        failed = [f.name for f in self.files if not f.ok]
        return failed or ([self.path.name] if not self.intact else [])


Registered = Mapping[str, str | None]
"""Member id -> the SHA-256 of the member's registered certificate (None: none registered)."""


def registered_certificates(ctx: RoundContext) -> dict[str, str | None]:
    """Every member of the round with the fingerprint of the registered certificate."""
    return {m.id: m.certificate_sha256 for m in rounds.list_members(ctx)}


def round_trust(ctx: RoundContext, trust: TrustSettings) -> tuple[TrustSettings, Registered]:
    """``trust`` with the round's revocation lists, and the round's registered certificates:
    what ``verify --round`` checks a file against."""
    return revocation.with_round_crls(ctx, trust), registered_certificates(ctx)


def verify_file(
    path: Path, trust: TrustSettings, registered: Registered | None = None
) -> VerifyReport:
    """Verify ``path`` by its kind: ``.parscore``; ``.pdf``; ``.xlsx`` (or its ``.xlsx.p7s``)
    with the detached signature beside it.

    With ``registered`` (a round's members), a signer whose certificate is not the one the
    round registered (for a package: for the member it names) is reported as not trusted.

    Raises:
        ValidationError: the file is missing or of a kind that cannot be verified.
    """
    report = _verify_kind(Path(path), trust)
    if registered is None:
        return report
    member = report.manifest.member_id if report.manifest is not None else None
    checked = tuple(_registration(v, registered, member) for v in report.signatures)
    return replace(report, signatures=checked)


def _registration(
    verdict: SignatureVerdict, registered: Registered, member: str | None
) -> SignatureVerdict:
    if verdict.trust is TrustState.INVALID or not verdict.certificate_sha256:
        return verdict
    fingerprint = verdict.certificate_sha256
    if member is None:
        if fingerprint in registered.values():
            return verdict
        problem = Msg(
            "chứng thư số đã ký không phải chứng thư đã đăng ký của thành viên nào trong đợt, nên "
            "chưa biết ai đã ký; thư ký cần đăng ký chứng thư của thành viên rồi kiểm tra lại",
            "the signing certificate is not registered for any member of the round, so who signed "
            "is unknown; the secretary must register the member's certificate and check again",
        )
    elif registered.get(member) == fingerprint:
        return verdict
    elif member not in registered:
        problem = Msg(
            f"gói điểm ghi thành viên “{member}”, nhưng đợt thẩm định không có thành viên này; "
            "hãy kiểm tra lại tệp có đúng của đợt này không",
            f"the package names member “{member}”, who is not in this round; check that the "
            "file belongs to this round",
        )
    elif registered[member] is None:
        problem = Msg(
            f"thành viên “{member}” chưa đăng ký chứng thư số với đợt thẩm định, nên chưa xác "
            "nhận được người ký; thư ký cần đăng ký chứng thư của thành viên (hoặc xác nhận tin "
            "cậy lần đầu sau khi đối chiếu vân tay) rồi kiểm tra lại",
            f"member “{member}” has no certificate registered with the round, so the signer "
            "cannot be confirmed; the secretary must register the member's certificate (or trust "
            "it on first use after comparing its fingerprint) and check again",
        )
    else:
        problem = Msg(
            f"chứng thư số đã ký không phải chứng thư đã đăng ký của thành viên “{member}”; hãy "
            "hỏi lại thành viên (có thể họ đã đổi chứng thư) trước khi nhận",
            f"the signing certificate is not the one registered for member “{member}”; ask the "
            "member (they may have a new certificate) before accepting it",
        )
    return replace(verdict, trust=TrustState.SIGNER_NOT_TRUSTED, problem=problem)


def _verify_kind(path: Path, trust: TrustSettings) -> VerifyReport:
    suffix = path.suffix.lower()
    if suffix == ".p7s":
        path = path.with_suffix("")
        suffix = path.suffix.lower()
    if not path.is_file():
        raise ValidationError(Msg(f"Không thấy tệp {path}.", f"File {path} does not exist."))
    if suffix == score_package.SUFFIX:
        return _verify_package(path, trust)
    if suffix == ".pdf":
        return _verify_pdf(path, trust)
    if suffix == ".xlsx":
        return _verify_detached(path, trust)
    raise ValidationError(
        Msg(
            f"Không kiểm tra được {path.name}: chỉ nhận .parscore, .pdf và .xlsx (kèm .p7s).",
            f"Cannot verify {path.name}: only .parscore, .pdf and .xlsx (with .p7s) are handled.",
        )
    )


def _read(path: Path) -> bytes | Msg:
    try:
        if path.stat().st_size > MAX_SIGNED_FILE_BYTES:
            return Msg("tệp quá lớn", "the file is too large")
        return path.read_bytes()
    except OSError as exc:
        return Msg(f"không đọc được: {exc.strerror}", f"cannot be read: {exc.strerror}")


def _verify_pdf(path: Path, trust: TrustSettings) -> VerifyReport:
    data = _read(path)
    if isinstance(data, Msg):
        return VerifyReport(path, FileKind.PDF, (), (FileResult(path.name, False, data),))
    verdicts = tuple(signature_check.validate_pdf(data, trust))
    ok = bool(verdicts) and all(v.intact for v in verdicts)
    problem = None if ok else _file_problem(verdicts)
    return VerifyReport(path, FileKind.PDF, verdicts, (FileResult(path.name, ok, problem),))


def _file_problem(verdicts: tuple[SignatureVerdict, ...]) -> Msg:
    if not verdicts:
        return UNSIGNED
    broken = next(v for v in verdicts if not v.intact)
    return broken.problem or signature_check.ALTERED


def _verify_detached(path: Path, trust: TrustSettings) -> VerifyReport:
    p7s_path = path.with_name(path.name + ".p7s")
    data = _read(path)
    if isinstance(data, Msg):
        return VerifyReport(path, FileKind.XLSX, (), (FileResult(path.name, False, data),))
    if not p7s_path.is_file():
        missing = Msg(
            f"không có tệp chữ ký {p7s_path.name} bên cạnh; hãy để tệp .p7s nhận kèm vào cùng "
            "thư mục rồi kiểm tra lại",
            f"no signature file {p7s_path.name} beside it; put the .p7s file that came with it "
            "in the same folder and check again",
        )
        return VerifyReport(path, FileKind.XLSX, (), (FileResult(path.name, False, missing),))
    p7s = _read(p7s_path)
    if isinstance(p7s, Msg):
        return VerifyReport(path, FileKind.XLSX, (), (FileResult(p7s_path.name, False, p7s),))
    verdict = signature_check.validate_detached(data, p7s, trust)
    if verdict.intact:
        files = (FileResult(path.name, True), FileResult(p7s_path.name, True))
    elif verdict.signer:  # the signature parsed: the workbook is what changed
        files = (FileResult(path.name, False, verdict.problem), FileResult(p7s_path.name, True))
    else:
        files = (FileResult(path.name, True), FileResult(p7s_path.name, False, verdict.problem))
    signatures = (verdict,) if verdict.signer else ()
    return VerifyReport(path, FileKind.XLSX, signatures, files)


def _verify_package(path: Path, trust: TrustSettings) -> VerifyReport:
    check = score_package.check_score_package(path, trust)
    signatures: list[SignatureVerdict] = []
    files: list[FileResult] = []
    problems = [p.message for p in check.problems]
    if check.signature is not None:
        signatures.append(check.signature)
        files.append(
            FileResult(
                score_package.MANIFEST,
                check.signature.intact,
                None if check.signature.intact else check.signature.problem,
            )
        )
    for entry in check.entries:
        if not entry.ok or not entry.name.endswith(".pdf"):
            files.append(FileResult(entry.name, entry.ok, entry.problem))
            continue
        try:
            pdf = score_package.read_entry(path, entry.name)
        except ImportFormatError as exc:
            files.append(FileResult(entry.name, False, exc.problems[0].message))
            continue
        verdicts = signature_check.validate_pdf(pdf, trust)
        signatures.extend(verdicts)
        intact = bool(verdicts) and all(v.intact for v in verdicts)
        files.append(
            FileResult(entry.name, intact, None if intact else _file_problem(tuple(verdicts)))
        )
    if check.signature is None and not problems:
        problems.append(UNSIGNED)
    log.info("verified %s: intact=%s", path.name, check.intact)
    return VerifyReport(
        path,
        FileKind.SCORE_PACKAGE,
        tuple(signatures),
        tuple(files),
        tuple(problems),
        check.manifest,
    )
