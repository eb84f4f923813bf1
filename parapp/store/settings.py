"""Repository of the round's named settings (JSON text values).

Functions take a ``Session`` and never commit; the calling service owns the transaction and the
audit row. Values are plain JSON data (str, int, bool, list, dict, None): decimals travel as text.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from parapp.store.models import SettingRow


def get(session: Session, key: str, default: Any = None) -> Any:
    """The setting's value, or ``default`` when it was never set."""
    row = session.get(SettingRow, key)
    return default if row is None else json.loads(row.value)


def put(session: Session, key: str, value: Any, *, at: str, by: str) -> bool:
    """Store ``value`` under ``key``; False when it already held exactly that value."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    row = session.get(SettingRow, key)
    if row is not None and row.value == text:
        return False
    if row is None:
        session.add(SettingRow(key=key, value=text, updated_at=at, updated_by=by))
    else:
        row.value, row.updated_at, row.updated_by = text, at, by
    session.flush()
    return True


def remove(session: Session, key: str) -> bool:
    """Forget ``key`` (back to its default); False when it was not set."""
    row = session.get(SettingRow, key)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def all_settings(session: Session) -> dict[str, Any]:
    """Every stored setting, by key."""
    rows = session.scalars(select(SettingRow).order_by(SettingRow.key))
    return {row.key: json.loads(row.value) for row in rows}
