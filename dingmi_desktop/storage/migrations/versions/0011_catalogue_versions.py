"""the 依据库 in versions: 知悉范围 and 产生部门 on each 细目, the version that added and the one that retired it

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "catalog_versions",
        sa.Column("number", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("effective_from", sa.String(length=10), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("actor", sa.String(length=64), server_default="", nullable=False),
        sa.Column("recorded_at", sa.String(length=40), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("number"),
    )
    with op.batch_alter_table("catalog_items") as batch:
        batch.add_column(sa.Column("knowers", sa.Text(), server_default="", nullable=False))
        batch.add_column(sa.Column("department", sa.String(length=200), server_default="", nullable=False))
        batch.add_column(sa.Column("from_version", sa.Integer(), server_default="1", nullable=False))
        batch.add_column(sa.Column("retired_in", sa.Integer(), nullable=True))
    # The items stored before versions exist form version 1, in force since the earliest supported date.
    op.execute(
        "INSERT INTO catalog_versions (number, effective_from, note, actor, recorded_at) "
        "SELECT 1, '2000-01-01', '升级前的依据库', '', '' WHERE EXISTS (SELECT 1 FROM catalog_items)"
    )
    # A version is a record of what was in force: never edited, never removed.
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER catalog_versions_no_{verb.lower()} BEFORE {verb} ON catalog_versions "
            "BEGIN SELECT RAISE(ABORT, 'catalog_versions is append-only'); END"
        )


def downgrade() -> None:
    for verb in ("update", "delete"):
        op.execute(f"DROP TRIGGER catalog_versions_no_{verb}")
    with op.batch_alter_table("catalog_items") as batch:
        for column in ("retired_in", "from_version", "department", "knowers"):
            batch.drop_column(column)
    op.drop_table("catalog_versions")
