"""Escalation as Reg 25 routes it: the unit's kind, the recipient, lateness, the reply's body and 文号,
and deadlines that refuse to count through a year without a loaded calendar."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from dingmi_desktop.domain.calendar import CalendarYearMissing
from dingmi_desktop.domain.errors import TransitionRefused
from dingmi_desktop.domain.workflow import Outcome
from dingmi_desktop.services.accounts import AccountService
from dingmi_desktop.storage.directory import UNIT_KIND_SETTING
from tests.fixtures.store import TEST_TODAY
from tests.services.samples import PASSWORD, audit_entries, unclear


def test_route_follows_the_unit_kind_setting(users, demo_store) -> None:  # type: ignore[no-untyped-def]
    form_id = users.to_approval(unclear())  # 机密, proposed by a 设区的市级机关 (the default)
    with pytest.raises(TransitionRefused, match="应报省级保密行政管理部门确定（条例第二十五条）"):
        users["wangwu"].escalation.escalate(
            form_id, to="国家保密行政管理部门", reason="请确定", password=PASSWORD
        )
    session = demo_store.sign_in("secadmin", PASSWORD)
    AccountService(session).set_setting(UNIT_KIND_SETTING, "中央国家机关")
    session.close()
    changed = [
        e for e in audit_entries(demo_store) if e.action == "修改设置" and e.object_id == UNIT_KIND_SETTING
    ]
    assert changed and changed[-1].detail["值"] == "中央国家机关"
    with pytest.raises(TransitionRefused, match="中央国家机关拟定的不明确事项应报国家保密行政管理部门"):
        users["wangwu"].escalation.escalate(
            form_id, to="省级保密行政管理部门", reason="请确定", password=PASSWORD
        )
    users["wangwu"].escalation.escalate(
        form_id, to="国家保密行政管理部门", reason="请确定", password=PASSWORD, received_by="收文处赵某"
    )
    info = users["wangwu"].history.view(form_id).escalation
    assert info is not None and info.escalated_to == "国家保密行政管理部门"
    assert info.received_by == "收文处赵某" and not info.report_late


def test_a_late_report_is_flagged_in_the_list_and_the_reply_records_body_and_document(users) -> None:  # type: ignore[no-untyped-def]
    late = dataclasses.replace(unclear(), drafted_on=date(2026, 11, 2))  # report due Mon 16 Nov 2026
    form_id = users.to_approval(late)
    users["wangwu"].escalation.escalate(form_id, to="保密行政管理部门", reason="请确定", password=PASSWORD)
    due = {i.form_id: i for i in users["wangwu"].queues.escalations_due()}
    assert due[form_id].report_due == date(2026, 11, 16) and due[form_id].report_late
    users["wangwu"].escalation.record_reply(
        form_id,
        outcome=Outcome.DECIDED,
        reply="确定为秘密级",
        password=PASSWORD,
        document="省保〔2026〕8号",
        replied_on=date(2026, 11, 30),
    )
    entries = users["wangwu"].history.history(form_id)
    reply = next(e for e in entries if e.action == "record_escalation_reply").details["reply"]
    assert reply == {
        "outcome": "确定",
        "replied_on": "2026-11-30",
        "by": "省级保密行政管理部门",
        "document": "省保〔2026〕8号",
        "late": False,
    }


def test_deadline_into_a_year_without_calendar_is_refused_not_guessed(users, clock) -> None:  # type: ignore[no-untyped-def]
    # the demo calendar has 2026 only; drafted on 24 Dec 2026, the report is due in January 2027
    clock.advance(days=(date(2026, 12, 24) - TEST_TODAY).days)  # a 拟稿日期 is never in the future
    form_id = users.to_approval(
        dataclasses.replace(unclear(), drafted_on=date(2026, 12, 24), start_date=date(2026, 12, 24))
    )
    with pytest.raises(CalendarYearMissing, match=r"没有2027年的节假日和调休安排.*请安全保密管理员"):
        users["wangwu"].escalation.escalate(
            form_id, to="保密行政管理部门", reason="请确定", password=PASSWORD
        )
    assert users["wangwu"].history.view(form_id).summary.status.value == "待审批"  # nothing recorded
    drafted = (
        users["zhangsan"]
        .drafting.create_draft(
            dataclasses.replace(unclear(), drafted_on=date(2026, 12, 24), start_date=date(2026, 12, 24))
        )
        .form_id
    )
    listed = {i.form_id: i for i in users["zhangsan"].queues.escalations_due()}
    assert listed[drafted].report_due is None and "2027年" in listed[drafted].calendar_problem
