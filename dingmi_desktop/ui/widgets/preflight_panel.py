"""Early warnings on the form page: what the approval would refuse or question (domain.preflight)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from dingmi_desktop.ui.widgets.decision_notes import SELECTABLE

_STYLE = "QFrame#preflightPanel { background: #fdf2f2; border: 1px solid #e4a0a0; border-radius: 6px; }"


class PreflightPanel(QFrame):
    """A heading and one selectable, word-wrapped line per warning; hidden when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preflightPanel")
        self.setStyleSheet(_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        self.heading = QLabel()
        self.heading.setObjectName("preflightHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.text = QLabel()
        self.text.setObjectName("preflightText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(SELECTABLE)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        self.warnings: list[Any] = []
        self.hide()

    def set_warnings(self, warnings: list[Any], *, drafting: bool) -> None:
        self.warnings = list(warnings)
        if not self.warnings:
            self.clear()
            return
        if drafting:
            heading = self.tr("提交前请注意：按当前内容，审批时可能不予批准（{0} 项）")
        else:
            heading = self.tr("审批前提示：按表单内容，审批时可能不予批准（{0} 项）")
        self.heading.setText(heading.format(len(self.warnings)))
        self.text.setText("\n".join(f"• {w.message}" for w in self.warnings))
        self.show()

    def messages(self) -> list[str]:
        return [w.message for w in self.warnings]

    def clear(self) -> None:
        self.warnings = []
        self.heading.clear()
        self.text.clear()
        self.hide()
