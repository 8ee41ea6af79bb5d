"""Review, approval (with corrections) and return — each allowed and each refused case."""

from __future__ import annotations

from datetime import date

import pytest

from dingmi_desktop.domain.approval import Corrections
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import TransitionRefused
from dingmi_desktop.domain.periods import Period
from dingmi_desktop.domain.workflow import Status
from dingmi_desktop.storage import RoleGrant, WrongPassword
from tests.services.samples import PASSWORD, form, grant, top_secret, unclear

# A basis outside the demo 依据库: the officer may correct the level (a cited item would fix it, Law 19).
HAND = {"kind": "确定性", "reference": "某上级保密事项范围 第8条", "text": ""}


def test_review_agree_and_disagree(users) -> None:
    first = users.draft_and_submit()
    agreed = users["lisi"].review.review(first, agree=True, opinion="", password=PASSWORD)
    assert agreed.status_after is Status.AWAITING_APPROVAL and agreed.signed
    second = users.draft_and_submit()
    with pytest.raises(TransitionRefused, match="理由"):
        users["lisi"].review.review(second, agree=False, opinion="  ", password=PASSWORD)
    disagreed = users["lisi"].review.review(second, agree=False, opinion="应定为秘密", password=PASSWORD)
    assert disagreed.status_after is Status.RETURNED
    assert second in [s.id for s in users["zhangsan"].queues.returned_to_me()]


def test_review_refusals(users, demo_store) -> None:
    form_id = users.draft_and_submit()
    with pytest.raises(TransitionRefused, match="定密审核人"):
        users["wangwu"].review.review(form_id, agree=True, opinion="", password=PASSWORD)  # wrong role
    grant(demo_store, "zhangsan", RoleGrant("定密审核人"))
    users["zhangsan"].session.refresh()
    with pytest.raises(TransitionRefused, match="职责分离"):
        users["zhangsan"].review.review(form_id, agree=True, opinion="", password=PASSWORD)  # own form
    with pytest.raises(WrongPassword):
        users["lisi"].review.review(form_id, agree=True, opinion="", password="wrong")
    assert users["lisi"].history.view(form_id).summary.status is Status.IN_REVIEW


def test_approve_binds_to_content_and_signs(users) -> None:
    form_id = users.to_approval()
    result = users.approve(form_id, opinion="同意")
    assert (result.status_after, result.marking, result.revision) == (Status.DECIDED, "机密★10年", 1)
    history = users["wangwu"].history.history(form_id)
    approve = history[-1]
    assert approve.action == "approve" and approve.signed and approve.signature_valid is True
    assert approve.role == "定密责任人"


def test_approve_with_corrections_records_them(users) -> None:
    form_id = users.to_approval(form(basis=HAND))
    corrections = Corrections(category=Category.CONFIDENTIAL, period=Period.of_years(5), scope="项目组")
    result = users.approve(form_id, corrections=corrections, opinion="降为秘密")
    assert result.marking == "秘密★5年" and result.revision == 2
    view = users["zhangsan"].history.view(form_id)
    assert view.marking == "秘密★5年" and view.declassify_on == date(2031, 11, 28)
    assert view.summary.category == "秘密" and view.form.scope == "项目组"
    approve = next(e for e in view.history if e.action == "approve")
    changed = {c.field: (c.before, c.after) for c in approve.changes}
    assert changed["category"] == ("机密", "秘密") and changed["period"] == ({"years": 10}, {"years": 5})
    assert view.history[-1].action == "correct" and view.history[-1].actor == "wangwu"
    revisions = users["zhangsan"].history.revisions(form_id)
    assert [r.revision for r in revisions] == [1, 2]
    assert {c.field for c in revisions[1].changes} == {"category", "period", "scope"}


