"""Runs the expiry pass (services/expiry.py) after sign-in and daily while the main window is open.

A QTimer looks every CHECK_MS whether the unit's local date (bundle.today(), the injected clock) has moved
since the last pass; the pass itself runs on the worker. Its outcome is shown in the status bar: how many
items expired, or why the pass held back (clock set back, or far ahead: the officer confirms on 首页).
A failure is shown there too, never as a dialog over the user's work: the next sign-in or day retries.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from dingmi_desktop.ui.excepthook import describe_error

if TYPE_CHECKING:
    from dingmi_desktop.services.expiry import PassResult
    from dingmi_desktop.ui.main_window import MainWindow

CHECK_MS = 15 * 60 * 1000  # a day's change is noticed within a quarter of an hour


class ExpiryRunner(QObject):
    finished = Signal(object)  # the PassResult, or the exception of a failed pass

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.last_day: date | None = None
        self.last_result: PassResult | None = None
        self.banner = QLabel()
        self.banner.setObjectName("expiryBanner")
        self.banner.setVisible(False)
        window.statusBar().addWidget(self.banner)
        self.timer = QTimer(self)
        self.timer.setObjectName("expiryTimer")
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        """The pass after sign-in, then the daily timer."""
        self.run_now()
        self.timer.start()

    def _tick(self) -> None:
        if self.window.bundle.today() != self.last_day:
            self.run_now()

    def run_now(self, confirm_password: str | None = None) -> None:
        service = self.window.bundle.expiry
        if service is None:
            return
        self.last_day = self.window.bundle.today()
        self.window.ops.run(
            lambda: service.run(confirm_password=confirm_password),
            self.show_result,
            self._failed,
            label="expiry pass",
        )

    def show_result(self, result: PassResult) -> None:
        self.last_result = result
        if result.held:
            self._show(result.short_message(), alert=True, detail=result.message())
        elif result.expired:
            self._show(self.tr("期满自行解密 {0} 项").format(len(result.expired)), alert=False)
        else:
            self.banner.setVisible(False)
        if result.held or result.expired:
            self.window.operation_done.emit(None)  # the page on screen shows the new statuses
        self.finished.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._show(self.tr("解密检查未完成：{0}").format(describe_error(exc)), alert=True)
        self.finished.emit(exc)

    def _show(self, text: str, *, alert: bool, detail: str = "") -> None:
        self.banner.setText(text)
        self.banner.setToolTip(detail or text)
        self.banner.setProperty("alert", "true" if alert else "false")
        self.banner.style().unpolish(self.banner)  # the style sheet's [alert] colour follows the property
        self.banner.style().polish(self.banner)
        self.banner.setVisible(True)

    def stop(self) -> None:
        self.timer.stop()


def expiry_runner(window: Any) -> ExpiryRunner | None:
    """A runner for a window whose user runs the pass (business users), else None."""
    return ExpiryRunner(window) if window.bundle.expiry is not None else None
