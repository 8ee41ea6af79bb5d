"""Small field widgets: a date edit that can be empty, and the inline error label under a field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QLabel, QVBoxLayout, QWidget

_NULL = QDate(1900, 1, 1)


class OptionalDateEdit(QDateEdit):
    """A QDateEdit whose minimum value means "not filled in" (shown as 未填)."""

    value_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(_NULL)
        self.setSpecialValueText(self.tr("未填"))
        self.setDate(_NULL)
        self.dateChanged.connect(lambda _d: self.value_changed.emit())

    def value(self) -> date | None:
        current = self.date()
        if current == _NULL:
            return None
        return date(current.year(), current.month(), current.day())

    def set_value(self, value: date | None) -> None:
        if value is None:
            self.setDate(_NULL)
        else:
            self.setDate(QDate(value.year, value.month, value.day))

    def mousePressEvent(self, event) -> None:
        if self.date() == _NULL:
            self.calendarWidget().setSelectedDate(QDate.currentDate())
        super().mousePressEvent(event)


class ErrorLabel(QLabel):
    """Red text under a field, hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "fieldError")
        self.setWordWrap(True)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


def with_error(field: QWidget, error: ErrorLabel) -> QWidget:
    """The field with its inline error label beneath it, for a QFormLayout row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(error)
    return box
