"""The 依据库 tree (保密事项范围 → 一览表 → 细目) and its versions (since 0011).

A version is in force from its effective date until the next one's; an item belongs to the versions from
`from_version` up to, not including, `retired_in`. A changed item is retired and added anew, so what a form
cited on its date can always be read back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.security.errors import NotFound
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.records import CatalogItemRecord


@dataclass(frozen=True)
class CatalogVersionRecord:
    number: int
    effective_from: date
    note: str
    actor: str
    recorded_at: str


class CatalogRepository:
    def __init__(self, orm: OrmSession) -> None:
        self._orm = orm

    # --- the tree ---------------------------------------------------------------------------------------
    def scopes(self) -> list[tuple[int, str, str, bool]]:
        rows = self._orm.scalars(select(t.CatalogScope).order_by(t.CatalogScope.id))
        return [(r.id, r.code, r.title, r.sample) for r in rows]

    def lists(self) -> list[tuple[int, int, str, str]]:
        rows = self._orm.scalars(select(t.CatalogList).order_by(t.CatalogList.id))
        return [(r.id, r.scope_id, r.code, r.title) for r in rows]

    def add_scope(self, code: str, title: str, sample: bool = False) -> int:
        row = t.CatalogScope(code=code, title=title, sample=sample)
        self._orm.add(row)
        self._orm.flush()
        return row.id

    def add_list(self, scope_id: int, code: str, title: str) -> int:
        if self._orm.get(t.CatalogScope, scope_id) is None:
            raise NotFound("未找到该保密事项范围。")
        row = t.CatalogList(scope_id=scope_id, code=code, title=title)
        self._orm.add(row)
        self._orm.flush()
        return row.id

    def add_item(
        self,
        list_id: int,
        code: str,
        text: str,
        category: str,
        period_text: str = "",
        *,
        knowers: str = "",
        department: str = "",
        version: int = 1,
    ) -> int:
        if self._orm.get(t.CatalogList, list_id) is None:
            raise NotFound("未找到该一览表。")
        row = t.CatalogItem(
            list_id=list_id,
            code=code,
            text=text,
            category=category,
            period_text=period_text,
            knowers=knowers,
            department=department,
            from_version=version,
        )
        self._orm.add(row)
        self._orm.flush()
        return row.id

    def retire(self, item_id: int, version: int) -> None:
        row = self._orm.get(t.CatalogItem, item_id)
        if row is None or row.retired_in is not None:
            raise NotFound(f"未找到现行的依据条目 {item_id}。")
        row.retired_in = version
        self._orm.flush()

    def items(
        self, list_id: int | None = None, *, version: int | None = None, every: bool = False
    ) -> list[CatalogItemRecord]:
        """The items of the newest version (default), of `version`, or `every` item ever stored."""
        i, lst, s = t.CatalogItem, t.CatalogList, t.CatalogScope
        query = (  # plain columns, not entities: every form check reads the catalogue
            select(
                i.id,
                i.list_id,
                s.code,
                lst.code,
                i.code,
                i.text,
                i.category,
                i.period_text,
                s.sample,
                i.knowers,
                i.department,
                i.from_version,
                i.retired_in,
            )
            .select_from(i)
            .join(t.CatalogList, t.CatalogList.id == t.CatalogItem.list_id)
            .join(t.CatalogScope, t.CatalogScope.id == t.CatalogList.scope_id)
            .order_by(t.CatalogItem.id)
        )
        if list_id is not None:
            query = query.where(t.CatalogItem.list_id == list_id)
        if version is not None:
            query = query.where(
                t.CatalogItem.from_version <= version,
                (t.CatalogItem.retired_in.is_(None)) | (t.CatalogItem.retired_in > version),
            )
        elif not every:
            query = query.where(t.CatalogItem.retired_in.is_(None))
        return [CatalogItemRecord(*row) for row in self._orm.execute(query).all()]

    def item(self, item_id: int) -> CatalogItemRecord:
        for record in self.items(every=True):
            if record.id == item_id:
                return record
        raise NotFound(f"未找到依据条目 {item_id}。")

    # --- versions ---------------------------------------------------------------------------------------
    def versions(self) -> list[CatalogVersionRecord]:
        rows = self._orm.scalars(select(t.CatalogVersion).order_by(t.CatalogVersion.number))
        return [
            CatalogVersionRecord(
                r.number, date.fromisoformat(r.effective_from), r.note, r.actor, r.recorded_at
            )
            for r in rows
        ]

    def add_version(self, effective_from: date, note: str, actor: str, recorded_at: str) -> int:
        newest = self._orm.scalar(select(func.max(t.CatalogVersion.number))) or 0
        row = t.CatalogVersion(
            number=newest + 1,
            effective_from=effective_from.isoformat(),
            note=note,
            actor=actor,
            recorded_at=recorded_at,
        )
        self._orm.add(row)
        self._orm.flush()
        return row.number

    def version_on(self, day: date) -> int | None:
        """The version in force on `day`: the newest one effective on or before it (None before the first)."""
        newest = select(func.max(t.CatalogVersion.number))
        return self._orm.scalar(newest.where(t.CatalogVersion.effective_from <= day.isoformat()))
