"""Dates typed by hand (GUI date fields and the CLI share this) and the plausible range of form dates.

`parse_date_text` accepts the ways a clerk writes a date: 2026-11-30, 20261130, 2026/11/30, 2026.11.30,
2026年11月30日 (full-width digits too). `date_problems` refuses dates no real form can carry; it takes `today`
from the caller (the service passes `session.today()`), never from the machine clock.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

from dingmi_desktop.domain.errors import DomainError, Problem
from dingmi_desktop.domain.form_types import Form

EXAMPLE = "2026-11-30"

# The People's Republic's founding day: no 定密 form under the current law can be dated earlier, so an earlier
# date is a typing mistake (e.g. 1026 for 2026).
EARLIEST_FORM_DATE = date(1949, 10, 1)
# 制发日 / 封发日期 may be planned ahead, but a form is issued within a year of being drafted; a date
# further on (2099, 3026) is a typing mistake.
MAX_DAYS_AHEAD = 366

_WEEKDAYS = "一二三四五六日"
_SEPARATED = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


YEAR_RULE = "须为四位数字的年份，例如 2026"  # 年度 fields, --year, and the services' own check


def year_from_text(text: str) -> int | None:
    """A year typed as exactly four ASCII digits (a 年度 field, --year), else None."""
    text = text.strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) == 4 else None


class DateTextError(DomainError):
    """A typed date that cannot be read; the message says what was typed and the expected form."""


def parse_date_text(text: str) -> date:
    """The date a clerk typed; DateTextError (Chinese message) when it is not a real date."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    match = _SEPARATED.match(cleaned) or _COMPACT.match(cleaned)
    if match is None:
        raise DateTextError(f"无法识别的日期：{text.strip()}，请按 {EXAMPLE} 的格式填写")
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        raise DateTextError(f"日期不存在：{text.strip()}（月份应为1至12），请按 {EXAMPLE} 的格式填写")
    try:
        return date(year, month, day)
    except ValueError:
        raise DateTextError(
            f"日期不存在：{text.strip()}（{year}年{month}月没有{day}日），请按 {EXAMPLE} 的格式填写"
        ) from None


def describe_date(day: date) -> str:
    """How a date field confirms what it understood: 2026年11月30日（星期一）."""
    return f"{day.year}年{day.month}月{day.day}日（星期{_WEEKDAYS[day.weekday()]}）"


def latest_planned_date(today: date) -> date:
    return today + timedelta(days=MAX_DAYS_AHEAD)


def _iso(day: date) -> str:
    return day.isoformat()


def date_problems(form: Form, today: date) -> list[Problem]:
    """Dates outside the plausible range, each naming the field and the bound it breaks."""
    problems: list[Problem] = []
    for key, label, value in (
        ("drafted_on", "拟稿日期", form.drafted_on),
        ("start_date", "制发日", form.start_date),
        ("sealed_on", "封发日期", form.sealed_on),
    ):
        if value is None:
            continue
        latest = latest_planned_date(today)
        if value < EARLIEST_FORM_DATE:
            message = f"{label}{_iso(value)}早于{_iso(EARLIEST_FORM_DATE)}，请检查年份是否输错"
        elif key == "drafted_on" and value > today:
            message = f"拟稿日期{_iso(value)}晚于今天（{_iso(today)}），拟稿日期不能是将来的日期"
        elif value > latest:
            message = f"{label}{_iso(value)}超过今天一年以上（最晚{_iso(latest)}），请检查年份是否输错"
        else:
            continue
        problems.append(Problem(key, message))
    return problems