def test_approve_refused_after_content_changed(users) -> None:
    form_id = users.to_approval()
    seen = users.content_hash(form_id)
    drafting = users["zhangsan"].drafting
    drafting.withdraw(form_id)
    drafting.save_draft(form_id, form(scope="扩大后的范围"), expected_revision=1)
    drafting.submit(form_id, password=PASSWORD)
    users["lisi"].review.review(form_id, agree=True, opinion="", password=PASSWORD)
    with pytest.raises(TransitionRefused, match="修改"):
        users["wangwu"].review.approve(form_id, password=PASSWORD, content_hash=seen)
    assert users["wangwu"].history.view(form_id).summary.status is Status.AWAITING_APPROVAL


def test_approve_refusals(users, demo_store) -> None:
    form_id = users.to_approval(form(basis=HAND))
    current = users.content_hash(form_id)
    with pytest.raises(TransitionRefused, match="定密责任人或签发人"):
        users["lisi"].review.approve(form_id, password=PASSWORD, content_hash=current)  # wrong role
    with pytest.raises(WrongPassword):
        users["wangwu"].review.approve(form_id, password="not-it", content_hash=current)
    # a designated officer whose authority stops at 秘密 cannot approve 机密
    grant(
        demo_store, "zhaoliu", RoleGrant("定密责任人", "指定", "秘密", date(2030, 12, 31), date(2026, 1, 5))
    )
    users["zhaoliu"].session.refresh()
    with pytest.raises(TransitionRefused, match="最高为秘密"):
        users["zhaoliu"].review.approve(form_id, password=PASSWORD, content_hash=current)
    # the same officer may approve it when corrected down to 秘密
    lowered = Corrections(category=Category.CONFIDENTIAL, period=Period.of_years(5))
    users["zhaoliu"].review.approve(form_id, password=PASSWORD, content_hash=current, corrections=lowered)
    # invalid corrections: period over the 秘密 maximum
    other = users.to_approval(form(basis=HAND))
    bad = Corrections(category=Category.CONFIDENTIAL, period=Period.of_years(15))
    with pytest.raises(TransitionRefused, match="保密期限"):
        users.approve(other, corrections=bad)


def test_drafter_may_not_approve_own_form(users, demo_store) -> None:
    grant(demo_store, "wangwu", RoleGrant("承办人"))
    form_id = users.to_approval(drafter="wangwu")
    with pytest.raises(TransitionRefused, match="职责分离"):
        users.approve(form_id)
    with pytest.raises(TransitionRefused, match="职责分离"):
        users["wangwu"].review.return_form(form_id, reason="自己退回", password=PASSWORD)


def test_approval_above_unit_authority_and_unclear_refused(users) -> None:
    above = users.to_approval(form(category="绝密", period={"years": 20}, basis=HAND))
    with pytest.raises(TransitionRefused, match="超出本单位定密权限"):
        users.approve(above)
    declared = users.to_approval(top_secret())
    with pytest.raises(TransitionRefused, match="上级"):
        users.approve(declared)
    unknown = users.to_approval(unclear())
    with pytest.raises(TransitionRefused, match="不明确事项"):
        users.approve(unknown)


def test_return_needs_reason_and_role(users) -> None:
    form_id = users.to_approval()
    with pytest.raises(TransitionRefused, match="理由"):
        users["wangwu"].review.return_form(form_id, reason="", password=PASSWORD)
    with pytest.raises(TransitionRefused, match="定密责任人或签发人"):
        users["lisi"].review.return_form(form_id, reason="不同意", password=PASSWORD)
    returned = users["wangwu"].review.return_form(form_id, reason="依据不准确", password=PASSWORD)
    assert returned.status_after is Status.RETURNED and returned.signed
    with pytest.raises(TransitionRefused, match="已退回"):
        users["wangwu"].review.return_form(form_id, reason="再退", password=PASSWORD)
    # after return the drafter edits (→ 草稿) and resubmits: review is needed again
    users["zhangsan"].drafting.save_draft(form_id, form(scope="项目组"), expected_revision=1)
    assert users["zhangsan"].drafting.submit(form_id).status_after is Status.IN_REVIEW
    history = users["lisi"].history.history(form_id)
    assert [e.counts for e in history if e.action in ("review_agree", "return")] == [False, False]
