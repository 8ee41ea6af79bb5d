"""The data directory: file names, the one-process lock, and mapping of SQLite errors to Chinese messages."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import sqlcipher3
from sqlalchemy.exc import DBAPIError

from dingmi_desktop.security.errors import DatabaseDamaged, DataDirReadOnly, DingmiError, StoreBusy
from dingmi_desktop.security.fsutil import is_read_only_error, private_umask, write_error
from dingmi_desktop.storage.engine import classify_db_error

DB_NAME = "dingmi.db"
SLOTS_NAME = "keyslots.json"
LOCK_NAME = "store.lock"
BACKUPS_DIR = "backups"


class DirLock:
    """An exclusive OS lock on <data dir>/store.lock, held while a Store is open. The OS drops it when the
    process dies (even by SIGKILL), so a crash never leaves the store locked."""

    def __init__(self, data_dir: Path, *, read_only: bool = False) -> None:
        try:
            with private_umask():
                self._fd = os.open(data_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            if not is_read_only_error(exc):
                mapped = write_error(exc, data_dir / LOCK_NAME)
                if mapped is None:
                    raise
                raise mapped from exc
            if not read_only:
                raise DataDirReadOnly.at(data_dir) from exc
            # Only reading (`check`): a read-only folder is locked through a read-only descriptor; without
            # a lock file nobody can write there either.
            try:
                self._fd = os.open(data_dir / LOCK_NAME, os.O_RDONLY)
            except FileNotFoundError:
                self._fd = -1
                return
        try:
            if sys.platform == "win32":  # the test mypy understands
                import msvcrt

                msvcrt.locking(self._fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(self._fd)
            raise StoreBusy() from exc

    def release(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)  # closing the descriptor releases the lock
            self._fd = -1


def map_db_error(exc: BaseException, db_path: Path | None = None) -> DingmiError | None:
    """Our message for an SQLite failure, or None when it is a programming error to let through."""
    return classify_db_error(exc, db_path)


@contextlib.contextmanager
def translated_errors(db_path: Path | None = None) -> Iterator[None]:
    """SQLite and OS failures become our errors; `db_path` lets a failure be told apart (full disk,
    read-only folder) by looking at the folder."""
    try:
        yield
    except (DBAPIError, sqlcipher3.DatabaseError, OSError) as exc:
        mapped = map_db_error(exc, db_path)
        if mapped is None:
            raise
        raise mapped from exc


def check_db_file(db_path: Path) -> None:
    """Cheap checks before keying: present, and a whole number of pages unless a WAL is pending."""
    try:
        size = db_path.stat().st_size
    except FileNotFoundError as exc:
        raise DatabaseDamaged("数据库文件 dingmi.db 缺失，无法打开。请从备份恢复。") from exc
    wal = db_path.with_name(db_path.name + "-wal")
    wal_pending = wal.exists() and wal.stat().st_size > 0
    if size == 0 or (size % 4096 and not wal_pending):
        raise DatabaseDamaged()
