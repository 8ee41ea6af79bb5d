"""Common base of the main window's pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from dingmi_desktop.ui.bundle import ServiceBundle

if TYPE_CHECKING:
    from dingmi_desktop.ui.ops import OpRunner


class Page(QWidget):
    """A page of the main window. Pages load data through the ops helper and drop it when locked."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page_title = title
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(16, 12, 16, 12)
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        self._layout.addWidget(heading)

    @property
    def body(self) -> QVBoxLayout:
        return self._layout

    def refresh(self) -> None:
        """Reload the page's data (asynchronously)."""

    def clear_sensitive(self) -> None:
        """Drop every decrypted value held by the page's widgets (lock sequence)."""

    def can_leave(self) -> bool:
        """False keeps the user on the page (for example unsaved changes they chose to keep)."""
        return True


class ServicePage(Page):
    """A page that talks to services through the ops helper and reports results in a status line."""

    def __init__(
        self, title: str, bundle: ServiceBundle, ops: OpRunner, window: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, parent)
        self.bundle = bundle
        self.ops = ops
        self.window_ = window
        self.feedback = QLabel()
        self.feedback.setObjectName("pageFeedback")
        self.feedback.setWordWrap(True)
        self._loaded_once = False

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        *,
        label: str = "",
        on_error: Callable[[BaseException], None] | None = None,
    ) -> int:
        return self.ops.run(fn, on_done, on_error, label=label or type(self).__name__)

    def say(self, text: str) -> None:
        self.feedback.setText(text)

    def loaded(self) -> None:
        if not self._loaded_once:
            self._loaded_once = True
            notify = getattr(self.window_, "page_loaded", None)
            if notify is not None:
                notify()
