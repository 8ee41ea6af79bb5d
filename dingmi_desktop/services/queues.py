"""Work queues of the signed-in user, from the indexed columns only (status, drafter, updated_at), paged.

Never loads form JSON: the main window shows these with 10,000+ stored forms.
"""

from __future__ import annotations

from dingmi_desktop.domain.workflow import Role, Status
from dingmi_desktop.services.escalation import PENDING, escalation_of
from dingmi_desktop.services.form_access import FormAccess, roles_of
from dingmi_desktop.services.form_models import EscalationInfo, FormSummary
from dingmi_desktop.storage import Tx

DEFAULT_LIMIT = 50
QUEUES = (
    "my_drafts",
    "returned_to_me",
    "awaiting_my_review",
    "awaiting_my_approval",
    "escalations_due",
    "recently_decided",
)
APPROVERS = frozenset({Role.OFFICER, Role.SIGNER})
RECORDERS = frozenset({Role.OFFICER, Role.SIGNER, Role.CLERK})


class QueueService(FormAccess):
    def _page(
        self, status: Status | None, *, mine: bool, limit: int | None, offset: int
    ) -> list[FormSummary]:
        self.check_business_user()
        drafter = self.user.id if mine or not self.sees_all() else None
        with self.session.transaction() as tx:
            records = tx.forms.list(
                status=status.value if status else None, drafter_id=drafter, limit=limit, offset=offset
            )
        return [FormSummary.of(r) for r in records]

    def _others(self, tx: Tx, status: Status, limit: int, offset: int) -> list[FormSummary]:
        """Forms in `status` not drafted by the user (separation of duties), paged after the filter."""
        wanted = offset + limit
        found: list[FormSummary] = []
        chunk, start = max(wanted * 2, 100), 0
        while len(found) < wanted:
            records = tx.forms.list(status=status.value, limit=chunk, offset=start)
            found += [FormSummary.of(r) for r in records if r.drafter_id != self.user.id]
            if len(records) < chunk:
                break
            start += chunk
        return found[offset:wanted]

    def _for_role(self, roles: frozenset[Role], status: Status, limit: int, offset: int) -> list[FormSummary]:
        self.check_business_user()
        if not roles_of(self.user) & roles:
            return []
        with self.session.transaction() as tx:
            return self._others(tx, status, limit, offset)

    def my_drafts(self, limit: int = DEFAULT_LIMIT, offset: int = 0) -> list[FormSummary]:
        return self._page(Status.DRAFT, mine=True, limit=limit, offset=offset)

    def returned_to_me(self, limit: int = DEFAULT_LIMIT, offset: int = 0) -> list[FormSummary]:
        return self._page(Status.RETURNED, mine=True, limit=limit, offset=offset)

    def awaiting_my_review(self, limit: int = DEFAULT_LIMIT, offset: int = 0) -> list[FormSummary]:
        return self._for_role(frozenset({Role.REVIEWER}), Status.IN_REVIEW, limit, offset)

    def awaiting_my_approval(self, limit: int = DEFAULT_LIMIT, offset: int = 0) -> list[FormSummary]:
        return self._for_role(APPROVERS, Status.AWAITING_APPROVAL, limit, offset)

    def recently_decided(self, limit: int = DEFAULT_LIMIT, offset: int = 0) -> list[FormSummary]:
        return self._page(Status.DECIDED, mine=False, limit=limit, offset=offset)

    def visible(
        self, status: Status | None = None, limit: int | None = None, offset: int = 0
    ) -> list[FormSummary]:
        """Every form the user may see (a 承办人 only their own), newest first."""
        return self._page(status, mine=False, limit=limit, offset=offset)

    def escalations_due(self, limit: int = DEFAULT_LIMIT) -> list[EscalationInfo]:
        """Open escalations and disputes (soonest reply due first); for 定密责任人 / 签发人 / 保密员 and the
        drafter of the form."""
        self.check_business_user()
        today = self.today()
        infos: list[EscalationInfo] = []
        recorder = bool(roles_of(self.user) & RECORDERS)
        with self.session.transaction() as tx:
            for status in PENDING:
                drafter = None if recorder or self.sees_all() else self.user.id
                for record in tx.forms.list(status=status.value, drafter_id=drafter, limit=limit):
                    info = escalation_of(record, tx.decisions.for_form(record.id), today)
                    if info is not None:
                        infos.append(info)
        infos.sort(key=lambda i: (i.reply_due is None, i.reply_due or today, i.form_id))
        return infos[:limit]

    def counts(self) -> dict[str, int]:
        """Queue name → number of forms (capped at 999 for the badge)."""
        cap = 999
        return {
            "my_drafts": len(self.my_drafts(cap)),
            "returned_to_me": len(self.returned_to_me(cap)),
            "awaiting_my_review": len(self.awaiting_my_review(cap)),
            "awaiting_my_approval": len(self.awaiting_my_approval(cap)),
            "escalations_due": len(self.escalations_due(cap)),
            "recently_decided": len(self.recently_decided(cap)),
        }
