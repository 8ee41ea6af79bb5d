"""One form with its computed fields, its full history and every revision with a diff.

History order does not depend on the clock: a decision is bound to the revision it decided, so revision r
comes first, then the decisions on r (by id), then revision r + 1.
"""

from __future__ import annotations

from datetime import date, tzinfo
from typing import Any

from dingmi_desktop.clock import LOCAL_TIME, local_time
from dingmi_desktop.domain import workflow
from dingmi_desktop.domain.forms import Form
from dingmi_desktop.domain.index_terms import form_declassify_on, form_marking
from dingmi_desktop.domain.preflight import EarlyWarning
from dingmi_desktop.domain.roles import Role
from dingmi_desktop.domain.workflow import Action, Status
from dingmi_desktop.services.escalation import escalation_of
from dingmi_desktop.services.form_access import FormAccess
from dingmi_desktop.services.form_codec import diff, encode, problems
from dingmi_desktop.services.form_models import (
    DecisionNote,
    FieldChange,
    FormSummary,
    FormView,
    HistoryEntry,
    RevisionView,
)
from dingmi_desktop.services.lifecycle import repo
from dingmi_desktop.services.preflight import CHECKED, warnings_in
from dingmi_desktop.storage import DecisionRecord, RevisionRecord

CORRECTION_KEYS = ("category", "period", "scope")
_FIXED_TARGETS = {
    Action.WITHDRAW.value: Status.DRAFT,
    Action.REVIEW_AGREE.value: Status.AWAITING_APPROVAL,
    Action.REVIEW_DISAGREE.value: Status.RETURNED,
    Action.APPROVE.value: Status.DECIDED,
    Action.RETURN.value: Status.RETURNED,
    Action.RECORD_DISPUTE.value: Status.DISPUTE_PENDING,
}
_AFTER_REVIEW = {
    Action.APPROVE.value,
    Action.RETURN.value,
    Action.ESCALATE.value,
    Action.RECORD_DISPUTE.value,
}
_REPLIES = {Action.RECORD_ESCALATION_REPLY.value, Action.RECORD_SUPERIOR_DECISION.value}
_REVIEWS = {Action.REVIEW_AGREE.value, Action.REVIEW_DISAGREE.value}


def _label(action: str) -> str:
    try:
        return Action(action).label
    except ValueError:
        return action


def _target(
    decision: DecisionRecord, following: DecisionRecord | None, current: Status, review: bool
) -> Status:
    data = decision.corrections or {}
    if decision.action in _FIXED_TARGETS:
        return _FIXED_TARGETS[decision.action]
    if decision.action == Action.ESCALATE.value:
        return Status(data.get("escalation", {}).get("status", Status.UNCLEAR_PENDING.value))
    if decision.action in _REPLIES:  # no `reply` key: decided on the day it was recorded
        return Status.RETURNED if data.get("reply", {}).get("outcome") == "退回" else Status.DECIDED
    # submit: what came next tells whether review was on at that time
    if following is not None and following.action in _REVIEWS:
        return Status.IN_REVIEW
    if following is not None and following.action in _AFTER_REVIEW:
        return Status.AWAITING_APPROVAL
    if following is None and current in (Status.IN_REVIEW, Status.AWAITING_APPROVAL):
        return current
    return Status.IN_REVIEW if review else Status.AWAITING_APPROVAL


def _shown_at(decision: DecisionRecord, saved_by: dict[int, str]) -> int:
    corrected = any(k in (decision.corrections or {}) for k in CORRECTION_KEYS)
    if corrected and decision.revision > 1 and saved_by.get(decision.revision) == decision.actor:
        return decision.revision - 1
    return decision.revision


