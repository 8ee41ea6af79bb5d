"""Background-operation helper: all database work runs on one worker thread.

Views call ``ops.run(fn, on_done)``; ``fn`` runs on the worker, ``on_done(result)`` runs back on the GUI
thread. Failures go to ``on_error`` when given, otherwise to the single error handler (the error dialog).
The lock sequence and application shutdown use ``wait_idle()`` so that a save in flight always finishes.
While the worker runs, Python's cycle collector runs on the GUI thread only (see ``gc_guard``).
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QObject, QThread, QTimer, Signal, Slot

from dingmi_desktop.ui.gc_guard import main_thread_collector

log = logging.getLogger(__name__)

ErrorHandler = Callable[[BaseException], None]


@dataclass
class _Pending:
    label: str
    on_done: Callable[[Any], None] | None
    on_error: ErrorHandler | None
    started: float = field(default_factory=time.perf_counter)  # for the log: kind and timing, no payload


class _Worker(QObject):
    """Runs queued callables. Only integers cross threads through signals; payloads travel in a locked
    dict, which keeps Python objects out of Qt's queued-connection marshalling."""

    finished = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._jobs: dict[int, Callable[[], Any]] = {}
        self._results: dict[int, tuple[bool, Any]] = {}

    def put(self, op_id: int, fn: Callable[[], Any]) -> None:
        with self._lock:
            self._jobs[op_id] = fn

    def take_result(self, op_id: int) -> tuple[bool, Any]:
        with self._lock:
            return self._results.pop(op_id)

    @Slot(int)
    def execute(self, op_id: int) -> None:
        with self._lock:
            fn = self._jobs.pop(op_id)
        try:
            outcome: tuple[bool, Any] = (True, fn())
        except BaseException as exc:
            outcome = (False, exc)
        del fn
        with self._lock:
            self._results[op_id] = outcome
        del outcome
        self.finished.emit(op_id)


class OpRunner(QObject):
    """One worker thread for database and key-derivation work, results delivered on the GUI thread."""

    _submit = Signal(int)
    busy_changed = Signal(bool)
    idle = Signal()

    def __init__(self, error_handler: ErrorHandler | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._error_handler = error_handler
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._thread = QThread()
        self._thread.setObjectName("dingmi-db-worker")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.execute)
        self._worker.finished.connect(self._on_finished)
        self._collector = main_thread_collector()
        if self._collector is not None:
            self._collector.acquire()
        self._thread.start()

    def set_error_handler(self, handler: ErrorHandler | None) -> None:
        self._error_handler = handler

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def pending_labels(self) -> list[str]:
        return [p.label for p in self._pending.values()]

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: ErrorHandler | None = None,
        *,
        label: str = "",
    ) -> int:
        """Queue ``fn`` on the worker thread; operations run one at a time, in order."""
        if not self._thread.isRunning():
            raise RuntimeError("background worker already stopped")
        op_id = next(self._ids)
        was_idle = not self._pending
        self._pending[op_id] = _Pending(label or getattr(fn, "__name__", "op"), on_done, on_error)
        if was_idle:
            self.busy_changed.emit(True)
        self._worker.put(op_id, fn)
        self._submit.emit(op_id)
        return op_id

    def wait_idle(self, timeout_ms: int = 30_000) -> bool:
        """Process events until every queued operation has delivered its result (or the timeout)."""
        if not self._pending:
            return True
        loop = QEventLoop()
        self.idle.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        try:
            if self._pending:
                loop.exec()
        finally:
            self.idle.disconnect(loop.quit)
        return not self._pending

    def shutdown(self, timeout_ms: int = 30_000) -> None:
        """Finish queued work, then stop the worker thread (called once, at application exit)."""
        self.wait_idle(timeout_ms)
        self._thread.quit()
        self._thread.wait(QDeadlineTimer(timeout_ms))
        collector, self._collector = self._collector, None
        if collector is not None:
            collector.release()

    @Slot(int)
    def _on_finished(self, op_id: int) -> None:
        ok, value = self._worker.take_result(op_id)
        pending = self._pending.get(op_id)
        if pending is not None:
            elapsed = (time.perf_counter() - pending.started) * 1000
            log.info("op %s %s in %.0f ms", pending.label, "done" if ok else "failed", elapsed)
        try:
            if not ok:
                self._report(value, pending.on_error if pending else None)
            elif pending is not None and pending.on_done is not None:
                pending.on_done(value)
        except Exception as exc:
            self._report(exc, None)
        finally:
            self._forget(op_id)

    def _report(self, exc: BaseException, handler: ErrorHandler | None) -> None:
        if handler is not None:
            handler(exc)
            return
        log.error("background operation failed", exc_info=exc)
        if self._error_handler is not None:
            self._error_handler(exc)

    def _forget(self, op_id: int) -> None:
        self._pending.pop(op_id, None)
        if not self._pending:
            self.busy_changed.emit(False)
            self.idle.emit()
