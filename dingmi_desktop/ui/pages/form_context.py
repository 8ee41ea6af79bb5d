"""What the open form's helpers (decisions, printing) may use of it, and what an operation changed.

The helpers get a `FormContext`, not the page: they ask for input, run a service call and report, then
announce an `OpChanges`. The main window re-emits it as its one `operation_done` signal; the form page
reloads the form it shows and a list page on screen refreshes (Anki's OpChanges is the model). Helpers thus
neither import the page nor reach into the window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from dingmi_desktop.ui.bundle import ServiceBundle


@dataclass(frozen=True)
class OpChanges:
    """What a finished operation changed, so each listener refreshes only what it shows."""

    form_id: int | None = None
    form: bool = False  # status, content or decisions of `form_id`
    prints: bool = False  # the print register (份号 issued)


class FormContext(Protocol):
    """The narrow view of an open form that its helpers are given."""

    bundle: ServiceBundle

    @property
    def view(self) -> Any: ...  # the services' FormView, None for an unsaved new form

    @property
    def editable(self) -> bool: ...

    @property
    def has_unsaved_edits(self) -> bool: ...

    def widget(self) -> QWidget: ...  # parent of the helpers' dialogs

    def stored_id(self) -> int: ...

    def say(self, text: str) -> None: ...

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        *,
        label: str = "",
        on_error: Callable[[BaseException], None] | None = None,
    ) -> int: ...

    def save(self, then: Callable[[], None] | None = None, *, auto: bool = False) -> None: ...

    def show_problems(self, problems: list[Any]) -> None: ...

    def announce(self, changes: OpChanges) -> None: ...
