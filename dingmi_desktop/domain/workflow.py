"""The 定密 procedure (docs/rules.md §5) as ONE transition table with a guard per transition.

Each (status, action) pair maps to a Transition: the roles that may act, eligibility guards (who, when,
authority — evaluated by allowed_actions) and input guards (reason, outcome, content hash — evaluated only by
check, because the GUI asks for those after the user picks the action). A guard returns a Chinese refusal
reason or None. Authority guards use the effective values (the officer's corrections applied).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dingmi_desktop.domain.approval import Corrections
from dingmi_desktop.domain.authority import (
    needs_superior,
    officer_refusal,
    unit_refusal,
)
from dingmi_desktop.domain.basis_check import basis_refusal
from dingmi_desktop.domain.derivation import derivation_refusal
from dingmi_desktop.domain.errors import TransitionRefused
from dingmi_desktop.domain.forms import BasisKind
from dingmi_desktop.domain.lifecycle import (
    change_valid,
    decided_by_officer,
    extendable,
    extension_valid,
    item_officer_authority,
    unit_decided,
)
from dingmi_desktop.domain.periods import validate_period
from dingmi_desktop.domain.remit import remit_refusal
from dingmi_desktop.domain.roles import ADMIN_ROLES, Role
from dingmi_desktop.domain.workflow_types import (
    Action,
    Actor,
    Outcome,
    Policy,
    Status,
    WorkflowContext,
    context_for,
)

__all__ = [
    "TABLE",
    "Action",
    "Actor",
    "Corrections",
    "Outcome",
    "Policy",
    "Role",
    "Status",
    "Transition",
    "WorkflowContext",
    "allowed_actions",
    "check",
    "context_for",
    "next_status",
    "print_refusal",
    "requires_content_hash",
    "requires_outcome",
    "requires_reason",
    "takes_corrections",
]

OFFICERS = frozenset({Role.OFFICER, Role.SIGNER})
RECORDERS = frozenset({Role.OFFICER, Role.SIGNER, Role.CLERK})


Guard = Callable[[WorkflowContext], str | None]
Target = Status | Callable[[WorkflowContext], Status]


@dataclass(frozen=True)
class Transition:
    roles: frozenset[Role]
    target: Target
    guards: tuple[Guard, ...] = ()
    input_guards: tuple[Guard, ...] = ()


# --- guards -----------------------------------------------------------------------------------------------


def _is_drafter(ctx: WorkflowContext) -> str | None:
    if ctx.actor.user_id != ctx.drafter_id:
        return "只有拟稿的承办人本人才能办理此操作"
    return None


def _not_drafter(ctx: WorkflowContext) -> str | None:
    if ctx.actor.user_id == ctx.drafter_id:
        return "承办人不得审核、审批或处理本人拟制的表单（职责分离）"
    return None


def _needs_reason(ctx: WorkflowContext) -> str | None:
    return None if ctx.reason.strip() else "须填写理由或意见"


def _needs_outcome(ctx: WorkflowContext) -> str | None:
    return None if ctx.outcome is not None else "须登记处理结果（确定或退回）"


def _hash_matches(ctx: WorkflowContext) -> str | None:
    if not ctx.approval_hash or not ctx.current_hash:
        return "批准须针对表单的确定内容（缺少内容摘要）"
    if ctx.approval_hash != ctx.current_hash:
        return "表单内容在审阅后已被修改，原审批失效，请按修改后的内容重新审批"
    return None


def _approvable_kind(ctx: WorkflowContext) -> str | None:
    if ctx.basis_kind is BasisKind.UNCLEAR:
        return "不明确事项不能直接批准，须上报确定（条例第二十五条）"
    if ctx.basis_kind is BasisKind.DISPUTED:
        return "有争议事项不能直接批准，须登记争议并按最高主张密级保护（条例第二十六条）"
    return None


def _within_unit(ctx: WorkflowContext) -> str | None:
    if needs_superior(ctx.effective_category, ctx.basis_kind, ctx.unit):
        if ctx.basis_kind is BasisKind.ABOVE_AUTHORITY:
            return "拟稿时已标明超出本单位定密权限，须上报上级机关确定（保密法第十七条）"
        return unit_refusal(ctx.effective_category, ctx.unit)
    return None


def _officer_authority(ctx: WorkflowContext) -> str | None:
    # 派生 is exempt here only provisionally: _follows_source refuses a derivation that breaks its source.
    derived = ctx.basis_kind is BasisKind.DERIVED
    return officer_refusal(ctx.actor.appointment, ctx.effective_category, ctx.today, derived=derived)


def _not_reviewer(ctx: WorkflowContext) -> str | None:
    if ctx.actor.user_id in ctx.reviewer_ids:
        return (
            "审核过本表单的定密审核人不得再批准同一表单（一表两人，职责分离）；"
            "本单位无单独审核人的，可由安全保密管理员关闭审核环节"
        )
    return None


def _within_remit(ctx: WorkflowContext) -> str | None:
    return remit_refusal(ctx.actor.appointment, ctx.department, ctx.title)


def _follows_source(ctx: WorkflowContext) -> str | None:
    return derivation_refusal(ctx.basis, ctx.effective_category, ctx.effective_period, ctx.period_start)


def _follows_catalog(ctx: WorkflowContext) -> str | None:
    if ctx.basis is None or ctx.basis_kind is not BasisKind.DEFINITE:
        return None
    return basis_refusal(
        ctx.basis, ctx.effective_category, ctx.effective_period, ctx.period_start, list(ctx.catalog)
    )


def _has_start(ctx: WorkflowContext) -> str | None:
    if not ctx.effective_category.is_state_secret or ctx.period_start is not None:
        return None
    return (
        "批准前须填写制发日（保密期限自制发日起算）；无文件可标注的，须填写书面通知知悉范围的日期"
        "（notice_date；条例第十九条第二款）"
    )


def _corrections_valid(ctx: WorkflowContext) -> str | None:
    c = ctx.corrections
    if c is None or c.is_empty:
        return None
    category = ctx.effective_category
    problems = validate_period(
        category,
        ctx.effective_period,
        ctx.start_date,
        long_term_allowed=ctx.long_term_allowed,
        special_rule=ctx.special_rule,
    )
    if problems:
        return "更正后的保密期限有误：" + problems[0].message
    if category.is_state_secret and c.scope is not None and not c.scope.strip():
        return "更正后的知悉范围不得为空（保密法第十九条）"
    return None


def _escalatable(ctx: WorkflowContext) -> str | None:
    if ctx.basis_kind is BasisKind.UNCLEAR or needs_superior(ctx.category, ctx.basis_kind, ctx.unit):
        return None
    return "本事项既非不明确事项，也未超出本单位定密权限，无需上报"


def _disputed(ctx: WorkflowContext) -> str | None:
    if ctx.basis_kind is not BasisKind.DISPUTED:
        return "只有有争议事项才能登记争议"
    if not ctx.category.is_state_secret:
        return "有争议事项须按各方主张的最高密级保护（条例第二十六条），拟定密级须为国家秘密密级"
    return None


# --- targets ----------------------------------------------------------------------------------------------


def _after_submit(ctx: WorkflowContext) -> Status:
    return Status.IN_REVIEW if ctx.policy.review_required else Status.AWAITING_APPROVAL


def _after_escalate(ctx: WorkflowContext) -> Status:
    return Status.UNCLEAR_PENDING if ctx.basis_kind is BasisKind.UNCLEAR else Status.AWAITING_SUPERIOR


def _after_decision(ctx: WorkflowContext) -> Status:
    return Status.DECIDED if ctx.outcome is Outcome.DECIDED else Status.RETURNED


# --- the table --------------------------------------------------------------------------------------------

_DRAFTER = frozenset({Role.DRAFTER})
_DECISION_INPUT = (_needs_reason, _needs_outcome, _corrections_valid)  # decided values must be valid too
_REVIEWER = frozenset({Role.REVIEWER})

TABLE: dict[tuple[Status, Action], Transition] = {}
for _source in (Status.DRAFT, Status.RETURNED):
    TABLE[_source, Action.SUBMIT] = Transition(_DRAFTER, _after_submit, (_is_drafter,), (_follows_catalog,))
    TABLE[_source, Action.EDIT] = Transition(_DRAFTER, Status.DRAFT, (_is_drafter,))
for _source in (Status.IN_REVIEW, Status.AWAITING_APPROVAL):
    TABLE[_source, Action.WITHDRAW] = Transition(_DRAFTER, Status.DRAFT, (_is_drafter,))
TABLE[Status.IN_REVIEW, Action.REVIEW_AGREE] = Transition(
    _REVIEWER, Status.AWAITING_APPROVAL, (_not_drafter,)
)
TABLE[Status.IN_REVIEW, Action.REVIEW_DISAGREE] = Transition(
    _REVIEWER, Status.RETURNED, (_not_drafter,), (_needs_reason,)
)
TABLE[Status.AWAITING_APPROVAL, Action.APPROVE] = Transition(
    OFFICERS,
    Status.DECIDED,
    (_not_drafter, _not_reviewer, _approvable_kind, _within_unit, _officer_authority, _within_remit),
    (_hash_matches, _corrections_valid, _follows_source, _follows_catalog, _has_start),
)
TABLE[Status.AWAITING_APPROVAL, Action.RETURN] = Transition(
    OFFICERS, Status.RETURNED, (_not_drafter,), (_needs_reason,)
)
TABLE[Status.AWAITING_APPROVAL, Action.ESCALATE] = Transition(
    OFFICERS, _after_escalate, (_not_drafter, _escalatable), (_needs_reason,)
)
TABLE[Status.AWAITING_APPROVAL, Action.RECORD_DISPUTE] = Transition(
    OFFICERS, Status.DISPUTE_PENDING, (_not_drafter, _disputed), (_needs_reason,)
)
for _source in (Status.UNCLEAR_PENDING, Status.DISPUTE_PENDING):
    TABLE[_source, Action.RECORD_ESCALATION_REPLY] = Transition(
        RECORDERS, _after_decision, (_not_drafter,), _DECISION_INPUT
    )
TABLE[Status.AWAITING_SUPERIOR, Action.RECORD_SUPERIOR_DECISION] = Transition(
    RECORDERS, _after_decision, (_not_drafter,), _DECISION_INPUT
)

# After approval: checked on the ITEM when its lifecycle decision form is decided (domain/lifecycle.py).
_ITEM_GUARDS = (decided_by_officer, unit_decided, item_officer_authority)
TABLE[Status.DECIDED, Action.CHANGE] = Transition(
    RECORDERS, Status.DECIDED, _ITEM_GUARDS, (_needs_reason, change_valid)
)
TABLE[Status.DECIDED, Action.DECLASSIFY] = Transition(
    RECORDERS, Status.DECLASSIFIED, _ITEM_GUARDS, (_needs_reason,)
)
TABLE[Status.DECIDED, Action.EXTEND] = Transition(
    RECORDERS, Status.DECIDED, (*_ITEM_GUARDS, extendable), (_needs_reason, extension_valid)
)

_NOT_HERE = {
    Action.EDIT: "只有草稿或已退回的表单才能修改；已提交的请先撤回，已定密事项的变更须走变更程序",
    Action.CHANGE: "只有已定密的事项才能变更",
    Action.DECLASSIFY: "只有已定密的事项才能解密",
    Action.EXTEND: "只有已定密的事项才能延长保密期限",
}


def _refusal(action: Action, ctx: WorkflowContext, with_input: bool) -> str | None:
    transition = TABLE.get((ctx.status, action))
    if transition is None:
        return _NOT_HERE.get(action, f"表单处于“{ctx.status.value}”状态，不能{action.label}")
    if ctx.actor.roles & ADMIN_ROLES:
        return "三员（系统管理员、安全保密管理员、安全审计员）不得办理定密业务（条例第三十四条）"
    if not ctx.actor.roles & transition.roles:
        who = "或".join(sorted(r.value for r in transition.roles))
        return f"{action.label}须由{who}办理"
    guards = transition.guards + (transition.input_guards if with_input else ())
    for guard in guards:
        reason = guard(ctx)
        if reason:
            return reason
    return None


def _has_input_guard(action: Action, guard: Guard) -> bool:
    return any(guard in t.input_guards for (_, a), t in TABLE.items() if a is action)


def requires_reason(action: Action) -> bool:
    """Whether the GUI/CLI must ask for a reason/opinion text before checking `action`."""
    return _has_input_guard(action, _needs_reason)


def requires_outcome(action: Action) -> bool:
    """Whether the action records an outcome (Outcome.DECIDED / Outcome.RETURNED)."""
    return _has_input_guard(action, _needs_outcome)


def requires_content_hash(action: Action) -> bool:
    """Whether the action signs the content the actor saw (its hash is taken back and compared)."""
    return _has_input_guard(action, _hash_matches)


def takes_corrections(action: Action) -> bool:
    """Whether the decision may change 密级 / 保密期限 / 知悉范围 (the corrected values are checked)."""
    return _has_input_guard(action, _corrections_valid)


def allowed_actions(ctx: WorkflowContext) -> list[Action]:
    """What the actor may do now (input such as a reason is asked for afterwards); in Action order."""
    return [a for a in Action if _refusal(a, ctx, with_input=False) is None]


def check(action: Action, ctx: WorkflowContext) -> None:
    """Raise TransitionRefused with the reason unless `action` with the given input is allowed."""
    reason = _refusal(action, ctx, with_input=True)
    if reason:
        raise TransitionRefused(reason)


def next_status(action: Action, ctx: WorkflowContext) -> Status:
    """The status after `action`; checks first, so a refused action raises TransitionRefused."""
    check(action, ctx)
    target = TABLE[ctx.status, action].target
    return target if isinstance(target, Status) else target(ctx)


def print_refusal(status: Status) -> str | None:
    """Why a form in `status` may not be printed or copied (印制、复印), or None: only a 已定密 form carries
    an approved marking and 份数. Preview and PDF export are open to any stored form the user may see."""
    if status is Status.DECIDED:
        return None
    return f"表单状态为{status.value}，只有已定密的表单可以印制或复印。"
