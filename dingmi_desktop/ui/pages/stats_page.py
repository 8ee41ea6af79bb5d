"""定密统计: the year's counts per department as a table and bar charts; export to XLSX or PDF (marked
内部, audited by the service). The 定密责任人 and the 保密员 open it; the service decides who counts what."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from dingmi_desktop.domain.errors import ValidationError
from dingmi_desktop.services.register import LEVEL_ORDER
from dingmi_desktop.services.statistics import HEADERS, LIFECYCLE_NOTE, YearStats
from dingmi_desktop.ui.dialogs.prompts import SavePath
from dingmi_desktop.ui.pages.base import ServicePage
from dingmi_desktop.ui.widgets.bar_chart import BarChart
from dingmi_desktop.ui.widgets.fields import ErrorLabel, chosen_year


class StatsPage(ServicePage):
    def __init__(self, bundle: Any, ops: Any, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("定密统计"), bundle, ops, window, parent)
        self.setObjectName("statsPage")
        self.service = bundle.statistics
        self.result: YearStats | None = None
        self.year = QLineEdit(str(bundle.today().year))
        self.year.setObjectName("statsYear")
        self.year.setMaxLength(4)
        self.year.setFixedWidth(84)
        self.department = QComboBox()
        self.department.setObjectName("statsDepartment")
        self.department.addItem(self.tr("全部部门"), None)
        self.export_button = QPushButton(self.tr("导出…"))
        self.export_button.setObjectName("statsExport")
        self.export_button.setToolTip(self.tr("导出为 XLSX 或 PDF，文件标“内部”，并记入审计日志"))
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.setObjectName("statsRefresh")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年度")))
        top.addWidget(self.year)
        top.addWidget(self.department)
        top.addStretch(1)
        top.addWidget(self.export_button)
        top.addWidget(self.refresh_button)
        self.body.addLayout(top)
        self.error = ErrorLabel()
        self.error.setObjectName("statsError")
        self.body.addWidget(self.error)
        note = QLabel(self.tr(LIFECYCLE_NOTE))
        note.setObjectName("statsNote")
        note.setWordWrap(True)
        self.body.addWidget(note)
        self.table = QTableWidget(0, len(HEADERS) + 1)
        self.table.setObjectName("statsTable")
        self.table.setHorizontalHeaderLabels([self.tr("部门"), *HEADERS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.body.addWidget(self.table, 1)
        charts = QHBoxLayout()
        self.level_chart = BarChart(self.tr("按密级"))
        self.level_chart.setObjectName("statsLevelChart")
        self.department_chart = BarChart(self.tr("按部门（定密事项）"))
        self.department_chart.setObjectName("statsDepartmentChart")
        charts.addWidget(self.level_chart)
        charts.addWidget(self.department_chart)
        self.body.addLayout(charts)
        self.body.addWidget(self.feedback)
        self.year.editingFinished.connect(self.refresh)
        self.department.currentIndexChanged.connect(lambda _index: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.export)

    def chosen_year(self) -> int | None:
        return chosen_year(self.year, self.error)

    def refresh(self) -> None:
        year = self.chosen_year()
        if year is None:
            return
        department = self.department.currentData()
        service = self.service
        self.run(lambda: service.year(year, department), self._show, label="stats", on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.error.show_message("；".join(p.message for p in exc.problems))
        else:
            self.say(self.tr("统计失败：{0}").format(exc))
        self.loaded()

    def _show(self, result: YearStats) -> None:
        self.result = result
        if result.department is None:  # the whole year names every department that has items
            self._set_departments([r.department for r in result.rows])
        rows = [*result.rows, result.total]
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate([row.department, *row.values()]):
                cell = QTableWidgetItem(str(value))
                if c:  # counts line up on the right, as in the exported sheet
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, cell)
        counts = result.total.counts
        self.level_chart.set_bars([(level, counts[level]) for level in LEVEL_ORDER])
        self.department_chart.set_bars([(r.department, r.counts["合计"]) for r in result.rows])
        self.say(self.tr("{0} 年共定密 {1} 项。").format(result.year, counts["合计"]))
        self.loaded()

    def _set_departments(self, names: list[str]) -> None:
        chosen = self.department.currentData()
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItem(self.tr("全部部门"), None)
        for name in names:
            self.department.addItem(name, name)
        self.department.setCurrentIndex(max(self.department.findData(chosen) if chosen else 0, 0))
        self.department.blockSignals(False)

    def export(self) -> None:
        year = self.chosen_year()
        if year is None:
            return
        suggested = f"定密统计-{year}.xlsx"
        path = SavePath.ask(
            self, self.tr("导出定密统计"), suggested, self.tr("Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf)")
        )
        if not path:
            return
        out = Path(path)
        fmt = out.suffix.lower().lstrip(".")
        if fmt not in ("xlsx", "pdf"):
            self.say(self.tr("文件名须以 .xlsx 或 .pdf 结尾：{0}").format(out.name))
            return
        department, service = self.department.currentData(), self.service
        self.say(self.tr("正在导出……"))
        self.run(
            lambda: service.export(year, department, out, fmt),
            lambda done: self.say(self.tr("已导出到 {0}（文件密级：内部），已记入审计日志。").format(done)),
            label="stats export",
        )

    def clear_sensitive(self) -> None:
        self.result = None
        self.table.setRowCount(0)
        self.level_chart.set_bars([])
        self.department_chart.set_bars([])
