"""The form page's 知悉人员 tab: the decided item's own 知悉人员, then every person added since (扩大知悉范围)
with when, by whose request and by whose approval; 增加知悉人员 (秘密 recorded at once, 机密/绝密 a request)
and, for the 定密责任人, 批准所选 with his password (保密法 Art 21 ¶3)."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dingmi_desktop.domain.roles import Role
from dingmi_desktop.domain.workflow import Status
from dingmi_desktop.services.knower_grants import PENDING, KnowerGrantView, KnowerList
from dingmi_desktop.ui.dialogs.prompts import DecisionDialog
from dingmi_desktop.ui.pages.annual_review_page import message_of
from dingmi_desktop.ui.widgets.fields import ErrorLabel

HEADERS = ("知悉人员", "状态", "时间", "批准人", "申请人", "理由")


def _tr(text: str) -> str:
    return QCoreApplication.translate("KnowerTab", text)


@dataclass(frozen=True)
class KnowerRequest:
    person: str
    reason: str


class KnowerRequestDialog(QDialog):
    """Who is added and why; the service judges the rest (duplicates, level, who may ask)."""

    _answers: ClassVar[deque[KnowerRequest | None]] = deque()

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("knowerRequestDialog")
        self.setWindowTitle(_tr("增加知悉人员"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.person = QLineEdit()
        self.person.setMaxLength(50)
        form.addRow(_tr("姓名："), self.person)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(80)
        form.addRow(_tr("理由（工作需要）："), self.reason)
        self.message = QLabel()
        self.message.setObjectName("inlineError")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        buttons.addButton(_tr("提交"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _try_accept(self) -> None:
        if not self.person.text().strip() or not self.reason.toPlainText().strip():
            self.message.setText(_tr("请填写姓名和理由。"))
            return
        self.accept()

    @classmethod
    def set_next_answer(cls, answer: KnowerRequest | None) -> None:
        cls._answers.append(answer)

    @classmethod
    def ask(cls, parent: QWidget | None) -> KnowerRequest | None:
        if cls._answers:
            return cls._answers.popleft()
        dialog = cls(parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return KnowerRequest(dialog.person.text().strip(), dialog.reason.toPlainText().strip())
        finally:
            dialog.deleteLater()


class KnowerTab(QWidget):
    def __init__(self, page: Any) -> None:
        super().__init__()
        self.setObjectName("knowerTab")
        self.page = page
        self.service = page.bundle.knowers
        self.form_id: int | None = None
        self.listing: KnowerList | None = None
        layout = QVBoxLayout(self)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("knowerTable")
        self.table.setHorizontalHeaderLabels([_tr(h) for h in HEADERS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(_tr("增加知悉人员…"))
        self.add_button.setObjectName("knowerAdd")
        self.add_button.setEnabled(False)  # until a decided item is shown
        self.approve_button = QPushButton(_tr("批准所选…"))
        self.approve_button.setObjectName("knowerApprove")
        self.approve_button.setVisible(page.bundle.has_role(Role.OFFICER))
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.approve_button)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.approve_button.clicked.connect(self.approve_selected)

    def show_for(self, form_id: int, status: Status) -> None:
        """Loads the list of a decided item; before the decision the editor's 知悉人员 field is the list."""
        self.form_id = form_id if status is Status.DECIDED else None
        self.error.show_message("")
        self.add_button.setEnabled(self.form_id is not None)
        if self.form_id is None or self.service is None:
            self.clear()
            self.note.setText(_tr("定密后，在此增加知悉人员（机密、绝密须经定密责任人批准）。"))
            return
        service, item = self.service, self.form_id
        self.page.run(lambda: service.knowers(item), self._show, on_error=self._failed)

    def _show(self, listing: KnowerList) -> None:
        self.listing = listing
        original = "、".join(listing.original) or "—"
        self.note.setText(
            _tr("定密时的知悉人员：{0}。此后增加的人员如下（{1}）：").format(original, listing.level)
        )
        self.table.setRowCount(len(listing.grants))
        for r, g in enumerate(listing.grants):
            when = self.page.bundle.when(g.approved_at or g.requested_at)
            for c, value in enumerate(
                (g.person, g.shown_status, when, g.approved_by, g.requested_by, g.reason)
            ):
                self.table.setItem(r, c, QTableWidgetItem(value or "—"))
        counted = len(listing.original) + sum(1 for g in listing.grants if g.status != PENDING)
        self.page.tabs.setTabText(2, _tr("知悉人员（{0}）").format(counted))

    def _failed(self, exc: BaseException) -> None:
        self.error.show_message(message_of(exc))

    def add(self) -> None:
        if self.form_id is None or self.service is None:
            return
        answer = KnowerRequestDialog.ask(self)
        if answer is None:
            return
        service, item = self.service, self.form_id
        self.page.run(
            lambda: service.request(item, answer.person, answer.reason), self._done, on_error=self._failed
        )

    def selected(self) -> KnowerGrantView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.listing is None:
            return None
        return self.listing.grants[rows[0].row()]

    def approve_selected(self) -> None:
        grant = self.selected()
        if grant is None or grant.status != PENDING or self.service is None:
            self.error.show_message(_tr("请选择一条“待批准”的申请。"))
            return
        title = _tr("批准“{0}”知悉此{1}事项").format(grant.person, grant.level)
        answer = DecisionDialog.ask(self, title)
        if answer is None:
            return
        service, grant_id = self.service, grant.id
        opinion, password = answer.opinion, answer.password
        self.page.run(
            lambda: service.approve(grant_id, password=password, opinion=opinion),
            self._done,
            on_error=self._failed,
        )

    def _done(self, grant: KnowerGrantView) -> None:
        self.error.show_message("")
        if grant.status == PENDING:
            self.page.say(_tr("已提交申请：增加“{0}”须经定密责任人批准。").format(grant.person))
        else:
            self.page.say(_tr("“{0}”已加入知悉人员（{1}）。").format(grant.person, grant.status))
        if self.form_id is not None and self.service is not None:
            service, item = self.service, self.form_id
            self.page.run(lambda: service.knowers(item), self._show, on_error=self._failed)

    def clear(self) -> None:
        self.listing = None
        self.table.setRowCount(0)
        self.note.clear()
