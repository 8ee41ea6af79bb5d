"""定密审核人 and 定密责任人 use cases: review, approve (with corrections), return.

Every call takes the password re-entered for THIS call: it re-authenticates and signs the decision.
"""

from __future__ import annotations

from dingmi_desktop.domain.approval import Corrections
from dingmi_desktop.domain.workflow import Action
from dingmi_desktop.services.form_access import FormAccess
from dingmi_desktop.services.form_models import ActionResult
from dingmi_desktop.services.transitions import Step, run


class ReviewService(FormAccess):
    def review(self, form_id: int, *, agree: bool, opinion: str, password: str) -> ActionResult:
        """待审核 → 待审批 (agree) or 已退回 (disagree, opinion required)."""
        action = Action.REVIEW_AGREE if agree else Action.REVIEW_DISAGREE
        return run(self, Step(action, form_id, password=password, opinion=opinion))

    def approve(
        self,
        form_id: int,
        *,
        password: str,
        content_hash: str,
        corrections: Corrections | None = None,
        opinion: str = "",
    ) -> ActionResult:
        """待审批 → 已定密. `content_hash` is the content the officer saw; any later edit refuses it.
        Corrections are part of the signed decision; the decided values become a new revision."""
        return run(
            self,
            Step(
                Action.APPROVE,
                form_id,
                password=password,
                opinion=opinion,
                corrections=corrections,
                approval_hash=content_hash,
                apply_corrections=True,
            ),
        )

    def return_form(self, form_id: int, *, reason: str, password: str) -> ActionResult:
        """待审批 → 已退回 to the drafter; the reason is required."""
        return run(self, Step(Action.RETURN, form_id, password=password, opinion=reason))
