"""the expiry pass: expiries (once per item), expiry_passes (the clock watermark), (status, 解密日) index

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_APPEND_ONLY = ("expiries", "expiry_passes")


def upgrade() -> None:
    op.create_table(
        "expiries",
        sa.Column("form_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("declassified_on", sa.String(length=10), nullable=False),
        sa.Column("how", sa.String(length=16), nullable=False),
        sa.Column("recorded_at", sa.String(length=40), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["form_id"], ["forms.id"]),
        sa.PrimaryKeyConstraint("form_id"),
    )
    op.create_table(
        "expiry_passes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ran_at", sa.String(length=40), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("expired", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_expiry_passes_outcome_ran_at", "expiry_passes", ["outcome", "ran_at"])
    op.create_index("ix_forms_status_declassify_on", "forms", ["status", "declassify_on"])
    # A 解密 once recorded is never edited or removed: the key alone keeps a second pass from repeating it.
    for table in _APPEND_ONLY:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )


def downgrade() -> None:
    for table in _APPEND_ONLY:
        for verb in ("update", "delete"):
            op.execute(f"DROP TRIGGER {table}_no_{verb}")
    op.drop_index("ix_forms_status_declassify_on", table_name="forms")
    op.drop_index("ix_expiry_passes_outcome_ran_at", table_name="expiry_passes")
    op.drop_table("expiry_passes")
    op.drop_table("expiries")
