"""``parapp --self-test``: prove an installed (frozen) build works, one line per check.

Run by CI on every bundle (``.ci/bundle``) and by hand on a council laptop after installing.
Everything happens in a temporary folder; no network, no user settings or data folders.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import pkgutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TextIO

import parapp
from parapp.core.messages import Lang, Msg

REPORT_ENV = "PARAPP_SELFTEST_REPORT"
REPORT_NAME = "parapp-selftest.txt"
"""Where the report goes when there is no stdout (a windowed Windows build): the file named by
``PARAPP_SELFTEST_REPORT``, else this name in the temporary folder (%TEMP%)."""
SKIPPED_MODULES = frozenset({"parapp.store.migrations.env"})
"""Run only by Alembic inside a migration (it reads ``alembic.context.config`` on import)."""
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "", None})
SELF_TEST_PASSPHRASE = "self-test-passphrase"  # a throw-away key in a temporary folder


class SelfTestFailure(RuntimeError):  # noqa: N818 - reads as the report says it
    """A check found the installation wrong; ``msg`` says how, in both languages."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message.en)
        self.msg = message


_CRASHED = Msg(
    "kiểm tra này không chạy được; chi tiết kỹ thuật bên dưới (bằng tiếng Anh) "
    "để gửi bộ phận hỗ trợ",
    "the check could not run; technical details below for support",
)


def failure_text(exc: BaseException, lang: Lang) -> str:
    """The report line of a failed check: the check's own sentence when it says what is wrong,
    else a sentence in ``lang`` (English keeps the exception, which support reads)."""
    message = getattr(exc, "msg", None)
    if isinstance(message, Msg):
        return message.get(lang)
    if lang is Lang.EN:
        return f"{type(exc).__name__}: {exc}"
    return _CRASHED.vi


class NetworkRefusedError(RuntimeError):
    """Something tried to reach another host during the self-test."""


def _refuse_network(event: str, args: tuple[Any, ...]) -> None:
    """Audit hook: the self-test must work offline, so any non-loopback connection fails it.

    Loopback stays allowed: asyncio builds its self-pipe from a socket pair on Windows.
    """
    if event == "socket.getaddrinfo" and args[0] not in LOOPBACK_HOSTS:
        raise NetworkRefusedError(f"network lookup of {args[0]!r} during the self-test")
    if event == "socket.connect":
        address = args[1]
        host = address[0] if isinstance(address, tuple) and address else None
        if isinstance(host, str) and host not in LOOPBACK_HOSTS:
            raise NetworkRefusedError(f"network connection to {host!r} during the self-test")


_guard_installed: list[bool] = []


def _install_network_guard() -> None:
    # Audit hooks cannot be removed; install one per process however often this runs.
    if not _guard_installed:
        sys.addaudithook(_refuse_network)
        _guard_installed.append(True)


# The checks import what they test inside themselves: a missing module then fails its own check
# (reported, with the others still run) instead of the whole self-test, and importing this module
# loads neither Qt nor SQLAlchemy.


def check_imports() -> Msg:
    """Import every parapp module (the UI ones too: Qt imports without a display)."""
    names = [parapp.__name__]
    for module in pkgutil.walk_packages(parapp.__path__, f"{parapp.__name__}."):
        if module.name not in SKIPPED_MODULES:
            names.append(module.name)
    for name in names:
        importlib.import_module(name)
    return Msg(f"nạp được cả {len(names)} mô-đun parapp", f"{len(names)} parapp modules imported")


def check_resources() -> Msg:
    """The bundled criteria sets load, the PDF fonts and the translation are where paths says."""
    from parapp import paths  # noqa: PLC0415 - imported per check so a failure stays local
    from parapp.io.files import fonts  # noqa: PLC0415
    from parapp.services.criteria_sets import list_bundled  # noqa: PLC0415

    sets = list_bundled()
    if not sets:
        folder = paths.resource("criteria")
        raise SelfTestFailure(
            Msg(f"không có bộ tiêu chí nào trong {folder}", f"no criteria set in {folder}")
        )
    font_dir = paths.resource("fonts")
    missing = [name for name in fonts.FACES.values() if not (font_dir / name).is_file()]
    if missing:
        names = ", ".join(missing)
        raise SelfTestFailure(
            Msg(
                f"thiếu phông chữ trong {font_dir}: {names}",
                f"missing fonts in {font_dir}: {names}",
            )
        )
    fonts.register_serif(font_dir)
    qm = paths.resource("i18n", "parapp_vi.qm")
    if not qm.is_file() or qm.stat().st_size == 0:
        raise SelfTestFailure(Msg(f"thiếu tệp bản dịch {qm}", f"missing translation {qm}"))
    certs = _bundled_certificates()
    forms = ", ".join(s.criteria_set.form_id for s in sets)
    root = paths.resource_root()
    return Msg(
        f"{len(sets)} bộ tiêu chí ({forms}), {len(fonts.FACES)} kiểu chữ, bản dịch {qm.name}, "
        f"{certs} chứng thư kèm theo, trong {root}",
        f"{len(sets)} criteria sets ({forms}), {len(fonts.FACES)} font faces, {qm.name}, "
        f"{certs} bundled certificates in {root}",
    )


