"""the register (定密台账): register_entries kept by triggers, its FTS5 trigram index, sort indexes

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from alembic import op

from dingmi_desktop.storage import register_sql_0007 as register_sql

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for statement in register_sql.upgrade_statements():
        op.execute(statement)


def downgrade() -> None:
    for statement in register_sql.downgrade_statements():
        op.execute(statement)
