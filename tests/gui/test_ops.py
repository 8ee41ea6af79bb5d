"""The background-operation helper: results and errors come back on the GUI thread, in order."""

from __future__ import annotations

import gc
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


class _Witness:
    """Garbage in a reference cycle; records the thread that collects it."""

    def __init__(self, seen: list[str]) -> None:
        self.seen = seen
        self.cycle = self

    def __del__(self) -> None:
        self.seen.append(threading.current_thread().name)


def test_cycle_collection_never_runs_on_the_worker_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Qt wrappers collected on the worker crash the process; the collector runs on the GUI thread."""
    was_enabled = gc.isenabled()
    ops = OpRunner()
    seen: list[str] = []
    try:
        assert not gc.isenabled()
        _Witness(seen)  # unreachable at once, freed only by the cycle collector
        ops.run(lambda: [[] for _ in range(50_000)])  # allocates far past the gen-0 threshold
        assert ops.wait_idle(10_000)
        assert seen == []
        live = [[] for _ in range(5 * gc.get_threshold()[0])]  # the GUI thread's timer sees the count
        qtbot.waitUntil(lambda: seen != [], timeout=10_000)
        assert seen == [threading.main_thread().name]
        del live
    finally:
        ops.shutdown()
    assert gc.isenabled() == was_enabled
