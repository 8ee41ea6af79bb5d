"""The register against what it is derived from: the rows the triggers keep (register_entries) against their
recomputation from the forms and decisions, and the two search indexes against those rows. Part of the one
verifier (storage.integrity.verify_trail), so `check` and `audit verify` report a register row edited, added
or hidden, or a row hidden from a search, behind the program's back."""

from __future__ import annotations

import sqlcipher3
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.storage.register_sql import INSERT_COLUMNS, row_select

SHOWN = 10  # form ids named in a problem; the count says how many in all

_STORED = f"SELECT {INSERT_COLUMNS} FROM register_entries"
_DIFFERING = f"""
SELECT form_id FROM ({_STORED} EXCEPT {row_select("f.id")})
UNION SELECT id FROM ({row_select("f.id")} EXCEPT {_STORED})
ORDER BY 1"""
# Rows of the character index: a row noted dirty is re-indexed by the next transaction and searched by a scan.
_UNINDEXED = """
SELECT form_id FROM register_entries
WHERE form_id NOT IN (SELECT rowid FROM register_grams)
  AND form_id NOT IN (SELECT form_id FROM register_grams_dirty)
ORDER BY 1"""

# The trigram index's rows (one docsize row per indexed row) against the register's, both ways.
_TRIGRAM_ROWS = """
SELECT form_id FROM register_entries WHERE form_id NOT IN (SELECT id FROM register_search_docsize)
UNION SELECT id FROM register_search_docsize WHERE id NOT IN (SELECT form_id FROM register_entries)
ORDER BY 1"""


def _named(ids: list[int]) -> str:
    shown = "、".join(str(i) for i in ids[:SHOWN])
    return shown + (f" 等 {len(ids)} 项" if len(ids) > SHOWN else "")


def trigram_problems(orm: OrmSession) -> list[str]:
    """FTS5's own integrity-check compares the index with the register row by row; it is written as an
    INSERT, so a read-only connection (`check` reads a possibly damaged store first) compares the rows the
    index holds instead, and `check` runs the full comparison once the store proved intact."""
    conn = orm.connection()
    if conn.exec_driver_sql("PRAGMA query_only").scalar():
        hidden = list(conn.exec_driver_sql(_TRIGRAM_ROWS).scalars())
        return (
            [f"定密台账中表单 {_named(hidden)} 不在全文检索索引中（索引被改动，检索会漏项）"]
            if hidden
            else []
        )
    try:
        with conn.begin_nested():
            conn.exec_driver_sql(
                "INSERT INTO register_search(register_search, rank) VALUES ('integrity-check', 1)"
            )
    except DBAPIError as exc:
        if not isinstance(exc.orig, sqlcipher3.DatabaseError):
            raise
        return ["定密台账的全文检索索引与台账不一致（索引被改动，检索会漏项或多项）"]
    return []


def register_problems(orm: OrmSession) -> list[str]:
    conn = orm.connection()
    problems: list[str] = []
    differing = list(conn.exec_driver_sql(_DIFFERING).scalars())
    if differing:
        problems.append(
            f"定密台账中表单 {_named(differing)} 的登记内容与其表单和决定记录不一致（台账被改动）"
        )
    problems.extend(trigram_problems(orm))
    unindexed = list(conn.exec_driver_sql(_UNINDEXED).scalars())
    if unindexed:
        problems.append(f"定密台账中表单 {_named(unindexed)} 不在单字检索索引中（索引被改动，检索会漏项）")
    return problems
