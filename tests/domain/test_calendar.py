"""Working-day calendar (docs/rules.md §5 deadlines, Reg 25)."""

from __future__ import annotations

from datetime import date

import pytest

from dingmi_desktop.domain import calendar as cal
from dingmi_desktop.domain.calendar import WorkCalendar
from dingmi_desktop.domain.errors import DomainError

FRI = date(2026, 11, 27)
SAT = date(2026, 11, 28)
MON = date(2026, 11, 30)


def test_weekends_are_off() -> None:
    c = WorkCalendar()
    assert c.is_working_day(FRI)
    assert not c.is_working_day(SAT)
    assert c.add_working_days(FRI, 1) == MON
    assert c.add_working_days(SAT, 1) == MON
    assert c.add_working_days(FRI, 0) == FRI


def test_ten_working_days_plain_weeks() -> None:
    # Drafted on Monday 2026-11-30: ten working days later is Monday 2026-12-14.
    assert WorkCalendar().unclear_item_due(MON) == date(2026, 12, 14)
    assert cal.unclear_item_due(MON) == date(2026, 12, 14)
    assert cal.bureau_answer_due(MON) == date(2026, 12, 14)


def test_holidays_and_make_up_workdays() -> None:
    # 2026 National Day style: Oct 1-7 off, Saturday Oct 10 worked (调休).
    holidays = [date(2026, 10, d) for d in range(1, 8)]
    c = WorkCalendar(holidays, [date(2026, 10, 10)])
    assert not c.is_working_day(date(2026, 10, 5))
    assert c.is_working_day(date(2026, 10, 10))
    # From Wed Sep 30: Oct 8 (1), 9 (2), 10 Sat worked (3), 12..16 (4-8), 19 (9), 20 (10).
    assert c.unclear_item_due(date(2026, 9, 30)) == date(2026, 10, 20)
    assert c.bureau_answer_due(date(2026, 9, 30)) == date(2026, 10, 20)
    assert c.working_days_between(date(2026, 9, 30), date(2026, 10, 20)) == 10


def test_editing_returns_new_calendar() -> None:
    c = WorkCalendar()
    h = c.with_holiday(MON)
    assert c.is_working_day(MON) and not h.is_working_day(MON)
    assert h.without_holiday(MON).is_working_day(MON)
    w = c.with_extra_workday(SAT)
    assert w.is_working_day(SAT)
    assert not w.without_extra_workday(SAT).is_working_day(SAT)
    # Turning a holiday into a workday moves it between the lists, never both.
    assert h.with_extra_workday(MON).holidays == frozenset()


def test_refusals() -> None:
    with pytest.raises(DomainError, match="既是节假日又是调休工作日"):
        WorkCalendar([SAT], [SAT])
    with pytest.raises(DomainError, match="不能为负数"):
        WorkCalendar().add_working_days(MON, -1)
