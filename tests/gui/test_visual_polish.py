"""Defects of the visual acceptance pass on a real X display (after issue 10): a drop-down list's highlighted
item without text, a 份数 in the print dialog that was silently ignored, the print request opening on the
copies instead of the password, and the 定密信息 fields moving sideways when the level changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QLabel, QSpinBox

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.forms import FormKind
from dingmi_desktop.ui.dialogs.print_request import PrintRequestDialog
from dingmi_desktop.ui.excepthook import ErrorDialogs
from tests.gui.conftest import WAIT_MS, Harness
from tests.gui.test_print_control import _drive_print_dialog
from tests.gui.test_printing_gui import click, open_approved, register


def _new_review_form(gui: Harness) -> Any:
    gui.sign_in("zhangsan")
    page = gui.window.new_form(FormKind.REVIEW)
    gui.idle()
    return page


def test_the_highlighted_item_of_a_drop_down_list_shows_its_text(gui: Harness) -> None:
    block = _new_review_form(gui).editor.classification
    combo = block.category
    combo.setCurrentIndex(combo.findText("机密"))
    combo.showPopup()
    view = combo.view()
    gui.qtbot.waitUntil(view.isVisible, timeout=WAIT_MS)
    QApplication.processEvents()
    try:
        image = view.viewport().grab().toImage()
        rect = view.visualRect(view.currentIndex()).intersected(image.rect()).adjusted(4, 3, -4, -3)
        assert rect.width() > 20 and rect.height() > 6
        colours = {
            image.pixel(x, y)
            for x in range(rect.left(), rect.right())
            for y in range(rect.top(), rect.bottom())
        }
        # was a white box with a grey frame: one colour inside, no text; text adds antialiased shades
        assert len(colours) > 4, (
            f"the current item is drawn in {len(colours)} colour(s): its text is invisible"
        )
    finally:
        combo.hidePopup()


def test_choosing_a_level_does_not_move_the_fields(gui: Harness) -> None:
    block = _new_review_form(gui).editor.classification
    block.set_category(Category.CONFIDENTIAL)  # 秘密: 知悉人员 shown, optional
    QApplication.processEvents()
    window = gui.window

    def lefts() -> list[int]:
        QApplication.processEvents()
        fields = (block.category, block.start_date, block.scope, block.knowers)
        return [field.mapTo(window, QPoint(0, 0)).x() for field in fields]

    before = lefts()
    block.set_category(Category.SECRET)  # 机密: 知悉人员 becomes required (it was a longer label)
    assert block.knowers_label.property("required") is True
    assert "必填" in block.knowers.entry.placeholderText() and "必填" in block.knowers_label.toolTip()
    assert lefts() == before
    block.set_category(Category.NON_SECRET)  # rows hidden
    assert lefts()[:3] == before[:3]


def test_the_print_request_opens_on_the_password(print_gui: Harness, approved: int) -> None:
    page = open_approved(print_gui, approved)
    seen: dict[str, Any] = {}

    def poll() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintRequestDialog)]
        dialog = next((d for d in dialogs if d.isVisible() and d.focusWidget() is not None), None)
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        seen["focus"] = dialog.focusWidget().objectName()
        seen["copies"] = dialog.copies.value()
        dialog.reject()

    QTimer.singleShot(0, poll)
    click(print_gui, page, "print")
    print_gui.qtbot.waitUntil(lambda: "focus" in seen, timeout=WAIT_MS)
    assert seen["focus"] == "printPassword"
    assert seen["copies"] == 3  # pre-filled with the copies approved and not yet printed


def test_the_print_dialog_offers_no_copy_count_and_refuses_one_set_anyway(
    print_gui: Harness, approved: int
) -> None:
    from dingmi_desktop.services.demo import DEMO_PASSWORD
    from dingmi_desktop.ui.dialogs.print_request import PrintRequest

    page = open_approved(print_gui, approved)
    found: dict[str, Any] = {}

    def ask_for_three(dialog: QPrintDialog) -> None:
        copies = dialog.findChild(QSpinBox, "copies")
        found["copies_offered"] = copies is not None and copies.isEnabled() and not copies.isHidden()
        found["note"] = [label.text() for label in dialog.findChildren(QLabel, "copiesFixedNote")]
        if copies is not None:
            copies.setValue(3)  # as a platform dialog or a printer default might
        dialog.accept()  # the dialog writes its settings (the copy count among them) to the printer

    seen = _drive_print_dialog(print_gui, ask_for_three)
    PrintRequestDialog.set_next_answer(PrintRequest(1, DEMO_PASSWORD))
    click(print_gui, page, "print")
    print_gui.qtbot.waitUntil(lambda: "未打印" in page.feedback.text(), timeout=WAIT_MS)
    print_gui.idle()

    assert seen.get("dialog"), "the system print dialog was not shown"
    assert found["copies_offered"] is False
    assert found["note"] and "每个份号印一份" in found["note"][0]
    assert "3 份" in page.feedback.text() and "本次印制份数" in page.feedback.text()
    assert "每个份号只能印一份" in ErrorDialogs.last_error
    assert register(print_gui, approved) == []  # refused before any 份号 is registered
