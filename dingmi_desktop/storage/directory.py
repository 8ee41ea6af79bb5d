"""Users, the 依据 catalog, print records and settings; and the unit-of-work object `Tx`."""

from __future__ import annotations

import builtins
import json
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.domain.roles import Role
from dingmi_desktop.security.errors import InvalidInput, NotFound
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.audit import ALGORITHM_SETTING, AuditSigner, AuditWriter
from dingmi_desktop.storage.catalog_repo import CatalogRepository
from dingmi_desktop.storage.forms_repo import DecisionRepository, FormRepository
from dingmi_desktop.storage.records import (
    PrintInfo,
    RoleGrant,
    UserInfo,
    iso,
    parse_date,
    parse_iso,
)
from dingmi_desktop.storage.settings_decl import DECLARED, declared
from dingmi_desktop.storage.settings_decl import TIME_ZONE_SETTING as TIME_ZONE_SETTING  # re-exported
from dingmi_desktop.storage.settings_decl import UNIT_KIND_SETTING as UNIT_KIND_SETTING
from dingmi_desktop.storage.settings_decl import UNIT_KINDS as UNIT_KINDS

# Declared settings (storage.settings_decl): key → (default, validator), kept for existing readers.
SETTINGS: dict[str, tuple[str, Callable[[str], bool]]] = {d.key: (d.default, d.valid) for d in DECLARED}


def load_user(orm: OrmSession, row: t.User) -> UserInfo:
    grants = tuple(
        RoleGrant(
            Role(g.role),
            g.officer_kind,
            g.highest_level,
            parse_date(g.term_until),
            parse_date(g.trained_on),
            tuple(json.loads(g.remit)) if g.remit else (),
        )
        for g in orm.scalars(
            select(t.RoleGrant).where(t.RoleGrant.user_id == row.id).order_by(t.RoleGrant.id)
        )
    )
    key = orm.scalars(
        select(t.UserKey.public_key).where(t.UserKey.user_id == row.id).order_by(t.UserKey.id.desc()).limit(1)
    ).first()
    department = orm.get(t.Department, row.department_id) if row.department_id else None
    return UserInfo(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        department=department.name if department else "",
        grants=grants,
        public_key=key or b"",
        active=row.active,
        password_changed_at=parse_iso(row.password_changed_at),
    )


class UserRepository:
    def __init__(self, orm: OrmSession) -> None:
        self._orm = orm

    def get(self, user_id: int) -> UserInfo:
        row = self._orm.get(t.User, user_id)
        if row is None:
            raise NotFound(f"未找到用户 {user_id}。")
        return load_user(self._orm, row)

    def by_username(self, username: str) -> UserInfo:
        row = self._orm.scalars(select(t.User).where(t.User.username == username)).first()
        if row is None:
            raise NotFound(f"未找到用户 {username}。")
        return load_user(self._orm, row)

    def list(self) -> list[UserInfo]:
        return [load_user(self._orm, r) for r in self._orm.scalars(select(t.User).order_by(t.User.id))]

    def display_names(self) -> dict[str, str]:
        """Login → display name, in one query: lists call this once per page (load_user per user costs
        three queries each, most of a register page's time)."""
        rows = self._orm.execute(select(t.User.username, t.User.display_name)).all()
        return {username: name for username, name in rows if name}

    def with_role(self, role: str) -> builtins.list[UserInfo]:  # `list` is a method here
        return [u for u in self.list() if role in u.roles]


class PrintRepository:
    def __init__(self, orm: OrmSession, actor: UserInfo, clock: Callable[[], datetime]) -> None:
        self._orm, self._actor, self._clock = orm, actor, clock

    def record(
        self,
        form_id: int,
        copies_from: int,
        copies_to: int,
        pages: int,
        kind: str = "印制",
        *,
        printer: str = "",
    ) -> PrintInfo:
        if self._orm.get(t.Form, form_id) is None:
            raise NotFound(f"未找到编号为 {form_id} 的表单。")
        if not 1 <= copies_from <= copies_to or pages < 1 or kind not in ("印制", "复印"):
            raise InvalidInput("打印记录无效：份号范围或页数不正确。")
        row = t.PrintRecord(
            form_id=form_id,
            user_id=self._actor.id,
            kind=kind,
            copies_from=copies_from,
            copies_to=copies_to,
            pages=pages,
            time=iso(self._clock()),
            printer=printer.strip()[:200],
        )
        self._orm.add(row)
        self._orm.flush()
        return self._info(row, self._actor.username)

    def for_form(self, form_id: int) -> list[PrintInfo]:
        rows = self._orm.execute(
            select(t.PrintRecord, t.User.username)
            .join(t.User, t.User.id == t.PrintRecord.user_id)
            .where(t.PrintRecord.form_id == form_id)
            .order_by(t.PrintRecord.id)
        ).all()
        return [self._info(r, name) for r, name in rows]

    def copies_printed(self, form_id: int) -> int:
        total = self._orm.scalar(
            select(func.sum(t.PrintRecord.copies_to - t.PrintRecord.copies_from + 1)).where(
                t.PrintRecord.form_id == form_id, t.PrintRecord.kind == "印制"
            )
        )
        return int(total or 0)

    @staticmethod
    def _info(row: t.PrintRecord, user: str) -> PrintInfo:
        return PrintInfo(
            row.id,
            row.form_id,
            user,
            row.kind,
            row.copies_from,
            row.copies_to,
            row.pages,
            parse_iso(row.time),
            row.printer or "",
            row.head_seq,
            row.head_hash,
            row.root,
        )

    def set_head(self, print_id: int, head_seq: int, head_hash: str, root: str) -> None:
        """The chain head and root fingerprint the job's sheets carry (known once its entry is written)."""
        row = self._orm.get(t.PrintRecord, print_id)
        if row is None:
            raise NotFound(f"未找到打印记录 {print_id}。")
        row.head_seq, row.head_hash, row.root = head_seq, head_hash, root
        self._orm.flush()


class SettingsRepository:
    def __init__(self, orm: OrmSession) -> None:
        self._orm = orm
        self._rows: dict[str, t.Setting] | None = None  # every row, read once: a few small settings

    def _all(self) -> dict[str, t.Setting]:
        if self._rows is None:
            self._rows = {row.key: row for row in self._orm.scalars(select(t.Setting))}
        return self._rows

    def get(self, key: str) -> str:
        default = declared(key).default
        row = self._all().get(key)
        return row.value if row else default

    def set(self, key: str, value: str) -> None:
        problem = declared(key).problem(value)
        if problem:
            raise InvalidInput(problem)
        rows = self._all()
        row = rows.get(key)
        if row is None:
            row = rows[key] = t.Setting(key=key, value=value)
            self._orm.add(row)
        else:
            row.value = value


class Tx:
    """One unit of work: repositories over one database transaction, acting as `actor`."""

    def __init__(
        self,
        orm: OrmSession,
        actor: UserInfo,
        clock: Callable[[], datetime],
        signer: AuditSigner | None = None,
    ) -> None:
        self.orm = orm
        self.actor = actor
        self.forms = FormRepository(orm, actor, clock)
        self.decisions = DecisionRepository(orm, actor, clock)
        self.users = UserRepository(orm)
        self.catalog = CatalogRepository(orm)
        self.prints = PrintRepository(orm, actor, clock)
        self.settings = SettingsRepository(orm)
        self.audit = AuditWriter(
            orm, actor.username, clock, signer, algorithm=lambda: self.settings.get(ALGORITHM_SETTING)
        )
