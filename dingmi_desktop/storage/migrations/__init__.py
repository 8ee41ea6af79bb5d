"""Alembic migration ladder of the store; see storage/schema.py for how it is run."""
