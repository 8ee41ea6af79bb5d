"""Change, early declassification and extension of an approved item (docs/rules.md §6): each allowed and
refused transition of the item, with its Chinese reason."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from dingmi_desktop.domain.approval import Corrections
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import TransitionRefused
from dingmi_desktop.domain.forms import BasisKind
from dingmi_desktop.domain.lifecycle import LifecycleKind, Terms, open_refusal
from dingmi_desktop.domain.periods import Period
from dingmi_desktop.domain.workflow import Action, Role, Status, allowed_actions, check, next_status
from tests.domain.test_workflow import appointment, ctx

START = date(2020, 3, 1)
TODAY = date(2026, 11, 28)
A, R, S = Action, Role, Status


def item(**kw: object):  # type: ignore[no-untyped-def]
    """A 秘密★8年 item decided on START, seen by the unit's 秘密 officer."""
    base = ctx(
        S.DECIDED, {R.OFFICER}, category=Category.CONFIDENTIAL, period=Period.of_years(8), start_date=START
    )
    return dataclasses.replace(base, **kw)


def test_officer_changes_declassifies_and_extends() -> None:
    assert allowed_actions(item(reason="")) == [A.CHANGE, A.DECLASSIFY, A.EXTEND]
    assert next_status(A.DECLASSIFY, item(reason="任务已完成")) is S.DECLASSIFIED
    changed = item(corrections=Corrections(category=Category.SECRET))
    assert next_status(A.CHANGE, changed) is S.DECIDED
    assert next_status(A.EXTEND, item(corrections=Corrections(period=Period.of_years(10)))) is S.DECIDED


def test_change_by_a_non_officer_is_refused() -> None:
    for role in (R.DRAFTER, R.REVIEWER):
        with pytest.raises(TransitionRefused, match="变更须由"):
            check(A.CHANGE, item(actor=dataclasses.replace(item().actor, roles=frozenset({role}))))
    clerk = item(actor=dataclasses.replace(item().actor, roles=frozenset({R.CLERK}), appointment=None))
    with pytest.raises(TransitionRefused, match="保密员只能登记上级机关的决定"):
        check(A.DECLASSIFY, clerk)
    assert next_status(A.DECLASSIFY, dataclasses.replace(clerk, records_superior=True)) is S.DECLASSIFIED


def test_extension_after_expiry_is_refused() -> None:
    expired = item(today=date(2028, 3, 1), corrections=Corrections(period=Period.of_years(10)))
    with pytest.raises(TransitionRefused, match=r"已于2028-03-01届满.*保密法第二十四条"):
        check(A.EXTEND, expired)
    assert A.EXTEND not in allowed_actions(expired)
    assert next_status(A.EXTEND, dataclasses.replace(expired, today=date(2028, 2, 29))) is S.DECIDED


def test_extension_within_the_maximum_counted_from_the_original_start() -> None:
    with pytest.raises(TransitionRefused, match=r"自原制发日起算.*不得超过10年"):
        check(A.EXTEND, item(corrections=Corrections(period=Period.of_years(11))))
    with pytest.raises(TransitionRefused, match="不得超过10年"):
        check(A.EXTEND, item(corrections=Corrections(period=Period.until_date(date(2030, 3, 2)))))
    assert next_status(A.EXTEND, item(corrections=Corrections(period=Period.until_date(date(2030, 3, 1)))))
    with pytest.raises(TransitionRefused, match="须晚于现行的解密日"):
        check(A.EXTEND, item(corrections=Corrections(period=Period.of_years(6))))
    with pytest.raises(TransitionRefused, match="延长须填写新的保密期限"):
        check(A.EXTEND, item())
    with pytest.raises(TransitionRefused, match="只改变保密期限"):
        check(A.EXTEND, item(corrections=Corrections(period=Period.of_years(9), scope="全体")))
    condition = item(
        period=Period.on_condition("工程竣工"), corrections=Corrections(period=Period.of_years(9))
    )
    with pytest.raises(TransitionRefused, match="解密条件、长期事项不适用"):
        check(A.EXTEND, condition)


def test_change_must_change_something_valid() -> None:
    with pytest.raises(TransitionRefused, match="至少改变"):
        check(A.CHANGE, item())
    with pytest.raises(TransitionRefused, match="相同"):
        check(
            A.CHANGE, item(corrections=Corrections(category=Category.CONFIDENTIAL, period=Period.of_years(8)))
        )
    with pytest.raises(TransitionRefused, match="请改用“解密”"):
        check(A.CHANGE, item(corrections=Corrections(category=Category.INTERNAL)))
    with pytest.raises(TransitionRefused, match="须填写理由"):
        check(A.CHANGE, item(reason=" ", corrections=Corrections(scope="全体")))


def test_the_officer_must_cover_the_new_and_the_old_level() -> None:
    raised = item(corrections=Corrections(category=Category.SECRET, period=Period.of_years(10)))
    low = dataclasses.replace(raised.actor, appointment=appointment(Category.CONFIDENTIAL, user_id="other"))
    with pytest.raises(TransitionRefused, match="最高为秘密级，不能批准机密级"):
        check(A.CHANGE, dataclasses.replace(raised, actor=low))
    secret = item(category=Category.SECRET, actor=low)
    with pytest.raises(TransitionRefused, match="不能批准机密级"):
        check(A.DECLASSIFY, secret)


def test_an_item_above_the_unit_authority_only_by_the_superior() -> None:
    top = item(category=Category.TOP_SECRET, basis_kind=BasisKind.ABOVE_AUTHORITY)
    with pytest.raises(TransitionRefused, match="须由上级机关决定"):
        check(A.DECLASSIFY, top)
    assert next_status(A.DECLASSIFY, dataclasses.replace(top, records_superior=True)) is S.DECLASSIFIED


def test_nothing_leads_out_of_declassified() -> None:
    gone = item(status=S.DECLASSIFIED)
    assert allowed_actions(gone) == []
    with pytest.raises(TransitionRefused, match="只有已定密的事项才能变更"):
        check(A.CHANGE, dataclasses.replace(gone, status=S.AWAITING_APPROVAL))


def test_open_refusal() -> None:
    terms = Terms(Category.CONFIDENTIAL, Period.of_years(8), "项目组", START)
    assert terms.marking == "秘密★8年" and terms.declassify_on == date(2028, 3, 1)
    assert Terms.from_json(terms.to_json()) == terms
    for kind in LifecycleKind:
        assert open_refusal(kind, S.DECIDED, terms, TODAY) is None
        assert "只有已定密" in (open_refusal(kind, S.IN_REVIEW, terms, TODAY) or "")
        assert "已解密" in (open_refusal(kind, S.DECLASSIFIED, terms, TODAY) or "")
    late = open_refusal(LifecycleKind.EXTEND, S.DECIDED, terms, date(2028, 3, 1))
    assert late is not None and "已于2028-03-01届满" in late
    assert open_refusal(LifecycleKind.DECLASSIFY, S.DECIDED, terms, date(2028, 3, 1)) is None
    assert LifecycleKind.parse("提前解密") is LifecycleKind.DECLASSIFY
    with pytest.raises(ValueError, match="未知的决定种类"):
        LifecycleKind.parse("撤销")
