"""Idle auto-lock: an application-wide inactivity filter, with an injectable clock.

The lock itself is a state of the session (see ``session_controller``); this module only decides *when* to
lock, and provides the parts of the lock sequence that are pure Qt: closing dialogs and clearing the
clipboard.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

Clock = Callable[[], float]

_ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
        QEvent.Type.MouseMove,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)


class IdleLock(QObject):
    """Emits ``idle_timeout`` once the user has been inactive for the policy's idle time."""

    idle_timeout = Signal()

    def __init__(
        self,
        clock: Clock = time.monotonic,
        check_interval_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._timeout_s: float | None = None
        self._last_activity = clock()
        self._timer = QTimer(self)
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def timeout_s(self) -> float | None:
        return self._timeout_s

    def arm(self, timeout_s: float | None) -> None:
        """Start watching with the given idle time (None or 0 disables auto-lock)."""
        self._timeout_s = timeout_s if timeout_s and timeout_s > 0 else None
        self.touch()
        if self._timeout_s is None:
            self._timer.stop()
        else:
            self._timer.start()

    def disarm(self) -> None:
        self._timer.stop()
        self._timeout_s = None

    def touch(self) -> None:
        self._last_activity = self._clock()

    def idle_seconds(self) -> float:
        return self._clock() - self._last_activity

    def check(self) -> None:
        if self._timeout_s is not None and self.idle_seconds() >= self._timeout_s:
            self._timer.stop()
            self.idle_timeout.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY_EVENTS:
            self._last_activity = self._clock()
        return False

    def shutdown(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def close_dialogs(keep: QWidget | None = None) -> int:
    """Reject every open dialog and message box (modal ones first); returns how many were closed."""
    closed = 0
    for _ in range(20):  # nested modal loops unwind one level per pass
        modal = QApplication.activeModalWidget()
        if modal is None or modal is keep:
            break
        _dismiss(modal)
        closed += 1
    for widget in QApplication.topLevelWidgets():
        if widget is keep or not widget.isVisible():
            continue
        if isinstance(widget, QDialog | QMessageBox):
            _dismiss(widget)
            closed += 1
    return closed


def _dismiss(widget: QWidget) -> None:
    if isinstance(widget, QDialog):
        widget.reject()
    widget.close()


def clear_clipboard() -> None:
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.clear()
