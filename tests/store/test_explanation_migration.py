"""The previous release's round file (schema 0002) upgrades to head with the notice and
explanation tables of revision 0005, its content untouched, and takes an explanation."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

from parapp.core.explanations import Approval, ExplainedItem
from parapp.services import rounds
from parapp.services.context import open_round
from parapp.store import explanations as explanation_store

DATA = Path(__file__).resolve().parent.parent / "data" / "db"


def test_v2_round_gains_the_explanation_tables(tmp_path: Path) -> None:
    copy = tmp_path / "v2.parround"
    shutil.copy(DATA / "v2.parround", copy)
    with sqlite3.connect(copy) as raw:
        before = {t: raw.execute(f"select * from {t}").fetchall() for t in ("unit", "audit")}
    with open_round(copy) as ctx:
        unit = rounds.list_units(ctx)[0].id
        with ctx.db.transaction() as s:
            new = explanation_store.add(
                s,
                unit_id=unit,
                file_name="f.xlsx",
                form_sha256="0" * 64,
                form_serial="s",
                imported_at="2026-12-10T09:00:00+07:00",
                actor="tk",
                approval=Approval("Lãnh đạo", "Giám đốc", dt.date(2026, 12, 9)),
                items=(ExplainedItem("1.1.1", Decimal("0.5"), "Giải trình"),),
            )
        with ctx.db.transaction() as s:
            current = explanation_store.current(s, unit)
    assert current is not None
    assert current.id == new
    assert current.items[0].proposed == Decimal("0.5")
    with sqlite3.connect(copy) as raw:
        tables = {r[0] for r in raw.execute("select name from sqlite_master where type='table'")}
        assert {"notice", "explanation_import", "explanation", "explanation_evidence"} <= tables
        assert raw.execute("select proposed from explanation").fetchall() == [("0.5",)]
        after = {t: raw.execute(f"select * from {t}").fetchall() for t in before}
    assert after == before
