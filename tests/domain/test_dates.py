"""Dates typed by hand and the plausible range of form dates (issue 10 points 4 and 5)."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from dingmi_desktop.domain.dates import (
    EARLIEST_FORM_DATE,
    MAX_DAYS_AHEAD,
    DateTextError,
    date_problems,
    describe_date,
    parse_date_text,
)
from tests.domain.builders import valid_form
from tests.fixtures.store import TEST_TODAY


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-30",
        "20261130",
        "2026/11/30",
        "2026.11.30",
        "2026年11月30日",
        " ２０２６年１１月３０日 ",
        "2026-11-30日",
    ],
)
def test_every_usual_way_of_writing_a_date_is_read(text: str) -> None:
    assert parse_date_text(text) == date(2026, 11, 30)


def test_short_month_and_day_are_read() -> None:
    assert parse_date_text("2027/1/5") == date(2027, 1, 5)
    assert parse_date_text("2027年1月5日") == date(2027, 1, 5)


@pytest.mark.parametrize("text", ["2026", "11/30/2026", "2026-11", "明天", "2026113", "202611300"])
def test_unreadable_text_says_what_was_typed_and_the_format(text: str) -> None:
    with pytest.raises(DateTextError) as exc:
        parse_date_text(text)
    assert exc.value.message == f"无法识别的日期：{text}，请按 2026-11-30 的格式填写"


def test_a_date_that_does_not_exist_is_named() -> None:
    with pytest.raises(DateTextError, match="2027年2月没有29日"):
        parse_date_text("2027-02-29")
    with pytest.raises(DateTextError, match="月份应为1至12"):
        parse_date_text("2026-13-01")
    assert parse_date_text("2028-02-29") == date(2028, 2, 29)


def test_describe_date_gives_the_weekday() -> None:
    assert describe_date(date(2026, 11, 30)) == "2026年11月30日（星期一）"
    assert describe_date(date(2026, 12, 6)) == "2026年12月6日（星期日）"


def _dated(**dates: date | None):  # type: ignore[no-untyped-def]
    return dataclasses.replace(
        valid_form(), **{"drafted_on": None, "start_date": None, "sealed_on": None, **dates}
    )


def test_drafted_on_may_be_today_but_not_tomorrow() -> None:
    assert date_problems(_dated(drafted_on=TEST_TODAY), TEST_TODAY) == []
    [problem] = date_problems(_dated(drafted_on=TEST_TODAY + timedelta(days=1)), TEST_TODAY)
    assert problem.field == "drafted_on"
    assert "拟稿日期" in problem.message and TEST_TODAY.isoformat() in problem.message


@pytest.mark.parametrize("key,label", [("start_date", "制发日"), ("sealed_on", "封发日期")])
def test_issue_dates_up_to_the_bound_ahead_and_not_one_day_more(key: str, label: str) -> None:
    latest = TEST_TODAY + timedelta(days=MAX_DAYS_AHEAD)
    assert date_problems(_dated(**{key: latest}), TEST_TODAY) == []
    [problem] = date_problems(_dated(**{key: latest + timedelta(days=1)}), TEST_TODAY)
    assert problem.field == key
    assert label in problem.message and latest.isoformat() in problem.message


@pytest.mark.parametrize("key", ["drafted_on", "start_date", "sealed_on"])
def test_no_form_date_before_the_founding_of_the_state(key: str) -> None:
    assert date_problems(_dated(**{key: EARLIEST_FORM_DATE}), TEST_TODAY) == []
    [problem] = date_problems(_dated(**{key: EARLIEST_FORM_DATE - timedelta(days=1)}), TEST_TODAY)
    assert problem.field == key and "1949-10-01" in problem.message


def test_2099_is_refused_with_the_field_and_the_bound() -> None:
    problems = date_problems(_dated(start_date=date(2099, 11, 30)), TEST_TODAY)
    assert [p.field for p in problems] == ["start_date"]
    assert "制发日2099-11-30" in problems[0].message and "一年" in problems[0].message
