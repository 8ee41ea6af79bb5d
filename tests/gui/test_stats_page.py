"""定密统计 page on the real window over the demo store: table and charts, filters, export, who sees it."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt

from dingmi_desktop.services.register import RegisterFilter
from dingmi_desktop.ui.dialogs.prompts import SavePath
from tests.fixtures.store import TEST_TODAY


def _open(gui):  # type: ignore[no-untyped-def]
    gui.sign_in("wangwu")
    page = gui.open_page("stats")
    gui.qtbot.waitUntil(lambda: page.result is not None, timeout=5000)
    gui.idle()
    return page


def test_the_year_table_and_charts_match_the_register(print_gui) -> None:  # type: ignore[no-untyped-def]
    gui = print_gui  # the demo store plus one item approved today
    page = _open(gui)
    register = gui.window.bundle.register
    decided = register.count(RegisterFilter(year=TEST_TODAY.year))
    assert decided > 0
    assert page.year.text() == str(TEST_TODAY.year)
    last = page.table.rowCount() - 1
    assert page.table.item(last, 0).text() == "合计"
    assert page.table.item(last, 1).text() == str(decided)
    assert sum(value for _, value in page.level_chart.bars) == decided
    assert [label for label, _ in page.level_chart.bars] == ["绝密", "机密", "秘密", "内部", "非密"]
    assert "均计入所涉事项的产生部门" in page.findChild(type(page.feedback), "statsNote").text()
    departments = [page.table.item(r, 0).text() for r in range(last)]
    assert [label for label, _ in page.department_chart.bars] == departments
    # one department: the table keeps that department and the total
    page.department.setCurrentIndex(1)
    gui.idle()
    assert page.result.department == departments[0] and page.table.rowCount() == 2
    # a year before any decision: zeros, nothing invented
    page.department.setCurrentIndex(0)
    gui.idle()
    page.year.clear()
    gui.qtbot.keyClicks(page.year, str(TEST_TODAY.year - 5))
    gui.qtbot.keyClick(page.year, Qt.Key.Key_Return)
    gui.idle()
    assert page.result.year == TEST_TODAY.year - 5 and page.result.total.counts["合计"] == 0


def test_a_bad_year_says_how_to_fix_it(gui) -> None:  # type: ignore[no-untyped-def]
    page = _open(gui)
    page.year.clear()
    gui.qtbot.keyClicks(page.year, "26")
    gui.qtbot.keyClick(page.year, Qt.Key.Key_Return)
    gui.idle()
    assert "四位数字" in page.error.text()


def test_export_writes_a_marked_workbook_and_is_audited(gui, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _open(gui)
    out = tmp_path / "统计.xlsx"
    SavePath.set_next_answer(out)
    page.export_button.click()
    gui.idle()
    assert "已导出" in page.feedback.text()
    sheet = openpyxl.load_workbook(out).active
    assert sheet["A1"].value == "内部" and sheet.oddHeader.center.text == "内部"
    pdf = tmp_path / "统计.pdf"
    SavePath.set_next_answer(pdf)
    page.export_button.click()
    gui.idle()
    assert pdf.read_bytes().startswith(b"%PDF")


def test_only_the_officer_and_the_clerk_have_the_page(gui) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    assert "stats" not in {e.key for e in gui.window.entries}
