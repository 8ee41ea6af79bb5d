"""Failures named truly in the GUI: a read-only data folder is said so (no traceback, no "damaged")."""

from __future__ import annotations

import pytest

from tests.gui.conftest import WAIT_MS
from tests.storage.folders import read_only_folder


def test_read_only_data_folder_is_reported_and_the_program_ends(qtbot, _styled_app, demo_dir, clock) -> None:  # type: ignore[no-untyped-def]
    from dingmi_desktop.app import StoreBackend
    from dingmi_desktop.security.kdf import KdfParams
    from dingmi_desktop.ui.excepthook import ErrorDialogs
    from tests.gui.conftest import _start

    before = sorted(p.name for p in demo_dir.iterdir())
    with read_only_folder(demo_dir):
        backend = StoreBackend(demo_dir, demo=False, kdf=KdfParams.FLOOR, clock=clock)
        harness_iter = _start(qtbot, backend)
        gui = next(harness_iter)
        with qtbot.waitSignal(gui.controller.finished, timeout=WAIT_MS):
            pass
        assert ErrorDialogs.last_error.startswith(f"数据目录只读：{demo_dir}"), ErrorDialogs.last_error
        assert "损坏" not in ErrorDialogs.last_error and "意外错误" not in ErrorDialogs.last_error
        assert gui.controller.sign_in_dialog is None
        next(harness_iter, None)
    assert sorted(p.name for p in demo_dir.iterdir()) == before


def test_a_write_refused_by_the_folder_is_named_in_the_error_dialog(_styled_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from dingmi_desktop.ui.excepthook import describe_error

    folder = tmp_path / "out"
    folder.mkdir()
    with read_only_folder(folder), pytest.raises(OSError) as err:
        (folder / "sheet.pdf").write_bytes(b"%PDF")
    message = describe_error(err.value)
    assert message.startswith(f"无法写入 {folder}：该位置只读或没有写入权限"), message
