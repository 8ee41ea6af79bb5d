"""Early warnings (domain.preflight) and the return and review shown on the form view (issue 10 §6, §7)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from dingmi_desktop.domain.authority import OfficerAppointment, OfficerKind, UnitAuthority
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import TransitionRefused
from dingmi_desktop.domain.preflight import (
    CATALOG_LEVEL,
    CATALOG_PERIOD,
    CATALOG_UNVERIFIED,
    NO_OFFICER,
    SUPERIOR_ROUTE,
    UNIT_AUTHORITY,
    CatalogEntry,
    preflight,
)
from dingmi_desktop.domain.roles import Role
from dingmi_desktop.domain.workflow import Status
from dingmi_desktop.services.accounts import AccountService
from dingmi_desktop.storage.records import RoleGrant
from tests.fixtures.store import TEST_TODAY, cosign
from tests.services.samples import PASSWORD, form, grant

ITEM_1 = {"kind": "确定性", "reference": "示例一览表 第1条", "text": "示例：尚未公布的重大项目技术方案"}
UNIT = UnitAuthority(Category.SECRET, "示例单位")
CATALOG = [CatalogEntry(("示例一览表 第1条", "示例事项范围 第1条"), Category.SECRET, "10年")]


def _officer(
    level: Category = Category.SECRET, trained: date | None = date(2026, 3, 15)
) -> OfficerAppointment:
    return OfficerAppointment("3", "王五", OfficerKind.STATUTORY, level, date(1900, 1, 1), trained_on=trained)


def _kinds(f, officers=None, catalog=CATALOG) -> list[str]:  # type: ignore[no-untyped-def]
    found = preflight(f, UNIT, [_officer()] if officers is None else officers, catalog, TEST_TODAY)
    return [w.kind for w in found]


def test_a_proposal_matching_its_item_and_the_authority_has_no_warning() -> None:
    assert _kinds(form(basis=ITEM_1)) == []
    assert _kinds(form(basis=ITEM_1, period={"months": 6})) == []  # shorter than the item's is fine
    assert _kinds(form(basis={**ITEM_1, "reference": "示例事项范围第1条"})) == []  # spaces do not matter


def test_a_level_above_the_unit_names_the_superior_route() -> None:
    top = form(category="绝密", period={"years": 20}, basis=ITEM_1)
    found = preflight(top, UNIT, [_officer()], CATALOG, TEST_TODAY)
    assert [w.kind for w in found] == [UNIT_AUTHORITY, CATALOG_LEVEL, CATALOG_PERIOD]
    assert SUPERIOR_ROUTE in found[0].message and "上报" in found[0].message and "机密" in found[0].message
    # already marked 超出权限 (the 上报 route chosen): nothing left to warn about the authority
    routed = form(
        category="绝密", period={"years": 20}, basis={"kind": "超出权限", "reference": "", "text": ""}
    )
    assert _kinds(routed) == []
    # derived classification copies the source's level: the unit's authority does not limit it
    derived = form(
        category="绝密",
        period={"years": 20},
        basis={
            "kind": "派生",
            "reference": "",
            "text": "",
            "source": {
                "doc_number": "上〔2026〕1号",
                "authority": "上级机关",
                "category": "绝密",
                "period": {"years": 20},
                "start_date": "2026-01-05",
                "scope": "x",
                "case": 1,
            },
            "scope_within_source": True,
        },
    )
    assert UNIT_AUTHORITY not in _kinds(derived)


def test_a_proposal_that_does_not_match_the_cited_item() -> None:
    lower = preflight(
        form(category="秘密", period={"years": 5}, basis=ITEM_1), UNIT, [_officer()], CATALOG, TEST_TODAY
    )
    assert [w.kind for w in lower] == [CATALOG_LEVEL]
    assert (
        "秘密" in lower[0].message and "示例一览表 第1条" in lower[0].message and "机密级" in lower[0].message
    )
    longer = preflight(form(period={"years": 15}, basis=ITEM_1), UNIT, [_officer()], CATALOG, TEST_TODAY)
    assert [w.kind for w in longer] == [CATALOG_PERIOD]
    assert "15年" in longer[0].message and "10年" in longer[0].message
    until = form(period={"until": "2040-01-01"}, start_date="2026-11-28", basis=ITEM_1)
    assert _kinds(until) == [CATALOG_PERIOD]
    assert _kinds(form(period={"until": "2030-01-01"}, start_date="2026-11-28", basis=ITEM_1)) == []
    # an item given by a condition cannot be compared: no period warning; an unknown reference is no finding
    conditional = [CatalogEntry(("示例一览表 第1条",), Category.SECRET, "解密条件：正式发布后")]
    assert _kinds(form(period={"years": 15}, basis=ITEM_1), catalog=conditional) == []
    # a reference not in the 依据库 is allowed but flagged 未经依据库核对
    assert _kinds(form(basis={**ITEM_1, "reference": "他表 第9条"})) == [CATALOG_UNVERIFIED]


def test_no_officer_who_could_approve_it() -> None:
    proposal = form(basis=ITEM_1)
    assert _kinds(proposal, officers=[]) == [NO_OFFICER]
    assert _kinds(proposal, officers=[_officer(Category.CONFIDENTIAL)]) == [NO_OFFICER]
    assert _kinds(proposal, officers=[_officer(trained=None)]) == [NO_OFFICER]
    assert _kinds(proposal, officers=[_officer(Category.CONFIDENTIAL), _officer()]) == []
    assert _kinds(form(category="内部", period=None, knowers=[], basis=None), officers=[]) == []


def test_the_service_reads_the_demo_catalog_and_officers(users, demo_store) -> None:  # type: ignore[no-untyped-def]
    zhangsan = users["zhangsan"].history
    assert zhangsan.preflight(form(basis=ITEM_1)) == []
    cited_by_scope = {**ITEM_1, "reference": "示例事项范围 第2条"}  # the demo's 第2条: 秘密, 5年
    kinds = [w.kind for w in zhangsan.preflight(form(basis=cited_by_scope))]
    assert kinds == [CATALOG_LEVEL, CATALOG_PERIOD]
    top = form(category="绝密", period={"years": 20}, basis=ITEM_1)
    assert next(w.kind for w in zhangsan.preflight(top)) == UNIT_AUTHORITY
    # a mismatch is refused at submit (Law 19); a hand-typed basis is submitted and flagged for both
    with pytest.raises(TransitionRefused, match="保密法第十九条"):
        users.draft_and_submit(form(basis=cited_by_scope))
    form_id = users.draft_and_submit(form(basis={**ITEM_1, "reference": "他表 第9条"}))
    for user in ("zhangsan", "lisi"):
        assert [w.kind for w in users[user].history.view(form_id).warnings] == [CATALOG_UNVERIFIED]
    # wangwu is the demo's only officer (机密): with only a 秘密 officer left, nobody could approve 机密
    assert NO_OFFICER not in [w.kind for w in zhangsan.preflight(form(basis=ITEM_1))]
    term = TEST_TODAY + timedelta(days=365)
    grant(demo_store, "zhaoliu", RoleGrant(Role.OFFICER, "指定", "秘密", term, date(2026, 3, 1)))
    session = demo_store.sign_in("secadmin", PASSWORD)
    AccountService(session).revoke("wangwu", Role.OFFICER, cosign())
    session.close()
    assert [w.kind for w in zhangsan.preflight(form(basis=ITEM_1))] == [NO_OFFICER]
    assert zhangsan.preflight(form(category="秘密", period={"years": 5}, basis=cited_by_scope)) == []


def test_a_returned_form_says_who_returned_it_when_and_why(users, clock) -> None:  # type: ignore[no-untyped-def]
    form_id = users.to_approval(form(basis=ITEM_1))
    clock.advance(minutes=11)
    returned_at = clock()
    reason = "知悉范围过宽，请收窄至项目组。" * 8  # long reasons arrive in full
    users["wangwu"].review.return_form(form_id, reason=reason, password=PASSWORD)
    view = users["zhangsan"].history.view(form_id)
    assert view.summary.status is Status.RETURNED
    note = view.returned
    assert note is not None
    assert (note.actor, note.who, note.role, note.opinion) == ("wangwu", "王五", "定密责任人", reason)
    assert returned_at <= note.time <= clock()
    # still shown while the drafter edits (草稿 again), gone once it is submitted again
    users["zhangsan"].drafting.save_draft(form_id, form(basis=ITEM_1, scope="项目组"), expected_revision=1)
    assert users["zhangsan"].history.view(form_id).returned == note
    users["zhangsan"].drafting.submit(form_id, password=PASSWORD)
    assert users["zhangsan"].history.view(form_id).returned is None


def test_the_reviewer_disagreeing_is_the_return_and_the_leader_sees_the_latest_review(users) -> None:  # type: ignore[no-untyped-def]
    form_id = users.draft_and_submit(form(basis=ITEM_1))
    users["lisi"].review.review(form_id, agree=False, opinion="依据不准确", password=PASSWORD)
    returned = users["zhangsan"].history.view(form_id).returned
    assert returned is not None and (returned.who, returned.agree, returned.opinion) == (
        "李四",
        False,
        "依据不准确",
    )
    users["zhangsan"].drafting.submit(form_id, password=PASSWORD)
    assert users["wangwu"].history.view(form_id).review_opinion is None  # the old round does not count
    users["lisi"].review.review(form_id, agree=True, opinion="同意机密级10年", password=PASSWORD)
    opinion = users["wangwu"].history.view(form_id).review_opinion
    assert opinion is not None
    assert (opinion.who, opinion.role, opinion.agree, opinion.opinion) == (
        "李四",
        "定密审核人",
        True,
        "同意机密级10年",
    )


def test_queue_rows_carry_the_drafters_display_name(users) -> None:  # type: ignore[no-untyped-def]
    form_id = users.draft_and_submit(form(basis=ITEM_1))
    row = next(s for s in users["lisi"].queues.awaiting_my_review() if s.id == form_id)
    assert (row.drafter, row.drafter_name, row.drafter_shown) == ("zhangsan", "张三", "张三")
    mine = next(s for s in users["zhangsan"].queues.visible() if s.id == form_id)
    assert mine.drafter_name == "张三"
    assert users["wangwu"].history.view(form_id).summary.drafter_name == "张三"
