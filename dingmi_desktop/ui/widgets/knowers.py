"""Editable list of the people who know an item (required for 机密 and 绝密, Reg 20)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class KnowersList(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("knowersList")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.entry = QLineEdit()
        self.entry.setObjectName("knowerEntry")
        self.entry.setPlaceholderText(self.tr("输入姓名后按回车添加"))
        self.entry.returnPressed.connect(self._add_from_entry)
        self.add_button = QPushButton(self.tr("添加"))
        self.add_button.setObjectName("knowerAdd")
        self.add_button.clicked.connect(self._add_from_entry)
        self.remove_button = QPushButton(self.tr("移除所选"))
        self.remove_button.setObjectName("knowerRemove")
        self.remove_button.clicked.connect(self._remove_selected)
        row.addWidget(self.entry, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        self.list = QListWidget()
        self.list.setObjectName("knowerItems")
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setSpacing(2)
        self.list.setFixedHeight(58)
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        layout.addWidget(self.list)

    def names(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def set_names(self, names: list[str]) -> None:
        self.list.clear()
        for name in names:
            self.list.addItem(QListWidgetItem(name))
        self.changed.emit()

    def add_name(self, name: str) -> None:
        name = name.strip()
        if name and name not in self.names():
            self.list.addItem(QListWidgetItem(name))
            self.changed.emit()

    def setReadOnly(self, read_only: bool) -> None:
        for widget in (self.entry, self.add_button, self.remove_button):
            widget.setVisible(not read_only)  # a read-only list shows only the names

    def _add_from_entry(self) -> None:
        for part in self.entry.text().replace("，", ",").replace("、", ",").split(","):
            self.add_name(part)
        self.entry.clear()

    def _remove_selected(self) -> None:
        rows = sorted((self.list.row(item) for item in self.list.selectedItems()), reverse=True)
        for row in rows:
            self.list.takeItem(row)
        if rows:
            self.changed.emit()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self._remove_selected()
            return
        super().keyPressEvent(event)
