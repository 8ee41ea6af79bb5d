"""The officer's review of one item: 维持 / 变更 / 解密 / 延长, the opinion (required) and the password."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from dingmi_desktop.services.annual_review_models import OUTCOMES


@dataclass(frozen=True)
class ReviewAnswer:
    outcome: str
    opinion: str
    password: str


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReviewDialog", text)


class ReviewDialog(QDialog):
    _answers: ClassVar[deque[ReviewAnswer | None]] = deque()

    def __init__(self, parent: QWidget | None, heading: str) -> None:
        super().__init__(parent)
        self.setObjectName("reviewDialog")
        self.setWindowTitle(_tr("年度审核"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        title = QLabel(heading)
        title.setWordWrap(True)
        layout.addWidget(title)
        form = QFormLayout()
        layout.addLayout(form)
        self.outcome = QComboBox()
        self.outcome.setObjectName("reviewOutcome")
        self.outcome.addItems(list(OUTCOMES))
        form.addRow(_tr("审核结论："), self.outcome)
        hint = QLabel(_tr("变更、解密、延长将拟制相应的定密表单，按审批流程办理。"))
        hint.setObjectName("hintLabel")
        hint.setWordWrap(True)
        form.addRow("", hint)
        self.opinion = QPlainTextEdit()
        self.opinion.setObjectName("reviewOpinion")
        self.opinion.setTabChangesFocus(True)
        self.opinion.setFixedHeight(90)
        form.addRow(_tr("审核意见："), self.opinion)
        self.password = QLineEdit()
        self.password.setObjectName("reviewPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(_tr("再次输入密码："), self.password)
        self.message = QLabel()
        self.message.setObjectName("inlineError")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        buttons.addButton(_tr("签署"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # The outcome is a signed decision: the dialog opens in the opinion, so a wheel over the outcome
        # does not change it (combo boxes take the wheel only with keyboard focus, ui.wheel_guard).
        self.opinion.setFocus()

    def _try_accept(self) -> None:
        if not self.opinion.toPlainText().strip():
            self.message.setText(_tr("请填写审核意见：为什么维持、变更、解密或延长。"))
            self.opinion.setFocus()
            return
        if not self.password.text():
            self.message.setText(_tr("请再次输入密码，签署前需验证身份。"))
            self.password.setFocus()
            return
        self.accept()

    @classmethod
    def set_next_answer(cls, answer: ReviewAnswer | None) -> None:
        """Test seam: None means the user cancels."""
        cls._answers.append(answer)

    @classmethod
    def ask(cls, parent: QWidget | None, heading: str) -> ReviewAnswer | None:
        if cls._answers:
            return cls._answers.popleft()
        dialog = cls(parent, heading)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            text = dialog.opinion.toPlainText().strip()
            return ReviewAnswer(dialog.outcome.currentText(), text, dialog.password.text())
        finally:
            dialog.password.clear()
            dialog.deleteLater()
