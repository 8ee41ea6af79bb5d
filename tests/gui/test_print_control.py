"""Printing stays controlled: the real system print dialog offers no "print to file", and a printer that
would write a file anyway is refused before any 份号 is registered (导出PDF is the way to a file)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QComboBox, QDialog

from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.ui.dialogs.print_request import PrintRequest, PrintRequestDialog
from dingmi_desktop.ui.excepthook import ErrorDialogs
from dingmi_desktop.ui.sheet_printer import file_output_refusal
from tests.gui.conftest import WAIT_MS, Harness
from tests.gui.test_printing_gui import click, open_approved, register


def _print_dialog() -> QPrintDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QPrintDialog) and widget.isVisible():
            return widget
    return None


def _drive_print_dialog(gui: Harness, handle: Any) -> dict[str, Any]:
    """Calls ``handle(dialog)`` once the real print dialog is shown (it runs its own event loop)."""
    seen: dict[str, Any] = {}

    def poll() -> None:
        dialog = _print_dialog()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        seen["dialog"] = True
        seen["print_to_file"] = dialog.testOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile)
        seen["printers"] = [
            combo.itemText(i) for combo in dialog.findChildren(QComboBox) for i in range(combo.count())
        ]
        handle(dialog)

    QTimer.singleShot(0, poll)
    return seen


def test_the_print_dialog_cannot_send_a_numbered_copy_to_a_file(
    print_gui: Harness, approved: int, tmp_path: Path
) -> None:
    page = open_approved(print_gui, approved)
    target = tmp_path / "numbered-copy.pdf"

    def choose_a_file(dialog: QPrintDialog) -> None:
        # whatever the dialog offers, a file output set on its printer (a driver, a virtual printer)
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(target))
        dialog.done(QDialog.DialogCode.Accepted)  # accepted as configured, without the dialog resetting it

    seen = _drive_print_dialog(print_gui, choose_a_file)
    PrintRequestDialog.set_next_answer(PrintRequest(1, DEMO_PASSWORD))
    click(print_gui, page, "print")
    print_gui.qtbot.waitUntil(lambda: "未打印" in page.feedback.text(), timeout=WAIT_MS)
    print_gui.idle()

    assert seen.get("dialog"), "the system print dialog was not shown"
    assert seen["print_to_file"] is False
    assert not [p for p in seen["printers"] if "File" in p or "文件" in p], seen["printers"]
    assert "未登记任何份号" in page.feedback.text() and "导出PDF" in page.feedback.text()
    assert "导出PDF" in ErrorDialogs.last_error
    assert not target.exists()
    assert register(print_gui, approved) == []  # no 份号 reserved, nothing printed


def test_a_paper_printer_is_accepted_and_a_file_printer_is_not() -> None:
    paper = QPrinter(QPrinter.PrinterMode.HighResolution)
    paper.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    paper.setOutputFileName("")
    native = paper.outputFormat() == QPrinter.OutputFormat.NativeFormat  # no print system: PDF only
    assert (file_output_refusal(paper) == "") is native
    to_file = QPrinter(QPrinter.PrinterMode.HighResolution)
    to_file.setOutputFileName("/tmp/x.pdf")
    assert "导出PDF" in file_output_refusal(to_file)
