"""The signed-in user: transactions as that user, re-authentication for signing, password change."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.clock import local_date, zone
from dingmi_desktop.security.errors import (
    DatabaseDamaged,
    PasswordChangeRequired,
    PasswordPolicyError,
    PermissionDenied,
)
from dingmi_desktop.security.passwords import PasswordPolicy, check_password
from dingmi_desktop.security.signing import Signer
from dingmi_desktop.storage import keychange
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.audit import AuditSigner
from dingmi_desktop.storage.directory import TIME_ZONE_SETTING, SettingsRepository, Tx, load_user
from dingmi_desktop.storage.policy_repo import PolicyRepository
from dingmi_desktop.storage.records import UserInfo, iso

if TYPE_CHECKING:
    from dingmi_desktop.storage.store import Store


def read_policy(orm: OrmSession) -> PasswordPolicy:
    return PolicyRepository(orm).read()


class Session:
    """Made by Store.sign_in. Use from one thread at a time (the GUI's worker)."""

    def __init__(self, store: Store, username: str, signer: AuditSigner | None = None) -> None:
        self.store = store
        self._username = username
        self._audit_signer = signer  # signs this user's audit entries (storage.audit)
        self._closed = False
        self.refresh()
        if self.user.public_key != store.slots.slots[username].public_key:
            raise DatabaseDamaged("数据库中登记的签名公钥与密钥槽不一致（可能被篡改），已拒绝登录。")

    def refresh(self) -> None:
        """Reloads the user (roles may have changed) and the policy."""
        with self.store.orm_transaction() as orm:
            row = orm.scalars(select(t.User).where(t.User.username == self._username)).one()
            self.user: UserInfo = load_user(orm, row)
            self.policy: PasswordPolicy = read_policy(orm)
            self.zone: tzinfo = zone(SettingsRepository(orm).get(TIME_ZONE_SETTING))

    @property
    def must_change_password(self) -> bool:
        slot = self.store.slots.slots[self.user.username]
        if slot.must_change:
            return True
        max_age = self.policy.max_age_days
        return bool(max_age) and self.now() - self.user.password_changed_at > timedelta(days=max_age)

    def now(self) -> datetime:
        return self.store.clock()

    def today(self) -> date:
        """Today in the unit's time zone: the date forms, deadlines and sheets use."""
        return local_date(self.now(), self.zone)

    def require_role(self, *roles: str) -> None:
        if not self.user.roles & set(roles):
            raise PermissionDenied(f"此操作需要以下角色之一：{'、'.join(roles)}。")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Tx]:
        """One unit of work as this user. Refused while the password must be changed."""
        if self.must_change_password:
            raise PasswordChangeRequired()
        with self.unchecked_transaction() as tx:
            yield tx

    @contextlib.contextmanager
    def unchecked_transaction(self) -> Iterator[Tx]:
        if self._closed:
            raise PermissionDenied("会话已结束，请重新登录。")
        with self.store.orm_transaction() as orm:
            flushed = self.store.flush_pending(orm)
            yield Tx(orm, self.user, self.store.clock, self._audit_signer)
        self.store.pending_flushed(flushed)

    def reauthenticate(self, password: str) -> Signer:
        """The password re-entered now unwraps the signing key: that is the proof a signature needs."""
        _, seed = self.store.unwrap_checked(self.user.username, password)
        self.store.slots.record_success(self.user.username)
        signer = Signer(self.user.id, self.user.username, seed, self.now())
        if signer.public_key != self.user.public_key:
            raise DatabaseDamaged("数据库中登记的签名公钥与密钥槽不一致（可能被篡改），无法签名。")
        return signer

    def change_password(self, old_password: str, new_password: str) -> None:
        """Rewraps this user's slot (same data key and signing key) under the new password."""
        username = self.user.username
        problems = check_password(
            self.policy, new_password, username=username, unit_name=self.store.unit_name
        )
        if new_password == old_password:
            problems.append("新密码不能与旧密码相同")
        if problems:
            raise PasswordPolicyError(problems)
        data_key, seed = self.store.unwrap_checked(username, old_password)
        now, slots = self.now(), self.store.slots
        # A 三员 keeps its share of the unit root across its own password change.
        share = slots.share_after_unwrap(username)
        slot = slots.seal(username, new_password, data_key, seed, must_change=False, now=now, share=share)
        with keychange.staged(slots, username, slot, share) as change, self.unchecked_transaction() as tx:
            row = tx.orm.get(t.User, self.user.id)
            assert row is not None
            row.password_changed_at = iso(now)
            tx.audit.append("修改密码", object_type="user", object_id=username)
            keychange.mark(tx.orm, username, change)
        self.refresh()

    def close(self) -> None:
        self._closed = True
