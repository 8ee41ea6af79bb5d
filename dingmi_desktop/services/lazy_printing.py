"""What the GUI needs of printing (the `SheetPrinting` protocol), and a PrintingService built on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # printing pulls in ReportLab: the sign-in dialog must not wait for it
    from dingmi_desktop.services.printing import PrintingService, PrintJob, PrintStatus, SheetCheck
    from dingmi_desktop.storage.session import Session


class SheetPrinting(Protocol):
    """The part of PrintingService the views call (each call runs on the worker)."""

    def preview(self, form_id: int) -> bytes: ...
    def export_pdf(self, form_id: int) -> bytes: ...
    def print_status(self, form_id: int) -> PrintStatus: ...
    def print_copies(
        self, form_id: int, *, printer: str, password: str, copies: int | None = None
    ) -> PrintJob: ...
    def reprint(
        self, form_id: int, *, printer: str, password: str, copies: int, approver: str, approver_password: str
    ) -> PrintJob: ...
    def verify_code(self, code: str) -> SheetCheck: ...


class LazyPrinting:
    """The PrintingService, built on first use (on the worker): finding the fonts takes a moment, which
    should not delay the main window."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._built: PrintingService | None = None

    def _service(self) -> PrintingService:
        if self._built is None:
            from dingmi_desktop.services.printing import PrintingService

            self._built = PrintingService(self.session)
        return self._built

    def preview(self, form_id: int) -> bytes:
        return self._service().preview(form_id)

    def export_pdf(self, form_id: int) -> bytes:
        return self._service().export_pdf(form_id)

    def print_status(self, form_id: int) -> PrintStatus:
        return self._service().print_status(form_id)

    def print_copies(
        self, form_id: int, *, printer: str, password: str, copies: int | None = None
    ) -> PrintJob:
        return self._service().print_copies(form_id, printer=printer, password=password, copies=copies)

    def reprint(
        self, form_id: int, *, printer: str, password: str, copies: int, approver: str, approver_password: str
    ) -> PrintJob:
        return self._service().reprint(
            form_id,
            printer=printer,
            password=password,
            copies=copies,
            approver=approver,
            approver_password=approver_password,
        )

    def verify_code(self, code: str) -> SheetCheck:
        return self._service().verify_code(code)
