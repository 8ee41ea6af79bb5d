"""print register records the printer

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Rows printed before this revision keep an empty printer name (it was only in the audit detail).
    with op.batch_alter_table("print_records", schema=None) as batch_op:
        batch_op.add_column(sa.Column("printer", sa.String(length=200), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("print_records", schema=None) as batch_op:
        batch_op.drop_column("printer")
