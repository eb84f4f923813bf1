"""Column types: exact decimals stored as text, identical on SQLite and PostgreSQL."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from parapp.core.numbers import canonical


class DecimalText(TypeDecorator[Decimal]):
    """Exact Decimal stored as TEXT.

    ``Numeric`` on SQLite stores a REAL and re-quantizes on read, silently: ``Decimal("0.0005")``
    in ``Numeric(10, 3)`` reads back ``0.001``. Text keeps every digit. Text sorts lexically, so
    rank in Python, never with ORDER BY on this column.
    """

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if not isinstance(value, Decimal) or not value.is_finite():
            raise TypeError(f"expected a finite Decimal, got {value!r}")
        return canonical(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(value)
