"""Values of the annual review (年度审核): a worklist row, the progress, the result of a start."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from dingmi_desktop.storage.records import parse_iso

KEEP, CHANGE, DECLASSIFY, EXTEND = "维持", "变更", "解密", "延长"
OUTCOMES = (KEEP, CHANGE, DECLASSIFY, EXTEND)
PENDING = "待审核"
POOL = "全体定密责任人"  # an item whose deciding officer is gone: any officer of the unit reviews it


@dataclass(frozen=True)
class ReviewRow:
    id: int
    year: int
    form_id: int
    title: str
    marking: str
    category: str
    department: str
    officer_id: int | None
    officer: str  # the assigned officer's name, POOL when unassigned
    outcome: str  # "" until decided
    opinion: str
    decided_by: str
    decided_at: datetime | None
    draft_form_id: int | None  # the 变更/解密/延长 draft opened by the outcome

    @classmethod
    def of(cls, row: tuple[Any, ...]) -> ReviewRow:
        (
            rid,
            year,
            form_id,
            title,
            marking,
            category,
            dept,
            officer_id,
            officer,
            outcome,
            opinion,
            by,
            at,
            draft,
        ) = row
        return cls(
            rid,
            year,
            form_id,
            title,
            marking,
            category,
            dept,
            officer_id,
            officer if officer_id is not None else POOL,
            outcome,
            opinion,
            by,
            parse_iso(at) if at else None,
            draft,
        )

    @property
    def state(self) -> str:
        return self.outcome or PENDING

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "year": self.year,
            "form_id": self.form_id,
            "title": self.title,
            "marking": self.marking,
            "category": self.category,
            "department": self.department,
            "officer": self.officer,
            "outcome": self.outcome,
            "opinion": self.opinion,
            "decided_by": self.decided_by,
            "decided_at": self.decided_at.isoformat() if self.decided_at else None,
            "draft_form_id": self.draft_form_id,
        }


@dataclass(frozen=True)
class OfficerProgress:
    officer_id: int | None
    officer: str
    done: int
    total: int


@dataclass(frozen=True)
class Progress:
    year: int
    by_officer: list[OfficerProgress]

    @property
    def done(self) -> int:
        return sum(p.done for p in self.by_officer)

    @property
    def total(self) -> int:
        return sum(p.total for p in self.by_officer)

    def to_json(self) -> dict[str, object]:
        return {
            "year": self.year,
            "done": self.done,
            "total": self.total,
            "by_officer": [{"officer": p.officer, "done": p.done, "total": p.total} for p in self.by_officer],
        }


@dataclass(frozen=True)
class StartResult:
    year: int
    added: int
    total: int
