"""The sign-in dialog, also used as the lock screen (same user unlocks, or another user signs in).

Keys: Enter in the user name moves to the password, Enter in the password signs in; no other button is
ever the Enter target (Qt would make a focused 退出 the default and click it). While the key derivation
runs, Enter and Escape do nothing. Escape, 退出 and the window's close button ask before quitting.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dingmi_desktop.ui.dialogs.prompts import _Seam
from dingmi_desktop.ui.widgets.password_edit import CapsLockHint, PasswordEdit

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ConfirmQuit(_Seam):
    """「确定退出定密桌面吗？」; ``set_next_answer(True/False)`` answers it in tests."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> bool:
        seeded, answer = cls._take()
        if seeded:
            return bool(answer)
        tr = QCoreApplication.translate
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("SignInDialog", "定密桌面"),
            tr("SignInDialog", "确定退出定密桌面吗？"),
            parent=parent,
        )
        box.setObjectName("confirmQuitDialog")
        leave = box.addButton(tr("SignInDialog", "退出"), QMessageBox.ButtonRole.AcceptRole)
        stay = box.addButton(tr("SignInDialog", "取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)  # a second Enter must not be the one that quits
        box.setEscapeButton(stay)
        box.exec()
        return box.clickedButton() is leave


def is_enter(event: QKeyEvent) -> bool:
    return event.key() in _ENTER_KEYS


class SignInDialog(QDialog):
    """A view only: it emits ``submitted(username, password)``; the controller authenticates off-thread."""

    submitted = Signal(str, str)
    LONG_WAIT_MS = 4000  # after this long the message says why signing in can take a while

    def __init__(
        self,
        unit_name: str,
        authority: str = "",
        *,
        locked_user: str = "",
        locked_display: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.locked_user = locked_user
        self.setWindowTitle(self.tr("已锁定") if locked_user else self.tr("登录"))  # Qt appends " — 定密桌面"
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 18)
        layout.setSpacing(10)
        self.unit_label = QLabel()
        self.unit_label.setObjectName("unitTitle")
        self.unit_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.unit_label)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("hintLabel")
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.subtitle)
        if locked_user:
            notice = QLabel(
                self.tr("会话已锁定。{0} 可输入密码解锁，或由其他用户登录。").format(
                    locked_display or locked_user
                )
            )
            notice.setObjectName("lockNotice")
            notice.setWordWrap(True)
            layout.addWidget(notice)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.username = QLineEdit(locked_user)
        self.username.setObjectName("signInUser")
        self.username.setReadOnly(bool(locked_user))
        self.username.setMaxLength(32)
        self.password = PasswordEdit()
        self.password.setObjectName("signInPassword")
        self.caps_hint = CapsLockHint(self.password)
        form.addRow(self.tr("用户名："), self.username)
        form.addRow(self.tr("密码："), self.password)
        form.addRow("", self.caps_hint)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(22)
        layout.addWidget(self.message)
        self.attempts = QLabel()
        self.attempts.setObjectName("signInAttempts")
        self.attempts.setProperty("role", "fieldError")
        self.attempts.setWordWrap(True)
        layout.addWidget(self.attempts)
        buttons = QHBoxLayout()
        self.other_user = QPushButton(self.tr("以其他用户登录"))
        self.other_user.setObjectName("signInOtherUser")
        self.other_user.setVisible(bool(locked_user))
        self.other_user.clicked.connect(self._unlock_username)
        self.quit_button = QPushButton(self.tr("退出"))
        self.quit_button.setObjectName("signInQuit")
        self.quit_button.clicked.connect(self.confirm_quit)
        for button in (self.other_user, self.quit_button):
            button.setAutoDefault(False)  # focused, Qt would make it the Enter target
        self.sign_in = QPushButton(self.tr("解锁") if locked_user else self.tr("登录"))
        self.sign_in.setObjectName("signInButton")
        self.sign_in.setProperty("primary", True)
        self.sign_in.setDefault(True)
        self.sign_in.clicked.connect(self._submit)
        buttons.addWidget(self.other_user)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.sign_in)
        layout.addLayout(buttons)
        self.password.returnPressed.connect(self._submit)
        self.username.returnPressed.connect(self.password.setFocus)
        self.setTabOrder(self.username, self.password)
        self.setTabOrder(self.password, self.sign_in)
        self.setTabOrder(self.sign_in, self.quit_button)
        self.setTabOrder(self.quit_button, self.other_user)
        (self.password if locked_user else self.username).setFocus()
        self.ready = False
        self.busy = False
        # An unlock that takes long is a store being upgraded (a backup first) or a large one: say so
        self.long_wait = QTimer(self)
        self.long_wait.setSingleShot(True)
        self.long_wait.setInterval(self.LONG_WAIT_MS)
        self.long_wait.timeout.connect(self._still_busy)
        if unit_name:
            self.set_store_info(unit_name, authority)
        else:
            self.unit_label.setText(self.tr("定密桌面"))
            self.subtitle.setText(self.tr("正在打开数据……"))
            self.sign_in.setEnabled(False)

    def set_store_info(self, unit_name: str, authority: str) -> None:
        """Unit name and authority from the store header (the store opens while the dialog is shown)."""
        self.unit_label.setText(unit_name)
        if authority:
            self.subtitle.setText(self.tr("定密工作平台（本单位定密权限：{0}）").format(authority))
        else:
            self.subtitle.setText(self.tr("定密工作平台"))
        self.ready = True
        self.sign_in.setEnabled(True)

    def attempt(self, username: str, password: str) -> None:
        """Test seam and keyboard path: fill the fields and submit."""
        if not self.username.isReadOnly():
            self.username.setText(username)
        self.password.setText(password)
        self._submit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Replaces QDialog's Enter (click the default button) and Escape (reject, which quits)."""
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.confirm_quit()
        elif is_enter(event):
            event.accept()  # the line edits act on returnPressed; 登录 handles its own Enter
            focused = self.focusWidget()
            if not self.busy and isinstance(focused, QPushButton) and focused.isEnabled():
                focused.click()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if event.spontaneous():  # the window manager's close button: ask like 退出
            event.ignore()
            self.confirm_quit()
        else:  # the controller closing it
            super().closeEvent(event)

    def confirm_quit(self) -> None:
        if not self.busy and ConfirmQuit.ask(self):
            self.reject()

    def _submit(self) -> None:
        if not self.ready or self.busy:
            return
        username = self.username.text().strip()
        password = self.password.text()
        if not username:
            self.show_message(self.tr("请输入用户名。"))
            self.username.setFocus()
            return
        if not password:
            self.show_message(self.tr("请输入密码。"))
            self.password.setFocus()
            return
        self.set_busy(True)
        self.submitted.emit(username, password)

    def _unlock_username(self) -> None:
        self.locked_user = ""
        self.username.setReadOnly(False)
        self.username.clear()
        self.password.clear()
        self.sign_in.setText(self.tr("登录"))
        self.other_user.hide()
        self.username.setFocus()

    def set_busy(self, busy: bool) -> None:
        """While busy the focus stays in the (read-only) password field: disabling the focused widget would
        hand the focus, and the next Enter, to whatever button comes next."""
        self.busy = busy
        if busy:
            self.password.setFocus()
            self.attempts.clear()
        self.password.setReadOnly(busy)
        for widget in (self.username, self.other_user):
            widget.setEnabled(not busy)
        self.sign_in.setEnabled(self.ready and not busy)
        if busy:
            self.show_message(self.tr("正在验证身份，请稍候…"), error=False)
            self.long_wait.start()
        else:
            self.long_wait.stop()

    def _still_busy(self) -> None:
        if self.busy:
            self.show_message(
                self.tr(
                    "仍在打开数据，请勿关闭程序。首次使用新版本时会先备份、再升级数据；"
                    "数据较多时可能需要一分钟左右。"
                ),
                error=False,
            )

    def show_message(self, text: str, *, error: bool = True) -> None:
        self.message.setStyleSheet("" if error else "color: #52606d; font-weight: normal;")
        self.message.setText(text)

    def fail(self, text: str, attempts_left: int | None = None, lock_minutes: int | None = None) -> None:
        """Authentication refused: show why (and the attempts left for a known account), clear, focus."""
        self.set_busy(False)
        self.password.clear()
        self.show_message(text)
        if attempts_left and lock_minutes:
            self.attempts.setText(
                self.tr("还可尝试 {0} 次，之后账户将锁定 {1} 分钟。").format(attempts_left, lock_minutes)
            )
        elif attempts_left:
            self.attempts.setText(self.tr("还可尝试 {0} 次。").format(attempts_left))
        self.password.setFocus()

    def reset_password(self) -> None:
        self.password.clear()
