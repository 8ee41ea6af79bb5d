"""The decision dialogs' fields, rendered from what the domain says each action needs (`action_inputs`).

One spec list per action: the same inputs the CLI takes as options, so the GUI can record everything the CLI
can (the corrections and reply date of a superior's answer included). Answers come back as the keyword
arguments the services take.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from dingmi_desktop.domain.action_inputs import KEEP, Input, corrections_from_text, inputs
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import DomainError
from dingmi_desktop.domain.escalation import TARGETS
from dingmi_desktop.domain.workflow import Action, Outcome
from dingmi_desktop.ui.dialogs.fields_dialog import FieldsDialog, FieldSpec


def _t(text: str) -> str:
    return QCoreApplication.translate("FormPage", text)


def _specs_for(item: Input, action: Action) -> list[FieldSpec]:
    required = inputs(action).needs(item)
    if item is Input.OUTCOME:
        return [FieldSpec("outcome", _t("处理结果："), kind="choice", choices=[o.value for o in Outcome])]
    if item is Input.TARGET:
        return [FieldSpec("target", _t("报送对象："), kind="choice", choices=TARGETS)]
    if item is Input.CORRECTIONS:
        levels = [KEEP, *(c.value for c in Category)]
        return [
            FieldSpec("category", _t("确定的密级："), kind="choice", choices=levels),
            FieldSpec("period", _t("确定的保密期限（不更正则留空）："), required=False),
            FieldSpec("scope", _t("确定的知悉范围（不更正则留空）："), required=False),
        ]
    if item is Input.REASON:
        return [FieldSpec("reason", _t(inputs(action).reason_label) + "：", required=required)]
    if item is Input.PASSWORD:
        return [FieldSpec("password", _t("再次输入密码："), kind="password")]
    labels = {
        Input.SENT_ON: (_t("报送日期（默认今天）："), "date"),
        Input.RECEIVED_BY: (_t("接收人："), "text"),
        Input.CLAIMED_LEVELS: (_t("各方主张的密级（用“、”分隔）："), "text"),
        Input.PARTIES: (_t("争议各方："), "text"),
        Input.REPLIED_ON: (_t("答复日期（默认今天）："), "date"),
        Input.ANSWERED_BY: (_t("答复机关（默认为上报对象）："), "text"),
        Input.DOCUMENT: (_t("答复文号："), "text"),
    }
    if item in labels:
        label, kind = labels[item]
        return [FieldSpec(item.value, label, kind=kind, required=required)]
    return []  # the content hash is the one on screen, not typed


def field_specs(action: Action) -> list[FieldSpec]:
    """The dialog fields for `action`, in the domain's order."""
    return [spec for item in inputs(action).fields for spec in _specs_for(item, action)]


def _claimed(text: str) -> list[Category]:
    parts = [p.strip() for p in text.replace(",", "、").replace("，", "、").split("、") if p.strip()]
    try:
        levels = [Category.parse(p) for p in parts]
    except ValueError:
        raise DomainError(_t("主张的密级须为绝密、机密或秘密，用“、”分隔。")) from None
    if not levels:
        raise DomainError(_t("请填写各方主张的密级。"))
    return levels


def service_arguments(action: Action, answer: dict[str, Any]) -> dict[str, Any]:
    """The answer as service keyword arguments; raises DomainError (Chinese) for unreadable input."""
    spec = inputs(action)
    out: dict[str, Any] = {"password": answer["password"]}
    if spec.takes(Input.TARGET):
        out["to"] = answer["target"]
    if spec.takes(Input.OUTCOME):
        out["outcome"] = Outcome(answer["outcome"])
    if spec.takes(Input.CORRECTIONS):
        out["corrections"] = corrections_from_text(
            answer.get("category", KEEP), answer.get("period", ""), answer.get("scope", "")
        )
    if spec.takes(Input.CLAIMED_LEVELS):
        out["claimed_levels"] = _claimed(answer.get("claimed_levels", ""))
    for item in (Input.SENT_ON, Input.REPLIED_ON):
        if spec.takes(item):
            value = answer.get(item.value)
            out[item.value] = value if isinstance(value, date) else None
    for item in (Input.RECEIVED_BY, Input.PARTIES, Input.ANSWERED_BY, Input.DOCUMENT):
        if spec.takes(item):
            out[item.value] = answer.get(item.value, "")
    return out


def validator(action: Action) -> Callable[[dict[str, Any]], list[str]]:
    """Refuses unreadable values inside the dialog, which stays open for the user to fix them."""

    def validate(values: dict[str, Any]) -> list[str]:
        try:
            service_arguments(action, values)
        except DomainError as exc:
            return [exc.message]
        return []

    return validate


def ask_arguments(
    parent: Any, action: Action, title: str, intro: str, today: Callable[[], date]
) -> tuple[dict[str, Any], str] | None:
    """Asks the action's inputs; returns (service arguments but the reason, reason), None if cancelled."""
    answer = FieldsDialog.ask(parent, title, field_specs(action), validator(action), intro, today)
    if answer is None:
        return None
    return service_arguments(action, answer), answer.get("reason", "")
