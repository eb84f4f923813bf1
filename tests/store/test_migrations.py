"""Round files of every earlier schema open with today's code; newer ones are refused."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from parapp.core.errors import UserFacingError
from parapp.services import results as merge_results
from parapp.services import revocation, rounds
from parapp.services.context import open_round
from parapp.store.database import head_revision

DATA = Path(__file__).resolve().parent.parent / "data" / "db"


def test_first_schema_round_opens_with_its_content(tmp_path: Path) -> None:
    copy = tmp_path / "v1.parround"
    shutil.copy(DATA / "v1.parround", copy)
    with open_round(copy) as ctx:
        info = rounds.round_info(ctx)
        assert info.id == "00000000-0000-4000-8000-000000000001"
        assert info.name == "Đợt thử lược đồ 1"
        assert [u.name for u in rounds.list_units(ctx)] == ["Sở Tư pháp"]
        assert [m.name for m in rounds.list_members(ctx)] == ["Nguyễn Văn A"]
        assert ctx.criteria_set().form_id == "T-SO"
    with sqlite3.connect(copy) as raw:
        assert (
            raw.execute("select version_num from alembic_version").fetchone()[0] == head_revision()
        )


def test_round_from_a_newer_parapp_is_refused_untouched(tmp_path: Path) -> None:
    copy = tmp_path / "future.parround"
    shutil.copy(DATA / "v1.parround", copy)
    with sqlite3.connect(copy) as raw:
        raw.execute("update alembic_version set version_num = 'ffff'")
    before = copy.read_bytes()
    with pytest.raises(UserFacingError, match="newer parapp"):
        open_round(copy)
    assert copy.read_bytes() == before
    assert not list(tmp_path.glob("*.bak-*"))


def test_first_schema_round_gains_the_merge_tables_after_a_backup(tmp_path: Path) -> None:
    copy = tmp_path / "v1.parround"
    shutil.copy(DATA / "v1.parround", copy)
    with sqlite3.connect(copy) as raw:
        units_before = raw.execute("select * from unit").fetchall()
        audit_before = raw.execute("select count(*) from audit").fetchone()[0]
    with open_round(copy) as ctx:
        assert merge_results.settings(ctx).rule.value == "mean"
        assert merge_results.round_results(ctx).outcomes[0].unit.id == "STP"
    [backup] = tmp_path.glob("v1.parround.bak-0001-*")
    with sqlite3.connect(backup) as raw:
        assert raw.execute("select version_num from alembic_version").fetchone()[0] == "0001"
    with sqlite3.connect(copy) as raw:
        tables = {r[0] for r in raw.execute("select name from sqlite_master where type='table'")}
        assert {"submission", "resolution"} <= tables
        score_columns = {r[1] for r in raw.execute("pragma table_info(score)")}
        assert "package_sha256" in score_columns
        assert raw.execute("select consolidation_rule, agree_threshold from round").fetchall() == [
            ("mean", "0")
        ]
        assert raw.execute("select * from unit").fetchall() == units_before
        assert raw.execute("select count(*) from audit").fetchone()[0] == audit_before


def test_the_shipped_head_constant_matches_the_migration_scripts() -> None:
    from parapp.store.database import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD


def test_second_schema_round_gains_the_crl_setting_and_keeps_its_content(tmp_path: Path) -> None:
    copy = tmp_path / "v2.parround"
    shutil.copy(DATA / "v2.parround", copy)
    with sqlite3.connect(copy) as raw:
        assert raw.execute("select version_num from alembic_version").fetchone()[0] == "0002"
        tables = ("round", "unit", "member", "phase_event", "audit")
        before = {t: raw.execute(f"select * from {t}").fetchall() for t in tables}
    with open_round(copy) as ctx:
        assert revocation.round_crls(ctx) == []
        [member] = rounds.list_members(ctx)
        assert member.certificate_sha256 is not None
        assert member.certificate_sha256.startswith("918259d7")
        assert merge_results.settings(ctx).rule.value == "must_agree"
    [backup] = tmp_path.glob("v2.parround.bak-0002-*")
    with sqlite3.connect(backup) as raw:
        assert raw.execute("select version_num from alembic_version").fetchone()[0] == "0002"
    with sqlite3.connect(copy) as raw:
        assert (
            raw.execute("select version_num from alembic_version").fetchone()[0] == head_revision()
        )
        columns = [r[1] for r in raw.execute("pragma table_info(crl)")]
        assert columns == [
            "sha256", "issuer", "file_name", "der", "this_update", "next_update", "revoked",
            "added_at",
        ]  # fmt: skip
        after = {t: raw.execute(f"select * from {t}").fetchall() for t in before}
    assert after == before
