"""The main window: role-based navigation, pages, and a status bar with the user and the lock hint."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from dingmi_desktop.domain.forms import FormKind
from dingmi_desktop.domain.roles import Role
from dingmi_desktop.ui import window_geometry
from dingmi_desktop.ui.bundle import ServiceBundle, required
from dingmi_desktop.ui.expiry_runner import expiry_runner
from dingmi_desktop.ui.form_host import FormHostMixin
from dingmi_desktop.ui.navigation import NavEntry, entries_for
from dingmi_desktop.ui.ops import OpRunner
from dingmi_desktop.ui.pages.base import Page
from dingmi_desktop.ui.pages.factory import build_page

PageFactory = Callable[[NavEntry], Page]


class MainWindow(FormHostMixin, QMainWindow):
    switch_user_requested = Signal()
    lock_requested = Signal()
    change_password_requested = Signal()
    closed = Signal()
    first_page_loaded = Signal()
    idle_minutes_changed = Signal(int)
    operation_done = Signal(object)  # OpChanges: what a finished operation changed (ui/pages/form_context.py)

    def __init__(self, bundle: ServiceBundle, ops: OpRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.bundle = bundle
        self.ops = ops
        info = bundle.info
        # Qt appends the application display name (" — 定密桌面") itself: repeating it doubled the title.
        self.setWindowTitle(info.unit_name)
        # Never larger than the screen (1366×768 at 150 % is 910×512); geometry remembered per user.
        self._open_maximized = window_geometry.place(self, info.username).maximized
        available = {
            name
            for name in (
                "workflow",
                "accounts",
                "audit",
                "catalog",
                "calendar",
                "register",
                "print_register",
                "statistics",
                "filing",
                "annual_review",
            )
            if getattr(bundle, name) is not None
        }
        self.entries = entries_for(info.roles, available)
        self.pages: dict[str, Page] = {}
        self.form_page = None
        self.verify_dialog: QWidget | None = None
        self.about_dialog: Any = None
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(188)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pageStack")
        self.operation_done.connect(self._on_operation_done)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        for entry in self.entries:
            item = QListWidgetItem(entry.label)
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            self.navigation.addItem(item)
            page = build_page(entry.key, bundle, ops, self)
            self.pages[entry.key] = page
            self.stack.addWidget(page)
        if not self.entries:
            empty = QLabel(self.tr("当前账户没有可用的功能，请联系安全保密管理员分配角色。"))
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.stack.addWidget(empty)
        self.navigation.currentRowChanged.connect(self._on_nav)
        self.navigation.itemClicked.connect(self._on_nav_click)
        self._nav_row = -1
        self._build_actions()
        self._build_status_bar()
        self._first_loaded = False
        self.expiry_runner = expiry_runner(self)  # started with the first page (show_initial)

    # --- chrome -------------------------------------------------------------------------------------

    def _action(
        self,
        name: str,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("会话(&S)"))
        self.action_switch_user = self._action(
            "actionSwitchUser", self.tr("切换用户"), "Ctrl+Shift+U", self.switch_user_requested.emit
        )
        self.action_lock = self._action("actionLock", self.tr("锁定"), "Ctrl+L", self.lock_requested.emit)
        self.action_quit = self._action(
            "actionQuit", self.tr("退出"), QKeySequence.StandardKey.Quit, self.close
        )
        self.action_change_password = self._action(
            "actionChangePassword", self.tr("修改密码…"), None, self.change_password_requested.emit
        )
        menu.addAction(self.action_switch_user)
        menu.addAction(self.action_lock)
        menu.addAction(self.action_change_password)
        menu.addSeparator()
        menu.addAction(self.action_quit)
        if self.bundle.workflow is not None and Role.DRAFTER in self.bundle.info.roles:
            forms = self.menuBar().addMenu(self.tr("表单(&F)"))
            self.action_new_dispatch = self._action(
                "actionNewDispatch",
                self.tr("新建送审签发单"),
                "Ctrl+N",
                lambda: self.new_form(FormKind.DISPATCH),
            )
            self.action_new_review = self._action(
                "actionNewReview",
                self.tr("新建定密审核单"),
                "Ctrl+Shift+N",
                lambda: self.new_form(FormKind.REVIEW),
            )
            forms.addAction(self.action_new_dispatch)
            forms.addAction(self.action_new_review)
        if self.bundle.printing is not None:
            tools = self.menuBar().addMenu(self.tr("工具(&T)"))
            self.action_verify_sheet = self._action(
                "actionVerifySheet", self.tr("核验审批单…"), "Ctrl+Shift+V", self.open_verify_sheet
            )
            tools.addAction(self.action_verify_sheet)
        for page in self.pages.values():
            contribute = getattr(page, "contribute_actions", None)
            if contribute is not None:
                contribute(self)
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        self.action_about = self._action("actionAbout", self.tr("关于…"), None, self.open_about)
        help_menu.addAction(self.action_about)

    def _build_status_bar(self) -> None:
        info = self.bundle.info
        bar = self.statusBar()
        roles = "、".join(sorted(info.roles)) or self.tr("（无角色）")
        self.user_label = QLabel(self.tr("当前用户：{0}（{1}）").format(info.display_name, info.username))
        self.user_label.setObjectName("statusUser")
        self.role_label = QLabel(self.tr("角色：{0}").format(roles))
        self.role_label.setObjectName("statusRole")
        self.lock_label = QLabel(
            self.tr("空闲 {0} 分钟后自动锁定 · Ctrl+L 立即锁定").format(info.idle_lock_minutes)
        )
        self.lock_label.setObjectName("statusLockHint")
        self.busy_label = QLabel()
        self.busy_label.setObjectName("statusBusy")
        bar.addWidget(self.user_label)
        bar.addWidget(self.role_label)
        bar.addWidget(self.busy_label, 1)
        bar.addPermanentWidget(self.lock_label)
        self.ops.busy_changed.connect(self._on_busy)

    def _on_busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("正在处理…") if busy else "")

    # --- pages --------------------------------------------------------------------------------------

    def show_initial(self, page_key: str = "") -> None:
        if self._open_maximized:
            self.showMaximized()
        else:
            self.show()
        keys = [e.key for e in self.entries]
        row = keys.index(page_key) if page_key in keys else 0
        if keys:
            self.navigation.setCurrentRow(row)
        else:
            self._mark_loaded()
        if self.expiry_runner is not None:
            self.expiry_runner.start()  # after sign-in, queued behind the first page's load

    def _on_nav(self, row: int) -> None:
        if row < 0 or row >= len(self.entries):
            return
        key = self.entries[row].key
        current = self.stack.currentWidget()
        if isinstance(current, Page) and current is not self.pages[key] and not current.can_leave():
            self.navigation.blockSignals(True)
            self.navigation.setCurrentRow(self._nav_row)
            self.navigation.blockSignals(False)
            return
        self._nav_row = row
        page = self.pages[key]
        self.stack.setCurrentWidget(page)
        self._dispose_form_page()
        page.refresh()

    def _on_nav_click(self, item: QListWidgetItem) -> None:
        row = self.navigation.row(item)
        if 0 <= row < len(self.entries):
            page = self.pages[self.entries[row].key]
            if self.stack.currentWidget() is not page:
                self._on_nav(row)

    def has_page(self, key: str) -> bool:
        return any(entry.key == key for entry in self.entries)

    def policy_changed(self, idle_lock_minutes: int) -> None:
        """The 安全保密管理员 saved a new policy: the idle lock follows it at once."""
        self.bundle.info.idle_lock_minutes = idle_lock_minutes
        self.lock_label.setText(
            self.tr("空闲 {0} 分钟后自动锁定 · Ctrl+L 立即锁定").format(idle_lock_minutes)
        )
        self.idle_minutes_changed.emit(idle_lock_minutes)

    def open_verify_sheet(self) -> QWidget:
        """核验审批单: a modeless dialog, closed and dropped by the lock sequence with the window."""
        from dingmi_desktop.ui.dialogs.verify_sheet import VerifySheetDialog

        if self.verify_dialog is None:
            self.verify_dialog = VerifySheetDialog(required(self.bundle.printing), self.ops, self)
        self.verify_dialog.show()
        self.verify_dialog.raise_()
        self.verify_dialog.activateWindow()
        return self.verify_dialog

    def open_about(self) -> QWidget:
        """关于: a modeless dialog with the unit root fingerprint; closed with the window at a lock."""
        from dingmi_desktop.ui.dialogs.about import AboutDialog

        if self.about_dialog is None:
            self.about_dialog = AboutDialog(self.bundle, self.ops, self)
        self.about_dialog.refresh()
        self.about_dialog.show()
        self.about_dialog.raise_()
        return self.about_dialog

    def _on_operation_done(self, changes: object) -> None:
        """A list page on screen shows the change at once; the others refresh when shown again."""
        current = self.stack.currentWidget()
        if isinstance(current, Page) and current is not self.form_page:
            current.refresh()

    def page(self, key: str) -> Page:
        return self.pages[key]

    def go_to(self, key: str) -> Page:
        row = [e.key for e in self.entries].index(key)
        if self.navigation.currentRow() == row:
            self._on_nav(row)  # re-selecting the current entry still leaves an open form
        else:
            self.navigation.setCurrentRow(row)
        return self.pages[key]

    def current_page_key(self) -> str:
        current = self.stack.currentWidget()
        for key, page in self.pages.items():
            if page is current:
                return key
        return ""

    def show_widget(self, widget: QWidget) -> None:
        """Show a non-navigation widget (e.g. an open form) in the page area."""
        if self.stack.indexOf(widget) < 0:
            self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)

    def _mark_loaded(self) -> None:
        if not self._first_loaded:
            self._first_loaded = True
            self.first_page_loaded.emit()

    def page_loaded(self) -> None:
        """Called by pages once their first data arrived."""
        self._mark_loaded()

    # --- session hooks ------------------------------------------------------------------------------

    def confirm_leave(self) -> bool:
        current = self.stack.currentWidget()
        return not isinstance(current, Page) or current.can_leave()

    def save_before_lock(self) -> None:
        for index in range(self.stack.count()):
            widget = self.stack.widget(index)
            save = getattr(widget, "save_before_lock", None)
            if save is not None:
                save()

    def remember_geometry(self) -> None:
        if self.isVisible():
            window_geometry.remember(self, self.bundle.info.username)

    def drop_sensitive(self) -> None:
        self.remember_geometry()
        if self.expiry_runner is not None:
            self.expiry_runner.stop()
        for index in range(self.stack.count()):
            widget = self.stack.widget(index)
            if isinstance(widget, Page):
                widget.clear_sensitive()
        self.hide()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_leave():
            event.ignore()
            return
        self.remember_geometry()
        self.save_before_lock()
        self.ops.wait_idle()
        event.accept()
        self.closed.emit()
