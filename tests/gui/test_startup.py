"""Start-up paths: `--demo` on a fresh machine builds the demo store with progress; the exception hook."""

from __future__ import annotations

import sys
from pathlib import Path

from dingmi_desktop.app import StoreBackend, parse_args
from dingmi_desktop.security.kdf import KdfParams
from dingmi_desktop.ui.excepthook import ErrorDialogs, install_excepthook
from tests.gui.conftest import WAIT_MS, _start


def test_demo_is_created_with_progress_when_missing(qtbot, _styled_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    backend = StoreBackend(tmp_path / "demo", demo=True, kdf=KdfParams.FLOOR)
    harness_iter = _start(qtbot, backend)
    gui = next(harness_iter)
    try:
        qtbot.waitUntil(
            lambda: gui.controller.progress is not None or gui.controller.sign_in_dialog is not None
        )
        gui.sign_in("wangwu")
        assert gui.window.bundle.info.unit_name == "示例单位"
        assert gui.controller.progress is None
    finally:
        next(harness_iter, None)


def test_sign_in_dialog_appears_before_the_store_is_open(gui, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = gui.controller.sign_in_dialog
    assert dialog is not None  # shown synchronously by start()
    qtbot.waitUntil(lambda: dialog.ready, timeout=WAIT_MS)
    assert dialog.unit_label.text() == "示例单位"
    assert dialog.sign_in.isEnabled()


def test_global_exception_hook_reports_instead_of_dying(qtbot, _styled_app) -> None:  # type: ignore[no-untyped-def]
    previous = sys.excepthook
    install_excepthook()
    try:
        try:
            raise ValueError("boom")
        except ValueError:
            sys.excepthook(*sys.exc_info())
        assert ErrorDialogs.count == 1
        assert "boom" in ErrorDialogs.last_error
    finally:
        sys.excepthook = previous


def test_command_line_keeps_data_dir_and_demo_options(tmp_path: Path) -> None:
    args = parse_args(["--data-dir", str(tmp_path), "--demo"])
    assert args.data_dir == tmp_path and args.demo


def test_english_translation_of_the_main_window(gui, _styled_app) -> None:  # type: ignore[no-untyped-def]
    from dingmi_desktop.ui.appearance import install_translator

    translator = install_translator(_styled_app, "en")
    assert translator is not None
    try:
        gui.sign_in("zhangsan")
        labels = [gui.window.navigation.item(i).text() for i in range(gui.window.navigation.count())]
        assert labels == ["Home", "My drafts", "Decided", "Register", "Print register"]
        assert gui.window.action_switch_user.text() == "Switch user"
        assert gui.window.user_label.text() == "User: 张三 (zhangsan)"
    finally:
        _styled_app.removeTranslator(translator)
