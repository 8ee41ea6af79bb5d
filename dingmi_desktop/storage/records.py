"""Plain values handed out by the store: no ORM objects escape a transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from dingmi_desktop import clock as _clock
from dingmi_desktop.domain.roles import Role


def utc_now() -> datetime:
    """The machine clock, looked up at call time so that tests can put their own clock in its place."""
    return _clock.system_now()


def iso(moment: datetime) -> str:
    """The one text form of a time in the store (hashes and signatures cover it)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: the clock must return aware UTC times")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text)


def iso_date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def parse_date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


@dataclass(frozen=True)
class RoleGrant:
    role: Role  # read back through Role(text): an unknown stored name fails loudly
    officer_kind: str | None = None  # 法定 / 指定 (定密责任人 only)
    highest_level: str | None = None
    term_until: date | None = None
    trained_on: date | None = None
    remit: tuple[str, ...] = ()  # 指定 定密责任人: departments or matters within his duty (Reg 15)


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    department: str
    grants: tuple[RoleGrant, ...]
    public_key: bytes
    active: bool
    password_changed_at: datetime

    @property
    def roles(self) -> frozenset[Role]:
        return frozenset(g.role for g in self.grants)

    def has_role(self, role: str) -> bool:
        return role in self.roles


@dataclass(frozen=True)
class FormIndex:
    kind: str
    title: str
    category: str
    status: str
    department: str = ""
    doc_number: str = ""
    marking: str = ""
    declassify_on: date | None = None


@dataclass(frozen=True)
class FormRecord:
    id: int
    kind: str
    title: str
    category: str
    status: str
    drafter_id: int
    drafter: str
    department: str
    doc_number: str
    marking: str
    declassify_on: date | None
    revision: int
    content_hash: str
    content: dict[str, Any] | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class RevisionRecord:
    form_id: int
    revision: int
    content: dict[str, Any]
    content_hash: str
    saved_by: str
    saved_at: datetime


@dataclass(frozen=True)
class DecisionRecord:
    id: int
    form_id: int
    revision: int
    content_hash: str
    action: str
    role: str
    actor_id: int
    actor: str
    opinion: str
    corrections: dict[str, Any] | None
    time: datetime
    signed: bool
    signature_valid: bool | None
    key_origin: str = ""  # how the signing key was made: first_run / created / reset / migrated / pre_trust
    key_made: datetime | None = None  # when that key was certified (None: unknown or unsigned)


@dataclass(frozen=True)
class CatalogItemRecord:
    id: int
    list_id: int
    scope_code: str
    list_code: str
    code: str
    text: str
    category: str
    period_text: str
    sample: bool
    knowers: str = ""  # 知悉范围 (since 0011)
    department: str = ""  # 产生部门
    from_version: int = 1
    retired_in: int | None = None


@dataclass(frozen=True)
class PrintInfo:
    id: int
    form_id: int
    user: str
    kind: str
    copies_from: int
    copies_to: int
    pages: int
    time: datetime
    printer: str = ""  # the printer the job was sent to ("" for rows from before schema 0003)
    head_seq: int | None = None  # the audit chain head printed on the sheet (None before schema 0009)
    head_hash: str | None = None
    root: str | None = None  # the unit root fingerprint printed on the sheet ("-": no root)


@dataclass(frozen=True)
class AuditRecord:
    seq: int
    time: datetime
    actor: str
    action: str
    object_type: str
    object_id: str
    result: str
    detail: dict[str, Any]
    algorithm: str
    prev_hash: str
    hash: str


@dataclass
class VerifyReport:
    entries: int = 0
    decisions: int = 0
    problems: list[str] = field(default_factory=list)
    first_bad_seq: int | None = None
    notes: list[str] = field(default_factory=list)  # facts that are not problems (信任根建立前的签名)

    @property
    def ok(self) -> bool:
        return not self.problems
