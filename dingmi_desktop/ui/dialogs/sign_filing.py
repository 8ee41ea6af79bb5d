"""The officer's signing prompt for a filing (备案/报备): what he signs, in words, and the password again."""

from __future__ import annotations

from collections import deque
from typing import ClassVar

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class SignFilingDialog(QDialog):
    """What the officer signs, in words (and the 内容摘要 of a draft), and the password again.
    Test seam: ``set_next_answer(password | None)`` (None: the officer cancels)."""

    _answers: ClassVar[deque[str | None]] = deque()

    def __init__(self, parent: QWidget | None, title: str, lines: list[str]) -> None:
        super().__init__(parent)
        self.setObjectName("signFilingDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        summary = QLabel("\n".join(lines))
        summary.setObjectName("signFilingSummary")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        layout.addWidget(QLabel(self.tr("再次输入密码（以您的签名密钥签发）：")))
        self.password = QLineEdit()
        self.password.setObjectName("signFilingPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addWidget(self.password)
        self.message = QLabel()
        self.message.setObjectName("inlineError")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("签发"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _try_accept(self) -> None:
        if not self.password.text():
            self.message.setText(self.tr("请输入密码。"))
            return
        self.accept()

    @classmethod
    def set_next_answer(cls, password: str | None) -> None:
        cls._answers.append(password)

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, lines: list[str]) -> str | None:
        if cls._answers:
            return cls._answers.popleft()
        dialog = cls(parent, title, lines)
        try:
            return dialog.password.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.password.clear()
            dialog.deleteLater()
