"""用户与角色 (系统管理员): accounts, initial passwords, password resets, enabling and disabling, lifting
a lockout after too many failed sign-ins (解除锁定), and confirming a new or reset key in person with a second
三员 (确认密钥: until then the user cannot sign)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from dingmi_desktop.ui.bundle import ServiceBundle, required
from dingmi_desktop.ui.dialogs.cosign import CosignDialog
from dingmi_desktop.ui.dialogs.fields_dialog import FieldsDialog, FieldSpec
from dingmi_desktop.ui.dialogs.prompts import Confirm
from dingmi_desktop.ui.excepthook import describe_error
from dingmi_desktop.ui.pages.base import ServicePage
from dingmi_desktop.ui.widgets.table import RecordTable

if TYPE_CHECKING:
    from dingmi_desktop.ui.ops import OpRunner


class UsersPage(ServicePage):
    def __init__(
        self, bundle: ServiceBundle, ops: OpRunner, window: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("用户与角色"), bundle, ops, window, parent)
        self.setObjectName("usersPage")
        bar = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setObjectName("usersFilter")
        self.filter.setPlaceholderText(self.tr("筛选用户名、姓名、部门或角色"))
        self.add_button = QPushButton(self.tr("新建用户…"))
        self.add_button.setObjectName("addUser")
        self.reset_button = QPushButton(self.tr("重置密码…"))
        self.reset_button.setObjectName("resetPassword")
        self.toggle_button = QPushButton(self.tr("停用/启用"))
        self.toggle_button.setObjectName("toggleActive")
        self.unlock_button = QPushButton(self.tr("解除锁定…"))
        self.unlock_button.setObjectName("unlockUser")
        self.unlock_button.setToolTip(self.tr("解除因连续登录失败而锁定的账户（记入审计日志）"))
        self.unlock_button.setEnabled(False)
        self.confirm_button = QPushButton(self.tr("确认密钥…"))
        self.confirm_button.setObjectName("confirmKey")
        self.confirm_button.setToolTip(
            self.tr("新建或重置密码后的密钥须由第二名三员当面确认，该用户才能签名")
        )
        self.confirm_button.setEnabled(False)
        bar.addWidget(self.filter, 1)
        buttons = (
            self.add_button,
            self.reset_button,
            self.toggle_button,
            self.unlock_button,
            self.confirm_button,
        )
        for button in buttons:
            bar.addWidget(button)
        self.body.addLayout(bar)
        self.table = RecordTable(
            [self.tr("用户名"), self.tr("姓名"), self.tr("部门"), self.tr("角色"), self.tr("状态")]
        )
        self.table.setObjectName("usersTable")
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.body.addWidget(self.table, 1)
        self.body.addWidget(self.feedback)
        self.filter.textChanged.connect(self.table.set_filter)
        self.add_button.clicked.connect(self.add_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.toggle_button.clicked.connect(self.toggle_active)
        self.unlock_button.clicked.connect(self.unlock)
        self.confirm_button.clicked.connect(self.confirm_key)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        self.lockouts: dict[str, datetime] = {}
        self.unconfirmed: set[str] = set()

    def refresh(self) -> None:
        accounts = required(self.bundle.accounts)
        self.run(
            lambda: (accounts.list_users(), accounts.lockouts(), accounts.unconfirmed()),
            self._show,
            label="list users",
        )

    def _show(self, found: tuple[list[Any], dict[str, datetime], set[str]]) -> None:
        users, self.lockouts, self.unconfirmed = found
        rows = []
        for user in users:
            roles = "、".join(sorted(user.roles)) or self.tr("（未分配）")
            state = self.tr("启用") if user.active else self.tr("停用")
            until = self.lockouts.get(user.username)
            if until is not None:
                state = self.tr("锁定（至 {0}）").format(self.bundle.when(until)) + (
                    "" if user.active else self.tr("，停用")
                )
            if user.username in self.unconfirmed:
                state += self.tr("，密钥待确认")
            rows.append((user, [user.username, user.display_name, user.department, roles, state]))
        self.table.set_rows(rows)
        self._selection_changed()
        self.loaded()

    def _selection_changed(self) -> None:
        user = self.table.selected_record()
        self.unlock_button.setEnabled(user is not None and user.username in self.lockouts)
        self.confirm_button.setEnabled(user is not None and user.username in self.unconfirmed)

    def _password_problems(self, values: dict[str, Any]) -> list[str]:
        accounts = required(self.bundle.accounts)
        problems = accounts.password_problems(values.get("username", ""), values.get("password", ""))
        if values.get("password") != values.get("repeat"):
            problems.append(self.tr("两次输入的密码不一致"))
        return problems

    def add_user(self) -> None:
        answer = FieldsDialog.ask(
            self,
            self.tr("新建用户"),
            [
                FieldSpec("username", self.tr("用户名：")),
                FieldSpec("display_name", self.tr("姓名：")),
                FieldSpec("department", self.tr("部门："), required=False),
                FieldSpec("password", self.tr("初始密码："), kind="password"),
                FieldSpec("repeat", self.tr("再次输入："), kind="password"),
            ],
            self._password_problems,
            intro=self.tr("新用户首次登录时须修改初始密码。角色由安全保密管理员分配。"),
        )
        if not answer:
            return
        accounts = required(self.bundle.accounts)

        def work() -> Any:
            return accounts.add_user(
                answer["username"], answer["display_name"], answer.get("department", ""), answer["password"]
            )

        self.run(work, lambda user: self._done(self.tr("已创建用户 {0}。").format(user.username)))

    def reset_password(self) -> None:
        user = self.table.selected_record()
        if user is None:
            self.say(self.tr("请先选择一个用户。"))
            return
        answer = FieldsDialog.ask(
            self,
            self.tr("重置密码：{0}").format(user.username),
            [
                FieldSpec("password", self.tr("临时密码："), kind="password"),
                FieldSpec("repeat", self.tr("再次输入："), kind="password"),
            ],
            lambda values: self._password_problems({**values, "username": user.username}),
            intro=self.tr("重置后该用户须用临时密码登录并立即修改密码，同时生成新的签名密钥。"),
        )
        if not answer:
            return
        accounts = required(self.bundle.accounts)
        self.run(
            lambda: accounts.reset_password(user.username, answer["password"]),
            lambda _r: self._done(self.tr("已重置 {0} 的密码。").format(user.username)),
        )

    def toggle_active(self) -> None:
        user = self.table.selected_record()
        if user is None:
            self.say(self.tr("请先选择一个用户。"))
            return
        verb = self.tr("停用") if user.active else self.tr("启用")
        if not Confirm.ask(self, verb, self.tr("确定要{0}用户 {1} 吗？").format(verb, user.username)):
            return
        accounts = required(self.bundle.accounts)
        self.run(
            lambda: accounts.set_active(user.username, not user.active),
            lambda _r: self._done(self.tr("已{0}用户 {1}。").format(verb, user.username)),
        )

    def unlock(self) -> None:
        user = self.table.selected_record()
        if user is None or user.username not in self.lockouts:
            self.say(self.tr("请先选择一个状态为“锁定”的用户。"))
            return
        question = self.tr("账户 {0} 因连续登录失败被锁定至 {1}。确定现在解除锁定吗？").format(
            user.username, self.bundle.when(self.lockouts[user.username])
        )
        if not Confirm.ask(self, self.tr("解除锁定"), question):
            return
        accounts = required(self.bundle.accounts)
        self.run(
            lambda: accounts.unlock(user.username),
            lambda _r: self._done(self.tr("已解除 {0} 的锁定，并记入审计日志。").format(user.username)),
        )

    def confirm_key(self) -> None:
        user = self.table.selected_record()
        if user is None or user.username not in self.unconfirmed:
            self.say(self.tr("请先选择一个状态为“密钥待确认”的用户。"))
            return
        what = self.tr("确认 {0} 的密钥").format(user.username)
        cosign = CosignDialog.ask(self, what, self.bundle.session.user.username)
        if cosign is None:
            return
        accounts = required(self.bundle.accounts)
        self.run(
            lambda: accounts.confirm_key(user.username, cosign),
            lambda _r: self._done(self.tr("已确认 {0} 的密钥，该用户现在可以签名。").format(user.username)),
            on_error=lambda exc: self._done(self.tr("未确认：{0}").format(describe_error(exc))),
        )

    def _done(self, text: str) -> None:
        self.say(text)
        self.refresh()

    def clear_sensitive(self) -> None:
        self.table.clear_rows()
