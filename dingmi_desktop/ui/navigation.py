"""Which pages a user sees, decided by their roles (docs/rules.md §1, issue 5 §2)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from dingmi_desktop.domain.roles import BUSINESS_ROLES, Role


@dataclass(frozen=True)
class NavEntry:
    key: str
    label: str
    roles: frozenset[str]  # any of these; empty = every business user
    needs: str = ""  # the ServiceBundle attribute the page cannot work without


def nav_entries() -> list[NavEntry]:
    return [
        NavEntry("home", QCoreApplication.translate("navigation", "首页"), BUSINESS_ROLES, "workflow"),
        NavEntry(
            "drafts",
            QCoreApplication.translate("navigation", "我的拟稿"),
            frozenset({Role.DRAFTER}),
            "workflow",
        ),
        NavEntry(
            "to_review",
            QCoreApplication.translate("navigation", "待我审核"),
            frozenset({Role.REVIEWER}),
            "workflow",
        ),
        NavEntry(
            "to_approve",
            QCoreApplication.translate("navigation", "待我审批"),
            frozenset({Role.OFFICER, Role.SIGNER}),
            "workflow",
        ),
        NavEntry("decided", QCoreApplication.translate("navigation", "已定密"), BUSINESS_ROLES, "workflow"),
        # every business user: the service shows the 定密责任人 and the 保密员 all items, others their own
        NavEntry(
            "register", QCoreApplication.translate("navigation", "定密台账"), BUSINESS_ROLES, "register"
        ),
        NavEntry(
            "print_register",
            QCoreApplication.translate("navigation", "印制登记"),
            BUSINESS_ROLES,
            "print_register",
        ),
        NavEntry(
            "stats",
            QCoreApplication.translate("navigation", "定密统计"),
            frozenset({"定密责任人", "保密员"}),
            "statistics",
        ),
        NavEntry(
            "filing",
            QCoreApplication.translate("navigation", "备案报备"),
            frozenset({Role.OFFICER, Role.CLERK}),
            "filing",
        ),
        NavEntry(
            "annual_review",
            QCoreApplication.translate("navigation", "年度审核"),
            frozenset({Role.OFFICER, Role.CLERK}),
            "annual_review",
        ),
        NavEntry(
            "users",
            QCoreApplication.translate("navigation", "用户与角色"),
            frozenset({Role.SYSADMIN}),
            "accounts",
        ),
        NavEntry(
            "policy",
            QCoreApplication.translate("navigation", "安全策略"),
            frozenset({Role.SECADMIN}),
            "accounts",
        ),
        NavEntry(
            "officers",
            QCoreApplication.translate("navigation", "定密责任人/授权"),
            frozenset({Role.SECADMIN}),
            "accounts",
        ),
        NavEntry(
            "catalogue",
            QCoreApplication.translate("navigation", "依据库"),
            frozenset({"安全保密管理员"}),
            "catalog",
        ),
        NavEntry(
            "calendar",
            QCoreApplication.translate("navigation", "工作日历"),
            frozenset({Role.SECADMIN}),
            "calendar",
        ),
        NavEntry(
            "audit", QCoreApplication.translate("navigation", "审计日志"), frozenset({Role.AUDITOR}), "audit"
        ),
    ]


def entries_for(roles: frozenset[str], available: set[str]) -> list[NavEntry]:
    """The entries this user may open, limited to pages whose service exists in this build."""
    return [e for e in nav_entries() if roles & e.roles and (not e.needs or e.needs in available)]
