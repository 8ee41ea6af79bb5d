"""The session state machine of the GUI: first run → sign-in → main window → locked / switch user.

Locking (docs/architecture.md): the save in flight finishes, dialogs close, the clipboard is cleared, the main
window (every widget holding decrypted data) is destroyed, the session ends and the store forgets its key.
Unlocking is a fresh sign-in: the same user, or another user from the same screen.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, cast

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

from dingmi_desktop.ui.bundle import ServiceBundle
from dingmi_desktop.ui.dialogs.sign_in import SignInDialog
from dingmi_desktop.ui.excepthook import describe_error, show_error, show_fatal
from dingmi_desktop.ui.lock import IdleLock, clear_clipboard, close_dialogs
from dingmi_desktop.ui.ops import OpRunner

if TYPE_CHECKING:  # imported lazily: the sign-in dialog must appear before the heavy modules load
    from dingmi_desktop.ui.dialogs.change_password import ChangePasswordDialog
    from dingmi_desktop.ui.dialogs.first_run import FirstRunWizard
    from dingmi_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class Backend(Protocol):
    """Implemented by the composition root (app.py) over storage and services."""

    demo: bool

    @property
    def unit_name(self) -> str: ...
    @property
    def authority(self) -> str: ...

    def open_store(self) -> None: ...
    def store_may_exist(self) -> bool: ...
    def store_missing(self, exc: BaseException) -> bool: ...
    def create_store(self, unit: str, authority: str, passwords: dict[str, str]) -> None: ...
    def build_demo(self) -> None: ...
    def sign_in(self, username: str, password: str) -> Any: ...
    def must_change_password(self, session: Any) -> bool: ...
    def change_password(self, session: Any, old: str, new: str) -> None: ...
    def policy_problems(self, username: str, password: str, session: Any = None) -> list[str]: ...
    def services_for(self, session: Any) -> ServiceBundle: ...
    def end_session(self, session: Any) -> None: ...
    def close(self) -> None: ...


class AppController(QObject):
    """Owns the top-level windows; tests reach them through the attributes below."""

    main_window_shown = Signal()
    sign_in_shown = Signal()
    sign_in_ready = Signal()  # the unit name is shown and the user can sign in
    locked = Signal()
    finished = Signal()

    def __init__(
        self,
        backend: Backend,
        ops: OpRunner,
        *,
        idle_clock: Callable[[], float] = time.monotonic,
        check_interval_ms: int = 1000,
        quit_on_close: bool = True,
    ) -> None:
        super().__init__()
        self.backend = backend
        self.ops = ops
        self.quit_on_close = quit_on_close
        self.idle = IdleLock(idle_clock, check_interval_ms, self)
        self.idle.idle_timeout.connect(self.lock)
        self.sign_in_dialog: SignInDialog | None = None
        self.wizard: FirstRunWizard | None = None
        self.password_dialog: ChangePasswordDialog | None = None
        self.progress: QProgressDialog | None = None
        self.main_window: MainWindow | None = None
        self.bundle: ServiceBundle | None = None
        self.session: Any = None
        self._restore_page: str = ""
        self.timings: dict[str, float] = {}

    # --- start ------------------------------------------------------------------------------------

    def start(self) -> None:
        """Shows the sign-in dialog at once when a store seems present; it opens in the background."""
        if self.backend.store_may_exist():
            self.show_sign_in(pending=True)
        self.ops.run(self.backend.open_store, self._store_opened, self._open_failed, label="open store")

    def _store_opened(self, _result: object) -> None:
        if self.sign_in_dialog is not None:
            self.sign_in_dialog.set_store_info(self.backend.unit_name, self.backend.authority)
            self.sign_in_ready.emit()
        else:
            self.show_sign_in()

    def _open_failed(self, exc: BaseException) -> None:
        if self.sign_in_dialog is not None:
            dialog, self.sign_in_dialog = self.sign_in_dialog, None
            dialog.rejected.disconnect(self._finish)
            dialog.close()
            dialog.deleteLater()
        if not self.backend.store_missing(exc):
            show_fatal(exc)
            self._finish()
            return
        if self.backend.demo:
            self._create_demo()
        else:
            self._show_wizard()

    def _create_demo(self) -> None:
        self.progress = self._busy(
            self.tr("正在创建演示数据…"),
            self.tr("首次打开演示数据：正在创建加密存储并为 7 个演示用户派生密钥，约需数秒。"),
        )
        self.ops.run(self.backend.build_demo, self._demo_built, self._demo_failed, label="build demo")

    def _demo_built(self, _result: object) -> None:
        self._close_progress()
        self.show_sign_in()

    def _demo_failed(self, exc: BaseException) -> None:
        self._close_progress()
        show_fatal(exc)
        self._finish()

    def _busy(self, title: str, text: str) -> QProgressDialog:
        progress = QProgressDialog(text, "", 0, 0)
        progress.setObjectName("busyDialog")
        progress.setWindowTitle(title)
        progress.setCancelButton(cast(QPushButton, None))  # None: no button (Qt 6.7's stubs do not admit it)
        progress.setMinimumDuration(0)
        progress.setMinimumWidth(460)
        progress.show()
        return progress

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _show_wizard(self) -> None:
        from dingmi_desktop.ui.dialogs.first_run import FirstRunWizard

        self.wizard = FirstRunWizard(self.backend.policy_problems)
        self.wizard.create_requested.connect(self._create_store)
        self.wizard.rejected.connect(self._finish)
        self.wizard.show()

    def _create_store(self, unit: str, authority: str, passwords: dict[str, str]) -> None:
        def done(_result: object) -> None:
            wizard = self.wizard
            self.wizard = None
            if wizard is not None:
                wizard.rejected.disconnect(self._finish)
                wizard.creation_done()
                wizard.deleteLater()
            self.show_sign_in()

        def failed(exc: BaseException) -> None:
            if self.wizard is not None:
                self.wizard.creation_failed(describe_error(exc))

        create = self.backend.create_store
        self.ops.run(lambda: create(unit, authority, passwords), done, failed, label="create store")

    # --- sign-in ----------------------------------------------------------------------------------

    def show_sign_in(self, locked_user: str = "", locked_display: str = "", *, pending: bool = False) -> None:
        started = time.perf_counter()
        dialog = SignInDialog(
            "" if pending else self.backend.unit_name,
            "" if pending else self.backend.authority,
            locked_user=locked_user,
            locked_display=locked_display,
        )
        dialog.submitted.connect(self._authenticate)
        dialog.rejected.connect(self._finish)
        self.sign_in_dialog = dialog
        dialog.show()
        self.timings["sign_in_dialog_s"] = time.perf_counter() - started
        self.sign_in_shown.emit()
        if not pending:
            self.sign_in_ready.emit()

    def _authenticate(self, username: str, password: str) -> None:
        dialog = self.sign_in_dialog
        sign_in = self.backend.sign_in

        def done(session: object) -> None:
            if dialog is not None:
                dialog.reset_password()
            if self.backend.must_change_password(session):
                self._force_password_change(session, password)
            else:
                self.open_main(session)

        def failed(exc: BaseException) -> None:
            if dialog is not None:  # attempts left: set on a wrong password for an existing account only
                left, minutes = getattr(exc, "attempts_left", None), getattr(exc, "lock_minutes", None)
                dialog.fail(describe_error(exc), left, minutes)

        self.ops.run(lambda: sign_in(username, password), done, failed, label="sign in")

    def _force_password_change(self, session: Any, old_password: str) -> None:
        from dingmi_desktop.ui.password_flows import force_password_change

        force_password_change(self, session, old_password)

    def open_main(self, session: Any) -> None:
        started = time.perf_counter()
        services_for = self.backend.services_for

        def ready(bundle: ServiceBundle) -> None:
            from dingmi_desktop.ui.main_window import MainWindow

            self.session = session
            self.bundle = bundle
            if self.sign_in_dialog is not None:
                self.sign_in_dialog.rejected.disconnect(self._finish)
                self.sign_in_dialog.close()
                self.sign_in_dialog.deleteLater()
                self.sign_in_dialog = None
            window = MainWindow(bundle, self.ops)
            window.switch_user_requested.connect(self.switch_user)
            window.lock_requested.connect(self.lock)
            window.change_password_requested.connect(self.change_password)
            window.idle_minutes_changed.connect(self._rearm_idle)
            window.closed.connect(self._main_closed)
            self.main_window = window
            window.show_initial(self._restore_page)
            self._restore_page = ""
            window.first_page_loaded.connect(
                lambda: self.timings.__setitem__("main_window_s", time.perf_counter() - started)
            )
            self.idle.arm(bundle.info.idle_lock_minutes * 60)
            self.main_window_shown.emit()
            self._check_name_notice(session)

        def failed(exc: BaseException) -> None:
            show_error(exc)
            self.ops.run(lambda: self.backend.end_session(session), label="end session")
            if self.sign_in_dialog is not None:
                self.sign_in_dialog.fail(describe_error(exc))

        self.ops.run(lambda: services_for(session), ready, failed, label="load services")

    def _check_name_notice(self, session: Any) -> None:
        """After a reset: what was done in the user's name since their last own sign-in (once)."""
        from dingmi_desktop.services.name_notice import acknowledge, notice_lines, pending_notice

        def show(notice: Any) -> None:
            from dingmi_desktop.ui.dialogs.name_notice import NameNoticeDialog

            if notice is None or self.session is not session:
                return
            if NameNoticeDialog.ask(self.main_window, notice, notice_lines(notice)):
                self.ops.run(lambda: acknowledge(session, notice), label="acknowledge notice")

        self.ops.run(lambda: pending_notice(session), show, label="name notice")

    def change_password(self) -> None:
        """Voluntary change from the menu."""
        from dingmi_desktop.ui.password_flows import voluntary_password_change

        voluntary_password_change(self)

    def _rearm_idle(self, minutes: int) -> None:
        self.idle.arm(minutes * 60)

    # --- switch user, lock, close -----------------------------------------------------------------

    def switch_user(self) -> None:
        window = self.main_window
        if window is None or not window.confirm_leave():
            return
        self._end_main(keep_page=False)
        self.show_sign_in()

    def lock(self) -> None:
        """The lock sequence; safe to call from a timer while a modal dialog is open."""
        window = self.main_window
        if window is None:
            return
        info = self.bundle.info if self.bundle else None
        window.save_before_lock()
        self.ops.wait_idle()
        close_dialogs(keep=window)
        clear_clipboard()
        self._end_main(keep_page=True)
        self.show_sign_in(
            locked_user=info.username if info else "",
            locked_display=info.display_name if info else "",
        )
        self.locked.emit()

    def _end_main(self, *, keep_page: bool) -> None:
        self.idle.disarm()
        window = self.main_window
        self.main_window = None
        if window is not None:
            self._restore_page = window.current_page_key() if keep_page else ""
            window.closed.disconnect(self._main_closed)
            window.drop_sensitive()
            window.close()
            window.deleteLater()
        session = self.session
        self.session = None
        self.bundle = None
        if session is not None:
            self.ops.run(lambda: self.backend.end_session(session), label="end session")

    def _main_closed(self) -> None:
        self._end_main(keep_page=False)
        self._finish()

    def _finish(self) -> None:
        self.idle.shutdown()
        self.finished.emit()
        if self.quit_on_close:
            app = QApplication.instance()
            if app is not None:
                app.quit()

    def top_widget(self) -> QWidget | None:
        return self.main_window or self.sign_in_dialog or self.wizard
