"""The live early-warning check of an open form: debounced while typing, run off the GUI thread, shown in
the PreflightPanel, and asked about once more at submit (the clerk confirms; the rules still decide)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from dingmi_desktop.ui.bundle import required
from dingmi_desktop.ui.dialogs.prompts import Confirm
from dingmi_desktop.ui.excepthook import describe_error

if TYPE_CHECKING:
    from dingmi_desktop.ui.pages.form_page import FormPage

DEBOUNCE_MS = 300


def _tr(text: str) -> str:
    return QCoreApplication.translate("FormPage", text)


class PreflightCheck(QObject):
    def __init__(self, page: FormPage) -> None:
        super().__init__(page)
        self.page = page
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run)
        self._sequence = 0  # a result older than the latest request is dropped

    @property
    def _service(self) -> Any:
        return required(self.page.bundle.workflow).history

    def schedule(self) -> None:
        if self.page.editable:
            self.timer.start()

    def show(self, warnings: list[Any]) -> None:
        self.page.preflight_panel.set_warnings(warnings, drafting=self.page.editable)

    def run(self) -> None:
        """Checks the form as typed now (the store is read on the worker)."""
        self._check(lambda warnings: self.show(warnings))

    def _check(self, then: Callable[[list[Any]], None]) -> None:
        self.timer.stop()
        self._sequence += 1
        sequence = self._sequence
        form = self.page.editor.form()
        service = self._service

        def done(warnings: list[Any]) -> None:
            if sequence == self._sequence:
                then(warnings)

        def failed(exc: BaseException) -> None:
            if sequence == self._sequence:
                self.page.say(_tr("提交前检查未完成：{0}").format(describe_error(exc)))

        self.page.run(lambda: service.preflight(form), done, label="preflight", on_error=failed)

    def before_submit(self, proceed: Callable[[], None]) -> None:
        """Runs the same check once more; with warnings the clerk confirms before the form is submitted."""

        def decide(warnings: list[Any]) -> None:
            self.show(warnings)
            if not warnings:
                proceed()
                return
            lines = "\n".join(f"• {w.message}" for w in warnings)
            question = _tr("按当前内容，审批时可能不予批准：\n{0}\n\n仍要提交吗？").format(lines)
            if Confirm.ask(self.page, _tr("提交前提示"), question):
                proceed()
            else:
                self.page.say(_tr("未提交：请按提示修改后再提交。"))

        self._check(decide)

    def stop(self) -> None:
        self.timer.stop()
        self._sequence += 1
        self.page.preflight_panel.clear()
