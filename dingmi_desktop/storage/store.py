"""A store: one private data directory with the SQLCipher database and the key-slot file."""

from __future__ import annotations

import contextlib
import logging
import os
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.domain.categories import LEVEL_NAMES
from dingmi_desktop.security.errors import (
    AccountDisabled,
    DatabaseDamaged,
    DataDirReadOnly,
    InvalidInput,
    SlotFileDamaged,
    SlotFileMissing,
    StoreExists,
    StoreNotFound,
    WrongPassword,
)
from dingmi_desktop.security.fsutil import private_umask
from dingmi_desktop.security.kdf import KdfParams, calibrate
from dingmi_desktop.security.keyslots import SlotFile
from dingmi_desktop.security.passwords import PasswordPolicy
from dingmi_desktop.storage import keychange, register_grams, schema, slot_guard
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.audit import AuditWriter
from dingmi_desktop.storage.audit_verifier import audit_signer
from dingmi_desktop.storage.backup import remove_stale_snapshot, write_backup
from dingmi_desktop.storage.engine import make_engine, pages_missing, writable
from dingmi_desktop.storage.files import (
    BACKUPS_DIR,
    DB_NAME,
    LOCK_NAME,
    SLOTS_NAME,
    DirLock,
    check_db_file,
    translated_errors,
)
from dingmi_desktop.storage.records import iso, utc_now

if TYPE_CHECKING:
    from dingmi_desktop.storage.session import Session

Clock = Callable[[], datetime]
log = logging.getLogger("dingmi_desktop")


