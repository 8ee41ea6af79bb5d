"""The register (定密台账) as SQL: the row of a form computed from its index columns, current revision,
decisions and print register, and the triggers that keep `register_entries` and its FTS5 index current.

A form is on the register while its status is one of REGISTER_STATUSES and it is not itself a lifecycle
decision form (变更/解密/延长: those are listed with the item they change). An item's current terms (密级,
保密期限, 知悉范围 after an approved change or extension, 0015) are read from `forms.current_terms` when set,
else from its decided revision; the index columns (category, marking, declassify_on) carry them too.
Every write that can change a row (form, revision, decision, print record) deletes and re-inserts it, so
the table never drifts; the external-content FTS5 table follows through its own triggers. Migration 0015
executes this text (0007 runs its frozen copy, register_sql_0007): a later migration that changes it must
freeze a copy for 0015 and drop and recreate the triggers (the DDL of each revision stays frozen).
"""

from __future__ import annotations

REGISTER_STATUSES = ("已定密", "待上级确定", "不明事项待定", "争议待定", "已解密")
DECIDING_ACTIONS = ("approve", "record_superior_decision", "record_escalation_reply")
SEARCH_COLUMNS = ("title", "doc_number", "basis", "scope", "draft_opinion", "opinions")
# Sortable columns (all indexed, each with form_id as the tie-breaker that makes the order total).
COLUMNS = (
    "form_id",
    "title",
    "kind",
    "doc_number",
    "department",
    "category",
    "marking",
    "period_form",
    "period_value",
    "start_date",
    "declassify_on",
    "declassify_condition",
    "scope",
    "basis",
    "origin",
    "status",
    "copies",
    "drafter",
    "officer",
    "decided_at",
)

_STATUSES = ", ".join(f"'{s}'" for s in REGISTER_STATUSES)
_ACTIONS = ", ".join(f"'{a}'" for a in DECIDING_ACTIONS)
_J = "json_extract(r.content, '$.{}')"
# the current terms: an approved change or extension (forms.current_terms), else the decided revision
_T = "json_extract(coalesce(f.current_terms, r.content), '$.{}')"


def _period_form() -> str:
    _J = _T  # the same expressions, over the current terms
    return (
        f"CASE WHEN {_J.format('period.years')} IS NOT NULL OR {_J.format('period.months')} IS NOT NULL "
        f"THEN '保密期限' WHEN {_J.format('period.until')} IS NOT NULL THEN '解密时间' "
        f"WHEN {_J.format('period.condition')} IS NOT NULL THEN '解密条件' "
        f"WHEN {_J.format('period.long_term')} IS NOT NULL THEN '长期' ELSE '' END"
    )


def _period_value() -> str:
    _J = _T  # the same expressions, over the current terms
    return (
        f"CASE WHEN {_J.format('period.years')} IS NOT NULL THEN {_J.format('period.years')} || '年' "
        f"WHEN {_J.format('period.months')} IS NOT NULL THEN {_J.format('period.months')} || '个月' "
        f"WHEN {_J.format('period.until')} IS NOT NULL THEN {_J.format('period.until')} "
        f"WHEN {_J.format('period.condition')} IS NOT NULL THEN {_J.format('period.condition')} "
        f"WHEN {_J.format('period.long_term')} IS NOT NULL THEN '长期' ELSE '' END"
    )


def row_select(form_id: str) -> str:
    """SELECT producing the register row of form `form_id` (an SQL expression), none when off-register."""
    deciding = (
        f"FROM decisions d WHERE d.form_id = f.id AND d.action IN ({_ACTIONS}) ORDER BY d.id DESC LIMIT 1"
    )
    return f"""
SELECT f.id, f.title, f.kind, f.doc_number, f.department, f.category, f.marking,
  {_period_form()}, {_period_value()},
  coalesce({_J.format("start_date")}, ''), f.declassify_on,
  coalesce({_T.format("period.condition")}, ''),
  coalesce({_T.format("scope")}, ''),
  trim(coalesce({_J.format("basis.reference")}, '') || ' ' || coalesce({_J.format("basis.text")}, '')),
  CASE {_J.format("basis.kind")} WHEN '派生' THEN '派生' ELSE '原始' END,
  f.status,
  (SELECT coalesce(sum(p.copies_to - p.copies_from + 1), 0) FROM print_records p
   WHERE p.form_id = f.id AND p.kind = '印制'),
  f.drafter_id,
  coalesce((SELECT u.username FROM users u WHERE u.id = f.drafter_id), ''),
  coalesce((SELECT u.username FROM decisions d JOIN users u ON u.id = d.actor_id
            WHERE d.form_id = f.id AND d.action IN ({_ACTIONS}) ORDER BY d.id DESC LIMIT 1), ''),
  coalesce((SELECT d.time {deciding}), ''),
  coalesce({_J.format("opinion")}, ''),
  coalesce((SELECT group_concat(d.opinion, char(10)) FROM decisions d
            WHERE d.form_id = f.id AND d.opinion <> ''), '')
FROM forms f JOIN form_revisions r ON r.form_id = f.id AND r.revision = f.revision
WHERE f.id = {form_id} AND f.status IN ({_STATUSES})
  AND NOT EXISTS (SELECT 1 FROM lifecycle_forms l WHERE l.form_id = f.id)"""


