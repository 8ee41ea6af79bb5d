"""argparse in Chinese without gettext: its own English words ("usage:", "options:", "positional
arguments", "show this help message and exit") and its error messages, replaced at the few places
argparse builds them."""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

from dingmi_desktop.version import VersionAction

EXIT_USAGE = 2

_ERRORS = (
    (r"the following arguments are required: (.*)", r"缺少必需的参数：\1"),
    (r"one of the arguments (.*) is required", r"须提供以下参数之一：\1"),
    (r"unrecognized arguments: (.*)", r"无法识别的参数：\1"),
    (r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)", r"参数 \1：无效的取值 \2（可选：\3）"),
    (r"argument (\S+): expected one argument", r"参数 \1：须跟一个值"),
    (r"argument (\S+): expected at least one argument", r"参数 \1：须跟至少一个值"),
    (r"argument (\S+): invalid (\w+) value: (.*)", r"参数 \1：\3 不是有效的 \2 值"),
    (r"argument (\S+): not allowed with argument (\S+)", r"参数 \1：不能与参数 \2 同时使用"),
    (r"argument (\S+): ignored explicit argument (.*)", r"参数 \1：不接受值 \2"),
    (r"ambiguous option: (\S+) could match (.*)", r"选项 \1 有歧义，可能是：\2"),
)


def chinese_error(message: str) -> str:
    for pattern, replacement in _ERRORS:
        translated, count = re.subn(f"^{pattern}$", replacement, message)
        if count:
            return translated
    return message


class ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix="用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    """Chinese headings and -h text; subcommand parsers made from it are Chinese too."""

    def __init__(
        self, prog: str | None = None, *, version: bool = False, add_help: bool = True, **kwargs: Any
    ) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        super().__init__(prog, add_help=False, **kwargs)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")
        if version:
            self.add_argument("--version", action=VersionAction)

    def error(self, message: str) -> NoReturn:  # argparse exits 2 too; keep it to one clear line
        print(f"用法错误：{chinese_error(message)}（运行 {self.prog} --help 查看用法）", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)
