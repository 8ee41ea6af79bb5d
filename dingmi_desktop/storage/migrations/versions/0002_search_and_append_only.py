"""full-text search over forms; append-only audit log and decisions

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_APPEND_ONLY = ("audit_log", "decisions", "form_revisions")


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE form_search USING fts5(title, body, tokenize = 'trigram')"
    )
    # Backfill from the current revision of every existing form (rowid = form id).
    op.execute(
        "INSERT INTO form_search(rowid, title, body) "
        "SELECT f.id, f.title, r.content FROM forms f "
        "JOIN form_revisions r ON r.form_id = f.id AND r.revision = f.revision"
    )
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
    op.execute("DROP TABLE form_search")
