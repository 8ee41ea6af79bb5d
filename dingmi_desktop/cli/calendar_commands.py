"""`dingmi calendar list|add|remove`: the unit's working-day calendar (holidays and 调休 working days).

Anyone signed in lists it; only the 安全保密管理员 adds or removes dates. Exit codes as docs/interfaces.md:
0 done; 2 bad input (date format, unknown kind, a date that breaks a calendar rule, nothing to remove);
3 wrong password, locked, or not the 安全保密管理员; 1 the stored calendar cannot be read.
"""

from __future__ import annotations

import argparse
import contextlib
import json
from collections.abc import Iterator
from datetime import date

from dingmi_desktop.cli.common import EXIT_OK, EXIT_USAGE, CliError, add_user_arguments, year_argument
from dingmi_desktop.cli.store_commands import cli_errors, signed_in
from dingmi_desktop.domain.errors import ValidationError
from dingmi_desktop.services.calendar import HOLIDAY, KIND_LABELS, WORKDAY, CalendarDay, CalendarService

# --kind accepts the English word of docs/interfaces.md or the Chinese label shown everywhere else
KIND_WORDS = {HOLIDAY: HOLIDAY, WORKDAY: WORKDAY, "节假日": HOLIDAY, "调休上班": WORKDAY}


@contextlib.contextmanager
def _service(args: argparse.Namespace) -> Iterator[CalendarService]:
    with signed_in(args) as session, cli_errors():
        try:
            yield CalendarService(session)
        except ValidationError as exc:
            raise CliError([p.message for p in exc.problems], EXIT_USAGE) from exc


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise CliError(f"{option} 的日期“{text}”无效，须为 YYYY-MM-DD 格式的真实日期，例如 2026-10-01。")


def _kind(text: str) -> str:
    kind = KIND_WORDS.get(text.strip().lower()) or KIND_WORDS.get(text.strip())
    if kind is None:
        raise CliError(f"--kind 须为 holiday（节假日）或 workday（调休上班）：{text}。")
    return kind


def _line(day: CalendarDay) -> str:
    text = f"{day.day.isoformat()}  {day.weekday}  {day.label}"
    if day.note:
        text += f"  {day.note}"
    if not day.effective:
        text += "  （周末，不影响工作日计数）"
    return text


def _span(first: date, last: date) -> str:
    return first.isoformat() if first == last else f"{first.isoformat()} 至 {last.isoformat()}"


def cmd_list(args: argparse.Namespace) -> int:
    year = None if args.year is None else year_argument(args.year)
    with _service(args) as service:
        days = service.days(year)
    if args.json:
        print(json.dumps([d.to_json() for d in days], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not days:
        where = f"{year}年" if year is not None else "工作日历中"
        print(f"{where}没有登记的节假日或调休上班日（只按星期六、星期日休息计算）。")
        return EXIT_OK
    for day in days:
        print(_line(day))
    holidays = sum(d.kind == HOLIDAY for d in days)
    print(f"共 {len(days)} 天：节假日 {holidays} 天，调休上班 {len(days) - holidays} 天。")
    return EXIT_OK


def cmd_add(args: argparse.Namespace) -> int:
    first = _day(args.date, "--date")
    last = _day(args.to, "--to")
    kind = _kind(args.kind)
    assert first is not None
    with _service(args) as service:
        change = service.add(first, kind, args.note or "", until=last)
    days = change.days
    note = f"（{days[0].note}）" if days[0].note else ""
    print(f"已登记 {_span(days[0].day, days[-1].day)} 为{KIND_LABELS[kind]}{note}，共 {len(days)} 天。")
    return EXIT_OK


def cmd_remove(args: argparse.Namespace) -> int:
    first = _day(args.date, "--date")
    last = _day(args.to, "--to")
    assert first is not None
    with _service(args) as service:
        change = service.remove(first, until=last)
    for day in change.days:
        print(f"已删除 {day.day.isoformat()}（{day.label}" + (f"，{day.note}）" if day.note else "）"))
    return EXIT_OK


def register(subparsers: argparse._SubParsersAction) -> None:
    calendar = subparsers.add_parser("calendar", help="工作日历：节假日与调休上班日").add_subparsers(
        dest="calendar_command", metavar="ACTION"
    )
    p = calendar.add_parser("list", help="列出登记的节假日与调休上班日（任何用户）")
    p.add_argument("--year", help="只列出该年，例如 2026")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    add_user_arguments(p)
    p.set_defaults(handler=cmd_list)

    p = calendar.add_parser("add", help="登记节假日或调休上班日（安全保密管理员）")
    p.add_argument("--date", required=True, help="日期 YYYY-MM-DD（连续多天时为第一天）")
    p.add_argument("--to", help="连续多天时的最后一天 YYYY-MM-DD（含当天，最多31天）")
    p.add_argument("--kind", required=True, help="holiday（节假日）或 workday（调休上班，须为周六或周日）")
    p.add_argument("--note", help="备注，例如 国庆节")
    add_user_arguments(p)
    p.set_defaults(handler=cmd_add)

    p = calendar.add_parser("remove", help="删除登记的日期（安全保密管理员）")
    p.add_argument("--date", required=True, help="日期 YYYY-MM-DD（连续多天时为第一天）")
    p.add_argument("--to", help="连续多天时的最后一天 YYYY-MM-DD（含当天）")
    add_user_arguments(p)
    p.set_defaults(handler=cmd_remove)
