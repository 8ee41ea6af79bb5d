"""Nothing changes under the mouse wheel: combo and spin boxes take the wheel only with keyboard focus.

One application-wide event filter covers every page and dialog. A wheel event over an unfocused combo or
spin box is handed to the enclosing scroll area instead, so it scrolls the form (Qt does not propagate a
re-sent wheel event by itself: synthesized wheel events stop at their receiver). The same filter gives
these widgets Qt.StrongFocus when they are first polished, so the wheel never grabs focus (Qt's default
for both is WheelFocus).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget

GUARDED = (QComboBox, QAbstractSpinBox)


def _guarded_owner(widget: QWidget) -> QWidget | None:
    """The outermost combo / spin box holding `widget` inside its window (popups are windows: unguarded)."""
    owner: QWidget | None = None
    current: QWidget | None = widget
    while current is not None and not current.isWindow():
        if isinstance(current, GUARDED):
            owner = current
        current = current.parentWidget()
    return owner


def _scroll_area_above(widget: QWidget) -> QAbstractScrollArea | None:
    current = widget.parentWidget()
    while current is not None and not isinstance(current, QAbstractScrollArea):
        current = current.parentWidget()
    return current


def _has_focus(owner: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and (focused is owner or owner.isAncestorOf(focused))


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, GUARDED):
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if kind != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        owner = _guarded_owner(watched)
        if owner is None or _has_focus(owner):
            return False
        assert isinstance(event, QWheelEvent)
        area = _scroll_area_above(owner)
        while area is not None:
            viewport = area.viewport()  # a scroll area takes the wheel through its viewport
            forwarded = QWheelEvent(
                QPointF(viewport.mapFromGlobal(event.globalPosition().toPoint())),
                event.globalPosition(),
                event.pixelDelta(),
                event.angleDelta(),
                event.buttons(),
                event.modifiers(),
                event.phase(),
                event.inverted(),
                event.source(),
            )
            QApplication.sendEvent(viewport, forwarded)
            if forwarded.isAccepted():
                break
            area = _scroll_area_above(area)  # at its end: the next scroll area out, as Qt would
        event.accept()  # stop Qt's own propagation: the guarded widget must not see it
        return True


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Install once; a second call returns the guard already installed."""
    existing = app.findChild(WheelGuard)
    if existing is not None:
        return existing
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    return guard
