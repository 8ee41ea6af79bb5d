"""Deciding a lifecycle form (变更 / 解密 / 延长) changes the item: called by the generic step
(services/transitions.py) inside its check and its write transaction.

Check: the item's own transition (workflow CHANGE / DECLASSIFY / EXTEND from 已定密) with the decided terms
as its corrections — officer, unit that decided (or a recorded superior decision), extension before expiry
and within the maximum from the original start. Apply: the item's current terms (index columns and
`forms.current_terms`; the signed revision stays as it was), 已解密 for a declassification, the written
notice list, one audit entry on the item.
"""

from __future__ import annotations

from typing import Any

from dingmi_desktop.domain import index_terms, workflow
from dingmi_desktop.domain.approval import Corrections
from dingmi_desktop.domain.forms import Form
from dingmi_desktop.domain.lifecycle import LifecycleKind, Terms
from dingmi_desktop.domain.workflow import Action, Status
from dingmi_desktop.services.form_access import FormAccess, Loaded
from dingmi_desktop.services.lifecycle import item_terms, knowers_to_notify, repo, with_terms
from dingmi_desktop.storage import Tx
from dingmi_desktop.storage.lifecycle_repo import LifecycleRecord

SUPERIOR_ACTIONS = (Action.RECORD_SUPERIOR_DECISION, Action.RECORD_ESCALATION_REPLY)
APPLIED = {
    LifecycleKind.CHANGE: "变更生效",
    LifecycleKind.DECLASSIFY: "提前解密生效",
    LifecycleKind.EXTEND: "延长保密期限生效",
    LifecycleKind.PUBLICATION: "公开解密生效",
}


def _proposal(kind: LifecycleKind, current: Terms, decided: Form) -> Corrections | None:
    """What the decided lifecycle form changes; unchanged parts stay None (a change of nothing is refused)."""
    if kind not in (LifecycleKind.CHANGE, LifecycleKind.EXTEND):
        return None
    return Corrections(
        category=decided.category if decided.category is not current.category else None,
        period=decided.period if decided.period != current.period else None,
        scope=decided.scope if decided.scope != current.scope else None,
    )


def _item_check(
    access: FormAccess, tx: Tx, row: LifecycleRecord, decided: Form, action: Action
) -> tuple[Loaded, Terms, LifecycleKind, Status]:
    kind = LifecycleKind(row.kind)
    item = access.load(tx, row.item_form_id)
    current = item_terms(tx, access, item)
    ctx = access.context(
        tx,
        Loaded(item.record, with_terms(item.form, current), item.status),
        reason=row.reason,
        corrections=_proposal(kind, current, decided),
        records_superior=action in SUPERIOR_ACTIONS,
    )
    return item, current, kind, workflow.next_status(kind.action, ctx)


def check(access: FormAccess, tx: Tx, loaded: Loaded, decided: Form, action: Action, target: Status) -> None:
    """Raises TransitionRefused when deciding this lifecycle form may not change its item."""
    row = repo(tx, access).get(loaded.record.id)
    if row is None or target is not Status.DECIDED:
        return
    _item_check(access, tx, row, decided, action)


def apply(
    access: FormAccess,
    tx: Tx,
    loaded: Loaded,
    decided: Form,
    action: Action,
    target: Status,
    decision_id: int,
    payload: dict[str, Any],
) -> None:
    lifecycle = repo(tx, access)
    row = lifecycle.get(loaded.record.id)
    if row is None or target is not Status.DECIDED:
        return
    item, current, kind, item_target = _item_check(access, tx, row, decided, action)
    today = access.today()
    if item_target is Status.DECLASSIFIED:
        in_force = current.to_json() | {"declassified_on": today.isoformat()}
        status: str | None = Status.DECLASSIFIED.value
    else:
        new = Terms(decided.category, decided.period, decided.scope, current.start_date)
        in_force, status = new.to_json(), None
    indexed = index_terms.of_current_terms(in_force)  # what the verifier expects of the columns
    lifecycle.set_current_terms(
        item.record.id,
        in_force,
        category=indexed.category,
        marking=indexed.marking,
        declassify_on=indexed.declassify_on,
        status=status,
    )
    reply = payload.get("reply") or {}
    decided_by = str(reply.get("by", "")) if action in SUPERIOR_ACTIONS else "本单位"
    lifecycle.mark_applied(row.form_id, in_force, decision_id, decided_by or "上级机关")
    notices = knowers_to_notify(tx, item.record.id)
    lifecycle.add_notices(row.form_id, [(n.source, n.person) for n in notices])
    tx.audit.append(
        APPLIED[kind],
        object_type="form",
        object_id=str(item.record.id),
        detail={
            "决定单": row.form_id,
            "决定编号": decision_id,
            "原状态": item.status.value,
            "新状态": item_target.value,
            "须通知": len(notices),
        },
    )
