"""Reg 25 routing of 不明确事项, lateness, and deadlines that need a loaded calendar."""

from __future__ import annotations

from datetime import date

import pytest

from dingmi_desktop.domain.calendar import CalendarYearMissing, WorkCalendar
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import TransitionRefused
from dingmi_desktop.domain.escalation import UnitKind, is_late, report_route, resolve_target


@pytest.mark.parametrize(
    ("category", "kind", "route"),
    [
        (Category.TOP_SECRET, UnitKind.CITY, "国家保密行政管理部门"),
        (Category.TOP_SECRET, UnitKind.PROVINCIAL, "国家保密行政管理部门"),
        (Category.SECRET, UnitKind.CENTRAL, "国家保密行政管理部门"),
        (Category.CONFIDENTIAL, UnitKind.CENTRAL, "国家保密行政管理部门"),
        (Category.SECRET, UnitKind.CITY, "省级保密行政管理部门"),
        (Category.CONFIDENTIAL, UnitKind.PROVINCIAL, "省级保密行政管理部门"),
        (Category.CONFIDENTIAL, UnitKind.OTHER, "省级保密行政管理部门"),
    ],
)
def test_route_by_level_and_unit_kind(category: Category, kind: UnitKind, route: str) -> None:
    assert report_route(category, kind) == route


def test_a_target_against_the_route_is_refused_with_the_article() -> None:
    with pytest.raises(TransitionRefused, match="应报国家保密行政管理部门确定（条例第二十五条）"):
        resolve_target(
            "省级保密行政管理部门", category=Category.TOP_SECRET, unit_kind=UnitKind.CITY, unclear=True
        )
    with pytest.raises(TransitionRefused, match="中央国家机关拟定的不明确事项应报国家保密行政管理部门"):
        resolve_target(
            "省级保密行政管理部门", category=Category.SECRET, unit_kind=UnitKind.CENTRAL, unclear=True
        )
    with pytest.raises(TransitionRefused, match="应报省级保密行政管理部门确定"):
        resolve_target(
            "国家保密行政管理部门", category=Category.SECRET, unit_kind=UnitKind.CITY, unclear=True
        )
    with pytest.raises(TransitionRefused, match="条例第二十五条"):
        resolve_target("上级机关", category=Category.SECRET, unit_kind=UnitKind.CITY, unclear=True)


def test_allowed_targets() -> None:
    kw = {"category": Category.SECRET, "unit_kind": UnitKind.CITY}
    assert resolve_target("保密行政管理部门", unclear=True, **kw) == "省级保密行政管理部门"  # resolved
    assert resolve_target(" 省级保密行政管理部门 ", unclear=True, **kw) == "省级保密行政管理部门"
    assert resolve_target("本单位保密工作领导小组", unclear=True, **kw) == "本单位保密工作领导小组"
    assert resolve_target("上级机关", unclear=False, **kw) == "上级机关"  # above authority: the superior


def test_late_means_after_the_due_date() -> None:
    due = date(2026, 12, 11)
    assert not is_late(due, due) and is_late(date(2026, 12, 12), due)
    assert not is_late(None, due) and not is_late(date(2030, 1, 1), None)


def test_a_deadline_into_an_unloaded_year_names_the_year_and_asks_the_administrator() -> None:
    loaded = WorkCalendar(holidays=[date(2026, 10, 1)], loaded_years=[2026])
    assert loaded.unclear_item_due(date(2026, 11, 27)) == date(2026, 12, 11)
    with pytest.raises(CalendarYearMissing) as exc:
        loaded.unclear_item_due(date(2026, 12, 25))  # runs into January 2027
    assert exc.value.year == 2027
    assert "2027年" in exc.value.message and "安全保密管理员" in exc.value.message
    with pytest.raises(CalendarYearMissing, match="2025年"):
        loaded.bureau_answer_due(date(2025, 6, 2))
    assert loaded.with_holiday(date(2026, 12, 1)).loaded_years == frozenset({2026})
    # a calendar without loaded years (what-if, weekends only) counts without checking
    assert WorkCalendar().unclear_item_due(date(2026, 12, 25)) == date(2027, 1, 8)
