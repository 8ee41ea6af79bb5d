"""SQLCipher 4 under SQLAlchemy 2: a creator that keys each connection with the raw 256-bit data key.

Settings fixed here on purpose: WAL journal, synchronous=FULL, temp_store=MEMORY (no plaintext temp files),
a 64 MiB page cache. Never touch `secure_delete`: turning it OFF/FAST with a key set corrupted pages (HMAC
failures) once FTS5 tables churned. `cipher_log_level=NONE` keeps SQLCipher quiet on a wrong key.
"""

from __future__ import annotations

from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import StaticPool

from dingmi_desktop.security.errors import DatabaseDamaged

CACHE_KIB = 64 * 1024
PAGE_SIZE = 4096  # SQLCipher 4 default


def connect_raw(db_path: Path, key: bytes | None, *, check: bool = True) -> sqlcipher3.Connection:
    """One DBAPI connection, keyed (or plain SQLite when key is None, for the benchmark ratio)."""
    conn = sqlcipher3.connect(str(db_path), check_same_thread=False, isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        if key is not None:
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        if check:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA journal_mode = WAL").fetchall()
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise DatabaseDamaged() from exc
    return conn


def make_engine(db_path: Path, key: bytes | None) -> Engine:
    """One shared connection (StaticPool): the store is used from one worker thread at a time."""
    engine = create_engine(
        "sqlite://",
        creator=lambda: connect_raw(db_path, key),
        poolclass=StaticPool,
        module=sqlcipher3,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:  # type: ignore[no-untyped-def]
        # IMMEDIATE takes the write lock up front, so reading the audit chain head and appending is atomic.
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
