"""First-run wizard: the unit, its 定密权限, and the initial passwords of the three 三员 accounts.

Keys: Enter moves from one password field to the next while the page is incomplete, then creates the
store; while the store is being created Enter and Escape do nothing. Cancelling (Escape, 取消, the window's
close button) asks first, because it quits the program.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from dingmi_desktop.domain.categories import LEVEL_NAMES
from dingmi_desktop.domain.roles import Role
from dingmi_desktop.ui.dialogs.sign_in import ConfirmQuit, is_enter
from dingmi_desktop.ui.widgets.password_edit import CapsLockHint, PasswordEdit

PolicyCheck = Callable[[str, str], list[str]]  # (username, password) -> problems

ADMIN_ACCOUNTS = (
    ("sysadmin", Role.SYSADMIN),
    ("secadmin", Role.SECADMIN),
    ("auditor", Role.AUDITOR),
)


class _UnitPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("本单位"))
        self.setSubTitle(
            self.tr("这些信息显示在登录窗口和打印的表单上。定密权限依保密法第十七条由授权确定。")
        )
        form = QFormLayout(self)
        self.unit = QLineEdit()
        self.unit.setObjectName("wizardUnitName")
        self.unit.setPlaceholderText(self.tr("例如：某某市某某局"))
        self.authority = QComboBox()
        self.authority.setObjectName("wizardAuthority")
        self.authority.addItems(list(LEVEL_NAMES))
        self.authority.setCurrentIndex(1)
        form.addRow(self.tr("单位名称："), self.unit)
        form.addRow(self.tr("本单位定密权限："), self.authority)
        self.message = QLabel()
        self.message.setObjectName("inlineError")
        form.addRow("", self.message)
        self.unit.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return bool(self.unit.text().strip())


class _AccountsPage(QWizardPage):
    def __init__(self, policy_check: PolicyCheck) -> None:
        super().__init__()
        self._check = policy_check
        self.setTitle(self.tr("三员账户"))
        self.setSubTitle(
            self.tr(
                "系统管理员、安全保密管理员、安全审计员由不同人员担任。"
                "请分别设置三个账户的初始密码并交各人；每个账户首次登录时均须修改初始密码。"
            )
        )
        self.setFinalPage(True)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.passwords: dict[str, tuple[PasswordEdit, PasswordEdit]] = {}
        self.caps_hint = CapsLockHint()
        for username, role in ADMIN_ACCOUNTS:
            first = PasswordEdit()
            first.setObjectName(f"wizardPassword_{username}")
            second = PasswordEdit()
            second.setObjectName(f"wizardRepeat_{username}")
            for edit in (first, second):
                edit.textChanged.connect(self._live)
                self.caps_hint.watch(edit)
            second.setPlaceholderText(self.tr("再次输入"))
            form.addRow(self.tr("{0}（{1}）：").format(role, username), first)
            form.addRow("", second)
            self.passwords[username] = (first, second)
        form.addRow("", self.caps_hint)
        self.message = QLabel()
        self.message.setObjectName("wizardMessage")
        self.message.setWordWrap(True)
        self.message.setProperty("role", "fieldError")
        layout.addWidget(self.message)

    def problems(self) -> list[str]:
        out: list[str] = []
        seen: set[str] = set()
        for username, role in ADMIN_ACCOUNTS:
            first, second = self.passwords[username]
            if not first.text():
                out.append(self.tr("请设置{0}的密码").format(role))
                continue
            for problem in self._check(username, first.text()):
                out.append(f"{role}：{problem}")
            if first.text() != second.text():
                out.append(self.tr("{0}两次输入的密码不一致").format(role))
            if first.text() in seen:
                out.append(self.tr("三员账户的密码须互不相同"))
            seen.add(first.text())
        return out

    def _live(self) -> None:
        self.message.setText("；".join(self.problems()))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.problems()

    def edits(self) -> list[PasswordEdit]:
        return [edit for pair in self.passwords.values() for edit in pair]

    def set_read_only(self, read_only: bool) -> None:
        for edit in self.edits():
            edit.setReadOnly(read_only)


class FirstRunWizard(QWizard):
    """Emits ``create_requested(unit, authority, {username: password})`` on 完成."""

    create_requested = Signal(str, str, dict)

    def __init__(self, policy_check: PolicyCheck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.setWindowTitle(self.tr("首次使用设置"))  # Qt appends " — 定密桌面"
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(620, 460)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("上一步"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("创建"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        self.unit_page = _UnitPage()
        self.accounts_page = _AccountsPage(policy_check)
        self.addPage(self.unit_page)
        self.addPage(self.accounts_page)
        self.creating = False
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
            button = self.button(which)
            if isinstance(button, QPushButton):  # QWizard's buttons are push buttons
                button.setAutoDefault(False)  # focused, Qt would make it the Enter target

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.creating and (is_enter(event) or event.key() == Qt.Key.Key_Escape):
            event.accept()
            return
        edits = self.accounts_page.edits()
        focused = self.focusWidget()
        if is_enter(event) and focused in edits and not self.accounts_page.isComplete():
            event.accept()  # not complete yet: on to the next field instead of a disabled 创建
            edits[min(edits.index(focused) + 1, len(edits) - 1)].setFocus()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Escape, 取消 and closing the window all land here; leaving the wizard quits the program."""
        if self.creating or not ConfirmQuit.ask(self):
            return
        super().reject()

    def values(self) -> tuple[str, str, dict[str, str]]:
        passwords = {name: edits[0].text() for name, edits in self.accounts_page.passwords.items()}
        return self.unit_page.unit.text().strip(), self.unit_page.authority.currentText(), passwords

    def fill(self, unit: str, authority: str, passwords: dict[str, str]) -> None:
        """Test seam: fill every field."""
        self.unit_page.unit.setText(unit)
        self.unit_page.authority.setCurrentText(authority)
        for name, (first, second) in self.accounts_page.passwords.items():
            first.setText(passwords.get(name, ""))
            second.setText(passwords.get(name, ""))

    def accept(self) -> None:
        if self.creating:
            return
        unit, authority, passwords = self.values()
        self._set_creating(True)
        self.accounts_page.message.setText(self.tr("正在创建加密数据存储并派生密钥，请稍候…"))
        self.create_requested.emit(unit, authority, passwords)

    def _set_creating(self, creating: bool) -> None:
        self.creating = creating
        self.accounts_page.set_read_only(creating)
        for which in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton):
            self.button(which).setEnabled(not creating)

    def creation_failed(self, text: str) -> None:
        self._set_creating(False)
        self.accounts_page.message.setText(text)

    def creation_done(self) -> None:
        self.creating = False
        for edit in self.accounts_page.edits():
            edit.clear()
        super().accept()
