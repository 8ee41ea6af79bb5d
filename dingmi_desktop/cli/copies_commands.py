"""`dingmi copies list|record`: the fate of printed copies (分发 / 收回 / 销毁) from a script.

`list` reads as the print register (the 定密责任人 and the 保密员 every job, a 承办人 the jobs of his forms,
the 三员 refused and audited); `record` goes through services/copy_fate.py: the 保密员 and the 定密责任人
only, the same checks and the same audit entry as the GUI's dialog.
Exit codes as docs/interfaces.md: 0 done; 2 bad input (copy range, date, event, a copy not in the state the
event needs, unknown form or print job); 3 wrong password, locked, or not permitted.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import unicodedata
from collections.abc import Iterator
from datetime import date
from typing import Any

from dingmi_desktop.cli.common import EXIT_OK, EXIT_USAGE, CliError, add_user_arguments
from dingmi_desktop.cli.store_commands import cli_errors, signed_in
from dingmi_desktop.domain.dates import parse_date_text
from dingmi_desktop.domain.errors import DomainError, ValidationError
from dingmi_desktop.services.copy_fate import FATES, CopyEventRequest, copy_states
from dingmi_desktop.services.history import HistoryService
from dingmi_desktop.services.print_register import PrintEntry, PrintRegisterService
from dingmi_desktop.storage.print_register_repo import CopyEventRow
from dingmi_desktop.storage.session import Session

_RANGE = re.compile(r"^\s*([0-9]{1,6})\s*(?:[-—–~至到]\s*([0-9]{1,6}))?\s*$")


@contextlib.contextmanager
def _session(args: argparse.Namespace) -> Iterator[Session]:
    with signed_in(args) as session, cli_errors():
        try:
            yield session
        except ValidationError as exc:
            raise CliError([p.message for p in exc.problems], EXIT_USAGE) from exc


def _id(text: str, option: str) -> int:
    if not (text.isascii() and text.isdigit()) or int(text) == 0:
        raise CliError(f"{option} 须为正整数编号，例如 3：{text}。")
    return int(text)


def copy_range(text: str) -> tuple[int, int]:
    """`3-5`, `3`, `000003-000005` or `3至5`: the first and last 份号 (CliError in Chinese otherwise)."""
    match = _RANGE.match(unicodedata.normalize("NFKC", text))  # full-width digits typed in Chinese input
    if match is None:
        raise CliError(f"--copies 的份号“{text}”无效：请写一个份号如 3，或一段份号如 3-5。")
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if first == 0 or first > last:
        raise CliError(f"--copies 的份号“{text}”无效：份号从 1 起，起号不能大于止号。")
    return first, last


def _event_json(event: CopyEventRow) -> dict[str, Any]:
    return {
        "id": event.id,
        "print_id": event.print_id,
        "event": event.kind,
        "copies_from": event.copies_from,
        "copies_to": event.copies_to,
        "party": event.party,
        "witness": event.witness,
        "date": event.event_date,
        "note": event.note,
        "recorded_by": event.user,
        "recorded_at": event.recorded_at,
    }


def _job_json(entry: PrintEntry, first: int, events: list[CopyEventRow]) -> dict[str, Any]:
    states = copy_states(first, first + entry.copies - 1, events)
    return {
        "print_id": entry.id,
        "kind": entry.kind,
        "copy_range": entry.copy_range,
        "copies": entry.copies,
        "printer": entry.printer,
        "printed_by": entry.user,
        "printed_at": entry.time,
        "approver": entry.approver,
        "fate": entry.fate,
        "states": {f"{n:06d}": state for n, state in states.items()},
        "events": [_event_json(e) for e in events],
    }


def cmd_list(args: argparse.Namespace) -> int:
    form_id = _id(args.form, "--form")
    with _session(args) as session:
        HistoryService(session).view(form_id)  # unknown form: exit 2; not his to see: exit 3
        service = PrintRegisterService(session)
        entries = service.entries(form_id=form_id)
        jobs = [
            _job_json(entry, int(entry.copy_range.split("—")[0]), service.copy_events(entry.id))
            for entry in entries
        ]
    if args.json:
        print(json.dumps({"form_id": form_id, "prints": jobs}, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not jobs:
        print(f"表单 {form_id} 尚无印制记录。")
        return EXIT_OK
    for job in jobs:
        print(
            f"打印记录 {job['print_id']}\t{job['kind']}\t份号 {job['copy_range']}\t{job['printed_at']}\t"
            f"{job['printed_by']}\t{job['fate']}"
        )
        for e in job["events"]:
            who = f"\t{e['party']}" if e["party"] else ""
            witness = f"\t监销人 {e['witness']}" if e["witness"] else ""
            print(f"  {e['date']}\t{e['event']}\t{e['copies_from']:06d}—{e['copies_to']:06d}{who}{witness}")
    return EXIT_OK


def _date(text: str | None, session: Session) -> date:
    if text is None:
        return session.today()
    try:
        return parse_date_text(text)
    except DomainError as exc:
        raise CliError(f"--date：{exc.message}。") from exc


def cmd_record(args: argparse.Namespace) -> int:
    print_id = _id(args.print_id, "--print-id")
    first, last = copy_range(args.copies)
    with _session(args) as session:
        request = CopyEventRequest(
            print_id=print_id,
            kind=args.event,
            copies_from=first,
            copies_to=last,
            on=_date(args.date, session),
            party=args.to or "",
            witness=args.witness or "",
            note=args.note or "",
        )
        event = PrintRegisterService(session).record_fate(request)
    if args.json:
        print(json.dumps(_event_json(event), ensure_ascii=False, indent=2))
        return EXIT_OK
    whom = f"，对象：{event.party}" if event.party else ""
    witness = f"，监销人：{event.witness}" if event.witness else ""
    print(
        f"已登记{event.kind}：打印记录 {event.print_id} 份号 {event.copies_from:06d}—{event.copies_to:06d}，"
        f"日期 {event.event_date}{whom}{witness}（已记入审计日志）。"
    )
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction) -> None:
    copies = subparsers.add_parser("copies", help="印制件去向：分发、收回、销毁").add_subparsers(
        dest="copies_command", metavar="ACTION"
    )
    p = copies.add_parser("list", help="一个表单的各次印制及每份的去向")
    p.add_argument("--form", required=True, help="表单编号")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    add_user_arguments(p)
    p.set_defaults(handler=cmd_list)
    p = copies.add_parser("record", help="登记分发、收回或销毁（保密员、定密责任人；记入审计）")
    p.add_argument("--print-id", required=True, help="打印记录编号（见 copies list）")
    p.add_argument("--copies", required=True, help="份号或份号段，例如 3 或 3-5")
    p.add_argument("--event", required=True, choices=FATES, help="分发、收回 或 销毁")
    p.add_argument("--to", help="分发：接收的单位或人员；收回：交回的单位或人员")
    p.add_argument("--witness", help="销毁：监销人")
    p.add_argument("--date", help="实际日期 YYYY-MM-DD（默认今天；不能晚于今天，不能早于打印日期）")
    p.add_argument("--note", help="备注")
    p.add_argument("--json", action="store_true", help="以 JSON 输出登记的事件")
    add_user_arguments(p)
    p.set_defaults(handler=cmd_record)
