"""Working-day calendar for the 不明事项 deadlines (Reg 25): weekends off, editable holidays and 调休 days."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from dingmi_desktop.domain.errors import DomainError

UNCLEAR_ITEM_REPORT_DAYS = 10  # 不明事项 reported within 10 working days of drafting (Reg 25)
BUREAU_ANSWER_DAYS = 10  # the 保密局 answers within 10 working days of receipt (Reg 25)


@dataclass(frozen=True, init=False)
class WorkCalendar:
    """Immutable; the with_/without_ methods return an edited copy (the administrator edits the lists)."""

    holidays: frozenset[date]
    extra_workdays: frozenset[date]  # 调休: weekend days that are worked

    def __init__(self, holidays: Iterable[date] = (), extra_workdays: Iterable[date] = ()) -> None:
        hol = frozenset(holidays)
        extra = frozenset(extra_workdays)
        both = sorted(hol & extra)
        if both:
            raise DomainError(f"{both[0].isoformat()}不能既是节假日又是调休工作日")
        object.__setattr__(self, "holidays", hol)
        object.__setattr__(self, "extra_workdays", extra)

    def is_working_day(self, day: date) -> bool:
        if day in self.extra_workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after `start` (start itself never counts); n == 0 returns start."""
        if n < 0:
            raise DomainError("工作日数不能为负数")
        day = start
        remaining = n
        while remaining:
            day += timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (0 when end <= start)."""
        count = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            count += self.is_working_day(day)
        return count

    def unclear_item_due(self, drafted_on: date) -> date:
        """Last day to report a 不明事项 to the committee / superior."""
        return self.add_working_days(drafted_on, UNCLEAR_ITEM_REPORT_DAYS)

    def bureau_answer_due(self, received_on: date) -> date:
        """Day by which the 保密局 should have answered a 不明事项 it received."""
        return self.add_working_days(received_on, BUREAU_ANSWER_DAYS)

    def with_holiday(self, day: date) -> WorkCalendar:
        return WorkCalendar(self.holidays | {day}, self.extra_workdays - {day})

    def without_holiday(self, day: date) -> WorkCalendar:
        return WorkCalendar(self.holidays - {day}, self.extra_workdays)

    def with_extra_workday(self, day: date) -> WorkCalendar:
        return WorkCalendar(self.holidays - {day}, self.extra_workdays | {day})

    def without_extra_workday(self, day: date) -> WorkCalendar:
        return WorkCalendar(self.holidays, self.extra_workdays - {day})


def unclear_item_due(drafted_on: date, calendar: WorkCalendar | None = None) -> date:
    """Module-level shortcut; weekends only when no calendar is given."""
    return (calendar or WorkCalendar()).unclear_item_due(drafted_on)


def bureau_answer_due(received_on: date, calendar: WorkCalendar | None = None) -> date:
    return (calendar or WorkCalendar()).bureau_answer_due(received_on)
