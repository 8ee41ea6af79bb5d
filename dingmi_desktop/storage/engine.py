"""SQLCipher 4 under SQLAlchemy 2: a creator that keys each connection with the raw 256-bit data key.

Settings fixed here on purpose: WAL journal, synchronous=FULL, temp_store=MEMORY (no plaintext temp files),
a 64 MiB page cache. Never touch `secure_delete`: turning it OFF/FAST with a key set corrupted pages (HMAC
failures) once FTS5 tables churned. `cipher_log_level=NONE` keeps SQLCipher quiet on a wrong key.

SQLite failures are named truly (classify_db_error): a full disk or a read-only data folder is never
reported as a damaged database, because "restore from backup" would throw away good data.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import StaticPool

from dingmi_desktop.security.errors import DatabaseDamaged, DataDirReadOnly, DingmiError, DiskFull
from dingmi_desktop.security.fsutil import write_error

CACHE_KIB = 64 * 1024
PAGE_SIZE = 4096  # SQLCipher 4 default

# SQLite primary result codes (the low byte of an extended code).
SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT = 3, 8, 10, 11
SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 13, 14, 26


def sidecars(db_path: Path) -> list[Path]:
    return [db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm")]


def writable(db_path: Path) -> bool:
    """The folder and the database files can be written. os.access sees read-only mounts (EROFS) and
    immutable files (EPERM) even for root, who passes every permission bit."""
    paths = [db_path.parent, db_path, *sidecars(db_path)]
    return all(os.access(p, os.W_OK) for p in paths if p == db_path.parent or p.exists())


def pages_missing(db_path: Path, pages: int) -> bool:
    """The header counts more pages than the file holds (truncated), unless a WAL still holds them."""
    wal = sidecars(db_path)[0]
    return not (wal.exists() and wal.stat().st_size) and pages * PAGE_SIZE > db_path.stat().st_size


def classify_db_error(exc: BaseException, db_path: Path | None = None) -> DingmiError | None:
    """Our message for an SQLite or OS failure, or None when it is a programming error to let through.
    Real damage is SQLITE_CORRUPT / NOTADB (also a failed page HMAC); FULL, IOERR, READONLY and CANTOPEN
    are about the disk or the folder, told apart by looking at the folder."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(orig, OSError):
        return write_error(orig, db_path)
    if not isinstance(orig, sqlcipher3.DatabaseError):
        return None
    code = (getattr(orig, "sqlite_errorcode", None) or 0) & 0xFF
    text = str(orig).lower()
    folder = db_path.parent if db_path is not None else None
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB) or any(
        word in text for word in ("malformed", "not a database", "corrupt", "hmac")
    ):
        return DatabaseDamaged()
    disk = code in (SQLITE_FULL, SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_READONLY) or any(
        word in text for word in ("full", "disk i/o", "readonly", "unable to open")
    )
    if not disk:
        return None
    if code == SQLITE_READONLY or "readonly" in text or (db_path is not None and not writable(db_path)):
        return DataDirReadOnly.at(folder) if folder is not None else DataDirReadOnly()
    if code == SQLITE_CANTOPEN or "unable to open" in text:
        return DatabaseDamaged("无法打开数据库文件 dingmi.db：请检查该文件是否存在、是否可读；文件未被修改。")
    return DiskFull.at(folder) if folder is not None else DiskFull()


def connect_raw(
    db_path: Path, key: bytes | None, *, check: bool = True, read_only: bool = False
) -> sqlcipher3.Connection:
    """One DBAPI connection, keyed (or plain SQLite when key is None, for the benchmark ratio).

    read_only: SQLite mode=ro plus query_only, for a store that may be damaged; with no pending WAL also
    immutable=1, so not even the -wal/-shm side files are created."""
    created = [p for p in sidecars(db_path) if not p.exists()]
    if read_only:
        wal = sidecars(db_path)[0]
        pending = wal.exists() and wal.stat().st_size > 0
        target, uri = db_path.resolve().as_uri() + "?mode=ro" + ("" if pending else "&immutable=1"), True
    else:
        target, uri = str(db_path), False
    conn = None
    try:
        conn = sqlcipher3.connect(target, uri=uri, check_same_thread=False, isolation_level=None)
        conn.execute("PRAGMA cipher_log_level = NONE")
        if key is not None:
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        if read_only:
            conn.execute("PRAGMA query_only = ON")
        if check:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        conn.execute("PRAGMA busy_timeout = 5000")
        if not read_only:
            conn.execute("PRAGMA journal_mode = WAL").fetchall()
            conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlcipher3.DatabaseError as exc:
        if conn is not None:
            conn.close()
        _remove_created(created)
        raise (classify_db_error(exc, db_path) or DatabaseDamaged()) from exc
    return conn


def _remove_created(created: list[Path]) -> None:
    """A failed open leaves nothing behind: empty side files it made (e.g. on a full disk) are removed.
    Safe: the store's directory lock is held, and a connection that failed to open wrote no data."""
    for path in created:
        with contextlib.suppress(OSError):
            if path.stat().st_size == 0 or path.name.endswith("-shm"):
                path.unlink()


def make_engine(db_path: Path, key: bytes | None, *, read_only: bool = False) -> Engine:
    """One shared connection (StaticPool): the store is used from one worker thread at a time."""
    engine = create_engine(
        "sqlite://",
        creator=lambda: connect_raw(db_path, key, read_only=read_only),
        poolclass=StaticPool,
        module=sqlcipher3,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:  # type: ignore[no-untyped-def]
        # IMMEDIATE takes the write lock up front, so reading the audit chain head and appending is atomic;
        # a read-only engine takes a plain (deferred) read transaction: one consistent snapshot.
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine
