"""`dingmi expire`: the expiry pass (期满自行解密) from the command line.

    dingmi expire --dry-run [--json] --user U          what would expire today, and why (writes nothing)
    dingmi expire [--confirm-clock] [--json] --user U  runs the pass (--confirm-clock: the 定密责任人
                                                       confirms a clock far ahead of the last pass)
    dingmi expire conditions [--json] --user U         items whose 解密条件 awaits confirmation
    dingmi expire confirm N --evidence TEXT --user U   the 定密责任人 confirms item N's condition occurred

Exit codes (docs/interfaces.md): 0 done; 1 the pass held back (clock set back, or jumped ahead and not
confirmed) or a confirmation was refused; 2 bad input; 3 authentication refused or not permitted.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator
from typing import Any

from dingmi_desktop.cli.common import (
    EXIT_OK,
    EXIT_PROBLEM,
    CliError,
    add_user_arguments,
    data_dir,
    read_password,
)
from dingmi_desktop.cli.store_commands import _signed_in_store, cli_errors
from dingmi_desktop.domain.errors import DomainError
from dingmi_desktop.domain.expiry import Due, evidence_problem
from dingmi_desktop.services.expiry import ExpiryService, PassResult
from dingmi_desktop.services.expiry_conditions import ConditionService
from dingmi_desktop.storage.session import Session
from dingmi_desktop.storage.store import Store


@contextlib.contextmanager
def _signed_in(args: argparse.Namespace) -> Iterator[tuple[Session, str]]:
    """The session and the password (re-entered for the officer's confirmation, as `form approve`)."""
    if not args.user:
        raise CliError("须指定 --user 用户名（执行解密检查的用户）。")
    password = read_password(args)
    with cli_errors():
        store = Store.open(data_dir(args))
        try:
            session = _signed_in_store(store, args.user, password)
            try:
                yield session, password
            except DomainError as exc:
                raise CliError(exc.message, EXIT_PROBLEM) from exc
        finally:
            store.close()


def _due_json(due: Due) -> dict[str, Any]:
    return {
        "id": due.form_id,
        "title": due.title,
        "category": due.category,
        "marking": due.marking,
        "declassify_on": due.declassify_on.isoformat(),
        "reason": due.reason,
    }


def _result_json(result: PassResult) -> dict[str, Any]:
    return {
        "today": result.today.isoformat(),
        "clock": result.verdict.value,
        "watermark": result.watermark.isoformat() if result.watermark else None,
        "dry_run": result.dry_run,
        "expired": [_due_json(d) for d in result.expired],
        "waiting": [_due_json(d) for d in result.waiting],
        "message": result.message(),
    }


def _print_result(result: PassResult, as_json: bool) -> None:
    if as_json:
        print(json.dumps(_result_json(result), ensure_ascii=False, indent=2))
        if result.held:  # a held pass exits 1: say why on stderr as every failing command does
            print(result.message(), file=sys.stderr)
        return
    for due in result.expired:
        print(
            f"{due.form_id}\t已解密（期满自行解密）\t{due.declassify_on.isoformat()}\t{due.title}\t{due.reason}"
        )
    label = "将解密" if result.dry_run else "待确认"
    for due in result.waiting:
        print(f"{due.form_id}\t{label}\t{due.declassify_on.isoformat()}\t{due.title}\t{due.reason}")
    print(result.message(), file=sys.stderr if result.held else sys.stdout)


def cmd_expire(args: argparse.Namespace) -> int:
    if args.dry_run and args.confirm_clock:
        raise CliError("--dry-run 与 --confirm-clock 不能同时使用：预览不解密任何事项。")
    with _signed_in(args) as (session, password):
        service = ExpiryService(session)
        if args.dry_run:
            result = service.preview()
        else:
            result = service.run(confirm_password=password if args.confirm_clock else None)
    _print_result(result, args.json)
    return EXIT_PROBLEM if result.held else EXIT_OK


def cmd_conditions(args: argparse.Namespace) -> int:
    with _signed_in(args) as (session, _):
        items = ExpiryService(session).conditions()
    if args.json:
        rows = [
            {"id": c.form_id, "title": c.title, "category": c.category, "condition": c.condition}
            for c in items
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for c in items:
            print(f"{c.form_id}\t{c.category}\t{c.condition}\t{c.title}")
        print(f"共 {len(items)} 项解密条件待确认。")
    return EXIT_OK


def cmd_confirm(args: argparse.Namespace) -> int:
    problem = evidence_problem(args.evidence or "")
    if problem:
        raise CliError(f"--evidence：{problem}")
    with _signed_in(args) as (session, password):
        done = ConditionService(session).confirm(args.id, args.evidence, password)
    if args.json:
        out = {
            "id": done.form_id,
            "declassified_on": done.declassified_on.isoformat(),
            "how": "条件成就",
            "condition": done.condition,
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(f"表单 {done.form_id}：已定密 → 已解密（条件成就，{done.declassified_on.isoformat()}）")
    return EXIT_OK


def _form_id(text: str) -> int:
    if not (text.isascii() and text.isdigit()):
        raise argparse.ArgumentTypeError(f"表单编号须为正整数：{text}")
    return int(text)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("expire", help="到期解密：期满自行解密检查、解密条件确认")
    p.add_argument("--dry-run", action="store_true", help="只显示今天到期将解密的事项及原因，不做改动")
    p.add_argument(
        "--confirm-clock",
        action="store_true",
        help="定密责任人确认系统时间无误（系统时间比上次检查晚 31 天以上时，须确认后才解密）",
    )
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    add_user_arguments(p, required=False)
    p.set_defaults(handler=cmd_expire)
    sub = p.add_subparsers(dest="expire_command", metavar="SUBCOMMAND")
    c = sub.add_parser("conditions", help="列出以解密条件为期限、待确认的事项")
    c.add_argument("--json", action="store_true", help="以 JSON 输出")
    add_user_arguments(c)
    c.set_defaults(handler=cmd_conditions)
    f = sub.add_parser("confirm", help="定密责任人确认事项的解密条件已经成就（须填写依据）")
    f.add_argument("id", type=_form_id, help="表单编号")
    f.add_argument("--evidence", required=True, help="解密条件已经成就的依据（文件、文号、事件及日期）")
    f.add_argument("--json", action="store_true", help="以 JSON 输出")
    add_user_arguments(f)
    f.set_defaults(handler=cmd_confirm)
