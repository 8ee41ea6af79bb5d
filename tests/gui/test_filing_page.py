"""备案报备 page on the real window: bad input said in Chinese, the officer issues in one step, a draft is
signed only with the right password and the digest shown, the export is a marked PDF; who has the page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.ui.dialogs.prompts import SavePath
from dingmi_desktop.ui.dialogs.sign_filing import SignFilingDialog
from tests.export.pdfread import read_pages
from tests.gui.conftest import WAIT_MS


def _open(gui):  # type: ignore[no-untyped-def]
    gui.sign_in("wangwu")
    page = gui.open_page("filing")
    gui.idle()
    return page


def _statuses(page) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [
        (page.table.record_at(r).row.status, page.table.model().index(r, 7).data())
        for r in range(page.table.visible_count())
    ]


def test_the_officer_issues_and_signs_drafts_on_the_page(print_gui, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    gui = print_gui  # the demo store plus one item approved today
    page = _open(gui)
    assert page.table.visible_count() == 0 and page.issue_button.isVisible()
    page.prepare_button.click()
    gui.idle()
    assert "上级机关名称" in page.error.text() and page.table.visible_count() == 0
    page.superior.setText("某市国家保密局")  # Chinese comes from the input method, not key events
    SignFilingDialog.set_next_answer(DEMO_PASSWORD)
    page.issue_button.click()
    gui.idle()
    gui.qtbot.waitUntil(lambda: page.table.visible_count() == 1, timeout=WAIT_MS)
    assert _statuses(page) == [("已签发", "有效")] and "已签发" in page.feedback.text()
    page.prepare_button.click()
    page.prepare_button.click()  # a double click: the button is off while the first one runs
    gui.idle()
    gui.qtbot.waitUntil(lambda: page.table.visible_count() == 2, timeout=WAIT_MS)
    draft = page.table.selected_record()  # the draft just made is selected
    assert draft is not None and draft.row.status == "草稿"
    assert draft.row.content_digest in page.digest.text()
    SignFilingDialog.set_next_answer("wrong-password")
    page.sign_button.click()
    gui.idle()
    assert "密码" in page.feedback.text()
    page.refresh()
    gui.idle()
    assert sorted(_statuses(page)) == [("已签发", "有效"), ("草稿", "—")]
    page.table.select_where(lambda v: v.row.status == "草稿")
    SignFilingDialog.set_next_answer(DEMO_PASSWORD)
    page.sign_button.click()
    gui.idle()
    gui.qtbot.waitUntil(lambda: sorted(_statuses(page)) == [("已签发", "有效")] * 2, timeout=WAIT_MS)
    out = tmp_path / "备案.pdf"
    SavePath.set_next_answer(out)
    page.table.selectRow(0)
    page.export_button.click()
    gui.idle()
    assert "已导出" in page.feedback.text()
    cover = read_pages(out.read_bytes())[0].text()
    assert "定密事项备案表" in cover and "某市国家保密局" in cover


def test_bad_dates_are_refused_before_anything_is_recorded(print_gui) -> None:  # type: ignore[no-untyped-def]
    page = _open(print_gui)
    page.superior.setText("某局")
    page.first.line.setFocus()
    page.first.line.selectAll()
    print_gui.qtbot.keyClicks(page.first.line, "2099-01-01")
    print_gui.qtbot.keyClick(page.first.line, Qt.Key.Key_Tab)
    page.prepare_button.click()
    print_gui.idle()
    assert "晚于止日" in page.error.text() and page.table.visible_count() == 0


def test_only_the_officer_and_the_clerk_have_the_page(gui) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    assert "filing" not in {e.key for e in gui.window.entries}
