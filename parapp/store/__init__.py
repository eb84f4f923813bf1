"""Persistence: SQLAlchemy models, sessions and migrations; returns core objects only."""
