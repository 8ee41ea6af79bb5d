"""A date field typed by hand: a line edit, a calendar button and a line saying what the text was read as.

It replaces QDateEdit, whose sections ate Tab, changed under the wheel and could not be emptied from the
keyboard. Typed text is read by the domain's `parse_date_text` (the CLI reads dates the same way); an empty
text means 未填. The calendar opens on the value, else on `today()` from the injected clock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dingmi_desktop.domain.dates import DateTextError, describe_date, parse_date_text

Today = Callable[[], date]


class OptionalDateEdit(QWidget):
    """API: ``value()``, ``set_value()``, ``value_changed``; ``problem()`` says why the text is no date."""

    value_changed = Signal()

    def __init__(self, parent: QWidget | None = None, today: Today | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._value: date | None = None
        self._problem = ""
        self.line = QLineEdit()
        self.line.setObjectName("dateText")
        self.line.setPlaceholderText(self.tr("未填"))
        self.line.setToolTip(
            self.tr("可输入 2026-11-30、20261130、2026/11/30 或 2026年11月30日；清空即为未填；Alt+↓ 打开日历")
        )
        self.button = QToolButton()
        self.button.setObjectName("dateCalendarButton")
        self.button.setText(self.tr("日历"))
        self.button.setToolTip(self.tr("从日历选择（Alt+↓）"))
        # The button takes no focus, so one Tab leaves the field.
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.feedback = QLabel()
        self.feedback.setObjectName("dateFeedback")
        self.feedback.setWordWrap(True)
        # The message wraps within the field's width instead of widening it (no jump under the pointer).
        self.feedback.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # Always one line tall, like ErrorLabel: feedback appearing never moves the fields below it.
        self.feedback.setMinimumHeight(self.feedback.fontMetrics().lineSpacing())
        # Wide enough for the longest confirmation on one line; only an error message wraps.
        widest = describe_date(date(2026, 12, 30))
        self.setMinimumWidth(self.feedback.fontMetrics().horizontalAdvance(widest) + 12)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line, 1)
        row.addWidget(self.button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(row)
        column.addWidget(self.feedback)
        self.setFocusProxy(self.line)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("datePopup")
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.setGridVisible(True)
        self.calendar.hide()
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.calendar.installEventFilter(self)
        self.line.textChanged.connect(self._on_text)
        self.line.editingFinished.connect(self._normalise)
        self.line.installEventFilter(self)
        self.button.clicked.connect(self.open_calendar)
        self._show_feedback()

    # --- API ----------------------------------------------------------------------------------------

    def value(self) -> date | None:
        """The date the text stands for; None when empty or unreadable (see ``problem``)."""
        return self._value

    def set_value(self, value: date | None) -> None:
        self.line.setText(value.isoformat() if value is not None else "")

    def problem(self) -> str:
        """Why the typed text is not a date, '' when it is one or empty."""
        return self._problem

    def set_today(self, today: Today) -> None:
        self._today = today

    # --- behaviour ----------------------------------------------------------------------------------

    def _on_text(self, text: str) -> None:
        value: date | None = None
        was_readable = not self._problem
        self._problem = ""
        if text.strip():
            try:
                value = parse_date_text(text)
            except DateTextError as exc:
                self._problem = exc.message
        # Readability counts as a change too: the form re-checks and flags unreadable text at once.
        changed = value != self._value or was_readable != (not self._problem)
        self._value = value
        self._show_feedback()
        if changed:
            self.value_changed.emit()

    def _show_feedback(self) -> None:
        if self._problem:
            self.feedback.setText(self._problem)
            self.feedback.setProperty("role", "fieldError")
        else:
            self.feedback.setText(describe_date(self._value) if self._value else "")
            self.feedback.setProperty("role", "fieldHint")
        self.feedback.style().unpolish(self.feedback)
        self.feedback.style().polish(self.feedback)

    def _normalise(self) -> None:
        if self._value is not None and self.line.text() != self._value.isoformat():
            self.line.setText(self._value.isoformat())

    def open_calendar(self) -> None:
        start = self._value or (self._today() if self._today is not None else None)
        if start is not None:
            self.calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        self.calendar.move(self.line.mapToGlobal(self.line.rect().bottomLeft()))
        self.calendar.show()
        self.calendar.setFocus()

    def _picked(self, picked: QDate) -> None:
        self.calendar.hide()
        self.set_value(date(picked.year(), picked.month(), picked.day()))
        self.line.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.calendar and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self.calendar.hide()
                self.line.setFocus()
                return True
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            mods = event.modifiers()
            if event.key() == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier:
                self.open_calendar()
                return True
            if event.key() == Qt.Key.Key_F4:
                self.open_calendar()
                return True
            if event.key() == Qt.Key.Key_Delete and mods & Qt.KeyboardModifier.ControlModifier:
                self.set_value(None)  # Ctrl+Delete: 未填, whatever the cursor position
                return True
        return super().eventFilter(watched, event)
