"""covering indexes for the work queues (newest first, by drafter and status)

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_forms_drafter_status_updated", "forms", ["drafter_id", "status", "updated_at", "id"])
    op.create_index("ix_forms_status_updated", "forms", ["status", "updated_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_forms_status_updated", table_name="forms")
    op.drop_index("ix_forms_drafter_status_updated", table_name="forms")
