"""Issue 10 points 3–5 in the real window: the wheel scrolls the form instead of changing values, dates are
typed by hand (several formats, immediate feedback, Tab leaves in one keystroke, keyboard can empty them) and
implausible dates are refused before submission."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QInputMethodEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QTableView, QWidget

from dingmi_desktop.domain.dates import MAX_DAYS_AHEAD, describe_date
from dingmi_desktop.domain.forms import FormKind
from dingmi_desktop.ui.dialogs.fields_dialog import FieldsDialog, FieldSpec
from dingmi_desktop.ui.pages.form_page import FormPage
from dingmi_desktop.ui.widgets.fields import OptionalDateEdit
from tests.fixtures.store import TEST_TODAY
from tests.gui.conftest import WAIT_MS
from tests.gui.helpers import fill_secret_form


def _wheel(widget: QWidget, steps: int = -1) -> None:
    """A real wheel event over the middle of `widget` (negative steps scroll down)."""
    local = QPointF(widget.rect().center())
    event = QWheelEvent(
        local,
        QPointF(widget.mapToGlobal(QPoint(int(local.x()), int(local.y())))),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def _type(qtbot, line: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Keys for ASCII; other characters (年月日) arrive as an input method commits them."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(line, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(line, event)


def _new_form(gui, qtbot, kind: FormKind = FormKind.DISPATCH) -> FormPage:  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    page: FormPage = gui.window.new_form(kind)
    gui.window.resize(1100, 480)  # shorter than the form, so the editor scrolls
    gui.window.activateWindow()
    qtbot.waitUntil(lambda: page.editor.verticalScrollBar().maximum() > 0, timeout=WAIT_MS)
    return page


def _focus(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(
        lambda: QApplication.focusWidget() is widget or widget.isAncestorOf(QApplication.focusWidget())
    )


def test_the_wheel_scrolls_the_form_and_changes_nothing_without_focus(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = _new_form(gui, qtbot)
    editor = page.editor
    bar = editor.verticalScrollBar()
    page.back_button.setFocus()
    editor.classification.set_category(editor.classification.category.itemData(1))  # 机密: period visible
    targets = [
        (editor.document.urgency, lambda w: w.currentIndex()),
        (editor.document.copies, lambda w: w.value()),
        (editor.classification.period_kind, lambda w: w.currentIndex()),
        (editor.classification.years, lambda w: w.value()),
        (editor.classification.category, lambda w: w.currentIndex()),
    ]
    for widget, read in targets:
        before = read(widget)
        bar.setValue(0)
        _wheel(widget)
        assert read(widget) == before, widget.objectName()
        assert bar.value() > 0, f"{widget.objectName()}: the wheel did not reach the scroll area"
        assert not widget.hasFocus()  # the wheel never grabs focus
    # The date field's line edit ignores the wheel; a real (spontaneous) wheel event then propagates to the
    # scroll area by Qt's own rule, which a synthesized one does not: here only "unchanged" can be checked.
    start = editor.classification.start_date
    _wheel(start.line)
    assert start.value() is None and start.line.text() == ""
    for widget in page.findChildren(QComboBox) + page.findChildren(QAbstractSpinBox):
        assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus, widget.objectName()


def test_the_wheel_changes_a_value_once_the_field_has_keyboard_focus(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = _new_form(gui, qtbot)
    combo = page.editor.document.urgency
    spin = page.editor.document.copies
    _focus(qtbot, combo)
    _wheel(combo)
    assert combo.currentIndex() == 1
    _focus(qtbot, spin)
    _wheel(spin, steps=1)
    assert spin.value() == 1


def test_dates_typed_in_any_usual_format_then_tab_leaves(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = _new_form(gui, qtbot)
    field: OptionalDateEdit = page.editor.classification.start_date
    day = TEST_TODAY + timedelta(days=2)
    for text in (
        f"{day:%Y%m%d}",
        f"{day:%Y/%m/%d}",
        f"{day:%Y.%m.%d}",
        f"{day.year}年{day.month}月{day.day}日",
    ):
        _focus(qtbot, field.line)
        qtbot.keyClick(field.line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        _type(qtbot, field.line, text)
        assert field.value() == day, text
        assert field.feedback.text() == describe_date(day)  # shown at once, before leaving the field
        qtbot.keyClick(field.line, Qt.Key.Key_Tab)
        assert not field.isAncestorOf(QApplication.focusWidget()), "Tab stayed inside the date field"
        assert field.line.text() == day.isoformat()
    assert page.editor.form().start_date == day


def test_unreadable_date_is_explained_and_blocks_submission(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = _new_form(gui, qtbot, FormKind.REVIEW)
    fill_secret_form(page)
    field = page.editor.classification.start_date
    field.set_value(None)  # from empty, the value stays None: the form must still notice the bad text
    _focus(qtbot, field.line)
    qtbot.keyClick(field.line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _type(qtbot, field.line, "11/30/2026")
    assert field.value() is None
    assert field.feedback.text() == "无法识别的日期：11/30/2026，请按 2026-11-30 的格式填写"
    assert "制发日未能识别" in page.editor.classification.errors["start_date"].text()
    page.submit()
    assert page.form_id is None and "问题" in page.feedback.text()


def test_keyboard_empties_a_date_without_the_popup(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = _new_form(gui, qtbot)
    field = page.editor.drafting.drafted_on
    assert field.value() == TEST_TODAY  # the default, from the injected clock
    _focus(qtbot, field.line)
    qtbot.keyClick(field.line, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert field.value() is None and field.line.text() == "" and field.problem() == ""
    field.set_value(TEST_TODAY)
    qtbot.keyClick(field.line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field.line, Qt.Key.Key_Backspace)
    assert field.value() is None and page.editor.form().drafted_on is None


def test_calendar_opens_on_the_injected_today(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = _new_form(gui, qtbot)
    field = page.editor.classification.start_date
    assert field.value() is None
    _focus(qtbot, field.line)
    qtbot.keyClick(field.line, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert field.calendar.isVisible()
    selected = field.calendar.selectedDate()
    assert date(selected.year(), selected.month(), selected.day()) == page.bundle.today() == TEST_TODAY
    grid = field.calendar.findChild(QTableView)
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not field.calendar.isVisible(), timeout=WAIT_MS)
    assert field.value() == TEST_TODAY + timedelta(days=1)


def test_implausible_dates_are_refused_before_submission(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = _new_form(gui, qtbot, FormKind.DISPATCH)
    fill_secret_form(page)
    editor = page.editor
    assert editor.problems() == []
    tomorrow = TEST_TODAY + timedelta(days=1)
    editor.drafting.drafted_on.set_value(tomorrow)
    assert "拟稿日期" in editor.drafting.errors["drafted_on"].text()
    editor.drafting.drafted_on.set_value(TEST_TODAY)
    too_late = TEST_TODAY + timedelta(days=MAX_DAYS_AHEAD + 1)
    field = editor.classification.start_date
    _focus(qtbot, field.line)
    qtbot.keyClick(field.line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _type(qtbot, field.line, f"{too_late:%Y%m%d}")
    message = editor.classification.errors["start_date"].text()
    assert f"制发日{too_late.isoformat()}" in message and "一年" in message
    page.submit()
    assert page.form_id is None and "问题" in page.feedback.text()
    field.set_value(TEST_TODAY)
    assert editor.problems() == []


def test_fields_dialog_date_refuses_unreadable_text(qtbot, _styled_app) -> None:  # type: ignore[no-untyped-def]
    dialog = FieldsDialog(
        None, "登记", [FieldSpec("day", "日期：", kind="date", required=False)], today=lambda: TEST_TODAY
    )
    qtbot.addWidget(dialog)
    edit = dialog.widgets["day"]
    assert isinstance(edit, OptionalDateEdit)
    edit.line.setText("明年")
    dialog._try_accept()
    assert dialog.result() == 0 and "日期：无法识别的日期：明年" in dialog.message.text()
    edit.line.setText(f"{TEST_TODAY.year}年{TEST_TODAY.month}月{TEST_TODAY.day}日")
    assert dialog.values() == {"day": TEST_TODAY}


def test_the_review_outcome_does_not_change_under_the_wheel(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The annual review dialog opens in the opinion: a wheel over the outcome (维持) leaves it alone."""
    from dingmi_desktop.ui.pages.annual_review_dialog import ReviewDialog
    from dingmi_desktop.ui.wheel_guard import install_wheel_guard

    install_wheel_guard(QApplication.instance())  # as the app does at start (ui.appearance)
    dialog = ReviewDialog(None, "事项 7：某项目技术方案评审意见（机密★10年）")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.opinion.hasFocus(), timeout=WAIT_MS)
    before = dialog.outcome.currentText()
    _wheel(dialog.outcome, -2)
    assert dialog.outcome.currentText() == before == "维持"
