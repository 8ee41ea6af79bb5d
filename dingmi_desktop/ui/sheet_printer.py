"""Sending a print job's PDF to a ``QPrinter``: each page rendered from memory and painted full-page.

The PDF already carries every copy with its own 份号 and the GB/T 9704 margins, so the printer prints it
exactly once, at full page, one copy: the copy count a user may set in the print dialog is reset to 1
(copies beyond the register would be unnumbered and unrecorded). A numbered copy goes to paper only: a
printer writing a file (PDF or "print to file") is refused, since such a file would be an unencrypted,
uncontrolled copy; 导出PDF is the audited way to an electronic file, and it carries no 份号.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from dingmi_desktop.ui.dialogs.sheet_preview import MemoryPdf

MAX_DPI = 300  # an A4 page at 300 dpi is a 35 MB image; higher resolutions only cost memory
PDF_FILE_PRINTER = "PDF文件"  # recorded in the register when "printing" to a file

Progress = Callable[[int, int], None]


class PrintOutputError(Exception):
    """The printer refused the job; ``str()`` is Chinese."""


def printer_label(printer: QPrinter) -> str:
    """The name recorded in the print register and the audit log."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        return PDF_FILE_PRINTER
    name = printer.printerName().strip()
    return name or QCoreApplication.translate("sheet_printer", "系统默认打印机")


def file_output_refusal(printer: QPrinter) -> str:
    """Why this printer may not take a numbered copy (Chinese), or "" when it prints on paper."""
    to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat or printer.outputFileName()
    if to_file and not printer.outputFileName() and not printer.printerName():
        return QCoreApplication.translate(  # Qt falls back to PDF output when no printer is installed
            "sheet_printer",
            "本机没有可用的打印机：带份号的印制件只能送往打印机，不能存为未加密的文件。"
            "请安装或连接打印机后再打印；如需电子文件，请使用“导出PDF”（不占份号，记入审计日志）。",
        )
    if to_file:
        return QCoreApplication.translate(
            "sheet_printer",
            "不能打印到文件：带份号的印制件只能送往打印机，不能存为未加密的文件。"
            "如需电子文件，请使用“导出PDF”（不占份号，记入审计日志）。",
        )
    return ""


def prepare_printer(printer: QPrinter) -> None:
    """One copy, full page, no margins added by Qt (the sheet has its own)."""
    printer.setCopyCount(1)
    printer.setCollateCopies(False)
    printer.setFullPage(True)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def print_pdf(pdf: bytes, printer: QPrinter, progress: Progress | None = None) -> int:
    """Paint every page of ``pdf`` on ``printer``; returns the number of pages sent."""
    memory = MemoryPdf(pdf)
    try:
        document = memory.document
        count = document.pageCount()
        prepare_printer(printer)
        printer.setPageSize(QPageSize(document.pagePointSize(0), QPageSize.Unit.Point))
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintOutputError(
                QCoreApplication.translate("sheet_printer", "无法开始打印：打印机“{0}”不可用。").format(
                    printer_label(printer)
                )
            )
        try:
            dpi = min(printer.resolution(), MAX_DPI)
            for index in range(count):
                if index and not printer.newPage():
                    raise PrintOutputError(
                        QCoreApplication.translate("sheet_printer", "打印机在第 {0} 页中断。").format(
                            index + 1
                        )
                    )
                size = document.pagePointSize(index)
                image = document.render(
                    index, QSize(round(size.width() / 72 * dpi), round(size.height() / 72 * dpi))
                )
                painter.drawImage(_fit(QRectF(painter.viewport()), image.width(), image.height()), image)
                del image
                if progress is not None:
                    progress(index + 1, count)
        finally:
            painter.end()
        return count
    finally:
        memory.release()


def _fit(target: QRectF, width: int, height: int) -> QRectF:
    """The largest rectangle of the image's aspect ratio centred in ``target`` (A4 on A4 fills it)."""
    scale = min(target.width() / width, target.height() / height)
    w, h = width * scale, height * scale
    return QRectF(target.x() + (target.width() - w) / 2, target.y() + (target.height() - h) / 2, w, h)
