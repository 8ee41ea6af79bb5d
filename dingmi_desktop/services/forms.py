"""All workflow services of one signed-in session, for the composition root (app.py) and the CLI."""

from __future__ import annotations

from dingmi_desktop.domain.calendar import WorkCalendar
from dingmi_desktop.services.drafting import DraftingService
from dingmi_desktop.services.escalation import EscalationService
from dingmi_desktop.services.history import HistoryService
from dingmi_desktop.services.lifecycle import LifecycleService
from dingmi_desktop.services.queues import QueueService
from dingmi_desktop.services.review import ReviewService
from dingmi_desktop.storage import Session


class FormServices:
    def __init__(self, session: Session, calendar: WorkCalendar | None = None) -> None:
        self.session = session
        self.drafting = DraftingService(session, calendar)
        self.review = ReviewService(session, calendar)
        self.escalation = EscalationService(session, calendar)
        self.queues = QueueService(session, calendar)
        self.history = HistoryService(session, calendar)
        self.lifecycle = LifecycleService(session, calendar)
