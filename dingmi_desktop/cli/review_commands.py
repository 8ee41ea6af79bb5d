"""`dingmi knowers list|add|approve` (widening the circle) and `dingmi review-year start|list|decide|report`
(the annual review). Exit codes as docs/interfaces.md: 0 done; 1 refused by a rule (already decided, not
yet decided, authority); 2 bad input (one Chinese line per problem, unknown id); 3 wrong password or not
allowed (a clerk on someone else's item, widening without being the officer)."""

from __future__ import annotations

import argparse
import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dingmi_desktop.cli.common import (
    EXIT_OK,
    EXIT_PROBLEM,
    EXIT_USAGE,
    CliError,
    add_user_arguments,
    data_dir,
    read_password,
    year_argument,
)
from dingmi_desktop.cli.store_commands import _signed_in_store, cli_errors
from dingmi_desktop.clock import local_text
from dingmi_desktop.domain.errors import DomainError, ValidationError
from dingmi_desktop.services.annual_review_models import OUTCOMES
from dingmi_desktop.services.annual_review_opener import annual_review
from dingmi_desktop.services.knower_grants import KnowerGrantService
from dingmi_desktop.storage import Session, Store


@contextlib.contextmanager
def _session(args: argparse.Namespace) -> Iterator[tuple[Session, str]]:
    with cli_errors():
        store = Store.open(data_dir(args))
        try:
            password = read_password(args)
            session = _signed_in_store(store, args.user, password)
            try:
                yield session, password
            except ValidationError as exc:
                raise CliError([p.message for p in exc.problems], EXIT_USAGE) from exc
            except DomainError as exc:
                raise CliError(exc.message, EXIT_PROBLEM) from exc
        finally:
            store.close()


def _print_json(obj: Any) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2))


# --- knowers ------------------------------------------------------------------------------------------
def cmd_knowers_list(args: argparse.Namespace) -> int:
    with _session(args) as (session, _):
        listed = KnowerGrantService(session).knowers(args.form_id)
        zone = session.zone
    if args.json:
        _print_json(listed.to_json())
        return EXIT_OK
    print(f"事项 {listed.form_id}（{listed.level}）知悉人员：{'、'.join(listed.original) or '—'}")
    for g in listed.grants:
        when = local_text(g.approved_at or g.requested_at, zone)
        by = (
            f"经 {g.approved_by} 批准"
            if g.approved_by
            else ("待定密责任人批准" if g.status == "待批准" else "登记")
        )
        print(
            f"  [{g.id}] {g.person}\t{g.shown_status}\t{when}\t{by}\t"
            f"申请人 {g.requested_by}\t理由：{g.reason}"
        )
    return EXIT_OK


def cmd_knowers_pending(args: argparse.Namespace) -> int:
    with _session(args) as (session, _):
        pending = KnowerGrantService(session).pending()
        zone = session.zone
    if args.json:
        _print_json([g.to_json() for g in pending])
        return EXIT_OK
    for g in pending:
        when = local_text(g.requested_at, zone)
        print(
            f"[{g.id}] 事项 {g.form_id}（{g.level}）\t{g.person}\t{when}\t"
            f"申请人 {g.requested_by}\t理由：{g.reason}"
        )
    print(f"待批准 {len(pending)} 项。")
    return EXIT_OK


def cmd_knowers_add(args: argparse.Namespace) -> int:
    with _session(args) as (session, _):
        grant = KnowerGrantService(session).request(args.form_id, args.person, args.reason)
    if args.json:
        _print_json(grant.to_json())
    elif grant.status == "待批准":
        print(
            f"申请 {grant.id}：增加“{grant.person}”须经定密责任人批准（dingmi knowers approve {grant.id}）。"
        )
    else:
        print(
            f"已登记 {grant.id}：“{grant.person}”已加入事项 {grant.form_id} 的知悉人员"
            f"（{grant.level}，无须批准）。"
        )
    return EXIT_OK


def cmd_knowers_approve(args: argparse.Namespace) -> int:
    with _session(args) as (session, password):
        grant = KnowerGrantService(session).approve(args.request_id, password=password, opinion=args.opinion)
    if args.json:
        _print_json(grant.to_json())
    else:
        print(f"已批准申请 {grant.id}：“{grant.person}”加入事项 {grant.form_id} 的知悉人员（已签名）。")
    return EXIT_OK


# --- review-year --------------------------------------------------------------------------------------
def cmd_review_start(args: argparse.Namespace) -> int:
    year = year_argument(args.year)
    with _session(args) as (session, _):
        result = annual_review(session).start(year)
    print(f"{year} 年度审核清单：新增 {result.added} 项，共 {result.total} 项。")
    return EXIT_OK


def cmd_review_list(args: argparse.Namespace) -> int:
    year = year_argument(args.year)
    with _session(args) as (session, _):
        service = annual_review(session)
        rows = service.page(
            year, officer=args.officer, pending_only=args.pending, offset=args.offset, limit=args.limit
        )
        total = service.count(year, officer=args.officer, pending_only=args.pending)
        progress = service.progress(year)
    if args.json:
        _print_json({"total": total, "progress": progress.to_json(), "items": [r.to_json() for r in rows]})
        return EXIT_OK
    print(f"{year} 年度审核：已审核 {progress.done} / 共 {progress.total} 项")
    for p in progress.by_officer:
        print(f"  {p.officer}：{p.done} / {p.total}")
    for r in rows:
        draft = f"\t新表单 {r.draft_form_id}" if r.draft_form_id else ""
        print(f"{r.form_id}\t{r.marking}\t{r.title}\t{r.officer}\t{r.state}{draft}")
    print(f"共 {total} 项（本页 {len(rows)} 项）")
    return EXIT_OK


