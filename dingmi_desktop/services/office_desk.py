"""The secrecy office's desk on the 首页 (定密责任人, 保密员): items whose 解密日 falls within the window,
escalations overdue, and printed copies given out (已分发) and not yet returned (收回).

The first two are views of the register (RegisterService, same filters as its page); this service adds the
copies out, computed from the copy events of the print jobs that have any (few: the office records them).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from dingmi_desktop.services.copy_fate import OUT, RECORDERS, copy_states
from dingmi_desktop.services.form_access import FormAccess, roles_of
from dingmi_desktop.storage import PermissionDenied
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.print_register_repo import CopyEventRepository
from dingmi_desktop.storage.settings_decl import BY_KEY, EXPIRING_WINDOW_SETTING

EXPIRING_WINDOW_DAYS = int(BY_KEY[EXPIRING_WINDOW_SETTING].default)  # the default look-ahead
READ_ACTION = "查阅未收回份数"


@dataclass(frozen=True)
class CopiesOut:
    form_id: int
    title: str
    print_id: int
    numbers: tuple[int, ...]  # the 份号 out
    parties: str  # to whom they were given (、-joined, in order)
    since: str  # the earliest 分发 date among them (ISO)

    def numbers_text(self) -> str:
        return "、".join(f"{n:06d}" for n in self.numbers)


class OfficeDeskService(FormAccess):
    def expiring_window(self) -> int:
        """The 首页's look-ahead for 解密日 in days, as the 安全保密管理员 set it (`dingmi policy set
        expiring-window N`); any business user reads it with the lists it sizes."""
        self.check_business_user()
        with self.session.transaction() as tx:
            return int(tx.settings.get(EXPIRING_WINDOW_SETTING))

    def copies_out(self, limit: int = 200) -> list[CopiesOut]:
        """Copies 已分发 and not 收回, oldest 分发 first; only the office reads this list."""
        try:
            self.check_business_user()
            if not roles_of(self.user) & RECORDERS:
                raise PermissionDenied("只有保密员和定密责任人可以查看未收回的印制件。")
        except PermissionDenied:
            self.audit_refusal(READ_ACTION, None, "PermissionDenied")
            raise
        found: list[CopiesOut] = []
        with self.session.transaction() as tx:
            orm = tx.orm
            ids = list(orm.scalars(select(t.CopyEvent.print_id).distinct()))
            events = CopyEventRepository(orm).for_prints(ids)
            jobs = {
                job.id: (job, title)
                for job, title in orm.execute(
                    select(t.PrintRecord, t.Form.title)
                    .join(t.Form, t.Form.id == t.PrintRecord.form_id)
                    .where(t.PrintRecord.id.in_(ids))
                ).all()
            }
            for print_id, (job, title) in sorted(jobs.items()):
                mine = [e for e in events if e.print_id == print_id]
                states = copy_states(job.copies_from, job.copies_to, mine)
                out = tuple(n for n, state in states.items() if state == OUT)
                if not out:
                    continue
                given = [
                    e
                    for e in mine
                    if e.kind == "分发" and any(e.copies_from <= n <= e.copies_to for n in out)
                ]
                parties = "、".join(dict.fromkeys(e.party for e in given if e.party))
                since = min((e.event_date for e in given), default="")
                found.append(CopiesOut(job.form_id, title, print_id, out, parties, since))
        found.sort(key=lambda c: (c.since, c.print_id))
        return found[:limit]
