"""Accounts, roles, policy (三员 duties) and the auditor's view of the audit trail."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from dingmi_desktop.domain.roles import Role
from dingmi_desktop.security.errors import InvalidInput, NotFound, PasswordPolicyError
from dingmi_desktop.security.fsutil import atomic_write
from dingmi_desktop.security.passwords import PasswordPolicy, check_password
from dingmi_desktop.security.signing import new_private_seed
from dingmi_desktop.services import audit_view, trust_actions
from dingmi_desktop.services.audit_view import AuditFilter, AuditLine, csv_bytes, describe
from dingmi_desktop.services.cosign import CoSign, open_root
from dingmi_desktop.services.refusals import audited_refusals
from dingmi_desktop.storage import audit as audit_log
from dingmi_desktop.storage import keychange
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.policy_repo import PolicyRepository
from dingmi_desktop.storage.provision import add_key, check_grants, provision_user, write_grants
from dingmi_desktop.storage.records import AuditRecord, RoleGrant, UserInfo, iso
from dingmi_desktop.storage.session import Session
from dingmi_desktop.storage.settings_decl import BY_KEY, declared
from dingmi_desktop.storage.users_repo import UserRows


def _user_row(orm: OrmSession, username: str) -> t.User:
    return UserRows(orm).by_username(username)


def _declared_action(key: str) -> str:
    return BY_KEY[key].audit_action if key in BY_KEY else "修改设置"


def _active_action(arguments: dict[str, object]) -> str:
    return "启用账户" if arguments["active"] else "停用账户"


class AccountService:
    """系统管理员: accounts and password resets; 安全保密管理员: roles, 定密权限 and policy."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def password_problems(self, username: str, password: str) -> list[str]:
        """What the policy finds wrong with ``password`` for ``username`` (the dialogs check as one types)."""
        unit = self.session.store.unit_name
        return check_password(self.session.policy, password, username=username, unit_name=unit)

    def _check_password(self, username: str, password: str) -> None:
        problems = self.password_problems(username, password)
        if problems:
            raise PasswordPolicyError(problems)

    def policy(self) -> PasswordPolicy:
        """The unit's password and lockout policy, for the 安全保密管理员's page."""
        self.session.require_role(Role.SECADMIN)
        self.session.refresh()
        return self.session.policy

    @audited_refusals("创建账户", object_type="user", object_id="username")
    def add_user(self, username: str, display_name: str, department: str, password: str) -> UserInfo:
        """A new account with an initial password that must be changed at first sign-in."""
        self.session.require_role(Role.SYSADMIN)
        self._check_password(username, password)
        store = self.session.store
        with self.session.transaction() as tx:
            provision_user(
                tx.orm,
                store.slots,
                store.data_key,
                username=username,
                display_name=display_name,
                department=department,
                password=password,
                grants=[],
                unit_authority=store.authority,
                must_change=True,
                now=self.session.now(),
            )
            tx.audit.append("创建账户", object_type="user", object_id=username)
            store.slots.save()  # before commit: a failed save rolls the rows back
            return tx.users.by_username(username)

    @audited_refusals("重置密码", object_type="user", object_id="username")
    def reset_password(self, username: str, temporary_password: str) -> None:
        """A new slot and a new signing key pair under a temporary password (the old key cannot be
        unwrapped without the user's password); old decisions still verify against the old public key."""
        self.session.require_role(Role.SYSADMIN)
        self._check_password(username, temporary_password)
        store, now = self.session.store, self.session.now()
        with self.session.transaction() as tx:
            _user_row(tx.orm, username)  # an unknown name is refused before the slot file is touched
        seed = new_private_seed()
        slot = store.slots.seal(username, temporary_password, store.data_key, seed, must_change=True, now=now)
        with keychange.staged(store.slots, username, slot) as change, self.session.transaction() as tx:
            row = _user_row(tx.orm, username)
            add_key(tx.orm, row.id, seed, now)
            row.password_changed_at = iso(now)
            tx.audit.append("重置密码", object_type="user", object_id=username)
            keychange.mark(tx.orm, username, change)

    @audited_refusals("确认密钥", object_type="user", object_id="username")
    def confirm_key(self, username: str, cosign: CoSign | None) -> None:
        """系统管理员 and a second 三员, in person: the root certifies the user's current key (created or
        reset), so it can sign. Refusals and wrong passwords are audited."""
        self.session.require_role(Role.SYSADMIN)
        root = open_root(self.session, cosign, action="确认密钥", object_type="user", object_id=username)
        with self.session.transaction() as tx:
            row = _user_row(tx.orm, username)
            origin = trust_actions.confirm_key(tx.orm, root, row, self.session.now())
            detail = {
                "来源": "创建" if origin == "created" else "重置",
                "确认人": "、".join(root.confirmed_by),
            }
            tx.audit.append("确认密钥", object_type="user", object_id=username, detail=detail)

    def unconfirmed(self) -> set[str]:
        """User names whose current key still waits for confirmation (密钥待确认)."""
        self.session.require_role(Role.SYSADMIN, Role.SECADMIN)
        with self.session.transaction() as tx:
            ids = trust_actions.unconfirmed_users(tx.orm)
            return {u.username for u in tx.users.list() if u.id in ids}

    def lockouts(self) -> dict[str, datetime]:
        """Accounts locked out now (too many failed sign-ins) → when the lock ends."""
        self.session.require_role(Role.SYSADMIN)
        slots, now = self.session.store.slots, self.session.now()
        found = {
            name: slots.locked_until(name, now) for name in sorted(slots.lock_states) if name in slots.slots
        }
        return {name: until for name, until in found.items() if until is not None}

    @audited_refusals("解除锁定", object_type="user", object_id="username")
    def unlock(self, username: str) -> None:
        """系统管理员 lifts a lockout before it runs out (the session's transaction appends the failures
        waiting in the slot file first, so the trail shows the lock before its release)."""
        self.session.require_role(Role.SYSADMIN)
        store, now = self.session.store, self.session.now()
        until = store.slots.locked_until(username, now)
        if until is None:
            raise InvalidInput(f"账户 {username} 当前未被锁定，无需解除。")
        with self.session.transaction() as tx:
            _user_row(tx.orm, username)
            tx.audit.append(
                "解除锁定",
                object_type="user",
                object_id=username,
                detail={"原锁定至": until.isoformat(timespec="seconds")},
            )
            store.slots.unlock(username)
            store.slots.save()  # before commit: a failed save rolls the audit entry back

    @audited_refusals(_active_action, object_type="user", object_id="username")
    def set_active(self, username: str, active: bool) -> None:
        self.session.require_role(Role.SYSADMIN)
        if username == self.session.user.username:
            raise InvalidInput("不能停用当前登录的账户。")
        with self.session.transaction() as tx:
            _user_row(tx.orm, username).active = active
            tx.audit.append("启用账户" if active else "停用账户", object_type="user", object_id=username)

    @audited_refusals("授予角色", object_type="user", object_id="username")
    def grant(self, username: str, grant: RoleGrant, cosign: CoSign | None = None) -> UserInfo:
        """Adds (or replaces) one role; 三员 stay exclusive and without business roles. A second 三员
        co-signs: the root certifies the grant (and revokes the one it replaces)."""
        self.session.require_role(Role.SECADMIN)
        with self.session.transaction() as tx:  # bad input is refused before anyone types a password
            row = _user_row(tx.orm, username)
            current = [g for g in tx.users.get(row.id).grants if g.role != grant.role]
            check_grants([*current, grant], self.session.store.authority)
        root = open_root(self.session, cosign, action="授予角色", object_type="user", object_id=username)
        with self.session.transaction() as tx:
            row = _user_row(tx.orm, username)
            current = [g for g in tx.users.get(row.id).grants if g.role != grant.role]
            check_grants([*current, grant], self.session.store.authority)
            UserRows(tx.orm).remove_grants(row.id, grant.role)
            write_grants(tx.orm, row.id, [grant], self.session.now())
            trust_actions.certify_grant(tx.orm, root, row.id, grant, self.session.now())
            detail = {
                "角色": grant.role,
                "类别": grant.officer_kind or "",
                "最高权限": grant.highest_level or "",
                **({"职责范围": "、".join(grant.remit)} if grant.remit else {}),
                "确认人": "、".join(root.confirmed_by),
            }
            tx.audit.append("授予角色", object_type="user", object_id=username, detail=detail)
            return tx.users.get(row.id)

    @audited_refusals("撤销角色", object_type="user", object_id="username")
    def revoke(self, username: str, role: str, cosign: CoSign | None = None) -> None:
        self.session.require_role(Role.SECADMIN)
        with self.session.transaction() as tx:
            rows = UserRows(tx.orm)
            if not rows.has_role(rows.by_username(username).id, role):
                raise NotFound(f"用户 {username} 没有角色 {role}。")
        root = open_root(self.session, cosign, action="撤销角色", object_type="user", object_id=username)
        with self.session.transaction() as tx:
            row = _user_row(tx.orm, username)
            if not UserRows(tx.orm).remove_grants(row.id, role):
                raise NotFound(f"用户 {username} 没有角色 {role}。")
            trust_actions.revoke_certified(tx.orm, root, row.id, role, self.session.now())
            detail = {"角色": role, "确认人": "、".join(root.confirmed_by)}
            tx.audit.append("撤销角色", object_type="user", object_id=username, detail=detail)

    @audited_refusals("修改安全策略", object_type="policy", object_id="1")
    def set_policy(self, policy: PasswordPolicy, cosign: CoSign | None = None) -> None:
        """Only the 安全保密管理员 with a second 三员 (the root certifies the policy); the lockout numbers
        are mirrored into the slot file for pre-unlock use."""
        self.session.require_role(Role.SECADMIN)
        problems = policy.problems()
        if problems:
            raise InvalidInput("安全策略无效：" + "；".join(problems) + "。")
        store = self.session.store
        root = open_root(self.session, cosign, action="修改安全策略", object_type="policy", object_id="1")
        with self.session.transaction() as tx:
            PolicyRepository(tx.orm).write(policy)
            trust_actions.certify_policy(tx.orm, root, self.session.now())
            detail = policy.to_json() | {"确认人": "、".join(root.confirmed_by)}
            tx.audit.append("修改安全策略", object_type="policy", object_id="1", detail=detail)
            store.slots.lock_after_failures = policy.lock_after_failures
            store.slots.lock_minutes = policy.lock_minutes
            store.slots.save()
        self.session.refresh()

    def setting(self, key: str) -> str:
        """A declared setting's value (its default when never set), for the 安全保密管理员's pages."""
        self.session.require_role(Role.SECADMIN)
        with self.session.transaction() as tx:
            return tx.settings.get(key)

    @audited_refusals(lambda a: _declared_action(a["key"]), object_type="setting", object_id="key")
    def set_setting(self, key: str, value: str, cosign: CoSign | None = None) -> None:
        """As the setting's declaration says: who may change it, the values allowed, whether a second 三员
        co-signs (the root certifies it) and the audit wording."""
        decl = declared(key)
        self.session.require_role(*decl.changed_by)
        problem = decl.problem(value)
        if problem:
            raise InvalidInput(problem)
        root = None
        if decl.cosigned:
            root = open_root(
                self.session, cosign, action=decl.audit_action, object_type="setting", object_id=key
            )
        with self.session.transaction() as tx:
            before = tx.settings.get(key)
            tx.settings.set(key, value)
            if root is not None:
                trust_actions.certify_policy(tx.orm, root, self.session.now())
            detail = {"值": value, "原值": before}  # the key names the setting (audit_view)
            tx.audit.append(decl.audit_action, object_type="setting", object_id=key, detail=detail)

    def list_users(self) -> list[UserInfo]:
        self.session.require_role(Role.SYSADMIN, Role.SECADMIN)
        with self.session.transaction() as tx:
            return tx.users.list()


