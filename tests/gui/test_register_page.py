"""定密台账 and 印制登记 pages on the real window over a real store: lazy paging, database sorting, filters,
search, export of the view, opening an item; the print register of every form."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt

from dingmi_desktop.app import StoreBackend
from dingmi_desktop.bench.store_bench import sample_form
from dingmi_desktop.export.fonts import bundled_font_set
from dingmi_desktop.security.kdf import KdfParams
from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.services.printing import PrintingService
from dingmi_desktop.services.register import PAGE_SIZE
from dingmi_desktop.storage import Store
from dingmi_desktop.storage.register_sql import COLUMNS
from dingmi_desktop.ui.dialogs.prompts import SavePath
from tests.gui.conftest import WAIT_MS, _start

ITEMS = 320
DEPARTMENTS = ("办公室", "业务处", "财务处", "科技处")


def _populate(path: Path) -> None:
    """ITEMS decided items drafted by zhangsan, written the cheap way (no signatures), half of them 机密."""
    store = Store.open(path)
    session = store.sign_in("zhangsan", DEMO_PASSWORD)
    try:
        with session.transaction() as tx:
            for i in range(ITEMS):
                content, index = sample_form(i)
                level, marking = ("机密", "机密★10年") if i % 2 else ("秘密", "秘密★5年")
                department = DEPARTMENTS[i % len(DEPARTMENTS)]
                content = {**content, "category": level, "department": department}
                index = dataclasses.replace(
                    index, category=level, marking=marking, department=department, status="已定密"
                )
                tx.forms.create(content, index)
    finally:
        session.close()
        store.close()


@pytest.fixture(scope="session")
def _register_template(tmp_path_factory: pytest.TempPathFactory, _demo_template: Path) -> Path:
    path = tmp_path_factory.mktemp("register-template") / "store"
    shutil.copytree(_demo_template, path)
    _populate(path)
    return path


@pytest.fixture
def register_gui(qtbot, _styled_app, tmp_path: Path, _register_template: Path, clock):  # type: ignore[no-untyped-def]
    target = tmp_path / "store"
    shutil.copytree(_register_template, target)
    backend = StoreBackend(target, demo=True, kdf=KdfParams.FLOOR, clock=clock)
    yield from _start(qtbot, backend)


def _open_register(gui):  # type: ignore[no-untyped-def]
    page = gui.open_page("register")
    gui.qtbot.waitUntil(lambda: page.model.total is not None, timeout=WAIT_MS)
    gui.idle()
    return page


def _reload(gui, page, action) -> None:  # type: ignore[no-untyped-def]
    """Run `action` (a filter change) and wait for the model's first page of the new query."""
    action()
    gui.qtbot.waitUntil(lambda: page.model.total is not None and not gui.ops.busy, timeout=WAIT_MS)


