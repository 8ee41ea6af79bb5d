"""What became of printed copies (the seed's 登记 of 传递, 清退, 销毁): 分发 to whom, 收回, 销毁 with a
witness.

Each copy (份号) of a print job is 在库 (with the office), 已分发 or 已销毁; an event moves a range of
copies and is refused, naming the copies, when any of them is not in the state it needs (a copy out on
loan is 收回 before it is 销毁). Events are facts (the table is append-only) recorded by the 保密员 or
the 定密责任人 and audited; the date is the unit's local date of the event, never later than today
nor before the printing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from dingmi_desktop.clock import local_date
from dingmi_desktop.domain.errors import Problem, ValidationError
from dingmi_desktop.domain.workflow import Role
from dingmi_desktop.services.form_access import FormAccess, roles_of
from dingmi_desktop.storage import NotFound, PermissionDenied
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.print_register_repo import CopyEventRepository, CopyEventRow
from dingmi_desktop.storage.records import iso, parse_iso

DISTRIBUTE, RECALL, DESTROY = "分发", "收回", "销毁"
FATES = (DISTRIBUTE, RECALL, DESTROY)
IN_HAND, OUT, DESTROYED = "在库", "已分发", "已销毁"
NEEDS = {DISTRIBUTE: IN_HAND, RECALL: OUT, DESTROY: IN_HAND}
BECOMES = {DISTRIBUTE: OUT, RECALL: IN_HAND, DESTROY: DESTROYED}
RECORDERS = frozenset({Role.CLERK, Role.OFFICER})
ACTION = "登记份数去向"
MAX_TEXT = 200


@dataclass(frozen=True)
class CopyEventRequest:
    print_id: int
    kind: str
    copies_from: int
    copies_to: int
    on: date
    party: str = ""  # 分发: to whom; 收回: from whom
    witness: str = ""  # 销毁: 监销人
    note: str = ""


def copy_states(first: int, last: int, events: Iterable[CopyEventRow]) -> dict[int, str]:
    states = dict.fromkeys(range(first, last + 1), IN_HAND)
    for event in events:
        for number in range(event.copies_from, event.copies_to + 1):
            states[number] = BECOMES[event.kind]
    return states


def fate_summary(states: dict[int, str]) -> str:
    counts = {state: sum(1 for s in states.values() if s == state) for state in (IN_HAND, OUT, DESTROYED)}
    if counts[IN_HAND] == len(states):
        return "全部在库"
    return "，".join(f"{state} {n} 份" for state, n in counts.items() if n)


class CopyFateService(FormAccess):
    def _check_recorder(self, print_id: int | None) -> None:
        try:
            self.check_business_user()
            if not roles_of(self.user) & RECORDERS:
                raise PermissionDenied("只有保密员和定密责任人可以登记印制件的分发、收回和销毁。")
        except PermissionDenied:
            self.audit_refusal(ACTION, None, f"PermissionDenied（打印记录 {print_id}）")
            raise

    def record(self, request: CopyEventRequest) -> CopyEventRow:
        self._check_recorder(request.print_id)
        with self.session.transaction() as tx:
            repo = CopyEventRepository(tx.orm)
            job = repo.print_job(request.print_id)
            if job is None:
                raise NotFound(f"未找到编号为 {request.print_id} 的打印记录。")
            events = repo.for_prints([job.id])
            printed_on = local_date(parse_iso(job.time), self.session.zone)
            self._validate(request, job, printed_on, copy_states(job.copies_from, job.copies_to, events))
            row = t.CopyEvent(
                print_id=job.id,
                form_id=job.form_id,
                kind=request.kind,
                copies_from=request.copies_from,
                copies_to=request.copies_to,
                party=request.party.strip(),
                witness=request.witness.strip(),
                event_date=request.on.isoformat(),
                note=request.note.strip(),
                user_id=self.user.id,
                recorded_at=iso(self.session.now()),
            )
            event_id = repo.add(row)
            detail: dict[str, object] = {
                "类别": request.kind,
                "份号": f"{request.copies_from:06d}-{request.copies_to:06d}",
            }
            detail |= {"打印记录": job.id, "日期": request.on.isoformat()}
            if row.party:
                detail["对象"] = row.party
            if row.witness:
                detail["监销人"] = row.witness
            tx.audit.append(ACTION, object_type="form", object_id=str(job.form_id), detail=detail)
            return next(e for e in repo.for_prints([job.id]) if e.id == event_id)

    def _validate(
        self, request: CopyEventRequest, job: t.PrintRecord, printed_on: date, states: dict[int, str]
    ) -> None:
        problems = []
        if request.kind not in FATES:
            problems.append(Problem("kind", "去向须为 分发、收回 或 销毁。"))
        if not job.copies_from <= request.copies_from <= request.copies_to <= job.copies_to:
            problems.append(
                Problem(
                    "copies",
                    f"份号须在这次打印的范围 {job.copies_from:06d}—{job.copies_to:06d} 之内，"
                    "且起号不大于止号。",
                )
            )
        if request.kind == DISTRIBUTE and not request.party.strip():
            problems.append(Problem("party", "分发须写明接收的单位或人员。"))
        if request.kind == DESTROY and not request.witness.strip():
            problems.append(Problem("witness", "销毁须写明监销人。"))
        if any(len(text) > MAX_TEXT for text in (request.party, request.witness, request.note)):
            problems.append(Problem("party", f"接收对象、监销人和备注各不超过 {MAX_TEXT} 个字。"))
        if request.on > self.today():
            problems.append(Problem("on", "日期不能晚于今天：请填写实际分发、收回或销毁的日期。"))
        if request.on < printed_on:
            problems.append(Problem("on", f"日期不能早于打印日期 {printed_on.isoformat()}。"))
        if not problems:
            wrong = [
                n
                for n in range(request.copies_from, request.copies_to + 1)
                if states[n] != NEEDS[request.kind]
            ]
            if wrong:
                listed = "、".join(f"{n:06d}（{states[n]}）" for n in wrong[:10])
                problems.append(
                    Problem(
                        "copies",
                        f"{request.kind}须针对{NEEDS[request.kind]}的份：{listed} 不能{request.kind}。",
                    )
                )
        if problems:
            raise ValidationError(problems)
