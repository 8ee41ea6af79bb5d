"""Shared machine: sign-in messages, lockout, forced password change, idle auto-lock, first run."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.ui.dialogs.cosign import CosignDialog
from tests.fixtures.store import cosign
from tests.gui.conftest import WAIT_MS

NEW_ADMIN_PASSWORDS = {
    "sysadmin": "Sys#Admin2026x",
    "secadmin": "Sec#Admin2026x",
    "auditor": "Aud#Admin2026x",
}


def _fail_once(gui, username: str, password: str) -> str:  # type: ignore[no-untyped-def]
    dialog = gui.controller.sign_in_dialog
    dialog.attempt(username, password)
    gui.qtbot.waitUntil(lambda: dialog.sign_in.isEnabled(), timeout=WAIT_MS)
    gui.idle()
    return dialog.message.text()


def test_sign_in_dialog_shows_unit_and_wrong_password_message(gui) -> None:  # type: ignore[no-untyped-def]
    gui.wait_sign_in()
    dialog = gui.controller.sign_in_dialog
    assert dialog.isVisible()
    assert "示例单位" in dialog.findChild(type(dialog.message), "unitTitle").text()
    assert _fail_once(gui, "zhangsan", "wrong-password") == "用户名或密码错误。"
    assert dialog.password.text() == ""
    assert gui.controller.main_window is None


def test_lockout_after_repeated_wrong_passwords_shows_remaining_time(gui) -> None:  # type: ignore[no-untyped-def]
    gui.wait_sign_in()
    messages = [_fail_once(gui, "lisi", f"wrong-{i}") for i in range(5)]
    assert messages[0] == "用户名或密码错误。"
    locked = _fail_once(gui, "lisi", DEMO_PASSWORD)  # even the right password is refused now
    assert locked.startswith("账户已锁定"), [*messages, locked]
    assert "分" in locked and "秒后重试" in locked
    assert gui.controller.main_window is None


def test_idle_auto_lock_clears_and_unlocks_same_user(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("lisi")
    gui.open_page("to_review")
    window = gui.window
    assert window.lock_label.text().startswith("空闲 10 分钟后自动锁定")
    QGuiApplication.clipboard().setText("机密内容")
    box = QMessageBox(window)
    box.setText("an open dialog")
    box.open()
    gui.clock.advance(9 * 60)
    gui.controller.idle.check()
    assert gui.controller.main_window is window  # not yet
    with qtbot.waitSignal(gui.controller.locked, timeout=WAIT_MS):
        gui.clock.advance(61)
    assert gui.controller.main_window is None
    assert QGuiApplication.clipboard().text() == ""
    assert not box.isVisible()
    dialog = gui.controller.sign_in_dialog
    assert dialog.locked_user == "lisi" and dialog.username.isReadOnly()
    assert "已锁定" in dialog.windowTitle()
    gui.sign_in("lisi")
    assert gui.window.current_page_key() == "to_review"


def test_locked_session_can_be_taken_over_by_another_user(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    gui.window.action_lock.trigger()
    gui.wait_sign_in()
    dialog = gui.controller.sign_in_dialog
    dialog.other_user.click()
    assert not dialog.username.isReadOnly()
    gui.sign_in("wangwu")
    assert gui.window.bundle.info.username == "wangwu"
    assert gui.window.has_page("to_approve") and not gui.window.has_page("drafts")


def test_first_run_wizard_creates_store_and_forces_initial_password_change(fresh_gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui = fresh_gui
    qtbot.waitUntil(lambda: gui.controller.wizard is not None, timeout=WAIT_MS)
    wizard = gui.controller.wizard
    wizard.fill("测试市保密局", "机密", {**NEW_ADMIN_PASSWORDS, "auditor": "short"})
    assert not wizard.accounts_page.isComplete()
    assert "长度至少" in wizard.accounts_page.message.text()
    wizard.fill("测试市保密局", "机密", NEW_ADMIN_PASSWORDS)
    assert wizard.accounts_page.isComplete()
    wizard.accept()
    gui.wait_sign_in()
    assert gui.controller.wizard is None
    dialog = gui.controller.sign_in_dialog
    assert "测试市保密局" in dialog.findChild(type(dialog.message), "unitTitle").text()

    dialog.attempt("secadmin", NEW_ADMIN_PASSWORDS["secadmin"])
    qtbot.waitUntil(lambda: gui.controller.password_dialog is not None, timeout=WAIT_MS)
    change = gui.controller.password_dialog
    change.attempt("weak")
    assert "不符合安全策略" in change.message.text()
    change.attempt("Sec#Changed2026")
    qtbot.waitUntil(lambda: gui.controller.main_window is not None, timeout=WAIT_MS)
    gui.idle()
    assert gui.window.has_page("policy") and gui.window.has_page("officers")
    assert not gui.window.has_page("users")

    gui.window.action_switch_user.trigger()
    gui.wait_sign_in()
    _change_initial_password(gui, qtbot, "sysadmin", "Sys#Changed2026")
    users = gui.open_page("users")
    assert {u.username for u in (users.table.record_at(r) for r in range(users.table.visible_count()))} == {
        "sysadmin",
        "secadmin",
        "auditor",
    }

    gui.window.action_switch_user.trigger()
    gui.wait_sign_in()
    _change_initial_password(gui, qtbot, "auditor", "Aud#Changed2026")
    assert gui.window.has_page("audit") and not gui.window.has_page("users")
    entries = gui.controller.bundle.audit.entries()  # the worker is idle
    created = {e.object_id for e in entries if e.action == "创建账户"}
    assert created == {"sysadmin", "secadmin", "auditor"}
    assert not [e for e in entries if e.action == "重置密码"]  # each got its own password at creation


def _change_initial_password(gui, qtbot, username: str, new_password: str) -> None:  # type: ignore[no-untyped-def]
    """Signs in with the wizard's initial password, which must be changed before the main window opens."""
    dialog = gui.controller.sign_in_dialog
    for other, password in NEW_ADMIN_PASSWORDS.items():  # no account accepts another account's password
        if other != username:
            dialog.attempt(username, password)
            qtbot.waitUntil(lambda: dialog.sign_in.isEnabled(), timeout=WAIT_MS)
            gui.idle()
            assert dialog.message.text() == "用户名或密码错误。"
            assert gui.controller.password_dialog is None
    dialog.attempt(username, NEW_ADMIN_PASSWORDS[username])
    qtbot.waitUntil(lambda: gui.controller.password_dialog is not None, timeout=WAIT_MS)
    assert gui.controller.main_window is None
    gui.controller.password_dialog.attempt(new_password)
    qtbot.waitUntil(lambda: gui.controller.main_window is not None, timeout=WAIT_MS)
    gui.idle()
    assert gui.window.bundle.info.username == username


