"""Reads of the register (定密台账): filtered, sorted and paged by the database, searched through FTS5.

Sorting walks an index (`ix_register_<column>`, form_id the tie-breaker), so a first page costs the same
at 100 items and 100,000. Text of three characters or more goes through the trigram index; one or two
characters (too short for a trigram) through the index of characters and pairs (storage.register_grams).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import Select, func, select, text
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.storage import register_grams
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.register_sql import COLUMNS, SEARCH_COLUMNS
from dingmi_desktop.storage.text_search import any_like, fts_phrase, like_pattern


@dataclass(frozen=True)
class RegisterQuery:
    """What to show; None means no restriction. Dates and times as the store's ISO text."""

    category: str | None = None
    status: str | None = None
    department: str | None = None
    kind: str | None = None
    origin: str | None = None
    decided_from: str | None = None  # decided_at >= (UTC ISO)
    decided_before: str | None = None  # decided_at < (UTC ISO)
    declassify_from: str | None = None  # declassify_on >= (date ISO)
    declassify_until: str | None = None  # declassify_on <= (date ISO)
    form_ids: tuple[int, ...] | None = None
    drafter_id: int | None = None
    text: str = ""
    sort: str = "form_id"
    descending: bool = True


@dataclass(frozen=True)
class RegisterRow:
    form_id: int
    title: str
    kind: str
    doc_number: str
    department: str
    category: str
    marking: str
    period_form: str
    period_value: str
    start_date: str
    declassify_on: str | None
    declassify_condition: str
    scope: str
    basis: str
    origin: str
    status: str
    copies: int
    drafter_id: int
    drafter: str
    officer: str
    decided_at: str
    draft_opinion: str
    opinions: str


_ROW_FIELDS = [f.name for f in fields(RegisterRow)]


class RegisterRepository:
    def __init__(self, orm: OrmSession) -> None:
        self._orm = orm

    def _filtered(self, query: Select[Any], q: RegisterQuery) -> Select[Any]:
        e = t.RegisterEntry
        for column, value in (
            (e.category, q.category),
            (e.status, q.status),
            (e.department, q.department),
            (e.kind, q.kind),
            (e.origin, q.origin),
            (e.drafter_id, q.drafter_id),
        ):
            if value is not None:
                query = query.where(column == value)
        if q.decided_from is not None:
            query = query.where(e.decided_at >= q.decided_from)
        if q.decided_before is not None:
            query = query.where(e.decided_at < q.decided_before)
        if q.declassify_from is not None:
            query = query.where(e.declassify_on >= q.declassify_from)
        if q.declassify_until is not None:
            query = query.where(e.declassify_on <= q.declassify_until)
        if q.form_ids is not None:
            query = query.where(e.form_id.in_(q.form_ids))
        needle = q.text.strip()
        if len(needle) >= 3:
            matches = text("SELECT rowid FROM register_search WHERE register_search MATCH :phrase")
            query = query.where(e.form_id.in_(matches.bindparams(phrase=fts_phrase(needle))))
        elif needle:
            matches = text(register_grams.SHORT_MATCHES)
            params = {"gram": register_grams.needle_token(needle), "pattern": like_pattern(needle)}
            query = query.where(e.form_id.in_(matches.bindparams(**params)))
        return query

    def scanned(self, needle: str) -> list[int]:
        """The form ids whose searchable columns contain `needle`, by scanning the table (what the indexes
        must agree with; the consistency checks compare them)."""
        where = any_like(SEARCH_COLUMNS, "pattern")
        sql = f"SELECT form_id FROM register_entries WHERE {where} ORDER BY form_id"
        return list(self._orm.scalars(text(sql), {"pattern": like_pattern(needle)}))

    def page(self, q: RegisterQuery, *, offset: int = 0, limit: int = 100) -> list[RegisterRow]:
        if q.sort not in COLUMNS:
            raise ValueError(f"unknown register column {q.sort!r}")
        e = t.RegisterEntry
        column, key = getattr(e, q.sort), e.form_id
        order = (column.desc(), key.desc()) if q.descending else (column.asc(), key.asc())
        query = self._filtered(select(*(getattr(e, n) for n in _ROW_FIELDS)), q)
        rows = self._orm.execute(query.order_by(*order).offset(offset).limit(limit)).all()
        return [RegisterRow(*row) for row in rows]

    def count(self, q: RegisterQuery) -> int:
        query = self._filtered(select(func.count()).select_from(t.RegisterEntry), q)
        return int(self._orm.scalar(query) or 0)

    def ids_in_status(self, statuses: tuple[str, ...], drafter_id: int | None) -> list[int]:
        e = t.RegisterEntry
        query = select(e.form_id).where(e.status.in_(statuses))
        if drafter_id is not None:
            query = query.where(e.drafter_id == drafter_id)
        return list(self._orm.scalars(query))

    def departments(self) -> list[str]:
        e = t.RegisterEntry
        return [d for d in self._orm.scalars(select(e.department).distinct().order_by(e.department)) if d]
