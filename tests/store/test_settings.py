"""Round settings by name: stored as JSON text in the round file, upgraded into old files."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from parapp.services.context import open_round
from parapp.store import settings

DATA = Path(__file__).resolve().parent.parent / "data" / "db"


def test_settings_round_trip_in_the_previous_releases_round_file(tmp_path: Path) -> None:
    copy = tmp_path / "v2.parround"
    shutil.copy(DATA / "v2.parround", copy)
    with open_round(copy) as ctx, ctx.db.transaction() as session:
        assert settings.get(session, "ranking.groups") is None
        assert settings.get(session, "bands", default=[]) == []
        value = {"groups": [["xa", "dac-khu"], ["phuong"]], "threshold": "0.5", "note": "Hải Phòng"}
        assert settings.put(
            session, "ranking.groups", value, at="2026-12-04T14:00:00+07:00", by="tk"
        )
        assert not settings.put(session, "ranking.groups", value, at="later", by="tk")
    with open_round(copy) as ctx, ctx.db.transaction() as session:
        assert settings.get(session, "ranking.groups") == value
        assert settings.all_settings(session) == {"ranking.groups": value}
        assert settings.remove(session, "ranking.groups")
        assert not settings.remove(session, "ranking.groups")
    with sqlite3.connect(copy) as raw:
        assert raw.execute("select count(*) from setting").fetchone()[0] == 0
