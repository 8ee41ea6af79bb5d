"""What a 系统管理员 with the data key could do directly to the database file, bypassing the program."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import sqlcipher3

from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.audit import GENESIS, entry_hash
from dingmi_desktop.storage.engine import connect_raw
from dingmi_desktop.storage.store import Store


@contextlib.contextmanager
def raw_admin(store: Store, *, restore_triggers: bool = False) -> Iterator[sqlcipher3.Connection]:
    """A direct connection with the append-only triggers dropped (as an attacker would); with
    `restore_triggers` they are back when it commits (a store as an older version left it)."""
    conn = connect_raw(store.db_path, store.data_key)
    try:
        triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
        conn.execute("BEGIN")
        for name, _ in triggers:
            conn.execute(f"DROP TRIGGER {name}")
        yield conn
        if restore_triggers:
            for _, sql in triggers:
                conn.execute(sql)
        conn.execute("COMMIT")
    finally:
        conn.close()


def audit_row(conn: sqlcipher3.Connection, seq: int) -> dict[str, Any]:
    cursor = conn.execute("SELECT * FROM audit_log WHERE seq = ?", (seq,))
    names = [d[0] for d in cursor.description]
    return dict(zip(names, cursor.fetchone(), strict=True))


def rehash_from(conn: sqlcipher3.Connection, seq: int) -> None:
    """Recomputes every hash from `seq` on, as an insider covering an edit or an insertion would."""
    (prev,) = conn.execute("SELECT hash FROM audit_log WHERE seq = ?", (seq - 1,)).fetchone() or (GENESIS,)
    for (current,) in conn.execute(
        "SELECT seq FROM audit_log WHERE seq >= ? ORDER BY seq", (seq,)
    ).fetchall():
        entry = t.AuditEntry(**audit_row(conn, current))
        entry.prev_hash = prev
        prev = entry_hash(entry)
        conn.execute(
            "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?", (entry.prev_hash, prev, current)
        )
