"""A password field with a show/hide toggle, and the Caps Lock hint shared by a dialog's password fields.

Qt cannot ask the keyboard whether Caps Lock is on on every platform, so the state is inferred from the
keys typed: a letter whose case disagrees with Shift means Caps Lock is on; the Caps Lock key flips what is
known. Until a letter has been typed nothing is claimed.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeyEvent, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

_ICON_PX = 32


def caps_lock_from(event: QKeyEvent) -> bool | None:
    """True/False when the typed letter tells whether Caps Lock is on; None when it cannot tell."""
    text = event.text()
    if len(text) != 1 or text.lower() == text.upper():  # not a cased letter (digits, 汉字, controls)
        return None
    shifted = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    return text.isupper() != shifted


def _eye_icon(crossed: bool) -> QIcon:
    """Drawn here, not loaded: the terminals have no icon theme to rely on."""
    pixmap = QPixmap(_ICON_PX, _ICON_PX)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#52606d"), 2.4))
    outline = QPainterPath(QPointF(3, 16))
    outline.quadTo(QPointF(16, 3), QPointF(29, 16))
    outline.quadTo(QPointF(16, 29), QPointF(3, 16))
    painter.drawPath(outline)
    painter.setBrush(QColor("#52606d"))
    painter.drawEllipse(QRectF(12, 12, 8, 8))
    if crossed:
        painter.drawLine(QPointF(5, 27), QPointF(27, 5))
    painter.end()
    return QIcon(pixmap)


class PasswordEdit(QLineEdit):
    """Hidden text with an eye button (action ``showPassword``) that shows it while checked."""

    caps_lock_seen = Signal(bool)
    caps_lock_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QAction(self)
        self.toggle.setObjectName("showPassword")
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self._show_text)
        self.addAction(self.toggle, QLineEdit.ActionPosition.TrailingPosition)
        self._show_text(False)

    def _show_text(self, shown: bool) -> None:
        self.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        label = self.tr("隐藏密码") if shown else self.tr("显示密码")
        self.toggle.setIcon(_eye_icon(crossed=shown))
        self.toggle.setText(label)
        self.toggle.setToolTip(label)

    def hide_text(self) -> None:
        self.toggle.setChecked(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        caps = caps_lock_from(event)
        if caps is not None:
            self.caps_lock_seen.emit(caps)
        elif event.key() == Qt.Key.Key_CapsLock:
            self.caps_lock_pressed.emit()
        super().keyPressEvent(event)


class CapsLockHint(QLabel):
    """「大写锁定已打开」 under the password fields; its line is reserved so nothing moves when it shows."""

    def __init__(self, *edits: PasswordEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capsLockHint")
        self.setProperty("role", "fieldError")
        self.setMinimumHeight(self.fontMetrics().height())
        self.caps_on: bool | None = None
        for edit in edits:
            self.watch(edit)

    def watch(self, edit: PasswordEdit) -> None:
        edit.caps_lock_seen.connect(self._seen)
        edit.caps_lock_pressed.connect(self._pressed)

    def _seen(self, caps_on: bool) -> None:
        self.caps_on = caps_on
        self._update()

    def _pressed(self) -> None:
        if self.caps_on is not None:
            self.caps_on = not self.caps_on
            self._update()

    def _update(self) -> None:
        self.setText(self.tr("大写锁定已打开") if self.caps_on else "")
