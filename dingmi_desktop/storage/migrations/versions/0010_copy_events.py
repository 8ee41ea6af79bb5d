"""the fate of printed copies: 分发 (to whom), 收回, 销毁 (with a witness), append-only

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "copy_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("print_id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("copies_from", sa.Integer(), nullable=False),
        sa.Column("copies_to", sa.Integer(), nullable=False),
        sa.Column("party", sa.String(length=200), server_default="", nullable=False),
        sa.Column("witness", sa.String(length=200), server_default="", nullable=False),
        sa.Column("event_date", sa.String(length=10), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["print_id"], ["print_records.id"]),
        sa.ForeignKeyConstraint(["form_id"], ["forms.id"]),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_copy_events_print_id", "copy_events", ["print_id"])
    # A copy's history is a record of facts: a mistake is answered by a further event, never an edit.
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER copy_events_no_{verb.lower()} BEFORE {verb} ON copy_events "
            "BEGIN SELECT RAISE(ABORT, 'copy_events is append-only'); END"
        )


def downgrade() -> None:
    for verb in ("update", "delete"):
        op.execute(f"DROP TRIGGER copy_events_no_{verb}")
    op.drop_index("ix_copy_events_print_id", table_name="copy_events")
    op.drop_table("copy_events")
