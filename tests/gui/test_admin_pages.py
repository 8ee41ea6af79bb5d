"""The 三员 pages: users (系统管理员), audit log with filter, verification and export (安全审计员)."""

from __future__ import annotations

from pathlib import Path

from dingmi_desktop.services.cosign import CoSign
from dingmi_desktop.ui.dialogs.cosign import CosignDialog
from dingmi_desktop.ui.dialogs.fields_dialog import FieldsDialog
from dingmi_desktop.ui.dialogs.prompts import SavePath
from dingmi_desktop.ui.excepthook import ErrorDialogs
from tests.fixtures.store import DEMO_PASSWORD
from tests.gui.conftest import WAIT_MS


def test_sysadmin_adds_a_user_who_must_change_the_initial_password(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("sysadmin")
    assert [e.key for e in gui.window.entries] == ["users"]
    page = gui.open_page("users")
    FieldsDialog.set_next_answer(
        {
            "username": "sunqi",
            "display_name": "孙七",
            "department": "业务处",
            "password": "Init#Pass2026",
            "repeat": "Init#Pass2026",
        }
    )
    page.add_button.click()
    qtbot.waitUntil(lambda: "已创建用户 sunqi" in page.feedback.text(), timeout=WAIT_MS)
    gui.idle()
    assert page.table.select_where(lambda u: u is not None and u.username == "sunqi")
    row = page.table.currentIndex().row()
    assert "密钥待确认" in page.table.model().index(row, 4).data()
    assert page.confirm_button.isEnabled()
    # a wrong co-signer password: refused in words, still unconfirmed
    CosignDialog.set_next_answer(CoSign(DEMO_PASSWORD, "secadmin", "Wrong#Pass2026"))
    page.confirm_button.click()
    qtbot.waitUntil(lambda: "未确认：第二名三员 secadmin 的密码错误" in page.feedback.text(), timeout=WAIT_MS)
    gui.idle()
    assert "sunqi" in page.unconfirmed
    assert page.table.select_where(lambda u: u is not None and u.username == "sunqi")  # the list reloaded
    CosignDialog.set_next_answer(CoSign(DEMO_PASSWORD, "secadmin", DEMO_PASSWORD))
    page.confirm_button.click()
    qtbot.waitUntil(lambda: "已确认 sunqi 的密钥" in page.feedback.text(), timeout=WAIT_MS)
    gui.idle()
    assert page.table.select_where(lambda u: u is not None and u.username == "sunqi")
    assert "密钥待确认" not in page.table.model().index(page.table.currentIndex().row(), 4).data()
    assert not page.confirm_button.isEnabled()

    gui.window.action_switch_user.trigger()
    gui.wait_sign_in()
    gui.controller.sign_in_dialog.attempt("sunqi", "Init#Pass2026")
    qtbot.waitUntil(lambda: gui.controller.password_dialog is not None, timeout=WAIT_MS)


def test_auditor_filters_verifies_and_exports(gui, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("auditor")
    page = gui.open_page("audit")
    total = page.table.visible_count()
    assert total > 5
    shown = [page.table.record_at(r).seq for r in range(total)]
    assert shown == sorted(shown, reverse=True)  # newest first, by number (not "9" before "72")
    cells = [page.table.model().index(r, c).data() for r in range(total) for c in (4, 6)]
    assert not [c for c in cells if "True" in c or "False" in c or c.startswith(("form ", "user "))]
    page.filter.setText("zhangsan")
    assert 0 < page.table.visible_count() < total
    page.filter.clear()
    page.result_filter.setCurrentIndex(2)  # 失败
    assert all(page.table.record_at(r).result == "失败" for r in range(page.table.visible_count()))
    page.result_filter.setCurrentIndex(0)

    page.verify_button.click()
    qtbot.waitUntil(lambda: page.verify_label.text().startswith("校验通过"), timeout=WAIT_MS)
    gui.idle()

    target = tmp_path / "audit.csv"
    SavePath.set_next_answer(target)
    page.export_button.click()
    qtbot.waitUntil(lambda: "已导出" in page.feedback.text(), timeout=WAIT_MS)
    assert target.exists() and "zhangsan" in target.read_text(encoding="utf-8")
    assert ErrorDialogs.count == 0
