"""Backup, restore and integrity check of a whole store, with their permission checks and audit entries."""

from __future__ import annotations

from pathlib import Path

from dingmi_desktop.security.errors import BackupInvalid, DatabaseDamaged, InvalidInput
from dingmi_desktop.security.keyslots import SlotFile
from dingmi_desktop.storage.backup import restore_backup, write_backup
from dingmi_desktop.storage.files import SLOTS_NAME, DirLock, translated_errors
from dingmi_desktop.storage.integrity import database_problems, verify_trail
from dingmi_desktop.storage.records import SYSADMIN
from dingmi_desktop.storage.session import Session


def backup(session: Session, out: Path) -> None:
    """系统管理员 only. The audit entry is committed first so the backup contains it."""
    session.require_role(SYSADMIN)
    store = session.store
    out = Path(out)
    if out.resolve().is_relative_to(store.data_dir.resolve()):
        raise InvalidInput("备份文件不能写在数据目录内，请选择其他位置（如移动介质）。")
    with session.transaction() as tx:
        tx.audit.append("备份", object_type="file", object_id=out.name)
    with translated_errors():
        write_backup(store.raw_connection(), store.data_key, store.slots, out, {"reason": "backup"})


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


def check(session: Session) -> list[str]:
    """Page HMACs, SQLite structure, audit chain, signatures, keys. Any signed-in user may run it: it
    reports problems, never audit contents. A damaged store is only read, never written."""
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
