"""The GUI records what the CLI records: a superior's answer with its decided values and reply date."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from dingmi_desktop.domain.action_inputs import INPUTS, Input
from dingmi_desktop.domain.forms import BasisKind
from dingmi_desktop.domain.workflow import Action
from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.ui.dialogs.fields_dialog import FieldsDialog
from dingmi_desktop.ui.pages.decision_fields import field_specs, validator
from tests.fixtures.store import TEST_TODAY
from tests.gui.conftest import WAIT_MS
from tests.gui.helpers import draft_and_submit, review


def test_reply_dialog_renders_the_published_inputs_and_refuses_a_bad_period(qtbot) -> None:  # type: ignore[no-untyped-def]
    action = Action.RECORD_SUPERIOR_DECISION
    assert INPUTS[action].takes(Input.CORRECTIONS) and INPUTS[action].takes(Input.REPLIED_ON)
    dialog = FieldsDialog(None, "登记答复", field_specs(action), validator(action), today=lambda: TEST_TODAY)
    qtbot.addWidget(dialog)
    for key in ("outcome", "category", "period", "scope", "replied_on", "answered_by", "document", "reason"):
        assert key in dialog.widgets, key
    category = dialog.widgets["category"]
    assert isinstance(category, QComboBox)
    category.setCurrentText("内部")
    for key, text in (("period", "5年"), ("reason", "经研究确定"), ("password", DEMO_PASSWORD)):
        line = dialog.widgets[key]
        assert isinstance(line, QLineEdit)
        line.setText(text)
    dialog._try_accept()
    assert "不设保密期限" in dialog.message.text() and not dialog.result()


def test_recorded_reply_carries_corrections_and_reply_date(gui, qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    form_id = draft_and_submit(gui, qtbot, basis=BasisKind.UNCLEAR)
    review(gui, qtbot, form_id)
    gui.switch_to("wangwu")
    page = gui.open_form(form_id)
    FieldsDialog.set_next_answer(
        {"target": "本单位保密工作领导小组", "reason": "无法确定是否属于国家秘密", "password": DEMO_PASSWORD}
    )
    qtbot.mouseClick(page.buttons["escalate"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status_badge.text() == "不明事项待定", timeout=WAIT_MS)
    gui.idle()
    clock.advance(days=3)
    answered = TEST_TODAY + timedelta(days=1)
    FieldsDialog.set_next_answer(
        {
            "outcome": "确定",
            "replied_on": answered,
            "answered_by": "本单位保密工作领导小组",
            "document": "保委〔2026〕3号",
            "category": "秘密",
            "period": "5年",
            "scope": "项目组成员",
            "reason": "经研究，按秘密级管理",
            "password": DEMO_PASSWORD,
        }
    )
    assert page.buttons["reply"].isVisible()
    qtbot.mouseClick(page.buttons["reply"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status_badge.text() == "已定密", timeout=WAIT_MS)
    gui.idle()
    view = page.view
    assert view is not None and view.marking == "秘密★5年" and view.form.scope == "项目组成员"
    reply = next(e for e in view.history if e.action == Action.RECORD_ESCALATION_REPLY.value)
    assert reply.details["reply"]["replied_on"] == answered.isoformat()
    assert reply.details["reply"]["document"] == "保委〔2026〕3号"
