"""a draft revision no decision refers to may be amended in place (autosave); a decided one never changes

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Decisions sign a revision's content hash: once one refers to a revision, that revision is frozen.
    # Before that, the drafter's saves amend it, so autosaves do not add a revision each. Rows are still
    # never deleted, and a revision never changes its form or number.
    op.execute("DROP TRIGGER form_revisions_no_update")
    op.execute(
        "CREATE TRIGGER form_revisions_no_update BEFORE UPDATE ON form_revisions "
        "WHEN NEW.id IS NOT OLD.id OR NEW.form_id IS NOT OLD.form_id OR NEW.revision IS NOT OLD.revision "
        "OR NEW.saved_by IS NOT OLD.saved_by "
        "OR EXISTS (SELECT 1 FROM decisions d WHERE d.form_id = OLD.form_id AND d.revision = OLD.revision) "
        "BEGIN SELECT RAISE(ABORT, 'form_revisions is append-only once a decision refers to a revision'); END"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER form_revisions_no_update")
    op.execute(
        "CREATE TRIGGER form_revisions_no_update BEFORE UPDATE ON form_revisions "
        "BEGIN SELECT RAISE(ABORT, 'form_revisions is append-only'); END"
    )
