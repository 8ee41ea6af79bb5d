"""Writing an exported file: atomically (sibling temp file → fsync → os.replace), never half-written.

Runs on the worker thread (file I/O stays off the GUI thread). Errors carry one Chinese line for the
error dialog; a failed write leaves nothing behind — neither the temp file nor a partial target.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication


class FileOutputError(Exception):
    """An export file could not be written; ``str()`` is the Chinese message shown to the user."""


def describe_os_error(exc: OSError, path: Path) -> str:
    folder = str(path.parent)
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return QCoreApplication.translate(
            "file_output", "无法写入文件夹“{0}”：没有写入权限。请另选文件夹。"
        ).format(folder)
    if isinstance(exc, FileNotFoundError) or exc.errno == errno.ENOENT:
        return QCoreApplication.translate("file_output", "文件夹“{0}”不存在。请另选文件夹。").format(folder)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return QCoreApplication.translate("file_output", "磁盘空间不足，文件未保存：{0}").format(path)
    if isinstance(exc, IsADirectoryError):
        return QCoreApplication.translate("file_output", "“{0}”是文件夹，请输入文件名。").format(path)
    return QCoreApplication.translate("file_output", "无法保存文件“{0}”：{1}").format(
        path, exc.strerror or exc
    )


def check_writable(path: Path) -> str:
    """A Chinese problem when ``path`` obviously cannot be written (checked before any audited export)."""
    folder = path.parent
    if path.is_dir():
        return QCoreApplication.translate("file_output", "“{0}”是文件夹，请输入文件名。").format(path)
    if not folder.is_dir():
        return QCoreApplication.translate("file_output", "文件夹“{0}”不存在。请另选文件夹。").format(folder)
    if not os.access(folder, os.W_OK | os.X_OK):
        return QCoreApplication.translate(
            "file_output", "无法写入文件夹“{0}”：没有写入权限。请另选文件夹。"
        ).format(folder)
    return ""


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temp file in the same folder; private (0600) like the store."""
    path = Path(path)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise FileOutputError(describe_os_error(exc, path)) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise FileOutputError(describe_os_error(exc, path)) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable where the platform allows opening a directory."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
