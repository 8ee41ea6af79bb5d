"""The `dingmi` command line (docs/interfaces.md). Each area registers its commands from its own module."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
import time
from collections.abc import Callable, Sequence

from dingmi_desktop.cli.chinese_argparse import ChineseArgumentParser
from dingmi_desktop.cli.common import EXIT_USAGE, CliError, data_dir, report_error

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


log = logging.getLogger("dingmi_desktop.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(prog="dingmi", description="定密桌面 命令行工具", version=True)
    parser.add_argument("--data-dir", help="数据目录（默认 $DINGMI_DATA_DIR 或用户数据目录）")
    subparsers = parser.add_subparsers(
        dest="command", title="命令", metavar="命令", parser_class=ChineseArgumentParser
    )
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
    from dingmi_desktop.logging_setup import logging_to

    with logging_to(data_dir(args), "dingmi"):
        return _run(handler, args)


def _run(handler: Callable[[argparse.Namespace], int | None], args: argparse.Namespace) -> int:
    """The command, logged by kind and timing only (never its arguments: they may quote form contents)."""
    kind = f"{args.command} ({getattr(handler, '__name__', 'handler')})"
    started = time.perf_counter()
    code = EXIT_USAGE
    try:
        code = int(handler(args) or 0)
    except CliError as exc:
        code = report_error(exc)
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
    except Exception:
        log.exception("command %s failed", kind)
        raise
    finally:
        log.info("command %s exit %d in %.0f ms", kind, code, (time.perf_counter() - started) * 1000)
    return code
