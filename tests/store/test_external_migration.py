"""The previous release's round file (schema v2) upgrades to head with the tables of signing with
another tool (migration 0009), empty and usable."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from parapp.services import external_signing
from parapp.services.context import open_round

DATA = Path(__file__).resolve().parent.parent / "data" / "db"
TABLES = {"external_document", "external_return", "stamp_image"}


def test_v2_round_gains_the_external_signing_tables(tmp_path: Path) -> None:
    copy = tmp_path / "v2.parround"
    shutil.copy(DATA / "v2.parround", copy)
    with sqlite3.connect(copy) as raw:
        names = {r[0] for r in raw.execute("select name from sqlite_master where type='table'")}
    assert not names & TABLES
    with open_round(copy) as ctx:
        assert external_signing.documents(ctx) == []
    with sqlite3.connect(copy) as raw:
        names = {r[0] for r in raw.execute("select name from sqlite_master where type='table'")}
        columns = {r[1] for r in raw.execute("pragma table_info(external_return)")}
    assert names >= TABLES
    assert {"document_id", "outcome", "reason_vi", "reason_en", "signer_sha256", "data"} <= columns
