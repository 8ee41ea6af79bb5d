"""不明事项 / 有争议事项 / above-authority proposals: escalate, record the dispute, record the reply.

Deadlines (Reg 25) use the working-day calendar: the report is due 10 working days after drafting, the
answer 10 working days after sending; a report or answer after its due date is recorded as late. A
不明确事项 goes where Reg 25 routes it (domain.escalation, by the unit's kind, setting `unit.kind`). The
escalation data travel in the signed decision (key `escalation`, `dispute`, `reply`); decided values of a
reply are flat corrections like an approval's. A reply records who answered, when, with which document:
the sheet prints it as that body's decision, recorded by the officer (export.builder).
"""

from __future__ import annotations

from datetime import date, tzinfo
from typing import Any

from dingmi_desktop.clock import local_date
from dingmi_desktop.domain.approval import Corrections
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import Problem, TransitionRefused, ValidationError
from dingmi_desktop.domain.escalation import TARGETS, UnitKind, is_late, resolve_target
from dingmi_desktop.domain.form_types import BasisKind
from dingmi_desktop.domain.periods import validate_period
from dingmi_desktop.domain.workflow import Action, Outcome, Status, WorkflowContext
from dingmi_desktop.services.form_access import FormAccess, Loaded
from dingmi_desktop.services.form_models import ActionResult, EscalationInfo
from dingmi_desktop.services.transitions import Step, run
from dingmi_desktop.storage import DecisionRecord, FormRecord
from dingmi_desktop.storage.directory import UNIT_KIND_SETTING

ESCALATION_TARGETS = TARGETS
PENDING = (Status.UNCLEAR_PENDING, Status.AWAITING_SUPERIOR, Status.DISPUTE_PENDING)


def drafted_on(loaded: Loaded, tz: tzinfo) -> date:
    return loaded.form.drafted_on or local_date(loaded.record.created_at, tz)


def open_escalation(decisions: list[DecisionRecord]) -> dict[str, Any]:
    """The `escalation` record of the latest report, {} when the form was never escalated."""
    for decision in reversed(decisions):
        data = decision.corrections or {}
        if "escalation" in data:
            return dict(data["escalation"])
    return {}


