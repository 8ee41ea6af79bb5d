"""On-screen preview of an approval sheet, and the in-memory PDF document it (and printing) reads.

The PDF bytes come from ``PrintingService.preview`` and are loaded from a ``QBuffer``: no temporary file
is ever written (a decrypted sheet must not land on disk). ``QPdfDocument`` reads from the device while it
is open, so the byte array, the buffer and the document live and die together in ``MemoryPdf``.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QObject
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class PdfLoadError(Exception):
    """The sheet could not be read as PDF; ``str()`` is Chinese."""


class MemoryPdf:
    """A ``QPdfDocument`` over bytes held in memory; call ``release()`` when done (also safe twice)."""

    def __init__(self, data: bytes, parent: QObject | None = None) -> None:
        # The document is created first so that, as a Qt child, it is destroyed before the buffer.
        self.document = QPdfDocument(parent)  # type: ignore[arg-type]  # the stub wants a parent; None works
        self._bytes = QByteArray(data)
        self.buffer = QBuffer(parent)
        self.buffer.setData(self._bytes)
        if not self.buffer.open(QIODevice.OpenModeFlag.ReadOnly):
            raise PdfLoadError(QCoreApplication.translate("sheet_preview", "无法读取审批单内容。"))
        self.document.load(self.buffer)
        if self.document.status() != QPdfDocument.Status.Ready or self.document.pageCount() < 1:
            error = self.document.error()
            self.release()
            raise PdfLoadError(
                QCoreApplication.translate("sheet_preview", "审批单无法显示（PDF 错误：{0}）。").format(
                    error.name
                )
            )

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def release(self) -> None:
        """Close the document before its device, then drop the bytes."""
        self.document.close()
        self.buffer.close()
        self.buffer.setData(QByteArray())
        self._bytes = QByteArray()


class SheetPreviewDialog(QDialog):
    """Modeless preview window; the page keeps a reference and closes it on lock."""

    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sheetPreviewDialog")
        self.setWindowTitle(self.tr("预览 — {0}").format(title or self.tr("审批单")))
        self.resize(820, 680)
        self.pdf = MemoryPdf(pdf, self)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.info = QLabel(self.tr("预览（电子文件，非印制份）· 共 {0} 页").format(self.pdf.page_count))
        self.info.setObjectName("previewInfo")
        bar.addWidget(self.info, 1)
        self.zoom_out = QPushButton(self.tr("缩小"))
        self.zoom_out.setObjectName("previewZoomOut")
        self.zoom_in = QPushButton(self.tr("放大"))
        self.zoom_in.setObjectName("previewZoomIn")
        self.fit_width = QPushButton(self.tr("适合宽度"))
        self.fit_width.setObjectName("previewFitWidth")
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.setObjectName("previewClose")
        for button in (self.zoom_out, self.zoom_in, self.fit_width, self.close_button):
            button.setAutoDefault(False)
            bar.addWidget(button)
        layout.addLayout(bar)
        self.view = QPdfView(self)
        self.view.setObjectName("previewView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.pdf.document)
        layout.addWidget(self.view, 1)
        self.view.setFocus()
        self.zoom_out.clicked.connect(lambda: self._zoom(1 / 1.25))
        self.zoom_in.clicked.connect(lambda: self._zoom(1.25))
        self.fit_width.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.close_button.clicked.connect(self.reject)
        self.finished.connect(self._release)

    def _zoom(self, factor: float) -> None:
        current = self.view.zoomFactor()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(4.0, current * factor)))

    def _release(self, _result: int = 0) -> None:
        self.view.setDocument(None)  # type: ignore[arg-type]
        self.pdf.release()
        self.deleteLater()
