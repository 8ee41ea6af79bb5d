"""Where a 不明确事项 is reported (Reg 25), and whether a report or an answer came late.

Reg 25: items provisionally classified 绝密, and items of any level proposed by a 中央国家机关, are reported
to the 国家保密行政管理部门; 机密 and 秘密 items proposed by other units to the 省级保密行政管理部门. The
report is due 10 working days after drafting, the answer 10 working days after receipt (domain.calendar).
An item above the unit's authority goes to the superior body with that authority (DOMAIN §3), so the
routing below binds only 不明确事项. The unit's own 保密工作领导小组 may look at an item first (practice).
"""

from __future__ import annotations

from datetime import date
from enum import Enum

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import TransitionRefused

ARTICLE = "条例第二十五条"
NATIONAL_BUREAU = "国家保密行政管理部门"
PROVINCIAL_BUREAU = "省级保密行政管理部门"
BUREAU = "保密行政管理部门"  # as typed: resolved to the routed bureau
COMMITTEE = "本单位保密工作领导小组"
SUPERIOR = "上级机关"
TARGETS = (COMMITTEE, SUPERIOR, NATIONAL_BUREAU, PROVINCIAL_BUREAU)


class UnitKind(Enum):
    """The unit's kind (setting `unit.kind`): decides its 定密权限 (Law 17) and its reporting route."""

    CENTRAL = "中央国家机关"
    PROVINCIAL = "省级机关"
    CITY = "设区的市级机关"
    OTHER = "其他机关、单位"


DEFAULT_UNIT_KIND = UnitKind.CITY


def report_route(category: Category, unit_kind: UnitKind) -> str:
    """The 保密行政管理部门 that decides a 不明确事项 proposed at `category` by a unit of `unit_kind`."""
    if category is Category.TOP_SECRET or unit_kind is UnitKind.CENTRAL:
        return NATIONAL_BUREAU
    return PROVINCIAL_BUREAU


def _why(category: Category, unit_kind: UnitKind) -> str:
    if category is Category.TOP_SECRET:
        return "拟定为绝密级的不明确事项"
    if unit_kind is UnitKind.CENTRAL:
        return "中央国家机关拟定的不明确事项"
    return f"{unit_kind.value}拟定为{category.value}级的不明确事项"


def resolve_target(target: str, *, category: Category, unit_kind: UnitKind, unclear: bool) -> str:
    """The recipient to record for a report to `target`; refuses one that contradicts Reg 25.

    For a 不明确事项: the unit's committee (a first look inside the unit), or the routed bureau; a bare
    "保密行政管理部门" means the routed one. Other escalations (above the unit's authority) go where typed.
    """
    target = target.strip()
    if not unclear:
        return target
    routed = report_route(category, unit_kind)
    if target in (routed, BUREAU):
        return routed
    if target == COMMITTEE:
        return target
    raise TransitionRefused(
        f"{_why(category, unit_kind)}应报{routed}确定（{ARTICLE}），不能报“{target}”；"
        f"请将上报对象改为{routed}（或先提交{COMMITTEE}研究）"
    )


def is_late(done_on: date | None, due: date | None) -> bool:
    """A report or answer made after its due date (on the due date is in time)."""
    return done_on is not None and due is not None and done_on > due
