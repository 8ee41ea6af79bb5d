"""Roles, defined once: the values are the Chinese names stored in the encrypted store and shown on screen.

A ``StrEnum`` so that a member equals its stored text: storage writes ``Role.OFFICER`` and reads back
``Role("定密责任人")`` (docs/rules.md §1).
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    DRAFTER = "承办人"
    REVIEWER = "定密审核人"
    OFFICER = "定密责任人"
    SIGNER = "签发人"
    CLERK = "保密员"
    SYSADMIN = "系统管理员"
    SECADMIN = "安全保密管理员"
    AUDITOR = "安全审计员"


# 三员: mutually exclusive with each other and with every business role.
ADMIN_ROLES: frozenset[Role] = frozenset({Role.SYSADMIN, Role.SECADMIN, Role.AUDITOR})
BUSINESS_ROLES: frozenset[Role] = frozenset(
    {Role.DRAFTER, Role.REVIEWER, Role.OFFICER, Role.SIGNER, Role.CLERK}
)
ALL_ROLES: frozenset[Role] = ADMIN_ROLES | BUSINESS_ROLES
# The order roles are offered in a choice list: business roles first, then the 三员.
ROLE_ORDER: tuple[Role, ...] = tuple(Role)
ROLE_NAMES: tuple[str, ...] = tuple(role.value for role in ROLE_ORDER)
