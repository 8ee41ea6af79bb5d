"""Creating accounts: one database row set plus one key slot, with the 三员 rules checked once here; and a
new store's first accounts with its trust root (provision_store)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.domain.categories import LEVEL_NAMES
from dingmi_desktop.domain.roles import ADMIN_ROLES, ALL_ROLES, Role
from dingmi_desktop.security import signing
from dingmi_desktop.security.errors import InvalidInput, RoleConflict
from dingmi_desktop.security.keyslots import SlotFile
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.audit import AuditWriter
from dingmi_desktop.storage.certs import found_root, found_unit
from dingmi_desktop.storage.records import RoleGrant, iso, iso_date

if TYPE_CHECKING:
    from dingmi_desktop.storage.store import Store

USERNAME = re.compile(r"^[a-z][a-z0-9_.-]{1,31}$")


def check_grants(grants: Iterable[RoleGrant], unit_authority: str) -> None:
    grants = list(grants)
    roles = [g.role for g in grants]
    for grant in grants:
        if grant.role not in ALL_ROLES:
            raise InvalidInput(f"未知的角色：{grant.role}。")
        if grant.role == Role.OFFICER:
            if grant.officer_kind not in ("法定", "指定"):
                raise InvalidInput("定密责任人须注明法定或指定。")
            if grant.highest_level not in LEVEL_NAMES:
                raise InvalidInput("定密责任人须注明最高定密权限（绝密、机密或秘密）。")
            if LEVEL_NAMES.index(grant.highest_level) < LEVEL_NAMES.index(unit_authority):
                raise InvalidInput(f"定密责任人的权限不能高于本单位的定密权限（{unit_authority}）。")
            if grant.officer_kind == "指定" and grant.term_until is None:
                raise InvalidInput("指定定密责任人须注明任期。")
            if grant.officer_kind == "法定" and grant.remit:
                raise InvalidInput("法定定密责任人（单位负责人）的职责范围为全单位，不填写职责范围。")
        elif grant.remit:
            raise InvalidInput("只有定密责任人的任命才填写职责范围（部门或事项）。")
    admin = [r for r in roles if r in ADMIN_ROLES]
    if admin and len(roles) > 1:
        raise RoleConflict(f"角色冲突：{admin[0]}属于三员，不得兼任其他角色。")


def ensure_department(orm: OrmSession, name: str) -> int | None:
    if not name:
        return None
    row = orm.scalars(select(t.Department).where(t.Department.name == name)).first()
    if row is None:
        row = t.Department(name=name)
        orm.add(row)
        orm.flush()
    return row.id


def write_grants(orm: OrmSession, user_id: int, grants: Iterable[RoleGrant], now: datetime) -> None:
    for g in grants:
        orm.add(
            t.RoleGrant(
                user_id=user_id,
                role=str(g.role),  # the stored text is the Role value
                officer_kind=g.officer_kind,
                highest_level=g.highest_level,
                term_until=iso_date(g.term_until),
                trained_on=iso_date(g.trained_on),
                granted_at=iso(now),
                remit=json.dumps(list(g.remit), ensure_ascii=False) if g.remit else None,
            )
        )
    orm.flush()


def add_key(orm: OrmSession, user_id: int, seed: bytes, now: datetime) -> None:
    orm.add(t.UserKey(user_id=user_id, public_key=signing.public_key_of(seed), valid_from=iso(now)))
    orm.flush()


def provision_user(
    orm: OrmSession,
    slots: SlotFile,
    data_key: bytes,
    *,
    username: str,
    display_name: str,
    department: str,
    password: str,
    grants: Iterable[RoleGrant],
    unit_authority: str,
    must_change: bool,
    now: datetime,
    share: bytes | None = None,
) -> t.User:
    """Rows for a new user and a new slot (in memory: the caller saves the slot file before commit)."""
    if not USERNAME.match(username):
        raise InvalidInput("用户名须以小写字母开头，由 2–32 位小写字母、数字、点、下划线或连字符组成。")
    if orm.scalars(select(t.User.id).where(t.User.username == username)).first() is not None:
        raise InvalidInput(f"用户名 {username} 已存在。")
    grants = list(grants)
    check_grants(grants, unit_authority)
    row = t.User(
        username=username,
        display_name=display_name or username,
        department_id=ensure_department(orm, department),
        active=True,
        created_at=iso(now),
        password_changed_at=iso(now),
    )
    orm.add(row)
    orm.flush()
    seed = signing.new_private_seed()
    add_key(orm, row.id, seed, now)
    write_grants(orm, row.id, grants, now)
    slots.wrap(username, password, data_key, seed, must_change=must_change, now=now, share=share)
    return row


@dataclass(frozen=True)
class NewAccount:
    """One account of a new store, as the wizard, `dingmi init` and the demo describe it."""

    username: str
    display_name: str
    password: str
    grants: tuple[RoleGrant, ...]
    department: str = ""
    must_change: bool = True


def provision_store(
    store: Store, accounts: Sequence[NewAccount], detail: Mapping[str, Any] | None = None
) -> None:
    """The accounts of a new store, in one transaction: the 三员 among them hold the shares of a new trust
    root, which certifies the unit, its policy and every key and grant; each account is audited; the slot
    file is saved before the commit (Store.slot_transaction), so a failed save leaves no rows behind."""
    holders = [a.username for a in accounts if any(g.role in ADMIN_ROLES for g in a.grants)]
    now = store.clock()
    with store.slot_transaction() as orm:
        audit = AuditWriter(orm, "system", store.clock)
        root_seed, shares = found_root(orm, store.slots, holders)
        for account in accounts:
            provision_user(
                orm,
                store.slots,
                store.data_key,
                username=account.username,
                display_name=account.display_name,
                department=account.department,
                password=account.password,
                grants=account.grants,
                unit_authority=store.authority,
                must_change=account.must_change,
                now=now,
                share=shares.get(account.username),
            )
            facts = {"首次登录须改密": account.must_change, **(detail or {})}
            audit.append("创建账户", object_type="user", object_id=account.username, detail=facts)
        found_unit(orm, root_seed, holders, now)
