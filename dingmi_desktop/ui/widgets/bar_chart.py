"""A bar chart drawn with QPainter (QtCharts is not in PySide6-Essentials): labelled bars, value on top."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#3f6fb5")
MAX_BAR = 56.0  # one department alone is a bar, not a wall


class BarChart(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.bars: list[tuple[str, int]] = []
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(title)

    def sizeHint(self) -> QSize:
        return QSize(360, 200)

    def set_bars(self, bars: Sequence[tuple[str, int]]) -> None:
        self.bars = list(bars)
        self.setAccessibleDescription("；".join(f"{label} {value}" for label, value in self.bars))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = painter.fontMetrics()
        line = metrics.height()
        painter.setPen(text)
        painter.drawText(QRectF(0, 0, self.width(), line + 4), Qt.AlignmentFlag.AlignCenter, self.title)
        if self.bars:
            self._draw_bars(painter, text)
        painter.end()

    def _draw_bars(self, painter: QPainter, text: QColor) -> None:
        metrics = painter.fontMetrics()
        line = metrics.height()
        top, bottom = 2 * line + 8, self.height() - line - 6
        slot = self.width() / len(self.bars)
        highest = max(1, max(value for _, value in self.bars))
        for i, (label, value) in enumerate(self.bars):
            x = i * slot
            height = (bottom - top) * value / highest
            width = min(slot * 0.6, MAX_BAR)
            bar = QRectF(x + (slot - width) / 2, bottom - height, width, height)
            painter.fillRect(bar, BAR)
            painter.setPen(text)
            painter.drawText(
                QRectF(x, bar.top() - line - 2, slot, line), Qt.AlignmentFlag.AlignCenter, str(value)
            )
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(slot) - 2)
            painter.drawText(QRectF(x, bottom + 3, slot, line), Qt.AlignmentFlag.AlignCenter, shown)
        painter.drawLine(0, int(bottom), self.width(), int(bottom))
