"""定密台账: every decided item, paged from the database, filtered, sorted by a header click, searched with
FTS; export of the filtered view (the 定密责任人 and the 保密员: the service decides and audits).

A 承办人 sees the items he drafted (the service restricts the rows); the 三员 have no such page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from dingmi_desktop.domain.errors import ValidationError
from dingmi_desktop.domain.roles import Role
from dingmi_desktop.services.register import LEVEL_ORDER, ORIGINS, RegisterFilter
from dingmi_desktop.storage.register_sql import COLUMNS, REGISTER_STATUSES
from dingmi_desktop.ui.dialogs.prompts import SavePath
from dingmi_desktop.ui.pages.base import ServicePage
from dingmi_desktop.ui.pages.register_model import RegisterModel
from dingmi_desktop.ui.widgets.fields import ErrorLabel

EXPORTERS = (Role.OFFICER, Role.CLERK)
SEARCH_DELAY_MS = 300  # typing pauses before a query: one search per word, not per keystroke
KINDS = ("定密审核单", "送审签发单")
WIDE = {"title": 260, "doc_number": 150, "scope": 180, "basis": 200, "declassify_condition": 160}


class RegisterPage(ServicePage):
    def __init__(self, bundle: Any, ops: Any, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("定密台账"), bundle, ops, window, parent)
        self.setObjectName("registerPage")
        self.service = bundle.register
        self.model = RegisterModel(self.service, self._runner)
        self.search = QLineEdit()
        self.search.setObjectName("registerSearch")
        self.search.setPlaceholderText(self.tr("检索标题、文号、依据、知悉范围、意见……"))
        self.search.setClearButtonEnabled(True)
        self.level = self._combo("registerLevel", self.tr("全部密级"), LEVEL_ORDER)
        self.status = self._combo("registerStatus", self.tr("全部状态"), REGISTER_STATUSES)
        self.department = self._combo("registerDepartment", self.tr("全部部门"), ())
        self.kind = self._combo("registerKind", self.tr("全部表单"), KINDS)
        self.origin = self._combo("registerOrigin", self.tr("原始与派生"), ORIGINS)
        self.year = QLineEdit()
        self.year.setObjectName("registerYear")
        self.year.setPlaceholderText(self.tr("定密年度"))
        self.year.setMaxLength(4)
        self.year.setFixedWidth(84)
        self.expiring = QLineEdit()
        self.expiring.setObjectName("registerExpiring")
        self.expiring.setPlaceholderText(self.tr("N 天内解密"))
        self.expiring.setMaxLength(5)
        self.expiring.setFixedWidth(96)
        self.overdue = QCheckBox(self.tr("仅逾期上报"))
        self.overdue.setObjectName("registerOverdue")
        self.overdue.setToolTip(self.tr("只显示逾期未上报或上级逾期未答复的事项"))
        self.export_button = QPushButton(self.tr("导出…"))
        self.export_button.setObjectName("registerExport")
        self.export_button.setToolTip(
            self.tr("按当前筛选导出 XLSX 或 CSV，文件标明其中的最高密级，并记入审计日志")
        )
        self.export_button.setVisible(bundle.has_role(*EXPORTERS))
        self.open_button = QPushButton(self.tr("打开"))
        self.open_button.setObjectName("registerOpen")
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.setObjectName("registerRefresh")
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        for button in (self.export_button, self.open_button, self.refresh_button):
            top.addWidget(button)
        self.body.addLayout(top)
        filters = QHBoxLayout()
        for widget in (self.level, self.status, self.department, self.kind, self.origin):
            filters.addWidget(widget)
        filters.addWidget(self.year)
        filters.addWidget(self.expiring)
        filters.addWidget(self.overdue)
        filters.addStretch(1)
        self.body.addLayout(filters)
        self.filter_error = ErrorLabel()
        self.filter_error.setObjectName("registerFilterError")
        self.body.addWidget(self.filter_error)
        self.table = QTableView()
        self.table.setObjectName("registerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)  # header clicks call model.sort: the database sorts
        for column, name in enumerate(COLUMNS):
            self.table.setColumnWidth(column, WIDE.get(name, 96))
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.feedback)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        for combo in (self.level, self.status, self.department, self.kind, self.origin):
            combo.currentIndexChanged.connect(lambda _index: self.apply_filter())
        self.year.editingFinished.connect(self.apply_filter)
        self.expiring.editingFinished.connect(self.apply_filter)
        self.overdue.toggled.connect(lambda _on: self.apply_filter())
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.open_button.clicked.connect(self.open_selected)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.export)
        self.model.loaded.connect(self._on_loaded)
        self.model.failed.connect(self._on_failed)

    def _combo(self, name: str, everything: str, values: tuple[str, ...]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(everything, None)
        for value in values:
            combo.addItem(value, value)
        return combo

    def _runner(self, fn: Any, on_done: Any, on_error: Any) -> int:
        return self.run(fn, on_done, label="register page", on_error=on_error)

    # --- filter ---------------------------------------------------------------------------------------
    def current_filter(self) -> RegisterFilter | None:
        """The filter the widgets describe; None (and a message saying how to fix it) when a field is bad."""
        numbers = []
        for field, message in (
            (self.year, self.tr("定密年度须为四位数字的年份，例如 2026；留空为不限。")),
            (self.expiring, self.tr("到期天数须为 0 到 36600 之间的整数，例如 90；留空为不限。")),
        ):
            text = field.text().strip()
            if text and not (text.isascii() and text.isdigit()):
                self.filter_error.show_message(message)
                return None
            numbers.append(int(text) if text else None)
        self.filter_error.show_message("")
        current = self.model.filter
        return RegisterFilter(
            category=self.level.currentData(),
            status=self.status.currentData(),
            department=self.department.currentData(),
            kind=self.kind.currentData(),
            origin=self.origin.currentData(),
            year=numbers[0],
            expiring_days=numbers[1],
            overdue_escalations=self.overdue.isChecked(),
            text=self.search.text().strip(),
            sort=current.sort,
            descending=current.descending,
        )

    def apply_filter(self) -> None:
        self._search_timer.stop()
        flt = self.current_filter()
        if flt is not None:
            self.say(self.tr("正在查询……"))
            self.model.load(flt)

    def refresh(self) -> None:
        service = self.service
        self.run(service.departments, self._set_departments, label="register departments")
        self.apply_filter()

    def _set_departments(self, departments: list[str]) -> None:
        chosen = self.department.currentData()
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItem(self.tr("全部部门"), None)
        for name in departments:
            self.department.addItem(name, name)
        index = self.department.findData(chosen) if chosen else 0
        self.department.setCurrentIndex(max(index, 0))
        self.department.blockSignals(False)

    def _on_loaded(self) -> None:
        shown, total = self.model.rowCount(), self.model.total or 0
        if total == 0:
            self.say(self.tr("没有符合条件的事项。"))
        elif shown < total:
            self.say(self.tr("共 {0} 项，已载入 {1} 项（滚动到底部载入更多）。").format(total, shown))
        else:
            self.say(self.tr("共 {0} 项。").format(total))
        self.loaded()

    def _on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.filter_error.show_message("；".join(p.message for p in exc.problems))
            self.say("")
        else:
            self.say(self.tr("查询失败：{0}").format(exc))
        self.loaded()

    # --- actions --------------------------------------------------------------------------------------
    def open_row(self, row: int) -> None:
        item = self.model.item_at(row)
        if item is not None:
            self.window_.open_form(item.form_id)

    def open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.say(self.tr("请先选择一项。"))
            return
        self.open_row(rows[0].row())

    def export(self) -> None:
        flt = self.current_filter()
        if flt is None:
            return
        name = f"定密台账-{self.bundle.today().isoformat()}.xlsx"
        path = SavePath.ask(
            self, self.tr("导出定密台账"), name, self.tr("Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)")
        )
        if not path:
            return
        out = Path(path)
        fmt = out.suffix.lower().lstrip(".")
        if fmt not in ("xlsx", "csv"):
            self.say(self.tr("文件名须以 .xlsx 或 .csv 结尾：{0}").format(out.name))
            return
        service = self.service
        self.say(self.tr("正在导出……"))
        self.run(
            lambda: service.export(flt, out, fmt),
            lambda result: self.say(
                self.tr("已导出 {0} 项到 {1}（文件密级：{2}），已记入审计日志。").format(
                    result.rows, result.path, result.marking
                )
            ),
            label="register export",
        )

    def clear_sensitive(self) -> None:
        self._search_timer.stop()
        self.model.clear()
        self.search.blockSignals(True)  # no query may start from the lock sequence
        self.search.clear()
        self.search.blockSignals(False)