def cmd_review_decide(args: argparse.Namespace) -> int:
    year = year_argument(args.year)
    with _session(args) as (session, password):
        row = annual_review(session).decide(year, args.item, args.outcome, args.opinion, password=password)
    if args.json:
        _print_json(row.to_json())
        return EXIT_OK
    draft = f"，已拟制{row.outcome}表单 {row.draft_form_id}" if row.draft_form_id else ""
    print(f"事项 {row.form_id} 的 {year} 年度审核：{row.outcome}（已签名）{draft}。")
    return EXIT_OK


def cmd_review_report(args: argparse.Namespace) -> int:
    year = year_argument(args.year)
    pdf, xlsx = Path(args.out), Path(args.xlsx) if args.xlsx else None
    if pdf.suffix.lower() != ".pdf":
        raise CliError(f"--out 须以 .pdf 结尾：{pdf}。")
    if xlsx is not None and xlsx.suffix.lower() != ".xlsx":
        raise CliError(f"--xlsx 须以 .xlsx 结尾：{xlsx}。")
    for path in (pdf, xlsx):
        if path is not None and not path.parent.is_dir():
            raise CliError(f"导出位置不存在：{path.parent}。请选择已有的文件夹。")
    with _session(args) as (session, _):
        result = annual_review(session).report(year, pdf=pdf, xlsx=xlsx)
    print(
        f"已导出 {year} 年度审核报告（{result.rows} 项，文件密级：{result.marking}）：{pdf}"
        + (f"、{xlsx}" if xlsx else "")
    )
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction) -> None:
    k = subparsers.add_parser("knowers", help="知悉人员：查看、扩大知悉范围（机密、绝密须定密责任人批准）")
    ks = k.add_subparsers(dest="knowers_command", metavar="ACTION", required=True)
    p = ks.add_parser("list", help="事项的知悉人员及后来增加的人员（何时、经谁批准）")
    p.add_argument("form_id", type=int, help="事项（表单）编号")
    p.set_defaults(handler=cmd_knowers_list)
    p = ks.add_parser("pending", help="待定密责任人批准的扩大知悉范围申请")
    p.set_defaults(handler=cmd_knowers_pending)
    p = ks.add_parser("add", help="增加知悉人员：秘密直接登记，机密、绝密提交定密责任人批准")
    p.add_argument("form_id", type=int, help="事项（表单）编号")
    p.add_argument("--person", required=True, help="增加的知悉人员姓名")
    p.add_argument("--reason", required=True, help="理由（工作需要）")
    p.set_defaults(handler=cmd_knowers_add)
    p = ks.add_parser("approve", help="定密责任人批准扩大知悉范围（重新输入密码签名）")
    p.add_argument("request_id", type=int, help="申请编号")
    p.add_argument("--opinion", default="", help="批准意见")
    p.set_defaults(handler=cmd_knowers_approve)
    r = subparsers.add_parser("review-year", help="年度审核（保密法第二十四条）：建立清单、审核、进度、报告")
    rs = r.add_subparsers(dest="review_command", metavar="ACTION", required=True)
    p = rs.add_parser("start", help="建立年度审核清单（所有已定密事项；再次执行只加入新定密的事项）")
    p.add_argument("--year", required=True, help="年度，例如 2026")
    p.set_defaults(handler=cmd_review_start)
    p = rs.add_parser("list", help="审核清单与进度（分页）")
    p.add_argument("--year", required=True, help="年度，例如 2026")
    p.add_argument("--officer", help="只看分配给该定密责任人（用户名）的事项")
    p.add_argument("--pending", action="store_true", help="只看待审核的事项")
    p.add_argument("--offset", type=int, default=0, help="从第几项开始（默认 0）")
    p.add_argument("--limit", type=int, default=200, help="本页项数（默认 200）")
    p.set_defaults(handler=cmd_review_list)
    p = rs.add_parser("decide", help="审核一项：维持、变更、解密或延长（重新输入密码签名）")
    p.add_argument("--year", required=True, help="年度，例如 2026")
    p.add_argument("--item", required=True, type=int, help="事项（表单）编号")
    p.add_argument("--outcome", required=True, choices=OUTCOMES, help="审核结论")
    p.add_argument("--opinion", required=True, help="审核意见（必填）")
    p.set_defaults(handler=cmd_review_decide)
    p = rs.add_parser("report", help="导出年度审核报告 PDF（及 XLSX），标注所列事项的最高密级")
    p.add_argument("--year", required=True, help="年度，例如 2026")
    p.add_argument("--out", required=True, help="报告 PDF 文件")
    p.add_argument("--xlsx", help="同时导出 XLSX 文件")
    p.set_defaults(handler=cmd_review_report)
    for sub in (*ks.choices.values(), *rs.choices.values()):
        sub.add_argument("--json", action="store_true", help="以 JSON 输出")
        add_user_arguments(sub)