class AuditService:
    """Only the 安全审计员 reads, verifies and exports the trail. Nothing here edits or deletes."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def entries(self, limit: int | None = None, offset: int = 0) -> list[AuditRecord]:
        self.session.require_role(Role.AUDITOR)
        with self.session.transaction() as tx:
            query = select(t.AuditEntry).order_by(t.AuditEntry.seq).offset(offset)
            if limit is not None:
                query = query.limit(limit)
            return [audit_log.to_record(r) for r in tx.orm.scalars(query)]

    def verify(self):  # type: ignore[no-untyped-def]
        from dingmi_desktop.storage.integrity import verify_trail

        self.session.require_role(Role.AUDITOR)
        with self.session.transaction() as tx:
            report = verify_trail(tx.orm, self.session.store.slots)
            tx.audit.append("校验审计日志", result="成功" if report.ok else "发现问题")
        return report

    def lines(self) -> list[AuditLine]:
        """Every entry in words (the unit's local time), oldest first."""
        zone = self.session.zone
        return [describe(record, zone) for record in self.entries()]

    def export_view(self, path: Path, wanted: AuditFilter) -> int:
        """The CSV of exactly the rows ``wanted`` keeps, in words, newest first; returns their number.
        Audited as 导出审计日志 with the filter in words."""
        self.session.require_role(Role.AUDITOR)
        if wanted.problem():
            raise InvalidInput(wanted.problem())
        zone = self.session.zone
        with self.session.transaction() as tx:
            every = (describe(audit_log.to_record(r), zone) for r in audit_log.iter_rows(tx.orm))
            rows = audit_view.select(every, wanted)
            detail = {"筛选": wanted.words(), "条数": len(rows)}
            tx.audit.append("导出审计日志", object_type="file", object_id=Path(path).name, detail=detail)
            atomic_write(Path(path), csv_bytes(rows))
            return len(rows)

    def export_csv(self, path: Path) -> int:
        """Writes the CSV atomically; returns the number of entries (the export itself is audited)."""
        self.session.require_role(Role.AUDITOR)
        with self.session.transaction() as tx:
            tx.audit.append("导出审计日志", object_type="file", object_id=Path(path).name)
            data = audit_log.export_csv_bytes(tx.orm)
            atomic_write(Path(path), data)
            return data.count(b"\n") - 1
