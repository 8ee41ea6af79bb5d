"""变更 / 提前解密 / 延长 of a decided item through their own decision forms (docs/rules.md §6), and the
written notices they produce: the real demo store, real signatures."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from dingmi_desktop.domain.approval import Corrections
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import TransitionRefused, ValidationError
from dingmi_desktop.domain.periods import Period
from dingmi_desktop.domain.workflow import Status
from dingmi_desktop.services.lifecycle import KNOWER, SCOPE
from dingmi_desktop.storage import tables as t
from tests.fixtures.store import TEST_TODAY
from tests.services.samples import PASSWORD, audit_entries, form


def decided_item(users) -> int:  # type: ignore[no-untyped-def]
    form_id = users.to_approval()
    users.approve(form_id, opinion="同意")
    return form_id  # 机密★10年 from 2026-11-28, 知悉人员 张三、李四


def decide(users, form_id: int, **kwargs) -> object:  # type: ignore[no-untyped-def]
    users["zhangsan"].drafting.submit(form_id, password=PASSWORD)
    users["lisi"].review.review(form_id, agree=True, opinion="同意", password=PASSWORD)
    return users.approve(form_id, **kwargs)


def register_row(users, form_id: int) -> t.RegisterEntry | None:  # type: ignore[no-untyped-def]
    with users["wangwu"].session.transaction() as tx:
        row = tx.orm.scalars(select(t.RegisterEntry).where(t.RegisterEntry.form_id == form_id)).first()
        if row is not None:
            tx.orm.expunge(row)
        return row


def test_change_goes_through_the_chain_and_updates_the_item(users, demo_store) -> None:
    item = decided_item(users)
    lifecycle = users["zhangsan"].lifecycle
    proposal = Corrections(category=Category.CONFIDENTIAL, period=Period.of_years(5))
    change = lifecycle.open_draft(item, "变更", "项目已转入一般阶段", proposal=proposal)
    assert users["zhangsan"].history.view(change).summary.status is Status.DRAFT
    assert register_row(users, change) is None  # a decision form is never an item of the register
    result = decide(users, change, opinion="同意降为秘密")
    assert result.status_after is Status.DECIDED  # type: ignore[attr-defined]
    terms = lifecycle.terms(item)
    assert (terms.marking, terms.declassify_on) == ("秘密★5年", date(2031, 11, 28))
    row = register_row(users, item)
    assert row is not None and (row.marking, row.category, row.period_value) == ("秘密★5年", "秘密", "5年")
    assert row.declassify_on == "2031-11-28" and register_row(users, change) is None
    # the decided decision form itself carries no 解密日: the expiry pass never expires it
    assert users["wangwu"].history.view(change).summary.declassify_on is None
    original = users["wangwu"].history.view(item)
    assert original.summary.status is Status.DECIDED and original.summary.revision == 1  # signed one kept
    record = lifecycle.lifecycle_of(change)
    assert record is not None and record.kind == "变更" and record.decided_by == "本单位"
    assert record.old_terms["category"] == "机密" and record.new_terms["category"] == "秘密"  # type: ignore[index]
    assert "保守国家秘密法》第二十条" in record.basis
    actions = [e.action for e in audit_entries(demo_store)]
    assert "拟制变更决定单" in actions and "变更生效" in actions


def test_notices_list_the_scope_and_every_knower_and_record_when(users, demo_store) -> None:
    item = decided_item(users)
    declassify = users["zhangsan"].lifecycle.open_draft(item, "解密", "相关工作已公开")
    with pytest.raises(TransitionRefused, match="尚未批准生效"):
        users["wangwu"].lifecycle.mark_notified(declassify, "张三", TEST_TODAY)
    decide(users, declassify, opinion="同意解密")
    assert users["wangwu"].history.view(item).summary.status is Status.DECLASSIFIED
    row = register_row(users, item)
    assert row is not None and row.status == "已解密" and row.declassify_on == TEST_TODAY.isoformat()
    office = users["wangwu"].lifecycle
    notices = office.notices(declassify)
    assert [(n.source, n.person) for n in notices] == [
        (SCOPE, "本单位领导班子成员及项目组"),
        (KNOWER, "张三"),
        (KNOWER, "李四"),
    ]
    assert all(n.notified_on is None for n in notices)
    done = office.mark_notified(declassify, "李四", TEST_TODAY)
    assert done.notified_on == TEST_TODAY and done.recorded_by == "wangwu"
    with pytest.raises(TransitionRefused, match="已于"):
        office.mark_notified(declassify, "李四", TEST_TODAY)
    with pytest.raises(TransitionRefused, match="不在须通知的名单中"):
        office.mark_notified(declassify, "王五", TEST_TODAY)
    with pytest.raises(TransitionRefused, match="晚于今天"):
        office.mark_notified(declassify, "张三", TEST_TODAY + timedelta(days=1))
    with pytest.raises(TransitionRefused, match="保密员或定密责任人"):
        users["zhangsan"].lifecycle.mark_notified(declassify, "张三", TEST_TODAY)
    assert [n.notified_on for n in office.notices(declassify)] == [None, None, TEST_TODAY]
    assert "登记书面通知" in [e.action for e in audit_entries(demo_store)]
    with pytest.raises(TransitionRefused, match="已解密"):
        users["zhangsan"].lifecycle.open_draft(item, "延长", "仍需保密")


def test_extension_within_the_maximum_and_refused_after_expiry(users, clock) -> None:
    item = decided_item(users)
    lifecycle = users["zhangsan"].lifecycle
    too_long = lifecycle.open_draft(
        item, "延长", "工程延期", proposal=Corrections(period=Period.of_years(21))
    )
    with pytest.raises(ValidationError) as info:  # counted from the original 制发日 like the decision
        users["zhangsan"].drafting.submit(too_long, password=PASSWORD)
    assert "不得超过20年" in info.value.problems[0].message
    extend = lifecycle.open_draft(item, "延长", "工程延期", proposal=Corrections(period=Period.of_years(15)))
    decide(users, extend, opinion="同意延长")
    assert lifecycle.terms(item).marking == "机密★15年"
    short = users.to_approval(form(period={"months": 1}))
    users.approve(short, opinion="同意")
    soon = lifecycle.open_draft(short, "延长", "工程延期", proposal=Corrections(period=Period.of_months(3)))
    clock.advance(days=31)  # past the 解密日 2026-12-28 before the extension is decided
    with pytest.raises(TransitionRefused, match=r"已于2026-12-28届满.*不能再延长"):
        lifecycle.open_draft(short, "延长", "再延长")
    with pytest.raises(TransitionRefused, match=r"已于2026-12-28届满.*不能再延长"):
        decide(users, soon, opinion="同意")
    assert lifecycle.terms(short).marking == "机密★1个月"


def test_change_by_a_non_officer_is_refused_and_nothing_changes(users) -> None:
    item = decided_item(users)
    change = users["zhangsan"].lifecycle.open_draft(
        item, "变更", "扩大范围", proposal=Corrections(scope="全体")
    )
    users["zhangsan"].drafting.submit(change, password=PASSWORD)
    with pytest.raises(TransitionRefused, match="定密审核人"):
        users["zhangsan"].review.review(change, agree=True, opinion="", password=PASSWORD)
    with pytest.raises(TransitionRefused, match="承办人或定密责任人"):
        users["lisi"].lifecycle.open_draft(item, "变更", "扩大范围")
    with pytest.raises(TransitionRefused, match="须填写理由"):
        users["zhangsan"].lifecycle.open_draft(item, "变更", "  ")
    with pytest.raises(TransitionRefused, match="决定单本身不能再变更"):
        users["zhangsan"].lifecycle.open_draft(change, "变更", "再变更")
    pending = users.draft_and_submit()
    with pytest.raises(TransitionRefused, match="只有已定密的事项才能变更"):
        users["zhangsan"].lifecycle.open_draft(pending, "变更", "再变更")
    assert users["wangwu"].lifecycle.terms(item).scope == "本单位领导班子成员及项目组"


def test_an_item_the_superior_decided_changes_only_by_the_superior_recorded(users) -> None:
    from dingmi_desktop.domain.workflow import Outcome
    from tests.services.samples import top_secret

    item = users.to_approval(top_secret())  # 绝密 above the unit's 机密 authority
    users["wangwu"].escalation.escalate(item, to="上级机关", reason="超出本单位权限", password=PASSWORD)
    users["wangwu"].escalation.record_reply(item, outcome=Outcome.DECIDED, reply="同意", password=PASSWORD)
    lifecycle = users["zhangsan"].lifecycle
    declassify = lifecycle.open_draft(item, "解密", "上级机关通知提前解密")
    users["zhangsan"].drafting.submit(declassify, password=PASSWORD)
    users["lisi"].review.review(declassify, agree=True, opinion="同意", password=PASSWORD)
    with pytest.raises(TransitionRefused, match="超出本单位定密权限"):  # the unit may not decide it itself
        users.approve(declassify, opinion="同意")
    users["wangwu"].escalation.escalate(declassify, to="上级机关", reason="报上级决定", password=PASSWORD)
    users["wangwu"].escalation.record_reply(
        declassify, outcome=Outcome.DECIDED, reply="同意解密", password=PASSWORD, answered_by="某上级机关"
    )
    assert users["wangwu"].history.view(item).summary.status is Status.DECLASSIFIED
    record = lifecycle.lifecycle_of(declassify)
    assert record is not None and record.decided_by == "某上级机关"


def test_a_decision_form_is_no_item_of_the_expiry_pass_nor_of_the_annual_review(users) -> None:  # type: ignore[no-untyped-def]
    """The change form is 已定密 and carries the new terms (here a 解密条件), but only its item is in force:
    the condition list, the confirmation and the year's worklist name the item, never the decision form."""
    from dingmi_desktop.services.annual_review_opener import annual_review
    from dingmi_desktop.services.expiry import ExpiryService
    from dingmi_desktop.services.expiry_conditions import ConditionService

    item = decided_item(users)
    proposal = Corrections(period=Period.on_condition("项目验收通过"))
    change = users["zhangsan"].lifecycle.open_draft(item, "变更", "改为解密条件", proposal=proposal)
    decide(users, change, opinion="同意")
    session = users["wangwu"].session
    listed = [c.form_id for c in ExpiryService(session).conditions()]
    assert item in listed and change not in listed
    with pytest.raises(TransitionRefused, match="决定单"):
        ConditionService(session).confirm(change, "验收报告", PASSWORD)
    review = annual_review(session)
    review.start(TEST_TODAY.year)
    worklist = [row.form_id for row in review.page(TEST_TODAY.year, limit=500)]
    assert item in worklist and change not in worklist