class EscalationService(FormAccess):
    def unit_kind(self) -> UnitKind:
        """The unit's kind as set by the 安全保密管理员 (default 设区的市级机关)."""
        with self.session.transaction() as tx:
            return UnitKind(tx.settings.get(UNIT_KIND_SETTING))

    def escalate(
        self,
        form_id: int,
        *,
        to: str,
        reason: str,
        password: str,
        sent_on: date | None = None,
        received_by: str = "",
    ) -> ActionResult:
        """待审批 → 不明事项待定 (不明确事项) or 待上级确定 (above the unit's authority).

        `received_by`: who received the report at the recipient (person or office), printed on the sheet."""
        kind = self.unit_kind()
        record: dict[str, Any] = {}

        def check(loaded: Loaded, ctx: WorkflowContext) -> None:
            if not to.strip():
                raise ValidationError(
                    [Problem("to", "须写明上报对象（本单位保密工作领导小组、上级机关或保密行政管理部门）")]
                )
            form = loaded.form
            unclear = form.basis is not None and form.basis.kind is BasisKind.UNCLEAR
            recipient = resolve_target(to, category=form.category, unit_kind=kind, unclear=unclear)
            sent = sent_on or self.today()
            # computed here, before the password: a year without a loaded calendar refuses early
            report_due = self.calendar.unclear_item_due(drafted_on(loaded, self.session.zone))
            record.update(
                to=recipient,
                received_by=received_by.strip(),
                sent_on=sent.isoformat(),
                report_due=report_due.isoformat(),
                late=is_late(sent, report_due),
                reply_due=self.calendar.bureau_answer_due(sent).isoformat(),
            )

        def payload(loaded: Loaded, target: Status) -> dict[str, Any]:
            return {"escalation": {**record, "status": target.value}}

        step = Step(
            Action.ESCALATE, form_id, password=password, opinion=reason, extra_check=check, payload=payload
        )
        return run(self, step)

    def record_dispute(
        self, form_id: int, *, claimed_levels: list[Category], parties: str, reason: str, password: str
    ) -> ActionResult:
        """待审批 → 争议待定; the form must be protected at the highest level claimed (Reg 26)."""
        claimed = sorted(set(claimed_levels), key=lambda c: -c.rank)

        def check(loaded: Loaded, ctx: WorkflowContext) -> None:
            if len(claimed) < 2:
                raise ValidationError([Problem("claimed", "有争议事项须登记各方主张的不同密级（至少两种）")])
            if claimed[0] is not loaded.form.category:
                raise TransitionRefused(
                    f"有争议事项须按各方主张的最高密级（{claimed[0].value}）保护（条例第二十六条），"
                    f"而表单拟定密级为{loaded.form.category.value}：请退回承办人修改后再登记"
                )

        def payload(loaded: Loaded, target: Status) -> dict[str, Any]:
            return {
                "dispute": {
                    "claimed": [c.value for c in claimed],
                    "protected_at": claimed[0].value,
                    "parties": parties.strip(),
                    "sent_on": self.today().isoformat(),
                }
            }

        step = Step(
            Action.RECORD_DISPUTE,
            form_id,
            password=password,
            opinion=reason,
            extra_check=check,
            payload=payload,
        )
        return run(self, step)

    def record_reply(
        self,
        form_id: int,
        *,
        outcome: Outcome,
        reply: str,
        password: str,
        corrections: Corrections | None = None,
        replied_on: date | None = None,
        answered_by: str = "",
        document: str = "",
    ) -> ActionResult:
        """The committee / 保密局 reply (不明事项待定, 争议待定) or the superior decision (待上级确定).

        `answered_by`: the body that answered (default: the report's recipient); `document`: the 文号 of
        its written answer. The officer records the answer; it is that body's decision, not the officer's."""
        with self.session.transaction() as tx:
            status = self.load(tx, form_id).status
            sent = open_escalation(tx.decisions.for_form(form_id))
        action = (
            Action.RECORD_SUPERIOR_DECISION
            if status is Status.AWAITING_SUPERIOR
            else Action.RECORD_ESCALATION_REPLY
        )

        def check(loaded: Loaded, ctx: WorkflowContext) -> None:
            if corrections is None or corrections.is_empty:
                return
            if outcome is not Outcome.DECIDED:
                raise ValidationError([Problem("corrections", "退回时不得登记确定的密级、期限或知悉范围")])
            category = ctx.effective_category
            found = validate_period(
                category,
                ctx.effective_period,
                ctx.start_date,
                long_term_allowed=ctx.long_term_allowed,
                special_rule=ctx.special_rule,
            )
            scope = corrections.scope if corrections.scope is not None else loaded.form.scope
            if category.is_state_secret and not scope.strip():
                found.append(Problem("scope", "确定的知悉范围不得为空（保密法第十九条）"))
            if found:
                raise ValidationError(found)

        def payload(loaded: Loaded, target: Status) -> dict[str, Any]:
            day = replied_on or self.today()
            due = date.fromisoformat(sent["reply_due"]) if sent.get("reply_due") else None
            reply = {
                "outcome": outcome.value,
                "replied_on": day.isoformat(),
                "by": answered_by.strip() or str(sent.get("to", "")),
                "document": document.strip(),
                "late": is_late(day, due),
            }
            return {"reply": reply}

        step = Step(
            action,
            form_id,
            password=password,
            opinion=reply,
            corrections=corrections,
            outcome=outcome,
            apply_corrections=True,
            extra_check=check,
            payload=payload,
        )
        return run(self, step)


def escalation_of(record: FormRecord, decisions: list[DecisionRecord], today: date) -> EscalationInfo | None:
    """The open escalation or dispute of a pending form (its latest record), None otherwise."""
    if record.status not in {s.value for s in PENDING}:
        return None
    for decision in reversed(decisions):
        data = decision.corrections or {}
        if "escalation" in data:
            esc = data["escalation"]
            reply_due = date.fromisoformat(esc["reply_due"])
            sent_on = date.fromisoformat(esc["sent_on"])
            report_due = date.fromisoformat(esc["report_due"])
            return EscalationInfo(
                form_id=record.id,
                title=record.title,
                status=Status(record.status),
                escalated_to=esc.get("to", ""),
                sent_on=sent_on,
                report_due=report_due,
                reply_due=reply_due,
                overdue=today > reply_due,
                received_by=esc.get("received_by", ""),
                report_late=is_late(sent_on, report_due),
            )
        if "dispute" in data:
            dispute = data["dispute"]
            return EscalationInfo(
                form_id=record.id,
                title=record.title,
                status=Status(record.status),
                escalated_to=dispute.get("parties", ""),
                sent_on=date.fromisoformat(dispute["sent_on"]),
                report_due=None,
                reply_due=None,
                overdue=False,
                claimed_levels=list(dispute.get("claimed", [])),
            )
    return None
