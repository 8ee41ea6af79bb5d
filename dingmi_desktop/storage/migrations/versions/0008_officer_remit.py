"""the remit (departments or matters) of a 定密责任人's appointment (Reg 15)

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: batch mode would rebuild the table and drop any trigger on it.
    op.add_column("role_grants", sa.Column("remit", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("role_grants") as batch:
        batch.drop_column("remit")
