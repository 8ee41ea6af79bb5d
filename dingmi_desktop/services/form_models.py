"""Plain values the workflow services hand to the GUI and the CLI (no ORM objects, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from dingmi_desktop.domain.errors import Problem
from dingmi_desktop.domain.forms import Form
from dingmi_desktop.domain.preflight import EarlyWarning
from dingmi_desktop.domain.workflow import Action, Status
from dingmi_desktop.storage import FormRecord


@dataclass(frozen=True)
class FormSummary:
    """One row of a queue or list: index columns only, never the form JSON."""

    id: int
    kind: str
    title: str
    category: str
    status: Status
    drafter: str
    drafter_id: int
    department: str
    doc_number: str
    marking: str
    declassify_on: date | None
    revision: int
    content_hash: str
    updated_at: datetime
    drafter_name: str = ""  # the drafter's display name (张三); "" when the account has none

    @property
    def drafter_shown(self) -> str:
        """How lists show the drafter: the display name, else the login."""
        return self.drafter_name or self.drafter

    @classmethod
    def of(cls, record: FormRecord, names: dict[str, str] | None = None) -> FormSummary:
        """`names`: login → display name (the drafter's display name comes from it)."""
        return cls(
            id=record.id,
            kind=record.kind,
            title=record.title,
            category=record.category,
            status=Status(record.status),
            drafter=record.drafter,
            drafter_id=record.drafter_id,
            department=record.department,
            doc_number=record.doc_number,
            marking=record.marking,
            declassify_on=record.declassify_on,
            revision=record.revision,
            content_hash=record.content_hash,
            updated_at=record.updated_at,
            drafter_name=(names or {}).get(record.drafter, ""),
        )


@dataclass(frozen=True)
class ActionResult:
    """What a workflow call changed."""

    form_id: int
    action: str
    status_before: Status | None
    status_after: Status
    revision: int
    content_hash: str
    marking: str
    decision_id: int | None = None
    signed: bool = False
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class HistoryEntry:
    time: datetime
    actor: str
    role: str
    action: str
    label: str
    opinion: str
    revision: int
    changes: list[FieldChange]
    signed: bool
    signature_valid: bool | None
    counts: bool = True
    details: dict[str, Any] = field(default_factory=dict)
    actor_name: str = ""  # the actor's display name (张三), "" when the account has none
    key_origin: str = ""  # how the signing key was made (storage.records.DecisionRecord)
    key_made: datetime | None = None


@dataclass(frozen=True)
class RevisionView:
    revision: int
    saved_by: str
    saved_at: datetime
    content_hash: str
    changes: list[FieldChange]


@dataclass(frozen=True)
class EscalationInfo:
    form_id: int
    title: str
    status: Status
    escalated_to: str
    sent_on: date | None
    report_due: date | None
    reply_due: date | None
    overdue: bool  # the answer (or, not yet reported, the report) is past its due date today
    claimed_levels: list[str] = field(default_factory=list)
    received_by: str = ""  # who received the report at the recipient
    report_late: bool = False  # the report was sent after its due date (Reg 25: 10 working days)
    calendar_problem: str = ""  # a due date that cannot be counted: the year's calendar is not loaded


@dataclass(frozen=True)
class DecisionNote:
    """One decision as shown on the form itself: a return (why) or the reviewer's opinion."""

    actor: str  # login
    actor_name: str  # display name ("" when the account has none)
    role: str
    action: str
    label: str
    opinion: str
    time: datetime
    agree: bool | None = None  # a review: 同意 / 不同意; None for other decisions

    @property
    def who(self) -> str:
        return self.actor_name or self.actor


@dataclass(frozen=True)
class FormView:
    summary: FormSummary
    form: Form
    content: dict[str, Any]
    problems: list[Problem]
    marking: str
    declassify_on: date | None
    allowed: list[Action]
    history: list[HistoryEntry]
    escalation: EscalationInfo | None = None
    names: dict[str, str] = field(default_factory=dict)  # user name → display name, for showing people
    returned: DecisionNote | None = None  # 已退回: the decision that returned it (who, when, why)
    review_opinion: DecisionNote | None = None  # the latest 定密审核 of the current submission
    warnings: list[EarlyWarning] = field(default_factory=list)  # domain.preflight, while still open


class ImportRejected(Exception):
    """`form import` found problems: one Chinese line each; nothing was stored."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = list(lines)
        self.message = "\n".join(self.lines)
        super().__init__(self.message)
