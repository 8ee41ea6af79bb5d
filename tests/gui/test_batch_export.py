"""批量导出 on the 已定密 list: several sheets into one folder, each export audited, failures reported."""

from __future__ import annotations

import errno
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from dingmi_desktop.app import StoreBackend
from dingmi_desktop.security.kdf import KdfParams
from dingmi_desktop.storage import Store
from dingmi_desktop.ui import file_output
from dingmi_desktop.ui.dialogs.prompts import Confirm, FolderPath
from dingmi_desktop.ui.excepthook import ErrorDialogs
from tests.gui.conftest import WAIT_MS, Harness, _start
from tests.services.samples import Users, audit_entries, form


@pytest.fixture(scope="session")
def _batch_template(tmp_path_factory: pytest.TempPathFactory, _demo_template: Path) -> tuple[Path, list[int]]:
    """The demo store plus three forms approved, drafted by zhangsan."""
    path = tmp_path_factory.mktemp("batch-template") / "store"
    shutil.copytree(_demo_template, path)
    store = Store.open(path)
    try:
        users = Users(store)
        ids = [users.to_approval(form(title=f"批量导出样例{n}")) for n in range(3)]
        for form_id in ids:
            users.approve(form_id)
    finally:
        store.close()
    return path, ids


@pytest.fixture
def decided(_batch_template: tuple[Path, list[int]]) -> list[int]:
    return _batch_template[1]


@pytest.fixture
def batch_gui(qtbot, _styled_app, tmp_path: Path, _batch_template, clock) -> Iterator[Harness]:  # type: ignore[no-untyped-def]
    target = tmp_path / "store"
    shutil.copytree(_batch_template[0], target)
    backend = StoreBackend(target, demo=True, kdf=KdfParams.FLOOR, clock=clock)
    yield from _start(qtbot, backend)


@pytest.fixture(autouse=True)
def _clean_seams() -> Iterator[None]:
    FolderPath.clear_answers()
    yield
    FolderPath.clear_answers()


def decided_page(gui: Harness) -> Any:
    gui.sign_in("zhangsan")
    page = gui.open_page("decided")
    gui.qtbot.waitUntil(lambda: page.table.visible_count() > 1, timeout=WAIT_MS)
    return page


def select(page: Any, form_ids: list[int]) -> None:
    table = page.table
    table.clearSelection()
    for row in range(table.visible_count()):
        if table.record_at(row).id in form_ids:
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            table.selectionModel().select(table.proxy.index(row, 0), flags)
    assert sorted(r.id for r in table.selected_records()) == sorted(form_ids)


def export(gui: Harness, page: Any) -> None:
    assert page.export_button.isVisible()
    gui.qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    gui.qtbot.waitUntil(lambda: not page.batch_export.running, timeout=WAIT_MS)
    gui.idle()


def audit_exports(gui: Harness) -> list[str]:
    return [e.object_id for e in audit_entries(gui.controller.backend.store) if e.action == "导出"]


def test_selected_sheets_are_exported_into_the_folder(
    batch_gui: Harness, decided: list[int], tmp_path: Path
) -> None:
    page = decided_page(batch_gui)
    ids = decided
    select(page, ids)
    folder = tmp_path / "out"
    folder.mkdir()
    FolderPath.set_next_answer(folder)
    export(batch_gui, page)
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(f"定密审批单-{i}.pdf" for i in ids)  # no temp files, no titles in names
    for name in names:
        assert len(pypdf.PdfReader(folder / name).pages) >= 1
    assert "已导出 3 份审批单" in page.feedback.text() and ErrorDialogs.count == 0
    assert sorted(audit_exports(batch_gui)) == sorted(str(i) for i in ids)  # one audited 导出 per sheet
    assert page.batch_export.progress is None  # closed at the end


def test_nothing_selected_or_no_folder_exports_nothing(
    batch_gui: Harness, decided: list[int], tmp_path: Path
) -> None:
    page = decided_page(batch_gui)
    page.table.clearSelection()
    export(batch_gui, page)
    assert "请先选择" in page.feedback.text()
    select(page, [decided[0]])
    before = audit_exports(batch_gui)
    FolderPath.set_next_answer(None)  # the folder dialog was cancelled
    export(batch_gui, page)
    assert audit_exports(batch_gui) == before and ErrorDialogs.count == 0


def test_existing_files_are_replaced_only_when_confirmed(
    batch_gui: Harness, decided: list[int], tmp_path: Path
) -> None:
    page = decided_page(batch_gui)
    select(page, [decided[0]])
    out = tmp_path / "out"
    out.mkdir()
    target = out / f"定密审批单-{decided[0]}.pdf"
    target.write_bytes(b"old")
    FolderPath.set_next_answer(out)
    Confirm.set_next_answer(False)
    export(batch_gui, page)
    assert target.read_bytes() == b"old" and "已取消" in page.feedback.text()
    FolderPath.set_next_answer(out)
    Confirm.set_next_answer(True)
    export(batch_gui, page)
    assert target.read_bytes().startswith(b"%PDF")


def test_a_missing_folder_is_refused_before_any_export(
    batch_gui: Harness, decided: list[int], tmp_path: Path
) -> None:
    page = decided_page(batch_gui)
    select(page, [decided[0]])
    before = audit_exports(batch_gui)
    FolderPath.set_next_answer(tmp_path / "no-such-folder")
    export(batch_gui, page)
    assert "不存在" in ErrorDialogs.last_error and "未导出" in page.feedback.text()
    assert audit_exports(batch_gui) == before


def test_a_full_disk_stops_the_batch_and_says_which_forms_are_missing(
    batch_gui: Harness,
    decided: list[int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = decided_page(batch_gui)
    ids = decided
    select(page, ids)
    real_fdopen = file_output.os.fdopen
    calls = {"n": 0}

    def fdopen(fd: int, mode: str) -> Any:
        calls["n"] += 1
        if calls["n"] == 2:  # the second sheet meets a full disk
            file_output.os.close(fd)
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_fdopen(fd, mode)

    monkeypatch.setattr(file_output.os, "fdopen", fdopen)
    out = tmp_path / "out"
    out.mkdir()
    FolderPath.set_next_answer(out)
    export(batch_gui, page)
    assert sorted(p.name for p in out.iterdir()) == [f"定密审批单-{ids[0]}.pdf"]  # no partial file
    assert "磁盘空间不足" in ErrorDialogs.last_error and f"表单 {ids[1]}" in ErrorDialogs.last_error
    said = page.feedback.text()
    assert "已导出 1 份审批单" in said and "其余 1 份未导出" in said and "1 份未导出，原因见提示" in said


def test_lock_stops_a_running_batch(batch_gui: Harness, decided: list[int], tmp_path: Path) -> None:
    page = decided_page(batch_gui)
    batch = page.batch_export
    out = tmp_path / "out"
    out.mkdir()
    batch.targets = [(decided[0], out / "a.pdf"), (decided[1], out / "b.pdf")]
    batch.running = True
    batch.stop()
    batch._next()
    assert not batch.running and list(out.iterdir()) == []
