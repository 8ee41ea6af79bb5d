"""The form page's helpers see a narrow context and announce what changed through one window signal."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import Qt

from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.ui.dialogs.approval import ApprovalAnswer, ApprovalDialog
from dingmi_desktop.ui.pages.form_context import OpChanges
from tests.gui.conftest import WAIT_MS
from tests.gui.helpers import draft_and_submit, review

PAGES = Path(__file__).resolve().parents[2] / "dingmi_desktop" / "ui" / "pages"


def _imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}


def test_helpers_do_not_import_the_page() -> None:
    for name in ("form_decisions.py", "form_printing.py", "decision_fields.py"):
        imported = _imported(PAGES / name)
        assert "dingmi_desktop.ui.pages.form_page" not in imported, name
        source = (PAGES / name).read_text(encoding="utf-8")
        assert "window_" not in source and "form_changed" not in source, name


def test_a_decision_announces_the_changed_form_and_the_page_reloads(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    form_id = draft_and_submit(gui, qtbot)
    review(gui, qtbot, form_id)
    gui.switch_to("wangwu")
    page = gui.open_form(form_id)
    seen: list[OpChanges] = []
    gui.window.operation_done.connect(seen.append)
    ApprovalDialog.set_next_answer(ApprovalAnswer(opinion="同意", password=DEMO_PASSWORD))
    qtbot.mouseClick(page.buttons["approve"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status_badge.text() == "已定密", timeout=WAIT_MS)
    gui.idle()
    assert seen == [OpChanges(form_id, form=True)]
    assert page.buttons["print"].isVisible()  # reloaded: the buttons follow the new status
