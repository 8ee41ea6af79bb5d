"""条件成就: the 定密责任人 confirms that an item's 解密条件 occurred, with the evidence typed in and the
password re-entered; the item becomes 已解密 (how = 条件成就) once (保密法第二十三条, 条例第二十四条).

The evidence is kept in `expiries.evidence` (inside the encrypted store); the audit entry carries only its
digest, since audit details never hold business text (the auditor has no business role).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dingmi_desktop.clock import local_date
from dingmi_desktop.domain.authority import officer_refusal
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import AuthorityRefused, TransitionRefused
from dingmi_desktop.domain.expiry import How, condition_of, evidence_problem
from dingmi_desktop.domain.roles import Role
from dingmi_desktop.security.canonical import digest_hex
from dingmi_desktop.services.form_access import FormAccess, appointment_of, certified_user, roles_of
from dingmi_desktop.storage import NotFound, PermissionDenied, Tx
from dingmi_desktop.storage.expiry_repo import DECLASSIFIED, IN_FORCE, ExpiryRepository

CONFIRM_ACTION = "条件成就解密"


@dataclass(frozen=True)
class ConditionConfirmed:
    form_id: int
    declassified_on: date
    condition: str


class ConditionService(FormAccess):
    def confirm(self, form_id: int, evidence: str, password: str) -> ConditionConfirmed:
        """Refusals (wrong role, empty evidence, not a condition item, already 解密) are audited."""
        self.guarded(CONFIRM_ACTION, form_id, lambda: self._check_read(form_id, evidence))
        self.session.reauthenticate(password)  # WrongPassword (counted toward the lock) when wrong
        result: ConditionConfirmed = self.guarded(
            CONFIRM_ACTION, form_id, lambda: self._write(form_id, evidence.strip())
        )
        return result

    def _check_read(self, form_id: int, evidence: str) -> None:
        with self.session.transaction() as tx:
            self._check(tx, form_id, evidence)

    def _check(self, tx: Tx, form_id: int, evidence: str) -> str:
        """The item's condition, or a refusal naming what is wrong and what to do."""
        self.check_business_user()
        if Role.OFFICER not in roles_of(self.user):
            raise PermissionDenied("只有定密责任人可以确认解密条件已经成就（条例第二十四条）。")
        problem = evidence_problem(evidence)
        if problem:
            raise TransitionRefused(problem)
        repo = ExpiryRepository(tx.orm)
        state = repo.form_state(form_id)
        if state is None:
            raise NotFound(f"未找到编号为 {form_id} 的表单。")
        if repo.is_decision_form(form_id):
            raise TransitionRefused(
                f"表单 {form_id} 是变更、解密或延长决定单，不是定密事项：请在它所针对的事项上确认解密条件。"
            )
        status, category, marking, _ = state
        recorded = repo.expiry(form_id)
        if recorded is not None:
            day, how, _, by = recorded
            raise TransitionRefused(f"该事项已于{day.isoformat()}解密（{how}，{by}记录），不能重复确认。")
        if status != IN_FORCE:
            raise TransitionRefused(f"该事项的状态为“{status}”，只有已定密的事项才能确认解密条件。")
        condition = condition_of(marking)
        if condition is None:
            raise TransitionRefused(
                "该事项的保密期限不是解密条件，无需确认：有期限或解密时间的事项到期由系统自动解密。"
            )
        refusal = officer_refusal(
            appointment_of(certified_user(tx, self.user)), Category(category), self.today()
        )
        if refusal:
            raise AuthorityRefused(refusal)
        return condition

    def _write(self, form_id: int, evidence: str) -> ConditionConfirmed:
        with self.session.transaction() as tx:
            condition = self._check(tx, form_id, evidence)
            now = self.session.now()
            today = local_date(now, self.session.zone)
            repo = ExpiryRepository(tx.orm)
            if not repo.declassify(form_id, today, How.CONDITION, now, self.user.username, evidence):
                raise TransitionRefused("该事项已解密，不能重复确认。")
            tx.audit.append(
                CONFIRM_ACTION,
                object_type="form",
                object_id=str(form_id),
                detail={
                    "原状态": IN_FORCE,
                    "新状态": DECLASSIFIED,
                    "解密日": today.isoformat(),
                    "方式": How.CONDITION.value,
                    "依据摘要": digest_hex(evidence.encode("utf-8")),
                },
            )
            return ConditionConfirmed(form_id, today, condition)
