"""年度审核 (保密法 Art 24): the year's worklist of every item in force, paged from the database, the progress
by officer, the officer's signed outcome per item, and the summary report (PDF + XLSX, marked with the
highest level it lists). The 定密责任人 reviews; the 保密员 organises (starts the list, follows, exports)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from dingmi_desktop.domain.errors import DomainError, ValidationError
from dingmi_desktop.domain.roles import Role
from dingmi_desktop.security.errors import DingmiError
from dingmi_desktop.services.annual_review_models import Progress, ReviewRow, StartResult
from dingmi_desktop.ui.dialogs.prompts import SavePath
from dingmi_desktop.ui.pages.annual_review_dialog import ReviewDialog
from dingmi_desktop.ui.pages.annual_review_model import ReviewModel, WorklistFilter
from dingmi_desktop.ui.pages.base import ServicePage
from dingmi_desktop.ui.widgets.fields import ErrorLabel, chosen_year

ALL, PENDING, MINE = "all", "pending", "mine"


def message_of(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        return "；".join(p.message for p in exc.problems)
    if isinstance(exc, DingmiError | DomainError):
        return exc.message
    return str(exc)


class AnnualReviewPage(ServicePage):
    def __init__(self, bundle: Any, ops: Any, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("年度审核"), bundle, ops, window, parent)
        self.setObjectName("annualReviewPage")
        self.service = bundle.annual_review
        self.year = QLineEdit(str(bundle.today().year))
        self.year.setObjectName("reviewYear")
        self.year.setMaxLength(4)
        self.year.setFixedWidth(84)
        self.scope = QComboBox()
        self.scope.setObjectName("reviewScope")
        self.scope.addItem(self.tr("全部事项"), ALL)
        self.scope.addItem(self.tr("待审核"), PENDING)
        if bundle.has_role(Role.OFFICER):
            self.scope.addItem(self.tr("分配给我"), MINE)
        self.start_button = QPushButton(self.tr("建立审核清单"))
        self.start_button.setObjectName("reviewStart")
        self.start_button.setToolTip(self.tr("列入全部已定密事项；再次建立只加入此后新定密的事项"))
        self.decide_button = QPushButton(self.tr("审核所选…"))
        self.decide_button.setObjectName("reviewDecide")
        self.decide_button.setEnabled(bundle.has_role(Role.OFFICER))
        self.open_button = QPushButton(self.tr("打开事项"))
        self.open_button.setObjectName("reviewOpen")
        self.open_button.setToolTip(self.tr("打开所选事项的表单；已拟制变更、解密、延长表单的，打开新表单"))
        self.export_button = QPushButton(self.tr("导出报告…"))
        self.export_button.setObjectName("reviewExport")
        self.export_button.setToolTip(self.tr("PDF 与 XLSX，标注所列事项的最高密级，并记入审计日志"))
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.setObjectName("reviewRefresh")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年度")))
        top.addWidget(self.year)
        top.addWidget(self.scope)
        top.addStretch(1)
        buttons = (
            self.start_button,
            self.decide_button,
            self.open_button,
            self.export_button,
            self.refresh_button,
        )
        for button in buttons:
            top.addWidget(button)
        self.body.addLayout(top)
        self.error = ErrorLabel()
        self.error.setObjectName("reviewError")
        self.body.addWidget(self.error)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("reviewProgress")
        self.progress_label.setWordWrap(True)
        self.body.addWidget(self.progress_label)
        self.model = ReviewModel(self.service, lambda fn, done, err: self.run(fn, done, on_error=err))
        self.table = QTableView()
        self.table.setObjectName("reviewTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((60, 260, 110, 100, 110, 60, 280, 70)):
            self.table.setColumnWidth(column, width)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.feedback)
        self.model.loaded.connect(self._page_arrived)
        self.model.failed.connect(self._failed)
        self.year.editingFinished.connect(self.refresh)
        self.scope.currentIndexChanged.connect(lambda _index: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.start_button.clicked.connect(self.start)
        self.decide_button.clicked.connect(self.decide_selected)
        self.export_button.clicked.connect(self.export)
        self.open_button.clicked.connect(self.open_selected)
        self.table.doubleClicked.connect(lambda _index: self.decide_selected())

    # --- loading ------------------------------------------------------------------------------------
    def chosen_year(self) -> int | None:
        return chosen_year(self.year, self.error)

    def refresh(self) -> None:
        year = self.chosen_year()
        if year is None:
            return
        scope = self.scope.currentData()
        officer = self.bundle.info.username if scope == MINE else None
        self.model.load(WorklistFilter(year, officer, scope == PENDING))
        service = self.service
        self.run(lambda: service.progress(year), self._show_progress, on_error=self._failed)

    def _show_progress(self, progress: Progress) -> None:
        if not progress.total:
            self.progress_label.setText(
                self.tr("{0} 年度尚未建立审核清单：点击“建立审核清单”列入全部已定密事项。").format(
                    progress.year
                )
            )
            return
        parts = "；".join(f"{p.officer} {p.done}/{p.total}" for p in progress.by_officer)
        self.progress_label.setText(
            self.tr("进度：已审核 {0} / 共 {1} 项（{2}）").format(progress.done, progress.total, parts)
        )

    def _page_arrived(self) -> None:
        self.loaded()

    def _failed(self, exc: BaseException) -> None:
        self.error.show_message(message_of(exc))
        self.loaded()

    def clear_sensitive(self) -> None:
        self.model.clear()
        self.progress_label.clear()

    # --- actions ------------------------------------------------------------------------------------
    def start(self) -> None:
        year = self.chosen_year()
        if year is None:
            return
        service = self.service
        self.run(lambda: service.start(year), self._started, on_error=self._failed)

    def _started(self, result: StartResult) -> None:
        self.say(
            self.tr("{0} 年度审核清单：新增 {1} 项，共 {2} 项。").format(
                result.year, result.added, result.total
            )
        )
        self.refresh()

    def selected_row(self) -> ReviewRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def decide_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            self.error.show_message(self.tr("请先在清单中选择一项。"))
            return
        if row.outcome:
            self.error.show_message(self.tr("事项 {0} 已审核（{1}）。").format(row.form_id, row.outcome))
            return
        heading = self.tr("事项 {0}：{1}（{2}）").format(row.form_id, row.title, row.marking)
        answer = ReviewDialog.ask(self, heading)
        if answer is None:
            return
        self.error.show_message("")
        service, year, form_id = self.service, row.year, row.form_id
        outcome, opinion, password = answer.outcome, answer.opinion, answer.password
        self.run(
            lambda: service.decide(year, form_id, outcome, opinion, password=password),
            self._decided,
            on_error=self._failed,
        )

    def _decided(self, row: ReviewRow) -> None:
        self.model.replace_row(row)
        draft = (
            self.tr("，已拟制{0}表单 {1}").format(row.outcome, row.draft_form_id) if row.draft_form_id else ""
        )
        self.say(self.tr("事项 {0}：{1}（已签名）{2}。").format(row.form_id, row.outcome, draft))
        service, year = self.service, row.year
        self.run(lambda: service.progress(year), self._show_progress, on_error=self._failed)

    def open_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            self.error.show_message(self.tr("请先在清单中选择一项。"))
            return
        self.window_.open_form(row.draft_form_id or row.form_id)

    def export(self) -> None:
        year = self.chosen_year()
        if year is None:
            return
        path = SavePath.ask(
            self, self.tr("导出年度审核报告"), f"年度审核报告-{year}.pdf", self.tr("PDF 文件 (*.pdf)")
        )
        if not path:
            return
        pdf = Path(path)
        if pdf.suffix.lower() != ".pdf":
            pdf = pdf.with_suffix(".pdf")
        xlsx = pdf.with_suffix(".xlsx")
        service = self.service
        self.run(lambda: service.report(year, pdf=pdf, xlsx=xlsx), self._exported, on_error=self._failed)

    def _exported(self, result: Any) -> None:
        self.say(
            self.tr("已导出 {0} 年度审核报告（{1} 项，文件密级：{2}），PDF 与 XLSX 同名保存。").format(
                result.year, result.rows, result.marking
            )
        )
