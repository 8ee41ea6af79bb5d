"""The print register page's data (印制登记): every printed copy of every form, as people read it.

Readers as the register (定密台账): the 定密责任人 and the 保密员 see every job, another business user the
jobs of the forms he drafted, the 三员 never (refused and audited).
"""

from __future__ import annotations

from dataclasses import dataclass

from dingmi_desktop.clock import local_text
from dingmi_desktop.export.sheet_data import copy_number_text
from dingmi_desktop.services.queues import display_names
from dingmi_desktop.services.register import RegisterService
from dingmi_desktop.storage.print_register_repo import PrintRegisterRepository
from dingmi_desktop.storage.records import parse_iso

PRINT_PAGE_SIZE = 200


@dataclass(frozen=True)
class PrintEntry:
    id: int
    form_id: int
    title: str
    marking: str
    kind: str
    copy_range: str  # 份号 000001—000003
    copies: int
    pages: int
    printer: str
    user: str  # display name
    time: str  # local time of the unit
    approver: str  # who approved a 复印 (display name), "" for 印制

    def cells(self) -> list[object]:
        return [
            self.time,
            self.form_id,
            self.title,
            self.marking,
            self.kind,
            self.copy_range,
            self.copies,
            self.pages,
            self.printer,
            self.user,
            self.approver,
        ]


class PrintRegisterService(RegisterService):
    def entries(
        self, *, form_id: int | None = None, offset: int = 0, limit: int = PRINT_PAGE_SIZE
    ) -> list[PrintEntry]:
        drafter = self._check_reader()
        with self.session.transaction() as tx:
            rows = PrintRegisterRepository(tx.orm).page(
                drafter_id=drafter, form_id=form_id, offset=offset, limit=limit
            )
            names = display_names(tx)
        zone = self.session.zone
        return [
            PrintEntry(
                id=r.id,
                form_id=r.form_id,
                title=r.title,
                marking=r.marking,
                kind=r.kind,
                copy_range=f"{copy_number_text(r.copies_from)}—{copy_number_text(r.copies_to)}",
                copies=r.copies_to - r.copies_from + 1,
                pages=r.pages,
                printer=r.printer or "（未记录）",
                user=names.get(r.user, r.user),
                time=local_text(parse_iso(r.time), zone),
                approver=names.get(r.approver, r.approver),
            )
            for r in rows
        ]

    def entry_count(self, *, form_id: int | None = None) -> int:
        drafter = self._check_reader()
        with self.session.transaction() as tx:
            return PrintRegisterRepository(tx.orm).count(drafter_id=drafter, form_id=form_id)
