"""Preview, print, 复印 and PDF export of the open form's approval sheet.

Order of a print job (docs/rules.md §9: every copy registered, only the approved number):

1. the register is read (worker) and the user enters copies and the password again;
2. the printer is chosen in ``QPrintDialog`` — cancelling here records nothing and reserves no 份号;
3. ``PrintingService.print_copies`` / ``reprint`` (worker) re-authenticates, reserves the 份号 range and
   writes the register row and the audit entry in one transaction, and returns the numbered PDF;
4. the pages are rendered onto the chosen printer on the GUI thread, with a progress dialog.

The register is thus written just before the job is handed to the printer, never for a job the user
abandoned in a dialog. A printer failure after step 3 leaves the copies registered; the message says so,
and the rest is a 复印 approved by the 安全保密管理员.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton

from dingmi_desktop.ui.bundle import required
from dingmi_desktop.ui.dialogs.print_request import PrinterChooser, PrintRequestDialog, ReprintDialog
from dingmi_desktop.ui.dialogs.prompts import Confirm, SavePath
from dingmi_desktop.ui.excepthook import describe_error, show_error
from dingmi_desktop.ui.file_output import FileOutputError, check_writable, write_atomically
from dingmi_desktop.ui.pages.form_context import FormContext, OpChanges

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from dingmi_desktop.services.lazy_printing import SheetPrinting
    from dingmi_desktop.ui.dialogs.sheet_preview import SheetPreviewDialog


class PrintActions:
    """Owned by a form page, seen through its FormContext; every service call goes through its ops helper."""

    def __init__(self, page: FormContext) -> None:
        self.page = page
        self.preview_dialog: SheetPreviewDialog | None = None
        self.last_job: Any = None  # the last job sent (without its PDF), for the status line and tests
        self.last_export: Path | None = None

    @property
    def _printing(self) -> SheetPrinting:
        return required(self.page.bundle.printing)

    def _title(self) -> str:
        view = self.page.view
        return view.summary.title if view is not None else ""

    def _marking(self) -> str:
        view = self.page.view
        return view.marking if view is not None else ""

    def _failed(self, prefix: str) -> Any:
        page = self.page

        def failed(exc: BaseException) -> None:
            page.say(prefix.format(describe_error(exc)))
            show_error(exc, page.widget())

        return failed

    # --- preview ------------------------------------------------------------------------------------

    def preview(self) -> None:
        page = self.page
        if page.editable and page.has_unsaved_edits:
            page.save(then=self.preview)  # the preview shows the stored revision: store the edits first
            return
        printing, form_id = self._printing, page.stored_id()
        page.say(QCoreApplication.translate("FormPage", "正在生成预览…"))
        page.run(
            lambda: printing.preview(form_id),
            self._show_preview,
            label="preview",
            on_error=self._failed(QCoreApplication.translate("FormPage", "无法预览：{0}")),
        )

    def _show_preview(self, pdf: bytes) -> None:
        from dingmi_desktop.ui.dialogs.sheet_preview import PdfLoadError, SheetPreviewDialog

        self.close_preview()
        try:
            dialog = SheetPreviewDialog(pdf, self._title(), self.page.widget())
        except PdfLoadError as exc:
            self._failed(QCoreApplication.translate("FormPage", "无法预览：{0}"))(exc)
            return
        del pdf
        self.preview_dialog = dialog
        dialog.finished.connect(lambda _r: self._forget_preview(dialog))
        dialog.show()
        self.page.say(QCoreApplication.translate("FormPage", "已打开预览。"))

    def _forget_preview(self, dialog: Any) -> None:
        if self.preview_dialog is dialog:
            self.preview_dialog = None

    def close_preview(self) -> None:
        if self.preview_dialog is not None:
            self.preview_dialog.reject()  # releases the in-memory document

    # --- 印制 ---------------------------------------------------------------------------------------

    def print_sheet(self) -> None:
        printing, form_id = self._printing, self.page.stored_id()
        self.page.run(
            lambda: printing.print_status(form_id),
            self._ask_print,
            label="print register",
            on_error=self._failed(QCoreApplication.translate("FormPage", "未打印：{0}")),
        )

    def _ask_print(self, status: Any) -> None:
        page = self.page
        if status.remaining == 0:
            question = QCoreApplication.translate(
                "FormPage",
                "已印制批准的全部 {0} 份。超出批准份数须经安全保密管理员批准（复印）。现在办理复印吗？",
            ).format(status.approved)
            if Confirm.ask(page.widget(), QCoreApplication.translate("FormPage", "打印"), question):
                self._ask_reprint(status)
            else:
                page.say(
                    QCoreApplication.translate("FormPage", "已印制批准的全部 {0} 份，未再打印。").format(
                        status.approved
                    )
                )
            return
        request = PrintRequestDialog.ask(page.widget(), status, self._marking())
        if request is None:
            page.say(QCoreApplication.translate("FormPage", "已取消打印。"))
            return
        printing, form_id = self._printing, page.stored_id()
        self._choose_printer_and_send(
            QCoreApplication.translate("FormPage", "选择打印机"),
            QCoreApplication.translate("FormPage", "已取消打印：未选择打印机，未登记任何份号。"),
            lambda name: printing.print_copies(
                form_id, printer=name, password=request.password, copies=request.copies
            ),
        )

    # --- 复印 ---------------------------------------------------------------------------------------

    def reprint(self) -> None:
        printing, form_id = self._printing, self.page.stored_id()
        self.page.run(
            lambda: printing.print_status(form_id),
            self._check_reprint,
            label="print register",
            on_error=self._failed(QCoreApplication.translate("FormPage", "未复印：{0}")),
        )

    def _check_reprint(self, status: Any) -> None:
        if status.remaining > 0:
            self.page.say(
                QCoreApplication.translate(
                    "FormPage", "批准份数内尚有 {0} 份未印制，请用“打印”印制；复印仅用于超出批准份数的份数。"
                ).format(status.remaining)
            )
            return
        self._ask_reprint(status)

    def _ask_reprint(self, status: Any) -> None:
        page = self.page
        request = ReprintDialog.ask(page.widget(), status, self._marking())
        if request is None:
            page.say(QCoreApplication.translate("FormPage", "已取消复印。"))
            return
        printing, form_id = self._printing, page.stored_id()
        self._choose_printer_and_send(
            QCoreApplication.translate("FormPage", "选择打印机（复印）"),
            QCoreApplication.translate("FormPage", "已取消复印：未选择打印机，未登记任何份号。"),
            lambda name: printing.reprint(
                form_id,
                printer=name,
                password=request.password,
                copies=request.copies,
                approver=request.approver,
                approver_password=request.approver_password,
            ),
        )

    # --- sending a registered job to the printer ----------------------------------------------------

    def _choose_printer_and_send(self, title: str, cancelled: str, register: Callable[[str], Any]) -> None:
        """Printer first (cancelling registers nothing), then `register(printer name)` on the worker."""
        from dingmi_desktop.ui.sheet_printer import PrintOutputError

        try:
            printer = PrinterChooser.ask(self.page.widget(), title)
        except PrintOutputError as exc:  # a file, not paper: refused before any 份号 is registered
            self._failed(QCoreApplication.translate("FormPage", "未打印，未登记任何份号：{0}"))(exc)
            return
        if printer is None:
            self.page.say(cancelled)
            return
        name = _printer_label(printer)
        self._send(lambda: register(name), printer)

    def _send(self, work: Any, printer: QPrinter) -> None:
        self.page.say(QCoreApplication.translate("FormPage", "正在登记份号…"))
        self.page.run(
            work,
            lambda job: self._render(job, printer),
            label="print job",
            on_error=self._failed(QCoreApplication.translate("FormPage", "未打印：{0}")),
        )

    def _render(self, job: Any, printer: QPrinter) -> None:
        from dingmi_desktop.ui.sheet_printer import print_pdf

        page = self.page
        page.announce(OpChanges(page.stored_id(), prints=True))  # the 份号 are registered from here on
        progress = QProgressDialog(
            QCoreApplication.translate("FormPage", "正在送往打印机…"), "", 0, max(job.pages, 1), page.widget()
        )
        progress.setObjectName("printProgress")
        progress.setWindowTitle(QCoreApplication.translate("FormPage", "打印"))
        # No cancel button: the 份号 are registered, the job is printed whole (None removes the button; the
        # stubs of the Qt we ship, 6.7, do not admit it).
        progress.setCancelButton(cast(QPushButton, None))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setValue(0)

        def step(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)
            progress.setLabelText(
                QCoreApplication.translate("FormPage", "正在送往打印机：第 {0} / {1} 页").format(done, total)
            )

        try:
            sent = print_pdf(job.pdf, printer, step)
        except Exception as exc:  # PrintOutputError, PdfLoadError, or anything Qt raised
            page.say(
                QCoreApplication.translate(
                    "FormPage", "份号 {0} 已登记，但送往打印机失败：{1}。补印须按复印办理。"
                ).format(job.copy_range, describe_error(exc))
            )
            show_error(exc, page.widget())
            return
        finally:
            progress.close()
            progress.deleteLater()
        self.last_job = dataclasses.replace(job, pdf=b"")
        page.say(
            QCoreApplication.translate("FormPage", "已{0}：份号 {1}，共 {2} 页，打印机：{3}。").format(
                job.kind, job.copy_range, sent, job.printer
            )
        )

    # --- 导出PDF ------------------------------------------------------------------------------------

    def export_pdf(self) -> None:
        page = self.page
        form_id = page.stored_id()
        suggested = str(
            Path.home() / QCoreApplication.translate("FormPage", "定密审批单-{0}.pdf").format(form_id)
        )
        chosen = SavePath.ask(
            page.widget(),
            QCoreApplication.translate("FormPage", "导出PDF"),
            suggested,
            QCoreApplication.translate("FormPage", "PDF 文件 (*.pdf)"),
        )
        if not chosen:
            return
        path = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
        problem = check_writable(path)  # before the audited export: an unwritable folder exports nothing
        if problem:
            self._failed(QCoreApplication.translate("FormPage", "未导出：{0}"))(FileOutputError(problem))
            return
        printing = self._printing

        def work() -> int:
            data = printing.export_pdf(form_id)
            write_atomically(path, data)
            return len(data)

        def done(size: int) -> None:
            self.last_export = path
            page.say(
                QCoreApplication.translate("FormPage", "已导出：{0}（{1} KB）").format(
                    path, max(1, round(size / 1024))
                )
            )

        page.say(QCoreApplication.translate("FormPage", "正在导出…"))
        page.run(
            work,
            done,
            label="export pdf",
            on_error=self._failed(QCoreApplication.translate("FormPage", "未导出：{0}")),
        )

    def clear_sensitive(self) -> None:
        self.close_preview()
        self.last_job = None


def _printer_label(printer: QPrinter) -> str:
    from dingmi_desktop.ui.sheet_printer import printer_label

    return printer_label(printer)
