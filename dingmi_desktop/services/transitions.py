"""The one generic workflow step every decision goes through.

check (read transaction, cheap, before any password work) → re-authenticate when a password is given →
ONE write transaction: re-check, signed decision, status (or decided revision), audit entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from dingmi_desktop.domain import workflow
from dingmi_desktop.domain.approval import Corrections, apply_corrections
from dingmi_desktop.domain.basis_check import match_basis
from dingmi_desktop.domain.forms import Form
from dingmi_desktop.domain.index_terms import form_marking
from dingmi_desktop.domain.workflow import Action, Outcome, Status, WorkflowContext
from dingmi_desktop.services import lifecycle_apply
from dingmi_desktop.services.form_access import FormAccess, Loaded, acting_role, corrections_json
from dingmi_desktop.services.form_codec import encode, index_of
from dingmi_desktop.services.form_models import ActionResult

BASIS_CHECK_KEY = "basis_check"  # decision detail: 未经依据库核对：<references>
ExtraCheck = Callable[[Loaded, WorkflowContext], None]
Payload = Callable[[Loaded, Status], dict[str, Any]]


@dataclass
class Step:
    """One requested transition and its input."""

    action: Action
    form_id: int
    password: str | None = None
    opinion: str = ""
    corrections: Corrections | None = None
    outcome: Outcome | None = None
    approval_hash: str = ""
    apply_corrections: bool = False  # save the decided values as a new revision when reaching 已定密
    extra_check: ExtraCheck | None = None
    payload: Payload | None = None
    inputs: dict[str, Any] = field(default_factory=dict)


def _decided(step: Step, loaded: Loaded) -> Form:
    """The content as decided: the officer's corrections applied when the step saves them."""
    corrections = step.corrections
    if step.apply_corrections and corrections is not None and not corrections.is_empty:
        return apply_corrections(loaded.form, corrections)
    return loaded.form


def _check(access: FormAccess, tx: Any, step: Step, loaded: Loaded, ctx: WorkflowContext) -> Status:
    target = workflow.next_status(step.action, ctx)
    if step.extra_check is not None:
        step.extra_check(loaded, ctx)
    # a lifecycle decision form (变更/解密/延长) must also be allowed to change its item
    lifecycle_apply.check(access, tx, loaded, _decided(step, loaded), step.action, target)
    return target


def _ctx(access: FormAccess, tx: Any, loaded: Loaded, step: Step) -> WorkflowContext:
    return access.context(
        tx,
        loaded,
        reason=step.opinion,
        corrections=step.corrections,
        outcome=step.outcome,
        approval_hash=step.approval_hash,
    )


def basis_check(action: Action, loaded: Loaded, ctx: WorkflowContext) -> dict[str, Any]:
    """A basis typed by hand and not found in the 依据库 is allowed, but the submit and the approval record
    it as 未经依据库核对 (shown in the history and handed to the sheet)."""
    if action not in (Action.SUBMIT, Action.APPROVE):
        return {}
    note = match_basis(loaded.form.basis, list(ctx.catalog)).note()
    return {BASIS_CHECK_KEY: note} if note else {}


def run(access: FormAccess, step: Step) -> ActionResult:
    label = step.action.label

    def precheck() -> None:
        with access.session.transaction() as tx:
            loaded = access.load(tx, step.form_id)
            _check(access, tx, step, loaded, _ctx(access, tx, loaded, step))

    access.guarded(label, step.form_id, precheck)
    signer = access.signer(step.password)

    def write() -> ActionResult:
        with access.session.transaction() as tx:
            loaded = access.load(tx, step.form_id)
            ctx = _ctx(access, tx, loaded, step)
            target = _check(access, tx, step, loaded, ctx)
            payload = corrections_json(step.corrections) if step.apply_corrections else {}
            payload.update(basis_check(step.action, loaded, ctx))
            if step.payload is not None:
                payload.update(step.payload(loaded, target))
            form = loaded.form
            corrections = step.corrections
            # The decided content (with the officer's corrections) is saved first, so that the signature
            # covers the revision that is actually decided, not the one before the corrections.
            if (
                step.apply_corrections
                and target is Status.DECIDED
                and corrections is not None
                and not corrections.is_empty
            ):
                form = apply_corrections(form, corrections)
                record = tx.forms.save_revision(
                    step.form_id,
                    encode(form),
                    index_of(form, target.value),
                    expected_revision=loaded.record.revision,
                )
                revision, content_hash = record.revision, record.content_hash
            else:
                tx.forms.set_status(step.form_id, target.value)
                revision, content_hash = loaded.record.revision, loaded.record.content_hash
            decision = tx.decisions.add(
                step.form_id,
                action=step.action.value,
                signer=signer,
                role=acting_role(access.user, step.action),
                opinion=step.opinion.strip(),
                corrections=payload or None,
                status_before=loaded.status.value,
                status_after=target.value,
            )
            tx.audit.append(
                label,
                object_type="form",
                object_id=str(step.form_id),
                detail={
                    "原状态": loaded.status.value,
                    "新状态": target.value,
                    "版本": revision,
                    "决定编号": decision.id,
                    "签名": decision.signed,
                },
            )
            lifecycle_apply.apply(access, tx, loaded, form, step.action, target, decision.id, payload)
            return ActionResult(
                form_id=step.form_id,
                action=step.action.value,
                status_before=loaded.status,
                status_after=target,
                revision=revision,
                content_hash=content_hash,
                marking=form_marking(form),
                decision_id=decision.id,
                signed=decision.signed,
            )

    result: ActionResult = access.guarded(label, step.form_id, write)
    return result
