"""One backup file: the encrypted database snapshot and the key-slot file, with a digest over it all.

Layout: MAGIC, 4-byte big-endian header length, header JSON (version, store id, parts with sizes and
SHA-256), the parts in order, then SHA-256 of everything before it. Since schema 0009 the header also
carries the audit chain head (seq, hash) and the unit root fingerprint at the backup, and `mac`: an
HMAC-SHA256 over the rest of the header (part digests included) keyed from the data key, so the manifest
cannot be edited or made without the key (a restore compares the head with the store it replaces).
The database part is made with SQLite's backup API into a keyed connection, so no plaintext page is
ever written anywhere. Both ways stream in 1 MiB chunks: a large store is never held in memory.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import sqlcipher3

from dingmi_desktop.security.canonical import canonical_json
from dingmi_desktop.security.errors import BackupInvalid, StoreExists
from dingmi_desktop.security.fsutil import fsync_dir, private_umask, write_error
from dingmi_desktop.security.keyslots import SlotFile
from dingmi_desktop.storage.engine import connect_raw
from dingmi_desktop.storage.files import DB_NAME, SLOTS_NAME, translated_errors

SNAPSHOT_NAME = ".backup-snapshot.db"  # in the private data directory, removed after each backup
MAGIC = b"DINGMI-BACKUP\n"
VERSION = 1
CHUNK = 1 << 20
PART_ORDER = (SLOTS_NAME, DB_NAME)


def manifest_mac(key: bytes, header: dict[str, Any]) -> str:
    """HMAC over the header without its `mac`, under a key derived from the data key."""
    subkey = hmac.new(key, b"dingmi-backup-manifest/1", hashlib.sha256).digest()
    body = canonical_json({k: v for k, v in header.items() if k != "mac"})
    return hmac.new(subkey, body, hashlib.sha256).hexdigest()


def manifest_authentic(key: bytes, header: dict[str, Any]) -> bool:
    mac = header.get("mac")
    return isinstance(mac, str) and hmac.compare_digest(mac, manifest_mac(key, header))


def read_manifest(path: Path) -> dict[str, Any]:
    """The header of a backup whose every digest checks (BackupInvalid otherwise); nothing written."""
    return _pass(path, None)[0]


def _sidecars(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def snapshot_database(source: sqlcipher3.Connection, target: Path, key: bytes) -> None:
    """Page copy into a new file keyed with the same data key."""
    dest = connect_raw(target, key, check=False)
    try:
        source.backup(dest)
    finally:
        dest.close()


def _chunks(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            yield chunk


def _file_digest(path: Path) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    for chunk in _chunks(path):
        digest.update(chunk)
        size += len(chunk)
    return size, digest.hexdigest()


def write_backup(
    raw: sqlcipher3.Connection, key: bytes, slots: SlotFile, out: Path, meta: dict[str, Any]
) -> None:
    """Writes `out` atomically (temp next to it, fsync, rename); `raw` is the store's open connection."""
    out = out.resolve()
    snap = slots.path.parent / SNAPSHOT_NAME
    tmp = out.with_name(f".{out.name}.tmp")
    try:
        with translated_errors(snap):
            for leftover in _sidecars(snap):
                leftover.unlink(missing_ok=True)
            with private_umask():
                snapshot_database(raw, snap, key)
            db_size, db_sha = _file_digest(snap)
        slot_bytes = slots.to_bytes()
        header = dict(meta, version=VERSION, store_id=slots.store_id)
        header["parts"] = [
            {
                "name": SLOTS_NAME,
                "size": len(slot_bytes),
                "sha256": hashlib.sha256(slot_bytes).hexdigest(),
            },
            {"name": DB_NAME, "size": db_size, "sha256": db_sha},
        ]
        header["mac"] = manifest_mac(key, header)
        head = json.dumps(header, ensure_ascii=False, sort_keys=True).encode("utf-8")
        try:
            with private_umask(), open(tmp, "wb") as fh:
                digest = hashlib.sha256()
                for piece in (MAGIC, struct.pack(">I", len(head)), head, slot_bytes):
                    fh.write(piece)
                    digest.update(piece)
                for chunk in _chunks(snap):
                    fh.write(chunk)
                    digest.update(chunk)
                fh.write(digest.digest())
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, out)
            fsync_dir(out.parent)
        except OSError as exc:  # the backup medium: full or read-only is said so, with its path
            mapped = write_error(exc, out)
            if mapped is None:
                raise
            raise mapped from exc
    finally:
        for path in (tmp, *_sidecars(snap)):
            with contextlib.suppress(OSError):
                path.unlink()


