"""signed audit entries; the chain head and unit root on each print record

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

UNSIGNED_UNTIL = "audit.unsigned_until"


def upgrade() -> None:
    # Plain ADD COLUMN: batch mode would rebuild audit_log and drop its append-only triggers.
    op.add_column("audit_log", sa.Column("signature", sa.LargeBinary(), nullable=True))
    op.add_column("audit_log", sa.Column("signer", sa.String(80), nullable=True))
    for name, kind in (("head_seq", sa.Integer()), ("head_hash", sa.String(64)), ("root", sa.String(40))):
        op.add_column("print_records", sa.Column(name, kind, nullable=True))
    # Entries written before signing existed are accepted unsigned (旧记录) up to here, never after.
    op.execute(
        f"INSERT INTO meta(key, value) SELECT '{UNSIGNED_UNTIL}', CAST(COALESCE(MAX(seq), 0) AS TEXT) "
        "FROM audit_log"
    )


def downgrade() -> None:
    op.execute(f"DELETE FROM meta WHERE key = '{UNSIGNED_UNTIL}'")
    for table, names in (("print_records", ("head_seq", "head_hash", "root")), ("audit_log", ("signer", "signature"))):
        for name in names:
            op.drop_column(table, name)
