"""The office's 首页 (定密责任人, 保密员): 解密日 within the window (30 days by default), overdue
escalations, copies not returned; each line opens its item.
Over a real store prepared through the services, in the real window."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from dingmi_desktop.app import StoreBackend
from dingmi_desktop.export.fonts import bundled_font_set
from dingmi_desktop.security.kdf import KdfParams
from dingmi_desktop.services.accounts import AccountService
from dingmi_desktop.services.copy_fate import CopyEventRequest, CopyFateService
from dingmi_desktop.services.print_register import PrintRegisterService
from dingmi_desktop.services.printing import PrintingService
from dingmi_desktop.storage import Store
from dingmi_desktop.storage.settings_decl import EXPIRING_WINDOW_SETTING
from tests.fixtures.store import TEST_TODAY
from tests.gui.conftest import WAIT_MS, _start
from tests.services.samples import PASSWORD, Users, form, unclear


@pytest.fixture(scope="session")
def _desk_template(
    tmp_path_factory: pytest.TempPathFactory, _demo_template: Path
) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("desk-template") / "store"
    shutil.copytree(_demo_template, path)
    store = Store.open(path)
    try:
        users = Users(store)
        soon = users.to_approval(
            form(title="即将解密的事项", period={"until": (TEST_TODAY + timedelta(days=20)).isoformat()})
        )
        users.approve(soon)
        PrintingService(users["zhangsan"].session, fonts=bundled_font_set()).print_copies(
            soon, printer="办公室打印机", password=PASSWORD, copies=2
        )
        job = PrintRegisterService(users["wangwu"].session).entries()[0].id
        CopyFateService(users["wangwu"].session).record(
            CopyEventRequest(job, "分发", 1, 1, TEST_TODAY, party="业务处 李四")
        )
        late = users.to_approval(unclear())
        users["wangwu"].escalation.escalate(
            late,
            to="保密行政管理部门",
            reason="无法确定",
            password=PASSWORD,
            sent_on=TEST_TODAY - timedelta(days=60),
        )
    finally:
        store.close()
    return path, {"soon": soon, "late": late}


@pytest.fixture
def desk_gui(qtbot, _styled_app, tmp_path: Path, _desk_template, clock):  # type: ignore[no-untyped-def]
    target = tmp_path / "store"
    shutil.copytree(_desk_template[0], target)
    backend = StoreBackend(target, demo=True, kdf=KdfParams.FLOOR, clock=clock)
    yield from _start(qtbot, backend)


def test_the_office_sees_its_reminders_and_each_line_opens_the_item(desk_gui, _desk_template) -> None:  # type: ignore[no-untyped-def]
    ids = _desk_template[1]
    desk_gui.sign_in("wangwu")
    page = desk_gui.open_page("home")
    desk = page.desk
    assert desk is not None
    desk_gui.qtbot.waitUntil(lambda: desk.copies.proxy.rowCount() == 1, timeout=WAIT_MS)

    def ids_in(table):  # type: ignore[no-untyped-def]
        return [table.record_at(r).form_id for r in range(table.proxy.rowCount())]

    assert ids_in(desk.expiring) == [ids["soon"]] and ids_in(desk.overdue) == [ids["late"]]
    copies = desk.copies.record_at(0)
    assert (copies.form_id, copies.numbers, copies.parties) == (ids["soon"], (1,), "业务处 李四")
    assert desk.tabs.tabText(0) == "30 天内解密（1）" and desk.tabs.tabText(2) == "分发未收回（1）"
    desk.tabs.setCurrentIndex(1)
    desk.overdue.selectRow(0)
    desk_gui.qtbot.keyClick(desk.overdue, Qt.Key.Key_Return)
    desk_gui.qtbot.waitUntil(
        lambda: desk_gui.window.form_page is not None and desk_gui.window.form_page.form_id == ids["late"],
        timeout=WAIT_MS,
    )


@pytest.fixture
def narrow_desk_gui(qtbot, _styled_app, tmp_path: Path, _desk_template, clock):  # type: ignore[no-untyped-def]
    """The same store after the 安全保密管理员 narrowed the window to 10 days."""
    target = tmp_path / "store"
    shutil.copytree(_desk_template[0], target)
    store = Store.open(target)
    try:
        session = store.sign_in("secadmin", PASSWORD)
        AccountService(session).set_setting(EXPIRING_WINDOW_SETTING, "10")
        session.close()
    finally:
        store.close()
    backend = StoreBackend(target, demo=True, kdf=KdfParams.FLOOR, clock=clock)
    yield from _start(qtbot, backend)


def test_the_window_follows_the_setting(narrow_desk_gui) -> None:  # type: ignore[no-untyped-def]
    narrow_desk_gui.sign_in("wangwu")
    desk = narrow_desk_gui.open_page("home").desk
    assert desk is not None
    narrow_desk_gui.qtbot.waitUntil(lambda: desk.copies.proxy.rowCount() == 1, timeout=WAIT_MS)
    # the item 20 days from its 解密日 is outside a 10-day window, and the tab says which window it is
    assert desk.expiring.proxy.rowCount() == 0
    assert desk.tabs.tabText(0) == "10 天内解密（0）"


def test_a_drafter_has_no_office_reminders(desk_gui) -> None:  # type: ignore[no-untyped-def]
    desk_gui.sign_in("zhangsan")
    assert desk_gui.open_page("home").desk is None


def test_the_security_admin_sets_the_window_on_the_policy_page(gui) -> None:  # type: ignore[no-untyped-def]
    gui.sign_in("secadmin")
    page = gui.open_page("policy")
    field = page.window_days
    assert field.text() == "30"
    field.selectAll()
    gui.qtbot.keyClicks(field, "400")
    assert "超出允许范围" in page.window_error.text()
    page.window_button.click()
    gui.idle()
    assert "未保存" in page.feedback.text()
    field.selectAll()
    gui.qtbot.keyClicks(field, "60")
    page.window_button.click()
    gui.qtbot.waitUntil(lambda: "60 天内解密" in page.feedback.text(), timeout=WAIT_MS)
    gui.switch_to("wangwu", PASSWORD)
    desk = gui.open_page("home").desk
    gui.qtbot.waitUntil(lambda: desk.tabs.tabText(0).startswith("60 天内解密"), timeout=WAIT_MS)
