"""审计日志 (安全审计员): read, filter, verify the chain and the signatures, export as CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from dingmi_desktop.ui.dialogs.prompts import SavePath
from dingmi_desktop.ui.pages.base import ServicePage
from dingmi_desktop.ui.widgets.table import RecordTable


class AuditPage(ServicePage):
    def __init__(self, bundle: Any, ops: Any, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("审计日志"), bundle, ops, window, parent)
        self.setObjectName("auditPage")
        bar = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setObjectName("auditFilter")
        self.filter.setPlaceholderText(self.tr("筛选：用户、操作、对象……"))
        self.result_filter = QComboBox()
        self.result_filter.setObjectName("auditResultFilter")
        self.result_filter.addItems([self.tr("全部结果"), self.tr("成功"), self.tr("失败")])
        self.verify_button = QPushButton(self.tr("校验日志与签名"))
        self.verify_button.setObjectName("auditVerify")
        self.export_button = QPushButton(self.tr("导出 CSV…"))
        self.export_button.setObjectName("auditExport")
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.result_filter)
        bar.addWidget(self.verify_button)
        bar.addWidget(self.export_button)
        self.body.addLayout(bar)
        self.verify_label = QLabel()
        self.verify_label.setObjectName("auditVerifyResult")
        self.verify_label.setWordWrap(True)
        self.body.addWidget(self.verify_label)
        self.table = RecordTable(
            [
                self.tr("序号"),
                self.tr("时间"),
                self.tr("用户"),
                self.tr("操作"),
                self.tr("对象"),
                self.tr("结果"),
                self.tr("详情"),
            ]
        )
        self.table.setObjectName("auditTable")
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.feedback)
        self.filter.textChanged.connect(self._apply_filter)
        self.result_filter.currentIndexChanged.connect(self._apply_filter)
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(self.export)
        self._entries: list[Any] = []

    def refresh(self) -> None:
        self.run(self.bundle.audit.entries, self._show, label="audit entries")

    def _show(self, entries: list[Any]) -> None:
        self._entries = list(reversed(entries))  # newest first
        self._apply_filter()
        self.say(self.tr("共 {0} 条记录。").format(len(entries)))
        self.loaded()

    def _apply_filter(self) -> None:
        result = self.result_filter.currentIndex()
        wanted = {1: "成功", 2: "失败"}.get(result)
        rows = []
        for entry in self._entries:
            if wanted and entry.result != wanted:
                continue
            detail = "，".join(f"{k}：{self._value(v)}" for k, v in (entry.detail or {}).items())
            kind = self._object_label(entry.object_type)
            target = f"{kind} {entry.object_id}".strip()
            when = self.bundle.when(entry.time, seconds=True)
            rows.append((entry, [entry.seq, when, entry.actor, entry.action, target, entry.result, detail]))
        self.table.set_rows(rows)
        object_column = 4  # a store id is 32 characters: keep the width for the details (full text on hover)
        self.table.setColumnWidth(object_column, min(self.table.columnWidth(object_column), 180))
        self.table.set_filter(self.filter.text())

    def _object_label(self, object_type: str) -> str:
        labels = {
            "form": self.tr("表单"),
            "user": self.tr("用户"),
            "catalog": self.tr("依据库"),
            "calendar": self.tr("工作日历"),
            "policy": self.tr("安全策略"),
            "setting": self.tr("设置"),
            "store": self.tr("数据存储"),
            "file": self.tr("文件"),
        }
        return labels.get(object_type, object_type)

    def _value(self, value: Any) -> str:
        if isinstance(value, bool):
            return self.tr("是") if value else self.tr("否")
        if value is None:
            return ""
        if isinstance(value, list | tuple):
            return "、".join(self._value(v) for v in value)
        return str(value)

    def verify(self) -> None:
        self.verify_label.setText(self.tr("正在校验……"))
        self.run(self.bundle.audit.verify, self._verified, label="audit verify")

    def _verified(self, report: Any) -> None:
        if report.ok:
            text = self.tr("校验通过：审计链完整，{0} 条记录、{1} 个审批签名均有效。").format(
                report.entries, report.decisions
            )
        else:
            text = self.tr("校验发现问题（首个异常记录序号 {0}）：{1}").format(
                report.first_bad_seq, "；".join(report.problems)
            )
        self.verify_label.setText(text)
        self.verify_label.setProperty("badge", "valid" if report.ok else "invalid")
        self.verify_label.style().unpolish(self.verify_label)
        self.verify_label.style().polish(self.verify_label)
        self.refresh()

    def export(self) -> None:
        path = SavePath.ask(self, self.tr("导出审计日志"), "audit.csv", self.tr("CSV 文件 (*.csv)"))
        if not path:
            return
        audit = self.bundle.audit
        self.run(
            lambda: audit.export_csv(Path(path)),
            lambda count: self.say(self.tr("已导出 {0} 条记录到 {1}。").format(count, path)),
        )

    def clear_sensitive(self) -> None:
        self._entries = []
        self.table.clear_rows()
