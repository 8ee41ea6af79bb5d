"""One backup file: the encrypted database snapshot and the key-slot file, with a digest over it all.

Layout: MAGIC, 4-byte big-endian header length, header JSON (version, store id, parts with sizes and
SHA-256), the parts in order, then SHA-256 of everything before it. The database part is made with
SQLite's backup API into a keyed connection, so no plaintext page is ever written anywhere.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import struct
from pathlib import Path
from typing import Any, BinaryIO

import sqlcipher3

from dingmi_desktop.security.errors import BackupInvalid, StoreExists
from dingmi_desktop.security.fsutil import fsync_dir, is_disk_error, private_umask
from dingmi_desktop.security.keyslots import SlotFile
from dingmi_desktop.storage.engine import connect_raw
from dingmi_desktop.storage.files import DB_NAME, SLOTS_NAME, translated_errors

MAGIC = b"DINGMI-BACKUP\n"
VERSION = 1
CHUNK = 1 << 20


def snapshot_database(source: sqlcipher3.Connection, target: Path, key: bytes) -> None:
    """Page copy into a new file keyed with the same data key."""
    dest = connect_raw(target, key, check=False)
    try:
        source.backup(dest)
    finally:
        dest.close()


def write_backup(
    raw: sqlcipher3.Connection, key: bytes, slots: SlotFile, out: Path, meta: dict[str, Any]
) -> None:
    """Writes `out` atomically (temp next to it, fsync, rename); `raw` is the store's open connection."""
    out = out.resolve()
    snap = slots.path.parent / ".backup-snapshot.db"
    tmp = out.with_name(f".{out.name}.tmp")
    try:
        with translated_errors():
            for leftover in (snap, snap.with_name(snap.name + "-wal"), snap.with_name(snap.name + "-shm")):
                leftover.unlink(missing_ok=True)
            with private_umask():
                snapshot_database(raw, snap, key)
            parts = [(SLOTS_NAME, slots.to_bytes()), (DB_NAME, snap.read_bytes())]
            header = dict(meta, version=VERSION, store_id=slots.store_id)
            header["parts"] = [
                {"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                for name, data in parts
            ]
            head = json.dumps(header, ensure_ascii=False, sort_keys=True).encode("utf-8")
            with private_umask(), open(tmp, "wb") as fh:
                digest = hashlib.sha256()
                for piece in (MAGIC, struct.pack(">I", len(head)), head, *(data for _, data in parts)):
                    fh.write(piece)
                    digest.update(piece)
                fh.write(digest.digest())
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, out)
            fsync_dir(out.parent)
    finally:
        for path in (tmp, snap, snap.with_name(snap.name + "-wal"), snap.with_name(snap.name + "-shm")):
            with contextlib.suppress(OSError):
                path.unlink()


def _read_exact(fh: BinaryIO, size: int, digest: Any) -> bytes:
    data = fh.read(size)
    if len(data) != size:
        raise BackupInvalid()
    digest.update(data)
    return data


def read_backup(path: Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    """Header and parts, after checking magic, sizes, each part's digest and the whole-file digest."""
    try:
        with open(path, "rb") as fh:
            digest = hashlib.sha256()
            if _read_exact(fh, len(MAGIC), digest) != MAGIC:
                raise BackupInvalid("该文件不是定密桌面的备份文件，未恢复任何数据。")
            (length,) = struct.unpack(">I", _read_exact(fh, 4, digest))
            if length > 1 << 20:
                raise BackupInvalid()
            header = json.loads(_read_exact(fh, length, digest).decode("utf-8"))
            if header.get("version") != VERSION:
                raise BackupInvalid("备份文件的版本不受支持，未恢复任何数据。")
            parts: dict[str, bytes] = {}
            for part in header["parts"]:
                data = _read_exact(fh, int(part["size"]), digest)
                if hashlib.sha256(data).hexdigest() != part["sha256"]:
                    raise BackupInvalid()
                parts[str(part["name"])] = data
            if fh.read(32) != digest.digest() or fh.read(1):
                raise BackupInvalid()
    except FileNotFoundError as exc:
        raise BackupInvalid(f"找不到备份文件 {path}。") from exc
    except (ValueError, KeyError, TypeError, struct.error) as exc:
        raise BackupInvalid() from exc
    if set(parts) != {SLOTS_NAME, DB_NAME}:
        raise BackupInvalid()
    return header, parts


def restore_backup(path: Path, data_dir: Path) -> dict[str, Any]:
    """Checks the backup, then writes it into an empty (or new) directory. Never touches a used directory."""
    header, parts = read_backup(path)
    try:
        slots = SlotFile.load_bytes(data_dir / SLOTS_NAME, parts[SLOTS_NAME])
    except Exception as exc:
        raise BackupInvalid() from exc
    if slots.store_id != header.get("store_id"):
        raise BackupInvalid()
    if data_dir.exists() and any(data_dir.iterdir()):
        raise StoreExists("目标数据目录不为空：恢复只能写入空目录，未恢复任何数据。")
    written: list[Path] = []
    try:
        with private_umask():
            data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            for name in (DB_NAME, SLOTS_NAME):
                target = data_dir / name
                tmp = data_dir / f".{name}.tmp"
                written.append(tmp)
                with open(tmp, "wb") as fh:
                    fh.write(parts[name])
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, target)
                written.append(target)
        fsync_dir(data_dir)
    except OSError as exc:
        for leftover in written:
            with contextlib.suppress(OSError):
                leftover.unlink()
        if is_disk_error(exc):
            from dingmi_desktop.security.errors import DiskFull

            raise DiskFull() from exc
        raise
    return header
