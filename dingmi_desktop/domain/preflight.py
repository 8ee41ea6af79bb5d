"""Early warnings: what the approval step would refuse or question, found while the draft is typed.

One pure function used at three moments (live while drafting, at submit, at review) so the clerk, the
reviewer and the officer see the same findings. They are warnings, not refusals: the workflow table stays
the only place that refuses (a form above the unit's authority is escalated, not approved).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dingmi_desktop.domain.authority import OfficerAppointment, UnitAuthority, officer_refusal
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.forms import BasisKind, Form
from dingmi_desktop.domain.periods import Period, PeriodKind, add_months, declassify_on

UNIT_AUTHORITY = "unit_authority"
CATALOG_LEVEL = "catalog_level"
CATALOG_PERIOD = "catalog_period"
NO_OFFICER = "no_officer"

SUPERIOR_ROUTE = "先按拟定密级采取保密措施，报上级机关确定"
_YEARS = re.compile(r"^(\d+)年$")
_MONTHS = re.compile(r"^(\d+)个月$")
_BLANKS = re.compile(r"\s+")


@dataclass(frozen=True)
class EarlyWarning:
    """One finding: `kind` (a constant above), the form field it concerns, and the Chinese text."""

    kind: str
    field: str
    message: str


@dataclass(frozen=True)
class CatalogEntry:
    """One 依据库 item as the check needs it: the references that cite it, its level and period text."""

    references: tuple[str, ...]
    category: Category | None
    period_text: str


def _key(reference: str) -> str:
    return _BLANKS.sub("", reference)


def find_entry(reference: str, entries: list[CatalogEntry]) -> CatalogEntry | None:
    """The item a reference cites; spaces are ignored ("示例一览表 第1条" = "示例一览表第1条")."""
    wanted = _key(reference)
    if not wanted:
        return None
    for entry in entries:
        if any(_key(r) == wanted for r in entry.references):
            return entry
    return None


def _item_period(text: str) -> Period | None:
    """The item's period when it is a duration or 长期; None for a condition (nothing to compare)."""
    text = text.strip()
    if text == "长期":
        return Period.long_term()
    if m := _YEARS.match(text):
        return Period.of_years(int(m.group(1)))
    if m := _MONTHS.match(text):
        return Period.of_months(int(m.group(1)))
    return None


def _months(period: Period) -> int | None:
    if period.kind is PeriodKind.YEARS:
        return 12 * (period.amount or 0)
    if period.kind is PeriodKind.MONTHS:
        return period.amount
    return None


def period_longer(proposed: Period, limit: Period, start: date | None) -> bool:
    """True when `proposed` runs longer than the item's `limit` (unknown comparisons are not flagged)."""
    if limit.kind is PeriodKind.LONG_TERM or proposed.kind is PeriodKind.CONDITION:
        return False
    if proposed.kind is PeriodKind.LONG_TERM:
        return True
    limit_months = _months(limit)
    if limit_months is None:
        return False
    if proposed.kind is PeriodKind.UNTIL:
        end = declassify_on(proposed, start) if start else None
        return end is not None and start is not None and end > add_months(start, limit_months)
    months = _months(proposed)
    return months is not None and months > limit_months


def _period_text(period: Period) -> str:
    if period.kind is PeriodKind.YEARS:
        return f"{period.amount}年"
    if period.kind is PeriodKind.MONTHS:
        return f"{period.amount}个月"
    if period.kind is PeriodKind.UNTIL and period.until:
        return f"至{period.until.isoformat()}"
    return "长期" if period.kind is PeriodKind.LONG_TERM else (period.condition or "")


def _catalog_warnings(form: Form, entries: list[CatalogEntry]) -> list[EarlyWarning]:
    basis = form.basis
    if basis is None or basis.kind is not BasisKind.DEFINITE:
        return []
    entry = find_entry(basis.reference, entries)
    if entry is None:
        return []
    cited = basis.reference.strip()
    found: list[EarlyWarning] = []
    if entry.category is not None and entry.category is not form.category:
        found.append(
            EarlyWarning(
                CATALOG_LEVEL,
                "category",
                f"拟定密级{form.category.value}与所引依据条目“{cited}”规定的{entry.category.value}级"
                "不一致：请核对密级或依据条目（审核、审批时将以依据条目为准）",
            )
        )
    limit = _item_period(entry.period_text)
    if form.period is not None and limit is not None and period_longer(form.period, limit, form.start_date):
        found.append(
            EarlyWarning(
                CATALOG_PERIOD,
                "period",
                f"保密期限{_period_text(form.period)}长于所引依据条目“{cited}”规定的"
                f"{entry.period_text.strip()}：请按依据条目确定保密期限",
            )
        )
    return found


def preflight(
    form: Form,
    unit: UnitAuthority,
    officers: list[OfficerAppointment],
    catalog: list[CatalogEntry],
    today: date,
) -> list[EarlyWarning]:
    """What the approval of `form` would refuse or question today, in the order a clerk would fix it."""
    found: list[EarlyWarning] = []
    level = form.category
    kind = form.basis.kind if form.basis else None
    derived = kind is BasisKind.DERIVED
    routed = kind in (BasisKind.ABOVE_AUTHORITY, BasisKind.UNCLEAR, BasisKind.DISPUTED)
    above = level.is_state_secret and not derived and not unit.covers(level)
    if above and kind is not BasisKind.ABOVE_AUTHORITY:
        highest = f"最高{unit.highest_level.value}级" if unit.highest_level else "无原始定密权"
        found.append(
            EarlyWarning(
                UNIT_AUTHORITY,
                "category",
                f"拟定密级{level.value}超出本单位定密权限（{highest}），本单位不能批准："
                f"应{SUPERIOR_ROUTE}（上报；定密类型选“超出权限”，保密法第十七条）",
            )
        )
    found += _catalog_warnings(form, entries=catalog)
    approvable = level.is_state_secret and not above and not routed
    if approvable and all(officer_refusal(o, level, today, derived=derived) for o in officers):
        found.append(
            EarlyWarning(
                NO_OFFICER,
                "category",
                f"本单位目前没有能批准{level.value}级事项的定密责任人（须在任、经培训且定密权限"
                "覆盖此密级）：提交后无人能审批，请联系安全保密管理员核对定密责任人任命",
            )
        )
    return found
