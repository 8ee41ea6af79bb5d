"""zhangsan drafts and submits; lisi reviews; wangwu approves with his password — all in one window."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from dingmi_desktop.domain.forms import BasisKind
from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.ui.dialogs.approval import ApprovalAnswer, ApprovalDialog
from dingmi_desktop.ui.dialogs.cosign import CosignDialog
from dingmi_desktop.ui.dialogs.fields_dialog import FieldsDialog
from dingmi_desktop.ui.dialogs.prompts import Decision, DecisionDialog
from dingmi_desktop.ui.excepthook import ErrorDialogs
from tests.fixtures.store import cosign
from tests.gui.conftest import WAIT_MS
from tests.gui.helpers import draft_and_submit, review


def test_draft_review_approve_shows_decided_with_valid_signature(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    form_id = draft_and_submit(gui, qtbot)
    drafter_page = gui.window.form_page
    assert not drafter_page.buttons["approve"].isVisible()
    assert drafter_page.buttons["withdraw"].isVisible()

    review(gui, qtbot, form_id)

    gui.switch_to("wangwu")
    queue = gui.open_page("to_approve")
    assert any(s.id == form_id for s in queue.rows)
    page = gui.open_form(form_id)
    assert page.buttons["approve"].isVisible()
    assert page.buttons["return"].isVisible()
    assert not page.buttons["save"].isVisible()
    ApprovalDialog.set_next_answer(ApprovalAnswer(opinion="同意按机密级、10年管理", password=DEMO_PASSWORD))
    qtbot.mouseClick(page.buttons["approve"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status_badge.text() == "已定密", timeout=WAIT_MS)
    gui.idle()
    assert ErrorDialogs.count == 0, ErrorDialogs.last_error
    approvals = [c for c in page.history.cards if c.entry.action == "approve"]
    assert len(approvals) == 1
    assert approvals[0].badge.property("badge") == "valid"
    assert approvals[0].badge.text() == "签名有效"
    sheet_actions = {"preview", "print", "reprint", "export"}  # what remains to do with a decided form
    assert {name for name, b in page.buttons.items() if b.isVisible()} == sheet_actions

    decided = gui.open_page("decided")
    assert any(s.id == form_id and s.marking == "机密★10年" for s in decided.rows)


def test_wrong_reauthentication_password_is_refused(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    form_id = draft_and_submit(gui, qtbot)
    review(gui, qtbot, form_id)
    gui.switch_to("wangwu")
    page = gui.open_form(form_id)
    ApprovalDialog.set_next_answer(ApprovalAnswer(opinion="同意", password="not-his-password"))
    qtbot.mouseClick(page.buttons["approve"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ErrorDialogs.count > 0, timeout=WAIT_MS)
    gui.idle()
    assert "密码" in ErrorDialogs.last_error
    assert page.status_badge.text() == "待审批"


def test_return_with_reason_goes_back_to_drafter(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    form_id = draft_and_submit(gui, qtbot)
    review(gui, qtbot, form_id)
    gui.switch_to("wangwu")
    page = gui.open_form(form_id)
    DecisionDialog.set_next_answer(Decision(opinion="知悉范围过宽，请按项目组核定", password=DEMO_PASSWORD))
    qtbot.mouseClick(page.buttons["return"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status_badge.text() == "已退回", timeout=WAIT_MS)
    gui.idle()
    returned = [c for c in page.history.cards if c.entry.action == "return"]
    assert returned and returned[0].entry.opinion == "知悉范围过宽，请按项目组核定"
    assert returned[0].badge.property("badge") == "valid"

    gui.switch_to("zhangsan")
    drafts = gui.open_page("drafts")
    assert any(s.id == form_id and s.status.value == "已退回" for s in drafts.rows)
    page = gui.open_form(form_id)
    assert page.editable and page.buttons["submit"].isVisible()


def test_unclear_item_is_escalated_not_approved(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    form_id = draft_and_submit(gui, qtbot, basis=BasisKind.UNCLEAR)
    review(gui, qtbot, form_id)
    gui.switch_to("wangwu")
    page = gui.open_form(form_id)
    assert not page.buttons["approve"].isVisible()
    assert page.buttons["escalate"].isVisible()
    FieldsDialog.set_next_answer(
        {"target": "本单位保密工作领导小组", "reason": "无法确定是否属于国家秘密", "password": DEMO_PASSWORD}
    )
    qtbot.mouseClick(page.buttons["escalate"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status_badge.text() == "不明事项待定", timeout=WAIT_MS)
    gui.idle()
    home = gui.open_page("home")
    rows = [home.escalations.record_at(r) for r in range(home.escalations.visible_count())]
    assert any(info.form_id == form_id and info.reply_due is not None for info in rows)
    assert home.cards["escalations_due"].count.text() != "0"


def test_drafter_with_officer_role_cannot_approve_own_form(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("secadmin")
    officers = gui.open_page("officers")
    assert officers.table.select_where(lambda u: u is not None and u.username == "zhangsan")
    grant = {"role": "定密责任人", "officer_kind": "指定", "highest_level": "机密"}
    FieldsDialog.set_next_answer({**grant, "term_until": date(2030, 12, 31), "trained_on": date(2026, 3, 1)})
    CosignDialog.set_next_answer(cosign())  # a second 三员 confirms in person
    officers.grant_button.click()
    qtbot.waitUntil(lambda: "已授予" in officers.feedback.text(), timeout=WAIT_MS)
    assert ErrorDialogs.count == 0, ErrorDialogs.last_error
    gui.idle()

    gui.window.action_switch_user.trigger()
    form_id = draft_and_submit(gui, qtbot)
    review(gui, qtbot, form_id)
    gui.switch_to("zhangsan")
    assert gui.window.has_page("to_approve")
    queue = gui.open_page("to_approve")
    assert all(s.id != form_id for s in queue.rows)
    page = gui.open_form(form_id)
    assert page.status_badge.text() == "待审批"
    assert not page.buttons["approve"].isVisible()
    assert not page.buttons["return"].isVisible()


def test_officer_corrects_level_and_period_on_approval(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    from dingmi_desktop.domain.approval import Corrections
    from dingmi_desktop.domain.categories import Category
    from dingmi_desktop.domain.periods import Period

    form_id = draft_and_submit(gui, qtbot)
    review(gui, qtbot, form_id)
    gui.switch_to("wangwu")
    page = gui.open_form(form_id)
    # the cited 依据库 item (机密) decides the level: lowering it is refused with the article (Law 19)
    lowered = Corrections(category=Category.CONFIDENTIAL, period=Period.of_years(5))
    ApprovalDialog.set_next_answer(ApprovalAnswer("改按秘密级、5年管理", DEMO_PASSWORD, lowered))
    qtbot.mouseClick(page.buttons["approve"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ErrorDialogs.count > 0, timeout=WAIT_MS)
    assert "保密法第十九条" in str(ErrorDialogs.last_error)
    ErrorDialogs.reset()
    gui.idle()
    corrections = Corrections(period=Period.of_years(5))
    ApprovalDialog.set_next_answer(ApprovalAnswer("保密期限改为5年", DEMO_PASSWORD, corrections))
    qtbot.mouseClick(page.buttons["approve"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status_badge.text() == "已定密", timeout=WAIT_MS)
    gui.idle()
    assert page.editor.marking() == "机密★5年"
    assert page.view.marking == "机密★5年"


def test_derivation_loophole_refused_in_the_window_as_in_the_cli(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A 秘密-only officer cannot approve a 绝密★30年 item "derived" from a 秘密★1年 source (Art 8)."""
    from dingmi_desktop.services.forms import FormServices
    from dingmi_desktop.storage import RoleGrant
    from tests.services.samples import content, grant

    gui.sign_in("zhangsan")
    store = gui.controller.backend.store
    grant(store, "wangwu", RoleGrant("定密责任人", "法定", "秘密", None, date(2026, 3, 15)))
    source = {
        "doc_number": "上〔2026〕1号",
        "authority": "上级机关",
        "category": "秘密",
        "period": {"years": 1},
        "start_date": "2026-11-01",
        "scope": "项目组",
        "case": 1,
    }
    basis = {"kind": "派生", "reference": "", "text": "", "source": source, "scope_within_source": True}
    drafting = FormServices(store.sign_in("zhangsan", DEMO_PASSWORD)).drafting
    form_id = drafting.import_forms([content(category="绝密", period={"years": 30}, basis=basis)])[0]
    drafting.submit(form_id, password=DEMO_PASSWORD)
    review(gui, qtbot, form_id)
    gui.switch_to("wangwu")
    page = gui.open_form(form_id)
    ApprovalDialog.set_next_answer(ApprovalAnswer("同意", DEMO_PASSWORD))
    qtbot.mouseClick(page.buttons["approve"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ErrorDialogs.count > 0, timeout=WAIT_MS)
    gui.idle()
    assert "派生国家秘密定密管理暂行办法第八条" in ErrorDialogs.last_error
    assert "原始定密" in ErrorDialogs.last_error
    assert page.status_badge.text() == "待审批"
