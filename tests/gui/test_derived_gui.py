"""Issue 12 in the window: a 派生 form entered field by field (原定密机关, the source's 制发日, the 知悉范围
confirmation), extra JSON-only sources shown and kept, 书面通知日期, and the 审核步骤 switch."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.forms import BasisKind, FormKind
from dingmi_desktop.services.accounts import AuditService
from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.services.forms import FormServices
from dingmi_desktop.ui.dialogs.cosign import CosignDialog
from dingmi_desktop.ui.widgets.fields import OptionalDateEdit
from tests.fixtures.store import TEST_TODAY, cosign
from tests.gui.conftest import WAIT_MS
from tests.gui.helpers import approve, fill_secret_form, review
from tests.services.samples import content

SOURCE_START = TEST_TODAY - timedelta(days=30)


def _keys(qtbot, target, text: str) -> None:  # type: ignore[no-untyped-def]
    """Keys for ASCII; other characters arrive as an input method commits them."""
    target.setFocus()
    for char in text:
        if char.isascii():
            qtbot.keyClicks(target, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(target, event)


def _type(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Typed into a line edit (a date field's text line for a date field), then Tab out."""
    target = widget.line if isinstance(widget, OptionalDateEdit) else widget
    _keys(qtbot, target, text)
    qtbot.keyClick(target, Qt.Key.Key_Tab)


def _select(combo, data) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findData(data))


