"""Shared CLI plumbing: exit codes, error reporting, data directory and password input."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from dingmi_desktop.paths import default_data_dir

EXIT_OK = 0
EXIT_PROBLEM = 1  # the operation ran and found a problem
EXIT_USAGE = 2  # bad input or usage
EXIT_AUTH = 3  # authentication refused or account locked

PASSWORD_ENV = "DINGMI_PASSWORD"


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


def data_dir(args: argparse.Namespace) -> Path:
    given = getattr(args, "data_dir", None)
    return Path(given) if given else default_data_dir()


def add_user_arguments(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    parser.add_argument("--user", required=required, help="以该用户身份执行")
    parser.add_argument("--password-file", help="从文件读取密码（首行）")


def read_password(args: argparse.Namespace, *, prompt: str = "密码：") -> str:
    """--password-file, else $DINGMI_PASSWORD, else a prompt on a terminal. Never a plain argument."""
    path = getattr(args, "password_file", None)
    if path:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise CliError(f"无法读取密码文件 {path}：{exc.strerror}。请检查路径和权限。") from exc
        return text.splitlines()[0] if text else ""
    env = os.environ.get(PASSWORD_ENV)
    if env is not None:
        return env
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise CliError("未提供密码：请使用 --password-file 文件，或设置环境变量 DINGMI_PASSWORD。")
