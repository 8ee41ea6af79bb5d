"""The product's draft opener for non-维持 review outcomes: the lifecycle's `open_draft` (a 变更/解密/延长
decision form of the item, services/lifecycle.py). Tests of the review alone pass their own opener."""

from __future__ import annotations

from dingmi_desktop.services.annual_review import AnnualReviewService
from dingmi_desktop.services.lifecycle import LifecycleService
from dingmi_desktop.storage import Session


def annual_review(session: Session) -> AnnualReviewService:
    return AnnualReviewService(session, LifecycleService(session).open_draft)
