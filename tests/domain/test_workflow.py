"""The workflow table (docs/rules.md §5), tested exhaustively against an independent oracle."""

from __future__ import annotations

import dataclasses
import itertools
import re
from datetime import date

import pytest

from dingmi_desktop.domain.approval import Corrections
from dingmi_desktop.domain.authority import OfficerAppointment, OfficerKind, UnitAuthority
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import TransitionRefused
from dingmi_desktop.domain.forms import BasisKind
from dingmi_desktop.domain.periods import Period
from dingmi_desktop.domain.workflow import (
    TABLE,
    Action,
    Actor,
    Outcome,
    Policy,
    Role,
    Status,
    WorkflowContext,
    allowed_actions,
    check,
    next_status,
)

TODAY = date(2026, 11, 28)
UNIT = UnitAuthority(Category.SECRET, "示例单位")
S, A, R = Status, Action, Role
CJK = re.compile(r"[\u4e00-\u9fff]")


def appointment(level: Category = Category.SECRET, **kw: object) -> OfficerAppointment:
    args: dict = {
        "user_id": "officer",
        "name": "王五",
        "kind": OfficerKind.STATUTORY,
        "highest_level": level,
        "term_start": date(2026, 1, 1),
        "trained_on": date(2026, 2, 1),
    }
    args.update(kw)
    return OfficerAppointment(**args)


def ctx(
    status: Status,
    roles: set[Role],
    *,
    is_drafter: bool = False,
    category: Category = Category.SECRET,
    basis_kind: BasisKind | None = BasisKind.DEFINITE,
    appt: OfficerAppointment | None = None,
    with_input: bool = True,
    **kw: object,
) -> WorkflowContext:
    user = "drafter" if is_drafter else "other"
    if appt is None and Role.OFFICER in roles:
        appt = appointment(user_id=user)
    base = WorkflowContext(
        status=status,
        drafter_id="drafter",
        actor=Actor(user, frozenset(roles), appt),
        category=category,
        basis_kind=basis_kind,
        unit=UNIT,
        today=TODAY,
        period=Period.of_years(5) if category.is_state_secret else None,
        start_date=TODAY,
        current_hash="h1",
    )
    if with_input:
        base = dataclasses.replace(base, approval_hash="h1", reason="意见", outcome=Outcome.DECIDED)
    return dataclasses.replace(base, **kw)


# --- the oracle: written from docs/rules.md §5 independently of the table -----------------------------------

SCENARIOS = {
    "in_range": (Category.SECRET, BasisKind.DEFINITE),
    "unclear": (Category.SECRET, BasisKind.UNCLEAR),
    "disputed": (Category.SECRET, BasisKind.DISPUTED),
    "above_unit": (Category.TOP_SECRET, BasisKind.DEFINITE),
    "derived_above": (Category.TOP_SECRET, BasisKind.DERIVED),
}


LIFECYCLE = (A.CHANGE, A.DECLASSIFY, A.EXTEND)
# the proposed terms a lifecycle decision form carries (the item holds 5 years from TODAY)
LIFECYCLE_INPUT = {
    A.CHANGE: Corrections(scope="扩大至各处室负责人"),
    A.EXTEND: Corrections(period=Period.of_years(8)),
}


def expected_lifecycle(
    scenario: str, status: Status, action: Action, role: Role, superior: bool
) -> Status | None:
    """docs/rules.md §6: from 已定密 only; the unit's officer within his authority, or anyone of the recorders
    registering a superior body's decision; an item above the unit's authority only by the superior."""
    if status is not S.DECIDED or role not in (R.OFFICER, R.SIGNER, R.CLERK):
        return None
    target = S.DECLASSIFIED if action is A.DECLASSIFY else S.DECIDED
    if superior:
        return target
    if role is not R.OFFICER or scenario == "above_unit":  # 签发人 holds no appointment; 保密员 only records
        return None
    return target


