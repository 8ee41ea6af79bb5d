"""the register's index of characters and character pairs (searches of one or two characters), filled
from every register row

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

from alembic import op

from dingmi_desktop.storage import register_grams

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for statement in register_grams.upgrade_statements():
        op.execute(statement)
    register_grams.flush(op.get_bind())


def downgrade() -> None:
    for statement in register_grams.downgrade_statements():
        op.execute(statement)
