"""Small field widgets: a date edit that can be empty, and the inline error label under a field."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from dingmi_desktop.domain.dates import year_from_text
from dingmi_desktop.ui.widgets.date_field import OptionalDateEdit

__all__ = ["ErrorLabel", "OptionalDateEdit", "chosen_year", "with_error"]


_LINE_HEIGHTS: dict[str, int] = {}


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

    def _one_line(self) -> int:
        """The height of one wrapped line of CJK text in this font (a little more than lineSpacing)."""
        key = self.font().key()
        if key not in _LINE_HEIGHTS:
            probe = QLabel("密")
            probe.setFont(self.font())
            probe.setWordWrap(True)
            _LINE_HEIGHTS[key] = max(probe.heightForWidth(200), self.fontMetrics().lineSpacing())
        return _LINE_HEIGHTS[key]

    def _fit_height(self) -> None:
        margins = self.contentsMargins()
        line = self._one_line() + margins.top() + margins.bottom()
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


class _RowWatcher(QObject):
    """Keeps a row's error line only while its field shows something: a row the category hides (保密期限
    for 非密, the 派生 fields for 确定性) must not leave an empty reserved line behind."""

    def __init__(self, box: QWidget, field: QWidget, error: ErrorLabel) -> None:
        super().__init__(box)
        self._box, self._field, self._error = box, field, error
        self._parts = [field]
        if field.layout() is not None:
            self._parts += field.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        for part in self._parts:
            part.installEventFilter(self)
        self._update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self._update()
        return False

    def _update(self) -> None:
        shown = self._field.isVisibleTo(self._box) and (
            len(self._parts) == 1 or any(part.isVisibleTo(self._box) for part in self._parts[1:])
        )
        self._error.setVisible(shown)


def with_error(field: QWidget, error: ErrorLabel) -> QWidget:
    """The field with its inline error label beneath it, for a QFormLayout row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(1)
    layout.addWidget(field)
    layout.addWidget(error)
    _RowWatcher(box, field, error)
    return box


def chosen_year(field: QLineEdit, error: ErrorLabel) -> int | None:
    """The year typed in a 年度 field, or None with the reason shown under it."""
    year = year_from_text(field.text())
    message = (
        ""
        if year is not None
        else QCoreApplication.translate("YearField", "年度须为四位数字的年份，例如 2026。")
    )
    error.show_message(message)
    return year