def build_history(
    revisions: list[RevisionRecord],
    decisions: list[DecisionRecord],
    drafter: str,
    current: Status,
    review: bool,
    names: dict[str, str] | None = None,
) -> list[HistoryEntry]:
    names = names or {}
    events: list[tuple[tuple[int, int, int], Any]] = [((r.revision, 0, 0), r) for r in revisions]
    # A decision with corrections signs the corrected revision it saved (storage.verifier): shown before
    # that revision, as the decision that caused it.
    saved_by = {r.revision: r.saved_by for r in revisions}
    events += [((_shown_at(d, saved_by), 1, d.id), d) for d in decisions]
    events.sort(key=lambda e: e[0])
    submits = [d.id for d in decisions if d.action == Action.SUBMIT.value]
    last_submit = submits[-1] if submits else 0
    entries: list[HistoryEntry] = []
    status = Status.DRAFT
    previous: dict[str, Any] | None = None
    last_role: str = Role.DRAFTER
    for position, (_, event) in enumerate(events):
        if isinstance(event, RevisionRecord):
            changes = [FieldChange(k, a, b) for k, a, b in diff(previous, event.content)]
            previous = event.content
            by_drafter = event.saved_by == drafter
            action = "create" if event.revision == 1 else ("edit" if by_drafter else "correct")
            label = {"create": "拟稿", "edit": "修改", "correct": "按决定更正"}[action]
            if by_drafter and status is not Status.DRAFT:
                changes.insert(0, FieldChange("status", status.value, Status.DRAFT.value))
                status = Status.DRAFT
            role = Role.DRAFTER if by_drafter else last_role
            entries.append(
                HistoryEntry(
                    event.saved_at,
                    event.saved_by,
                    role,
                    action,
                    label,
                    "",
                    event.revision,
                    changes,
                    False,
                    None,
                    actor_name=names.get(event.saved_by, ""),
                )
            )
            continue
        following = next((e for _, e in events[position + 1 :] if isinstance(e, DecisionRecord)), None)
        after = _target(event, following, current, review)
        data = dict(event.corrections or {})
        changes = [FieldChange("status", status.value, after.value)]
        base = previous or {}
        changes += [FieldChange(k, base.get(k), data[k]) for k in CORRECTION_KEYS if k in data]
        details = {k: v for k, v in data.items() if k not in CORRECTION_KEYS}
        counts = event.id >= last_submit
        entries.append(
            HistoryEntry(
                time=event.time,
                actor=event.actor,
                role=event.role,
                action=event.action,
                label=_label(event.action),
                opinion=event.opinion,
                revision=event.revision,
                changes=changes,
                signed=event.signed,
                signature_valid=event.signature_valid,
                counts=counts,
                details=details,
                actor_name=names.get(event.actor, ""),
                key_origin=event.key_origin,
                key_made=event.key_made,
            )
        )
        status, last_role = after, event.role
    return entries


def _note(entry: HistoryEntry) -> DecisionNote:
    agree = {Action.REVIEW_AGREE.value: True, Action.REVIEW_DISAGREE.value: False}.get(entry.action)
    return DecisionNote(
        entry.actor, entry.actor_name, entry.role, entry.action, entry.label, entry.opinion, entry.time, agree
    )


def returned_note(history: list[HistoryEntry], current: Status) -> DecisionNote | None:
    """Why the form came back: the latest decision, when it returned the form and the drafter has not
    submitted again yet (已退回, or 草稿 after the drafter's first edit)."""
    if current not in (Status.RETURNED, Status.DRAFT):
        return None
    for entry in reversed(history):
        if entry.action in ("create", "edit", "correct"):
            continue
        status = next((c for c in entry.changes if c.field == "status"), None)
        return _note(entry) if status is not None and status.after == Status.RETURNED.value else None
    return None


def review_note(history: list[HistoryEntry]) -> DecisionNote | None:
    """The latest 定密审核 opinion of the current submission (an earlier round's does not count)."""
    for entry in reversed(history):
        if entry.action in _REVIEWS and entry.counts:
            return _note(entry)
    return None


