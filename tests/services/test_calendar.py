"""The stored working-day calendar: who may change it, its rules, its audit trail, and the due dates."""

from __future__ import annotations

from datetime import date

import pytest

from dingmi_desktop.domain.calendar import WorkCalendar
from dingmi_desktop.domain.errors import ValidationError
from dingmi_desktop.services.accounts import AuditService
from dingmi_desktop.services.calendar import HOLIDAY, WORKDAY, CalendarService
from dingmi_desktop.storage import DatabaseDamaged, PermissionDenied
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.calendar_setting import CALENDAR_SETTING
from tests.services.samples import PASSWORD, form, unclear


@pytest.fixture
def calendars(demo_session):  # type: ignore[no-untyped-def]
    cache: dict[str, CalendarService] = {}

    def get(name: str) -> CalendarService:
        if name not in cache:
            cache[name] = CalendarService(demo_session(name))
        return cache[name]

    return get


def _calendar_audit(demo_session) -> list:  # type: ignore[no-untyped-def]
    return [e for e in AuditService(demo_session("auditor")).entries() if e.action == "修改工作日历"]


def _messages(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return "；".join(p.message for p in exc.value.problems)


# --- reading ------------------------------------------------------------------------------------------


def test_demo_store_holds_the_2026_official_schedule(calendars) -> None:  # type: ignore[no-untyped-def]
    days = {d.day: d for d in calendars("zhangsan").days(2026)}
    assert len(days) == 39
    assert days[date(2026, 10, 1)].kind == HOLIDAY and days[date(2026, 10, 1)].note == "国庆节"
    assert days[date(2026, 10, 10)].kind == WORKDAY and days[date(2026, 10, 10)].weekday == "星期六"
    assert [d for d in days if days[d].kind == WORKDAY] == [
        date(2026, 1, 4),
        date(2026, 2, 14),
        date(2026, 2, 28),
        date(2026, 5, 9),
        date(2026, 9, 20),
        date(2026, 10, 10),
    ]
    assert sum(d.kind == HOLIDAY for d in days.values()) == 33
    assert not days[date(2026, 10, 3)].effective  # a Saturday inside 国庆节: listed as published, no effect
    assert days[date(2026, 10, 5)].effective
    assert calendars("zhangsan").days(2027) == []


def test_anyone_signed_in_reads_the_calendar(calendars) -> None:  # type: ignore[no-untyped-def]
    for name in ("zhangsan", "wangwu", "sysadmin", "auditor", "secadmin"):
        calendar = calendars(name).calendar()
        assert not calendar.is_working_day(date(2026, 10, 5))
        assert calendar.is_working_day(date(2026, 10, 10))


# --- who may change it --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["zhangsan", "wangwu", "sysadmin", "auditor"])
def test_only_the_security_admin_changes_the_calendar(calendars, demo_session, name: str) -> None:  # type: ignore[no-untyped-def]
    before = calendars("secadmin").days()
    with pytest.raises(PermissionDenied) as refused:
        calendars(name).add(date(2026, 12, 31), HOLIDAY, "测试")
    assert refused.value.message == "只有安全保密管理员可以修改工作日历（节假日和调休上班日）。"
    with pytest.raises(PermissionDenied):
        calendars(name).remove(date(2026, 10, 1))
    assert calendars("secadmin").days() == before
    refusals = [e for e in _calendar_audit(demo_session) if e.result == "拒绝"]
    assert [e.actor for e in refusals] == [name, name]


def test_add_and_remove_write_one_audit_entry_each(calendars, demo_session) -> None:  # type: ignore[no-untyped-def]
    admin = calendars("secadmin")
    before = len(_calendar_audit(demo_session))
    change = admin.add(date(2026, 12, 31), HOLIDAY, " 年末休假 ")
    assert change.action == "添加" and [(d.day, d.kind, d.note) for d in change.days] == [
        (date(2026, 12, 31), HOLIDAY, "年末休假")
    ]
    entries = _calendar_audit(demo_session)
    assert len(entries) == before + 1
    last = entries[-1]
    assert last.actor == "secadmin" and last.result == "成功" and last.object_id == "2026-12-31"
    assert last.detail == {
        "操作": "添加",
        "日期": ["2026-12-31"],
        "天数": 1,
        "类别": "节假日",
        "备注": "年末休假",
    }
    assert not calendars("zhangsan").calendar().is_working_day(date(2026, 12, 31))

    removed = admin.remove(date(2026, 12, 31))
    assert removed.action == "删除" and removed.days[0].note == "年末休假"
    entries = _calendar_audit(demo_session)
    assert len(entries) == before + 2
    assert entries[-1].detail["操作"] == "删除" and entries[-1].detail["日期"] == ["2026-12-31"]
    assert calendars("zhangsan").calendar().is_working_day(date(2026, 12, 31))
    report = AuditService(demo_session("auditor")).verify()
    assert report.ok, report.problems


def test_a_published_period_is_entered_and_removed_in_one_change(calendars, demo_session) -> None:  # type: ignore[no-untyped-def]
    admin = calendars("secadmin")
    before = len(_calendar_audit(demo_session))
    removed = admin.remove(date(2026, 10, 1), until=date(2026, 10, 10))
    assert [d.day.day for d in removed.days] == [1, 2, 3, 4, 5, 6, 7, 10]  # 8 and 9 were never registered
    assert {d.kind for d in removed.days} == {HOLIDAY, WORKDAY}
    added = admin.add(date(2026, 10, 1), HOLIDAY, "国庆节", until=date(2026, 10, 7))
    assert len(added.days) == 7
    assert len(_calendar_audit(demo_session)) == before + 2
    assert _calendar_audit(demo_session)[-2].detail["类别"] == "节假日、调休上班"


def test_readding_a_date_of_the_same_kind_replaces_its_note(calendars) -> None:  # type: ignore[no-untyped-def]
    admin = calendars("secadmin")
    admin.add(date(2026, 10, 1), HOLIDAY, "国庆节（第一天）")
    assert {d.day: d.note for d in admin.days(2026)}[date(2026, 10, 1)] == "国庆节（第一天）"


# --- rules --------------------------------------------------------------------------------------------


def test_a_weekday_cannot_be_a_makeup_working_day(calendars) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as refused:
        calendars("secadmin").add(date(2026, 12, 30), WORKDAY)
    assert _messages(refused) == "2026-12-30是星期三，本就是工作日；调休上班日须为星期六或星期日"
    assert refused.value.problems[0].field == "date"


def test_a_date_cannot_be_both_holiday_and_working_day(calendars) -> None:  # type: ignore[no-untyped-def]
    admin = calendars("secadmin")
    with pytest.raises(ValidationError) as refused:
        admin.add(date(2026, 10, 3), WORKDAY, "误填")  # a Saturday of 国庆节
    assert _messages(refused) == (
        "2026-10-03已登记为节假日（国庆节），不能同时登记为调休上班；如需更改，请先删除该日期"
    )
    with pytest.raises(ValidationError) as refused:
        admin.add(date(2026, 10, 10), HOLIDAY)
    assert "2026-10-10已登记为调休上班（国庆节调休上班），不能同时登记为节假日" in _messages(refused)
    days = {d.day: d.kind for d in admin.days(2026)}
    assert days[date(2026, 10, 3)] == HOLIDAY and days[date(2026, 10, 10)] == WORKDAY


def test_a_holiday_may_fall_on_a_weekend(calendars) -> None:  # type: ignore[no-untyped-def]
    change = calendars("secadmin").add(date(2026, 12, 26), HOLIDAY, "周末")
    assert not change.days[0].effective


@pytest.mark.parametrize(
    ("args", "kwargs", "field", "message"),
    [
        ((date(2026, 12, 31), "festival"), {}, "kind", "类别须为节假日（holiday）或调休上班（workday）"),
        ((date(1999, 12, 31), HOLIDAY), {}, "date", "日期须在2000年至2099年之间：1999-12-31"),
        ((date(2026, 12, 31), HOLIDAY), {"until": date(2026, 12, 30)}, "until", "结束日期不能早于开始日期"),
        (
            (date(2026, 12, 1), HOLIDAY),
            {"until": date(2027, 1, 1)},
            "until",
            "一次最多登记或删除31天，请分段操作",
        ),
        ((date(2026, 12, 31), HOLIDAY, "节" * 41), {}, "note", "备注不超过40个字"),
        ((date(2026, 12, 31), HOLIDAY, "国庆\n节"), {}, "note", "备注不能包含换行或控制字符"),
        (
            (date(2026, 10, 1), HOLIDAY, "国庆节"),
            {},
            "date",
            "2026-10-01已登记为节假日（国庆节），无需重复登记",
        ),
    ],
)
def test_invalid_changes_are_refused_and_change_nothing(  # type: ignore[no-untyped-def]
    calendars, demo_session, args, kwargs, field: str, message: str
) -> None:
    admin = calendars("secadmin")
    before, audit_before = admin.days(), len(_calendar_audit(demo_session))
    with pytest.raises(ValidationError) as refused:
        admin.add(*args, **kwargs)
    assert [(p.field, p.message) for p in refused.value.problems] == [(field, message)]
    assert admin.days() == before
    assert len(_calendar_audit(demo_session)) == audit_before


def test_removing_an_unregistered_date_is_refused(calendars) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as refused:
        calendars("secadmin").remove(date(2026, 12, 31))
    assert _messages(refused) == "2026-12-31未登记在工作日历中，无可删除的日期"


def test_a_damaged_stored_calendar_is_an_error_not_a_silent_reset(calendars, demo_store) -> None:  # type: ignore[no-untyped-def]
    reader = calendars("zhangsan")  # signed in: the store is open
    with demo_store.orm_transaction() as orm:
        orm.get(t.Setting, CALENDAR_SETTING).value = "{not json"
    with pytest.raises(DatabaseDamaged):
        reader.days()


# --- due dates ----------------------------------------------------------------------------------------


def _escalate(users, sent_on: date) -> date:  # type: ignore[no-untyped-def]
    form_id = users.to_approval(unclear())
    users["wangwu"].escalation.escalate(
        form_id, to="保密行政管理部门", reason="无法确定是否属于国家秘密", password=PASSWORD, sent_on=sent_on
    )
    info = users["wangwu"].history.view(form_id).escalation
    assert info is not None and info.reply_due is not None
    return info.reply_due


def test_escalation_due_dates_follow_the_stored_calendar(users, calendars) -> None:  # type: ignore[no-untyped-def]
    admin = calendars("secadmin")
    friday = date(2026, 11, 27)
    assert _escalate(users, friday) == date(2026, 12, 11)  # weekends only: Mon 30 Nov … Fri 11 Dec
    admin.add(date(2026, 12, 1), HOLIDAY, "测试假日")
    # the same signed-in services see the change: the stored holiday (Tue 1 Dec) is skipped
    assert _escalate(users, friday) == date(2026, 12, 14)
    admin.add(date(2026, 12, 5), WORKDAY, "测试调休")
    # the 调休 Saturday (5 Dec) counts as a working day
    assert _escalate(users, friday) == date(2026, 12, 11)
    # an injected calendar still wins (tests, what-if)
    users["wangwu"].escalation.calendar = WorkCalendar()
    assert _escalate(users, friday) == date(2026, 12, 11)
    users["wangwu"].escalation.calendar = WorkCalendar(holidays=[date(2026, 11, 30)])
    assert _escalate(users, friday) == date(2026, 12, 14)


def test_report_due_of_an_unreported_item_counts_the_seeded_national_holidays(users) -> None:  # type: ignore[no-untyped-def]
    # drafted Wed 30 Sep 2026: 1-7 Oct 国庆节 are off, Sat 10 Oct is a 调休 working day
    drafted = form(
        basis={"kind": "不明确事项", "reference": "", "text": "无法判断是否属于国家秘密"},
        drafted_on="2026-09-30",
    )
    form_id = users["zhangsan"].drafting.create_draft(drafted).form_id
    due = {i.form_id: i for i in users["zhangsan"].queues.escalations_due()}
    assert due[form_id].report_due == date(2026, 10, 20)
    assert WorkCalendar().unclear_item_due(date(2026, 9, 30)) == date(2026, 10, 14)  # without the calendar
