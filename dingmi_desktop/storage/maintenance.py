"""Backup, restore and integrity check of a whole store, with their permission checks and audit entries."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.security.errors import (
    AccountDisabled,
    BackupInvalid,
    DatabaseDamaged,
    DataDirReadOnly,
    DingmiError,
    InvalidInput,
    ReadOnlyLocation,
    WrongPassword,
)
from dingmi_desktop.security.keyslots import SlotFile
from dingmi_desktop.storage import schema
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.backup import restore_backup, write_backup
from dingmi_desktop.storage.engine import make_engine, pages_missing, sidecars
from dingmi_desktop.storage.files import SLOTS_NAME, DirLock, check_db_file, translated_errors
from dingmi_desktop.storage.integrity import database_problems, verify_trail
from dingmi_desktop.storage.records import SYSADMIN
from dingmi_desktop.storage.session import Session
from dingmi_desktop.storage.store import Store


def backup(session: Session, out: Path) -> None:
    """系统管理员 only. The audit entry is committed first so the backup contains it."""
    session.require_role(SYSADMIN)
    store = session.store
    out = Path(out)
    if out.resolve().is_relative_to(store.data_dir.resolve()):
        raise InvalidInput("备份文件不能写在数据目录内，请选择其他位置（如移动介质）。")
    if not out.parent.is_dir():
        raise InvalidInput(f"备份位置不存在：{out.parent}。请选择已有的文件夹。")
    if not os.access(out.parent, os.W_OK):  # refused before the audit entry: nothing written
        raise ReadOnlyLocation.at(out.parent)
    with session.transaction() as tx:
        tx.audit.append("备份", object_type="file", object_id=out.name)
    try:
        with translated_errors(store.db_path):
            write_backup(store.raw_connection(), store.data_key, store.slots, out, {"reason": "backup"})
    except DingmiError as exc:  # e.g. the medium filled up: the trail says the backup was not made
        with contextlib.suppress(DingmiError), session.transaction() as tx:
            tx.audit.append(
                "备份", object_type="file", object_id=out.name, result="失败", detail={"原因": exc.message}
            )
        raise


def restore(backup_file: Path, data_dir: Path) -> None:
    """Into an empty directory only; audited at the next sign-in (the key is not known here)."""
    header = restore_backup(Path(backup_file), Path(data_dir))
    lock = DirLock(Path(data_dir))
    try:
        slots = SlotFile.load(Path(data_dir) / SLOTS_NAME)
        if slots.store_id != header["store_id"]:
            raise BackupInvalid()
        from dingmi_desktop.storage.records import utc_now

        slots.note(utc_now(), "system", "恢复", "成功")
        slots.save()
    finally:
        lock.release()


def check(session: Session, *, verified: bool = False) -> list[str]:
    """Page HMACs, SQLite structure, audit chain, signatures, keys. Any signed-in user may run it: it
    reports problems, never audit contents. `verified`: check_read_only already found the store intact,
    only the audit entry is left to write."""
    problems: list[str] = []
    if not verified:
        try:
            with session.transaction() as tx:
                problems = database_problems(tx.orm)
                if not problems:
                    problems = verify_trail(tx.orm, session.store.slots).problems
        except DatabaseDamaged as exc:
            problems = [exc.message.rstrip("。")]
    if not problems:
        with session.transaction() as tx:
            tx.audit.append("完整性检查")
    return problems


def check_read_only(store: Store, username: str, password: str) -> tuple[list[str], bool]:
    """The checks of `dingmi check` before anything is written: (problems, complete). A damaged store is
    only read (SQLite mode=ro, query_only), never written, not even a sign-in entry. `complete` is False
    for an older store, whose trail is verified after the migration that sign-in makes."""
    created = [path for path in sidecars(store.db_path) if not path.exists()]
    engine = open_read_only(store, username, password)
    try:
        with translated_errors(store.db_path):
            complete = not schema.needs_upgrade(engine)
            with OrmSession(engine) as orm, orm.begin():
                active = orm.scalar(select(t.User.active).where(t.User.username == username))
                if not active:
                    raise AccountDisabled()
                problems = database_problems(orm)
                if not problems and complete:
                    problems = verify_trail(orm, store.slots).problems
    except DatabaseDamaged as exc:
        problems = [exc.message.rstrip("。")]
    finally:
        engine.dispose()
        for path in created:  # with a pending WAL SQLite makes its -shm index even read-only: not left
            with contextlib.suppress(OSError):
                path.unlink()
    return problems, complete


def open_read_only(store: Store, username: str, password: str) -> Engine:
    """Lockout check, KDF and unwrap as at sign-in (a wrong password is counted), then the database opened
    read-only (mode=ro, query_only, immutable without a pending WAL): no migration, no checkpoint, no
    side file. The caller disposes the engine."""
    now = store.clock()
    store.slots.check_not_locked(username, now)
    try:
        key, _seed = store.slots.unwrap(username, password)
    except WrongPassword as exc:
        with contextlib.suppress(DataDirReadOnly, ReadOnlyLocation):  # a read-only folder cannot count it
            store.slots.record_failure(username, now)
        exc.attempts_left, exc.lock_minutes = store.slots.attempts_left(username), store.slots.lock_minutes
        raise
    check_db_file(store.db_path)
    with translated_errors(store.db_path):
        engine = make_engine(store.db_path, key, read_only=True)
        try:
            with engine.connect() as conn:
                if pages_missing(store.db_path, conn.exec_driver_sql("PRAGMA page_count").scalar_one()):
                    raise DatabaseDamaged()
                store_id = conn.execute(select(t.Meta.value).where(t.Meta.key == "store_id")).scalar()
            if store_id != store.slots.store_id:
                raise DatabaseDamaged("数据库与密钥槽文件不属于同一数据存储，无法打开。")
        except BaseException:
            engine.dispose()
            raise
    return engine
