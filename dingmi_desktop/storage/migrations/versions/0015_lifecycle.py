"""lifecycle of a decision: 已解密 on the register, the item's current terms, lifecycle decision forms
(变更/解密/延长/公开解密) and their written notices; register triggers re-installed from register_sql

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dingmi_desktop.storage import register_sql, register_sql_0007

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def _reinstall_register(triggers: dict[str, str], insert_columns: str, row_select: str) -> None:
    for name in register_sql_0007.TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name, body in triggers.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute("DELETE FROM register_entries")  # the FTS index follows through its delete trigger
    op.execute(f"INSERT INTO register_entries ({insert_columns}) {row_select}")


def upgrade() -> None:
    op.add_column("forms", sa.Column("current_terms", sa.Text(), nullable=True))
    op.create_table(
        "lifecycle_forms",
        sa.Column("form_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("item_form_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.Column("old_terms", sa.Text(), nullable=False),
        sa.Column("new_terms", sa.Text(), nullable=True),
        sa.Column("opened_by", sa.Integer(), nullable=False),
        sa.Column("opened_at", sa.String(length=40), nullable=False),
        sa.Column("applied_at", sa.String(length=40), nullable=True),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.Column("decided_by", sa.String(length=200), server_default="", nullable=False),
        sa.ForeignKeyConstraint(["form_id"], ["forms.id"]),
        sa.ForeignKeyConstraint(["item_form_id"], ["forms.id"]),
        sa.ForeignKeyConstraint(["opened_by"], ["users.id"]),
        sa.ForeignKeyConstraint(["decision_id"], ["decisions.id"]),
        sa.PrimaryKeyConstraint("form_id"),
    )
    op.create_index("ix_lifecycle_forms_item_form_id", "lifecycle_forms", ["item_form_id"])
    op.create_table(
        "lifecycle_notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.Column("person", sa.Text(), nullable=False),
        sa.Column("notified_on", sa.String(length=10), nullable=True),
        sa.Column("recorded_by", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(["form_id"], ["lifecycle_forms.form_id"]),
        sa.ForeignKeyConstraint(["recorded_by"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("form_id", "source", "person"),
    )
    op.create_index("ix_lifecycle_notices_form_id", "lifecycle_notices", ["form_id"])
    # A lifecycle form is never its own register row; 已解密 items stay on it with their current terms.
    _reinstall_register(register_sql.TRIGGERS, register_sql.INSERT_COLUMNS, register_sql.row_select("f.id"))


def downgrade() -> None:
    old = register_sql_0007
    _reinstall_register(old.TRIGGERS, old.INSERT_COLUMNS, old.row_select("f.id"))
    op.drop_table("lifecycle_notices")
    op.drop_table("lifecycle_forms")
    op.execute("ALTER TABLE forms DROP COLUMN current_terms")  # in place: a table copy would break FKs
