"""What a 系统管理员 with the data key could do directly to the database file, bypassing the program."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import sqlcipher3

from dingmi_desktop.storage.engine import connect_raw
from dingmi_desktop.storage.store import Store


@contextlib.contextmanager
def raw_admin(store: Store) -> Iterator[sqlcipher3.Connection]:
    """A direct connection with the append-only triggers dropped (as an attacker would)."""
    conn = connect_raw(store.db_path, store.data_key)
    try:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("BEGIN")
        yield conn
        conn.execute("COMMIT")
    finally:
        conn.close()