def test_a_person_added_to_the_circle_after_approval_is_notified_too(users) -> None:  # type: ignore[no-untyped-def]
    from dingmi_desktop.services.knower_grants import KnowerGrantService

    item = decided_item(users)
    request = KnowerGrantService(users["zhangsan"].session).request(item, "赵六", "参加项目验收")
    KnowerGrantService(users["wangwu"].session).approve(request.id, password=PASSWORD)
    KnowerGrantService(users["zhangsan"].session).request(item, "钱七", "尚未批准的不通知")
    extend = users["zhangsan"].lifecycle.open_draft(
        item, "延长", "项目延期", proposal=Corrections(period=Period.of_years(15))
    )
    decide(users, extend, opinion="同意延长")
    people = [n.person for n in users["wangwu"].lifecycle.notices(extend)]
    assert people[1:] == ["张三", "李四", "赵六"]


def test_statistics_count_what_the_year_changed(users, clock) -> None:  # type: ignore[no-untyped-def]
    """Point 7: approved 变更 and 延长, declassifications (decision forms and expiries) and decided reviews,
    in the department of the item, in the year they happened."""
    from dingmi_desktop.services.annual_review_opener import annual_review
    from dingmi_desktop.services.expiry import ExpiryService
    from dingmi_desktop.services.statistics import StatisticsService

    changed, extended, declassified = decided_item(users), decided_item(users), decided_item(users)
    lifecycle = users["zhangsan"].lifecycle
    proposals = (
        (changed, "变更", Corrections(category=Category.CONFIDENTIAL, period=Period.of_years(5))),
        (extended, "延长", Corrections(period=Period.of_years(15))),
        (declassified, "解密", None),
    )
    for item, kind, proposal in proposals:
        decide(users, lifecycle.open_draft(item, kind, "年度调整", proposal=proposal), opinion="同意")
    expiring = users.to_approval(form(period={"months": 1}))
    users.approve(expiring, opinion="同意")
    session = users["wangwu"].session
    review = annual_review(session)
    review.start(TEST_TODAY.year)
    review.decide(TEST_TODAY.year, changed, "维持", "仍需保密", password=PASSWORD)
    clock.advance(days=40)
    held = ExpiryService(session).run()  # 40 days without a pass: the officer confirms the clock
    assert held.waiting and not held.expired
    (expired,) = ExpiryService(session).run(confirm_password=PASSWORD, note="与北京时间核对").expired
    stats = StatisticsService(session)
    this_year = stats.year(TEST_TODAY.year).total.counts
    expired_year = expired.declassify_on.year  # counted by the day the period ended
    expiry_counted = 1 if expired_year == TEST_TODAY.year else 0
    assert (this_year["变更"], this_year["延长"], this_year["年度审核"]) == (1, 1, 1)
    assert this_year["解除"] == 1 + expiry_counted
    if not expiry_counted:
        assert stats.year(expired_year).total.counts["解除"] == 1


def test_an_officer_opens_the_decision_form_for_the_items_clerk_who_moves_it(users) -> None:  # type: ignore[no-untyped-def]
    """An officer (not a 承办人) who opens a 变更 — from the item or the annual review — prepares it for the
    item's own 承办人: the draft is his, he submits it, and the chain runs as for any decision."""
    item = decided_item(users)
    proposal = Corrections(period=Period.of_years(15))
    change = users["wangwu"].lifecycle.open_draft(item, "延长", "项目延期", proposal=proposal)
    view = users["zhangsan"].history.view(change).summary
    assert view.status is Status.DRAFT and view.drafter == "zhangsan"
    assert decide(users, change, opinion="同意").status_after is Status.DECIDED  # type: ignore[attr-defined]
