"""The round's content-addressed evidence folder: each file stored once, named by its SHA-256.

Files are written atomically (temp file, fsync, rename) and never modified, so a name is a
promise about the content; ``verify`` re-hashes on demand.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from parapp.store.models import EvidenceFileRow

CHUNK = 1024 * 1024


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class EvidenceFolder:
    """The folder beside a round file that holds its evidence."""

    root: Path

    @staticmethod
    def beside(round_path: Path) -> EvidenceFolder:
        """``<round>.evidence/`` next to the round file."""
        return EvidenceFolder(round_path.with_name(round_path.name + ".evidence"))

    def path(self, sha256: str) -> Path:
        """Where the file with this hash lives (whether or not it exists)."""
        return self.root / sha256

    def has(self, sha256: str) -> bool:
        """Whether the file is present."""
        return self.path(sha256).is_file()

    def put(self, source: Path) -> str:
        """Copy ``source`` in (once) and return its hash."""
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming.", dir=self.root)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out, source.open("rb") as src:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            if self.has(sha):
                tmp.unlink()
            else:
                os.replace(tmp, self.path(sha))
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return sha

    def verify(self, sha256: str) -> bool:
        """Whether the stored file still has the content its name promises."""
        return self.has(sha256) and sha256_file(self.path(sha256)) == sha256


def register(session: Session, sha256: str, size: int, file_name: str) -> None:
    """Record a stored file in the database (once per hash)."""
    if session.get(EvidenceFileRow, sha256) is None:
        media_type = mimetypes.guess_type(file_name)[0] or "application/octet-stream"
        session.add(EvidenceFileRow(sha256=sha256, size=size, media_type=media_type))