def expected(scenario: str, status: Status, action: Action, role: Role, is_drafter: bool) -> Status | None:
    """Target status if allowed (input given), else None."""
    if action in LIFECYCLE:
        return expected_lifecycle(scenario, status, action, role, superior=False)
    officer = role in (R.OFFICER, R.SIGNER)
    approvable = scenario in ("in_range", "derived_above")
    if is_drafter:
        if role is not R.DRAFTER:
            return None
        return {
            (S.DRAFT, A.SUBMIT): S.IN_REVIEW,
            (S.RETURNED, A.SUBMIT): S.IN_REVIEW,
            (S.DRAFT, A.EDIT): S.DRAFT,
            (S.RETURNED, A.EDIT): S.DRAFT,
            (S.IN_REVIEW, A.WITHDRAW): S.DRAFT,
            (S.AWAITING_APPROVAL, A.WITHDRAW): S.DRAFT,
        }.get((status, action))
    if status is S.IN_REVIEW and role is R.REVIEWER:
        return {A.REVIEW_AGREE: S.AWAITING_APPROVAL, A.REVIEW_DISAGREE: S.RETURNED}.get(action)
    if status is S.AWAITING_APPROVAL and officer:
        if action is A.RETURN:
            return S.RETURNED
        if action is A.APPROVE and approvable and role is R.OFFICER:  # only OFFICER holds an appointment
            return S.DECIDED
        if action is A.ESCALATE and scenario == "unclear":
            return S.UNCLEAR_PENDING
        if action is A.ESCALATE and scenario == "above_unit":
            return S.AWAITING_SUPERIOR
        if action is A.RECORD_DISPUTE and scenario == "disputed":
            return S.DISPUTE_PENDING
        return None
    if role in (R.OFFICER, R.SIGNER, R.CLERK):
        if status in (S.UNCLEAR_PENDING, S.DISPUTE_PENDING) and action is A.RECORD_ESCALATION_REPLY:
            return S.DECIDED
        if status is S.AWAITING_SUPERIOR and action is A.RECORD_SUPERIOR_DECISION:
            return S.DECIDED
    return None


COMBINATIONS = list(itertools.product(SCENARIOS, Status, Action, Role, (True, False)))


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_every_state_action_role_combination(scenario: str) -> None:
    category, kind = SCENARIOS[scenario]
    checked = 0
    for status, action, role, is_drafter in itertools.product(Status, Action, Role, (True, False)):
        c = ctx(status, {role}, is_drafter=is_drafter, category=category, basis_kind=kind)
        c = dataclasses.replace(c, corrections=LIFECYCLE_INPUT.get(action))
        target = expected(scenario, status, action, role, is_drafter)
        label = (scenario, status.value, action.value, role.value, is_drafter)
        if target is None:
            with pytest.raises(TransitionRefused) as info:
                check(action, c)
            assert CJK.search(info.value.message), label
            with pytest.raises(TransitionRefused):
                next_status(action, c)
            assert action not in allowed_actions(c), label
        else:
            check(action, c)
            assert next_status(action, c) is target, label
            assert action in allowed_actions(c), label
        checked += 1
    assert checked == len(Status) * len(Action) * len(Role) * 2


def test_allowed_actions_ignores_missing_input_but_check_does_not() -> None:
    c = ctx(S.IN_REVIEW, {R.REVIEWER}, with_input=False)
    assert allowed_actions(c) == [A.REVIEW_AGREE, A.REVIEW_DISAGREE]
    check(A.REVIEW_AGREE, c)  # an agreeing opinion text is optional
    with pytest.raises(TransitionRefused, match="须填写理由"):
        check(A.REVIEW_DISAGREE, c)
    with pytest.raises(TransitionRefused, match="须填写理由"):
        check(A.REVIEW_DISAGREE, dataclasses.replace(c, reason="   "))
    assert next_status(A.REVIEW_DISAGREE, dataclasses.replace(c, reason="依据不对")) is S.RETURNED


def test_every_table_entry_reachable_and_statuses_covered() -> None:
    sources = {status for status, _ in TABLE}
    assert sources == set(Status) - {S.DECLASSIFIED}  # nothing leads out of 已解密
    decided = {action for status, action in TABLE if status is S.DECIDED}
    assert decided == set(LIFECYCLE)  # 已定密 changes only through the lifecycle decision forms


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_lifecycle_actions_recording_a_superior_decision(scenario: str) -> None:
    category, kind = SCENARIOS[scenario]
    for status, action, role in itertools.product(Status, LIFECYCLE, Role):
        c = ctx(status, {role}, category=category, basis_kind=kind, records_superior=True)
        c = dataclasses.replace(c, corrections=LIFECYCLE_INPUT.get(action))
        target = expected_lifecycle(scenario, status, action, role, superior=True)
        if target is None:
            with pytest.raises(TransitionRefused) as info:
                check(action, c)
            assert CJK.search(info.value.message)
        else:
            assert next_status(action, c) is target, (scenario, status, action, role)


