"""The SQL of the annual review worklist: one INSERT … SELECT makes a year's list, and every read is an
indexed, paged query over `annual_reviews` (year first), so the worklist opens in the same time over 100,000
items as over 100 (bench area `review.worklist_open_s`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.domain.categories import LEVEL_NAMES
from dingmi_desktop.domain.roles import Role
from dingmi_desktop.domain.workflow import Status

# The officer who approved the item, while he is still an active 定密责任人; else NULL (every officer).
_DECIDER = f"""(SELECT d.actor_id FROM decisions d
  JOIN users u ON u.id = d.actor_id AND u.active
  JOIN role_grants g ON g.user_id = d.actor_id AND g.role = '{Role.OFFICER.value}'
  WHERE d.form_id = f.id AND d.action = 'approve' AND d.status_after = '{Status.DECIDED.value}'
  ORDER BY d.id DESC LIMIT 1)"""

# Only state secrets are reviewed (Law 24): a 内部 or 非密 decision has no 密级 or period to keep or change.
_LEVELS = ", ".join(f"'{level}'" for level in LEVEL_NAMES)

START = text(
    "INSERT INTO annual_reviews (year, form_id, officer_id, category, outcome, opinion, created_at) "
    f"SELECT :year, f.id, {_DECIDER}, f.category, '', '', :now FROM forms f "
    f"WHERE f.status = '{Status.DECIDED.value}' AND f.category IN ({_LEVELS}) AND NOT EXISTS "
    "(SELECT 1 FROM annual_reviews r WHERE r.year = :year AND r.form_id = f.id) "
    # a 变更/解密/延长 decision form is not an item: its item is reviewed
    "AND NOT EXISTS (SELECT 1 FROM lifecycle_forms l WHERE l.form_id = f.id) ORDER BY f.id"
)

_COLUMNS = """r.id, r.year, r.form_id, f.title, f.marking, r.category, f.department, r.officer_id,
  coalesce(uo.display_name, ''), r.outcome, r.opinion, coalesce(ud.display_name, ''), r.decided_at,
  r.draft_form_id"""
_FROM = """FROM annual_reviews r JOIN forms f ON f.id = r.form_id
  LEFT JOIN users uo ON uo.id = r.officer_id LEFT JOIN users ud ON ud.id = r.decided_by"""


@dataclass(frozen=True)
class Filter:
    year: int
    officer_id: int | None = None  # only the items assigned to this officer
    pending_only: bool = False

    def where(self) -> tuple[str, dict[str, Any]]:
        clauses, params = ["r.year = :year"], {"year": self.year}
        if self.officer_id is not None:
            clauses.append("r.officer_id = :officer")
            params["officer"] = self.officer_id
        if self.pending_only:
            clauses.append("r.outcome = ''")
        return " AND ".join(clauses), params


def start(orm: OrmSession, year: int, now: str) -> int:
    result = orm.execute(START, {"year": year, "now": now})
    return int(getattr(result, "rowcount", 0) or 0)


def page(orm: OrmSession, flt: Filter, offset: int, limit: int) -> list[tuple[Any, ...]]:
    where, params = flt.where()
    query = text(f"SELECT {_COLUMNS} {_FROM} WHERE {where} ORDER BY r.id LIMIT :limit OFFSET :offset")
    return [tuple(row) for row in orm.execute(query, {**params, "limit": limit, "offset": offset})]


def count(orm: OrmSession, flt: Filter) -> int:
    where, params = flt.where()
    return int(orm.scalar(text(f"SELECT count(*) FROM annual_reviews r WHERE {where}"), params) or 0)


def progress(orm: OrmSession, year: int) -> list[tuple[int | None, str, int, int]]:
    """(officer id, name, done, total) per assignment, from the (year, officer, outcome) index."""
    query = text(
        "SELECT p.officer_id, coalesce(u.display_name, ''), p.done, p.total FROM ("
        "SELECT officer_id, sum(outcome <> '') AS done, count(*) AS total FROM annual_reviews "
        "WHERE year = :year GROUP BY officer_id) p LEFT JOIN users u ON u.id = p.officer_id "
        "ORDER BY p.officer_id IS NULL, p.officer_id"
    )
    return [(r[0], r[1], int(r[2]), int(r[3])) for r in orm.execute(query, {"year": year})]


def one(orm: OrmSession, year: int, form_id: int) -> tuple[Any, ...] | None:
    query = text(f"SELECT {_COLUMNS} {_FROM} WHERE r.year = :year AND r.form_id = :form_id")
    row = orm.execute(query, {"year": year, "form_id": form_id}).first()
    return tuple(row) if row is not None else None
