"""What each workflow action asks of the user, published once for the GUI and the CLI (docs/rules.md §5).

Which inputs are required follows the transition table's input guards (a reason, an outcome, the content
hash, valid corrections), so a face cannot ask less than `workflow.check` demands; the rest (报送对象,
dates, 文号 …) are the arguments the services take. Each face renders its widgets or options from `INPUTS`
and reports a missing input with the Chinese message given here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from dingmi_desktop.domain.approval import Corrections
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import DomainError
from dingmi_desktop.domain.marking import STAR, parse_marking
from dingmi_desktop.domain.workflow import (
    Action,
    Outcome,
    requires_content_hash,
    requires_outcome,
    requires_reason,
    takes_corrections,
)


class Input(Enum):
    REASON = "reason"  # opinion / reason / reply text
    OUTCOME = "outcome"  # 确定 / 退回 as answered by the body reported to
    CORRECTIONS = "corrections"  # 密级 / 保密期限 / 知悉范围 changed by the decision
    CONTENT_HASH = "content_hash"  # the content the approver saw and signs
    PASSWORD = "password"  # re-authentication: the action is signed
    TARGET = "target"  # 报送对象
    SENT_ON = "sent_on"  # 报送日期
    RECEIVED_BY = "received_by"  # 接收人
    CLAIMED_LEVELS = "claimed_levels"  # the levels the parties claim
    PARTIES = "parties"  # 争议各方
    REPLIED_ON = "replied_on"  # 答复日期
    ANSWERED_BY = "answered_by"  # 答复机关
    DOCUMENT = "document"  # 答复文号


@dataclass(frozen=True)
class ActionInputs:
    action: Action
    fields: tuple[Input, ...]  # in the order a dialog shows them
    required: frozenset[Input]
    reason_label: str = ""
    reason_missing: str = ""  # the refusal when a required reason is empty

    def needs(self, item: Input) -> bool:
        return item in self.required

    def takes(self, item: Input) -> bool:
        return item in self.fields


_EXTRAS: dict[Action, tuple[Input, ...]] = {
    Action.ESCALATE: (Input.TARGET, Input.SENT_ON, Input.RECEIVED_BY),
    Action.RECORD_DISPUTE: (Input.CLAIMED_LEVELS, Input.PARTIES),
    Action.RECORD_ESCALATION_REPLY: (Input.REPLIED_ON, Input.ANSWERED_BY, Input.DOCUMENT),
    Action.RECORD_SUPERIOR_DECISION: (Input.REPLIED_ON, Input.ANSWERED_BY, Input.DOCUMENT),
}
_EXTRAS_REQUIRED = frozenset({Input.TARGET, Input.CLAIMED_LEVELS})
_UNSIGNED = frozenset({Action.WITHDRAW, Action.EDIT})  # the drafter's own undo and edits carry no signature

_REASON_TEXT: dict[Action, tuple[str, str]] = {  # (label, message when a required one is missing)
    Action.REVIEW_AGREE: ("审核意见", "审核不同意须填写意见"),
    Action.REVIEW_DISAGREE: ("审核意见", "审核不同意须填写意见"),
    Action.APPROVE: ("审批意见", "须填写审批意见"),
    Action.RETURN: ("退回理由", "退回须填写理由"),
    Action.ESCALATE: ("上报说明", "上报须填写理由"),
    Action.RECORD_DISPUTE: ("争议情况", "登记争议须填写情况说明"),
    Action.RECORD_ESCALATION_REPLY: ("答复内容", "登记答复须填写答复内容"),
    Action.RECORD_SUPERIOR_DECISION: ("答复内容", "登记上级决定须填写决定内容"),
    Action.CHANGE: ("变更理由", "变更须填写理由"),
    Action.DECLASSIFY: ("解密理由", "解密须填写理由"),
    Action.EXTEND: ("延长理由", "延长保密期限须填写理由"),
}


def _inputs(action: Action) -> ActionInputs:
    fields: list[Input] = []
    required: set[Input] = set()
    if requires_outcome(action):
        fields.append(Input.OUTCOME)
        required.add(Input.OUTCOME)
    fields.extend(_EXTRAS.get(action, ()))
    required.update(_EXTRAS_REQUIRED.intersection(_EXTRAS.get(action, ())))
    if takes_corrections(action):
        fields.append(Input.CORRECTIONS)
    if requires_content_hash(action):
        fields.append(Input.CONTENT_HASH)
        required.add(Input.CONTENT_HASH)
    label, missing = _REASON_TEXT.get(action, ("", ""))
    if label:
        fields.append(Input.REASON)
    if requires_reason(action):
        required.add(Input.REASON)
    if action not in _UNSIGNED:
        fields.append(Input.PASSWORD)
        required.add(Input.PASSWORD)
    return ActionInputs(action, tuple(fields), frozenset(required), label, missing)


INPUTS: dict[Action, ActionInputs] = {action: _inputs(action) for action in Action}


def inputs(action: Action) -> ActionInputs:
    return INPUTS[action]


def input_problem(action: Action, *, reason: str = "", outcome: Outcome | None = None) -> str | None:
    """The Chinese refusal for a missing reason or outcome, before the store is touched; None if complete."""
    spec = INPUTS[action]
    if spec.needs(Input.REASON) and not reason.strip():
        return spec.reason_missing
    if spec.needs(Input.OUTCOME) and outcome is None:
        return "须登记处理结果（确定或退回）"
    return None


KEEP = "不更正"  # the level choice that leaves the proposed 密级 as it is


def corrections_from_text(category: str, period: str, scope: str) -> Corrections | None:
    """Corrections typed as text (密级 name or KEEP, a period like “5年”, a scope); None when nothing changes.
    Raises DomainError with a Chinese message for a level or period that cannot be read."""
    level: Category | None = None
    if category.strip() and category.strip() != KEEP:
        try:
            level = Category.parse(category.strip())
        except ValueError:
            raise DomainError(f"未知的密级“{category}”（可选：绝密、机密、秘密、内部、非密）") from None
    duration = None
    if period.strip():
        if level is not None and not level.is_state_secret:
            raise DomainError(f"{level.value}事项不设保密期限，请清空保密期限")
        if period.strip().isdigit():  # "15" would read as a 解密条件 named "15"
            raise DomainError(
                f"保密期限“{period.strip()}”缺少单位：请写“{period.strip()}年”或“{period.strip()}个月”"
                "（解密条件请写明条件本身）"
            )
        shown = level if level is not None else Category.SECRET  # the period reads the same under any level
        duration = parse_marking(f"{shown.value}{STAR}{period.strip()}")[1]
    corrections = Corrections(category=level, period=duration, scope=scope.strip() or None)
    return None if corrections.is_empty else corrections
