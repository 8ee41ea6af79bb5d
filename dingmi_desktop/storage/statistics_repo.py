"""Counts over the register (定密台账) for the statistics page: grouped in SQL, a handful of rows back.

A year's items are found through `ix_register_decided_at`; escalations are read from the decisions that
opened them (status_after), so an item escalated in a year counts there even when it is decided later.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, literal, select, union_all
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.storage import tables as t

# What the lifecycle produces, by statistics column: lifecycle decision forms by kind, expiries, reviews.
LIFECYCLE_KINDS = {"变更": "变更", "延长": "延长", "解密": "解除", "公开解密": "解除"}
EXPIRED, REVIEWED = "解除", "年度审核"

# The statuses an escalation opens: 不明事项, beyond the unit's authority (上级), 争议.
ESCALATION_STATUSES = ("不明事项待定", "待上级确定", "争议待定")


@dataclass(frozen=True)
class StatsQuery:
    decided_from: str  # UTC ISO, inclusive
    decided_before: str  # UTC ISO, exclusive
    department: str | None = None
    drafter_id: int | None = None  # a 承办人 counts only his own items
    day_from: str = ""  # the same year as local ISO dates (an expiry is recorded by its day)
    day_before: str = ""


@dataclass(frozen=True)
class ItemGroup:
    department: str
    category: str
    period_form: str
    origin: str
    count: int


class StatisticsRepository:
    def __init__(self, orm: OrmSession) -> None:
        self._orm = orm

    def item_groups(self, q: StatsQuery) -> list[ItemGroup]:
        e = t.RegisterEntry
        keys = (e.department, e.category, e.period_form, e.origin)
        query = select(*keys, func.count()).where(
            e.decided_at >= q.decided_from, e.decided_at < q.decided_before
        )
        if q.department is not None:
            query = query.where(e.department == q.department)
        if q.drafter_id is not None:
            query = query.where(e.drafter_id == q.drafter_id)
        rows = self._orm.execute(query.group_by(*keys)).all()
        return [ItemGroup(str(d), str(c), str(p), str(o), int(n)) for d, c, p, o, n in rows]

    def escalation_groups(self, q: StatsQuery) -> list[tuple[str, str, int]]:
        """(department, status opened, count) of the escalations opened in the period."""
        d, f = t.Decision, t.Form
        query = (
            select(f.department, d.status_after, func.count())
            .join(f, f.id == d.form_id)
            .where(
                d.status_after.in_(ESCALATION_STATUSES),
                d.status_before.is_distinct_from(d.status_after),
                d.time >= q.decided_from,
                d.time < q.decided_before,
            )
        )
        if q.department is not None:
            query = query.where(f.department == q.department)
        if q.drafter_id is not None:
            query = query.where(f.drafter_id == q.drafter_id)
        rows = self._orm.execute(query.group_by(f.department, d.status_after)).all()
        return [(str(dep), str(status), int(n)) for dep, status, n in rows]

    def lifecycle_groups(self, q: StatsQuery) -> list[tuple[str, str, int]]:
        """(item's department, column, count) of what the year changed: approved 变更 and 延长 decision forms,
        declassifications (解密 decision forms, 期满 and 条件成就 expiries) and decided annual reviews."""
        f, lf, ex, ar = t.Form, t.LifecycleForm, t.Expiry, t.AnnualReview

        def events(key: Any, joined: Any, on: Any) -> Select[Any]:
            columns = (f.department, key.label("key"), f.id.label("item"))
            return select(*columns).select_from(joined).join(f, f.id == on)

        applied = events(lf.kind, lf, lf.item_form_id).where(
            lf.applied_at >= q.decided_from, lf.applied_at < q.decided_before
        )
        expired = events(literal("期满"), ex, ex.form_id).where(
            ex.declassified_on >= q.day_from, ex.declassified_on < q.day_before
        )
        reviewed = events(literal("审核"), ar, ar.form_id).where(
            ar.decided_at >= q.decided_from, ar.decided_at < q.decided_before
        )
        parts = []
        for part in (applied, expired, reviewed):
            if q.department is not None:
                part = part.where(f.department == q.department)
            if q.drafter_id is not None:
                part = part.where(f.drafter_id == q.drafter_id)
            parts.append(part)
        union = union_all(*parts).subquery()
        keys = (union.c.department, union.c.key)
        rows = self._orm.execute(select(*keys, func.count()).group_by(*keys)).all()
        column = {**LIFECYCLE_KINDS, "期满": EXPIRED, "审核": REVIEWED}
        return [(str(dep), column[str(key)], int(n)) for dep, key, n in rows if str(key) in column]
