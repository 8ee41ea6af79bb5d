"""The Qt half of `dingmi-desktop --smoke`: an offscreen application set up as the GUI sets itself up, and the
sheet read back through QtPdf (the library the preview and printing use), so a bundle missing a Qt library,
plugin or the bundled UI font fails here instead of on a user's screen."""

from __future__ import annotations

import os
import sys
from typing import cast

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from dingmi_desktop import smoke


def _offscreen_app() -> QApplication:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no display needed, and nothing can pop up
    from dingmi_desktop.ui.appearance import set_up_application

    app = cast("QApplication", QApplication.instance()) or QApplication(sys.argv[:1])
    set_up_application(app, "zh_CN")
    return app


def _inked(image: QImage) -> bool:
    """Some pixel is dark: the page was really drawn (fonts and vector QR code), not left blank."""
    step = max(1, image.width() // 200)
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            if QColor(image.pixel(x, y)).lightness() < 128:
                return True
    return False


def pdf_text(pdf: bytes) -> str:
    """Text of page 1 of `pdf`, read by QtPdf from memory; raises if the page cannot be rendered."""
    document = QPdfDocument()
    data = QByteArray(pdf)
    buffer = QBuffer()
    buffer.setData(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    try:
        document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            raise RuntimeError(f"QtPdf 无法读取审批单（{document.error().name}）")
        image = document.render(0, QSize(595, 842))
        if image.isNull() or not _inked(image):
            raise RuntimeError("QtPdf 渲染的审批单第 1 页是空白")
        return document.getAllText(0).text()
    finally:
        document.close()
        buffer.close()


def run() -> int:
    """`--smoke`: exit code, report on stdout/stderr."""
    out, err = smoke.report_streams()
    try:
        _offscreen_app()
        QPrinter(QPrinter.PrinterMode.HighResolution)  # QtPrintSupport loads (the print dialog needs it)
    except Exception as exc:
        print(f"自检失败：图形界面库无法启动：{type(exc).__name__}: {exc}", file=err, flush=True)
        return smoke.EXIT_SMOKE_FAILED
    return smoke.main(pdf_text, out, err)
