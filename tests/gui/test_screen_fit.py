"""Fits the screen: the window is clamped to the screen and remembered per user, error lines keep their
space, Tab follows the form as read, and the focused control is always outlined."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QMargins, QPoint, QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.forms import BasisKind, FormKind
from dingmi_desktop.domain.periods import Period
from dingmi_desktop.ui import window_geometry
from dingmi_desktop.ui.window_geometry import WindowState, clamp_rect, default_state, minimum_size
from tests.fixtures.store import TEST_TODAY

SMALL = QRect(0, 0, 910, 512)  # 1366×768 at 150 % scaling, in device-independent pixels
NO_FRAME = QMargins()
FOCUS = QColor("#1a5fb4")


# --- clamping, as a pure function -------------------------------------------------------------------


def test_a_saved_rectangle_larger_than_the_screen_is_shrunk_and_moved_inside_it() -> None:
    frame = QMargins(4, 32, 4, 4)
    rect = clamp_rect(QRect(300, 200, 1366, 740), SMALL, frame)
    assert SMALL.marginsRemoved(frame).contains(rect)
    assert (rect.width(), rect.height()) == (910 - 8, 512 - 36)


def test_a_rectangle_left_on_a_larger_screen_comes_back_on_screen_at_its_size() -> None:
    rect = clamp_rect(QRect(1500, 900, 820, 500), SMALL, NO_FRAME)
    assert rect == QRect(910 - 820, 512 - 500, 820, 500)
    assert clamp_rect(QRect(-50, -80, 820, 500), SMALL, NO_FRAME) == QRect(0, 0, 820, 500)


def test_a_tiny_rectangle_grows_to_the_minimum_and_the_minimum_never_exceeds_the_screen() -> None:
    assert clamp_rect(QRect(10, 10, 50, 40), QRect(0, 0, 1920, 1080), NO_FRAME).size().toTuple() == (800, 480)
    assert minimum_size(SMALL, NO_FRAME).toTuple() == (800, 480)
    assert minimum_size(QRect(0, 0, 700, 400), NO_FRAME).toTuple() == (700, 400)


def test_first_start_opens_maximized_on_a_small_screen_and_centred_on_a_large_one() -> None:
    assert default_state(SMALL).maximized
    assert default_state(QRect(0, 0, 1366, 768)).maximized  # no room for 1366×740 plus a title bar
    large = default_state(QRect(0, 0, 1920, 1080))
    assert not large.maximized
    assert large.rect.size().toTuple() == (1366, 740)
    assert large.rect.center().x() in (959, 960)


# --- the real window ---------------------------------------------------------------------------------


def _available(window: QWidget) -> QRect:
    return window.screen().availableGeometry()


def test_the_window_never_opens_larger_than_the_screen(gui) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    window = gui.window
    available = _available(window)
    assert available.width() < 1024  # the offscreen test screen is smaller than a 1366×768 window
    assert available.contains(window.frameGeometry())
    assert window.minimumWidth() <= available.width() and window.minimumHeight() <= available.height()
    bar = window.statusBar()
    assert bar.isVisible() and window.rect().contains(bar.geometry())
    assert window.lock_label.geometry().right() <= bar.width()


def test_the_geometry_is_remembered_per_user_and_clamped_on_sign_in(gui) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    chosen = QRect(4, 60, 792, 600)  # the offscreen screen is 800×800
    gui.window.showNormal()
    gui.window.setGeometry(chosen)
    gui.qtbot.waitUntil(lambda: gui.window.geometry() == chosen)
    gui.switch_to("lisi")
    assert gui.window.geometry() != chosen  # lisi has his own (default) geometry
    gui.switch_to("zhangsan")
    assert gui.window.geometry() == chosen
    assert not gui.window.isMaximized()

    # Saved on a bigger screen: on this one it is shrunk and moved inside.
    window_geometry.save_state("lisi", WindowState(QRect(-500, -300, 3000, 2000), maximized=False))
    gui.switch_to("lisi")
    assert _available(gui.window).contains(gui.window.frameGeometry())


# --- validation messages do not move the fields -------------------------------------------------------


def _settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Let nested layouts finish: a style polish can post another layout request after the first pass."""
    for _ in range(5):
        QApplication.processEvents()
        qtbot.wait(10)


def _y(widget: QWidget, editor: QWidget) -> int:
    return widget.mapTo(editor, QPoint(0, 0)).y()


def test_a_validation_message_appearing_does_not_move_the_fields_below(qtbot, _styled_app) -> None:  # type: ignore[no-untyped-def]
    from dingmi_desktop.ui.widgets.form_editor import FormEditor

    editor = FormEditor(FormKind.DISPATCH, "示例单位")
    qtbot.addWidget(editor)
    editor.resize(1200, 1400)
    editor.show()
    block, doc = editor.classification, editor.document
    block.set_category(Category.SECRET)
    doc.title_edit.setText("关于某事项的请示")
    _settle(qtbot)
    watched = (
        doc.doc_number,
        block.knowers.entry,
        block.start_date,
        editor.basis.kind,
        editor.drafting.opinion,
    )
    before = [_y(w, editor) for w in watched]
    assert not doc.errors["title"].text() and block.errors["scope"].text()

    doc.title_edit.clear()  # 标题不得为空 appears
    block.scope.setText("本单位领导班子成员")  # the 知悉范围 message goes away
    block.years.setValue(30)  # a period message appears
    _settle(qtbot)
    assert doc.errors["title"].text() and not block.errors["scope"].text()
    assert block.errors["period"].text()
    assert [_y(w, editor) for w in watched] == before


