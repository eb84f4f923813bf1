"""Opening a cited evidence file (tài liệu kiểm chứng): find it by hash, re-hash it, say what it is.

The viewer shows what ``open_evidence`` returns and decides nothing: a file whose content no longer
matches the hash recorded at import is reported untrusted, a file never supplied or gone from the
round's evidence folder is reported missing, each with a bilingual message naming the cited file.
"""

from __future__ import annotations

import logging
import mimetypes
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from parapp.core.messages import Msg
from parapp.core.rounds import EvidenceRef
from parapp.services.context import RoundContext
from parapp.store.evidence import sha256_file

log = logging.getLogger(__name__)

PDF = "application/pdf"
OCTET_STREAM = "application/octet-stream"

# Files are stored under their hash, without an extension: the content says what they are; the
# cited name is only a fallback for types without a recognisable signature.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass(frozen=True)
class EvidenceFile:
    """A cited evidence file as found in the round's evidence folder.

    ``path`` is None when the file is missing; ``page`` is the cited page, 1-based (None: the
    whole file); ``trusted`` is True only when the file exists and still has the recorded hash;
    ``message`` says what is wrong (None when nothing is).
    """

    file_name: str
    path: Path | None
    page: int | None
    trusted: bool
    media_type: str
    message: Msg | None = None
    sha256: str | None = None

    @property
    def is_pdf(self) -> bool:
        """Whether the file is a PDF (by content)."""
        return self.media_type == PDF

    @property
    def is_image(self) -> bool:
        """Whether the file looks like an image (by content or name)."""
        return self.media_type.startswith("image/")


def open_evidence(ctx: RoundContext, ref: EvidenceRef) -> EvidenceFile:
    """Look ``ref`` up in the round's evidence folder and check its hash.

    Never raises for a missing or altered file: those are findings to show beside the file, not
    errors that stop the member's work.
    """
    guessed = mimetypes.guess_type(ref.file_name)[0] or OCTET_STREAM
    if ref.sha256 is None:
        return EvidenceFile(
            ref.file_name,
            None,
            ref.page,
            False,
            guessed,
            Msg(
                f"Đơn vị trích dẫn tệp “{ref.file_name}” nhưng không nộp tệp này.",
                f"The unit cites “{ref.file_name}” but did not supply the file.",
            ),
        )
    path = ctx.evidence.path(ref.sha256)
    if not path.is_file():
        log.warning("evidence %s (%s) missing from %s", ref.file_name, ref.sha256, path.parent)
        return EvidenceFile(
            ref.file_name,
            None,
            ref.page,
            False,
            guessed,
            Msg(
                f"Không tìm thấy tệp “{ref.file_name}” trong thư mục tài liệu kiểm chứng của đợt "
                f"({path.parent}). Hãy mở lại gói chấm điểm hoặc báo thư ký hội đồng.",
                f"“{ref.file_name}” is not in the round's evidence folder ({path.parent}). Open "
                "the package again or tell the council's secretary.",
            ),
            ref.sha256,
        )
    media_type = _sniff(path) or guessed
    if sha256_file(path) != ref.sha256:
        log.warning("evidence %s (%s) does not match its hash", ref.file_name, ref.sha256)
        return EvidenceFile(
            ref.file_name,
            path,
            ref.page,
            False,
            media_type,
            Msg(
                f"Tệp đã bị thay đổi — không đáng tin cậy: nội dung của “{ref.file_name}” không "
                "còn khớp với mã băm ghi lại khi đơn vị nộp hồ sơ. Đừng dùng tệp này để chấm "
                "điểm; hãy báo thư ký hội đồng.",
                f"The file was altered — not trustworthy: the content of “{ref.file_name}” no "
                "longer matches the hash recorded when the unit submitted it. Do not score from "
                "it; tell the council's secretary.",
            ),
            ref.sha256,
        )
    return EvidenceFile(ref.file_name, path, ref.page, True, media_type, None, ref.sha256)


def named_copy(evidence: EvidenceFile, folder: Path) -> Path:
    """Copy the file to ``folder/<sha256 prefix>/<cited name>`` for another application.

    Stored files are named by hash, without an extension, so a system viewer could not tell what
    they are. The copy is made once per content and name.

    Raises:
        FileNotFoundError: the evidence file is missing.
    """
    if evidence.path is None:
        raise FileNotFoundError(evidence.file_name)
    name = _UNSAFE_NAME.sub("_", Path(evidence.file_name).name).strip(" .") or "evidence"
    if not Path(name).suffix:
        name += mimetypes.guess_extension(evidence.media_type) or ""
    target = Path(folder) / (evidence.sha256 or "unhashed")[:16] / name
    if not target.is_file() or target.stat().st_size != evidence.path.stat().st_size:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(evidence.path, target)
    return target


def _sniff(path: Path) -> str | None:
    with path.open("rb") as handle:
        head = handle.read(16)
    for signature, media_type in _SIGNATURES:
        if head.startswith(signature):
            return media_type
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "image/webp"
    return None
