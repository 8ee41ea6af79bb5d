"""The GUI's printing seam: LazyPrinting offers what SheetPrinting declares, as PrintingService does."""

from __future__ import annotations

import inspect

import pytest

from dingmi_desktop.security.errors import PermissionDenied
from dingmi_desktop.services.lazy_printing import LazyPrinting, SheetPrinting
from dingmi_desktop.services.printing import PrintingService
from dingmi_desktop.ui.bundle import required

DECLARED = {"preview", "export_pdf", "print_status", "print_copies", "reprint", "verify_code"}


def test_lazy_printing_delegates_every_declared_call_with_the_service_signature() -> None:
    declared = {name for name in vars(SheetPrinting) if not name.startswith("_")}
    assert declared == DECLARED
    for name in declared:
        service = inspect.signature(getattr(PrintingService, name))
        assert inspect.signature(getattr(SheetPrinting, name)) == service, name
        assert inspect.signature(getattr(LazyPrinting, name)) == service, name


def test_required_refuses_a_service_the_roles_do_not_open() -> None:
    marker = object()
    assert required(marker) is marker
    with pytest.raises(PermissionDenied) as raised:
        required(None)
    assert str(raised.value) == "当前用户无权执行此操作。"
