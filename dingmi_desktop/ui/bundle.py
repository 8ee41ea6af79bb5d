"""What the main window receives from the composition root: the signed-in user and their services."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import Any

from dingmi_desktop import clock


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
    """Services bound to one session. Every call on them goes through the ops helper (worker thread)."""

    info: SessionInfo
    session: Any
    accounts: Any = None
    audit: Any = None
    workflow: Any = None
    catalog: Any = None
    calendar: Any = None  # CalendarService: the working-day calendar (read by all, edited by 安全保密管理员)
    printing: Any = None  # PrintingService (preview, print, export, verify) for business users
    register: Any = None  # RegisterService (定密台账: pages, search, export) for business users
    print_register: Any = None  # PrintRegisterService (印制登记 across forms) for business users
    now: Callable[[], datetime] = field(default=lambda: clock.system_now())
    zone: tzinfo = clock.LOCAL_TIME  # the unit's time zone: every date and time the UI shows
    extra: dict[str, Any] = field(default_factory=dict)

    def today(self) -> date:
        return clock.local_date(self.now(), self.zone)

    def when(self, moment: datetime, *, seconds: bool = False) -> str:
        """A stored moment as the UI shows it, in the unit's time zone."""
        return clock.local_text(moment, self.zone, seconds=seconds)

    def has_role(self, *roles: str) -> bool:
        return bool(self.info.roles & set(roles))
