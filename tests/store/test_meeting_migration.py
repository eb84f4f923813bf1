"""The previous release's round file upgrades to the head schema with the meeting tables."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from parapp.services import meeting
from parapp.services.context import open_round

DATA = Path(__file__).resolve().parent.parent / "data" / "db"
TABLES = {"meeting", "meeting_attendance", "meeting_item", "meeting_vote", "council_referral"}


def test_v2_round_gains_the_meeting_tables(tmp_path: Path) -> None:
    copy = tmp_path / "v2.parround"
    shutil.copy(DATA / "v2.parround", copy)
    with sqlite3.connect(copy) as raw:
        before = {r[0] for r in raw.execute("select name from sqlite_master where type='table'")}
    assert not TABLES & before
    with open_round(copy) as ctx:
        assert meeting.meetings(ctx) == []
        assert not meeting.results_approved(ctx)
        assert meeting.quorum_rule(ctx) is meeting.QuorumRule.TWO_THIRDS_PRESENT
    with sqlite3.connect(copy) as raw:
        after = {r[0] for r in raw.execute("select name from sqlite_master where type='table'")}
    assert after >= TABLES
