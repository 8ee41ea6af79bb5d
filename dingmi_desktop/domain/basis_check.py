"""The basis decides the level (Law 19; DOMAIN.md §2): a form citing 依据库 items takes the item's 密级 and no
longer a period than the item's (several items: the highest level, the longest period). A cited 另有规定
(basis.special_rule) lifts the period limit, never the level. References not found in the 依据库 are
allowed but reported, so the service can mark the decision 未经依据库核对.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dingmi_desktop.domain.catalog_match import (
    CatalogEntry,
    find_entry,
    item_period,
    period_longer,
    period_text,
)
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.form_types import Basis, BasisKind
from dingmi_desktop.domain.periods import Period, PeriodKind

ARTICLE = "保密法第十九条"
UNVERIFIED = "未经依据库核对"
_SEPARATORS = re.compile(r"[；;，,、\n]+")


@dataclass(frozen=True)
class CitedItem:
    reference: str
    entry: CatalogEntry


@dataclass(frozen=True)
class BasisMatch:
    """The cited references split into those found in the 依据库 and those typed by hand."""

    cited: tuple[CitedItem, ...] = ()
    unmatched: tuple[str, ...] = ()

    @property
    def unverified(self) -> bool:
        return bool(self.unmatched)

    def note(self) -> str:
        """The 未经依据库核对 text stored with the decision and shown in the history ("" when all matched)."""
        return f"{UNVERIFIED}：{'；'.join(self.unmatched)}" if self.unmatched else ""


def references(basis: Basis | None) -> list[str]:
    """Each item a basis cites: the reference text split on 、，； and line breaks."""
    if basis is None or basis.kind is not BasisKind.DEFINITE:
        return []
    return [part.strip() for part in _SEPARATORS.split(basis.reference) if part.strip()]


def match_basis(basis: Basis | None, entries: list[CatalogEntry]) -> BasisMatch:
    cited: list[CitedItem] = []
    unmatched: list[str] = []
    for reference in references(basis):
        entry = find_entry(reference, entries)
        if entry is None:
            unmatched.append(reference)
        else:
            cited.append(CitedItem(reference, entry))
    return BasisMatch(tuple(cited), tuple(unmatched))


def _names(items: list[CitedItem]) -> str:
    return "、".join(f"“{i.reference}”" for i in items)


def basis_refusal(
    basis: Basis | None,
    category: Category,
    period: Period | None,
    start: date | None,
    entries: list[CatalogEntry],
) -> str | None:
    """Why the level or period departs from the cited 依据库 items (None: it follows them)."""
    cited = list(match_basis(basis, entries).cited)
    if not cited or not category.is_state_secret:
        return None
    levelled = [i for i in cited if i.entry.category is not None]
    if levelled:
        top = max((i.entry.category for i in levelled if i.entry.category), key=lambda c: c.rank)
        if category is not top:
            values = "、".join(
                f"“{i.reference}”{i.entry.category.value}级" for i in levelled if i.entry.category
            )
            return (
                f"拟定密级{category.value}与所引依据条目规定的密级不一致（{values}；多个条目取最高，"
                f"应为{top.value}级）：定密依据决定密级（{ARTICLE}）。请按依据条目确定密级，或改引相应条目"
            )
    if period is None or (basis is not None and basis.special_rule.strip()):
        return None
    limits = [(item_period(i.entry.period_text), i) for i in cited]
    if any(limit is None for limit, _ in limits):
        return None  # an item with a condition (or no period): nothing comparable
    longest = max(limits, key=lambda pair: _order(pair[0]))
    limit, item = longest
    assert limit is not None
    if period_longer(period, limit, start):
        return (
            f"保密期限{period_text(period)}长于所引依据条目{_names([item])}规定的"
            f"{item.entry.period_text.strip()}（多个条目取最长）：保密期限不得超过依据条目的规定"
            f"（{ARTICLE}）。确有另有规定的，请在“另有规定”中写明"
        )
    return None


def _order(period: Period | None) -> int:
    """Months for a duration, a very large number for 长期 (the longest possible)."""
    if period is None:
        return -1
    if period.amount is None:
        return 10**6
    return period.amount * (12 if period.kind is PeriodKind.YEARS else 1)
