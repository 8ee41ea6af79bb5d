"""The `dingmi` command line (docs/interfaces.md). Each area registers its commands from its own module."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from dingmi_desktop.cli.common import EXIT_USAGE, CliError, report_error

# Modules that define `register(subparsers)`; a module not yet present is skipped.
COMMAND_MODULES = (
    "dingmi_desktop.cli.store_commands",
    "dingmi_desktop.cli.form_commands",
    "dingmi_desktop.cli.calendar_commands",
    "dingmi_desktop.cli.register_commands",
    "dingmi_desktop.cli.catalog_commands",
    "dingmi_desktop.cli.stats_commands",
    "dingmi_desktop.cli.export_commands",
    "dingmi_desktop.cli.policy_commands",
    "dingmi_desktop.cli.bench_command",
    "dingmi_desktop.cli.trust_commands",
    "dingmi_desktop.cli.copies_commands",
    "dingmi_desktop.cli.filing_commands",
    "dingmi_desktop.cli.review_commands",
    "dingmi_desktop.cli.expire_commands",
)


class _ChineseArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse exits 2 too; keep it to one clear line
        print(f"用法错误：{message}（运行 dingmi --help 查看用法）", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _ChineseArgumentParser(prog="dingmi", description="定密桌面 命令行工具")
    parser.add_argument("--data-dir", help="数据目录（默认 $DINGMI_DATA_DIR 或用户数据目录）")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_ChineseArgumentParser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(handler(args) or 0)
    except CliError as exc:
        return report_error(exc)
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return EXIT_USAGE
