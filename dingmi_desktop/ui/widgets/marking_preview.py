"""The live marking preview, e.g. 机密★10年, shown large in the classification block."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class MarkingPreview(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("markingPreview")
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.set_marking("")

    def set_marking(self, text: str, placeholder: str = "") -> None:
        empty = not text
        self.setProperty("empty", "true" if empty else "false")
        self.setText(text or placeholder or self.tr("（无标志）"))
        self.setAccessibleName(self.tr("密级标志预览：{0}").format(text or self.tr("无")))
        self.style().unpolish(self)
        self.style().polish(self)

    def marking(self) -> str:
        return "" if self.property("empty") == "true" else self.text()
