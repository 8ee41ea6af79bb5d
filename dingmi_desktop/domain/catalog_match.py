"""Matching a cited reference to a 依据库 item and comparing periods with the item's (shared by the early
warnings and the basis check)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.periods import Period, PeriodKind, add_months, declassify_on

_YEARS = re.compile(r"^(\d+)年$")
_MONTHS = re.compile(r"^(\d+)个月$")
_BLANKS = re.compile(r"\s+")


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


def item_period(text: str) -> Period | None:
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


def period_text(period: Period) -> str:
    if period.kind is PeriodKind.YEARS:
        return f"{period.amount}年"
    if period.kind is PeriodKind.MONTHS:
        return f"{period.amount}个月"
    if period.kind is PeriodKind.UNTIL and period.until:
        return f"至{period.until.isoformat()}"
    return "长期" if period.kind is PeriodKind.LONG_TERM else (period.condition or "")
