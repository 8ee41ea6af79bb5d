"""年度审核 page on the real window over the demo store plus one approved 机密 item: start the list, review
the item with the signing dialog, progress, the report, and who sees the page."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt

from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.ui.dialogs.prompts import SavePath
from dingmi_desktop.ui.navigation import entries_for
from dingmi_desktop.ui.pages.annual_review_dialog import ReviewAnswer, ReviewDialog
from tests.fixtures.store import TEST_TODAY


def test_start_review_progress_and_report(print_gui, approved, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    gui = print_gui
    gui.sign_in("wangwu")
    page = gui.open_page("annual_review")
    gui.idle()
    assert page.year.text() == str(TEST_TODAY.year)
    assert "尚未建立审核清单" in page.progress_label.text() and page.model.rowCount() == 0
    gui.qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    gui.idle()
    assert "新增 1 项，共 1 项" in page.feedback.text()
    assert page.model.rowCount() == 1 and page.model.row_at(0).form_id == approved
    assert "已审核 0 / 共 1 项" in page.progress_label.text() and "王五 0/1" in page.progress_label.text()
    page.decide_button.click()  # nothing selected yet
    assert "请先在清单中选择一项" in page.error.text()
    page.table.selectRow(0)
    ReviewDialog.set_next_answer(ReviewAnswer("维持", "仍需保密", "wrong-password"))
    page.decide_button.click()
    gui.idle()
    assert "密码" in page.error.text() and page.model.row_at(0).outcome == ""
    ReviewDialog.set_next_answer(ReviewAnswer("维持", "项目仍在进行，需继续保密", DEMO_PASSWORD))
    page.decide_button.click()
    gui.idle()
    assert page.model.row_at(0).outcome == "维持" and "已签名" in page.feedback.text()
    assert "已审核 1 / 共 1 项" in page.progress_label.text()
    page.open_button.click()
    gui.qtbot.waitUntil(lambda: gui.window.form_page is not None and gui.window.form_page.form_id == approved)
    page = gui.open_page("annual_review")
    page.scope.setCurrentIndex(page.scope.findData("pending"))
    gui.idle()
    assert page.model.rowCount() == 0
    SavePath.set_next_answer(tmp_path / "年度审核报告.pdf")
    page.export_button.click()
    gui.idle()
    assert "文件密级：机密" in page.feedback.text()
    assert (tmp_path / "年度审核报告.pdf").read_bytes().startswith(b"%PDF")
    assert openpyxl.load_workbook(tmp_path / "年度审核报告.xlsx").active["A1"].value == "机密"


def test_only_the_officer_and_the_clerk_see_the_page(gui) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    assert "annual_review" not in [e.key for e in gui.window.entries]
    assert gui.window.bundle.annual_review is None
    gui.switch_to("wangwu")
    assert "annual_review" in [e.key for e in gui.window.entries]
    available = {"annual_review"}
    assert [e.key for e in entries_for(frozenset({"保密员"}), available)] == ["annual_review"]
