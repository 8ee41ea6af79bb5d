"""Admin views for people, in the real window: the audit page in words with a local date range and an export
of exactly the rows shown; a locked-out account shown as 锁定 and unlocked by the 系统管理员; policy fields
that refuse an out-of-range value with a message instead of clamping it."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from dingmi_desktop.ui.dialogs.cosign import CosignDialog
from dingmi_desktop.ui.dialogs.prompts import Confirm, SavePath
from dingmi_desktop.ui.excepthook import ErrorDialogs
from tests.fixtures.store import TEST_TODAY, cosign
from tests.gui.conftest import WAIT_MS, Harness
from tests.gui.test_printing_gui import call

RAW = ("min_length", "workflow.review_step", "form ", "user ", "True", "False", "PermissionDenied", "system")


def shown_cells(page) -> list[list[str]]:  # type: ignore[no-untyped-def]
    model = page.table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_audit_page_reads_in_words_filters_by_local_dates_and_exports_what_it_shows(
    gui: Harness, qtbot, clock, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("secadmin")
    accounts = gui.window.bundle.accounts
    call(gui, lambda: accounts.set_setting("workflow.review_step", "off", cosign()))
    clock.advance(days=2)
    later = TEST_TODAY + timedelta(days=2)
    gui.switch_to("auditor")
    page = gui.open_page("audit")

    cells = shown_cells(page)
    text = " ".join(" ".join(row) for row in cells)
    assert not [raw for raw in RAW if raw in text], text
    assert "设置“审核步骤”" in text and "值：关闭" in text
    total = page.table.visible_count()

    page.date_from.set_value(later)
    page.date_to.set_value(later)
    rows = shown_cells(page)
    assert 0 < len(rows) < total
    assert all(row[1].startswith(later.isoformat()) for row in rows)  # the 时间 column, local time
    assert f"显示 {len(rows)} 条" in page.feedback.text()

    target = tmp_path / "audit-view.csv"
    SavePath.set_next_answer(target)
    page.export_button.click()
    qtbot.waitUntil(lambda: "已导出" in page.feedback.text(), timeout=WAIT_MS)
    gui.idle()
    exported = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert exported[0] == ["序号", "时间", "用户", "操作", "对象", "结果", "详情"]
    assert exported[1:] == rows  # exactly the rows shown, in the order shown
    assert ErrorDialogs.count == 0

    page.refresh()
    gui.idle()
    latest = page.table.record_at(0)
    assert latest.action == "导出审计日志" and f"{later} 至 {later}" in latest.detail

    page.date_to.set_value(later - timedelta(days=1))  # 至 before 从: said, nothing shown, no export
    assert page.filter_error.isVisible() and "晚于" in page.filter_error.text()
    assert page.table.visible_count() == 0 and not page.export_button.isEnabled()


def test_a_locked_out_account_shows_as_locked_and_the_sysadmin_unlocks_it(gui: Harness, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.wait_sign_in()
    dialog = gui.controller.sign_in_dialog
    for _ in range(5):
        dialog.attempt("zhangsan", "wrong-password")
        gui.idle()
        qtbot.waitUntil(lambda: dialog.ready, timeout=WAIT_MS)
    gui.sign_in("sysadmin")
    page = gui.open_page("users")

    def state(username: str) -> str:
        for row in range(page.table.visible_count()):
            if page.table.record_at(row).username == username:
                return page.table.model().index(row, 4).data()
        raise AssertionError(username)

    assert state("zhangsan").startswith("锁定") and state("lisi") == "启用"
    assert page.table.select_where(lambda u: u.username == "lisi")
    assert not page.unlock_button.isEnabled()
    assert page.table.select_where(lambda u: u.username == "zhangsan")
    assert page.unlock_button.isEnabled()
    Confirm.set_next_answer(True)
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已解除 zhangsan 的锁定" in page.feedback.text(), timeout=WAIT_MS)
    gui.idle()
    assert state("zhangsan") == "启用"
    assert ErrorDialogs.count == 0

    gui.switch_to("zhangsan")  # signs in at once: the lock is gone
    assert gui.window.bundle.info.username == "zhangsan"


def test_policy_fields_refuse_an_out_of_range_value_with_a_message(gui: Harness, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("secadmin")
    page = gui.open_page("policy")
    field, error = page.spins["idle_lock_minutes"], page.errors["idle_lock_minutes"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "500")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.text() == "500"  # kept as typed, not clamped to 240
    assert error.isVisible() and "500 超出允许范围" in error.text() and "1–240" in error.text()
    page.save_button.click()
    gui.idle()
    assert "未保存" in page.feedback.text()
    assert gui.window.bundle.session.policy.idle_lock_minutes == 10

    field.selectAll()
    qtbot.keyClicks(field, "3")
    assert error.text() == ""  # the line stays reserved (no field moves), but says nothing
    CosignDialog.set_next_answer(cosign())
    page.save_button.click()
    qtbot.waitUntil(lambda: "已保存" in page.feedback.text(), timeout=WAIT_MS)
    assert gui.controller.idle.timeout_s == 180
