"""不明事项, 有争议事项 and above-authority proposals: escalate, record, reply."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from dingmi_desktop.domain.approval import Corrections
from dingmi_desktop.domain.calendar import WorkCalendar
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import TransitionRefused, ValidationError
from dingmi_desktop.domain.periods import Period
from dingmi_desktop.domain.workflow import Outcome, Status
from dingmi_desktop.services.escalation import EscalationService
from tests.services.samples import PASSWORD, disputed, form, top_secret, unclear


def test_escalate_unclear_item_records_recipient_and_due_dates(users) -> None:
    form_id = users.to_approval(unclear())
    service = users["wangwu"].escalation
    service.calendar = WorkCalendar(holidays=[date(2026, 12, 1)])
    result = service.escalate(
        form_id,
        to="保密行政管理部门",
        reason="无法确定是否属于国家秘密",
        password=PASSWORD,
        sent_on=date(2026, 11, 27),
    )
    assert result.status_after is Status.UNCLEAR_PENDING and result.signed
    info = users["wangwu"].history.view(form_id).escalation
    # a 秘密 不明确事项 of a 设区的市级机关 goes to the provincial bureau (Reg 25)
    assert info is not None and info.escalated_to == "省级保密行政管理部门"
    assert info.sent_on == date(2026, 11, 27)
    # 10 working days after Friday 27 Nov, skipping weekends and the 1 Dec holiday
    assert info.reply_due == date(2026, 12, 14)
    due = users["wangwu"].queues.escalations_due()
    assert form_id in [i.form_id for i in due]
    # the reply decides the level
    decided = users["wangwu"].escalation.record_reply(
        form_id,
        outcome=Outcome.DECIDED,
        reply="经研究确定为秘密级",
        password=PASSWORD,
        corrections=Corrections(category=Category.CONFIDENTIAL, period=Period.of_years(5)),
    )
    assert decided.status_after is Status.DECIDED and decided.marking == "秘密★5年"
    entry = users["zhangsan"].history.history(form_id)
    assert [e.action for e in entry][-3:] == ["escalate", "record_escalation_reply", "correct"]
    assert entry[-3].details["escalation"]["to"] == "省级保密行政管理部门"
    assert entry[-2].changes[0].after == "已定密"
    assert entry[-2].details["reply"]["by"] == "省级保密行政管理部门"  # the body's decision, recorded
    assert form_id not in [i.form_id for i in users["wangwu"].queues.escalations_due()]


def test_unclear_item_decided_non_secret(users) -> None:
    form_id = users.to_approval(unclear())
    users["wangwu"].escalation.escalate(
        form_id, to="本单位保密工作领导小组", reason="请确定", password=PASSWORD
    )
    result = users["wangwu"].escalation.record_reply(
        form_id,
        outcome=Outcome.DECIDED,
        reply="不属于国家秘密",
        password=PASSWORD,
        corrections=Corrections(category=Category.NON_SECRET),
    )
    assert result.marking == "" and result.status_after is Status.DECIDED


def test_escalation_refusals(users) -> None:
    definite = users.to_approval()
    with pytest.raises(TransitionRefused, match="无需上报"):
        users["wangwu"].escalation.escalate(definite, to="上级机关", reason="试试", password=PASSWORD)
    form_id = users.to_approval(unclear())
    with pytest.raises(ValidationError):
        users["wangwu"].escalation.escalate(form_id, to=" ", reason="请确定", password=PASSWORD)
    with pytest.raises(TransitionRefused, match="理由"):
        users["wangwu"].escalation.escalate(form_id, to="保密行政管理部门", reason="", password=PASSWORD)
    with pytest.raises(TransitionRefused, match="定密责任人或签发人"):
        users["lisi"].escalation.escalate(form_id, to="保密行政管理部门", reason="请确定", password=PASSWORD)
    users["wangwu"].escalation.escalate(form_id, to="保密行政管理部门", reason="请确定", password=PASSWORD)
    with pytest.raises(TransitionRefused, match="理由"):
        users["wangwu"].escalation.record_reply(form_id, outcome=Outcome.DECIDED, reply="", password=PASSWORD)
    with pytest.raises(ValidationError):  # a return carries no decided values
        users["wangwu"].escalation.record_reply(
            form_id,
            outcome=Outcome.RETURNED,
            reply="退回",
            password=PASSWORD,
            corrections=Corrections(category=Category.CONFIDENTIAL),
        )
    with pytest.raises(TransitionRefused, match="保密期限"):  # decided values must be valid
        users["wangwu"].escalation.record_reply(
            form_id,
            outcome=Outcome.DECIDED,
            reply="定为秘密",
            password=PASSWORD,
            corrections=Corrections(category=Category.CONFIDENTIAL, period=Period.of_years(12)),
        )
    returned = users["wangwu"].escalation.record_reply(
        form_id, outcome=Outcome.RETURNED, reply="请补充材料后重新拟定", password=PASSWORD
    )
    assert returned.status_after is Status.RETURNED
    last = users["zhangsan"].history.history(form_id)[-1]
    assert last.details["reply"]["outcome"] == "退回" and last.changes[0].after == "已退回"


def test_reply_received_earlier_keeps_its_date(users) -> None:
    form_id = users.to_approval(unclear())
    users["wangwu"].escalation.escalate(form_id, to="保密行政管理部门", reason="请确定", password=PASSWORD)
    users["wangwu"].escalation.record_reply(
        form_id, outcome=Outcome.DECIDED, reply="确定", password=PASSWORD, replied_on=date(2020, 1, 2)
    )
    last = users["zhangsan"].history.history(form_id)[-1]
    assert last.details["reply"] == {
        "outcome": "确定",
        "replied_on": "2020-01-02",
        "by": "省级保密行政管理部门",
        "document": "",
        "late": False,
    }
    assert last.changes[0].after == "已定密"


def test_above_authority_goes_to_superior(users) -> None:
    form_id = users.to_approval(top_secret())
    escalated = users["wangwu"].escalation.escalate(
        form_id, to="上级机关", reason="超出本单位权限", password=PASSWORD
    )
    assert escalated.status_after is Status.AWAITING_SUPERIOR
    assert escalated.marking == "绝密★20年"  # protected at the proposed level meanwhile
    with pytest.raises(TransitionRefused, match="保密员或定密责任人或签发人"):
        users["zhangsan"].escalation.record_reply(
            form_id, outcome=Outcome.DECIDED, reply="x", password=PASSWORD
        )
    decided = users["wangwu"].escalation.record_reply(
        form_id, outcome=Outcome.DECIDED, reply="上级机关确定为绝密级", password=PASSWORD
    )
    assert decided.action == "record_superior_decision" and decided.marking == "绝密★20年"
    # also a plain 绝密 proposal (not declared above authority) may be escalated
    plain = users.to_approval(form(category="绝密", period={"years": 20}))
    assert (
        users["wangwu"]
        .escalation.escalate(plain, to="上级机关", reason="超权限", password=PASSWORD)
        .status_after
        is Status.AWAITING_SUPERIOR
    )


def test_dispute_protected_at_highest_claim(users) -> None:
    form_id = users.to_approval(disputed())
    escalation: EscalationService = users["wangwu"].escalation
    with pytest.raises(ValidationError):
        escalation.record_dispute(
            form_id, claimed_levels=[Category.SECRET], parties="", reason="x", password=PASSWORD
        )
    with pytest.raises(TransitionRefused, match="最高密级（绝密）"):
        escalation.record_dispute(
            form_id,
            claimed_levels=[Category.TOP_SECRET, Category.SECRET],
            parties="甲、乙",
            reason="争议",
            password=PASSWORD,
        )
    with pytest.raises(TransitionRefused, match="定密责任人或签发人"):
        users["lisi"].escalation.record_dispute(
            form_id,
            claimed_levels=[Category.SECRET, Category.CONFIDENTIAL],
            parties="甲、乙",
            reason="争议",
            password=PASSWORD,
        )
    result = escalation.record_dispute(
        form_id,
        claimed_levels=[Category.CONFIDENTIAL, Category.SECRET],
        parties="业务处、办公室",
        reason="双方意见不一",
        password=PASSWORD,
    )
    assert result.status_after is Status.DISPUTE_PENDING and result.marking == "机密★10年"
    info = users["wangwu"].history.view(form_id).escalation
    assert info is not None and info.claimed_levels == ["机密", "秘密"]
    definite = users.to_approval()
    with pytest.raises(TransitionRefused, match="有争议事项"):
        escalation.record_dispute(
            definite,
            claimed_levels=[Category.SECRET, Category.CONFIDENTIAL],
            parties="甲、乙",
            reason="争议",
            password=PASSWORD,
        )
    decided = escalation.record_reply(
        form_id, outcome=Outcome.DECIDED, reply="原定密单位确定为机密", password=PASSWORD
    )
    assert decided.status_after is Status.DECIDED


def test_unreported_unclear_items_are_due_ten_working_days_after_drafting(users) -> None:
    drafted = unclear()
    form_id = (
        users["zhangsan"]
        .drafting.create_draft(dataclasses.replace(drafted, drafted_on=date(2026, 11, 27)))
        .form_id
    )
    other = users["zhaoliu"].drafting.create_draft(drafted).form_id
    due = {i.form_id: i for i in users["wangwu"].queues.escalations_due()}
    assert due[form_id].report_due == date(2026, 12, 11) and due[form_id].escalated_to == ""
    assert due[form_id].reply_due is None
    mine = {i.form_id for i in users["zhangsan"].queues.escalations_due()}
    assert form_id in mine and other not in mine
    assert users.to_approval() not in {i.form_id for i in users["wangwu"].queues.escalations_due()}
