"""Creating a store with its first accounts: one path for the first-run wizard, `dingmi init` and the demo.

The rule for the 三员's initial passwords is decided here, once: each of the three has a password of their
own that satisfies the policy. They hold the shares of the unit trust root, and using the root takes two of
them in person; one person who knew all three passwords would defeat that two-person control.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from dingmi_desktop.domain.roles import Role
from dingmi_desktop.security.errors import PasswordPolicyError
from dingmi_desktop.security.kdf import KdfParams
from dingmi_desktop.security.passwords import PasswordPolicy, check_password
from dingmi_desktop.storage.provision import NewAccount, provision_store
from dingmi_desktop.storage.records import RoleGrant, utc_now
from dingmi_desktop.storage.store import Store

Clock = Callable[[], datetime]
# username, display name, role of the 三员 accounts every store starts with
ADMIN_ACCOUNTS = (
    ("sysadmin", "系统管理员", Role.SYSADMIN),
    ("secadmin", "安全保密管理员", Role.SECADMIN),
    ("auditor", "安全审计员", Role.AUDITOR),
)
ADMIN_USERS = tuple(username for username, _, _ in ADMIN_ACCOUNTS)
DISTINCT_RULE = (
    "三员账户的密码须互不相同（三员各持单位信任根的一份，不得由一人掌握全部密码），请为三人分别设定"
)


def admin_password_problems(passwords: Mapping[str, str], unit_name: str = "") -> list[str]:
    """What is wrong with the 三员's initial passwords (username → password), in Chinese; empty when none."""
    problems: list[str] = []
    for username in ADMIN_USERS:
        password = passwords.get(username, "")
        found = check_password(PasswordPolicy(), password, username=username, unit_name=unit_name)
        problems += [f"{username}：{p}" for p in found]
    if len({passwords.get(u, "") for u in ADMIN_USERS}) < len(ADMIN_USERS):
        problems.append(DISTINCT_RULE)
    return problems


def admin_accounts(passwords: Mapping[str, str], *, must_change: bool = True) -> list[NewAccount]:
    return [
        NewAccount(username, display, passwords[username], (RoleGrant(role),), must_change=must_change)
        for username, display, role in ADMIN_ACCOUNTS
    ]


def create_store(
    data_dir: Path,
    *,
    unit_name: str,
    authority: str,
    accounts: Sequence[NewAccount],
    kdf: KdfParams | None = None,
    clock: Clock = utc_now,
    detail: Mapping[str, Any] | None = None,
) -> Store:
    """A new store with these accounts, open (its data key in memory); nothing is left behind on failure."""
    store = Store.create(data_dir, unit_name=unit_name, authority=authority, kdf=kdf, clock=clock)
    try:
        provision_store(store, accounts, detail)
    except BaseException:
        store.discard()
        raise
    return store


def found_store(
    data_dir: Path,
    *,
    unit_name: str,
    authority: str,
    passwords: Mapping[str, str],
    kdf: KdfParams | None = None,
    clock: Clock = utc_now,
) -> Store:
    """A unit's new store with the three 三员 accounts (each must change the initial password at first
    sign-in). Bad passwords are refused (PasswordPolicyError) before anything is written."""
    problems = admin_password_problems(passwords, unit_name.strip())
    if problems:
        raise PasswordPolicyError(problems)
    return create_store(
        data_dir,
        unit_name=unit_name,
        authority=authority,
        accounts=admin_accounts(passwords),
        kdf=kdf,
        clock=clock,
    )