def test_review_switched_off_goes_straight_to_approval() -> None:
    c = ctx(S.DRAFT, {R.DRAFTER}, is_drafter=True, policy=Policy(review_required=False))
    assert next_status(A.SUBMIT, c) is S.AWAITING_APPROVAL
    assert next_status(A.SUBMIT, dataclasses.replace(c, policy=Policy())) is S.IN_REVIEW


def test_separation_of_duties_even_with_officer_roles() -> None:
    all_business = {R.DRAFTER, R.REVIEWER, R.OFFICER, R.SIGNER, R.CLERK}
    own = ctx(S.AWAITING_APPROVAL, all_business, is_drafter=True)
    assert allowed_actions(own) == [A.WITHDRAW]
    with pytest.raises(TransitionRefused, match="职责分离"):
        check(A.APPROVE, own)
    with pytest.raises(TransitionRefused, match="职责分离"):
        check(A.REVIEW_AGREE, dataclasses.replace(own, status=S.IN_REVIEW))
    other = ctx(S.DRAFT, {R.DRAFTER})
    with pytest.raises(TransitionRefused, match="承办人本人"):
        check(A.SUBMIT, other)


@pytest.mark.parametrize("admin", [R.SYSADMIN, R.SECADMIN, R.AUDITOR])
def test_three_admins_do_no_business_work(admin: Role) -> None:
    c = ctx(S.AWAITING_APPROVAL, {admin, R.OFFICER})
    assert allowed_actions(c) == []
    with pytest.raises(TransitionRefused, match="三员"):
        check(A.APPROVE, c)


def test_approval_binds_to_content_hash() -> None:
    c = ctx(S.AWAITING_APPROVAL, {R.OFFICER})
    check(A.APPROVE, c)
    with pytest.raises(TransitionRefused, match="已被修改"):
        check(A.APPROVE, dataclasses.replace(c, current_hash="h2"))
    with pytest.raises(TransitionRefused, match="缺少内容摘要"):
        check(A.APPROVE, dataclasses.replace(c, approval_hash=""))


def test_edit_after_return_restarts_review() -> None:
    c = ctx(S.RETURNED, {R.DRAFTER}, is_drafter=True)
    assert next_status(A.EDIT, c) is S.DRAFT
    assert next_status(A.SUBMIT, dataclasses.replace(c, status=S.DRAFT)) is S.IN_REVIEW
    with pytest.raises(TransitionRefused, match="变更程序"):
        check(A.EDIT, dataclasses.replace(c, status=S.DECIDED))
    with pytest.raises(TransitionRefused, match="先撤回"):
        check(A.EDIT, dataclasses.replace(c, status=S.AWAITING_APPROVAL))


def test_officer_level_term_training_guard_approval() -> None:
    low = ctx(S.AWAITING_APPROVAL, {R.OFFICER}, appt=appointment(Category.CONFIDENTIAL))
    assert A.APPROVE not in allowed_actions(low)
    with pytest.raises(TransitionRefused, match="最高为秘密级"):
        check(A.APPROVE, low)
    # Correcting the level down to the officer's authority makes the approval possible.
    corrected = dataclasses.replace(low, corrections=Corrections(category=Category.CONFIDENTIAL))
    assert next_status(A.APPROVE, corrected) is S.DECIDED
    expired = ctx(S.AWAITING_APPROVAL, {R.OFFICER}, appt=appointment(term_end=date(2026, 6, 30)))
    with pytest.raises(TransitionRefused, match="任期"):
        check(A.APPROVE, expired)
    untrained = ctx(S.AWAITING_APPROVAL, {R.OFFICER}, appt=appointment(trained_on=None))
    with pytest.raises(TransitionRefused, match="培训"):
        check(A.APPROVE, untrained)
    signer_without_appointment = ctx(S.AWAITING_APPROVAL, {R.SIGNER})
    with pytest.raises(TransitionRefused, match="经任命的定密责任人"):
        check(A.APPROVE, signer_without_appointment)
    signer_with = ctx(S.AWAITING_APPROVAL, {R.SIGNER}, appt=appointment())
    check(A.APPROVE, signer_with)


