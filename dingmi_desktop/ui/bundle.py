"""What the main window receives from the composition root: the signed-in user and their services."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, TypeVar

from dingmi_desktop import clock
from dingmi_desktop.security.errors import PermissionDenied

if TYPE_CHECKING:  # types only: the services load on the worker after sign-in, not with the UI
    from dingmi_desktop.services.accounts import AccountService, AuditService
    from dingmi_desktop.services.annual_review import AnnualReviewService
    from dingmi_desktop.services.calendar import CalendarService
    from dingmi_desktop.services.catalogue import CatalogueService
    from dingmi_desktop.services.expiry import ExpiryService
    from dingmi_desktop.services.expiry_conditions import ConditionService
    from dingmi_desktop.services.filing import FilingService
    from dingmi_desktop.services.forms import FormServices
    from dingmi_desktop.services.knower_grants import KnowerGrantService
    from dingmi_desktop.services.lazy_printing import SheetPrinting
    from dingmi_desktop.services.office_desk import OfficeDeskService
    from dingmi_desktop.services.print_register import PrintRegisterService
    from dingmi_desktop.services.register import RegisterService
    from dingmi_desktop.services.statistics import StatisticsService
    from dingmi_desktop.storage.session import Session


T = TypeVar("T")


def required(service: T | None) -> T:
    """A service the calling page relies on. Pages are built only for the roles that open their services,
    so None here means the user's roles do not allow the action: refuse as the services would."""
    if service is None:
        raise PermissionDenied()
    return service


@dataclass
class SessionInfo:
    """Plain data about the signed-in user, safe to read on the GUI thread."""

    username: str
    display_name: str
    department: str
    roles: frozenset[str]
    unit_name: str
    authority: str
    idle_lock_minutes: int


@dataclass
class ServiceBundle:
    """Services bound to one session. Every call on them goes through the ops helper (worker thread).
    A service the user's roles do not open is None."""

    info: SessionInfo
    session: Session
    accounts: AccountService | None = None  # 系统管理员, 安全保密管理员
    audit: AuditService | None = None  # 安全审计员
    workflow: FormServices | None = None  # business users
    catalog: CatalogueService | None = None  # the 依据库: the basis picker; the 安全保密管理员's 依据库 page
    calendar: CalendarService | None = (
        None  # the working-day calendar (read by all, edited by 安全保密管理员)
    )
    printing: SheetPrinting | None = None  # preview, print, export, verify, for business users
    register: RegisterService | None = None  # 定密台账: pages, search, export, for business users
    print_register: PrintRegisterService | None = None  # 印制登记 across forms, for business users
    statistics: StatisticsService | None = None  # 定密统计, for business users (the page: the office)
    annual_review: AnnualReviewService | None = None  # 年度审核, for the 定密责任人 and the 保密员
    knowers: KnowerGrantService | None = None  # 知悉人员 added after approval, for business users
    office: OfficeDeskService | None = None  # the office's 首页 lists (copies not returned)
    filing: FilingService | None = None  # 备案/报备, for business users (the page: the office)
    expiry: ExpiryService | None = None  # the expiry pass (run by every business user's session)
    conditions: ConditionService | None = None  # 条件成就 confirmations (the page: the office)
    now: Callable[[], datetime] = field(default=lambda: clock.system_now())
    zone: tzinfo = clock.LOCAL_TIME  # the unit's time zone: every date and time the UI shows

    def today(self) -> date:
        return clock.local_date(self.now(), self.zone)

    def when(self, moment: datetime, *, seconds: bool = False) -> str:
        """A stored moment as the UI shows it, in the unit's time zone."""
        return clock.local_text(moment, self.zone, seconds=seconds)

    def has_role(self, *roles: str) -> bool:
        return bool(self.info.roles & set(roles))
