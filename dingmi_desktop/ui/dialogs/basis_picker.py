"""定密依据 picker: search the 依据库 version in force on the form's date (保密事项范围 → 一览表 → 细目) and
pick one item or several (Ctrl/Shift-click): several resolve to the highest level and the longest period."""

from __future__ import annotations

from collections import deque
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from dingmi_desktop.ui.widgets.table import RecordTable


class BasisPicker(QDialog):
    _answers: ClassVar[deque[Any]] = deque()

    def __init__(self, parent: QWidget | None, items: list[Any]) -> None:
        super().__init__(parent)
        self.setObjectName("basisPicker")
        self.setWindowTitle(self.tr("选择定密依据"))
        self.resize(820, 460)
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setObjectName("basisSearch")
        self.search.setPlaceholderText(
            self.tr("搜索条目编号或内容；按住 Ctrl 可选多个条目（取最高密级、最长期限）")
        )
        layout.addWidget(self.search)
        self.table = RecordTable(
            [
                self.tr("事项范围"),
                self.tr("一览表"),
                self.tr("条目"),
                self.tr("内容"),
                self.tr("密级"),
                self.tr("期限"),
            ],
            multi_select=True,
        )
        self.table.setObjectName("basisTable")
        rows = []
        for item in items:
            sample = self.tr("（示例）") if getattr(item, "sample", False) else ""
            rows.append(
                (
                    item,
                    [
                        item.scope_code + sample,
                        item.list_code,
                        item.code,
                        item.text,
                        item.category,
                        item.period_text,
                    ],
                )
            )
        self.table.set_rows(rows)
        self.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        layout.addWidget(self.table, 1)
        if not items:
            layout.addWidget(QLabel(self.tr("依据库为空，请联系安全保密管理员导入保密事项范围或一览表。")))
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("选用"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self.table.set_filter)
        self.table.doubleClicked.connect(lambda _i: self.accept())

    @classmethod
    def set_next_answer(cls, answer: Any) -> None:
        cls._answers.append(answer)

    @classmethod
    def ask(cls, parent: QWidget | None, items: list[Any]) -> Any:
        if cls._answers:
            return cls._answers.popleft()
        dialog = cls(parent, items)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.table.selected_records() or None
        finally:
            dialog.deleteLater()
