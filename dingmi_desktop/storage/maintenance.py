"""Backup, restore and integrity check of a whole store, with their permission checks and audit entries."""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.domain.roles import Role
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
from dingmi_desktop.storage.audit_verifier import chain_head, hash_at, root_fingerprint
from dingmi_desktop.storage.backup import manifest_authentic, read_manifest, restore_backup, write_backup
from dingmi_desktop.storage.engine import make_engine, pages_missing, sidecars
from dingmi_desktop.storage.files import SLOTS_NAME, DirLock, check_db_file, translated_errors
from dingmi_desktop.storage.integrity import database_problems, verify_trail
from dingmi_desktop.storage.register_check import trigram_problems
from dingmi_desktop.storage.session import Session
from dingmi_desktop.storage.store import Store


def backup(session: Session, out: Path) -> None:
    """系统管理员 only. The audit entry is committed first so the backup contains it."""
    session.require_role(Role.SYSADMIN)
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
        seq, head_hash = chain_head(tx.orm)  # the 备份 entry: a later restore compares with it
        meta = {"reason": "backup", "head": {"seq": seq, "hash": head_hash}, "root": root_fingerprint(tx.orm)}
    try:
        with translated_errors(store.db_path):
            write_backup(store.raw_connection(), store.data_key, store.slots, out, meta)
    except DingmiError as exc:  # e.g. the medium filled up: the trail says the backup was not made
        with contextlib.suppress(DingmiError), session.transaction() as tx:
            tx.audit.append(
                "备份", object_type="file", object_id=out.name, result="失败", detail={"原因": exc.message}
            )
        raise


@dataclass
class BackupComparison:
    """A backup against the store it would replace (issue 11 item 6)."""

    findings: list[str] = field(default_factory=list)  # Chinese, one per finding
    dropped: int = 0  # the live store's audit entries after the backup's head: a restore drops them


def compare_backup(session: Session, backup_file: Path) -> BackupComparison:
    """Checks the backup's authenticated manifest with the live store's data key and compares heads: the
    live store older than the backup (rolled back), no longer holding the backup's head (rewritten)."""
    header = read_manifest(Path(backup_file))
    result = BackupComparison()
    store = session.store
    if header.get("store_id") != store.store_id:
        result.findings.append("备份不属于此数据存储（数据存储编号不同）")
        return result
    head = header.get("head")
    if "mac" not in header or not isinstance(head, dict):
        result.findings.append("备份由旧版本制作，清单未经认证、不含审计链头，无法比对新旧")
        return result
    if not manifest_authentic(store.data_key, header):
        result.findings.append("备份清单的认证无效：清单被改动，或备份不是用本数据存储的密钥制作的")
        return result
    seq, backup_hash = int(head["seq"]), str(head["hash"])
    with session.transaction() as tx:
        live_seq, _ = chain_head(tx.orm)
        live_hash = hash_at(tx.orm, seq)
        root = root_fingerprint(tx.orm)
    if header.get("root") != root:
        result.findings.append("备份的单位信任根指纹与现有数据存储的不同（另一数据存储，或信任根被替换）")
    if live_seq < seq:
        result.findings.append(
            f"现有数据存储比备份旧，可能已被回退到旧副本"
            f"（备份时审计链已到第 {seq} 条，现仅到第 {live_seq} 条）"
        )
    elif live_hash != backup_hash:
        result.findings.append(f"现有数据存储已不包含备份时的审计链头：审计链在第 {seq} 条之后被改写")
    else:
        result.dropped = live_seq - seq
    return result


def restore(backup_file: Path, data_dir: Path, *, replace: bool = False) -> Path | None:
    """Into an empty directory; with `replace`, the store in `data_dir` is kept beside it under a new name
    (returned) and the backup restored in its place. Audited at the next sign-in (no key here)."""
    data_dir = Path(data_dir)
    if replace and data_dir.exists() and any(data_dir.iterdir()):
        return _replace(Path(backup_file), data_dir)
    _restore_into(Path(backup_file), data_dir)
    return None


def _replace(backup_file: Path, data_dir: Path) -> Path:
    staging = data_dir.with_name(f".{data_dir.name}.restoring")
    kept = next(
        path
        for n in range(1, 1000)
        if not (path := data_dir.with_name(f"{data_dir.name}.replaced-{n}")).exists()
    )
    if staging.exists():
        shutil.rmtree(staging)
    _restore_into(backup_file, staging)
    lock = DirLock(data_dir)  # no one else has the live store open while it is moved aside
    try:
        os.replace(data_dir, kept)
    finally:
        lock.release()
    os.replace(staging, data_dir)
    return kept


def _restore_into(backup_file: Path, data_dir: Path) -> None:
    header = restore_backup(backup_file, data_dir)
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
    reports problems, never audit contents. `verified`: check_read_only already found the store intact;
    left are the search index's full comparison (an INSERT, see register_check) and the audit entry."""
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
            if verified:  # read-only, the search index was compared by its rows only
                problems = trigram_problems(tx.orm)
            if not problems:
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
