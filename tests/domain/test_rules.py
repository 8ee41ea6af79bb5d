"""Issue 12 rules in the workflow table: 派生 follows its source, the basis decides the level, the period
has a start, reviewer ≠ approver, the officer's remit. Each allowed and refused; refusals name the article."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from dingmi_desktop.domain.approval import Corrections
from dingmi_desktop.domain.authority import OfficerKind
from dingmi_desktop.domain.basis_check import match_basis
from dingmi_desktop.domain.catalog_match import CatalogEntry
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import TransitionRefused
from dingmi_desktop.domain.form_types import DERIVED_CASES, Basis, BasisKind, DerivedSource
from dingmi_desktop.domain.periods import Period
from dingmi_desktop.domain.remit import parse_remit
from dingmi_desktop.domain.workflow import Action as A
from dingmi_desktop.domain.workflow import Role as R
from dingmi_desktop.domain.workflow import Status as S
from dingmi_desktop.domain.workflow import check, next_status
from tests.domain.test_workflow import TODAY, appointment, ctx

SOURCE = DerivedSource(
    "上〔2026〕1号",
    Category.CONFIDENTIAL,
    Period.of_years(1),
    "项目组",
    1,
    authority="上级机关",
    start_date=date(2026, 6, 1),
)
CATALOG = (
    CatalogEntry(("示例一览表 第1条",), Category.SECRET, "10年"),
    CatalogEntry(("示例一览表 第2条",), Category.CONFIDENTIAL, "5年"),
)


def derived(category: Category, period: Period, *sources: DerivedSource, within: bool = True, **kw: object):
    basis = Basis(
        BasisKind.DERIVED, source=sources[0], more_sources=tuple(sources[1:]), scope_within_source=within
    )
    officer = appointment(Category.CONFIDENTIAL, user_id="other")
    return ctx(
        S.AWAITING_APPROVAL,
        {R.OFFICER},
        category=category,
        basis_kind=BasisKind.DERIVED,
        basis=basis,
        appt=officer,
        period=period,
        **kw,
    )


def test_derived_cases_in_the_articles_words() -> None:
    assert DERIVED_CASES[2] == "涉及已定密事项密点"
    assert DERIVED_CASES[3] == "对已定密事项进行概括总结、编辑整合、具体细化"


def test_the_derivation_loophole_is_closed() -> None:
    # a 秘密-only officer and a 绝密★30年 item "derived" from a 秘密★1年 source
    loophole = derived(Category.TOP_SECRET, Period.of_years(30), SOURCE)
    with pytest.raises(TransitionRefused, match=r"派生国家秘密定密管理暂行办法第八条.*原始定密"):
        check(A.APPROVE, loophole)
    # the same officer may approve a derivation that follows its source (exempt from his level)
    ok = derived(Category.CONFIDENTIAL, Period.until_date(date(2027, 5, 1)), SOURCE)
    assert next_status(A.APPROVE, ok) is S.DECIDED
    # corrections are checked too: raising the level on approval breaks the derivation
    raised = dataclasses.replace(ok, corrections=Corrections(category=Category.SECRET))
    with pytest.raises(TransitionRefused, match="派生事项的密级须与来源事项一致"):
        check(A.APPROVE, raised)


def test_derived_level_is_the_highest_source_and_ends_by_the_latest() -> None:
    higher = dataclasses.replace(SOURCE, doc_number="上〔2026〕2号", category=Category.SECRET, period=None)
    higher = dataclasses.replace(higher, period=Period.until_date(date(2030, 1, 1)))
    c = derived(Category.SECRET, Period.of_years(3), SOURCE, higher, start_date=TODAY)
    assert next_status(A.APPROVE, dataclasses.replace(c, actor=dataclasses.replace(c.actor))) is S.DECIDED
    with pytest.raises(TransitionRefused, match=r"最高.*应为机密级"):
        check(A.APPROVE, derived(Category.CONFIDENTIAL, Period.of_years(1), SOURCE, higher))
    late = derived(Category.SECRET, Period.of_years(5), SOURCE, higher, start_date=TODAY)
    with pytest.raises(TransitionRefused, match=r"解密不得晚于来源事项.*第八条"):
        check(A.APPROVE, late)


def test_derived_scope_needs_the_explicit_confirmation() -> None:
    c = derived(Category.CONFIDENTIAL, Period.of_months(6), SOURCE, within=False)
    with pytest.raises(TransitionRefused, match=r"scope_within_source.*第八条"):
        check(A.APPROVE, c)


def test_basis_decides_level_and_period_at_submit_and_approval() -> None:
    cited = Basis(BasisKind.DEFINITE, "示例一览表 第2条", "")
    submit = ctx(
        S.DRAFT, {R.DRAFTER}, is_drafter=True, basis=cited, catalog=CATALOG, category=Category.SECRET
    )
    with pytest.raises(TransitionRefused, match=r"“示例一览表 第2条”秘密级.*保密法第十九条"):
        check(A.SUBMIT, submit)
    fine = dataclasses.replace(submit, category=Category.CONFIDENTIAL, period=Period.of_years(5))
    assert next_status(A.SUBMIT, fine) is S.IN_REVIEW
    longer = dataclasses.replace(fine, period=Period.of_years(8))
    with pytest.raises(TransitionRefused, match=r"8年长于.*5年.*保密法第十九条"):
        check(A.SUBMIT, longer)
    special = dataclasses.replace(longer, basis=dataclasses.replace(cited, special_rule="某专项规定第2条"))
    assert next_status(A.SUBMIT, special) is S.IN_REVIEW
    # several items: the highest level and the longest period
    both = Basis(BasisKind.DEFINITE, "示例一览表 第1条；示例一览表 第2条", "")
    approve = ctx(S.AWAITING_APPROVAL, {R.OFFICER}, basis=both, catalog=CATALOG, category=Category.SECRET)
    assert next_status(A.APPROVE, approve) is S.DECIDED
    with pytest.raises(TransitionRefused, match="应为机密级"):
        check(
            A.APPROVE, dataclasses.replace(approve, corrections=Corrections(category=Category.CONFIDENTIAL))
        )


def test_hand_typed_basis_is_allowed_but_unverified() -> None:
    typed = Basis(BasisKind.DEFINITE, "某上级范围 第9条；示例一览表 第1条", "")
    submit = ctx(S.DRAFT, {R.DRAFTER}, is_drafter=True, basis=typed, catalog=CATALOG)
    assert next_status(A.SUBMIT, submit) is S.IN_REVIEW
    match = match_basis(typed, list(CATALOG))
    assert match.unverified and match.note() == "未经依据库核对：某上级范围 第9条"
    assert not match_basis(Basis(BasisKind.DEFINITE, "示例一览表第1条"), list(CATALOG)).unverified


def test_approval_needs_the_start_of_the_period() -> None:
    c = ctx(S.AWAITING_APPROVAL, {R.OFFICER}, start_date=None)
    with pytest.raises(TransitionRefused, match=r"制发日.*notice_date.*条例第十九条第二款"):
        check(A.APPROVE, c)
    assert next_status(A.APPROVE, dataclasses.replace(c, notice_date=TODAY)) is S.DECIDED
    internal = ctx(S.AWAITING_APPROVAL, {R.OFFICER}, category=Category.INTERNAL, start_date=None)
    assert next_status(A.APPROVE, internal) is S.DECIDED  # no period, nothing to start


def test_the_reviewer_may_not_approve_the_same_form() -> None:
    both = ctx(S.AWAITING_APPROVAL, {R.OFFICER, R.REVIEWER}, reviewer_ids=frozenset({"other"}))
    with pytest.raises(TransitionRefused, match="一表两人"):
        check(A.APPROVE, both)
    assert next_status(A.APPROVE, dataclasses.replace(both, reviewer_ids=frozenset({"lisi"}))) is S.DECIDED


def test_a_designated_officer_acts_within_his_remit() -> None:
    officer = appointment(
        kind=OfficerKind.DESIGNATED, user_id="other", remit=parse_remit("办公室、某重点项目")
    )
    outside = ctx(S.AWAITING_APPROVAL, {R.OFFICER}, appt=officer, department="业务处", title="业务简报")
    with pytest.raises(TransitionRefused, match=r"不在定密责任人王五的职责范围.*条例第十五条"):
        check(A.APPROVE, outside)
    assert next_status(A.APPROVE, dataclasses.replace(outside, department="办公室")) is S.DECIDED
    assert next_status(A.APPROVE, dataclasses.replace(outside, title="某重点项目实施方案")) is S.DECIDED
    statutory = dataclasses.replace(
        outside, actor=dataclasses.replace(outside.actor, appointment=appointment())
    )
    assert next_status(A.APPROVE, statutory) is S.DECIDED  # 法定: the whole unit
