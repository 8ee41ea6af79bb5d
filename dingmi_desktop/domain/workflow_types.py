"""Enums, policy and the guard context of the workflow (re-exported by `workflow`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from dingmi_desktop.domain.approval import Corrections
from dingmi_desktop.domain.authority import OfficerAppointment, UnitAuthority
from dingmi_desktop.domain.catalog_match import CatalogEntry
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.forms import Basis, BasisKind, Form, content_hash
from dingmi_desktop.domain.periods import Period
from dingmi_desktop.domain.roles import Role


class Status(Enum):
    DRAFT = "草稿"
    IN_REVIEW = "待审核"
    AWAITING_APPROVAL = "待审批"
    RETURNED = "已退回"
    DECIDED = "已定密"
    AWAITING_SUPERIOR = "待上级确定"
    UNCLEAR_PENDING = "不明事项待定"
    DISPUTE_PENDING = "争议待定"
    DECLASSIFIED = "已解密"


class Action(Enum):
    SUBMIT = "submit"
    WITHDRAW = "withdraw"
    REVIEW_AGREE = "review_agree"
    REVIEW_DISAGREE = "review_disagree"
    APPROVE = "approve"
    RETURN = "return"
    ESCALATE = "escalate"
    RECORD_DISPUTE = "record_dispute"
    RECORD_SUPERIOR_DECISION = "record_superior_decision"
    RECORD_ESCALATION_REPLY = "record_escalation_reply"
    EDIT = "edit"
    # after approval (docs/rules.md §6): applied to the item when its lifecycle decision form is decided
    CHANGE = "change"
    DECLASSIFY = "declassify"
    EXTEND = "extend"

    @property
    def label(self) -> str:
        """Chinese button / audit label."""
        return _LABELS[self]


_LABELS = {
    Action.SUBMIT: "提交",
    Action.WITHDRAW: "撤回",
    Action.REVIEW_AGREE: "审核同意",
    Action.REVIEW_DISAGREE: "审核不同意",
    Action.APPROVE: "批准",
    Action.RETURN: "退回",
    Action.ESCALATE: "上报",
    Action.RECORD_DISPUTE: "登记争议",
    Action.RECORD_SUPERIOR_DECISION: "登记上级决定",
    Action.RECORD_ESCALATION_REPLY: "登记答复",
    Action.EDIT: "修改",
    Action.CHANGE: "变更",
    Action.DECLASSIFY: "解密",
    Action.EXTEND: "延长保密期限",
}


class Outcome(Enum):
    """Result recorded for an escalation reply or a superior decision."""

    DECIDED = "确定"  # → 已定密 at the decided values
    RETURNED = "退回"  # → 已退回 to the drafter


@dataclass(frozen=True)
class Policy:
    """Set by the 安全保密管理员; review on by default (docs/rules.md §1)."""

    review_required: bool = True


@dataclass(frozen=True)
class Actor:
    user_id: str
    roles: frozenset[Role]
    appointment: OfficerAppointment | None = None


@dataclass(frozen=True)
class WorkflowContext:
    """Everything a guard may look at. The last group is the user's input for the action being checked."""

    status: Status
    drafter_id: str
    actor: Actor
    category: Category
    basis_kind: BasisKind | None
    unit: UnitAuthority
    today: date
    policy: Policy = field(default_factory=Policy)
    period: Period | None = None
    start_date: date | None = None
    long_term_allowed: bool = False
    special_rule: str = ""
    current_hash: str = ""  # content hash of the form as stored now
    basis: Basis | None = None  # the whole basis: 派生 sources and the cited 依据库 items
    department: str = ""  # 产生部门: must lie within a 指定 officer's remit (Reg 15)
    notice_date: date | None = None  # written notice to the 知悉范围 when nothing can be marked (Reg 19 ¶2)
    catalog: tuple[CatalogEntry, ...] = ()  # the 依据库 items the basis may cite
    reviewer_ids: frozenset[str] = frozenset()  # who reviewed this form: they may not approve it
    title: str = ""
    # a lifecycle action (change, declassify, extend) records a superior body's decision, not the unit's own
    records_superior: bool = False
    # input of the action
    approval_hash: str = ""  # content hash the approver saw and signs
    corrections: Corrections | None = None
    reason: str = ""  # opinion / reason / reply text
    outcome: Outcome | None = None

    @property
    def effective_category(self) -> Category:
        c = self.corrections
        return c.category if c is not None and c.category is not None else self.category

    @property
    def period_start(self) -> date | None:
        return self.start_date or self.notice_date

    @property
    def effective_period(self) -> Period | None:
        if not self.effective_category.is_state_secret:
            return None
        c = self.corrections
        return c.period if c is not None and c.period is not None else self.period


def context_for(
    form: Form,
    *,
    status: Status,
    drafter_id: str,
    actor: Actor,
    unit: UnitAuthority,
    today: date,
    policy: Policy | None = None,
    **action_input: Any,
) -> WorkflowContext:
    """Build the context from a stored form; `action_input`: approval_hash, corrections, reason, outcome."""
    basis = form.basis
    return WorkflowContext(
        status=status,
        drafter_id=drafter_id,
        actor=actor,
        category=form.category,
        basis_kind=basis.kind if basis else None,
        unit=unit,
        today=today,
        policy=policy or Policy(),
        period=form.period,
        start_date=form.start_date,
        long_term_allowed=bool(basis and basis.allows_long_term),
        special_rule=basis.special_rule if basis else "",
        current_hash=content_hash(form),
        basis=basis,
        department=form.department,
        notice_date=form.notice_date,
        title=form.title,
        **action_input,
    )