def _bundled_certificates() -> int:
    from parapp import paths  # noqa: PLC0415
    from parapp.io.signing.certificates import load_certificates  # noqa: PLC0415

    folder = paths.resource("certs")
    files = sorted(p for p in folder.glob("*") if p.suffix.lower() in {".pem", ".crt", ".cer"})
    return sum(len(load_certificates(p)) for p in files) if folder.is_dir() else 0


def check_round(folder: Path) -> Msg:
    """Create a round from a bundled set (Alembic migrations run from the bundled scripts),
    add a unit, close it and open it again."""
    from parapp.services.context import open_round  # noqa: PLC0415
    from parapp.services.criteria_sets import list_bundled  # noqa: PLC0415
    from parapp.services.rounds import add_unit, create_round, round_info  # noqa: PLC0415
    from parapp.store.database import current_revision, head_revision  # noqa: PLC0415

    criteria_set = list_bundled()[0].criteria_set
    path = folder / "self-test.parround"
    with create_round(path, criteria_set, "Kiểm tra cài đặt") as ctx:
        unit_type = criteria_set.unit_types[0].code
        add_unit(ctx, "SELFTEST", "Đơn vị thử nghiệm", unit_type)
    with open_round(path) as ctx:
        info = round_info(ctx)
        revision = current_revision(ctx.db.engine)
        frozen_set = ctx.criteria_set().form_id
    if info.form_id != criteria_set.form_id or frozen_set != criteria_set.form_id:
        raise SelfTestFailure(
            Msg(
                f"vòng mở lại chứa bộ {info.form_id}, đáng lẽ là {criteria_set.form_id}",
                f"reopened round holds {info.form_id}, expected {criteria_set.form_id}",
            )
        )
    if revision != head_revision():
        raise SelfTestFailure(
            Msg(
                f"cấu trúc dữ liệu ở phiên bản {revision}, đáng lẽ là {head_revision()}",
                f"schema at {revision}, expected {head_revision()}",
            )
        )
    return Msg(
        f"tạo và mở lại được một kỳ thẩm định {criteria_set.form_id}, cấu trúc dữ liệu {revision}",
        f"{criteria_set.form_id} round created and reopened, schema {revision}",
    )


def check_pdf(folder: Path) -> Path:
    """Render a one-page Vietnamese evidence PDF with the bundled fonts; returns its path."""
    from parapp import paths  # noqa: PLC0415
    from parapp.io.sheets import evidence_pdf  # noqa: PLC0415

    document = evidence_pdf.EvidenceDocument(
        issuer="Ủy ban nhân dân tỉnh",
        number="01/KT-PARAPP",
        title="Biên bản kiểm tra cài đặt",
        place_date="Thái Nguyên, ngày 01 tháng 01 năm 2026",
        pages=["Phần mềm thẩm định Chỉ số cải cách hành chính đã được cài đặt đúng."],
    )
    pdf = folder / "self-test.pdf"
    evidence_pdf.write(document, pdf, paths.resource("fonts"))
    # The page count is checked when QtPdf opens the file (check_qt).
    if not pdf.read_bytes().startswith(b"%PDF-"):
        raise SelfTestFailure(Msg(f"{pdf.name} không phải tệp PDF", f"{pdf.name} is not a PDF"))
    return pdf


_SELF_TEST_DAY = date(2026, 1, 1)


