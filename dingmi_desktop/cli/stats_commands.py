"""`dingmi stats --year Y [--department D] [--json] [--out FILE.xlsx|FILE.pdf]`: the statistics (定密统计).

Visibility as the register: the 定密责任人 and the 保密员 count every item, a 承办人 his own, the 三员 are
refused (exit 3, audited). Exit codes as docs/interfaces.md: 0 done; 2 bad input; 3 refused.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from dingmi_desktop.cli.common import EXIT_OK, EXIT_USAGE, CliError, add_user_arguments, year_argument
from dingmi_desktop.cli.store_commands import cli_errors, signed_in
from dingmi_desktop.domain.errors import ValidationError
from dingmi_desktop.services.statistics import HEADERS, LIFECYCLE_NOTE, StatisticsService
from dingmi_desktop.services.statistics_export import FORMATS


def cmd_stats(args: argparse.Namespace) -> int:
    year = year_argument(args.year)
    out = Path(args.out) if args.out else None
    fmt = out.suffix.lower().lstrip(".") if out else ""
    if out is not None and fmt not in FORMATS:
        raise CliError(f"--out 须以 .xlsx 或 .pdf 结尾：{out}。")
    if out is not None and not out.parent.is_dir():
        raise CliError(f"导出位置不存在：{out.parent}。请选择已有的文件夹。")
    with signed_in(args) as session, cli_errors():
        service = StatisticsService(session)
        try:
            result = service.year(year, args.department)
            if out is not None:
                service.export(year, args.department, out, fmt)
        except ValidationError as exc:
            raise CliError([p.message for p in exc.problems], EXIT_USAGE) from exc
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print("\t".join(["部门", *HEADERS]))
        for row in [*result.rows, result.total]:
            print("\t".join([row.department, *map(str, row.values())]))
        print(LIFECYCLE_NOTE)
    if out is not None:
        print(f"已导出到 {out}（文件密级：内部）。")
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("stats", help="定密统计：按年度、部门计数（密级、期限、原始/派生、上报）")
    p.add_argument("--year", required=True, help="年度，例如 2026")
    p.add_argument("--department", help="只统计这一部门")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--out", help="同时导出为 FILE.xlsx 或 FILE.pdf（定密责任人、保密员；标“内部”，记入审计）")
    add_user_arguments(p)
    p.set_defaults(handler=cmd_stats)
