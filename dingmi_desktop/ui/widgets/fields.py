"""Small field widgets: a date edit that can be empty, and the inline error label under a field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
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
    """Red text under a field. Always laid out, one line tall even while empty, so a message appearing
    or going away never moves the fields below it under the pointer; a longer message wraps.

    The label declares no height-for-width (a wrapping label does by default): in a QFormLayout row that
    made the layout squeeze the field above it. It sets its own minimum height for its width instead.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "fieldError")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._fit_height()

    def hasHeightForWidth(self) -> bool:
        return False

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())

    def _fit_height(self) -> None:
        margins = self.contentsMargins()
        line = self.fontMetrics().lineSpacing() + margins.top() + margins.bottom()
        # Until shown the width is a placeholder; the resize on showing fits the height again.
        needed = super().heightForWidth(self.width()) if self.text() and self.isVisible() else line
        if self.minimumHeight() != max(line, needed):
            self.setMinimumHeight(max(line, needed))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_height()  # the style sheet sets the font after construction

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setToolTip(text)
        self._fit_height()


def with_error(field: QWidget, error: ErrorLabel) -> QWidget:
    """The field with its inline error label beneath it, for a QFormLayout row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(1)
    layout.addWidget(field)
    layout.addWidget(error)
    return box