def remove_stale_snapshot(data_dir: Path) -> bool:
    """A backup killed half-way leaves its snapshot (an encrypted copy of the database) behind: removed
    at the next open, so no stale copy of since-deleted data lingers. True when something was removed."""
    removed = False
    for path in _sidecars(data_dir / SNAPSHOT_NAME):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed = True
    return removed


def _read_exact(fh: BinaryIO, size: int, digest: Any) -> bytes:
    data = fh.read(size)
    if len(data) != size:
        raise BackupInvalid()
    digest.update(data)
    return data


def read_header(fh: BinaryIO, digest: Any) -> dict[str, Any]:
    if _read_exact(fh, len(MAGIC), digest) != MAGIC:
        raise BackupInvalid("该文件不是定密桌面的备份文件，未恢复任何数据。")
    (length,) = struct.unpack(">I", _read_exact(fh, 4, digest))
    if length > 1 << 20:
        raise BackupInvalid()
    header = json.loads(_read_exact(fh, length, digest).decode("utf-8"))
    if not isinstance(header, dict) or header.get("version") != VERSION:
        raise BackupInvalid("备份文件的版本不受支持，未恢复任何数据。")
    if [p.get("name") for p in header["parts"]] != list(PART_ORDER):
        raise BackupInvalid()
    return header


def _copy_part(fh: BinaryIO, size: int, digest: Any, sink: BinaryIO | None) -> str:
    """Streams one part through the whole-file digest (and into `sink`); returns the part's own digest."""
    own = hashlib.sha256()
    remaining = size
    while remaining:
        chunk = _read_exact(fh, min(CHUNK, remaining), digest)
        own.update(chunk)
        if sink is not None:
            sink.write(chunk)
        remaining -= len(chunk)
    return own.hexdigest()


def _pass(path: Path, sinks: dict[str, BinaryIO] | None) -> tuple[dict[str, Any], bytes]:
    """One pass over the file: checks every digest; returns the header and the slot-file bytes."""
    try:
        with open(path, "rb") as fh:
            digest = hashlib.sha256()
            header = read_header(fh, digest)
            slot_bytes = b""
            for part in header["parts"]:
                size = int(part["size"])
                if part["name"] == SLOTS_NAME:
                    if size > 16 << 20:
                        raise BackupInvalid()
                    slot_bytes = _read_exact(fh, size, digest)
                    own = hashlib.sha256(slot_bytes).hexdigest()
                    if sinks is not None:
                        sinks[SLOTS_NAME].write(slot_bytes)
                else:
                    own = _copy_part(fh, size, digest, sinks[DB_NAME] if sinks is not None else None)
                if own != part["sha256"]:
                    raise BackupInvalid()
            if fh.read(32) != digest.digest() or fh.read(1):
                raise BackupInvalid()
    except FileNotFoundError as exc:
        raise BackupInvalid(f"找不到备份文件 {path}。") from exc
    except (ValueError, KeyError, TypeError, AttributeError, struct.error) as exc:
        raise BackupInvalid() from exc
    return header, slot_bytes


def restore_backup(path: Path, data_dir: Path) -> dict[str, Any]:
    """Checks the whole backup first, then writes it into an empty (or new) directory, re-checking while
    copying. Never touches a directory that holds anything."""
    header, slot_bytes = _pass(path, None)
    try:
        slots = SlotFile.load_bytes(data_dir / SLOTS_NAME, slot_bytes)
    except Exception as exc:
        raise BackupInvalid() from exc
    if slots.store_id != header.get("store_id"):
        raise BackupInvalid()
    if data_dir.exists() and any(data_dir.iterdir()):
        raise StoreExists("目标数据目录不为空：恢复只能写入空目录，未恢复任何数据。")
    created_dir = not data_dir.exists()
    temps = {name: data_dir / f".{name}.tmp" for name in PART_ORDER}
    try:
        with private_umask():
            data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            with contextlib.ExitStack() as stack:
                sinks: dict[str, BinaryIO] = {
                    name: stack.enter_context(open(tmp, "wb")) for name, tmp in temps.items()
                }
                _pass(path, sinks)  # the file could have changed since the first pass
                for sink in sinks.values():
                    sink.flush()
                    os.fsync(sink.fileno())
            for name in (DB_NAME, SLOTS_NAME):  # the slot file last: without it the store is "not found"
                os.replace(temps[name], data_dir / name)
        fsync_dir(data_dir)
    except BaseException as exc:
        for name in PART_ORDER:
            for leftover in (temps[name], data_dir / name):
                with contextlib.suppress(OSError):
                    leftover.unlink()
        if created_dir:
            with contextlib.suppress(OSError):
                data_dir.rmdir()
        mapped = write_error(exc, data_dir / DB_NAME) if isinstance(exc, OSError) else None
        if mapped is not None:
            raise mapped from exc
        raise
    return header
