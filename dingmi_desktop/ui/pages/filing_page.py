"""备案报备: the office's filings to its superior. The 保密员 (or the officer) prepares a draft of a period;
only the 定密责任人 signs it, re-entering his password, and sees the 内容摘要 he signs. Every filing is
listed with its signature checked; each exports as a marked PDF or XLSX (audited by the service)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from dingmi_desktop.domain.errors import ValidationError
from dingmi_desktop.services.filing import FilingView
from dingmi_desktop.services.filing_content import KINDS, FilingRequest
from dingmi_desktop.ui.dialogs.prompts import SavePath
from dingmi_desktop.ui.dialogs.sign_filing import SignFilingDialog
from dingmi_desktop.ui.pages.base import ServicePage
from dingmi_desktop.ui.widgets.date_field import OptionalDateEdit
from dingmi_desktop.ui.widgets.fields import ErrorLabel
from dingmi_desktop.ui.widgets.table import RecordTable

OFFICER = "定密责任人"


class FilingPage(ServicePage):
    def __init__(self, bundle: Any, ops: Any, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("备案报备"), bundle, ops, window, parent)
        self.setObjectName("filingPage")
        self.service = bundle.filing
        self.views: list[FilingView] = []
        self._select_id: int | None = None  # the filing just made: selected once the list is back
        self.kind = QComboBox()
        self.kind.setObjectName("filingKind")
        for kind in KINDS:
            self.kind.addItem(self.tr(kind), kind)
        self.first = OptionalDateEdit(today=bundle.today)
        self.first.setObjectName("filingFrom")
        self.last = OptionalDateEdit(today=bundle.today)
        self.last.setObjectName("filingTo")
        today = bundle.today()
        self.first.set_value(today.replace(day=1))
        self.last.set_value(today)
        self.superior = QLineEdit()
        self.superior.setObjectName("filingSuperior")
        self.superior.setPlaceholderText(self.tr("例如：某某市国家保密局"))
        self.superior.setMaxLength(200)
        row = QHBoxLayout()
        for label, widget in (
            (self.tr("类别"), self.kind),
            (self.tr("期间"), self.first),
            (self.tr("至"), self.last),
            (self.tr("上级机关"), self.superior),
        ):
            row.addWidget(QLabel(label))
            row.addWidget(widget, 2 if widget is self.superior else 0)
        self.body.addLayout(row)
        officer = bundle.has_role(OFFICER)
        self.prepare_button = self._button("filingPrepare", self.tr("拟制草稿"), self.prepare)
        self.issue_button = self._button("filingIssue", self.tr("拟制并签发…"), self.issue)
        self.sign_button = self._button("filingSign", self.tr("签发所选草稿…"), self.sign)
        self.export_button = self._button("filingExport", self.tr("导出所选…"), self.export)
        for button in (self.issue_button, self.sign_button):
            button.setVisible(officer)  # only the 定密责任人 signs; the service refuses anyone else too
        buttons = QHBoxLayout()
        for button in (self.prepare_button, self.issue_button, self.sign_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        self.body.addLayout(buttons)
        self.error = ErrorLabel()
        self.error.setObjectName("filingError")
        self.body.addWidget(self.error)
        headers = [
            "编号",
            "类别",
            "期间",
            "上级机关",
            "事项数",
            "密级",
            "状态",
            "电子签名",
            "拟制",
            "签发人",
            "签发时间",
        ]
        self.table = RecordTable([self.tr(h) for h in headers], stretch_column=3)
        self.table.setObjectName("filingTable")
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_digest())
        self.body.addWidget(self.table, 1)
        self.digest = QLabel()
        self.digest.setObjectName("filingDigest")
        self.digest.setWordWrap(True)
        self.body.addWidget(self.digest)
        self.body.addWidget(self.feedback)

    def _button(self, name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def refresh(self) -> None:
        service = self.service
        self.run(service.filings, self._show, label="filings", on_error=self._failed)

    def _show(self, views: list[FilingView]) -> None:
        self.views = views
        rows = []
        for v in views:
            r = v.row
            signature = self.tr("有效") if v.signed and v.valid else "—" if v.valid else self.tr("无效")
            period = f"{r.period_from} 至 {r.period_to}"
            cells = [r.id, r.kind, period, r.superior, r.item_count, v.content["marking"], r.status]
            rows.append((v, [*cells, signature, v.prepared_by, v.signer, v.signed_text]))
        chosen = self._select_id
        if chosen is None and self.table.selected_record() is not None:
            chosen = self.table.selected_record().row.id  # a refresh keeps the row the user chose
        self.table.set_rows(rows)
        self._select_id = None
        if chosen is not None:
            self.table.select_where(lambda v: v.row.id == chosen)
        self._show_digest()
        self.loaded()

    def _show_digest(self) -> None:
        view = self.table.selected_record()
        if view is None:
            self.digest.setText(self.tr("选择一份备案查看其内容摘要与核验结果。"))
            return
        text = self.tr("备案 {0} 内容摘要（SHA-256）：{1}").format(view.row.id, view.row.content_digest)
        if view.row.problem:
            text += self.tr("；核验失败：{0}").format(view.row.problem)
        self.digest.setText(text)

    def _request(self) -> FilingRequest | None:
        problems = [p for p in (self.first.problem(), self.last.problem()) if p]
        if problems:
            self.error.show_message("；".join(problems))
            return None
        self.error.show_message("")
        return FilingRequest(
            str(self.kind.currentData()), self.first.value(), self.last.value(), self.superior.text()
        )

    def _busy(self, busy: bool) -> None:
        """One filing step at a time: a double click does not prepare two drafts."""
        for button in (self.prepare_button, self.issue_button, self.sign_button):
            button.setEnabled(not busy)

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, ValidationError):
            self.error.show_message("；".join(p.message for p in exc.problems))
        else:
            self.say(getattr(exc, "message", "") or self.tr("操作失败：{0}").format(exc))
        self.loaded()

    def _done(self, view: FilingView) -> None:
        self._busy(False)
        r = view.row
        if view.signed:
            self.say(
                self.tr("{0} {1} 已签发：共 {2} 项，已记入审计日志。").format(r.kind, r.id, r.item_count)
            )
        else:
            self.say(self.tr("已拟制草稿 {0}：共 {1} 项，待定密责任人签发。").format(r.id, r.item_count))
        self._select_id = r.id
        self.refresh()

    def prepare(self) -> None:
        request = self._request()
        if request is not None:
            service = self.service
            self._busy(True)
            self.run(
                lambda: service.prepare(request), self._done, label="filing prepare", on_error=self._failed
            )

    def issue(self) -> None:
        request = self._request()
        if request is None:
            return
        lines = [
            self.tr("类别：{0}").format(request.kind),
            self.tr("期间：{0} 至 {1}").format(request.period_from, request.period_to),
            self.tr("上级机关：{0}").format(request.superior.strip()),
            self.tr("拟制本期事项清单并立即以电子签名签发。"),
        ]
        password = SignFilingDialog.ask(self, self.tr("拟制并签发{0}").format(request.kind), lines)
        if password is None:
            return
        service = self.service
        self._busy(True)
        self.run(
            lambda: service.issue(request, password=password),
            self._done,
            label="filing issue",
            on_error=self._failed,
        )

    def sign(self) -> None:
        view = self.table.selected_record()
        if view is None or view.signed:
            self.say(self.tr("请先选择一份状态为“草稿”的备案。"))
            return
        r = view.row
        lines = [
            self.tr("{0} {1}：{2} 至 {3}，报 {4}").format(
                r.kind, r.id, r.period_from, r.period_to, r.superior
            ),
            self.tr("共 {0} 项，拟制：{1}").format(r.item_count, view.prepared_by),
            self.tr("所签内容摘要（SHA-256）：{0}").format(r.content_digest),
        ]
        password = SignFilingDialog.ask(self, self.tr("签发{0} {1}").format(r.kind, r.id), lines)
        if password is None:
            return
        service, filing_id, digest = self.service, r.id, r.content_digest
        self._busy(True)
        self.run(
            lambda: service.sign(filing_id, password=password, digest=digest),
            self._done,
            label="filing sign",
            on_error=self._failed,
        )

    def export(self) -> None:
        view = self.table.selected_record()
        if view is None:
            self.say(self.tr("请先选择要导出的备案。"))
            return
        suggested = f"{view.row.kind}-{view.row.period_from}至{view.row.period_to}.pdf"
        path = SavePath.ask(
            self, self.tr("导出备案"), suggested, self.tr("PDF 文件 (*.pdf);;Excel 工作簿 (*.xlsx)")
        )
        if not path:
            return
        out = Path(path)
        fmt = out.suffix.lower().lstrip(".")
        if fmt not in ("pdf", "xlsx"):
            self.say(self.tr("文件名须以 .pdf 或 .xlsx 结尾：{0}").format(out.name))
            return
        service, filing_id, marking = self.service, view.row.id, view.content["marking"]
        self.run(
            lambda: service.export(filing_id, out, fmt),
            lambda done: self.say(
                self.tr("已导出到 {0}（文件密级：{1}），已记入审计日志。").format(done, marking)
            ),
            label="filing export",
            on_error=self._failed,
        )

    def clear_sensitive(self) -> None:
        self.views = []
        self.table.clear_rows()
        self.digest.clear()
