"""The form editor: live marking, inline validation, 派生 fields, shortcuts, autosave, unsaved changes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.forms import BasisKind, FormKind
from dingmi_desktop.domain.periods import PeriodKind
from dingmi_desktop.ui.dialogs.basis_picker import BasisPicker
from dingmi_desktop.ui.dialogs.prompts import SaveChoice, UnsavedChanges
from dingmi_desktop.ui.pages.form_page import FormPage
from tests.gui.conftest import WAIT_MS
from tests.gui.helpers import fill_secret_form


def test_marking_preview_and_inline_validation_follow_the_values(qtbot, _styled_app) -> None:  # type: ignore[no-untyped-def]
    from dingmi_desktop.ui.widgets.form_editor import FormEditor

    editor = FormEditor(FormKind.DISPATCH, "示例单位")
    qtbot.addWidget(editor)
    block = editor.classification
    assert block.preview.marking() == ""
    block.set_category(Category.SECRET)
    assert block.preview.text() == "机密"
    assert "须同时确定保密期限" in block.errors["period"].text()
    assert "须同时确定知悉范围" in block.errors["scope"].text()
    assert "知悉人员名单" in block.errors["knowers"].text()
    block.period_kind.setCurrentIndex(list(PeriodKind).index(PeriodKind.MONTHS))
    block.months.setValue(6)
    assert block.preview.text() == "机密★6个月"
    block.period_kind.setCurrentIndex(list(PeriodKind).index(PeriodKind.YEARS))
    block.years.setValue(25)
    assert "不得超过20年" in block.errors["period"].text()
    block.years.setValue(10)
    block.start_date.set_value(date(2026, 11, 28))
    assert block.declassify_label.text() == "2036年11月28日"
    block.set_category(Category.INTERNAL)
    assert block.preview.text() == "内部" and not block.period_kind.isVisible()
    editor.document.publicity.setCurrentIndex(editor.document.publicity.findText("主动公开"))
    assert "不予公开" in editor.document.errors["publicity"].text()

    editor.basis.kind.setCurrentIndex(list(BasisKind).index(BasisKind.DERIVED))
    block.set_category(Category.SECRET)
    assert not editor.basis.source_box.isHidden()
    assert "来源事项的文号" in editor.basis.errors["basis.source.doc_number"].text()
    editor.basis.source_period.setText("10 年")
    assert editor.basis.errors["basis.source.period"].text()
    editor.basis.source_period.setText("10年")
    editor.basis.source_doc.setText("上〔2025〕3号")
    form = editor.form()
    assert form.basis is not None and form.basis.source is not None
    assert form.basis.source.doc_number == "上〔2025〕3号"


def test_the_document_block_keeps_its_group_box_title(qtbot, _styled_app) -> None:  # type: ignore[no-untyped-def]
    """The title field once was `self.title`, hiding QGroupBox.title(): the caption must stay readable."""
    from dingmi_desktop.ui.widgets.form_editor import FormEditor

    for kind, caption in ((FormKind.DISPATCH, "文件信息"), (FormKind.REVIEW, "事项信息")):
        editor = FormEditor(kind, "示例单位")
        qtbot.addWidget(editor)
        assert editor.document.title() == caption
        editor.document.title_edit.setText("关于年度工作计划的通知")
        assert editor.form().title == "关于年度工作计划的通知"


def test_ctrl_s_saves_draft_and_basis_picker_fills_reference(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    page: FormPage = gui.window.new_form(FormKind.DISPATCH)
    page.editor.document.title_edit.setText("关于年度工作计划的通知")
    items = gui.window.bundle.catalog.items()
    BasisPicker.set_next_answer(items[0])
    page.editor.basis.pick_button.click()
    qtbot.waitUntil(lambda: page.editor.basis.reference.text() != "", timeout=WAIT_MS)
    assert items[0].code in page.editor.basis.reference.text()
    page.editor.document.title_edit.setFocus()
    qtbot.keyClick(page.editor.document.title_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.form_id is not None, timeout=WAIT_MS)
    gui.idle()
    assert "已保存" in page.feedback.text()
    assert not page.editor.dirty
    drafts = gui.open_page("drafts")
    assert any(s.id == page.form_id for s in drafts.rows)


def test_ctrl_enter_submits_and_problems_block_submission(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    page: FormPage = gui.window.new_form(FormKind.REVIEW)
    page.editor.classification.set_category(Category.SECRET)
    page.editor.document.title_edit.setFocus()
    qtbot.keyClick(page.editor.document.title_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "处问题" in page.feedback.text() and page.form_id is None
    fill_secret_form(page)
    qtbot.keyClick(page.editor.document.title_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.status_badge.text() == "待审核", timeout=WAIT_MS)


def test_autosave_and_unsaved_change_protection(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    page: FormPage = gui.window.new_form(FormKind.REVIEW)
    page.autosave_timer.setInterval(50)
    page.editor.document.title_edit.setText("自动保存的草稿")
    qtbot.waitUntil(lambda: page.form_id is not None and not page.editor.dirty, timeout=WAIT_MS)
    gui.idle()
    assert "自动保存" in page.feedback.text()
    page.autosave_timer.setInterval(60_000)
    page.editor.document.title_edit.setText("再次修改")
    UnsavedChanges.set_next_answer(SaveChoice.CANCEL)
    gui.window.go_to("drafts")
    assert gui.window.form_page is page  # stayed on the form
    UnsavedChanges.set_next_answer(SaveChoice.SAVE)
    form_id = page.form_id
    gui.window.go_to("drafts")
    assert gui.window.form_page is None
    gui.idle()
    reopened = gui.open_form(form_id)
    assert reopened.editor.document.title_edit.text() == "再次修改"


def test_lock_saves_the_draft_in_progress(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    page: FormPage = gui.window.new_form(FormKind.REVIEW)
    page.editor.document.title_edit.setText("锁定前未保存的草稿")
    gui.window.action_lock.trigger()
    gui.wait_sign_in()
    gui.sign_in("zhangsan")
    drafts = gui.open_page("drafts")
    assert any(s.title == "锁定前未保存的草稿" for s in drafts.rows)


def test_closing_the_window_asks_about_unsaved_changes(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    window = gui.window
    page: FormPage = window.new_form(FormKind.DISPATCH)
    page.editor.document.title_edit.setText("未保存的通知")
    UnsavedChanges.set_next_answer(SaveChoice.CANCEL)
    window.close()
    assert window.isVisible() and gui.controller.main_window is window
    UnsavedChanges.set_next_answer(SaveChoice.SAVE)
    with qtbot.waitSignal(gui.controller.finished, timeout=WAIT_MS):
        window.close()
    assert gui.controller.main_window is None
    assert page.form_id is not None  # saved before the window went away
