"""Python's cycle collector runs on the GUI thread only, while a worker thread is running.

CPython runs the cycle collector in whichever thread happens to allocate past the threshold. When that is
the database worker and the garbage holds PySide6 wrappers (a closed form page with its lambdas, a dialog),
their C++ objects are destroyed on the wrong thread and the process dies ("Fatal Python error:
Segmentation fault … Garbage-collecting" with a worker frame on top). Like Anki and pyqtgraph, we switch
automatic collection off while the worker runs and collect from a GUI-thread timer with the same thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

CHECK_INTERVAL_MS = 500


class MainThreadCollector(QObject):
    """Collects generation 0/1/2 on the GUI thread when the allocation counts pass gc's thresholds."""

    def __init__(self, interval_ms: int = CHECK_INTERVAL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainThreadCollector")
        self.users = 0
        self._was_enabled = gc.isenabled()
        self.threshold = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)

    def acquire(self) -> None:
        if self.users == 0:
            self._was_enabled = gc.isenabled()
            gc.disable()
            self._timer.start()
        self.users += 1

    def release(self) -> None:
        if self.users == 0:
            return
        self.users -= 1
        if self.users == 0:
            self._timer.stop()
            if self._was_enabled:
                gc.enable()

    def check(self) -> None:
        gen0, gen1, gen2 = gc.get_count()
        if gen0 > self.threshold[0]:
            gc.collect(0)
            if gen1 > self.threshold[1]:
                gc.collect(1)
                if gen2 > self.threshold[2]:
                    gc.collect(2)


def main_thread_collector() -> MainThreadCollector | None:
    """The application's collector (created on first use; None without a QCoreApplication)."""
    app = QCoreApplication.instance()
    if app is None:
        return None
    collector = app.findChild(MainThreadCollector, "mainThreadCollector")
    if collector is None:
        collector = MainThreadCollector(parent=app)
    return collector
