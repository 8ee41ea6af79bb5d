"""Work queues of the signed-in user, from the indexed columns only (status, drafter, updated_at), paged.

Never loads form JSON: the main window shows these with 10,000+ stored forms.
"""

from __future__ import annotations

from datetime import date

from dingmi_desktop.domain.calendar import CalendarYearMissing
from dingmi_desktop.domain.forms import BasisKind
from dingmi_desktop.domain.stored_form import decode
from dingmi_desktop.domain.workflow import Role, Status
from dingmi_desktop.services.escalation import PENDING, drafted_on, escalation_of
from dingmi_desktop.services.form_access import FormAccess, Loaded, roles_of
from dingmi_desktop.services.form_models import EscalationInfo, FormSummary
from dingmi_desktop.storage import Tx

DEFAULT_LIMIT = 50
COUNT_CAP = 100
QUEUES = (
    "my_drafts",
    "returned_to_me",
    "awaiting_my_review",
    "awaiting_my_approval",
    "escalations_due",
    "recently_decided",
)
APPROVERS = frozenset({Role.OFFICER, Role.SIGNER})
UNCLEAR_NEEDLE = '"kind":"不明确事项"'  # as canonical JSON stores the basis kind
UNREPORTED = frozenset(
    s.value for s in (Status.DRAFT, Status.IN_REVIEW, Status.AWAITING_APPROVAL, Status.RETURNED)
)


def display_names(tx: Tx) -> dict[str, str]:
    """Login → display name of every account that has one (lists show 张三, not zhangsan)."""
    return tx.users.display_names()


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
            names = display_names(tx)
        return [FormSummary.of(r, names) for r in records]

    def _others(self, tx: Tx, status: Status, limit: int, offset: int) -> list[FormSummary]:
        """Forms in `status` not drafted by the user (separation of duties), paged after the filter."""
        wanted = offset + limit
        found: list[FormSummary] = []
        chunk, start = max(wanted * 2, 100), 0
        names = display_names(tx)
        while len(found) < wanted:
            records = tx.forms.list(status=status.value, limit=chunk, offset=start)
            found += [FormSummary.of(r, names) for r in records if r.drafter_id != self.user.id]
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

    def my_forms(self, limit: int = DEFAULT_LIMIT) -> list[FormSummary]:
        """我的拟稿: the user's drafts, forms returned to them and their forms under way, newest first."""
        found = self.my_drafts(limit) + self.returned_to_me(limit)
        for status in (Status.IN_REVIEW, Status.AWAITING_APPROVAL):
            found += [s for s in self.visible(status, limit=limit) if s.drafter_id == self.user.id]
        return sorted(found, key=lambda s: s.updated_at, reverse=True)[:limit]

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
        """Open escalations and disputes (reply due), and 不明确事项 not yet reported (report due 10 working
        days after drafting, Reg 25); soonest due first. A 承办人 sees those of their own forms."""
        self.check_business_user()
        today = self.today()
        infos: list[EscalationInfo] = []
        drafter = None if self.sees_all() else self.user.id
        with self.session.transaction() as tx:
            for status in PENDING:
                for record in tx.forms.list(status=status.value, drafter_id=drafter, limit=limit):
                    info = escalation_of(record, tx.decisions.for_form(record.id), today)
                    if info is not None:
                        infos.append(info)
            infos += self._unreported(tx, drafter, today, limit)
        infos.sort(key=lambda i: (i.reply_due or i.report_due or date.max, i.form_id))
        return infos[:limit]

    def _unreported(self, tx: Tx, drafter: int | None, today: date, limit: int) -> list[EscalationInfo]:
        """不明确事项 still in drafting or review: found through the full-text index, not a table scan."""
        infos: list[EscalationInfo] = []
        calendar = self.work_calendar(tx)
        for form_id in tx.forms.search(UNCLEAR_NEEDLE, limit=max(limit * 4, 200)):
            record = tx.forms.get(form_id)
            if record.status not in UNREPORTED or (drafter is not None and record.drafter_id != drafter):
                continue
            assert record.content is not None
            form = decode(record.content)
            if form.basis is None or form.basis.kind is not BasisKind.UNCLEAR:
                continue
            loaded = Loaded(record, form, Status(record.status))
            try:
                due = calendar.unclear_item_due(drafted_on(loaded, self.session.zone))
            except CalendarYearMissing as exc:  # listed with the reason, never with a guessed date
                infos.append(
                    EscalationInfo(
                        record.id,
                        record.title,
                        loaded.status,
                        "",
                        None,
                        None,
                        None,
                        False,
                        calendar_problem=exc.message,
                    )
                )
                continue
            infos.append(
                EscalationInfo(record.id, record.title, loaded.status, "", None, due, None, today > due)
            )
        return infos

    def counts(self) -> dict[str, int]:
        """Queue name → number of forms, capped at COUNT_CAP (the badge shows "100+")."""
        cap = COUNT_CAP
        return {
            "my_drafts": len(self.my_drafts(cap)),
            "returned_to_me": len(self.returned_to_me(cap)),
            "awaiting_my_review": len(self.awaiting_my_review(cap)),
            "awaiting_my_approval": len(self.awaiting_my_approval(cap)),
            "escalations_due": len(self.escalations_due(cap)),
            "recently_decided": len(self.recently_decided(cap)),
        }
