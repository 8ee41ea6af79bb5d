"""Small modal prompts with test seams.

Every prompt has a class-level queue: ``set_next_answer(...)`` makes the next ``ask`` return that answer
without showing anything, so GUI tests drive the real code paths without clicking into modal loops.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


class _Seam:
    _answers: ClassVar[deque[Any]]

    def __init_subclass__(cls) -> None:
        cls._answers = deque()

    @classmethod
    def set_next_answer(cls, answer: Any) -> None:
        cls._answers.append(answer)

    @classmethod
    def clear_answers(cls) -> None:
        cls._answers.clear()

    @classmethod
    def _take(cls) -> tuple[bool, Any]:
        if cls._answers:
            return True, cls._answers.popleft()
        return False, None


class Confirm(_Seam):
    """Yes / no question."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str) -> bool:
        seeded, answer = cls._take()
        if seeded:
            return bool(answer)
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        box.setObjectName("confirmDialog")
        yes = box.addButton(QCoreApplication.translate("prompts", "确定"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QCoreApplication.translate("prompts", "取消"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is yes


class SaveChoice:
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class UnsavedChanges(_Seam):
    """Save / discard / cancel when closing an edited form."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> str:
        seeded, answer = cls._take()
        if seeded:
            return str(answer)
        box = QMessageBox(parent)
        box.setObjectName("unsavedChangesDialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("prompts", "未保存的修改"))
        box.setText(QCoreApplication.translate("prompts", "表单有未保存的修改。关闭前要保存吗？"))
        save = box.addButton(QCoreApplication.translate("prompts", "保存"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(
            QCoreApplication.translate("prompts", "不保存"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(QCoreApplication.translate("prompts", "取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return SaveChoice.SAVE
        if clicked is discard:
            return SaveChoice.DISCARD
        return SaveChoice.CANCEL


@dataclass(frozen=True)
class Decision:
    """What the user entered in a decision dialog."""

    opinion: str
    password: str
    agree: bool = True


class DecisionDialog(QDialog):
    """Opinion (+ agree/disagree for a review) and, when signing, the password again."""

    _answers: ClassVar[deque[Decision | None]] = deque()

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        *,
        with_vote: bool = False,
        opinion_required: bool = False,
        ask_password: bool = True,
        opinion_label: str = "",
        default_opinion: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("decisionDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self._opinion_required = opinion_required
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.agree = QRadioButton(QCoreApplication.translate("prompts", "同意"))
        self.agree.setObjectName("voteAgree")
        self.disagree = QRadioButton(QCoreApplication.translate("prompts", "不同意"))
        self.disagree.setObjectName("voteDisagree")
        self.agree.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.agree)
        group.addButton(self.disagree)
        if with_vote:
            votes = QWidget()
            row = QVBoxLayout(votes)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(self.agree)
            row.addWidget(self.disagree)
            form.addRow(QCoreApplication.translate("prompts", "审核结论："), votes)
        self.opinion = QPlainTextEdit(default_opinion)
        self.opinion.setObjectName("decisionOpinion")
        self.opinion.setTabChangesFocus(True)
        self.opinion.setFixedHeight(90)
        form.addRow(opinion_label or QCoreApplication.translate("prompts", "意见："), self.opinion)
        self.password = QLineEdit()
        self.password.setObjectName("decisionPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        if ask_password:
            form.addRow(QCoreApplication.translate("prompts", "再次输入密码："), self.password)
            hint = QLabel(QCoreApplication.translate("prompts", "签署前需再次验证身份。"))
            hint.setObjectName("hintLabel")
            form.addRow("", hint)
        self.message = QLabel()
        self.message.setObjectName("inlineError")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        buttons.addButton(
            QCoreApplication.translate("prompts", "确定"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(
            QCoreApplication.translate("prompts", "取消"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._ask_password = ask_password

    def _try_accept(self) -> None:
        if self._opinion_required and not self.opinion.toPlainText().strip():
            self.message.setText(QCoreApplication.translate("prompts", "请填写意见或理由。"))
            self.opinion.setFocus()
            return
        if self._ask_password and not self.password.text():
            self.message.setText(QCoreApplication.translate("prompts", "请输入密码。"))
            self.password.setFocus()
            return
        self.accept()

    def result_value(self) -> Decision:
        return Decision(
            opinion=self.opinion.toPlainText().strip(),
            password=self.password.text(),
            agree=self.agree.isChecked(),
        )

    @classmethod
    def set_next_answer(cls, answer: Decision | None) -> None:
        """None means the user cancels."""
        cls._answers.append(answer)

    @classmethod
    def clear_answers(cls) -> None:
        cls._answers.clear()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, **options: Any) -> Decision | None:
        if cls._answers:
            return cls._answers.popleft()
        dialog = cls(parent, title, **options)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.result_value()
        finally:
            dialog.password.clear()
            dialog.deleteLater()


class FolderPath(_Seam):
    """A folder to write into; ``set_next_answer(path or None)`` in tests."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, start: str) -> str | None:
        seeded, answer = cls._take()
        if seeded:
            return None if answer is None else str(answer)
        from PySide6.QtWidgets import QFileDialog

        return QFileDialog.getExistingDirectory(parent, title, start) or None


class SavePath(_Seam):
    """Where to save a file; ``set_next_answer(path or None)`` in tests."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, suggested: str, file_filter: str) -> str | None:
        seeded, answer = cls._take()
        if seeded:
            return None if answer is None else str(answer)
        from PySide6.QtWidgets import QFileDialog

        path, _selected = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
        return path or None


class OpenPath(_Seam):
    """A file to read; ``set_next_answer(path or None)`` in tests."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, start: str, file_filter: str) -> str | None:
        seeded, answer = cls._take()
        if seeded:
            return None if answer is None else str(answer)
        from PySide6.QtWidgets import QFileDialog

        path, _selected = QFileDialog.getOpenFileName(parent, title, start, file_filter)
        return path or None
