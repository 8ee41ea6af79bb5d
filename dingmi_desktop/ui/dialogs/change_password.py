"""Forced change of an initial, reset or expired password (and voluntary change from the menu).

Keys: Enter moves to the next empty password field, then submits; 取消 is never the Enter target. While the
keys are being re-derived, Enter, Escape and closing the window do nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dingmi_desktop.ui.dialogs.sign_in import is_enter
from dingmi_desktop.ui.widgets.password_edit import CapsLockHint, PasswordEdit

PolicyCheck = Callable[[str], list[str]]


class ChangePasswordDialog(QDialog):
    """Emits ``submitted(old, new)`` once both new entries match and the policy check passes."""

    submitted = Signal(str, str)

    def __init__(
        self,
        username: str,
        policy_check: PolicyCheck,
        *,
        reason: str = "",
        old_password: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("修改密码"))
        self.setMinimumWidth(460)
        self._check = policy_check
        self._old_known = old_password
        layout = QVBoxLayout(self)
        intro = QLabel(reason or self.tr("请为 {0} 设置新密码。").format(username))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.old = PasswordEdit()
        self.old.setText(old_password or "")
        self.old.setObjectName("oldPassword")
        self.new = PasswordEdit()
        self.new.setObjectName("newPassword")
        self.repeat = PasswordEdit()
        self.repeat.setObjectName("repeatPassword")
        self.caps_hint = CapsLockHint(self.new, self.repeat)
        self._edits = [self.new, self.repeat]
        if old_password is None:
            form.addRow(self.tr("当前密码："), self.old)
            self.caps_hint.watch(self.old)
            self._edits.insert(0, self.old)
        form.addRow(self.tr("新密码："), self.new)
        form.addRow(self.tr("再次输入："), self.repeat)
        form.addRow("", self.caps_hint)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("inlineError")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel = cancel = QPushButton(self.tr("取消"))
        cancel.setObjectName("changePasswordCancel")
        cancel.setAutoDefault(False)  # focused, Qt would make it the Enter target
        cancel.clicked.connect(self.reject)
        self.ok = QPushButton(self.tr("修改密码"))
        self.ok.setObjectName("changePasswordOk")
        self.ok.setProperty("primary", True)
        self.ok.setDefault(True)
        self.ok.clicked.connect(self._submit)
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok)
        layout.addLayout(buttons)
        self.new.textChanged.connect(self._live_check)
        (self.new if old_password is not None else self.old).setFocus()
        self.busy = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.busy and (is_enter(event) or event.key() == Qt.Key.Key_Escape):
            event.accept()
            return
        focused = self.focusWidget()
        if is_enter(event) and focused in self._edits:
            event.accept()
            later = self._edits[self._edits.index(focused) + 1 :]
            empty = next((edit for edit in later if not edit.text()), None)
            if empty is not None:
                empty.setFocus()
            else:
                self._submit()
            return
        if is_enter(event) and isinstance(focused, QPushButton):
            event.accept()  # Enter on a focused 取消 cancels; QDialog would click 修改密码 instead
            if focused.isEnabled():
                focused.click()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy and event.spontaneous():
            event.ignore()
            return
        super().closeEvent(event)

    def _live_check(self) -> None:
        problems = self._check(self.new.text()) if self.new.text() else []
        self.message.setText("；".join(problems))

    def attempt(self, new_password: str, old_password: str | None = None) -> None:
        """Test seam: fill and submit."""
        if old_password is not None:
            self.old.setText(old_password)
        self.new.setText(new_password)
        self.repeat.setText(new_password)
        self._submit()

    def _submit(self) -> None:
        if self.busy:
            return
        new = self.new.text()
        if not self.old.text():
            self.message.setText(self.tr("请输入当前密码。"))
            return
        if new != self.repeat.text():
            self.message.setText(self.tr("两次输入的新密码不一致。"))
            return
        problems = self._check(new)
        if problems:
            self.message.setText(self.tr("新密码不符合安全策略：") + "；".join(problems))
            return
        if new == self.old.text():
            self.message.setText(self.tr("新密码不能与当前密码相同。"))
            return
        self.set_busy(True)
        self.submitted.emit(self.old.text(), new)

    def set_busy(self, busy: bool) -> None:
        """Read-only, not disabled: a disabled focused field would pass the focus (and Enter) to 取消."""
        self.busy = busy
        if busy:
            self.repeat.setFocus()
        for edit in (self.old, self.new, self.repeat):
            edit.setReadOnly(busy)
        for button in (self.ok, self.cancel):
            button.setEnabled(not busy)
        if busy:
            self.message.setText(self.tr("正在更新密钥，请稍候…"))

    def fail(self, text: str) -> None:
        self.set_busy(False)
        self.message.setText(text)

    def clear_secrets(self) -> None:
        for edit in (self.old, self.new, self.repeat):
            edit.clear()
