"""`dingmi filing make|sign|export|list`: the 备案 / 报备 to the superior from a script.

`make` by the 定密责任人 prepares and signs in one step (his password re-entered signs the content digest);
by the 保密员 it makes a draft (its PDF says 草稿) that the officer signs with `filing sign`. Files are
written after the filing is recorded, each atomically. Exit codes as docs/interfaces.md: 0 done; 2 bad
input (period, kind, superior, no items, file names, unknown filing); 3 wrong password, locked, not permitted.
"""

from __future__ import annotations

import argparse
import contextlib
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from dingmi_desktop.cli.common import EXIT_OK, EXIT_USAGE, CliError, add_user_arguments, read_password
from dingmi_desktop.cli.store_commands import cli_errors, signed_in
from dingmi_desktop.domain.dates import parse_date_text
from dingmi_desktop.domain.errors import DomainError, ValidationError
from dingmi_desktop.domain.workflow import Role
from dingmi_desktop.services.filing import FilingService, FilingView
from dingmi_desktop.services.filing_content import KINDS, FilingRequest


@contextlib.contextmanager
def _service(args: argparse.Namespace) -> Iterator[FilingService]:
    with signed_in(args) as session, cli_errors():
        try:
            yield FilingService(session)
        except ValidationError as exc:
            raise CliError([p.message for p in exc.problems], EXIT_USAGE) from exc


def _day(text: str | None, option: str) -> date | None:
    if text is None or not text.strip():
        return None
    try:
        return parse_date_text(text)
    except DomainError as exc:
        raise CliError(f"{option}：{exc.message}。") from exc


def _outputs(args: argparse.Namespace) -> list[tuple[Path, str]]:
    """The files asked for, checked before anything is recorded."""
    wanted = [(Path(args.out), "pdf")] + ([(Path(args.xlsx), "xlsx")] if args.xlsx else [])
    for path, fmt in wanted:
        option = "--out" if fmt == "pdf" else "--xlsx"
        if path.suffix.lower() != f".{fmt}":
            raise CliError(f"{option} 须为 .{fmt} 文件：{path}。")
        if not path.parent.is_dir():
            raise CliError(f"{option} 的位置不存在：{path.parent}。请选择已有的文件夹。")
    return wanted


def _write(service: FilingService, view: FilingView, outputs: list[tuple[Path, str]]) -> None:
    for path, fmt in outputs:
        service.export(view.row.id, path, fmt)
        print(f"已写出 {path}（文件密级：{view.content['marking']}）")


def _said(view: FilingView) -> str:
    row = view.row
    period = f"{row.period_from} 至 {row.period_to}"
    head = f"{row.kind} {row.id}：{period}，报 {row.superior}，共 {row.item_count} 项"
    if view.signed:
        return f"{head}；已由 {view.signer} 电子签名签发（内容摘要 {row.content_digest}）。"
    return f"{head}；草稿，待定密责任人签发：dingmi filing sign {row.id} --out 文件.pdf --user 定密责任人。"


def cmd_make(args: argparse.Namespace) -> int:
    outputs = _outputs(args)
    request = FilingRequest(
        kind=args.kind or "",
        period_from=_day(getattr(args, "from"), "--from"),
        period_to=_day(args.to, "--to"),
        superior=args.superior or "",
    )
    with _service(args) as service:
        if service.user.has_role(Role.OFFICER):
            view = service.issue(request, password=read_password(args))
        else:
            view = service.prepare(request)
        print(_said(view))
        _write(service, view, outputs)
    return EXIT_OK


def _filing_id(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or int(text) == 0:
        raise CliError(f"备案编号须为正整数，例如 3：{text}。")
    return int(text)


def cmd_sign(args: argparse.Namespace) -> int:
    outputs = _outputs(args)
    filing_id = _filing_id(args.id)
    with _service(args) as service:
        view = service.sign(filing_id, password=read_password(args), digest=args.digest)
        print(_said(view))
        _write(service, view, outputs)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    filing_id = _filing_id(args.id)
    out = Path(args.out)
    fmt = out.suffix.lower().lstrip(".")
    if fmt not in ("pdf", "xlsx") or not out.parent.is_dir():
        raise CliError(f"--out 须为已有文件夹中的 .pdf 或 .xlsx 文件：{out}。")
    with _service(args) as service:
        _write(service, service.view(filing_id), [(out, fmt)])
    return EXIT_OK


def _json(view: FilingView) -> dict[str, object]:
    row = view.row
    return {
        "id": row.id,
        "kind": row.kind,
        "period_from": row.period_from,
        "period_to": row.period_to,
        "superior": row.superior,
        "item_count": row.item_count,
        "counts": view.content["counts"],
        "marking": view.content["marking"],
        "status": row.status,
        "prepared_by": row.prepared_by,
        "created_at": view.created_text,
        "signer": row.signer,
        "signed_at": view.signed_text,
        "content_digest": row.content_digest,
        "head_seq": row.head_seq,
        "signature_valid": None if not view.signed else view.valid,
        "problem": row.problem,
    }


def cmd_list(args: argparse.Namespace) -> int:
    with _service(args) as service:
        views = service.filings()
    if args.json:
        print(json.dumps([_json(v) for v in views], ensure_ascii=False, indent=2))
        return EXIT_OK
    for view in views:
        check = "" if view.valid else f"  【核验失败：{view.row.problem}】"
        print(_said(view) + check)
    print(f"共 {len(views)} 份备案（报备）。")
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction) -> None:
    filing = subparsers.add_parser("filing", help="备案/报备：向上级报送本期定密事项").add_subparsers(
        dest="filing_command", metavar="ACTION"
    )
    p = filing.add_parser("make", help="拟制（保密员）或拟制并签发（定密责任人）一份备案/报备")
    p.add_argument("--from", help="报送期间起日 YYYY-MM-DD")
    p.add_argument("--to", help="报送期间止日 YYYY-MM-DD（不晚于今天）")
    p.add_argument("--superior", help="接收的上级机关名称")
    p.add_argument("--kind", help=f"类别：{' 或 '.join(KINDS)}")
    p.add_argument("--out", required=True, help="PDF 文件（首页为备案表，其后为事项清单）")
    p.add_argument("--xlsx", help="另写出 XLSX 文件")
    add_user_arguments(p)
    p.set_defaults(handler=cmd_make)
    p = filing.add_parser("sign", help="定密责任人签发保密员拟制的草稿")
    p.add_argument("id", help="备案编号（见 filing list）")
    p.add_argument("--digest", help="所核对的内容摘要（与草稿不符则拒绝）")
    p.add_argument("--out", required=True, help="签发后的 PDF 文件")
    p.add_argument("--xlsx", help="另写出 XLSX 文件")
    add_user_arguments(p)
    p.set_defaults(handler=cmd_sign)
    p = filing.add_parser("export", help="重新写出一份备案的 PDF 或 XLSX（记入审计）")
    p.add_argument("id", help="备案编号")
    p.add_argument("--out", required=True, help="FILE.pdf 或 FILE.xlsx")
    add_user_arguments(p)
    p.set_defaults(handler=cmd_export)
    p = filing.add_parser("list", help="已拟制和已签发的备案/报备，逐份核验签名")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    add_user_arguments(p)
    p.set_defaults(handler=cmd_list)