def check_word(folder: Path) -> Path:
    """Write a council meeting's minutes as a Word file (python-docx and its templates, as the
    bundle carries them) and read it back; returns its path."""
    from docx import Document  # noqa: PLC0415

    from parapp.io.sheets.minutes_docx import write_minutes_docx  # noqa: PLC0415
    from parapp.io.sheets.minutes_pdf import Minutes  # noqa: PLC0415
    from parapp.io.sheets.page import Heading  # noqa: PLC0415

    minutes = Minutes(
        heading=Heading("UBND tỉnh Thái Nguyên", "Sở Nội vụ", "Thái Nguyên", _SELF_TEST_DAY),
        number="01/BB-KT",
        year=_SELF_TEST_DAY.year,
        opening=("Thời gian: 08 giờ 00 phút.",),
        present=("Ông Nguyễn Văn A, Chủ tịch Hội đồng",),
        absent=(),
        written=(),
        quorum=("Cuộc họp đủ điều kiện tiến hành.",),
        items=(),
        approval="Hội đồng thông qua kết quả.",
        groups=(),
        closing="Cuộc họp kết thúc cùng ngày.",
        secretary="Trần Thị B",
        chair="Nguyễn Văn A",
    )
    docx = folder / "self-test.docx"
    write_minutes_docx(minutes, docx)
    if "BIÊN BẢN" not in [p.text for p in Document(str(docx)).paragraphs]:
        raise SelfTestFailure(
            Msg(f"{docx.name} không đọc lại được", f"{docx.name} does not read back")
        )
    return docx


def _sign_and_verify(pdf: Path) -> Msg:
    """Sign ``pdf`` with a throw-away self-signed certificate and validate the result offline.

    Writes ``<pdf stem>-signed.pdf`` beside it. Skipped (and said so) in a build without the
    signing module.
    """
    if importlib.util.find_spec("parapp.io.signing.signers") is None:
        return Msg(
            "bỏ qua: bản cài này không có phần ký số (parapp.io.signing.signers)",
            "skipped: parapp.io.signing.signers is not part of this build",
        )
    from parapp import paths  # noqa: PLC0415
    from parapp.io.signing import certificates  # noqa: PLC0415
    from parapp.io.signing import signers as signing  # noqa: PLC0415
    from parapp.io.signing import validation as signature_check  # noqa: PLC0415
    from parapp.io.signing.stamp import stamp_lines  # noqa: PLC0415

    now = datetime.now(UTC)
    created = certificates.create_personal_certificate(
        pdf.parent / "key",
        "Kiểm tra cài đặt parapp",
        SELF_TEST_PASSPHRASE,
        now=now,
        key_type=certificates.KeyType.EC,
    )
    key = signing.Pkcs12Key(created.pkcs12_path, SELF_TEST_PASSPHRASE)
    with signing.open_signer(key, at=now) as opened:
        signed = signing.sign_pdf(
            pdf.read_bytes(),
            opened,
            signing.PdfPlacement("KiemTra"),
            stamp_lines(created.info.subject, now.strftime("%d/%m/%Y %H:%M")),
            paths.resource("fonts"),
            reason="Kiểm tra cài đặt",
        )
    pdf.with_name(f"{pdf.stem}-signed.pdf").write_bytes(signed)
    root = certificates.load_certificates(created.certificate_path)
    verdicts = signature_check.validate_pdf(signed, signature_check.TrustSettings(tuple(root)))
    expected = signature_check.TrustState.VALID_REVOCATION_NOT_CHECKED
    if len(verdicts) != 1 or not verdicts[0].intact or verdicts[0].trust is not expected:
        found_vi = "; ".join(v.describe("vi") for v in verdicts) or "không có chữ ký"
        found_en = "; ".join(v.describe("en") for v in verdicts) or "no signature"
        raise SelfTestFailure(
            Msg(
                f"PDF đã ký không qua kiểm tra chữ ký: {found_vi}",
                f"signed PDF does not validate: {found_en}",
            )
        )
    return Msg(
        f"ký và kiểm tra được chữ ký số PAdES ({verdicts[0].describe('vi')})",
        f"PAdES signature made and validated ({verdicts[0].describe('en')})",
    )


def _check_qt(pdf: Path, folder: Path, lang: str) -> Msg:
    # Qt lives in parapp.ui only: the check is imported when it runs.
    from parapp.ui.selftest_qt import check_qt  # noqa: PLC0415

    return check_qt(pdf, folder, lang)


