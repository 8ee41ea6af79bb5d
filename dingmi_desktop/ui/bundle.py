"""What the main window receives from the composition root: the signed-in user and their services."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


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
    now: Callable[[], datetime] = field(default=datetime.now)
    extra: dict[str, Any] = field(default_factory=dict)

    def has_role(self, *roles: str) -> bool:
        return bool(self.info.roles & set(roles))