# --- tab order ----------------------------------------------------------------------------------------

DISPATCH_ORDER = [
    "categoryCombo",
    "periodKindCombo",
    "periodYears",
    "startDate",
    "noticeDate",
    "scopeEdit",
    "knowerEntry",
    "knowerAdd",
    "knowerRemove",
    "knowerItems",
    "secretPointsEdit",
    "basisKindCombo",
    "basisReference",
    "basisPick",
    "basisText",
    "basisLongTerm",
    "basisSpecialRule",
    "titleEdit",
    "docNumberEdit",
    "departmentEdit",
    "docTypeEdit",
    "urgencyCombo",
    "publicityCombo",
    "mainRecipientsEdit",
    "ccEdit",
    "attachmentsEdit",
    "copiesSpin",
    "retentionCombo",
    "drafterNameEdit",
    "draftedOnEdit",
    "drafterPhoneEdit",
    "proofreaderEdit",
    "sealedOnEdit",
    "drafterOpinionEdit",
]


def _focused_name() -> str:
    """The focused control's name; a composite field (a date field's line edit) answers for its owner."""
    widget = QApplication.focusWidget()
    while (
        widget is not None
        and widget.parentWidget() is not None
        and widget.parentWidget().focusProxy() is widget
    ):
        widget = widget.parentWidget()
    return widget.objectName() if widget is not None else ""


def _walk(qtbot, key: Qt.Key, stop: str, limit: int = 200) -> list[str]:  # type: ignore[no-untyped-def]
    """Names of the controls focus visits pressing ``key``; a date field's sections count once."""
    seen = [_focused_name()]
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), key)
        name = _focused_name()
        if name != seen[-1]:
            seen.append(name)
        if name == stop:
            return seen
    raise AssertionError(f"focus never reached {stop}: {seen}")


def test_tab_follows_the_form_as_read_left_column_then_right(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    page = gui.window.new_form(FormKind.DISPATCH)
    editor = page.editor
    editor.classification.set_category(Category.SECRET)
    editor.classification.set_period(Period.of_years(10))  # a level no longer pre-fills a period
    for field in (editor.classification.start_date, editor.drafting.sealed_on):
        field.set_value(TEST_TODAY)
    editor.drafting.drafted_on.set_value(date(TEST_TODAY.year, 1, 2))
    gui.window.activateWindow()
    editor.classification.category.setFocus()
    qtbot.waitUntil(lambda: _focused_name() == "categoryCombo")
    assert _walk(qtbot, Qt.Key.Key_Tab, "drafterOpinionEdit") == DISPATCH_ORDER
    editor.document.title_edit.setFocus()
    qtbot.waitUntil(lambda: _focused_name() == "titleEdit")
    assert _walk(qtbot, Qt.Key.Key_Backtab, "basisSpecialRule") == ["titleEdit", "basisSpecialRule"]


DERIVED_ORDER = [
    "basisSpecialRule",
    "sourceDocNumber",
    "sourceAuthority",
    "sourceCategory",
    "sourcePeriod",
    "sourceStartDate",
    "sourceScope",
    "sourceCase",
    "scopeWithinSource",
    "titleEdit",
]


def test_tab_walks_the_derived_source_fields_in_order(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    page = gui.window.new_form(FormKind.DISPATCH)
    editor = page.editor
    editor.basis.kind.setCurrentIndex(list(BasisKind).index(BasisKind.DERIVED))
    gui.window.activateWindow()
    editor.basis.special_rule.setFocus()
    qtbot.waitUntil(lambda: _focused_name() == "basisSpecialRule")
    assert _walk(qtbot, Qt.Key.Key_Tab, "titleEdit") == DERIVED_ORDER


# --- focus is always visible --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "document.title_edit",
        "classification.category",
        "document.copies",
        "drafting.drafted_on",
        "basis.pick_button",
    ],
)
def test_the_focused_control_has_a_visible_outline(qtbot, _styled_app, path: str) -> None:  # type: ignore[no-untyped-def]
    from dingmi_desktop.ui.widgets.form_editor import FormEditor

    editor = FormEditor(FormKind.DISPATCH, "示例单位")
    qtbot.addWidget(editor)
    editor.resize(1200, 1000)
    editor.show()
    block, name = path.split(".")
    widget = getattr(getattr(editor, block), name)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.document.department.setFocus()

    def left_edge() -> QColor:
        return widget.grab().toImage().pixelColor(1, widget.height() // 2)

    unfocused = left_edge()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    focused = left_edge()
    assert focused == FOCUS and unfocused != FOCUS
