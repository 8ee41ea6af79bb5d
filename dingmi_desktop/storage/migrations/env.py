"""Alembic environment: always run in-process on the store's own (keyed) connection."""

from __future__ import annotations

from alembic import context

from dingmi_desktop.storage.tables import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
