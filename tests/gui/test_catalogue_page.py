"""依据库 page (安全保密管理员) and the form's picker reading it: versions, import/export, several items."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.forms import FormKind
from dingmi_desktop.domain.periods import Period
from dingmi_desktop.ui.dialogs.basis_picker import BasisPicker
from dingmi_desktop.ui.dialogs.fields_dialog import FieldsDialog
from dingmi_desktop.ui.dialogs.prompts import Confirm, OpenPath, SavePath
from dingmi_desktop.ui.excepthook import ErrorDialogs
from tests.fixtures.store import TEST_TODAY
from tests.gui.conftest import WAIT_MS


def _leaves(page) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    found = {}
    root = page.tree.invisibleRootItem()
    for s in range(root.childCount()):
        scope = root.child(s)
        for n in range(scope.childCount()):
            lst = scope.child(n)
            for i in range(lst.childCount()):
                leaf = lst.child(i)
                found[leaf.text(0)] = [leaf.text(c) for c in range(1, 7)]
    return found


def _wait_for(gui, qtbot, page, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: text in page.feedback.text(), timeout=WAIT_MS)
    gui.idle()


def test_only_the_security_admin_has_the_page(gui) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    assert not gui.window.has_page("catalogue")
    gui.switch_to("secadmin")
    assert gui.window.has_page("catalogue")


def test_admin_adds_edits_retires_exports_and_imports(gui, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("secadmin")
    page = gui.open_page("catalogue")
    qtbot.waitUntil(lambda: len(_leaves(page)) == 4, timeout=WAIT_MS)
    assert page.version.text() == "现行：第1版，2026-01-01 起生效（共 1 版，4 条细目）。"
    assert _leaves(page)["第1条"][:3] == ["示例：尚未公布的重大项目技术方案", "机密", "10年"]

    item = {"code": "第5条", "text": "示例：试验数据", "level": "秘密", "period": "5年", "knowers": "试验组"}
    FieldsDialog.set_next_answer(
        {
            "list": "示例事项范围 / 示例一览表",
            **item,
            "department": "科研处",
            "effective": TEST_TODAY,
            "note": "",
        }
    )
    page.buttons["add"].click()
    _wait_for(gui, qtbot, page, "已添加细目 第5条（第2版）")
    assert _leaves(page)["第5条"] == ["示例：试验数据", "秘密", "5年", "试验组", "科研处", "第2版起"]

    tree_item = page.tree.findItems("第1条", Qt.MatchFlag.MatchRecursive)[0]
    page.tree.setCurrentItem(tree_item)
    FieldsDialog.set_next_answer(
        {
            "code": "第1条",
            "text": "示例：尚未公布的重大项目技术方案",
            "level": "秘密",
            "period": "十年",
            "effective": TEST_TODAY,
        }
    )
    page.buttons["edit"].click()
    _wait_for(gui, qtbot, page, "未保存")
    assert "不是保密期限" in page.feedback.text()
    assert ErrorDialogs.count == 0, ErrorDialogs.last_error

    page.tree.setCurrentItem(page.tree.findItems("第5条", Qt.MatchFlag.MatchRecursive)[0])
    Confirm.set_next_answer(True)
    page.buttons["retire"].click()
    _wait_for(gui, qtbot, page, "已废止细目 第5条（第3版）")
    assert "第5条" not in _leaves(page)

    out = tmp_path / "依据库.json"
    SavePath.set_next_answer(str(out))
    page.buttons["export"].click()
    _wait_for(gui, qtbot, page, "已导出到")
    document = json.loads(out.read_text("utf-8"))
    assert document["catalogue_version"] == 3
    document["scopes"][0]["lists"][0]["items"][1]["period"] = "8年"
    out.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    OpenPath.set_next_answer(str(out))
    page.buttons["import"].click()
    _wait_for(gui, qtbot, page, "已导入为第4版：新增或修改 1 条，废止 1 条，保留 3 条")
    assert _leaves(page)["第2条"][2] == "8年"

    out.write_text('{"format": "dingmi-catalogue"}', "utf-8")
    OpenPath.set_next_answer(str(out))
    page.buttons["import"].click()
    _wait_for(gui, qtbot, page, "未保存")
    assert "effective_from" in page.feedback.text() and ErrorDialogs.count == 0


def test_several_picked_items_give_the_highest_level_and_longest_period(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("zhangsan")
    page = gui.window.new_form(FormKind.REVIEW)
    items = {i.code: i for i in gui.window.bundle.catalog.items()}
    BasisPicker.set_next_answer([items["第2条"], items["第3条"]])  # 秘密★5年 and 机密★10年
    qtbot.mouseClick(page.editor.basis.pick_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "第3条" in page.editor.basis.reference.text(), timeout=WAIT_MS)
    assert page.editor.basis.reference.text() == "示例一览表 第2条；示例一览表 第3条"
    block = page.editor.classification
    assert block.category_value() is Category.SECRET
    assert block.period_value_() == Period.of_years(10)
    assert block.preview.text() == "机密★10年"
