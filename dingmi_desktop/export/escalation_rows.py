"""The sheet's escalation band and the wording of a decision taken outside the unit (Reg 25, 26).

A decision of the 保密局, a superior body or the unit's committee is that body's decision: the sheet prints
it as such, with its document number, and the 定密责任人 row says the officer recorded it (记录上级决定),
never as the officer's own decision nor over the officer's signature (docs/rules.md §5).
The data come from the signed decisions (services.escalation): `escalation` on the report, `reply` on the
answer (with flat corrections carrying the decided values).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Protocol

from dingmi_desktop.domain.escalation import COMMITTEE
from dingmi_desktop.domain.marking import format_date, period_text
from dingmi_desktop.domain.periods import Period
from dingmi_desktop.export.sheet_data import SheetField, SheetSection

RECORDING_ACTIONS = frozenset({"record_superior_decision", "record_escalation_reply"})
_DECIDED_LABELS = {"category": "密级", "period": "保密期限", "scope": "知悉范围", "knowers": "知悉人员"}
LATE_REPORT = "（逾期上报）"
LATE_ANSWER = "（逾期答复）"


class _Decision(Protocol):
    @property
    def action(self) -> str: ...
    @property
    def opinion(self) -> str: ...


def _day(text: Any) -> str:
    try:
        return format_date(date.fromisoformat(str(text)))
    except ValueError:
        return ""


def _data(decision: Any) -> Mapping[str, Any]:
    data = getattr(decision, "corrections", None)
    return data if isinstance(data, Mapping) else {}


def decided_value(key: str, value: Any) -> str:
    """A decided or corrected value as printed (a period in words, a list joined with 、)."""
    if key == "period" and isinstance(value, dict):
        try:
            return period_text(Period.from_json(value))
        except ValueError:
            return str(value)
    if isinstance(value, list | tuple):
        return "、".join(map(str, value))
    return str(value)


def decided_text(data: Mapping[str, Any]) -> str:
    """The values the outside body decided, e.g. 密级为秘密；保密期限为5年."""
    parts = [
        f"{label}为{decided_value(key, data[key])}"
        for key, label in _DECIDED_LABELS.items()
        if data.get(key) not in (None, "", [], ())
    ]
    return "；".join(parts)


def _body(reply: Mapping[str, Any], report: Mapping[str, Any]) -> str:
    return str(reply.get("by") or report.get("to") or "上级机关")


def _report(decisions: Sequence[Any]) -> Mapping[str, Any]:
    for decision in reversed(decisions):
        if "escalation" in _data(decision):
            return dict(_data(decision)["escalation"])
    return {}


def _answer(decisions: Sequence[Any]) -> Any | None:
    return next((d for d in reversed(decisions) if d.action in RECORDING_ACTIONS), None)


def recorded_decision_text(decision: _Decision, decisions: Sequence[Any]) -> str:
    """The 定密责任人 row of a recorded outside decision: who decided, by which document, what."""
    data = _data(decision)
    given = data.get("reply")
    reply: Mapping[str, Any] = given if isinstance(given, Mapping) else {}
    body = _body(reply, _report(decisions))
    what = "记录本单位保密工作领导小组决定" if body == COMMITTEE else "记录上级决定"
    document = str(reply.get("document") or "")
    source = f"{body}（{document}）" if document else f"{body}（文号未登记）"
    outcome = "退回重拟" if reply.get("outcome") == "退回" else "确定"
    text = f"{what}：{source}{outcome}"
    values = decided_text(data)
    text += f"，{values}。" if values else "。"
    if decision.opinion.strip():
        text += f"答复内容：{decision.opinion.strip().rstrip('。')}。"
    return text + "（本栏为登记，非定密责任人本人的决定）"


def escalation_section(decisions: Sequence[Any]) -> SheetSection | None:
    """上报情况: recipient, receipt, due dates and lateness, who answered, when, with which document."""
    report = _report(decisions)
    if not report:
        return None
    sent = _day(report.get("sent_on"))
    report_due = _day(report.get("report_due")) + (LATE_REPORT if report.get("late") else "")
    answer = _answer(decisions)
    reply: Mapping[str, Any] = {}
    if answer is not None and isinstance(_data(answer).get("reply"), Mapping):
        reply = _data(answer)["reply"]
    answered = _day(reply.get("replied_on"))
    if answer is not None and not answered:  # decided the day it was recorded (older records)
        answered = format_date(answer.time.date())
    answered += LATE_ANSWER if reply.get("late") else ""
    if answer is None:
        decided = "尚未答复"
    else:
        outcome = "退回重拟" if reply.get("outcome") == "退回" else "确定"
        values = decided_text(_data(answer))
        decided = f"{_body(reply, report)}{outcome}" + (f"：{values}" if values else "")
    rows = (
        (
            SheetField("上报对象", str(report.get("to", ""))),
            SheetField("接收人", report.get("received_by", "")),
        ),
        (SheetField("上报日期", sent), SheetField("应报日期", report_due)),
        (SheetField("答复期限", _day(report.get("reply_due"))), SheetField("答复日期", answered)),
        (
            SheetField("答复机关", _body(reply, report) if answer else ""),
            SheetField("答复文号", str(reply.get("document", ""))),
        ),
        (SheetField("答复决定", decided),),
    )
    return SheetSection("上报及答复情况", rows)