def test_corrections_are_validated() -> None:
    c = ctx(S.AWAITING_APPROVAL, {R.OFFICER})
    check(
        A.APPROVE, dataclasses.replace(c, corrections=Corrections(period=Period.of_years(5), scope="项目组"))
    )
    with pytest.raises(TransitionRefused, match="不得超过20年"):
        check(A.APPROVE, dataclasses.replace(c, corrections=Corrections(period=Period.of_years(21))))
    # Lowering the level keeps the proposed 10 years: fine for 秘密 (max 10).
    check(A.APPROVE, dataclasses.replace(c, corrections=Corrections(category=Category.CONFIDENTIAL)))
    too_long = dataclasses.replace(c, period=Period.of_years(15))
    with pytest.raises(TransitionRefused, match="秘密级事项保密期限不得超过10年"):
        check(
            A.APPROVE, dataclasses.replace(too_long, corrections=Corrections(category=Category.CONFIDENTIAL))
        )
    with pytest.raises(TransitionRefused, match="知悉范围不得为空"):
        check(A.APPROVE, dataclasses.replace(c, corrections=Corrections(scope=" ")))
    # Correcting to 非密 drops the period; an empty scope is then fine.
    check(A.APPROVE, dataclasses.replace(c, corrections=Corrections(category=Category.NON_SECRET, scope="")))


def test_above_unit_authority_goes_to_superior() -> None:
    c = ctx(S.AWAITING_APPROVAL, {R.OFFICER}, category=Category.TOP_SECRET)
    with pytest.raises(TransitionRefused, match="超出本单位定密权限"):
        check(A.APPROVE, c)
    assert next_status(A.ESCALATE, c) is S.AWAITING_SUPERIOR
    down = dataclasses.replace(c, corrections=Corrections(category=Category.SECRET))
    assert next_status(A.APPROVE, down) is S.DECIDED
    superior = ctx(S.AWAITING_SUPERIOR, {R.CLERK}, category=Category.TOP_SECRET)
    assert next_status(A.RECORD_SUPERIOR_DECISION, superior) is S.DECIDED
    returned = dataclasses.replace(superior, outcome=Outcome.RETURNED)
    assert next_status(A.RECORD_SUPERIOR_DECISION, returned) is S.RETURNED
    with pytest.raises(TransitionRefused, match="处理结果"):
        check(A.RECORD_SUPERIOR_DECISION, dataclasses.replace(superior, outcome=None))
    with pytest.raises(TransitionRefused, match="须填写理由"):
        check(A.RECORD_SUPERIOR_DECISION, dataclasses.replace(superior, reason=""))


def test_marked_above_authority_cannot_be_approved_locally() -> None:
    c = ctx(
        S.AWAITING_APPROVAL, {R.OFFICER}, category=Category.CONFIDENTIAL, basis_kind=BasisKind.ABOVE_AUTHORITY
    )
    with pytest.raises(TransitionRefused, match="已标明超出本单位定密权限"):
        check(A.APPROVE, c)
    assert next_status(A.ESCALATE, c) is S.AWAITING_SUPERIOR


def test_derived_is_exempt_from_unit_and_officer_level() -> None:
    c = ctx(
        S.AWAITING_APPROVAL,
        {R.OFFICER},
        category=Category.TOP_SECRET,
        basis_kind=BasisKind.DERIVED,
        appt=appointment(Category.CONFIDENTIAL),
    )
    assert next_status(A.APPROVE, c) is S.DECIDED
    with pytest.raises(TransitionRefused, match="无需上报"):
        check(A.ESCALATE, c)


