"""Private, atomic files: umask 077, temp → fsync → os.replace, so a crash leaves old or new, never half."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

from dingmi_desktop.security.errors import DingmiError, DiskFull, ReadOnlyLocation

_DISK_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
# A read-only mount, missing write permission or an immutable file: not a full disk, not damage.
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


@contextlib.contextmanager
def private_umask() -> Iterator[None]:
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)


def fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data`; on any failure the old file is untouched and the temp file removed."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with private_umask():
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        mapped = write_error(exc, path)
        if mapped is not None:
            raise mapped from exc
        raise


def is_disk_error(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in _DISK_ERRNOS


def is_read_only_error(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in _READ_ONLY_ERRNOS


def write_error(exc: BaseException, path: Path | None = None) -> DingmiError | None:
    """Our message for a failed write of `path`: full disk or read-only place; None for anything else."""
    if is_disk_error(exc):
        return DiskFull.at(path) if path is not None else DiskFull()
    if is_read_only_error(exc):
        return ReadOnlyLocation.at(path.parent) if path is not None else ReadOnlyLocation()
    return None
