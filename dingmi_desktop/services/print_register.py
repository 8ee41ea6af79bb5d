"""The print register page's data (印制登记): every printed copy of every form, as people read it.

Readers as the register (定密台账): the 定密责任人 and the 保密员 see every job, another business user the
jobs of the forms he drafted, the 三员 never (refused and audited).
"""

from __future__ import annotations

from dataclasses import dataclass

from dingmi_desktop.clock import local_text
from dingmi_desktop.export.sheet_data import copy_number_text
from dingmi_desktop.services.copy_fate import CopyEventRequest, CopyFateService, copy_states, fate_summary
from dingmi_desktop.services.queues import display_names
from dingmi_desktop.services.register import RegisterService
from dingmi_desktop.storage.print_register_repo import (
    CopyEventRepository,
    CopyEventRow,
    PrintRegisterRepository,
)
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
    fate: str = ""  # the copies' state (全部在库 / 已分发 1 份 ...), from the copy events

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
            self.fate,
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
            events = CopyEventRepository(tx.orm).for_prints([r.id for r in rows])
        by_job: dict[int, list[CopyEventRow]] = {}
        for event in events:
            by_job.setdefault(event.print_id, []).append(event)
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
                fate=fate_summary(copy_states(r.copies_from, r.copies_to, by_job.get(r.id, []))),
            )
            for r in rows
        ]

    def copy_events(self, print_id: int) -> list[CopyEventRow]:
        """The fate of one job's copies, oldest first (readers as the register)."""
        drafter = self._check_reader()
        with self.session.transaction() as tx:
            if drafter is not None and not PrintRegisterRepository(tx.orm).page(
                drafter_id=drafter, print_id=print_id
            ):
                return []
            return CopyEventRepository(tx.orm).for_prints([print_id])

    def record_fate(self, request: CopyEventRequest) -> CopyEventRow:
        """分发 / 收回 / 销毁 of copies (the 保密员 and the 定密责任人; checked and audited there)."""
        return CopyFateService(self.session).record(request)

    def entry_count(self, *, form_id: int | None = None) -> int:
        drafter = self._check_reader()
        with self.session.transaction() as tx:
            return PrintRegisterRepository(tx.orm).count(drafter_id=drafter, form_id=form_id)
