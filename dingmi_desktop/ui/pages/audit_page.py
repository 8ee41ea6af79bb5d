"""审计日志 (安全审计员): read in plain words, filter (text, result, local date range), verify the chain and
the signatures, export exactly the rows shown as CSV (through the audit service, audited)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from dingmi_desktop.services.audit_view import RESULTS, AuditFilter, AuditLine, select
from dingmi_desktop.ui.bundle import ServiceBundle, required
from dingmi_desktop.ui.dialogs.prompts import SavePath
from dingmi_desktop.ui.pages.base import ServicePage
from dingmi_desktop.ui.widgets.fields import ErrorLabel, OptionalDateEdit
from dingmi_desktop.ui.widgets.table import RecordTable

if TYPE_CHECKING:
    from dingmi_desktop.ui.ops import OpRunner


class AuditPage(ServicePage):
    def __init__(
        self, bundle: ServiceBundle, ops: OpRunner, window: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("审计日志"), bundle, ops, window, parent)
        self.setObjectName("auditPage")
        bar = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setObjectName("auditFilter")
        self.filter.setPlaceholderText(self.tr("筛选：用户、操作、对象……"))
        self.result_filter = QComboBox()
        self.result_filter.setObjectName("auditResultFilter")
        self.result_filter.addItem(self.tr("全部结果"), "")
        for result in RESULTS:
            self.result_filter.addItem(result, result)
        self.date_from = OptionalDateEdit()
        self.date_from.setObjectName("auditDateFrom")
        self.date_from.setToolTip(self.tr("起始日期（本单位当地日期，含当天）；未填为不限"))
        self.date_to = OptionalDateEdit()
        self.date_to.setObjectName("auditDateTo")
        self.date_to.setToolTip(self.tr("截止日期（本单位当地日期，含当天）；未填为不限"))
        self.verify_button = QPushButton(self.tr("校验日志与签名"))
        self.verify_button.setObjectName("auditVerify")
        self.export_button = QPushButton(self.tr("导出所显示的记录…"))
        self.export_button.setObjectName("auditExport")
        self.export_button.setToolTip(self.tr("按当前筛选条件导出 CSV，并记入审计日志"))
        # Two rows: on one row the date fields (each as wide as its feedback line) squeezed the text filter to
        # a few characters at 125 %. The dates sit at the top of their row; feedback uses the line below.
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.result_filter)
        bar.addWidget(self.verify_button)
        bar.addWidget(self.export_button)
        self.body.addLayout(bar)
        dates = QHBoxLayout()
        top = Qt.AlignmentFlag.AlignTop
        for text, field in ((self.tr("从"), self.date_from), (self.tr("至"), self.date_to)):
            label = QLabel(text)
            label.setMinimumHeight(field.line.sizeHint().height())  # centred on the text line, not the block
            dates.addWidget(label, 0, top)
            dates.addWidget(field, 0, top)
        dates.addStretch(1)
        self.body.addLayout(dates)
        self.filter_error = ErrorLabel()
        self.filter_error.setObjectName("auditFilterError")
        keep = self.filter_error.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # a message appearing does not move the table under the pointer
        self.filter_error.setSizePolicy(keep)
        self.body.addWidget(self.filter_error)
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
        self.date_from.value_changed.connect(self._apply_filter)
        self.date_to.value_changed.connect(self._apply_filter)
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(self.export)
        self._lines: list[AuditLine] = []

    def refresh(self) -> None:
        self.run(required(self.bundle.audit).lines, self._show, label="audit entries")

    def _show(self, lines: list[AuditLine]) -> None:
        self._lines = lines
        self._apply_filter()
        self.loaded()

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            text=self.filter.text(),
            result=self.result_filter.currentData() or "",
            start=self.date_from.value(),
            end=self.date_to.value(),
        )

    def _apply_filter(self) -> None:
        """The table shows exactly what the service would export for this filter (the same function)."""
        wanted = self.current_filter()
        problem = wanted.problem()
        self.filter_error.show_message(problem)
        shown = [] if problem else select(self._lines, wanted)
        self.table.set_rows([(line, line.cells()) for line in shown])
        object_column = 4  # a store id is 32 characters: keep the width for the details (full text on hover)
        self.table.setColumnWidth(object_column, min(self.table.columnWidth(object_column), 180))
        self.export_button.setEnabled(not problem)
        self.say(self.tr("共 {0} 条记录，显示 {1} 条。").format(len(self._lines), len(shown)))

    def verify(self) -> None:
        self.verify_label.setText(self.tr("正在校验……"))
        self.run(required(self.bundle.audit).verify, self._verified, label="audit verify")

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
        wanted = self.current_filter()
        if wanted.problem():
            self.say(wanted.problem())
            return
        path = SavePath.ask(self, self.tr("导出审计日志"), "audit.csv", self.tr("CSV 文件 (*.csv)"))
        if not path:
            return
        audit = required(self.bundle.audit)
        self.run(
            lambda: audit.export_view(Path(path), wanted),
            lambda count: self.say(self.tr("已导出所显示的 {0} 条记录到 {1}。").format(count, path)),
        )

    def clear_sensitive(self) -> None:
        self._lines = []
        self.table.clear_rows()
