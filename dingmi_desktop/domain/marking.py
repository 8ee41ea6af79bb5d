"""密级标志 text (docs/rules.md §4): `密级★期限`, `内部`, nothing for 非密, `解密`; parsing; change;
compilation.

A compilation (汇编) takes the highest level and the longest period of its parts. "Longest" across period
forms, decided here: 长期 > any condition > any fixed period; fixed periods (years, months, dates) compare
by their 解密日 from the compilation's start date (ties keep the earlier part). Two parts with different
conditions cannot be merged mechanically: compilation() refuses and the officer decides the period.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import DomainError
from dingmi_desktop.domain.periods import (
    DATE_RE,
    LONG_TERM_TEXT,
    MONTHS_RE,
    YEARS_RE,
    Period,
    PeriodKind,
    declassify_on,
)

STAR = "\u2605"  # ★
DECLASSIFIED = "解密"


def format_date(day: date) -> str:
    """GB/T 9704 date style: full year, no leading zeros (2031年1月5日)."""
    return f"{day.year}年{day.month}月{day.day}日"


def period_text(period: Period) -> str:
    if period.kind is PeriodKind.YEARS:
        return f"{period.amount}年"
    if period.kind is PeriodKind.MONTHS:
        return f"{period.amount}个月"
    if period.kind is PeriodKind.UNTIL:
        assert period.until is not None
        return format_date(period.until)
    if period.kind is PeriodKind.CONDITION:
        return period.condition or ""
    return LONG_TERM_TEXT


def marking_text(category: Category, period: Period | None) -> str:
    """The marking; a state-secret level without a period (an incomplete draft) shows the level alone."""
    level: str = category.value  # typed before narrowing: mypy loses the value type of a literal union
    if category is Category.NON_SECRET:
        return ""
    if not category.is_state_secret:
        return level  # 内部: never a ★ (Law 22 ¶3)
    if period is None:
        return level
    return f"{level}{STAR}{period_text(period)}"


def parse_marking(text: str) -> tuple[Category, Period | None]:
    """Inverse of marking_text; raises DomainError for text that is not a marking."""
    if text == "":
        return Category.NON_SECRET, None
    level_text, star, rest = text.partition(STAR)
    try:
        category = Category.parse(level_text)
    except ValueError:
        raise DomainError(f"无法识别的密级标志“{text}”") from None
    if not star:
        return category, None
    if not category.is_state_secret:
        raise DomainError(f"{category.value}事项不得标注★（保密法第二十二条）")
    return category, _parse_period(rest, text)


def _parse_period(rest: str, whole: str) -> Period:
    if not rest:
        raise DomainError(f"密级标志“{whole}”缺少保密期限")
    if rest == LONG_TERM_TEXT:
        return Period.long_term()
    for regex, make in ((YEARS_RE, Period.of_years), (MONTHS_RE, Period.of_months)):
        match = regex.match(rest)
        if match:
            if match.group(1).startswith("0"):
                raise DomainError(f"密级标志“{whole}”的期限数字有误")
            return make(int(match.group(1)))
    match = DATE_RE.match(rest)
    if match:
        year, month, day = match.groups()
        if month.startswith("0") or day.startswith("0"):
            raise DomainError(f"密级标志“{whole}”的日期不得有前导零（GB/T 9704）")
        try:
            return Period.until_date(date(int(year), int(month), int(day)))
        except ValueError:
            raise DomainError(f"密级标志“{whole}”的日期无效") from None
    if any(ch.isspace() for ch in rest) or STAR in rest:
        raise DomainError(f"密级标志“{whole}”不得含空格或多个★")
    return Period.on_condition(rest)


@dataclass(frozen=True)
class MarkingChange:
    """A changed marking: the old text is shown struck through beside the new one (Law 23)."""

    old: str
    new: str


def changed_marking(old: str, new: str) -> MarkingChange:
    if old == new:
        raise DomainError("变更后的密级标志与原标志相同，无需变更")
    return MarkingChange(old, new)


def _period_rank(period: Period, start: date) -> tuple[int, date]:
    if period.kind is PeriodKind.LONG_TERM:
        return (3, date.min)
    if period.kind is PeriodKind.CONDITION:
        return (2, date.min)
    end = declassify_on(period, start)
    assert end is not None
    return (1, end)


def compilation(
    parts: Iterable[tuple[Category, Period | None]], start_date: date
) -> tuple[Category, Period | None]:
    """Category and period of a compilation (module doc); refuses no parts or unmergeable conditions."""
    items = list(parts)
    if not items:
        raise DomainError("汇编至少须包含一个组成部分")
    category = max((c for c, _ in items), key=lambda c: c.rank)
    if not category.is_state_secret:
        return category, None
    periods = [p for c, p in items if c.is_state_secret and p is not None]
    conditions = {p.condition for p in periods if p.kind is PeriodKind.CONDITION}
    has_long_term = any(p.kind is PeriodKind.LONG_TERM for p in periods)
    if len(conditions) > 1 and not has_long_term:
        raise DomainError("汇编各部分的解密条件不同，须由定密责任人确定汇编的保密期限")
    best: Period | None = None
    for period in periods:
        if best is None or _period_rank(period, start_date) > _period_rank(best, start_date):
            best = period
    return category, best
