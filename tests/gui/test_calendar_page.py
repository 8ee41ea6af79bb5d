"""工作日历 page: the 安全保密管理员 lists, adds and removes holidays and 调休 working days."""

from __future__ import annotations

from datetime import date

from dingmi_desktop.ui.dialogs.fields_dialog import FieldsDialog
from dingmi_desktop.ui.dialogs.prompts import Confirm
from dingmi_desktop.ui.excepthook import ErrorDialogs
from tests.gui.conftest import WAIT_MS


def _shown(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [page.table.record_at(r).day.isoformat() for r in range(page.table.visible_count())]


def _choose_year(page, year: int | None) -> None:  # type: ignore[no-untyped-def]
    page.year.setCurrentIndex(page.year.findData(year))


def test_only_the_security_admin_has_the_calendar_page(gui) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    assert not gui.window.has_page("calendar")
    gui.switch_to("sysadmin")
    assert not gui.window.has_page("calendar")
    gui.switch_to("secadmin")
    assert gui.window.has_page("calendar")


def test_security_admin_lists_adds_and_removes_dates(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("secadmin")
    page = gui.open_page("calendar")
    qtbot.waitUntil(lambda: page.table.visible_count() > 0, timeout=WAIT_MS)
    _choose_year(page, 2026)
    shown = _shown(page)
    assert len(shown) == 39 and shown[0] == "2026-01-01" and shown == sorted(shown)
    assert page.summary.text() == "2026年：节假日 33 天，调休上班 6 天。"
    row = shown.index("2026-10-03")
    cells = [page.table.model().index(row, c).data() for c in range(5)]
    assert cells == ["2026-10-03", "星期六", "节假日", "国庆节", "周末，不影响工作日计数"]

    FieldsDialog.set_next_answer(
        {"date": date(2026, 12, 31), "until": None, "kind": "节假日", "note": "年末"}
    )
    page.add_button.click()
    qtbot.waitUntil(lambda: "已登记 1 天为节假日" in page.feedback.text(), timeout=WAIT_MS)
    gui.idle()
    assert "2026-12-31" in _shown(page)

    FieldsDialog.set_next_answer({"date": date(2027, 1, 9), "until": None, "kind": "调休上班", "note": ""})
    page.add_button.click()
    qtbot.waitUntil(lambda: "已登记 1 天为调休上班" in page.feedback.text(), timeout=WAIT_MS)
    gui.idle()
    _choose_year(page, 2027)
    assert _shown(page) == ["2027-01-09"]
    _choose_year(page, None)  # 全部
    assert len(_shown(page)) == 41

    # a rule broken: explained on the page, no error dialog, nothing stored
    FieldsDialog.set_next_answer({"date": date(2026, 12, 30), "until": None, "kind": "调休上班", "note": ""})
    page.add_button.click()
    qtbot.waitUntil(lambda: page.feedback.text().startswith("未保存"), timeout=WAIT_MS)
    gui.idle()
    assert "调休上班日须为星期六或星期日" in page.feedback.text()
    assert "2026-12-30" not in _shown(page)
    assert ErrorDialogs.count == 0, ErrorDialogs.last_error

    assert page.table.select_where(lambda d: d is not None and d.day == date(2026, 12, 31))
    Confirm.set_next_answer(True)
    page.remove_button.click()
    qtbot.waitUntil(lambda: "已删除 2026-12-31" in page.feedback.text(), timeout=WAIT_MS)
    gui.idle()
    assert "2026-12-31" not in _shown(page)

    entries = [e for e in gui.controller.bundle.calendar.days() if e.day.year == 2026]
    assert len(entries) == 39  # the worker is idle: read the store directly


def test_remove_needs_a_selection_and_a_confirmation(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("secadmin")
    page = gui.open_page("calendar")
    qtbot.waitUntil(lambda: page.table.visible_count() > 0, timeout=WAIT_MS)
    page.table.clearSelection()
    page.remove_button.click()
    assert page.feedback.text() == "请先在列表中选择要删除的日期。"
    count = page.table.visible_count()
    assert page.table.select_where(lambda d: d is not None and d.day == date(2026, 10, 1))
    Confirm.set_next_answer(False)
    page.remove_button.click()
    gui.idle()
    assert page.table.visible_count() == count


def test_locking_clears_the_page(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("secadmin")
    page = gui.open_page("calendar")
    qtbot.waitUntil(lambda: page.table.visible_count() > 0, timeout=WAIT_MS)
    page.clear_sensitive()
    assert page.table.visible_count() == 0 and page.days == [] and page.summary.text() == ""
