"""Lifecycle decision forms (变更/解密/延长/公开解密), an item's current terms, written notices (0015).

Repositories write no audit entries: services/lifecycle*.py append exactly the ones they mean.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.security.canonical import canonical_json
from dingmi_desktop.security.errors import NotFound
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.records import iso, iso_date, parse_date


@dataclass(frozen=True)
class LifecycleRecord:
    form_id: int
    item_form_id: int
    kind: str
    reason: str
    basis: str
    old_terms: dict[str, Any]
    new_terms: dict[str, Any] | None
    opened_by: int
    applied_at: str | None
    decision_id: int | None
    decided_by: str


@dataclass(frozen=True)
class NoticeRecord:
    id: int
    form_id: int
    source: str  # 知悉范围 / 知悉人员
    person: str
    notified_on: date | None
    recorded_by: str  # username, "" while not notified


def _json(value: dict[str, Any]) -> str:
    return canonical_json(value).decode("utf-8")


class LifecycleRepository:
    def __init__(self, orm: OrmSession, clock: Callable[[], datetime]) -> None:
        self._orm, self._clock = orm, clock

    # --- lifecycle forms ----------------------------------------------------------------------------
    def add(
        self,
        form_id: int,
        item_form_id: int,
        kind: str,
        reason: str,
        basis: str,
        old_terms: dict[str, Any],
        opened_by: int,
    ) -> None:
        self._orm.add(
            t.LifecycleForm(
                form_id=form_id,
                item_form_id=item_form_id,
                kind=kind,
                reason=reason,
                basis=basis,
                old_terms=_json(old_terms),
                opened_by=opened_by,
                opened_at=iso(self._clock()),
                decided_by="",
            )
        )
        self._orm.flush()

    def get(self, form_id: int) -> LifecycleRecord | None:
        row = self._orm.get(t.LifecycleForm, form_id)
        return None if row is None else self._record(row)

    def of_item(self, item_form_id: int) -> list[LifecycleRecord]:
        """The item's lifecycle forms, oldest first."""
        query = select(t.LifecycleForm).where(t.LifecycleForm.item_form_id == item_form_id)
        return [self._record(r) for r in self._orm.scalars(query.order_by(t.LifecycleForm.form_id))]

    def mark_applied(
        self, form_id: int, new_terms: dict[str, Any], decision_id: int, decided_by: str
    ) -> None:
        row = self._orm.get(t.LifecycleForm, form_id)
        if row is None:
            raise NotFound(f"未找到编号为 {form_id} 的变更、解密或延长决定单。")
        row.new_terms, row.decision_id, row.decided_by = _json(new_terms), decision_id, decided_by
        row.applied_at = iso(self._clock())
        form = self._orm.get(t.Form, form_id)
        if (
            form is not None
        ):  # the decision form is no item: nothing of it expires (the expiry pass reads this)
            form.declassify_on = None

    @staticmethod
    def _record(row: t.LifecycleForm) -> LifecycleRecord:
        return LifecycleRecord(
            form_id=row.form_id,
            item_form_id=row.item_form_id,
            kind=row.kind,
            reason=row.reason,
            basis=row.basis,
            old_terms=json.loads(row.old_terms),
            new_terms=json.loads(row.new_terms) if row.new_terms else None,
            opened_by=row.opened_by,
            applied_at=row.applied_at,
            decision_id=row.decision_id,
            decided_by=row.decided_by,
        )

    # --- the item's current terms -------------------------------------------------------------------
    def current_terms(self, item_form_id: int) -> dict[str, Any] | None:
        row = self._orm.get(t.Form, item_form_id)
        if row is None:
            raise NotFound(f"未找到编号为 {item_form_id} 的表单。")
        return json.loads(row.current_terms) if row.current_terms else None

    def set_current_terms(
        self,
        item_form_id: int,
        terms: dict[str, Any],
        *,
        category: str,
        marking: str,
        declassify_on: date | None,
        status: str | None = None,
    ) -> None:
        """The item's terms in force after a change or extension (the decided revision stays as signed)."""
        row = self._orm.get(t.Form, item_form_id)
        if row is None:
            raise NotFound(f"未找到编号为 {item_form_id} 的表单。")
        row.current_terms, row.category, row.marking = _json(terms), category, marking
        row.declassify_on = iso_date(declassify_on)
        if status is not None:
            row.status = status
        row.updated_at = iso(self._clock())

    # --- written notices ----------------------------------------------------------------------------
    def add_notices(self, form_id: int, people: list[tuple[str, str]]) -> None:
        for source, person in people:
            self._orm.add(t.LifecycleNotice(form_id=form_id, source=source, person=person))
        self._orm.flush()

    def notices(self, form_id: int) -> list[NoticeRecord]:
        query = (
            select(t.LifecycleNotice, t.User.username)
            .outerjoin(t.User, t.User.id == t.LifecycleNotice.recorded_by)
            .where(t.LifecycleNotice.form_id == form_id)
            .order_by(t.LifecycleNotice.id)
        )
        return [
            NoticeRecord(n.id, n.form_id, n.source, n.person, parse_date(n.notified_on), username or "")
            for n, username in self._orm.execute(query)
        ]

    def mark_notified(self, notice_id: int, on: date, user_id: int) -> None:
        row = self._orm.get(t.LifecycleNotice, notice_id)
        if row is None:
            raise NotFound(f"未找到编号为 {notice_id} 的通知记录。")
        row.notified_on, row.recorded_by, row.recorded_at = on.isoformat(), user_id, iso(self._clock())
