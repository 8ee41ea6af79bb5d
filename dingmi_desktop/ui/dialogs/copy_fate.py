"""登记去向: 分发 (to whom), 收回 or 销毁 (with a witness) of a range of one print job's copies.

The dialog checks what it can see (份号 are numbers inside the job's range, a date is given); the service
checks the rest (each copy's state, the dates, who may record) and its message is shown on the page.
Test seam: ``CopyFateDialog.set_next_answer(CopyEventRequest | None)``.
"""

from __future__ import annotations

from collections import deque
from datetime import date
from typing import Any, ClassVar

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dingmi_desktop.services.copy_fate import DESTROY, DISTRIBUTE, FATES, CopyEventRequest
from dingmi_desktop.ui.widgets.date_field import OptionalDateEdit
from dingmi_desktop.ui.widgets.fields import ErrorLabel


class CopyFateDialog(QDialog):
    _answers: ClassVar[deque[CopyEventRequest | None]] = deque()

    def __init__(self, parent: QWidget | None, entry: Any, today: date) -> None:
        super().__init__(parent)
        self.setObjectName("copyFateDialog")
        self.setWindowTitle(self.tr("登记印制件去向"))
        self.setMinimumWidth(480)
        self.entry = entry
        first, last = (int(n) for n in entry.copy_range.split("—"))
        self.first_copy, self.last_copy = first, last
        layout = QVBoxLayout(self)
        about = QLabel(
            self.tr("{0}　{1}　份号 {2}（{3}）").format(
                entry.form_id, entry.title, entry.copy_range, entry.fate
            )
        )
        about.setWordWrap(True)
        layout.addWidget(about)
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("copyFateKind")
        for kind in FATES:
            self.kind.addItem(kind, kind)
        self.copies_from = QLineEdit(str(first))
        self.copies_from.setObjectName("copyFateFrom")
        self.copies_to = QLineEdit(str(last))
        self.copies_to.setObjectName("copyFateTo")
        self.party = QLineEdit()
        self.party.setObjectName("copyFateParty")
        self.party.setPlaceholderText(self.tr("分发：接收的单位或人员；收回：交回人"))
        self.witness = QLineEdit()
        self.witness.setObjectName("copyFateWitness")
        self.witness.setPlaceholderText(self.tr("销毁时必填"))
        self.day = OptionalDateEdit(today=lambda: today)
        self.day.setObjectName("copyFateDate")
        self.day.set_value(today)
        self.note = QLineEdit()
        self.note.setObjectName("copyFateNote")
        form.addRow(self.tr("去向："), self.kind)
        form.addRow(self.tr("起份号："), self.copies_from)
        form.addRow(self.tr("止份号："), self.copies_to)
        form.addRow(self.tr("对象："), self.party)
        form.addRow(self.tr("监销人："), self.witness)
        form.addRow(self.tr("日期："), self.day)
        form.addRow(self.tr("备注："), self.note)
        layout.addLayout(form)
        self.error = ErrorLabel()
        self.error.setObjectName("copyFateError")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._follow_kind())
        self._follow_kind()

    def _follow_kind(self) -> None:
        kind = self.kind.currentData()
        self.party.setEnabled(kind != DESTROY)
        self.witness.setEnabled(kind == DESTROY)

    def problem(self) -> str:
        numbers = []
        for field in (self.copies_from, self.copies_to):
            text = field.text().strip()
            if not (text.isascii() and text.isdigit()):
                return self.tr("份号须为数字，例如 1 或 000001。")
            numbers.append(int(text))
        if not self.first_copy <= numbers[0] <= numbers[1] <= self.last_copy:
            return self.tr("份号须在 {0}—{1} 之内，且起号不大于止号。").format(
                self.first_copy, self.last_copy
            )
        if self.day.value() is None:
            return self.day.problem() or self.tr("请填写日期，例如 2026-11-30。")
        if self.kind.currentData() == DISTRIBUTE and not self.party.text().strip():
            return self.tr("分发须写明接收的单位或人员。")
        if self.kind.currentData() == DESTROY and not self.witness.text().strip():
            return self.tr("销毁须写明监销人。")
        return ""

    def request(self) -> CopyEventRequest:
        day = self.day.value()
        assert day is not None  # problem() was empty
        kind = self.kind.currentData()
        return CopyEventRequest(
            print_id=self.entry.id,
            kind=kind,
            copies_from=int(self.copies_from.text()),
            copies_to=int(self.copies_to.text()),
            on=day,
            party=self.party.text() if kind != DESTROY else "",
            witness=self.witness.text() if kind == DESTROY else "",
            note=self.note.text(),
        )

    def _accept(self) -> None:
        problem = self.problem()
        self.error.show_message(problem)
        if not problem:
            self.accept()

    @classmethod
    def set_next_answer(cls, answer: CopyEventRequest | None) -> None:
        cls._answers.append(answer)

    @classmethod
    def clear_answers(cls) -> None:
        cls._answers.clear()

    @classmethod
    def ask(cls, parent: QWidget | None, entry: Any, today: date) -> CopyEventRequest | None:
        if cls._answers:
            return cls._answers.popleft()
        dialog = cls(parent, entry, today)
        try:
            return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
