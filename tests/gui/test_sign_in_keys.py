"""The keyboard on the sign-in dialog, the lock screen, the first-run wizard and the password change.

Keys go where a real keyboard sends them: to the application's focus widget, with the dialog active.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.ui.dialogs.sign_in import ConfirmQuit
from tests.gui.conftest import WAIT_MS

RETURN, ENTER, ESCAPE = Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape
ADMIN_PASSWORDS = {"sysadmin": "Sys#Admin2026x", "secadmin": "Sec#Admin2026x", "auditor": "Aud#Admin2026x"}


def _activate(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)


def _press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """One key to whatever has the keyboard focus, as the window system delivers it."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    qtbot.keyClick(target, key, modifier)


def _type(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    target = QApplication.focusWidget()
    assert isinstance(target, QLineEdit), target
    qtbot.keyClicks(target, text)


def _sign_in_dialog(gui):  # type: ignore[no-untyped-def]
    gui.wait_sign_in()
    dialog = gui.controller.sign_in_dialog
    _activate(gui.qtbot, dialog)
    return dialog


def _finished(gui) -> list[bool]:  # type: ignore[no-untyped-def]
    seen: list[bool] = []
    gui.controller.finished.connect(lambda: seen.append(True))
    return seen


# --- sign-in dialog ---------------------------------------------------------------------------------


def test_enter_in_the_password_field_signs_in(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _sign_in_dialog(gui)
    finished = _finished(gui)
    dialog.username.setFocus()
    _type(qtbot, "zhangsan")
    _press(qtbot, RETURN)
    assert QApplication.focusWidget() is dialog.password
    assert dialog.message.text() == ""  # Enter in the user name moves on, it does not submit
    _type(qtbot, DEMO_PASSWORD)
    _press(qtbot, RETURN)
    qtbot.waitUntil(lambda: gui.controller.main_window is not None, timeout=WAIT_MS)
    gui.idle()
    assert gui.window.bundle.info.username == "zhangsan"
    assert not finished


def test_enter_pressed_again_while_the_kdf_runs_neither_quits_nor_submits_twice(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _sign_in_dialog(gui)
    finished = _finished(gui)
    submitted: list[str] = []
    dialog.submitted.connect(lambda user, _password: submitted.append(user))
    ConfirmQuit.set_next_answer(True)  # were any of these keys to ask about quitting, the answer would quit
    dialog.username.setFocus()
    _type(qtbot, "zhangsan")
    _press(qtbot, RETURN)
    _type(qtbot, DEMO_PASSWORD)
    _press(qtbot, RETURN)
    assert gui.ops.busy  # the KDF runs on the worker; its result is not delivered before these keys
    _press(qtbot, RETURN)
    _press(qtbot, ENTER)
    _press(qtbot, ESCAPE)
    assert dialog.isVisible() and not finished
    qtbot.waitUntil(lambda: gui.controller.main_window is not None, timeout=WAIT_MS)
    gui.idle()
    assert submitted == ["zhangsan"]
    assert not finished


def test_escape_asks_before_quitting_and_no_keeps_the_dialog(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _sign_in_dialog(gui)
    finished = _finished(gui)
    ConfirmQuit.set_next_answer(False)
    _press(qtbot, ESCAPE)
    assert dialog.isVisible() and not finished
    assert not ConfirmQuit._answers  # it asked
    ConfirmQuit.set_next_answer(False)
    dialog.quit_button.click()  # 退出 asks too
    assert dialog.isVisible() and not finished and not ConfirmQuit._answers
    ConfirmQuit.set_next_answer(True)
    _press(qtbot, ESCAPE)
    assert finished


def test_caps_lock_is_flagged_from_the_letters_typed(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _sign_in_dialog(gui)
    dialog.password.setFocus()
    hint = dialog.findChild(QWidget, "capsLockHint")
    assert hint.text() == ""
    qtbot.keyClicks(dialog.password, "A")  # an upper-case letter without Shift: Caps Lock is on
    assert hint.text() == "大写锁定已打开"
    qtbot.keyClicks(dialog.password, "b")
    assert hint.text() == ""
    qtbot.keyClick(dialog.password, "c", Qt.KeyboardModifier.ShiftModifier)  # Shift gives lower case
    assert hint.text() == "大写锁定已打开"
    qtbot.keyClick(dialog.password, Qt.Key.Key_CapsLock)  # pressed again: off
    assert hint.text() == ""
    qtbot.keyClicks(dialog.password, "7")  # digits tell nothing
    assert hint.text() == ""
    assert dialog.password.text() == "Abc7"


def test_show_password_toggle(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _sign_in_dialog(gui)
    toggle = dialog.password.findChild(QAction, "showPassword")
    assert toggle is not None and toggle.isCheckable()
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Password
    toggle.trigger()
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Normal
    assert toggle.toolTip() == "隐藏密码"
    toggle.trigger()
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Password
    assert toggle.toolTip() == "显示密码"


def _fail_by_keyboard(gui, qtbot, username: str, password: str):  # type: ignore[no-untyped-def]
    dialog = gui.controller.sign_in_dialog
    dialog.username.setFocus()
    dialog.username.selectAll()
    _type(qtbot, username)
    _press(qtbot, RETURN)
    _type(qtbot, password)
    _press(qtbot, RETURN)
    qtbot.waitUntil(lambda: dialog.sign_in.isEnabled(), timeout=WAIT_MS)
    gui.idle()
    return dialog.message.text(), dialog.findChild(QWidget, "signInAttempts").text()


def test_a_refused_password_says_how_many_attempts_are_left(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    _sign_in_dialog(gui)
    message, left = _fail_by_keyboard(gui, qtbot, "lisi", "wrong-1")
    assert message == "用户名或密码错误。"
    assert left == "还可尝试 4 次，之后账户将锁定 10 分钟。"
    assert _fail_by_keyboard(gui, qtbot, "lisi", "wrong-2")[1].startswith("还可尝试 3 次")
    unknown = _fail_by_keyboard(gui, qtbot, "nobody", "wrong")  # counted like an account: same words
    assert unknown == ("用户名或密码错误。", "还可尝试 4 次，之后账户将锁定 10 分钟。")
    for attempt in range(3):
        message, left = _fail_by_keyboard(gui, qtbot, "lisi", f"again-{attempt}")
    assert message.startswith("账户已锁定") and left == ""


# --- lock screen ------------------------------------------------------------------------------------


def test_lock_screen_unlocks_with_enter_and_escape_asks(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    gui.window.action_lock.trigger()
    dialog = _sign_in_dialog(gui)
    assert dialog.locked_user == "zhangsan"
    finished = _finished(gui)
    ConfirmQuit.set_next_answer(False)
    _press(qtbot, ESCAPE)
    assert dialog.isVisible() and not finished and not ConfirmQuit._answers
    ConfirmQuit.set_next_answer(True)
    dialog.password.setFocus()
    _type(qtbot, DEMO_PASSWORD)
    _press(qtbot, RETURN)
    _press(qtbot, RETURN)
    _press(qtbot, ESCAPE)
    qtbot.waitUntil(lambda: gui.controller.main_window is not None, timeout=WAIT_MS)
    gui.idle()
    assert gui.window.bundle.info.username == "zhangsan"
    assert not finished


# --- first-run wizard -------------------------------------------------------------------------------


def test_first_run_wizard_by_keyboard(fresh_gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui = fresh_gui
    qtbot.waitUntil(lambda: gui.controller.wizard is not None, timeout=WAIT_MS)
    wizard = gui.controller.wizard
    _activate(qtbot, wizard)
    finished = _finished(gui)
    ConfirmQuit.set_next_answer(False)
    _press(qtbot, ESCAPE)
    assert wizard.isVisible() and not finished and not ConfirmQuit._answers
    wizard.unit_page.unit.setFocus()
    wizard.unit_page.unit.setText("测试市保密局")  # QTest cannot type 汉字; an input method would
    _press(qtbot, RETURN)
    assert wizard.currentPage() is wizard.accounts_page
    first = wizard.accounts_page.passwords["sysadmin"][0]
    first.setFocus()
    for username, _role in (("sysadmin", ""), ("secadmin", ""), ("auditor", "")):
        for _ in range(2):  # the password, then the repeat: Enter moves on while the page is incomplete
            _type(qtbot, ADMIN_PASSWORDS[username])
            _press(qtbot, RETURN)
    assert wizard.accounts_page.message.text().startswith("正在创建")
    ConfirmQuit.set_next_answer(True)
    _press(qtbot, RETURN)
    _press(qtbot, ESCAPE)
    assert not finished
    gui.wait_sign_in()
    assert gui.controller.wizard is None and not finished
    assert "测试市保密局" in gui.controller.sign_in_dialog.unit_label.text()


# --- change password --------------------------------------------------------------------------------


def test_change_password_enter_while_busy_does_not_cancel(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    gui.controller.change_password()
    dialog = gui.controller.password_dialog
    _activate(qtbot, dialog)
    rejected: list[bool] = []
    dialog.rejected.connect(lambda: rejected.append(True))
    dialog.old.setFocus()
    _type(qtbot, DEMO_PASSWORD)
    _press(qtbot, RETURN)  # moves on to the new password
    assert QApplication.focusWidget() is dialog.new
    _type(qtbot, "Qwe#Rty2026xyz")
    _press(qtbot, RETURN)
    assert QApplication.focusWidget() is dialog.repeat
    _type(qtbot, "Qwe#Rty2026xyz")
    _press(qtbot, RETURN)
    assert gui.ops.busy
    _press(qtbot, RETURN)
    _press(qtbot, ESCAPE)
    qtbot.waitUntil(lambda: gui.controller.password_dialog is None, timeout=WAIT_MS)
    gui.idle()
    assert not rejected
    assert gui.window.statusBar().currentMessage() == "密码已修改。"


def test_a_long_sign_in_says_why_and_a_refusal_is_not_overwritten(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _sign_in_dialog(gui)
    dialog.long_wait.setInterval(50)
    dialog.set_busy(True)  # as a submission does: the store is being opened (perhaps upgraded) in the worker
    assert "正在验证身份" in dialog.message.text()
    qtbot.waitUntil(lambda: "首次使用新版本时会先备份" in dialog.message.text(), timeout=WAIT_MS)
    dialog.fail("用户名或密码错误。")
    qtbot.wait(150)  # longer than the interval: the stopped timer does not come back
    assert dialog.message.text() == "用户名或密码错误。"
