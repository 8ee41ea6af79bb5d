"""the remit (departments or matters) of a 定密责任人's appointment (Reg 15)

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("role_grants") as batch:
        batch.add_column(sa.Column("remit", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("role_grants") as batch:
        batch.drop_column("remit")