def entry_json(entry: HistoryEntry, zone: tzinfo = LOCAL_TIME) -> dict[str, Any]:
    """`time` in the unit's time zone (with its offset), as `form show` prints it."""
    return {
        "who": entry.actor,
        "role": entry.role,
        "action": entry.action,
        "label": entry.label,
        "opinion": entry.opinion,
        "time": local_time(entry.time, zone).isoformat(),
        "revision": entry.revision,
        "signed": entry.signed,
        "signature_valid": entry.signature_valid,
        "key_origin": entry.key_origin,
        "counts": entry.counts,
        "changes": [{"field": c.field, "before": c.before, "after": c.after} for c in entry.changes],
        "details": entry.details,
    }


class HistoryService(FormAccess):
    def view(self, form_id: int) -> FormView:
        with self.session.transaction() as tx:
            loaded = self.load(tx, form_id)
            decisions = tx.decisions.for_form(form_id)
            revisions = tx.forms.revisions(form_id)
            review = self.policy(tx).review_required
            allowed = workflow.allowed_actions(self.context(tx, loaded))
            names = {u.username: u.display_name for u in tx.users.list() if u.display_name}
            warnings: list[EarlyWarning] = []
            if loaded.status in CHECKED:
                warnings = warnings_in(tx, loaded.form, self.unit(), self.today())
            # after an approved change, extension or declassification the item's index carries its terms
            changed = repo(tx, self).current_terms(form_id) is not None
        record = loaded.record
        assert record.content is not None
        history = build_history(revisions, decisions, record.drafter, loaded.status, review, names)
        return FormView(
            summary=FormSummary.of(record, names),
            form=loaded.form,
            content=record.content,
            problems=problems(loaded.form),
            marking=record.marking if changed else form_marking(loaded.form),
            declassify_on=record.declassify_on if changed else form_declassify_on(loaded.form),
            allowed=allowed,
            history=history,
            escalation=escalation_of(record, decisions, self.today()),
            names=names,
            returned=returned_note(history, loaded.status),
            review_opinion=review_note(history),
            warnings=warnings,
        )

    def preflight(self, form: Form) -> list[EarlyWarning]:
        """What the approval of `form` (a draft being typed, not yet stored) would refuse or question."""
        self.check_business_user()
        with self.session.transaction() as tx:
            return warnings_in(tx, form, self.unit(), self.today())

    def history(self, form_id: int) -> list[HistoryEntry]:
        return self.view(form_id).history

    def revisions(self, form_id: int) -> list[RevisionView]:
        with self.session.transaction() as tx:
            self.load(tx, form_id)
            revisions = tx.forms.revisions(form_id)
        views: list[RevisionView] = []
        previous: dict[str, Any] | None = None
        for rev in revisions:
            changes = [FieldChange(k, a, b) for k, a, b in diff(previous, rev.content)]
            views.append(RevisionView(rev.revision, rev.saved_by, rev.saved_at, rev.content_hash, changes))
            previous = rev.content
        return views

    def as_json(self, form_id: int) -> dict[str, Any]:
        """The `form show --json` object: interchange JSON + id, status, marking, declassify_on, history."""
        view = self.view(form_id)
        out = encode(view.form)
        day: date | None = view.declassify_on
        out.update(
            id=view.summary.id,
            status=view.summary.status.value,
            marking=view.marking,
            declassify_on=day.isoformat() if day else None,
            revision=view.summary.revision,
            content_hash=view.summary.content_hash,
            drafter=view.summary.drafter,
            allowed_actions=[a.value for a in view.allowed],
            history=[entry_json(e, self.session.zone) for e in view.history],
        )
        if view.escalation is not None:
            esc = view.escalation
            out["escalation"] = {
                "to": esc.escalated_to,
                "sent_on": esc.sent_on.isoformat() if esc.sent_on else None,
                "report_due": esc.report_due.isoformat() if esc.report_due else None,
                "reply_due": esc.reply_due.isoformat() if esc.reply_due else None,
                "overdue": esc.overdue,
                "received_by": esc.received_by,
                "report_late": esc.report_late,
                "claimed_levels": esc.claimed_levels,
            }
        return out
