"""The approval dialog: opinion, optional corrections of 密级 / 期限 / 知悉范围, and the password again."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import ClassVar

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from dingmi_desktop.domain.approval import Corrections
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import DomainError
from dingmi_desktop.domain.marking import STAR, marking_text, parse_marking, period_text
from dingmi_desktop.domain.periods import Period


@dataclass(frozen=True)
class ApprovalAnswer:
    opinion: str
    password: str
    corrections: Corrections | None = None


class ApprovalDialog(QDialog):
    _answers: ClassVar[deque[ApprovalAnswer | None]] = deque()

    def __init__(
        self,
        parent: QWidget | None,
        marking: str,
        category: Category,
        period: Period | None,
        scope: str,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("approvalDialog")
        self.setWindowTitle(self.tr("批准定密"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        proposed = QLabel(
            self.tr("拟定：{0}　知悉范围：{1}").format(marking or self.tr("非密"), scope or "—")
        )
        proposed.setWordWrap(True)
        layout.addWidget(proposed)
        self.correct = QCheckBox(self.tr("更正密级、保密期限或知悉范围"))
        self.correct.setObjectName("approvalCorrect")
        layout.addWidget(self.correct)
        self.box = QGroupBox(self.tr("更正后的值"))
        form = QFormLayout(self.box)
        self.category = QComboBox()
        self.category.setObjectName("approvalCategory")
        for member in Category:
            self.category.addItem(member.value, member)
        self.category.setCurrentIndex(list(Category).index(category))
        self.period = QLineEdit(period_text(period) if period else "")
        self.period.setObjectName("approvalPeriod")
        self.period.setPlaceholderText(self.tr("例如：5年、6个月、2030年12月31日"))
        self.scope = QLineEdit(scope)
        self.scope.setObjectName("approvalScope")
        self.preview = QLabel()
        self.preview.setObjectName("markingPreview")
        form.addRow(self.tr("密级："), self.category)
        form.addRow(self.tr("保密期限："), self.period)
        form.addRow(self.tr("知悉范围："), self.scope)
        form.addRow(self.tr("标志："), self.preview)
        self.box.setVisible(False)
        layout.addWidget(self.box)
        opinions = QFormLayout()
        self.opinion = QPlainTextEdit()
        self.opinion.setObjectName("decisionOpinion")
        self.opinion.setTabChangesFocus(True)
        self.opinion.setFixedHeight(70)
        self.opinion.setPlaceholderText(self.tr("例如：同意按机密级、10年管理"))
        self.password = QLineEdit()
        self.password.setObjectName("decisionPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        opinions.addRow(self.tr("审批意见："), self.opinion)
        opinions.addRow(self.tr("再次输入密码："), self.password)
        layout.addLayout(opinions)
        self.message = QLabel()
        self.message.setObjectName("inlineError")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("批准并签名"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._original = (category, period, scope)
        self.correct.toggled.connect(self.box.setVisible)
        self.correct.toggled.connect(self.adjustSize)
        self.category.currentIndexChanged.connect(self._update_preview)
        self.period.textChanged.connect(self._update_preview)
        self._update_preview()

    def _corrected_period(self) -> tuple[Period | None, str]:
        category: Category = self.category.currentData()
        if not category.is_state_secret:
            return None, ""
        text = self.period.text().strip()
        if not text:
            return None, self.tr("请填写保密期限")
        try:
            return parse_marking(f"{category.value}{STAR}{text}")[1], ""
        except DomainError as exc:
            return None, exc.message

    def _update_preview(self) -> None:
        period, problem = self._corrected_period()
        self.preview.setText(
            problem or marking_text(self.category.currentData(), period) or self.tr("（无标志）")
        )

    def corrections(self) -> tuple[Corrections | None, str]:
        if not self.correct.isChecked():
            return None, ""
        period, problem = self._corrected_period()
        if problem:
            return None, problem
        category, old_period, old_scope = self._original
        new_category: Category = self.category.currentData()
        scope = self.scope.text().strip()
        corrections = Corrections(
            category=new_category if new_category is not category else None,
            period=period if period != old_period else None,
            scope=scope if scope != old_scope else None,
        )
        return (None if corrections.is_empty else corrections), ""

    def _try_accept(self) -> None:
        _corrections, problem = self.corrections()
        if problem:
            self.message.setText(problem)
            return
        if not self.password.text():
            self.message.setText(self.tr("请输入密码。"))
            return
        self.accept()

    @classmethod
    def set_next_answer(cls, answer: ApprovalAnswer | None) -> None:
        cls._answers.append(answer)

    @classmethod
    def clear_answers(cls) -> None:
        cls._answers.clear()

    @classmethod
    def ask(
        cls, parent: QWidget | None, marking: str, category: Category, period: Period | None, scope: str
    ) -> ApprovalAnswer | None:
        if cls._answers:
            return cls._answers.popleft()
        dialog = cls(parent, marking, category, period, scope)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            corrections, _problem = dialog.corrections()
            return ApprovalAnswer(dialog.opinion.toPlainText().strip(), dialog.password.text(), corrections)
        finally:
            dialog.password.clear()
            dialog.deleteLater()