def test_unclear_item_escalation_and_reply() -> None:
    c = ctx(S.AWAITING_APPROVAL, {R.OFFICER}, basis_kind=BasisKind.UNCLEAR)
    with pytest.raises(TransitionRefused, match="不明确事项不能直接批准"):
        check(A.APPROVE, c)
    with pytest.raises(TransitionRefused, match="须填写理由"):
        check(A.ESCALATE, dataclasses.replace(c, reason=""))
    assert next_status(A.ESCALATE, c) is S.UNCLEAR_PENDING
    pending = ctx(S.UNCLEAR_PENDING, {R.CLERK}, basis_kind=BasisKind.UNCLEAR)
    assert next_status(A.RECORD_ESCALATION_REPLY, pending) is S.DECIDED
    assert next_status(A.RECORD_ESCALATION_REPLY, dataclasses.replace(pending, outcome=Outcome.RETURNED)) is (
        S.RETURNED
    )
    with pytest.raises(TransitionRefused, match="处理结果"):
        check(A.RECORD_ESCALATION_REPLY, dataclasses.replace(pending, outcome=None))


def test_dispute_is_protected_at_a_state_secret_level() -> None:
    c = ctx(S.AWAITING_APPROVAL, {R.OFFICER}, basis_kind=BasisKind.DISPUTED)
    with pytest.raises(TransitionRefused, match="有争议事项不能直接批准"):
        check(A.APPROVE, c)
    assert next_status(A.RECORD_DISPUTE, c) is S.DISPUTE_PENDING
    low = dataclasses.replace(c, category=Category.INTERNAL, period=None)
    with pytest.raises(TransitionRefused, match="最高密级保护"):
        check(A.RECORD_DISPUTE, low)
    with pytest.raises(TransitionRefused, match="只有有争议事项"):
        check(A.RECORD_DISPUTE, ctx(S.AWAITING_APPROVAL, {R.OFFICER}))


def test_non_secret_decision_by_valid_officer() -> None:
    c = ctx(S.AWAITING_APPROVAL, {R.OFFICER}, category=Category.NON_SECRET, basis_kind=None)
    assert next_status(A.APPROVE, c) is S.DECIDED
    assert A.ESCALATE not in allowed_actions(c)


def test_action_labels_are_chinese() -> None:
    assert all(CJK.search(a.label) for a in Action)
    assert A.APPROVE.label == "批准"


def test_input_requirements_per_action() -> None:
    from dingmi_desktop.domain.workflow import requires_outcome, requires_reason

    needing = {A.REVIEW_DISAGREE, A.RETURN, A.ESCALATE, A.RECORD_DISPUTE}
    needing |= {A.RECORD_SUPERIOR_DECISION, A.RECORD_ESCALATION_REPLY, *LIFECYCLE}
    assert {a for a in Action if requires_reason(a)} == needing
    assert {a for a in Action if requires_outcome(a)} == {
        A.RECORD_SUPERIOR_DECISION,
        A.RECORD_ESCALATION_REPLY,
    }


def test_context_for_form_and_decided_values_validated() -> None:
    from dingmi_desktop.domain.forms import Basis, content_hash
    from dingmi_desktop.domain.workflow import context_for
    from tests.domain.builders import valid_form

    form = valid_form(
        basis=Basis(BasisKind.DEFINITE, "某范围第1条", allows_long_term=True, special_rule="某规定")
    )
    officer = Actor("wangwu", frozenset({R.OFFICER}), appointment(user_id="wangwu"))
    c = context_for(
        form,
        status=S.AWAITING_APPROVAL,
        drafter_id="zhangsan",
        actor=officer,
        unit=UNIT,
        today=TODAY,
        approval_hash=content_hash(form),
    )
    assert (c.category, c.basis_kind, c.period, c.start_date) == (
        Category.SECRET,
        BasisKind.DEFINITE,
        Period.of_years(10),
        form.start_date,
    )
    assert c.long_term_allowed and c.special_rule == "某规定" and c.current_hash == content_hash(form)
    assert next_status(A.APPROVE, c) is S.DECIDED
    # A recorded reply must carry valid decided values too.
    reply = ctx(S.UNCLEAR_PENDING, {R.CLERK}, corrections=Corrections(period=Period.of_months(12)))
    with pytest.raises(TransitionRefused, match="更正后的保密期限有误"):
        check(A.RECORD_ESCALATION_REPLY, reply)
