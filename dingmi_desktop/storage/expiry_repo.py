"""The expiry pass's rows: candidates (one indexed range query), the once-only 解密 record, the watermark.

Used inside the caller's transaction (BEGIN IMMEDIATE): a second process waits for the first to commit,
then finds the items already recorded. The primary key of `expiries` is the last guard: a row is inserted
with INSERT OR IGNORE and only an inserted row changes the form's status.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.domain.workflow_types import Status
from dingmi_desktop.storage.records import iso, parse_date, parse_iso

IN_FORCE = Status.DECIDED.value
DECLASSIFIED = Status.DECLASSIFIED.value
PASS_DONE = "完成"
PASS_HELD = "待确认"
PASS_CLOCK_BACK = "时钟倒退"

_DUE_SQL = """
SELECT f.id, f.title, f.category, f.marking, f.declassify_on FROM forms f
WHERE f.status = :in_force AND f.declassify_on IS NOT NULL AND f.declassify_on <= :today
  AND NOT EXISTS (SELECT 1 FROM expiries e WHERE e.form_id = f.id)
  AND NOT EXISTS (SELECT 1 FROM lifecycle_forms l WHERE l.form_id = f.id)
ORDER BY f.declassify_on, f.id
"""

_CONDITION_SQL = """
SELECT f.id, f.title, f.category, f.marking FROM forms f
WHERE f.status = :in_force AND f.declassify_on IS NULL AND f.marking LIKE '%★%'
  AND NOT EXISTS (SELECT 1 FROM expiries e WHERE e.form_id = f.id)
  AND NOT EXISTS (SELECT 1 FROM lifecycle_forms l WHERE l.form_id = f.id)
ORDER BY f.id
"""


class ExpiryRepository:
    def __init__(self, orm: OrmSession) -> None:
        self._conn = orm.connection()

    def due(self, today: date, limit: int | None = None) -> list[tuple[int, str, str, str, date]]:
        """Items in force whose 解密日 is on or before `today` and not yet recorded, oldest 解密日 first."""
        sql = _DUE_SQL + (" LIMIT :limit" if limit is not None else "")
        params: dict[str, Any] = {"in_force": IN_FORCE, "today": today.isoformat(), "limit": limit}
        rows = self._conn.execute(text(sql), params).all()
        return [(int(r[0]), r[1], r[2], r[3], date.fromisoformat(r[4])) for r in rows]

    def in_force_without_date(self) -> list[tuple[int, str, str, str]]:
        """Items in force marked ★ without a 解密日 (conditions and 长期: the caller tells them apart)."""
        rows = self._conn.execute(text(_CONDITION_SQL), {"in_force": IN_FORCE}).all()
        return [(int(r[0]), r[1], r[2], r[3]) for r in rows]

    def is_decision_form(self, form_id: int) -> bool:
        """A 变更/解密/延长 decision form (services.lifecycle): it carries terms; it is not an item."""
        found = self._conn.execute(text("SELECT 1 FROM lifecycle_forms WHERE form_id = :id"), {"id": form_id})
        return found.first() is not None

    def form_state(self, form_id: int) -> tuple[str, str, str, str | None] | None:
        """(status, category, marking, 解密日) of a form, or None."""
        row = self._conn.execute(
            text("SELECT status, category, marking, declassify_on FROM forms WHERE id = :id"), {"id": form_id}
        ).first()
        return (row[0], row[1], row[2], row[3]) if row else None

    def declassify(
        self, form_id: int, on: date, how: str, now: datetime, by: str, evidence: str = ""
    ) -> bool:
        """Records the 解密 and sets the status, once: False if recorded already (or not in force)."""
        inserted = self._conn.execute(
            text(
                "INSERT OR IGNORE INTO expiries (form_id, declassified_on, how, recorded_at, recorded_by, "
                "evidence) SELECT :id, :on, :how, :at, :by, :evidence FROM forms "
                "WHERE id = :id AND status = :in_force"
            ),
            {
                "id": form_id,
                "on": on.isoformat(),
                "how": how,
                "at": iso(now),
                "by": by,
                "evidence": evidence,
                "in_force": IN_FORCE,
            },
        ).rowcount
        if inserted != 1:
            return False
        self._conn.execute(
            text("UPDATE forms SET status = :declassified, updated_at = :at WHERE id = :id"),
            {"declassified": DECLASSIFIED, "at": iso(now), "id": form_id},
        )
        return True

    def expiry(self, form_id: int) -> tuple[date, str, datetime, str] | None:
        """(declassified_on, how, recorded_at, recorded_by) of a recorded 解密, or None."""
        row = self._conn.execute(
            text("SELECT declassified_on, how, recorded_at, recorded_by FROM expiries WHERE form_id = :id"),
            {"id": form_id},
        ).first()
        if row is None:
            return None
        day = parse_date(row[0])
        assert day is not None
        return day, row[1], parse_iso(row[2]), row[3]

    def watermark(self) -> datetime | None:
        """The latest time a completed pass saw; before any pass, the newest form change (never a sign-in:
        the entries of this very sign-in would hide a clock moved forward)."""
        value = self._conn.execute(
            text("SELECT max(ran_at) FROM expiry_passes WHERE outcome = :done"), {"done": PASS_DONE}
        ).scalar()
        if value is None:
            value = self._conn.execute(text("SELECT max(updated_at) FROM forms")).scalar()
        return parse_iso(value) if value else None

    def record_pass(self, now: datetime, actor: str, outcome: str, expired: int) -> None:
        self._conn.execute(
            text(
                "INSERT INTO expiry_passes (ran_at, actor, outcome, expired) "
                "VALUES (:at, :actor, :outcome, :expired)"
            ),
            {"at": iso(now), "actor": actor, "outcome": outcome, "expired": expired},
        )
