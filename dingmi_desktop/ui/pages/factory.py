"""Builds the page for a navigation key with the services it needs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from dingmi_desktop.domain.workflow import Status
from dingmi_desktop.ui.bundle import ServiceBundle, required
from dingmi_desktop.ui.pages.base import Page
from dingmi_desktop.ui.pages.queue_page import QUEUE_LIMIT  # rows per list: table build stays < ~50 ms

if TYPE_CHECKING:
    from dingmi_desktop.ui.ops import OpRunner


def build_page(key: str, bundle: ServiceBundle, ops: OpRunner, window: Any) -> Page:
    if key == "home":
        from dingmi_desktop.ui.pages.home_page import HomePage

        return HomePage(bundle, ops, window)
    if key in ("drafts", "to_review", "to_approve", "decided"):
        from dingmi_desktop.ui.pages.queue_page import QueuePage

        queues = required(bundle.workflow).queues
        if key == "drafts":
            return QueuePage(
                key,
                QCoreApplication.translate("navigation", "我的拟稿"),
                lambda: queues.my_forms(QUEUE_LIMIT),
                bundle,
                ops,
                window,
                empty_text=QCoreApplication.translate(
                    "navigation", "还没有拟稿。点击“新建送审签发单”或“新建定密审核单”开始。"
                ),
                can_create=True,
                scopes=[
                    (
                        "returned",
                        QCoreApplication.translate("navigation", "退回给我"),
                        lambda: queues.returned_to_me(QUEUE_LIMIT),
                    )
                ],
            )
        if key == "to_review":
            return QueuePage(
                key,
                QCoreApplication.translate("navigation", "待我审核"),
                lambda: queues.awaiting_my_review(QUEUE_LIMIT),
                bundle,
                ops,
                window,
            )
        if key == "to_approve":
            return QueuePage(
                key,
                QCoreApplication.translate("navigation", "待我审批"),
                lambda: queues.awaiting_my_approval(QUEUE_LIMIT),
                bundle,
                ops,
                window,
            )
        return QueuePage(
            key,
            QCoreApplication.translate("navigation", "已定密"),
            lambda: queues.visible(Status.DECIDED, limit=QUEUE_LIMIT),
            bundle,
            ops,
            window,
            empty_text=QCoreApplication.translate("navigation", "尚无已定密事项。"),
            can_export=True,
        )
    if key == "register":
        from dingmi_desktop.ui.pages.register_page import RegisterPage

        return RegisterPage(bundle, ops, window)
    if key == "print_register":
        from dingmi_desktop.ui.pages.print_register_page import PrintRegisterPage

        return PrintRegisterPage(bundle, ops, window)
    if key == "stats":
        from dingmi_desktop.ui.pages.stats_page import StatsPage

        return StatsPage(bundle, ops, window)
    if key == "filing":
        from dingmi_desktop.ui.pages.filing_page import FilingPage

        return FilingPage(bundle, ops, window)
    if key == "annual_review":
        from dingmi_desktop.ui.pages.annual_review_page import AnnualReviewPage

        return AnnualReviewPage(bundle, ops, window)
    if key == "users":
        from dingmi_desktop.ui.pages.users_page import UsersPage

        return UsersPage(bundle, ops, window)
    if key == "policy":
        from dingmi_desktop.ui.pages.policy_page import PolicyPage

        return PolicyPage(bundle, ops, window)
    if key == "officers":
        from dingmi_desktop.ui.pages.officers_page import OfficersPage

        return OfficersPage(bundle, ops, window)
    if key == "catalogue":
        from dingmi_desktop.ui.pages.catalogue_page import CataloguePage

        return CataloguePage(bundle, ops, window)
    if key == "calendar":
        from dingmi_desktop.ui.pages.calendar_page import CalendarPage

        return CalendarPage(bundle, ops, window)
    if key == "audit":
        from dingmi_desktop.ui.pages.audit_page import AuditPage

        return AuditPage(bundle, ops, window)
    raise KeyError(key)
