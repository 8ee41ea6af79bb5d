"""The sign-in dialog, also used as the lock screen (same user unlocks, or another user signs in)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class SignInDialog(QDialog):
    """A view only: it emits ``submitted(username, password)``; the controller authenticates off-thread."""

    submitted = Signal(str, str)

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
        self.setWindowTitle(self.tr("定密桌面 — 已锁定") if locked_user else self.tr("定密桌面 — 登录"))
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
        self.password = QLineEdit()
        self.password.setObjectName("signInPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("用户名："), self.username)
        form.addRow(self.tr("密码："), self.password)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(22)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.other_user = QPushButton(self.tr("以其他用户登录"))
        self.other_user.setObjectName("signInOtherUser")
        self.other_user.setVisible(bool(locked_user))
        self.other_user.clicked.connect(self._unlock_username)
        self.quit_button = QPushButton(self.tr("退出"))
        self.quit_button.setObjectName("signInQuit")
        self.quit_button.clicked.connect(self.reject)
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

    def _submit(self) -> None:
        if not self.ready:
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
        for widget in (self.username, self.password, self.other_user):
            widget.setEnabled(not busy)
        self.sign_in.setEnabled(self.ready and not busy)
        if busy:
            self.show_message(self.tr("正在验证身份，请稍候…"), error=False)

    def show_message(self, text: str, *, error: bool = True) -> None:
        self.message.setStyleSheet("" if error else "color: #52606d; font-weight: normal;")
        self.message.setText(text)

    def fail(self, text: str) -> None:
        """Authentication refused: show why, clear the password, focus it."""
        self.set_busy(False)
        self.password.clear()
        self.show_message(text)
        self.password.setFocus()

    def reset_password(self) -> None:
        self.password.clear()