def _fill_derived(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    e = page.editor
    c, b = e.classification, e.basis
    _type(qtbot, e.document.title_edit, "关于落实上级项目方案的通知")
    _type(qtbot, e.document.doc_number, "示〔2026〕30号")
    _select(c.category, Category.SECRET)
    _select(c.period_kind, c.period_kind.itemData(0))  # 年
    c.years.setValue(5)
    _type(qtbot, c.start_date, TEST_TODAY.isoformat())
    _type(qtbot, c.scope, "项目组")
    _keys(qtbot, c.knowers.entry, "张三、李四")
    qtbot.mouseClick(c.knowers.add_button, Qt.MouseButton.LeftButton)
    _select(b.kind, BasisKind.DERIVED)
    _type(qtbot, b.source_doc, "上〔2026〕1号")
    _type(qtbot, b.source_authority, "上级机关")
    _select(b.source_category, Category.SECRET)
    _type(qtbot, b.source_period, "10年")
    _type(qtbot, b.source_start, SOURCE_START.isoformat())
    _type(qtbot, b.source_scope, "项目组及相关领导")
    b.scope_within.setFocus()
    qtbot.keyClick(b.scope_within, Qt.Key.Key_Space)
    _keys(qtbot, e.drafting.opinion, "依来源事项派生，定为机密级")


def test_a_derived_form_entered_in_the_window_is_approved_and_verifies(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    page = gui.window.new_form(FormKind.REVIEW)
    _fill_derived(qtbot, page)
    basis = page.editor.basis
    assert basis.scope_within.isChecked()
    assert page.editor.problems() == []
    qtbot.mouseClick(page.buttons["submit"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status_badge.text() == "待审核", timeout=WAIT_MS)
    gui.idle()
    form_id = page.form_id
    review(gui, qtbot, form_id)
    approve(gui, qtbot, form_id, opinion="同意按机密级、5年管理")

    stored = gui.window.form_page.editor.form().basis
    assert stored.scope_within_source
    assert stored.source.authority == "上级机关" and stored.source.start_date == SOURCE_START
    auditor = gui.controller.backend.store.sign_in("auditor", DEMO_PASSWORD)
    assert AuditService(auditor).verify().ok


def test_the_source_fields_are_required_in_the_window(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    page = gui.window.new_form(FormKind.REVIEW)
    _fill_derived(qtbot, page)
    basis = page.editor.basis
    basis.source_authority.selectAll()
    qtbot.keyClick(basis.source_authority, Qt.Key.Key_Delete)
    basis.source_start.line.selectAll()
    qtbot.keyClick(basis.source_start.line, Qt.Key.Key_Delete)
    assert "原定密机关" in basis.errors["basis.source.authority"].text()
    assert "制发日" in basis.errors["basis.source.start_date"].text()
    basis.source_start.line.setFocus()
    qtbot.keyClicks(basis.source_start.line, "2026-13-40")
    assert "来源事项的制发日未能识别" in basis.errors["basis.source.start_date"].text()


def test_several_sources_are_shown_read_only_and_kept_on_save(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    first = {
        "doc_number": "上〔2026〕1号",
        "authority": "上级机关",
        "category": "机密",
        "period": {"years": 10},
    }
    first |= {"start_date": "2026-11-01", "scope": "项目组", "case": 1}
    second = dict(first, doc_number="上〔2026〕2号", authority="另一机关", category="秘密")
    derived = {"kind": "派生", "reference": "", "text": "", "sources": [first, second]}
    drafting = FormServices(gui.controller.backend.store.sign_in("zhangsan", DEMO_PASSWORD)).drafting
    form_id = drafting.import_forms([content(basis=derived | {"scope_within_source": True})])[0]
    page = gui.open_form(form_id)
    basis = page.editor.basis
    assert basis.more_list.isVisible() and basis.more_label.isVisible()
    assert "只读" in basis.more_label.text() and "JSON" in basis.more_label.text()
    assert [basis.more_list.item(i).text() for i in range(basis.more_list.count())] == [
        "上〔2026〕2号（另一机关）秘密★10年，制发日 2026年11月1日"
    ]
    _type(qtbot, page.editor.document.title_edit, "（修订）")
    qtbot.keyClick(page.editor.document.title_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not page.editor.dirty, timeout=WAIT_MS)
    gui.idle()
    saved = gui.open_form(form_id).editor.form().basis
    assert [s.doc_number for s in saved.sources] == ["上〔2026〕1号", "上〔2026〕2号"]
    assert saved.scope_within_source


def test_notice_date_round_trips(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    page = gui.window.new_form(FormKind.REVIEW)
    notice = page.editor.classification.notice_date
    assert "条例第十九条第二款" in notice.toolTip()
    _type(qtbot, page.editor.document.title_edit, "口头传达的会议事项")
    _type(qtbot, notice, TEST_TODAY.isoformat())
    assert page.editor.form().notice_date == TEST_TODAY
    qtbot.keyClick(page.editor.document.title_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.form_id is not None and not page.editor.dirty, timeout=WAIT_MS)
    gui.idle()
    form_id = page.form_id
    gui.switch_to("zhangsan")
    reopened = gui.open_form(form_id)
    assert reopened.editor.classification.notice_date.value() == TEST_TODAY
    assert reopened.editor.form().period_start == TEST_TODAY


def test_the_review_step_switch_is_audited_and_submit_goes_straight_to_approval(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("secadmin")
    page = gui.open_page("policy")
    assert page.review_step.isChecked()
    page.review_step.setFocus()
    qtbot.keyClick(page.review_step, Qt.Key.Key_Space)
    CosignDialog.set_next_answer(cosign("sysadmin"))  # the review step is certified by the unit root
    qtbot.mouseClick(page.review_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已关闭审核步骤" in page.feedback.text(), timeout=WAIT_MS)
    gui.idle()
    auditor = gui.controller.backend.store.sign_in("auditor", DEMO_PASSWORD)
    changes = [e for e in AuditService(auditor).entries() if e.object_id == "workflow.review_step"]
    assert changes and changes[-1].action == "修改设置" and changes[-1].detail["值"] == "off"

    gui.switch_to("zhangsan")
    form = gui.window.new_form(FormKind.REVIEW)
    fill_secret_form(form)
    qtbot.mouseClick(form.buttons["submit"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.status_badge.text() == "待审批", timeout=WAIT_MS)
    gui.idle()

    gui.switch_to("secadmin")
    assert not gui.open_page("policy").review_step.isChecked()  # the page shows the stored value
