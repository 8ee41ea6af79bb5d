"""Working-day calendar for the 不明事项 deadlines (Reg 25): weekends off, editable holidays and 调休 days.

Which weekdays are off depends on each year's official notice, so a deadline may only be counted through
years whose holidays were loaded (`loaded_years`): otherwise the count would be a silent guess. The stored
calendar (services.calendar) knows its loaded years; a calendar built without them (a what-if, the pure
tests) counts weekends only and says nothing about years.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from dingmi_desktop.domain.errors import DomainError

UNCLEAR_ITEM_REPORT_DAYS = 10  # 不明事项 reported within 10 working days of drafting (Reg 25)
BUREAU_ANSWER_DAYS = 10  # the 保密局 answers within 10 working days of receipt (Reg 25)


class CalendarYearMissing(DomainError):
    """A working-day deadline runs into a year whose holidays were never loaded."""

    def __init__(self, year: int) -> None:
        super().__init__(
            f"工作日历中没有{year}年的节假日和调休安排，无法计算工作日期限（不作推测）。"
            f"请安全保密管理员在“工作日历”中载入{year}年的节假日和调休安排后再试。"
        )
        self.year = year


@dataclass(frozen=True, init=False)
class WorkCalendar:
    """Immutable; the with_/without_ methods return an edited copy (the administrator edits the lists).

    `loaded_years`: the years whose official holidays are loaded; None means unchecked (weekends only)."""

    holidays: frozenset[date]
    extra_workdays: frozenset[date]  # 调休: weekend days that are worked
    loaded_years: frozenset[int] | None

    def __init__(
        self,
        holidays: Iterable[date] = (),
        extra_workdays: Iterable[date] = (),
        loaded_years: Iterable[int] | None = None,
    ) -> None:
        hol = frozenset(holidays)
        extra = frozenset(extra_workdays)
        both = sorted(hol & extra)
        if both:
            raise DomainError(f"{both[0].isoformat()}不能既是节假日又是调休工作日")
        object.__setattr__(self, "holidays", hol)
        object.__setattr__(self, "extra_workdays", extra)
        object.__setattr__(self, "loaded_years", None if loaded_years is None else frozenset(loaded_years))

    def require_year(self, year: int) -> None:
        """Raises CalendarYearMissing unless `year`'s holidays are loaded (or years are unchecked)."""
        if self.loaded_years is not None and year not in self.loaded_years:
            raise CalendarYearMissing(year)

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
        checked = 0
        while remaining:
            day += timedelta(days=1)
            if day.year != checked:  # every year the count walks through must be loaded
                self.require_year(day.year)
                checked = day.year
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
        return WorkCalendar(self.holidays | {day}, self.extra_workdays - {day}, self.loaded_years)

    def without_holiday(self, day: date) -> WorkCalendar:
        return WorkCalendar(self.holidays - {day}, self.extra_workdays, self.loaded_years)

    def with_extra_workday(self, day: date) -> WorkCalendar:
        return WorkCalendar(self.holidays - {day}, self.extra_workdays | {day}, self.loaded_years)

    def without_extra_workday(self, day: date) -> WorkCalendar:
        return WorkCalendar(self.holidays, self.extra_workdays - {day}, self.loaded_years)


def unclear_item_due(drafted_on: date, calendar: WorkCalendar | None = None) -> date:
    """Module-level shortcut; weekends only when no calendar is given."""
    return (calendar or WorkCalendar()).unclear_item_due(drafted_on)


def bureau_answer_due(received_on: date, calendar: WorkCalendar | None = None) -> date:
    return (calendar or WorkCalendar()).bureau_answer_due(received_on)
