"""unit trust anchor: certificates, and decisions signed over the whole decision

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

DECISION_COLUMNS = ("status_before", "status_after", "prev_hash", "cert_hash")


def upgrade() -> None:
    op.create_table(
        "certificates",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("seq", sa.Integer(), nullable=False, unique=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("subject_user_id", sa.Integer(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("signature", sa.LargeBinary(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False, unique=True),
    )
    op.create_index("ix_certificates_subject_user_id", "certificates", ["subject_user_id"])
    # Append-only like the audit log: the program never edits or deletes a certificate.
    op.execute(
        "CREATE TRIGGER certificates_no_update BEFORE UPDATE ON certificates "
        "BEGIN SELECT RAISE(ABORT, 'certificates are append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER certificates_no_delete BEFORE DELETE ON certificates "
        "BEGIN SELECT RAISE(ABORT, 'certificates are append-only'); END"
    )
    # Decisions signed before this revision keep NULL here and are verified by the old rule.
    # Plain ALTER TABLE (no table rebuild): the append-only triggers of 0002 on decisions stay.
    for name in DECISION_COLUMNS:
        length = 16 if name.startswith("status") else 64
        op.add_column("decisions", sa.Column(name, sa.String(length=length), nullable=True))


def downgrade() -> None:
    for name in reversed(DECISION_COLUMNS):
        op.execute(f"ALTER TABLE decisions DROP COLUMN {name}")
    op.execute("DROP TRIGGER IF EXISTS certificates_no_delete")
    op.execute("DROP TRIGGER IF EXISTS certificates_no_update")
    op.drop_index("ix_certificates_subject_user_id", table_name="certificates")
    op.drop_table("certificates")
