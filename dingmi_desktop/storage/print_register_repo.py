"""Reads of the print register (印制登记) across all forms: every print job, newest first, paged.

The 复印 approver is not a column of `print_records`: the print job's audit entry names him (批准人), found
by the form and the 份号 range the job wrote; only 复印 rows look it up.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.storage import tables as t


@dataclass(frozen=True)
class PrintRegisterRow:
    id: int
    form_id: int
    title: str
    marking: str
    kind: str  # 印制 or 复印
    copies_from: int
    copies_to: int
    pages: int
    printer: str
    user: str  # login of who printed
    time: str  # UTC ISO
    approver: str  # login of the 安全保密管理员 who approved a 复印 ("" for 印制)


_APPROVER = """
CASE WHEN p.kind = '复印' THEN coalesce((
  SELECT json_extract(a.detail, '$.批准人') FROM audit_log a
  WHERE a.action = '打印' AND a.object_type = 'form' AND a.object_id = CAST(p.form_id AS TEXT)
    AND json_extract(a.detail, '$.份号') = printf('%06d-%06d', p.copies_from, p.copies_to)
  ORDER BY a.seq DESC LIMIT 1), '') ELSE '' END"""

_FROM = """
FROM print_records p JOIN forms f ON f.id = p.form_id JOIN users u ON u.id = p.user_id
WHERE (:drafter IS NULL OR f.drafter_id = :drafter) AND (:form_id IS NULL OR p.form_id = :form_id)
  AND (:print_id IS NULL OR p.id = :print_id)"""


class PrintRegisterRepository:
    def __init__(self, orm: OrmSession) -> None:
        self._orm = orm

    def page(
        self,
        *,
        drafter_id: int | None,
        form_id: int | None = None,
        print_id: int | None = None,
        offset: int = 0,
        limit: int = 200,
    ) -> list[PrintRegisterRow]:
        query = text(
            "SELECT p.id, p.form_id, f.title, f.marking, p.kind, p.copies_from, p.copies_to, p.pages, "
            f"coalesce(p.printer, ''), u.username, p.time, {_APPROVER} {_FROM} "
            "ORDER BY p.id DESC LIMIT :limit OFFSET :offset"
        )
        params = {
            "drafter": drafter_id,
            "form_id": form_id,
            "print_id": print_id,
            "limit": limit,
            "offset": offset,
        }
        return [PrintRegisterRow(*row) for row in self._orm.execute(query, params).all()]

    def count(self, *, drafter_id: int | None, form_id: int | None = None) -> int:
        query = text(f"SELECT count(*) {_FROM}")
        params = {"drafter": drafter_id, "form_id": form_id, "print_id": None}
        return int(self._orm.scalar(query, params) or 0)


@dataclass(frozen=True)
class CopyEventRow:
    id: int
    print_id: int
    kind: str  # 分发 / 收回 / 销毁
    copies_from: int
    copies_to: int
    party: str
    witness: str
    event_date: str  # the unit's local date, ISO
    note: str
    user: str  # login of who recorded it
    recorded_at: str  # UTC ISO


class CopyEventRepository:
    def __init__(self, orm: OrmSession) -> None:
        self._orm = orm

    def for_prints(self, print_ids: list[int]) -> list[CopyEventRow]:
        if not print_ids:
            return []
        e = t.CopyEvent
        rows = self._orm.execute(
            select(e, t.User.username)
            .join(t.User, t.User.id == e.user_id)
            .where(e.print_id.in_(print_ids))
            .order_by(e.id)
        ).all()
        return [
            CopyEventRow(
                r.id,
                r.print_id,
                r.kind,
                r.copies_from,
                r.copies_to,
                r.party,
                r.witness,
                r.event_date,
                r.note,
                name,
                r.recorded_at,
            )
            for r, name in rows
        ]

    def print_job(self, print_id: int) -> t.PrintRecord | None:
        return self._orm.get(t.PrintRecord, print_id)

    def add(self, row: t.CopyEvent) -> int:
        self._orm.add(row)
        self._orm.flush()
        return row.id
