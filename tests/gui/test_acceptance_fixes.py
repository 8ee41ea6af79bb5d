"""Defects seen on a real 1366×768 display at 100 % and 125 % (issue 10 acceptance screenshots)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def test_window_titles_leave_the_program_name_to_qt(gui) -> None:  # type: ignore[no-untyped-def]
    # X11 and Windows append the display name themselves: "定密桌面 — 登录 — 定密桌面" before.
    name = QApplication.applicationDisplayName()
    assert name
    gui.wait_sign_in()
    assert name not in gui.controller.sign_in_dialog.windowTitle()
    gui.sign_in("auditor")
    assert name not in gui.window.windowTitle()


def test_the_audit_text_filter_keeps_its_width_on_a_small_screen(gui) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("auditor")
    page = gui.open_page("audit")
    gui.window.showNormal()
    gui.window.resize(800, 500)  # less than 1366×768 at 125 % (1093×614)
    gui.qtbot.waitUntil(lambda: gui.window.width() <= 800)
    QApplication.processEvents()
    assert page.filter.width() >= 180  # was squeezed to a few characters
    assert page.date_from.line.geometry().top() == page.date_to.line.geometry().top()
