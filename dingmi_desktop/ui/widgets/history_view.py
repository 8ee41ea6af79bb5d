"""The form's history as a timeline: who, role, action, opinion, time, values changed, signature badge."""

from __future__ import annotations

import json
from datetime import tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from dingmi_desktop.clock import LOCAL_TIME, local_text

FIELD_LABELS = {
    "form": "表单类型",
    "title": "标题",
    "category": "密级",
    "period": "保密期限",
    "scope": "知悉范围",
    "knowers": "知悉人员",
    "basis": "定密依据",
    "basis.kind": "定密类型",
    "basis.reference": "依据条目",
    "basis.text": "条目内容",
    "basis.source": "派生来源",
    "basis.allows_long_term": "依据规定长期",
    "basis.special_rule": "特别规定",
    "status": "状态",
    "start_date": "制发日",
    "doc_number": "文号",
    "department": "部门",
    "urgency": "紧急程度",
    "publicity": "公开属性",
    "copies": "份数",
    "main_recipients": "主送",
    "cc": "抄送",
    "opinion": "承办人意见",
    "unit_name": "单位名称",
    "doc_type": "文种",
    "attachments": "附件",
    "drafter_name": "拟稿人",
    "drafted_on": "拟稿日期",
    "drafter_phone": "联系电话",
    "proofreader": "校对",
    "sealed_on": "封发日期",
    "carrier": "载体形式",
    "secret_points": "密点",
}
MAX_CHANGES_SHOWN = 8


def _period_text(value: Any) -> str | None:
    if isinstance(value, dict) and len(value) == 1:
        ((key, amount),) = value.items()
        return {"years": f"{amount}年", "months": f"{amount}个月"}.get(key) or (
            "长期" if key == "long_term" else str(amount)
        )
    return None


