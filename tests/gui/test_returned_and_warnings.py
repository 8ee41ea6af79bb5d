"""Why a form came back, the reviewer's opinion on the form, early warnings, names not logins (issue 10)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.forms import FormKind
from dingmi_desktop.domain.preflight import SUPERIOR_ROUTE
from dingmi_desktop.domain.workflow import Status
from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.ui.dialogs.prompts import Confirm, Decision, DecisionDialog
from dingmi_desktop.ui.excepthook import ErrorDialogs
from dingmi_desktop.ui.pages.queue_page import DRAFTER_COLUMN
from tests.gui.conftest import WAIT_MS
from tests.gui.helpers import draft_and_submit, fill_secret_form, review

REASON = "知悉范围过宽，请收窄至项目组；" * 6 + "修改后重新提交。"  # long: shown in full, wrapped


def _return_as_wangwu(gui, qtbot, form_id: int) -> None:  # type: ignore[no-untyped-def]
    gui.switch_to("wangwu")
    page = gui.open_form(form_id)
    # the leader sees the reviewer's opinion on the form itself, next to the decision buttons
    panel = page.review_opinion
    assert panel.isVisible() and page.buttons["approve"].isVisible()
    assert "同意" in panel.heading.text() and "不同意" not in panel.heading.text()
    assert "李四" in panel.byline.text() and "定密审核人" in panel.byline.text()
    assert panel.byline.toolTip() == "lisi"
    assert panel.text.text() == "审核意见：同意拟定意见"
    assert not page.returned_banner.isVisible()
    DecisionDialog.set_next_answer(Decision(opinion=REASON, password=DEMO_PASSWORD))
    qtbot.mouseClick(page.buttons["return"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status_badge.text() == "已退回", timeout=WAIT_MS)
    gui.idle()


def test_returned_forms_queue_and_banner(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    form_id = draft_and_submit(gui, qtbot)
    review(gui, qtbot, form_id)
    _return_as_wangwu(gui, qtbot, form_id)
    gui.switch_to("zhangsan")
    home = gui.open_page("home")
    qtbot.waitUntil(lambda: home.cards["returned_to_me"].count.text() == "1", timeout=WAIT_MS)
    qtbot.mouseClick(home.cards["returned_to_me"].button, Qt.MouseButton.LeftButton)
    gui.idle()
    queue = gui.window.page("drafts")
    assert gui.window.current_page_key() == "drafts" and queue.scope.isVisible()
    assert queue.scope_key == "returned" and queue.scope.currentText() == "退回给我"
    assert [(s.id, s.status) for s in queue.rows] == [(form_id, Status.RETURNED)]  # not the demo drafts
    # names, not logins: the login is in the tooltip
    item = queue.table.source.item(0, DRAFTER_COLUMN)
    assert (item.text(), item.toolTip()) == ("张三", "登录名：zhangsan")
    # the same page shows every form of the clerk again with 全部
    queue.scope.setCurrentIndex(queue.scope.findData("all"))
    gui.idle()
    assert len(queue.rows) > 1 and {s.status for s in queue.rows} >= {Status.DRAFT, Status.RETURNED}
    queue.show_scope("returned")
    gui.idle()
    assert queue.select_form(form_id)
    qtbot.keyClick(queue.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gui.window.form_page is not None and gui.window.form_page.view is not None)
    gui.idle()
    page = gui.window.form_page
    banner = page.returned_banner
    assert banner.isVisible() and page.editable
    assert not page.review_opinion.isVisible()  # the reason is what the clerk needs here
    assert "定密责任人" in banner.heading.text() and "退回" in banner.heading.text()
    note = page.view.returned
    assert banner.byline.text() == f"王五（定密责任人）· {gui.window.bundle.when(note.time)}"
    assert banner.text.text() == "退回理由：" + REASON and banner.text.wordWrap()
    assert banner.text.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    # the banner stays while the clerk works on the reason (saved as 草稿), until resubmission
    page.editor.classification.scope.setText("项目组")
    page.save()
    gui.idle()
    page.reload()
    gui.idle()
    assert page.returned_banner.isVisible() and "修改中" in page.returned_banner.heading.text()


def test_early_warnings_while_typing_at_submit_and_at_review(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    page = gui.window.new_form(FormKind.REVIEW)
    fill_secret_form(page)  # 机密★10年 citing 示例一览表 第1条 (机密, 10年): nothing to warn about
    qtbot.waitUntil(lambda: not page.preflight.timer.isActive(), timeout=WAIT_MS)
    gui.idle()
    assert not page.preflight_panel.isVisible()
    page.editor.classification.set_category(Category.TOP_SECRET)
    assert page.preflight.timer.isActive()  # debounced: checked once the typing pauses
    qtbot.waitUntil(lambda: page.preflight_panel.isVisible(), timeout=WAIT_MS)
    assert SUPERIOR_ROUTE in page.preflight_panel.text.text()
    assert "上报" in page.preflight_panel.text.text()
    page.editor.classification.set_category(Category.CONFIDENTIAL)
    page.editor.classification.years.setValue(5)
    qtbot.waitUntil(lambda: SUPERIOR_ROUTE not in page.preflight_panel.text.text(), timeout=WAIT_MS)
    gui.idle()
    messages = page.preflight_panel.messages()
    assert len(messages) == 1 and "与所引依据条目“示例一览表 第1条”规定的机密级不一致" in messages[0]
    # at submit the clerk is asked; declining keeps the draft
    Confirm.set_next_answer(False)
    qtbot.mouseClick(page.buttons["submit"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "未提交" in page.feedback.text(), timeout=WAIT_MS)
    gui.idle()
    assert page.status_badge.text() == Status.DRAFT.value and page.form_id is not None
    # confirmed, the submit is refused: the cited item decides the level (Law 19)
    Confirm.set_next_answer(True)
    qtbot.mouseClick(page.buttons["submit"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ErrorDialogs.count > 0, timeout=WAIT_MS)
    gui.idle()
    assert "保密法第十九条" in ErrorDialogs.last_error and page.status_badge.text() == Status.DRAFT.value
    ErrorDialogs.reset()
    # a basis typed by hand (not in the 依据库) may be submitted, flagged 未经依据库核对
    page.editor.basis.reference.setText("某上级保密事项范围 第8条")
    qtbot.waitUntil(lambda: "未经依据库核对" in page.preflight_panel.text.text(), timeout=WAIT_MS)
    gui.idle()
    messages = page.preflight_panel.messages()
    assert len(messages) == 1
    Confirm.set_next_answer(True)
    qtbot.mouseClick(page.buttons["submit"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status_badge.text() == "待审核", timeout=WAIT_MS)
    gui.idle()
    form_id = page.form_id
    # the reviewer sees the same finding on the form
    gui.switch_to("lisi")
    reviewed = gui.open_form(form_id)
    assert reviewed.preflight_panel.isVisible() and reviewed.buttons["review"].isVisible()
    assert "审批前提示" in reviewed.preflight_panel.heading.text()
    assert reviewed.preflight_panel.messages() == messages
    assert "拟稿人 张三" in reviewed.id_label.text()
    queue = gui.open_page("to_review")
    row = next(r for r in range(queue.table.source.rowCount()) if queue.rows[r].id == form_id)
    assert queue.table.source.item(row, DRAFTER_COLUMN).text() == "张三"