class Store:
    def __init__(self, data_dir: Path, slots: SlotFile, lock: DirLock, clock: Clock) -> None:
        self.data_dir = data_dir
        self.slots = slots
        self.clock = clock
        self._lock = lock
        self._engine: Engine | None = None
        self._key: bytes | None = None
        self.writable = True  # the data folder can be written (set by open)
        self.certified: slot_guard.UnitFacts | None = None  # read from the database at sign-in

    # ---- creating and opening ----
    @classmethod
    def create(
        cls,
        data_dir: Path,
        *,
        unit_name: str,
        authority: str,
        kdf: KdfParams | None = None,
        clock: Clock = utc_now,
    ) -> Store:
        """A new store without accounts (storage.provision.provision_store adds them, with the trust root)."""
        data_dir = Path(data_dir)
        if authority not in LEVEL_NAMES:
            raise InvalidInput("本单位定密权限须为 绝密、机密 或 秘密。")
        if not unit_name.strip():
            raise InvalidInput("单位名称不能为空。")
        if data_dir.exists() and any(data_dir.iterdir()):
            raise StoreExists()
        with private_umask():
            data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        lock = DirLock(data_dir)
        now = clock()
        slots = SlotFile(
            path=data_dir / SLOTS_NAME,
            store_id=uuid.uuid4().hex,
            unit_name=unit_name.strip(),
            authority=authority,
            kdf_default=kdf or calibrate(),
        )
        store = cls(data_dir, slots, lock, clock)
        try:
            with translated_errors(), private_umask():
                store._key = os.urandom(32)
                store._engine = make_engine(data_dir / DB_NAME, store._key)
                schema.upgrade(store._engine)
            with store.slot_transaction() as orm:  # the header alone, until provision_store adds slots
                orm.add_all(
                    [t.Meta(key="store_id", value=slots.store_id), t.Meta(key="created_at", value=iso(now))]
                )
                orm.add(t.Unit(id=1, name=slots.unit_name, authority=authority, authorisation_record=""))
                orm.add(t.SecurityPolicy(id=1, **PasswordPolicy().to_json()))
                orm.flush()
                AuditWriter(orm, "system", clock).append(
                    "创建数据存储", object_type="store", object_id=slots.store_id
                )
        except BaseException:
            store.discard()
            raise
        return store

    @classmethod
    def open(cls, data_dir: Path, *, clock: Clock = utc_now, read_only: bool = False) -> Store:
        """Reads the slot-file header only (unit name for the login dialog); the database stays closed.

        A read-only folder is refused with DataDirReadOnly, unless `read_only` (for `check`, which writes
        nothing until it has found the store intact). A snapshot left by a killed backup is removed."""
        data_dir = Path(data_dir)
        slots_path = data_dir / SLOTS_NAME
        if not slots_path.exists():
            if (data_dir / DB_NAME).exists():
                raise SlotFileMissing()
            raise StoreNotFound()
        can_write = writable(data_dir / DB_NAME)
        if not (can_write or read_only):
            raise DataDirReadOnly.at(data_dir)
        lock = DirLock(data_dir, read_only=read_only)
        try:
            slots = SlotFile.load(slots_path)
            store = cls(data_dir, slots, lock, clock)
            store.writable = can_write
            if not read_only and remove_stale_snapshot(data_dir):
                log.info("removed a stale backup snapshot in %s", data_dir)
                slots.note(clock(), "system", "清理残留备份快照", "成功")  # audited at the next sign-in
                slots.save()
        except BaseException:
            lock.release()
            raise
        return store

    @property
    def unit_name(self) -> str:
        return self.certified.unit_name if self.certified is not None else self.slots.unit_name

    @property
    def authority(self) -> str:
        """The certified 定密权限 once someone has signed in; before that only the login screen asks, and
        gets the slot-file header."""
        return self.certified.authority if self.certified is not None else self.slots.authority

    @property
    def store_id(self) -> str:
        return self.slots.store_id

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_NAME

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- unlocking ----
    def sign_in(self, username: str, password: str) -> Session:
        """KDF + unwrap + open (migrating if needed); WrongPassword / AccountLocked / AccountDisabled."""
        from dingmi_desktop.storage.session import Session

        _, seed = self.unwrap_checked(username, password)
        signer = None
        next_before, applied_before = self.slots.pending_next, dict(self.slots.applied)
        with self.orm_transaction() as orm:
            row = orm.scalars(select(t.User).where(t.User.username == username)).first()
            flushed = self.flush_pending(orm)
            self.certified, header_changed = slot_guard.check_header(orm, self.slots, self.clock)
            if row is None or not row.active:
                AuditWriter(orm, username, self.clock).append(
                    "登录", result="失败", detail={"原因": "账户停用"}
                )
            else:
                signer = audit_signer(orm, row, seed)  # the seed is known here: 登录 is signed too
                AuditWriter(orm, username, self.clock, signer).append(
                    "登录", object_type="user", object_id=username
                )
        self.pending_flushed(flushed, save=False)
        had_failures = self.slots.lock_states.pop(username, None) is not None
        counters = (self.slots.pending_next, self.slots.applied) != (next_before, applied_before)
        changed = flushed or had_failures or header_changed or counters
        if changed:  # rewrite the slot file only when it changed (a full disk fails less)
            self.slots.save()
        if row is None or not row.active:
            raise AccountDisabled()
        return Session(self, username, signer)

    def unwrap_checked(self, username: str, password: str) -> tuple[bytes, bytes]:
        """Lockout check, KDF, unwrap; a failure is counted (persisted) before WrongPassword is raised."""
        now = self.clock()
        self.slots.check_not_locked(username, now)
        try:
            key, seed, slot = self.slots.unwrap_slot(username, password)
            self._ensure_engine(key)
            if self.slots.staged:
                self.reconcile_key_changes()
            if self.slots.slots.get(username) is not slot:
                raise WrongPassword()  # it opened a slot that a crashed key change left behind
        except WrongPassword as exc:
            # A fresh time: a reconciliation just above may have written to the trail after `now`.
            self.slots.record_failure(username, self.clock())  # raises AccountLocked at the limit
            # The same words for an unknown name: it is counted and locked like an account.
            exc.attempts_left = self.slots.attempts_left(username)
            exc.lock_minutes = self.slots.lock_minutes
            raise
        return key, seed

    def reconcile_key_changes(self) -> None:
        """A key change interrupted by a crash: completed when its database change committed, else undone;
        either way audited (storage.keychange)."""
        with self.orm_transaction() as orm:
            outcome = keychange.reconcile(orm, self.slots)
            for username, took_effect in outcome.items() if self.writable else ():
                AuditWriter(orm, "system", self.clock).append(
                    "核对中断的密码变更",
                    object_type="user",
                    object_id=username,
                    detail={"结果": "已生效，启用新密钥槽" if took_effect else "未生效，保留原密钥槽"},
                )
        if self.writable:
            self.slots.save()

    def flush_pending(self, orm: OrmSession) -> int:
        """Appends the waiting sign-in failures and locks that pass storage.slot_guard (the others are
        audited as forged); dropped after commit by pending_flushed()."""
        return slot_guard.flush_pending(orm, self.slots, self.clock)

    def pending_flushed(self, count: int, *, save: bool = True) -> None:
        """After the commit that appended them: a rolled-back transaction keeps them waiting."""
        if count:
            del self.slots.pending_audit[:count]
            if save:
                self.slots.save()

    def _ensure_engine(self, key: bytes) -> None:
        if self._engine is not None:
            if key != self._key:
                raise SlotFileDamaged("密钥槽与数据库不匹配，无法解锁。")
            return
        check_db_file(self.db_path)
        with translated_errors(self.db_path):
            self._engine, self._key = make_engine(self.db_path, key), key
            try:
                self._check_database(self._engine)
            except BaseException:
                self.lock()
                raise

    def _check_database(self, engine: Engine) -> None:
        with engine.connect() as conn:
            pages = conn.exec_driver_sql("PRAGMA page_count").scalar_one()
            if pages_missing(self.db_path, pages):
                raise DatabaseDamaged()
        if schema.needs_upgrade(engine):
            self._backup_before_migration(engine)
            schema.upgrade(engine)
        with engine.connect() as conn:
            store_id = conn.execute(select(t.Meta.value).where(t.Meta.key == "store_id")).scalar_one_or_none()
        if store_id != self.slots.store_id:
            raise DatabaseDamaged("数据库与密钥槽文件不属于同一数据存储，无法打开。")

    def _backup_before_migration(self, engine: Engine) -> None:
        revision = schema.current_revision(engine) or "empty"
        stamp = self.clock().strftime("%Y%m%dT%H%M%S")
        with private_umask():
            (self.data_dir / BACKUPS_DIR).mkdir(mode=0o700, exist_ok=True)
        out = self.data_dir / BACKUPS_DIR / f"before-migration-{revision}-{stamp}.dmbak"
        with engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            write_backup(raw, self.data_key, self.slots, out, {"reason": "migration", "from": revision})

    # ---- using ----
    @contextlib.contextmanager
    def orm_transaction(self) -> Iterator[OrmSession]:
        """One database transaction (BEGIN IMMEDIATE); commits on success, rolls back on any error."""
        if self._engine is None:
            raise WrongPassword("数据已锁定，请先登录。")
        with (
            translated_errors(self.db_path),
            OrmSession(self._engine, expire_on_commit=False) as orm,
            orm.begin(),
        ):
            yield orm
            register_grams.flush(orm.connection())  # the rows this transaction put on the register

    @contextlib.contextmanager
    def slot_transaction(self) -> Iterator[OrmSession]:
        """A transaction that also changes the slot file: the file is saved last, before the commit, so a
        failed save rolls the rows back (creation only; a key change of an existing user: keychange)."""
        with self.orm_transaction() as orm:
            yield orm
            register_grams.flush(orm.connection())  # before the slot file, which is saved last
            self.slots.save()

    @property
    def data_key(self) -> bytes:
        if self._key is None:
            raise WrongPassword("数据已锁定，请先登录。")
        return self._key

    def raw_connection(self) -> Any:  # a sqlcipher3 connection (untyped)
        """The open DBAPI connection (backups, integrity checks); one worker thread only."""
        if self._engine is None:
            raise WrongPassword("数据已锁定，请先登录。")
        return self._engine.raw_connection().dbapi_connection

    def lock(self) -> None:
        """Closes the database and forgets the data key (idle lock); the next sign_in reopens it."""
        if self._engine is not None:
            self._engine.dispose()
        self._engine, self._key = None, None

    def close(self) -> None:
        self.lock()
        self._lock.release()

    def discard(self) -> None:
        """Closes and deletes a store whose creation failed half-way, so a retry finds an empty directory."""
        self.close()
        for name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm", SLOTS_NAME, LOCK_NAME):
            with contextlib.suppress(OSError):
                (self.data_dir / name).unlink()
