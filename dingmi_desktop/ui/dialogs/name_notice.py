"""以您的名义进行的操作: shown after the sign-in that follows a password reset (services.name_notice).

The user reads the list and presses 我已阅知 (audited); closing without it shows the notice again at the
next sign-in. Tests answer through the ``NameNoticeDialog`` seam (True: acknowledged)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from dingmi_desktop.ui.dialogs.prompts import _Seam


class NameNoticeDialog(QDialog, _Seam):
    """Modal; ``ask(parent, notice, lines)`` → True when the user acknowledged."""

    def __init__(self, notice: Any, lines: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nameNoticeDialog")
        self.setWindowTitle(self.tr("以您的名义进行的操作"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        head = QLabel(lines[0])
        head.setObjectName("nameNoticeHead")
        head.setWordWrap(True)
        layout.addWidget(head)
        self.entries = QListWidget()
        self.entries.setObjectName("nameNoticeEntries")
        for line in lines[1:-1]:
            self.entries.addItem(line.strip())
        layout.addWidget(self.entries, 1)
        foot = QLabel(lines[-1])
        foot.setWordWrap(True)
        foot.setStyleSheet("color: #b42318; font-weight: bold;")
        layout.addWidget(foot)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("我已阅知"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("稍后再看"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, notice: Any, lines: list[str]) -> bool:
        seeded, answer = cls._take()
        if seeded:
            return bool(answer)
        dialog = cls(notice, lines, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
