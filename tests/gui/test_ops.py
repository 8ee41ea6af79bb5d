"""The background-operation helper: results and errors come back on the GUI thread, in order."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from dingmi_desktop.ui.ops import OpRunner


def test_results_arrive_on_the_gui_thread_in_order(qtbot) -> None:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []
    ops = OpRunner(error_handler=errors.append)
    gui_thread = QThread.currentThread()
    seen: list[tuple[int, bool, bool]] = []
    try:
        for n in range(3):
            ops.run(
                lambda n=n: (n, threading.current_thread() is threading.main_thread()),
                lambda result: seen.append((*result, QThread.currentThread() is gui_thread)),
            )
        assert ops.busy
        assert ops.wait_idle(10_000)
        assert seen == [(0, False, True), (1, False, True), (2, False, True)]
        assert not errors
    finally:
        ops.shutdown()


def test_errors_go_to_the_given_handler_or_the_error_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []
    local: list[BaseException] = []
    ops = OpRunner(error_handler=errors.append)
    try:
        ops.run(lambda: 1 / 0)
        ops.run(lambda: int("x"), on_error=local.append)
        ops.run(lambda: 1, lambda _r: [][0])  # a failing callback is reported too
        assert ops.wait_idle(10_000)
        assert [type(e) for e in errors] == [ZeroDivisionError, IndexError]
        assert [type(e) for e in local] == [ValueError]
    finally:
        ops.shutdown()