def test_security_admin_changes_idle_lock_policy(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("secadmin")
    page = gui.open_page("policy")
    assert page.spins["idle_lock_minutes"].value() == 10
    page.spins["idle_lock_minutes"].setValue(3)
    CosignDialog.set_next_answer(cosign())
    page.save_button.click()
    qtbot.waitUntil(lambda: "已保存" in page.feedback.text(), timeout=WAIT_MS)
    assert gui.controller.idle.timeout_s == 180
    assert gui.window.lock_label.text().startswith("空闲 3 分钟")
    with qtbot.waitSignal(gui.controller.locked, timeout=WAIT_MS):
        gui.clock.advance(181)


def test_user_changes_own_password_from_the_menu(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("zhaoliu")
    gui.window.action_change_password.trigger()
    dialog = gui.controller.password_dialog
    assert dialog is not None
    dialog.attempt("Zhao#Liu2026new", old_password=DEMO_PASSWORD)
    qtbot.waitUntil(lambda: gui.controller.password_dialog is None, timeout=WAIT_MS)
    gui.idle()
    gui.switch_to("zhaoliu", "Zhao#Liu2026new")
    assert gui.window.bundle.info.username == "zhaoliu"


def test_busy_store_is_reported_and_the_program_ends(qtbot, _styled_app, demo_dir, clock) -> None:  # type: ignore[no-untyped-def]
    from dingmi_desktop.app import StoreBackend
    from dingmi_desktop.security.kdf import KdfParams
    from dingmi_desktop.storage import Store
    from dingmi_desktop.ui.excepthook import ErrorDialogs
    from tests.gui.conftest import _start

    holder = Store.open(demo_dir)  # another program holds the store
    try:
        backend = StoreBackend(demo_dir, demo=False, kdf=KdfParams.FLOOR, clock=clock)
        harness_iter = _start(qtbot, backend)
        gui = next(harness_iter)
        with qtbot.waitSignal(gui.controller.finished, timeout=WAIT_MS):
            pass
        assert "另一个定密桌面程序" in ErrorDialogs.last_error
        assert gui.controller.sign_in_dialog is None
        next(harness_iter, None)
    finally:
        holder.close()


def test_idle_lock_closes_an_open_modal_decision_dialog(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from dingmi_desktop.ui.dialogs.prompts import DecisionDialog

    gui.sign_in("wangwu")
    page = gui.open_form(1)  # any open form hosts the dialog
    seen: list[str] = []

    def go_idle_once_the_dialog_is_up() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or not modal.isVisible():
            return  # not up yet: poll again (no fixed delay to lose a race against)
        poll.stop()
        seen.append(modal.objectName())
        gui.clock.advance(11 * 60)
        gui.controller.idle.check()  # what the idle timer does, with no input event in between

    def rescue() -> None:  # a broken lock must fail the test, not leave the modal loop running forever
        modal = QApplication.activeModalWidget()
        if modal is not None:
            modal.close()

    poll, guard = QTimer(), QTimer()
    poll.setInterval(10)
    poll.timeout.connect(go_idle_once_the_dialog_is_up)
    guard.setSingleShot(True)
    guard.setInterval(WAIT_MS)
    guard.timeout.connect(rescue)
    poll.start()
    guard.start()
    try:
        with qtbot.waitSignal(gui.controller.locked, timeout=WAIT_MS):
            answer = DecisionDialog.ask(page, "定密审核", with_vote=True)  # a real modal loop
    finally:  # no timer of this test may fire during a later one
        poll.stop()
        guard.stop()
    assert seen == ["decisionDialog"]
    assert answer is None  # the dialog was rejected by the lock sequence
    assert gui.controller.main_window is None
    assert QApplication.activeModalWidget() is None
    assert gui.controller.sign_in_dialog is not None
    assert gui.controller.sign_in_dialog.locked_user == "wangwu"
