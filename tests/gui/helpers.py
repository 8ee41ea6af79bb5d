"""Filling forms through the real editor widgets, and the workflow steps the tests share."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.forms import BasisKind, FormKind
from dingmi_desktop.domain.periods import Period
from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.ui.dialogs.approval import ApprovalAnswer, ApprovalDialog
from dingmi_desktop.ui.dialogs.prompts import Decision, DecisionDialog
from tests.fixtures.store import TEST_TODAY
from tests.gui.conftest import WAIT_MS

TITLE = "关于某项目技术方案的请示"


def fill_secret_form(page, title: str = TITLE, basis: BasisKind = BasisKind.DEFINITE) -> None:  # type: ignore[no-untyped-def]
    """A complete 机密★10年 proposal, entered field by field."""
    editor = page.editor
    editor.document.title_edit.setText(title)
    editor.document.doc_number.setText("示〔2026〕12号")
    editor.classification.set_category(Category.SECRET)
    editor.classification.set_period(Period.of_years(10))
    editor.classification.start_date.set_value(TEST_TODAY)
    editor.classification.scope.setText("本单位领导班子成员及项目组")
    editor.classification.knowers.entry.setText("张三、李四")
    editor.classification.knowers.add_button.click()
    kinds = list(BasisKind)
    editor.basis.kind.setCurrentIndex(kinds.index(basis))
    editor.basis.reference.setText("示例一览表 第1条")
    editor.basis.text.setPlainText("示例：尚未公布的重大项目技术方案")
    editor.drafting.opinion.setPlainText("建议定为机密级，保密期限10年")


def draft_and_submit(gui, qtbot, basis: BasisKind = BasisKind.DEFINITE) -> int:  # type: ignore[no-untyped-def]
    """zhangsan drafts a 机密★10年 定密审核单 and submits it; returns the form id."""
    gui.sign_in("zhangsan")
    page = gui.window.new_form(FormKind.REVIEW)
    assert page is not None
    fill_secret_form(page, basis=basis)
    assert page.editor.classification.preview.text() == "机密★10年"
    assert page.editor.problems() == []
    qtbot.mouseClick(page.buttons["submit"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status_badge.text() == "待审核", timeout=WAIT_MS)
    gui.idle()
    assert page.form_id is not None
    return page.form_id


def review(gui, qtbot, form_id: int, agree: bool = True) -> None:  # type: ignore[no-untyped-def]
    """lisi opens the form from his queue and gives his opinion (signed with his password)."""
    gui.switch_to("lisi")
    queue = gui.open_page("to_review")
    assert any(s.id == form_id for s in queue.rows)
    assert queue.select_form(form_id)
    queue.open_selected()
    qtbot.waitUntil(
        lambda: gui.window.form_page is not None and gui.window.form_page.view is not None, timeout=WAIT_MS
    )
    page = gui.window.form_page
    assert page.buttons["review"].isVisible()
    assert not page.buttons["approve"].isVisible()
    DecisionDialog.set_next_answer(Decision(opinion="同意拟定意见", password=DEMO_PASSWORD, agree=agree))
    qtbot.mouseClick(page.buttons["review"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status_badge.text() == "待审批", timeout=WAIT_MS)
    gui.idle()


def approve(gui, qtbot, form_id: int, opinion: str = "同意按机密级、10年管理") -> None:  # type: ignore[no-untyped-def]
    """wangwu approves the form with his password."""
    gui.switch_to("wangwu")
    page = gui.open_form(form_id)
    assert page.buttons["approve"].isVisible()
    ApprovalDialog.set_next_answer(ApprovalAnswer(opinion=opinion, password=DEMO_PASSWORD))
    qtbot.mouseClick(page.buttons["approve"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status_badge.text() == "已定密", timeout=WAIT_MS)
    gui.idle()