@contextmanager
def _report(out: TextIO | None) -> Iterator[TextIO]:
    if out is not None:
        yield out
    elif sys.stdout is not None:
        yield sys.stdout
    else:
        # A windowed Windows build has no stdout.
        target = os.environ.get(REPORT_ENV) or str(Path(tempfile.gettempdir()) / REPORT_NAME)
        with Path(target).open("w", encoding="utf-8") as file:
            yield file


CHECK_NAMES = {
    "imports": Msg("Mô-đun", "imports"),
    "resources": Msg("Tài nguyên", "resources"),
    "round": Msg("Kỳ thẩm định", "round"),
    "pdf": Msg("Tạo PDF", "pdf"),
    "signing": Msg("Chữ ký số", "signing"),
    "qt": Msg("Giao diện", "qt"),
}
"""Each check's name in the report (English: the ids the bundle build looks for)."""
_PASSED, _FAILED = Msg("ĐẠT", "OK"), Msg("LỖI", "FAIL")
_HEADER = Msg(
    "Tự kiểm tra parapp {version} ({how}, {platform})",
    "parapp {version} self-test ({how}, {platform})",
)
_HOW = {True: Msg("bản đóng gói", "frozen"), False: Msg("chạy từ mã nguồn", "from source")}
_DONE = Msg("Tự kiểm tra: mọi mục đều đạt.", "self-test passed")
_FAILED_TOTAL = Msg(
    "Tự kiểm tra: {n} mục bị lỗi. Gửi nội dung trên cho người hỗ trợ kỹ thuật.",
    "self-test FAILED ({n})",
)
_SECONDS = Msg("{s} giây", "{s} s")


def run_self_test(lang: str = "vi", out: TextIO | None = None) -> int:
    """Run every check, print ``ĐẠT <check>: …`` or ``LỖI <check>: …`` per check, in Vietnamese
    (``OK <check>: …`` / ``FAIL <check>: …`` with ``lang="en"``, which the bundle build reads).

    Returns 0 when all pass, else 1. Qt runs offscreen unless ``QT_QPA_PLATFORM`` says
    otherwise (set it to ``windows`` or ``xcb`` to test the real platform plugin).
    """
    chosen = Lang.EN if str(lang).lower().startswith("en") else Lang.VI
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _install_network_guard()
    failures = 0
    with (
        _report(out) as stream,
        tempfile.TemporaryDirectory(prefix="parapp-selftest-", ignore_cleanup_errors=True) as tmp,
    ):
        folder = Path(tmp)
        how = _HOW[bool(getattr(sys, "frozen", False))].get(chosen)
        header = _HEADER.get(chosen).format(
            version=parapp.__version__, how=how, platform=sys.platform
        )
        stream.write(header + "\n")
        pdf = folder / "self-test.pdf"
        checks: list[tuple[str, Callable[[], Msg]]] = [
            ("imports", check_imports),
            ("resources", check_resources),
            ("round", lambda: check_round(folder)),
            ("pdf", lambda: _rendered(check_pdf(folder), check_word(folder))),
            ("signing", lambda: _sign_and_verify(pdf)),
            ("qt", lambda: _check_qt(pdf, folder, chosen.value)),
        ]
        for check_id, check in checks:
            name = CHECK_NAMES[check_id].get(chosen)
            started = time.perf_counter()
            try:
                result = check()
            except Exception as exc:  # every failure is reported, then the next check runs
                failures += 1
                stream.write(f"{_FAILED.get(chosen)} {name}: {failure_text(exc, chosen)}\n")
                stream.write(f"  | {type(exc).__name__}: {exc}\n")
                for line in traceback.format_exc().rstrip().splitlines():
                    stream.write(f"  | {line}\n")
            else:
                seconds = f"{time.perf_counter() - started:.1f}"
                if chosen is Lang.VI:
                    seconds = seconds.replace(".", ",")
                took = _SECONDS.get(chosen).format(s=seconds)
                stream.write(f"{_PASSED.get(chosen)} {name}: {result.get(chosen)} [{took}]\n")
            stream.flush()
        total = _DONE.get(chosen) if not failures else _FAILED_TOTAL.get(chosen).format(n=failures)
        stream.write(total + "\n")
    return 1 if failures else 0


def _rendered(pdf: Path, docx: Path) -> Msg:
    return Msg(f"đã tạo {pdf.name} và {docx.name}", f"{pdf.name} and {docx.name} rendered")
