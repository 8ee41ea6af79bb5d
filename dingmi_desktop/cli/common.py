"""Shared CLI plumbing: exit codes, error reporting, data directory and password input."""

from __future__ import annotations

import argparse
import errno
import getpass
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dingmi_desktop.domain.dates import YEAR_RULE, year_from_text
from dingmi_desktop.domain.limits import MAX_PASSWORD_FILE_BYTES
from dingmi_desktop.paths import default_data_dir

if TYPE_CHECKING:
    from dingmi_desktop.services.cosign import CoSign

EXIT_OK = 0
EXIT_PROBLEM = 1  # the operation ran and found a problem
EXIT_USAGE = 2  # bad input or usage
EXIT_AUTH = 3  # authentication refused or account locked

PASSWORD_ENV = "DINGMI_PASSWORD"
COSIGNER_PASSWORD_ENV = "DINGMI_COSIGNER_PASSWORD"


class CliError(Exception):
    """A failure to report as Chinese lines and an exit code, never a traceback."""

    def __init__(self, lines: str | list[str], exit_code: int = EXIT_USAGE) -> None:
        self.lines = [lines] if isinstance(lines, str) else list(lines)
        self.exit_code = exit_code
        super().__init__("\n".join(self.lines))


def os_error(exc: OSError) -> CliError:
    """A file-system failure outside our own error classes, named truly: full disk, read-only place, or
    the system's reason, with the path; never a traceback."""
    from dingmi_desktop.security.fsutil import is_disk_error, is_read_only_error

    where = f" {exc.filename}" if exc.filename else ""
    if is_disk_error(exc):
        return CliError(f"磁盘空间不足：无法写入{where}。请清理磁盘后重试；数据未被修改。", EXIT_PROBLEM)
    if is_read_only_error(exc):
        return CliError(f"无法写入{where}：该位置只读或没有写入权限。请改为可写后重试。", EXIT_USAGE)
    return CliError(f"读写文件失败{where}：{exc.strerror or exc}。", EXIT_PROBLEM)


def report_error(exc: CliError) -> int:
    for line in exc.lines:
        print(line, file=sys.stderr)
    return exc.exit_code


def year_argument(text: str) -> int:
    """--year: four digits, or a CliError saying what was given."""
    year = year_from_text(text)
    if year is None:
        raise CliError(f"--year {YEAR_RULE}：{text}。")
    return year


def data_dir(args: argparse.Namespace) -> Path:
    given = getattr(args, "data_dir", None)
    return Path(given) if given else default_data_dir()


def add_user_arguments(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    parser.add_argument("--user", required=required, help="以该用户身份执行")
    parser.add_argument("--password-file", help="从文件读取密码（首行）")


def _os_reason(exc: OSError) -> str:
    reasons = {
        errno.ENOENT: "文件不存在",
        errno.EACCES: "没有读取权限",
        errno.EPERM: "没有读取权限",
        errno.EISDIR: "这是一个目录，不是文件",
    }
    return reasons.get(exc.errno or 0, exc.strerror or type(exc).__name__)


def read_limited(path: str, max_bytes: int, what: str) -> bytes:
    """At most `max_bytes` of a file (a device or pipe cannot make us read forever); CliError otherwise."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise CliError(f"无法读取{what}文件 {path}：{_os_reason(exc)}。请检查路径和权限。") from exc
    if len(data) > max_bytes:
        size = f"{max_bytes // 1024} KB" if max_bytes < 1024 * 1024 else f"{max_bytes // (1024 * 1024)} MB"
        raise CliError(f"{what}文件 {path} 超过 {size} 的上限。")
    return data


def read_secret_file(path: str, what: str = "密码") -> str:
    """The first line of a password file that only its owner can read (mode & 0o077 == 0 on POSIX)."""
    if os.name == "posix":
        try:
            mode = os.stat(path).st_mode
        except OSError as exc:
            raise CliError(f"无法读取{what}文件 {path}：{_os_reason(exc)}。请检查路径和权限。") from exc
        if mode & 0o077:
            raise CliError(
                f"{what}文件 {path} 可被其他用户读取（权限 {stat.S_IMODE(mode):03o}），"
                f"为防止密码泄露已拒绝使用。请执行 chmod 600 {path} 后重试。"
            )
    data = read_limited(path, MAX_PASSWORD_FILE_BYTES, what)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CliError(f"{what}文件 {path} 不是 UTF-8 编码的文本。") from None
    return text.splitlines()[0] if text else ""


def read_password(args: argparse.Namespace, *, prompt: str = "密码：") -> str:
    """--password-file, else $DINGMI_PASSWORD, else a prompt on a terminal. Never a plain argument."""
    path = getattr(args, "password_file", None)
    if path:
        return read_secret_file(path)
    env = os.environ.get(PASSWORD_ENV)
    if env is not None:
        return env
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise CliError("未提供密码：请使用 --password-file 文件，或设置环境变量 DINGMI_PASSWORD。")


def add_cosigner_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--cosigner", help="当面确认的第二名三员的用户名（使用单位信任根须两名三员）")
    parser.add_argument(
        "--cosigner-password-file",
        help=f"第二名三员的密码文件（首行，chmod 600），或环境变量 {COSIGNER_PASSWORD_ENV}",
    )


def read_cosign(args: argparse.Namespace) -> CoSign | None:
    """The acting user's password again and the co-signer's (file, else $DINGMI_COSIGNER_PASSWORD, else a
    prompt on a terminal); None without --cosigner (the service then refuses in words)."""
    from dingmi_desktop.services.cosign import CoSign

    if not getattr(args, "cosigner", None):
        return None
    path = getattr(args, "cosigner_password_file", None)
    if path:
        other = read_secret_file(path, "第二名三员密码")
    elif os.environ.get(COSIGNER_PASSWORD_ENV) is not None:
        other = os.environ[COSIGNER_PASSWORD_ENV]
    elif sys.stdin is not None and sys.stdin.isatty():
        other = getpass.getpass(f"第二名三员 {args.cosigner} 的密码：")
    else:
        raise CliError(
            "未提供第二名三员的密码：请使用 --cosigner-password-file 文件，"
            f"或设置环境变量 {COSIGNER_PASSWORD_ENV}。"
        )
    return CoSign(read_password(args), args.cosigner, other)
