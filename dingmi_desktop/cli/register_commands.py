"""`dingmi register list|search|export`: the register (定密台账) from a script.

The 定密责任人 and the 保密员 read every item, a 承办人 his own; the 三员 are refused (exit 3, audited).
Exit codes as docs/interfaces.md: 0 done; 2 bad input (filter, sort column, output place); 3 refused.
"""

from __future__ import annotations

import argparse
import contextlib
import json
from collections.abc import Iterator
from pathlib import Path

from dingmi_desktop.cli.common import EXIT_OK, EXIT_USAGE, CliError, add_user_arguments
from dingmi_desktop.cli.store_commands import cli_errors, signed_in
from dingmi_desktop.domain.errors import ValidationError
from dingmi_desktop.services.register import HEADERS, RegisterFilter, RegisterItem, RegisterService
from dingmi_desktop.services.register_export import FORMATS, format_of
from dingmi_desktop.storage.register_sql import COLUMNS

DEFAULT_LIMIT = 100


@contextlib.contextmanager
def _service(args: argparse.Namespace) -> Iterator[RegisterService]:
    with signed_in(args) as session, cli_errors():
        try:
            yield RegisterService(session)
        except ValidationError as exc:
            raise CliError([p.message for p in exc.problems], EXIT_USAGE) from exc


def _int(text: str | None, option: str, example: str) -> int | None:
    if text is None:
        return None
    if not (text.isascii() and text.isdigit()):
        raise CliError(f"{option} 须为非负整数，例如 {example}：{text}。")
    return int(text)


def _filter(args: argparse.Namespace, text: str = "") -> RegisterFilter:
    sort = args.sort or "form_id"
    if sort not in COLUMNS:
        raise CliError(f"--sort 的列“{sort}”不存在。可用的列：{'、'.join(COLUMNS)}。")
    return RegisterFilter(
        category=args.level,
        status=args.status,
        department=args.department,
        kind=args.form,
        origin=args.origin,
        year=_int(args.year, "--year", "2026"),
        expiring_days=_int(args.expiring, "--expiring", "90"),
        overdue_escalations=args.overdue,
        text=text,
        sort=sort,
        descending=args.desc,
    )


def _print(items: list[RegisterItem], total: int, as_json: bool) -> None:
    if as_json:
        print(
            json.dumps({"total": total, "items": [i.to_json() for i in items]}, ensure_ascii=False, indent=2)
        )
        return
    shown = ("form_id", "marking", "title", "doc_number", "department", "status", "declassify_on", "copies")
    print("\t".join(HEADERS[c] for c in shown))
    for item in items:
        print("\t".join(str(getattr(item, c)) for c in shown))
    print(f"共 {total} 项，显示 {len(items)} 项。")


def _list(args: argparse.Namespace, text: str = "") -> int:
    flt = _filter(args, text)
    limit = _int(args.limit, "--limit", "100")
    offset = _int(args.offset, "--offset", "0") or 0
    with _service(args) as service:
        items = service.page(flt, offset=offset, limit=DEFAULT_LIMIT if limit is None else limit)
        total = service.count(flt)
    _print(items, total, args.json)
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    return _list(args)


def cmd_search(args: argparse.Namespace) -> int:
    if not args.text.strip():
        raise CliError("检索内容不能为空：请给出标题、文号、依据、知悉范围或意见中的文字。")
    return _list(args, args.text)


def cmd_export(args: argparse.Namespace) -> int:
    out = Path(args.out)
    suffix = format_of(out)
    fmt = args.format or suffix
    if fmt not in FORMATS:
        raise CliError(
            f"--format 须为 xlsx 或 csv（或让 --out 以 .xlsx 或 .csv 结尾）：{args.format or out}。"
        )
    if suffix != fmt:
        raise CliError(f"--out 的扩展名须与格式一致：导出 {fmt} 请用 .{fmt} 文件：{out}。")
    if not out.parent.is_dir():
        raise CliError(f"导出位置不存在：{out.parent}。请选择已有的文件夹。")
    flt = _filter(args, args.text or "")
    with _service(args) as service:
        result = service.export(flt, out, fmt)
    print(f"已导出 {result.rows} 项到 {result.path}（文件密级：{result.marking}）。")
    return EXIT_OK


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--level", help="密级：绝密、机密、秘密、内部 或 非密")
    p.add_argument("--status", help="状态，例如 已定密")
    p.add_argument("--department", help="部门")
    p.add_argument("--form", help="表单：定密审核单 或 送审签发单")
    p.add_argument("--origin", help="原始 或 派生")
    p.add_argument("--year", help="定密年度，例如 2026")
    p.add_argument("--expiring", help="解密日在今后 N 天内")
    p.add_argument("--overdue", action="store_true", help="只列出逾期未上报或未答复的事项")
    p.add_argument("--sort", help=f"排序列：{', '.join(COLUMNS)}（默认 form_id）")
    p.add_argument("--desc", action="store_true", help="降序")
    add_user_arguments(p)


def register(subparsers: argparse._SubParsersAction) -> None:
    reg = subparsers.add_parser("register", help="定密台账：列出、检索、导出").add_subparsers(
        dest="register_command", metavar="ACTION"
    )
    for name, handler, helptext in (
        ("list", cmd_list, "列出台账（可筛选、排序、分页）"),
        ("search", cmd_search, "检索标题、文号、依据、知悉范围和意见"),
    ):
        p = reg.add_parser(name, help=helptext)
        if name == "search":
            p.add_argument("text", help="检索的文字")
        p.add_argument("--limit", help=f"最多列出的项数（默认 {DEFAULT_LIMIT}）")
        p.add_argument("--offset", help="跳过前 N 项")
        p.add_argument("--json", action="store_true", help="以 JSON 输出")
        _filters(p)
        p.set_defaults(handler=handler)
    p = reg.add_parser("export", help="把筛选后的台账导出为 XLSX 或 CSV（定密责任人、保密员；记入审计）")
    p.add_argument("--out", required=True, help="输出文件 FILE.xlsx 或 FILE.csv")
    p.add_argument("--format", choices=FORMATS, help="xlsx 或 csv（默认按 --out 的扩展名）")
    p.add_argument("--text", help="只导出检索到的项")
    _filters(p)
    p.set_defaults(handler=cmd_export)
