"""备案 / 报备 to the superior: each filing the office prepared (draft) and the officer signed

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "filings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("period_from", sa.String(length=10), nullable=False),
        sa.Column("period_to", sa.String(length=10), nullable=False),
        sa.Column("superior", sa.String(length=200), nullable=False),
        sa.Column("item_count", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("content_digest", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("prepared_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("signer_id", sa.Integer(), nullable=True),
        sa.Column("signed_at", sa.String(length=40), nullable=True),
        sa.Column("signature", sa.LargeBinary(), nullable=True),
        sa.Column("cert_hash", sa.String(length=64), nullable=True),
        sa.Column("key_id", sa.Integer(), nullable=True),
        sa.Column("head_seq", sa.Integer(), nullable=True),
        sa.Column("head_hash", sa.String(length=128), nullable=True),
        sa.Column("root", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["prepared_by"], ["users.id"]),
        sa.ForeignKeyConstraint(["signer_id"], ["users.id"]),
        sa.ForeignKeyConstraint(["key_id"], ["user_keys.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    # A signed filing is a fact sent upward: never edited, never deleted; a draft is only ever signed.
    op.execute(
        "CREATE TRIGGER filings_signed_no_update BEFORE UPDATE ON filings WHEN OLD.signature IS NOT NULL "
        "BEGIN SELECT RAISE(ABORT, 'a signed filing is final'); END"
    )
    op.execute(
        "CREATE TRIGGER filings_no_delete BEFORE DELETE ON filings "
        "BEGIN SELECT RAISE(ABORT, 'filings are kept'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER filings_no_delete")
    op.execute("DROP TRIGGER filings_signed_no_update")
    op.drop_table("filings")
