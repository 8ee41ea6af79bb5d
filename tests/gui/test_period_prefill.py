"""保密期限 is never pre-filled with the maximum: it comes from the chosen catalogue item or the clerk."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.forms import FormKind
from dingmi_desktop.domain.periods import Period
from dingmi_desktop.ui.dialogs.basis_picker import BasisPicker
from tests.gui.conftest import WAIT_MS


def _pick(page, qtbot, item) -> None:  # type: ignore[no-untyped-def]
    BasisPicker.set_next_answer(item)
    qtbot.mouseClick(page.editor.basis.pick_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: item.code in page.editor.basis.reference.text(), timeout=WAIT_MS)


def test_choosing_a_level_leaves_the_period_to_be_chosen(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    page = gui.window.new_form(FormKind.REVIEW)
    block = page.editor.classification
    block.category.setFocus()
    for _ in range(4):  # 非密 → 内部 → 秘密 → 机密 → 绝密, by keyboard
        qtbot.keyClick(block.category, Qt.Key.Key_Up)
    assert block.category_value() is Category.TOP_SECRET
    assert block.period_value_() is None
    assert block.period_kind.currentIndex() == -1 and block.period_kind.currentText() == ""
    assert block.preview.text() == "绝密"  # no ★30年 the clerk did not choose
    assert "须同时确定保密期限" in block.errors["period"].text()
    assert any(p.field == "period" for p in page.editor.problems())


def test_a_chosen_catalogue_item_fills_its_period(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    page = gui.window.new_form(FormKind.REVIEW)
    block = page.editor.classification
    block.set_category(Category.SECRET)
    items = {item.code: item for item in gui.window.bundle.catalog.items()}
    _pick(page, qtbot, items["第2条"])  # 5年
    assert block.period_value_() == Period.of_years(5)
    assert block.preview.text() == "机密★5年"
    assert block.errors["period"].text() == ""
    _pick(page, qtbot, items["第3条"])  # 解密条件：数据正式发布后 replaces the earlier pick's period
    assert block.period_value_() == Period.on_condition("数据正式发布后")

    block.set_period(Period.of_months(6))  # the clerk's own choice is kept on a later pick
    _pick(page, qtbot, items["第1条"])
    assert block.period_value_() == Period.of_months(6)
