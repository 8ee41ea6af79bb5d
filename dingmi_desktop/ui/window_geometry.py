"""The main window's size and place: never larger than the screen, remembered per user on this machine.

Machine-local UI state only (no form data): an INI file in the platform's user config directory, one
group per user name. A saved rectangle is clamped to the screen it is restored on, which may be smaller
than the one it was saved on (another terminal, another scaling factor).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from PySide6.QtCore import QMargins, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from dingmi_desktop.paths import APP_NAME

PREFERRED = QSize(1366, 740)
MINIMUM = QSize(800, 480)
# Room for the window manager's title bar and borders, unknown until the window is mapped.
FRAME = QMargins(4, 32, 4, 4)
SETTINGS_FILE = "window-state.ini"


@dataclass(frozen=True)
class WindowState:
    rect: QRect  # the normal (not maximized) client geometry
    maximized: bool


def settings_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / SETTINGS_FILE


def _settings() -> QSettings:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def _group(username: str) -> str:
    """The user's settings group; names with characters QSettings treats specially are hex-encoded."""
    if re.fullmatch(r"[A-Za-z0-9_.-]+", username):
        return f"users/{username}"
    return f"users/x{username.encode('utf-8').hex()}"


def minimum_size(available: QRect, frame: QMargins = FRAME) -> QSize:
    area = available.marginsRemoved(frame)
    return QSize(max(1, min(MINIMUM.width(), area.width())), max(1, min(MINIMUM.height(), area.height())))


def clamp_rect(rect: QRect, available: QRect, frame: QMargins = FRAME) -> QRect:
    """The client rectangle moved and shrunk so that it and its frame lie inside ``available``, and no
    smaller than the window's minimum size there."""
    area = available.marginsRemoved(frame)
    least = minimum_size(available, frame)
    width = min(max(rect.width(), least.width()), area.width())
    height = min(max(rect.height(), least.height()), area.height())
    x = max(area.left(), min(rect.x(), area.left() + area.width() - width))
    y = max(area.top(), min(rect.y(), area.top() + area.height() - height))
    return QRect(x, y, width, height)


def default_state(available: QRect, frame: QMargins = FRAME) -> WindowState:
    """First start for a user: the preferred size centred, or maximized when the screen is not larger."""
    area = available.marginsRemoved(frame)
    fits = PREFERRED.width() <= area.width() and PREFERRED.height() <= area.height()
    rect = QRect(0, 0, PREFERRED.width(), PREFERRED.height())
    rect.moveCenter(area.center())
    return WindowState(clamp_rect(rect, available, frame), maximized=not fits)


def load_state(username: str) -> WindowState | None:
    settings = _settings()
    settings.beginGroup(_group(username))
    try:
        x, y, width, height = (int(str(settings.value(key))) for key in ("x", "y", "width", "height"))
    except (TypeError, ValueError):
        return None
    maximized = str(settings.value("maximized", "false")).lower() == "true"
    return WindowState(QRect(x, y, width, height), maximized)


def save_state(username: str, state: WindowState) -> None:
    settings = _settings()
    settings.beginGroup(_group(username))
    rect = state.rect
    for key, value in (("x", rect.x()), ("y", rect.y()), ("width", rect.width()), ("height", rect.height())):
        settings.setValue(key, value)
    settings.setValue("maximized", "true" if state.maximized else "false")
    settings.endGroup()
    settings.sync()


def place(window: QWidget, username: str) -> WindowState:
    """Give ``window`` the user's remembered geometry, clamped to the screen it lands on (the default
    when none is remembered); the caller shows it maximized when the returned state says so."""
    saved = load_state(username)
    screen = QGuiApplication.screenAt(saved.rect.center()) if saved is not None else None
    screen = screen or window.screen() or QGuiApplication.primaryScreen()
    available = screen.availableGeometry()
    window.setMinimumSize(minimum_size(available))
    state = default_state(available) if saved is None else saved
    rect = clamp_rect(state.rect, available)
    window.setGeometry(rect)
    return WindowState(rect, state.maximized)


def remember(window: QWidget, username: str) -> None:
    maximized = window.isMaximized()
    rect = window.normalGeometry() if maximized else window.geometry()
    if rect.isValid():
        save_state(username, WindowState(rect, maximized))
