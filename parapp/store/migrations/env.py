"""Alembic environment: runs on the engine ``parapp.store.database`` passes in."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from parapp.store.models import Base

config = context.config
engine: Engine = config.attributes["engine"]

with engine.begin() as connection:
    # Batch mode rebuilds tables where SQLite cannot ALTER; it is plain ALTER on PostgreSQL.
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
