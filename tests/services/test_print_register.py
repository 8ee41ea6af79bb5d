"""The print register records the printer of every job, and `print_status` reports what remains."""

from __future__ import annotations

import pytest

from dingmi_desktop.export.fonts import bundled_font_set
from dingmi_desktop.services.printing import PrintingService
from dingmi_desktop.storage import PermissionDenied
from tests.services.samples import PASSWORD, Users, form


def test_register_records_the_printer_and_status_counts_the_approved_copies(users: Users) -> None:
    form_id = users.to_approval(form(copies=3))
    users.approve(form_id)
    printing = PrintingService(users["zhangsan"].session, fonts=bundled_font_set())
    status = printing.print_status(form_id)
    assert (status.status, status.approved, status.printed, status.remaining, status.entries) == (
        "已定密",
        3,
        0,
        3,
        (),
    )
    printing.print_copies(form_id, printer="  办公室打印机 ", password=PASSWORD, copies=2)
    printing.reprint(
        form_id,
        printer="保密室打印机",
        password=PASSWORD,
        copies=1,
        approver="secadmin",
        approver_password=PASSWORD,
    )
    status = printing.print_status(form_id)
    assert (status.printed, status.remaining) == (2, 1)  # 复印 does not use up the approved copies
    assert [(e.kind, e.copies_from, e.copies_to, e.printer, e.user) for e in status.entries] == [
        ("印制", 1, 2, "办公室打印机", "zhangsan"),
        ("复印", 3, 3, "保密室打印机", "zhangsan"),
    ]


def test_print_status_respects_visibility(users: Users) -> None:
    form_id = users.to_approval(form(copies=3))
    users.approve(form_id)
    other = PrintingService(users["zhaoliu"].session, fonts=bundled_font_set())  # another drafter
    with pytest.raises(PermissionDenied):
        other.print_status(form_id)
