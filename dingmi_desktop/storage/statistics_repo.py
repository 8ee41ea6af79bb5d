"""Counts over the register (定密台账) for the statistics page: grouped in SQL, a handful of rows back.

A year's items are found through `ix_register_decided_at`; escalations are read from the decisions that
opened them (status_after), so an item escalated in a year counts there even when it is decided later.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.storage import tables as t

# The statuses an escalation opens: 不明事项, beyond the unit's authority (上级), 争议.
ESCALATION_STATUSES = ("不明事项待定", "待上级确定", "争议待定")


@dataclass(frozen=True)
class StatsQuery:
    decided_from: str  # UTC ISO, inclusive
    decided_before: str  # UTC ISO, exclusive
    department: str | None = None
    drafter_id: int | None = None  # a 承办人 counts only his own items


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
