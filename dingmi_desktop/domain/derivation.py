"""派生定密 follows its source (派生国家秘密定密管理暂行办法 Art 8; Reg 18; DOMAIN.md §2).

A derived item takes the 密级 of its source (several sources: the highest), declassifies no later than the
source (several: the latest) and keeps a 知悉范围 no wider. Only a derivation that obeys this is exempt from
the unit's and the officer's 定密权限; anything else must be decided as 原始定密 with authority checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import Problem
from dingmi_desktop.domain.form_types import Basis, BasisKind, DerivedSource
from dingmi_desktop.domain.periods import Period, PeriodKind, declassify_on

ARTICLE = "派生国家秘密定密管理暂行办法第八条、条例第十八条"
AS_ORIGINAL = "；不符合的，应作为原始定密办理（定密类型改为“确定性”，由具有相应定密权限的定密责任人审批）"


@dataclass(frozen=True)
class SourceEnd:
    """When one source declassifies: a date, a condition text, or never on its own (长期)."""

    day: date | None = None
    condition: str = ""
    long_term: bool = False


def source_end(source: DerivedSource) -> SourceEnd | None:
    """The source's own end in its own form; None when it cannot be told (a duration without 制发日)."""
    period = source.period
    if period is None:
        return None
    if period.kind is PeriodKind.LONG_TERM:
        return SourceEnd(long_term=True)
    if period.kind is PeriodKind.CONDITION:
        return SourceEnd(condition=(period.condition or "").strip())
    if period.kind is PeriodKind.UNTIL:
        return SourceEnd(day=period.until)
    if source.start_date is None:
        return None
    return SourceEnd(day=declassify_on(period, source.start_date))


def source_label(source: DerivedSource) -> str:
    return source.doc_number.strip() or source.title.strip() or "来源事项"


def source_problems(basis: Basis) -> list[Problem]:
    """What a 派生 basis must record for each source beyond the first one's basic fields."""
    if basis.kind is not BasisKind.DERIVED:
        return []
    problems: list[Problem] = []
    for index, source in enumerate(basis.sources):
        at = "basis.source" if index == 0 else f"basis.sources[{index}]"
        name = source_label(source)
        if index > 0:
            if not source.doc_number.strip() and not source.title.strip():
                problems.append(Problem(at + ".doc_number", "派生定密须写明每个来源事项的文号或名称"))
            if not source.category.is_state_secret:
                problems.append(Problem(at + ".category", "派生定密的来源事项须为已定密的国家秘密"))
            if not source.scope.strip():
                problems.append(Problem(at + ".scope", f"派生定密须写明来源事项“{name}”的知悉范围"))
            if source.case not in (1, 2, 3, 4):
                problems.append(Problem(at + ".case", "派生定密的情形须为1至4之一"))
        if not source.authority.strip():
            problems.append(Problem(at + ".authority", f"派生定密须写明来源事项“{name}”的原定密机关、单位"))
        if source.period is None:
            if index > 0:
                problems.append(Problem(at + ".period", f"派生定密须写明来源事项“{name}”的保密期限"))
        elif source.period.kind in (PeriodKind.YEARS, PeriodKind.MONTHS) and source.start_date is None:
            problems.append(
                Problem(
                    at + ".start_date",
                    f"来源事项“{name}”的保密期限按年/月计，须写明其制发日，才能核对派生事项的解密时间",
                )
            )
    return problems


def highest_level(sources: tuple[DerivedSource, ...]) -> Category | None:
    levels = [s.category for s in sources if s.category.is_state_secret]
    return max(levels, key=lambda c: c.rank) if levels else None


def _end_text(end: SourceEnd) -> str:
    if end.long_term:
        return "长期"
    if end.condition:
        return f"解密条件“{end.condition}”"
    assert end.day is not None
    return f"{end.day.year}年{end.day.month}月{end.day.day}日解密"


def _period_refusal(
    period: Period | None, start: date | None, sources: tuple[DerivedSource, ...]
) -> str | None:
    ends = [source_end(s) for s in sources]
    if period is None:
        return None
    if any(e is None for e in ends):
        missing = next(source_label(s) for s, e in zip(sources, ends, strict=True) if e is None)
        return f"无法核对派生事项的解密时间：来源事项“{missing}”缺少保密期限或制发日（{ARTICLE}）"
    known = [e for e in ends if e is not None]
    if any(e.long_term for e in known):
        return None
    if period.kind is PeriodKind.LONG_TERM:
        return f"来源事项均非长期，派生事项的保密期限不得定为长期（{ARTICLE}）{AS_ORIGINAL}"
    conditions = [e.condition for e in known if e.condition]
    if period.kind is PeriodKind.CONDITION:
        if (period.condition or "").strip() in conditions:
            return None
        return (
            f"派生事项的解密条件须与来源事项的解密条件一致（来源：{'、'.join(_end_text(e) for e in known)}，"
            f"{ARTICLE}）{AS_ORIGINAL}"
        )
    if conditions:
        return None  # a source released on a condition: a dated end cannot be compared with it
    end = declassify_on(period, start) if start is not None else None
    if end is None:
        return None  # no start yet: approval requires one (Reg 19 ¶2) before this is decided
    latest = max(e.day for e in known if e.day is not None)
    if end > latest:
        return (
            f"派生事项将于{end.year}年{end.month}月{end.day}日解密，晚于来源事项"
            f"（最晚{latest.year}年{latest.month}月{latest.day}日解密）：派生事项的解密不得晚于来源事项"
            f"（{ARTICLE}）{AS_ORIGINAL}"
        )
    return None


def derivation_refusal(
    basis: Basis | None, category: Category, period: Period | None, start: date | None
) -> str | None:
    """Why this 派生 decision does not follow its sources (None: it does, or it is not 派生)."""
    if basis is None or basis.kind is not BasisKind.DERIVED:
        return None
    sources = basis.sources
    if not sources:
        return f"派生定密须写明来源事项（{ARTICLE}）"
    level = highest_level(sources)
    if level is None or category is not level:
        names = "、".join(f"“{source_label(s)}”{s.category.value}级" for s in sources)
        wanted = f"{level.value}级" if level else "国家秘密密级"
        return (
            f"派生事项的密级须与来源事项一致（多个来源取最高）：来源{names}，应为{wanted}，"
            f"本事项为{category.value}（{ARTICLE}）{AS_ORIGINAL}"
        )
    reason = _period_refusal(period, start, sources)
    if reason:
        return reason
    if not basis.scope_within_source:
        return (
            "派生事项的知悉范围不得宽于来源事项：请核对后勾选“知悉范围未超出来源事项”"
            f"（JSON：basis.scope_within_source 为 true；{ARTICLE}）"
        )
    return None


def follows_source(
    basis: Basis | None, category: Category, period: Period | None, start: date | None
) -> bool:
    """True for a 派生 decision that obeys its sources (and so is exempt from 定密权限)."""
    return (
        basis is not None
        and basis.kind is BasisKind.DERIVED
        and derivation_refusal(basis, category, period, start) is None
    )
