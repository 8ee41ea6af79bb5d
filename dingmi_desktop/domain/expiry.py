"""期满自行解密 and 条件成就 (保密法第二十三条; 条例第二十二至二十四条): the rules of the expiry pass.

An item in force (已定密) whose 解密日 has come is declassified by the pass, recorded as of that 解密日
(not the day the pass ran). The pass trusts the clock only as far as its watermark (the latest time a
completed pass saw): a clock earlier than the watermark does nothing and is reported; a clock more than
`MAX_CLOCK_GAP_DAYS` ahead of it waits for the 定密责任人 to confirm the date (an insider who moves the clock
forward must not be able to declassify items on his own). Pure: no clock, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import Enum, StrEnum

from dingmi_desktop.domain.errors import DomainError
from dingmi_desktop.domain.marking import format_date, parse_marking, period_text
from dingmi_desktop.domain.periods import Period, PeriodKind

MAX_CLOCK_GAP_DAYS = 31  # a pass runs at least daily while the app is used; a larger jump is suspicious
BACK_TOLERANCE = timedelta(minutes=10)  # a time-sync nudge of a few minutes is not a clock set back
MAX_EVIDENCE_CHARS = 2000


class How(StrEnum):
    """How an item became 已解密 (stored in `expiries.how`)."""

    PERIOD = "期满自行解密"
    CONDITION = "条件成就"


class ClockVerdict(Enum):
    OK = "ok"
    BACK = "back"  # earlier than the watermark: report, do nothing
    JUMPED = "jumped"  # far ahead of the watermark: the officer confirms before anything expires


def clock_verdict(
    now: datetime, watermark: datetime | None, max_gap_days: int = MAX_CLOCK_GAP_DAYS
) -> ClockVerdict:
    """How far the pass may trust `now`; no watermark (nothing ever seen) trusts it."""
    if watermark is None:
        return ClockVerdict.OK
    if now < watermark - BACK_TOLERANCE:
        return ClockVerdict.BACK
    if now - watermark > timedelta(days=max_gap_days):
        return ClockVerdict.JUMPED
    return ClockVerdict.OK


def is_due(declassify_on: date | None, today: date) -> bool:
    """The 解密日 has come (the period ran out on that day: 保密期限届满)."""
    return declassify_on is not None and declassify_on <= today


def due_reason(marking: str, declassify_on: date) -> str:
    """Why an item expires, in words, from its marking and 解密日 (no form content needed)."""
    when = format_date(declassify_on)
    try:
        _, period = parse_marking(marking)
    except DomainError:
        period = None
    if period is not None and period.kind is PeriodKind.UNTIL:
        return f"标明的解密时间{when}已到"
    if period is not None and period.kind in (PeriodKind.YEARS, PeriodKind.MONTHS):
        return f"保密期限{period_text(period)}（自制发日起算）于{when}届满"
    return f"解密日{when}已到"


def condition_of(marking: str) -> str | None:
    """The 解密条件 of a marking, or None when the period is not a condition."""
    try:
        _, period = parse_marking(marking)
    except DomainError:
        return None
    return period.condition if isinstance(period, Period) and period.kind is PeriodKind.CONDITION else None


def evidence_problem(evidence: str) -> str | None:
    """Why the typed evidence that a condition occurred is not acceptable, or None."""
    text = evidence.strip()
    if not text:
        return "须填写解密条件已经成就的依据（如文件名称、文号、事件及其日期），不能为空。"
    if len(text) > MAX_EVIDENCE_CHARS:
        return f"依据说明过长（{len(text)} 字），请精简到 {MAX_EVIDENCE_CHARS} 字以内。"
    return None


@dataclass(frozen=True)
class Due:
    """An item the pass declassifies (or would, in a dry run)."""

    form_id: int
    title: str
    category: str
    marking: str
    declassify_on: date
    reason: str


@dataclass(frozen=True)
class ConditionItem:
    """An item in force whose period is a 解密条件: the officer confirms when it occurred."""

    form_id: int
    title: str
    category: str
    marking: str
    condition: str
