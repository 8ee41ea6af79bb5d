"""The form page's 知悉人员 tab on the real window: a drafter asks to widen the circle of his 机密 item,
the officer approves it with his password, the list shows who was added, when and by whose approval."""

from __future__ import annotations

from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.ui.dialogs.prompts import Decision, DecisionDialog
from dingmi_desktop.ui.pages.form_knowers import KnowerRequest, KnowerRequestDialog


def _cells(tab, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [tab.table.item(row, c).text() for c in range(tab.table.columnCount())]


def test_request_then_officer_approval_on_the_form_page(print_gui, approved) -> None:  # type: ignore[no-untyped-def]
    gui = print_gui
    gui.sign_in("zhangsan")
    page = gui.open_form(approved)
    gui.idle()
    tab = page.knowers
    assert "张三、李四" in tab.note.text() and tab.table.rowCount() == 0
    assert not tab.approve_button.isVisible()
    KnowerRequestDialog.set_next_answer(KnowerRequest("李四", "重复"))
    tab.add_button.click()
    gui.idle()
    assert "已在该事项的知悉人员中" in tab.error.text()
    KnowerRequestDialog.set_next_answer(KnowerRequest("王小明", "参与项目二期评审"))
    tab.add_button.click()
    gui.idle()
    assert _cells(tab, 0)[:2] == ["王小明", "待批准"] and "须经定密责任人批准" in page.feedback.text()
    assert page.tabs.tabText(2) == "知悉人员（2）"  # a pending person is not in the circle yet
    gui.switch_to("wangwu")
    page = gui.open_form(approved)
    gui.idle()
    tab = page.knowers
    tab.table.selectRow(0)
    DecisionDialog.set_next_answer(Decision(opinion="同意", password=DEMO_PASSWORD))
    tab.approve_button.click()
    gui.idle()
    row = _cells(tab, 0)
    assert row[0] == "王小明" and row[1] == "已批准" and row[3] == "王五" and row[4] == "张三"
    assert page.tabs.tabText(2) == "知悉人员（3）"  # 张三、李四 and the approved 王小明
