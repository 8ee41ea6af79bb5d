"""Each action publishes the inputs it needs; they agree with the input guards of the workflow table."""

from __future__ import annotations

import pytest

from dingmi_desktop.domain.action_inputs import INPUTS, KEEP, Input, corrections_from_text, input_problem
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import DomainError
from dingmi_desktop.domain.workflow import Action, Outcome, Status, print_refusal, requires_reason


def test_required_reason_follows_the_table_and_has_a_chinese_message() -> None:
    for action, spec in INPUTS.items():
        assert spec.needs(Input.REASON) is requires_reason(action)
        if spec.needs(Input.REASON):
            assert spec.reason_label and spec.reason_missing
            assert input_problem(action, reason="  ", outcome=Outcome.DECIDED) == spec.reason_missing
            assert input_problem(action, reason="理由", outcome=Outcome.DECIDED) is None
    assert input_problem(Action.REVIEW_AGREE) is None  # agreeing needs no opinion
    assert input_problem(Action.REVIEW_DISAGREE) == "审核不同意须填写意见"


def test_decisions_take_what_the_superior_answered() -> None:
    for action in (Action.RECORD_SUPERIOR_DECISION, Action.RECORD_ESCALATION_REPLY):
        spec = INPUTS[action]
        assert spec.needs(Input.OUTCOME) and spec.takes(Input.CORRECTIONS) and spec.takes(Input.REPLIED_ON)
        assert input_problem(action, reason="同意") == "须登记处理结果（确定或退回）"
    approve = INPUTS[Action.APPROVE]
    assert approve.needs(Input.CONTENT_HASH) and approve.takes(Input.CORRECTIONS)
    assert not approve.needs(Input.REASON)
    assert INPUTS[Action.ESCALATE].needs(Input.TARGET)
    assert not INPUTS[Action.WITHDRAW].takes(Input.PASSWORD)


def test_corrections_from_text() -> None:
    assert corrections_from_text(KEEP, "", "") is None
    corrected = corrections_from_text("秘密", "5年", " 项目组 ")
    assert corrected is not None and corrected.category is Category.CONFIDENTIAL
    assert corrected.period is not None and corrected.period.amount == 5 and corrected.scope == "项目组"
    with pytest.raises(DomainError, match="不设保密期限"):
        corrections_from_text("内部", "5年", "")
    with pytest.raises(DomainError, match="未知的密级"):
        corrections_from_text("最高", "", "")
    # A bare number (typed into the lifecycle panel on the real X display) is no 解密条件 named "15".
    for bare in ("15", "１５"):
        with pytest.raises(DomainError, match="缺少单位"):
            corrections_from_text(KEEP, bare, "")
    condition = corrections_from_text(KEEP, "项目验收通过后", "")
    assert condition is not None and condition.period is not None and condition.period.condition


def test_only_a_decided_form_may_be_printed() -> None:
    assert print_refusal(Status.DECIDED) is None
    for status in Status:
        if status is not Status.DECIDED:
            refusal = print_refusal(status)
            assert refusal and status.value in refusal
