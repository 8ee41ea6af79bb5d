"""Runs the expiry pass (services/expiry.py) after sign-in and daily while the main window is open.

A QTimer looks every CHECK_MS whether the unit's local date (bundle.today(), the injected clock) has moved
since the last pass; the pass itself runs on the worker. Its outcome is shown in the status bar: how many
items expired, or why the pass held back (clock set back, or far ahead: the officer confirms on 首页).
A failure is shown there too, never as a dialog over the user's work: the next sign-in or day retries.

A catch-up (the first sign-in after an upgrade, or after weeks away) can find thousands of due items, at a
few milliseconds each. The pass therefore runs in runs of at most CHUNK items, each queued anew behind
whatever the user asked for meanwhile, so a page never waits for the whole catch-up.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from dingmi_desktop.ui.excepthook import describe_error

if TYPE_CHECKING:
    from dingmi_desktop.domain.expiry import Due
    from dingmi_desktop.services.expiry import PassResult
    from dingmi_desktop.ui.main_window import MainWindow

CHECK_MS = 15 * 60 * 1000  # a day's change is noticed within a quarter of an hour
CHUNK = 200  # items declassified per run of the pass: about a second at most


class ExpiryRunner(QObject):
    finished = Signal(object)  # the PassResult, or the exception of a failed pass

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.last_day: date | None = None
        self.last_result: PassResult | None = None
        self.active = False  # between start() and stop(): a catch-up goes on only while active
        self.running = False  # a pass (perhaps several runs of it) is under way
        self._so_far: tuple[Due, ...] = ()  # declassified by the earlier runs of this pass
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
        self.active = True
        self.run_now()
        self.timer.start()

    def _tick(self) -> None:
        if not self.running and self.window.bundle.today() != self.last_day:
            self.run_now()

    def run_now(self, confirm_password: str | None = None) -> None:
        service = self.window.bundle.expiry
        if service is None:
            return
        self.last_day = self.window.bundle.today()
        self._so_far, self.running = (), True
        self._run(confirm_password)

    def _run(self, confirm_password: str | None) -> None:
        service = self.window.bundle.expiry
        if service is None:
            return
        self.window.ops.run(
            lambda: service.run(confirm_password=confirm_password, limit=CHUNK),
            self._ran,
            self._failed,
            label="expiry pass",
        )

    def _ran(self, result: PassResult) -> None:
        self._so_far += result.expired
        if result.more and self.active:
            text = self.tr("正在处理到期事项：已期满自行解密 {0} 项……").format(len(self._so_far))
            self._show(text, alert=False)
            self._run(None)  # queued behind the user's own work
            return
        self.show_result(replace(result, expired=self._so_far))

    def show_result(self, result: PassResult) -> None:
        self.last_result, self.running = result, False
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
        self.running = False
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
        self.active = False
        self.timer.stop()


def expiry_runner(window: Any) -> ExpiryRunner | None:
    """A runner for a window whose user runs the pass (business users), else None."""
    return ExpiryRunner(window) if window.bundle.expiry is not None else None
