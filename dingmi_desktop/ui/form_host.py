"""The main window's open-form slot: one form at a time in the page area, unsaved changes protected."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from dingmi_desktop.domain.forms import FormKind
from dingmi_desktop.ui.bundle import required
from dingmi_desktop.ui.pages.base import Page
from dingmi_desktop.ui.pages.form_page import FormPage

if TYPE_CHECKING:
    from PySide6.QtWidgets import QListWidget, QStackedWidget, QWidget

    from dingmi_desktop.ui.bundle import ServiceBundle
    from dingmi_desktop.ui.navigation import NavEntry
    from dingmi_desktop.ui.ops import OpRunner


class FormHostMixin:
    """Mixed into MainWindow (which provides the attributes declared here)."""

    bundle: ServiceBundle
    ops: OpRunner
    stack: QStackedWidget
    navigation: QListWidget
    entries: list[NavEntry]
    pages: dict[str, Page]
    form_page: FormPage | None
    show_widget: Callable[[QWidget], None]

    # --- forms --------------------------------------------------------------------------------------

    def _replace_form_page(self, kind: FormKind) -> FormPage | None:
        current = self.stack.currentWidget()
        if isinstance(current, Page) and not current.can_leave():
            return None
        self._dispose_form_page()
        page = FormPage(kind, self.bundle, self.ops, self)
        self.form_page = page
        self.show_widget(page)
        return page

    def new_form(self, kind: FormKind) -> FormPage | None:
        page = self._replace_form_page(kind)
        if page is not None:
            page.start_new()
        return page

    def open_form(self, form_id: int) -> None:
        history = required(self.bundle.workflow).history

        def show(view: Any) -> None:
            page = self._replace_form_page(FormKind(view.summary.kind))
            if page is not None:
                page.set_view(view)

        self.ops.run(lambda: history.view(form_id), show, label="open form")

    def close_form(self) -> None:
        page = self.form_page
        if page is None or not page.can_leave():
            return
        key = self.entries[self.navigation.currentRow()].key if self.entries else ""
        self._dispose_form_page()
        if key:
            self.stack.setCurrentWidget(self.pages[key])
            self.pages[key].refresh()

    def _dispose_form_page(self) -> None:
        page = self.form_page
        self.form_page = None
        if page is not None:
            page.autosave_timer.stop()
            page.clear_sensitive()
            self.stack.removeWidget(page)
            page.deleteLater()
