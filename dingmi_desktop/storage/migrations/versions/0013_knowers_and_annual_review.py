"""widening the circle (知悉人员 added after approval) and the annual review (年度审核) worklist

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_SIGNED = (
    ("key_id", sa.Integer()),
    ("cert_hash", sa.String(length=64)),
    ("signature", sa.LargeBinary()),
)


def upgrade() -> None:
    op.create_table(
        "knower_grants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("person", sa.String(length=100), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("level", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("requested_by", sa.Integer(), nullable=False),
        sa.Column("requested_at", sa.String(length=40), nullable=False),
        sa.Column("approver_id", sa.Integer(), nullable=True),
        sa.Column("approved_at", sa.String(length=40), nullable=True),
        sa.Column("opinion", sa.Text(), server_default="", nullable=False),
        *(sa.Column(name, kind, nullable=True) for name, kind in _SIGNED),
        sa.ForeignKeyConstraint(["form_id"], ["forms.id"]),
        sa.ForeignKeyConstraint(["requested_by"], ["users.id"]),
        sa.ForeignKeyConstraint(["approver_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_knower_grants_form_id", "knower_grants", ["form_id"])
    # A grant is a fact: never deleted, and frozen once approved or recorded (only 待批准 → 已批准).
    op.execute(
        "CREATE TRIGGER knower_grants_no_delete BEFORE DELETE ON knower_grants "
        "BEGIN SELECT RAISE(ABORT, 'knower_grants is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER knower_grants_frozen BEFORE UPDATE ON knower_grants WHEN OLD.status <> '待批准' "
        "BEGIN SELECT RAISE(ABORT, 'a decided knower grant is final'); END"
    )
    op.create_table(
        "annual_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("category", sa.String(length=8), nullable=False),
        sa.Column("outcome", sa.String(length=4), server_default="", nullable=False),
        sa.Column("opinion", sa.Text(), server_default="", nullable=False),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.String(length=40), nullable=True),
        sa.Column("draft_form_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        *(sa.Column(name, kind, nullable=True) for name, kind in _SIGNED),
        sa.ForeignKeyConstraint(["form_id"], ["forms.id"]),
        sa.ForeignKeyConstraint(["officer_id"], ["users.id"]),
        sa.ForeignKeyConstraint(["decided_by"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("year", "form_id"),
    )
    # The worklist pages by year (all, by officer, pending first) and counts progress from the index.
    op.create_index(
        "ix_annual_reviews_year_officer", "annual_reviews", ["year", "officer_id", "outcome", "id"]
    )
    op.create_index("ix_annual_reviews_year_outcome", "annual_reviews", ["year", "outcome", "id"])
    op.create_index("ix_annual_reviews_year_id", "annual_reviews", ["year", "id"])
    op.execute(
        "CREATE TRIGGER annual_reviews_no_delete BEFORE DELETE ON annual_reviews "
        "BEGIN SELECT RAISE(ABORT, 'annual_reviews is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER annual_reviews_frozen BEFORE UPDATE ON annual_reviews WHEN OLD.outcome <> '' "
        "BEGIN SELECT RAISE(ABORT, 'a decided annual review is final'); END"
    )


def downgrade() -> None:
    for name in (
        "annual_reviews_frozen",
        "annual_reviews_no_delete",
        "knower_grants_frozen",
        "knower_grants_no_delete",
    ):
        op.execute(f"DROP TRIGGER {name}")
    op.drop_index("ix_annual_reviews_year_id", table_name="annual_reviews")
    op.drop_index("ix_annual_reviews_year_outcome", table_name="annual_reviews")
    op.drop_index("ix_annual_reviews_year_officer", table_name="annual_reviews")
    op.drop_table("annual_reviews")
    op.drop_index("ix_knower_grants_form_id", table_name="knower_grants")
    op.drop_table("knower_grants")