INSERT_COLUMNS = (
    "form_id, title, kind, doc_number, department, category, marking, period_form, period_value, "
    "start_date, declassify_on, declassify_condition, scope, basis, origin, status, copies, drafter_id, "
    "drafter, officer, decided_at, draft_opinion, opinions"
)

CREATE_TABLE = """
CREATE TABLE register_entries (
  form_id INTEGER NOT NULL PRIMARY KEY REFERENCES forms (id),
  title TEXT NOT NULL, kind VARCHAR(16) NOT NULL, doc_number VARCHAR(100) NOT NULL,
  department VARCHAR(200) NOT NULL, category VARCHAR(8) NOT NULL, marking VARCHAR(100) NOT NULL,
  period_form VARCHAR(8) NOT NULL, period_value TEXT NOT NULL, start_date VARCHAR(10) NOT NULL,
  declassify_on VARCHAR(10), declassify_condition TEXT NOT NULL, scope TEXT NOT NULL, basis TEXT NOT NULL,
  origin VARCHAR(4) NOT NULL, status VARCHAR(16) NOT NULL, copies INTEGER NOT NULL,
  drafter_id INTEGER NOT NULL REFERENCES users (id), drafter VARCHAR(64) NOT NULL,
  officer VARCHAR(64) NOT NULL, decided_at VARCHAR(40) NOT NULL, draft_opinion TEXT NOT NULL,
  opinions TEXT NOT NULL
)"""


def refresh(form_id: str) -> str:
    return (
        f"DELETE FROM register_entries WHERE form_id = {form_id}; "
        f"INSERT INTO register_entries ({INSERT_COLUMNS}) {row_select(form_id)};"
    )


def _fts_values(prefix: str) -> str:
    return ", ".join(f"{prefix}.{c}" for c in SEARCH_COLUMNS)


_COLS = ", ".join(SEARCH_COLUMNS)
_FTS_DELETE = f"INSERT INTO register_search(register_search, rowid, {_COLS})"
TRIGGERS = {
    "register_forms_ins": f"AFTER INSERT ON forms BEGIN {refresh('NEW.id')} END",
    "register_forms_upd": f"AFTER UPDATE ON forms BEGIN {refresh('NEW.id')} END",
    "register_revisions_ins": f"AFTER INSERT ON form_revisions BEGIN {refresh('NEW.form_id')} END",
    "register_revisions_upd": f"AFTER UPDATE OF content ON form_revisions BEGIN {refresh('NEW.form_id')} END",
    "register_decisions_ins": f"AFTER INSERT ON decisions BEGIN {refresh('NEW.form_id')} END",
    "register_prints_ins": f"AFTER INSERT ON print_records BEGIN {refresh('NEW.form_id')} END",
    # the external-content FTS5 index follows the table (rows are only inserted and deleted)
    "register_fts_ins": (
        f"AFTER INSERT ON register_entries BEGIN INSERT INTO register_search(rowid, {_COLS}) "
        f"VALUES (NEW.form_id, {_fts_values('NEW')}); END"
    ),
    "register_fts_del": (
        f"AFTER DELETE ON register_entries BEGIN {_FTS_DELETE} "
        f"VALUES ('delete', OLD.form_id, {_fts_values('OLD')}); END"
    ),
    "register_fts_upd": (
        f"AFTER UPDATE ON register_entries BEGIN {_FTS_DELETE} "
        f"VALUES ('delete', OLD.form_id, {_fts_values('OLD')}); "
        f"INSERT INTO register_search(rowid, {_COLS}) VALUES (NEW.form_id, {_fts_values('NEW')}); END"
    ),
}

CREATE_FTS = (
    f"CREATE VIRTUAL TABLE register_search USING fts5({_COLS}, content='register_entries', "
    "content_rowid='form_id', tokenize='trigram')"
)


def upgrade_statements() -> list[str]:
    statements = [CREATE_TABLE, CREATE_FTS]
    statements += [
        f"CREATE INDEX ix_register_{c} ON register_entries ({c}, form_id)" for c in COLUMNS if c != "form_id"
    ]
    statements.append("CREATE INDEX ix_register_drafter_id ON register_entries (drafter_id, form_id)")
    statements += [f"CREATE TRIGGER {name} {body}" for name, body in TRIGGERS.items()]
    statements.append(f"INSERT INTO register_entries ({INSERT_COLUMNS}) {row_select('f.id')}")
    return statements


def downgrade_statements() -> list[str]:
    return [f"DROP TRIGGER {name}" for name in TRIGGERS] + [
        "DROP TABLE register_search",
        "DROP TABLE register_entries",
    ]
