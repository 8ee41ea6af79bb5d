"""Builds the page for a navigation key with the services it needs."""

from __future__ import annotations

from typing import Any

from dingmi_desktop.ui.pages.base import Page


def build_page(key: str, bundle: Any, ops: Any, window: Any) -> Page:
    if key == "users":
        from dingmi_desktop.ui.pages.users_page import UsersPage

        return UsersPage(bundle, ops, window)
    if key == "policy":
        from dingmi_desktop.ui.pages.policy_page import PolicyPage

        return PolicyPage(bundle, ops, window)
    if key == "officers":
        from dingmi_desktop.ui.pages.officers_page import OfficersPage

        return OfficersPage(bundle, ops, window)
    if key == "audit":
        from dingmi_desktop.ui.pages.audit_page import AuditPage

        return AuditPage(bundle, ops, window)
    raise KeyError(key)
