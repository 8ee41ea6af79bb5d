"""变更 of a decided item through the real window: the lifecycle panel opens the decision form, the chain
decides it, the item shows its old marking struck through beside the new one, the office records notices."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt

from dingmi_desktop.ui.dialogs.prompts import Confirm
from dingmi_desktop.ui.pages.form_lifecycle import struck
from tests.fixtures.store import TEST_TODAY
from tests.gui.conftest import WAIT_MS, Harness
from tests.gui.helpers import approve, review

SHOTS = os.environ.get("DINGMI_SHOTS", "")


def _shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    if SHOTS:
        page.window().grab().save(os.path.join(SHOTS, name))


def test_change_from_the_form_page_to_notices(print_gui: Harness, approved: int) -> None:
    gui, qtbot = print_gui, print_gui.qtbot
    gui.sign_in("lisi")
    page = gui.open_form(approved)
    qtbot.waitUntil(lambda: page.lifecycle_panel.info is not None, timeout=WAIT_MS)
    assert not page.lifecycle_panel.open_box.isVisibleTo(page)  # a 定密审核人 opens no decision form
    gui.switch_to("zhangsan")
    page = gui.open_form(approved)
    panel = page.lifecycle_panel
    qtbot.waitUntil(lambda: panel.info is not None and panel.isVisible(), timeout=WAIT_MS)
    assert "机密★10年" in panel.terms_label.text()
    qtbot.mouseClick(panel.buttons[next(iter(panel.buttons))], Qt.MouseButton.LeftButton)
    assert "理由" in page.feedback.text()  # nothing opened without a reason
    panel.reason.setText("项目转入一般阶段")  # Chinese text is set, as the editor tests do (no key map)
    for _ in range(3):  # 不更正 → 绝密 → 机密 → 秘密, with the keyboard
        qtbot.keyClick(panel.level, Qt.Key.Key_Down)
    assert panel.level.currentText() == "秘密"
    panel.period.setText("5年")
    _shot(page, "lifecycle-item.png")
    qtbot.mouseClick(panel.buttons[next(iter(panel.buttons))], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: gui.window.form_page is not None and gui.window.form_page.form_id not in (None, approved),
        timeout=WAIT_MS,
    )
    gui.idle()
    draft = gui.window.form_page
    change = draft.form_id
    qtbot.waitUntil(lambda: draft.lifecycle_panel.info is not None, timeout=WAIT_MS)
    assert struck("机密★10年", "秘密★5年") in draft.lifecycle_panel.terms_label.text()
    assert "国家秘密变更决定单" in draft.lifecycle_panel.terms_label.text()
    assert draft.status_badge.text() == "草稿"
    _shot(draft, "lifecycle-draft.png")
    # the decision form cites the law, not a 依据库 item: the clerk confirms the "未经依据库核对" hint
    Confirm.set_next_answer(True)
    qtbot.mouseClick(draft.buttons["submit"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: draft.status_badge.text() == "待审核", timeout=WAIT_MS)
    gui.idle()
    review(gui, qtbot, change)
    approve(gui, qtbot, change, opinion="同意降为秘密")
    decided = gui.window.form_page
    panel = decided.lifecycle_panel
    qtbot.waitUntil(lambda: panel.notices.rowCount() == 3 and panel.notices.isVisible(), timeout=WAIT_MS)
    assert "已生效" in panel.terms_label.text()
    assert panel.notices.item(1, 1).text() == "张三" and panel.notices.item(1, 2).text() == "未通知"
    rect = panel.notices.visualItemRect(panel.notices.item(1, 1))
    qtbot.mouseClick(panel.notices.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(panel.notified, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: panel.notices.item(1, 2).text().startswith(TEST_TODAY.isoformat()), timeout=WAIT_MS
    )
    assert panel.notices.item(2, 2).text() == "未通知"
    _shot(decided, "lifecycle-notices.png")
    item = gui.open_form(approved)
    qtbot.waitUntil(lambda: item.lifecycle_panel.info is not None, timeout=WAIT_MS)
    assert struck("机密★10年", "秘密★5年") in item.lifecycle_panel.terms_label.text()
    assert item.status_badge.text() == "已定密"