def _value_text(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "（空）"
    period = _period_text(value)
    if period is not None:
        return period
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


REVISION_ACTIONS = frozenset({"create", "edit", "correct"})  # saved versions, not decisions: no badge


def signature_badge(entry: Any) -> tuple[str, str]:
    """(badge property, text) for an entry: valid / invalid / none; ("", "") for a saved revision."""
    if entry.action in REVISION_ACTIONS:
        return "", ""
    if not entry.signed:
        return "none", QCoreApplication.translate("HistoryTimeline", "未签名")
    if entry.signature_valid:
        return "valid", QCoreApplication.translate("HistoryTimeline", "签名有效")
    return "invalid", QCoreApplication.translate("HistoryTimeline", "签名无效")


def key_made_text(entry: Any, zone: tzinfo = LOCAL_TIME) -> str:
    """How and when the signing key was made (a key made at a reset is worth a second look)."""
    origin = getattr(entry, "key_origin", "")
    if not entry.signed or not origin:
        return ""
    translate = QCoreApplication.translate
    labels = {
        "first_run": translate("HistoryTimeline", "建库时生成"),
        "created": translate("HistoryTimeline", "新建账户时生成"),
        "reset": translate("HistoryTimeline", "密码被重置后生成"),
        "migrated": translate("HistoryTimeline", "建立信任根时认证的原有密钥"),
        "pre_trust": translate("HistoryTimeline", "信任根建立前的签名（按原规则核验）"),
    }
    text = translate("HistoryTimeline", "签名密钥：{0}").format(labels.get(origin, origin))
    made = getattr(entry, "key_made", None)
    if made is not None:
        text += translate("HistoryTimeline", "，证书签发于 {0}").format(local_text(made, zone))
    return text


def describe_changes(changes: list[Any]) -> str:
    """A first fill-in lists the fields; later edits show before → after (at most a few, then a count)."""
    if all(c.before in (None, "", [], {}) for c in changes):
        names = "、".join(FIELD_LABELS.get(c.field, c.field) for c in changes)
        return QCoreApplication.translate("HistoryTimeline", "填写：{0}").format(names)
    lines = [
        f"{FIELD_LABELS.get(c.field, c.field)}：{_value_text(c.before)} → {_value_text(c.after)}"
        for c in changes[:MAX_CHANGES_SHOWN]
    ]
    text = QCoreApplication.translate("HistoryTimeline", "修改：") + "；".join(lines)
    if len(changes) > MAX_CHANGES_SHOWN:
        text += QCoreApplication.translate("HistoryTimeline", "；另有 {0} 项").format(
            len(changes) - MAX_CHANGES_SHOWN
        )
    return text


class HistoryEntryCard(QFrame):
    def __init__(self, entry: Any, parent: QWidget | None = None, zone: tzinfo = LOCAL_TIME) -> None:
        super().__init__(parent)
        self.setObjectName("historyEntry")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.entry = entry
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(3)
        top = QHBoxLayout()
        when = local_text(entry.time, zone)
        who = getattr(entry, "actor_name", "") or entry.actor
        head = QLabel(f"<b>{entry.label}</b>　{who}（{entry.role}）　{when}")
        head.setToolTip(entry.actor)  # the account name, for the audit log
        head.setObjectName("historyHead")
        head.setTextFormat(Qt.TextFormat.RichText)
        top.addWidget(head, 1)
        if not entry.counts:
            stale = QLabel(self.tr("已因修改失效"))
            stale.setProperty("badge", "none")
            top.addWidget(stale)
        kind, text = signature_badge(entry)
        self.badge = QLabel(text)
        self.badge.setObjectName("signatureBadge")
        self.badge.setProperty("badge", kind)
        self.badge.setVisible(bool(kind))
        self.badge.setToolTip(key_made_text(entry, zone))
        top.addWidget(self.badge)
        layout.addLayout(top)
        if entry.opinion:
            opinion = QLabel(self.tr("意见：{0}").format(entry.opinion))
            opinion.setObjectName("historyOpinion")
            opinion.setWordWrap(True)
            layout.addWidget(opinion)
        changes = [c for c in entry.changes if c.field != "status"]
        if changes:
            changed = QLabel(describe_changes(changes))
            changed.setObjectName("historyChanges")
            changed.setWordWrap(True)
            layout.addWidget(changed)
        details = {k: v for k, v in (entry.details or {}).items() if v not in (None, "", [])}
        if details:
            text = "；".join(f"{k}：{_value_text(v)}" for k, v in details.items())
            extra = QLabel(text)
            extra.setObjectName("historyDetails")
            extra.setWordWrap(True)
            layout.addWidget(extra)


class HistoryTimeline(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyTimeline")
        self.setWidgetResizable(True)
        self.cards: list[HistoryEntryCard] = []
        self._inner = QWidget()
        outer = QVBoxLayout(self._inner)
        outer.setContentsMargins(6, 6, 6, 6)
        self.warning = QLabel()
        self.warning.setObjectName("historyWarning")
        self.warning.setWordWrap(True)
        self.warning.hide()
        outer.addWidget(self.warning)
        self._layout = QVBoxLayout()
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addStretch(1)
        outer.addLayout(self._layout, 1)
        self.setWidget(self._inner)

    def set_entries(self, entries: list[Any], zone: tzinfo = LOCAL_TIME) -> None:
        """`zone`: the unit's time zone (bundle.zone), in which the times are shown."""
        self.clear()
        for entry in entries:
            card = HistoryEntryCard(entry, zone=zone)
            self.cards.append(card)
            self._layout.insertWidget(self._layout.count() - 1, card)
        if not entries:
            empty = QLabel(self.tr("尚无办理记录。"))
            empty.setObjectName("historyEmpty")
            self._layout.insertWidget(0, empty)
        invalid = self.badge_counts().get("invalid", 0)
        if invalid:
            self.warning.setText(
                self.tr(
                    "有 {0} 条办理记录的签名无效：记录在本程序之外被改动或冒签。"
                    "请勿依据这些记录办理，并报安全审计员核查。"
                ).format(invalid)
            )
        self.warning.setVisible(bool(invalid))

    def badge_counts(self) -> dict[str, int]:
        """How many entries carry each signature badge ("valid", "invalid", "none")."""
        counts: dict[str, int] = {}
        for card in self.cards:
            kind = card.badge.property("badge")
            if kind:
                counts[kind] = counts.get(kind, 0) + 1
        return counts

    def clear(self) -> None:
        while self._layout.count() > 1:
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.cards = []
        self.warning.clear()
        self.warning.hide()