def test_the_register_shows_the_first_page_and_fetches_more_only_on_scrolling(register_gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    register_gui.sign_in("wangwu")
    page = _open_register(register_gui)
    model, table = page.model, page.table
    assert model.total is not None and model.total >= ITEMS
    assert model.rowCount() == PAGE_SIZE and model.fetches == 1  # the visible rows need one page only
    assert f"共 {model.total} 项，已载入 {PAGE_SIZE} 项" in page.feedback.text()
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # to the last loaded row
    qtbot.waitUntil(lambda: model.rowCount() == 2 * PAGE_SIZE, timeout=WAIT_MS)
    register_gui.idle()
    assert model.fetches == 2 and model.rowCount() < model.total  # one more page, not the whole register
    ids = [item.form_id for item in model.items]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == len(ids)  # pages join without gaps


def test_header_click_sorts_in_the_database_and_filters_and_search_narrow_the_rows(
    register_gui, qtbot
) -> None:  # type: ignore[no-untyped-def]
    register_gui.sign_in("wangwu")
    page = _open_register(register_gui)
    model, header = page.model, page.table.horizontalHeader()
    title = COLUMNS.index("title")
    position = QPoint(header.sectionViewportPosition(title) + 10, header.height() // 2)
    _reload(
        register_gui,
        page,
        lambda: qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=position),
    )
    assert model.filter.sort == "title"
    titles = [i.title for i in model.items]
    assert titles == sorted(titles, reverse=model.filter.descending)
    everything = model.total
    _reload(register_gui, page, lambda: page.level.setCurrentIndex(page.level.findData("机密")))
    assert model.total is not None and ITEMS // 2 <= model.total < everything
    assert {i.category for i in model.items} == {"机密"}
    _reload(register_gui, page, lambda: page.department.setCurrentIndex(page.department.findData("业务处")))
    assert {(i.category, i.department) for i in model.items} == {("机密", "业务处")}
    page.level.setCurrentIndex(0)
    page.department.setCurrentIndex(0)
    register_gui.idle()
    page.search.setFocus()
    qtbot.keyClicks(page.search, "123")  # trigram FTS over title, 文号, opinions, after the typing pause
    qtbot.waitUntil(lambda: model.total == 1 and len(model.items) == 1, timeout=WAIT_MS)
    assert model.items[0].title == "关于第123号项目技术方案的请示"
    qtbot.keyClick(page.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.search, "23")  # two characters: the index of characters and pairs
    expected = {f"关于第{i}号项目技术方案的请示" for i in range(ITEMS) if "23" in str(i)}
    qtbot.waitUntil(lambda: model.filter.text == "23" and model.total is not None, timeout=WAIT_MS)
    register_gui.idle()
    assert len(model.items) == model.total
    assert {i.title for i in model.items if i.title.startswith("关于第")} == expected
    page.year.setText("二〇二六")
    page.apply_filter()
    assert "四位数字" in page.filter_error.text()


def test_a_drafter_sees_only_his_items_and_cannot_export(register_gui) -> None:  # type: ignore[no-untyped-def]
    register_gui.sign_in("zhaoliu")
    page = _open_register(register_gui)
    assert page.model.total == 0 and "没有符合条件的事项" in page.feedback.text()
    assert not page.export_button.isVisible()


def test_the_officer_exports_the_filtered_view_to_xlsx_and_a_double_click_opens_the_item(  # type: ignore[no-untyped-def]
    register_gui, qtbot, tmp_path: Path
) -> None:
    register_gui.sign_in("wangwu")
    page = _open_register(register_gui)
    _reload(register_gui, page, lambda: page.level.setCurrentIndex(page.level.findData("秘密")))
    expected = page.model.total
    assert page.export_button.isVisible()
    out = tmp_path / "台账.xlsx"
    SavePath.set_next_answer(str(out))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    register_gui.idle()
    assert "文件密级：秘密" in page.feedback.text()
    sheet = openpyxl.load_workbook(out).active
    assert sheet["A1"].value == "密级：秘密" and sheet.oddHeader.center.text == "秘密"
    assert sheet["A3"].value == "筛选：密级：秘密" and sheet.max_row == 5 + expected
    first = page.model.items[0]
    rect = page.table.visualRect(page.model.index(0, 1))
    viewport = page.table.viewport()
    qtbot.mouseClick(
        viewport, Qt.MouseButton.LeftButton, pos=rect.center()
    )  # a real double-click: press first
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(
        lambda: (
            register_gui.window.form_page is not None
            and register_gui.window.form_page.form_id == first.form_id
        ),
        timeout=WAIT_MS,
    )


@pytest.fixture
def printed_gui(qtbot, _styled_app, tmp_path: Path, _print_template, clock):  # type: ignore[no-untyped-def]
    """The approved form of the print template with 2 copies printed and 1 复印 approved by secadmin."""
    path, form_id = _print_template
    target = tmp_path / "store"
    shutil.copytree(path, target)
    store = Store.open(target)
    session = store.sign_in("zhangsan", DEMO_PASSWORD)
    printing = PrintingService(session, fonts=bundled_font_set())
    printing.print_copies(form_id, printer="办公室打印机", password=DEMO_PASSWORD, copies=2)
    printing.reprint(
        form_id,
        printer="保密室打印机",
        password=DEMO_PASSWORD,
        copies=1,
        approver="secadmin",
        approver_password=DEMO_PASSWORD,
    )
    session.close()
    store.close()
    backend = StoreBackend(target, demo=True, kdf=KdfParams.FLOOR, clock=clock)
    yield from _start(qtbot, backend)


def test_the_print_register_lists_every_printed_copy(printed_gui, approved: int, qtbot) -> None:  # type: ignore[no-untyped-def]
    gui = printed_gui
    gui.sign_in("wangwu")
    page = gui.open_page("print_register")
    assert page.total == 2 and page.table.visible_count() == 2
    rows = {page.table.record_at(r).kind: page.table.record_at(r) for r in range(2)}
    assert (rows["印制"].copy_range, rows["印制"].printer, rows["印制"].user) == (
        "000001—000002",
        "办公室打印机",
        "张三",
    )
    assert (rows["复印"].copy_range, rows["复印"].approver) == ("000003—000003", "安全保密管理员")
    assert "共 2 次打印" in page.feedback.text()
    assert page.table.select_where(lambda e: e.kind == "复印")
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: gui.window.form_page is not None and gui.window.form_page.form_id == approved, timeout=WAIT_MS
    )
    gui.idle()


def test_the_office_records_the_fate_of_copies_from_the_print_register(printed_gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    from dingmi_desktop.services.copy_fate import CopyEventRequest
    from dingmi_desktop.ui.dialogs.copy_fate import CopyFateDialog

    gui = printed_gui
    gui.sign_in("wangwu")
    page = gui.open_page("print_register")
    today = gui.window.bundle.today()
    assert page.fate_button.isVisible()
    assert page.table.select_where(lambda e: e.kind == "印制")
    gui.idle()
    assert "尚无（全部在库）" in page.events_label.text()
    entry = page.table.selected_record()
    dialog = CopyFateDialog(page, entry, today)  # the dialog's own checks, before anything is sent
    dialog.copies_from.setText("一")
    assert "份号须为数字" in dialog.problem()
    dialog.copies_from.setText("1")
    dialog.copies_to.setText("5")
    assert "000001" not in dialog.problem() and "1—2" in dialog.problem()
    dialog.copies_to.setText("2")
    assert "接收的单位或人员" in dialog.problem()
    dialog.party.setText("业务处")
    assert dialog.problem() == "" and dialog.request().copies_to == 2
    dialog.deleteLater()
    CopyFateDialog.set_next_answer(CopyEventRequest(entry.id, "分发", 1, 2, today, party="业务处 李四"))
    qtbot.mouseClick(page.fate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "已登记" in page.feedback.text() or "共 2 次" in page.feedback.text(), timeout=WAIT_MS
    )
    gui.idle()
    fates = {page.table.record_at(r).kind: page.table.record_at(r).fate for r in range(2)}
    assert fates == {"印制": "已分发 2 份", "复印": "全部在库"}
    assert page.table.select_where(lambda e: e.kind == "印制")
    gui.idle()
    assert "分发 000001—000002（业务处 李四）" in page.events_label.text()
    CopyFateDialog.set_next_answer(CopyEventRequest(entry.id, "销毁", 1, 1, today, witness="赵六"))
    qtbot.mouseClick(page.fate_button, Qt.MouseButton.LeftButton)
    gui.idle()
    assert "000001（已分发）" in page.feedback.text()  # recalled first, then destroyed
