"""Widening the circle (扩大知悉范围, 保密法 Art 21 ¶3): a person added to an item's 知悉人员 after approval.

For 机密 and 绝密 the addition is a request (who, why, by whom) that counts only once a 定密责任人 whose
appointment covers the level approves it with his password (signed, audited); for 秘密 it is recorded at
once (已登记), no approval needed (docs/rules.md §扩大知悉范围). The item's own content never changes: the
added persons live in `knower_grants` and `granted_knowers(tx, form_id)` joins them to the original list
for whoever must be notified.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import select

from dingmi_desktop.domain.authority import officer_refusal
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import AuthorityRefused, Problem, TransitionRefused, ValidationError
from dingmi_desktop.domain.roles import Role
from dingmi_desktop.domain.workflow import Status
from dingmi_desktop.services.form_access import FORM_REFUSALS, FormAccess, roles_of
from dingmi_desktop.services.knower_grants_models import (
    APPROVED,
    PENDING,
    RECORDED,
    GrantedKnower,
    KnowerGrantView,
    KnowerList,
)
from dingmi_desktop.storage import NotFound, PermissionDenied, Tx
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.records import iso, parse_iso
from dingmi_desktop.storage.signed_records import (
    GRANT_KIND,
    NEEDS_APPROVAL,
    Signature,
    check_record,
    grant_body,
    sign_record,
)

REQUESTERS = frozenset({Role.OFFICER, Role.CLERK})  # besides the item's own drafter
REQUEST_ACTION, APPROVE_ACTION = "申请扩大知悉范围", "批准扩大知悉范围"
SIGNED_KIND = GRANT_KIND
MAX_PERSON = 50
R = TypeVar("R")
REFUSED = (*FORM_REFUSALS, ValidationError, NotFound)
__all__ = [
    "APPROVED",
    "PENDING",
    "RECORDED",
    "GrantedKnower",
    "KnowerGrantService",
    "KnowerGrantView",
    "KnowerList",
    "granted_knowers",
]


def _name(tx: Tx, user_id: int | None) -> str:
    if user_id is None:
        return ""
    user = tx.users.get(user_id)
    return user.display_name or user.username


def signature_valid(tx: Tx, row: t.KnowerGrant) -> bool | None:
    """None when the row carries no signature; else whether it is the approver's over this very grant."""
    if row.signature is None or row.approver_id is None or row.approved_at is None:
        return None
    approver = tx.users.get(row.approver_id)
    return check_record(
        tx.orm,
        SIGNED_KIND,
        grant_body(row),
        actor_id=approver.id,
        actor=approver.username,
        time=row.approved_at,
        signed=Signature(row.key_id or 0, row.cert_hash, row.signature),
    )


def counts(tx: Tx, row: t.KnowerGrant) -> bool:
    """A 秘密 addition counts once recorded; a 机密/绝密 one only with the officer's valid signature (a row
    written around the service, without it, widens nothing)."""
    if row.status == RECORDED:
        return Category(row.level) not in NEEDS_APPROVAL
    return row.status == APPROVED and signature_valid(tx, row) is True


def granted_knowers(tx: Tx, item_form_id: int) -> list[GrantedKnower]:
    """The persons added to the item's circle that count (approved or recorded), oldest first; the
    lifecycle's `knowers_to_notify` joins them to the form's own 知悉人员."""
    rows = tx.orm.scalars(
        select(t.KnowerGrant)
        .where(t.KnowerGrant.form_id == item_form_id, t.KnowerGrant.status.in_((APPROVED, RECORDED)))
        .order_by(t.KnowerGrant.id)
    )
    return [
        GrantedKnower(
            r.id,
            r.person,
            parse_iso(r.approved_at or r.requested_at),
            _name(tx, r.approver_id),
            r.reason,
        )
        for r in rows
        if counts(tx, r)
    ]


class KnowerGrantService(FormAccess):
    """Requests, approvals and the knower list of an item; every refusal is audited (拒绝)."""

    def knowers(self, form_id: int) -> KnowerList:
        with self.session.transaction() as tx:
            loaded = self.load(tx, form_id)
            rows = tx.orm.scalars(
                select(t.KnowerGrant).where(t.KnowerGrant.form_id == form_id).order_by(t.KnowerGrant.id)
            )
            views = [self._view(tx, r) for r in rows]
            return KnowerList(form_id, loaded.form.category.value, loaded.form.knowers, views)

    def request(self, form_id: int, person: str, reason: str) -> KnowerGrantView:
        """Adds `person`: pending for 机密/绝密 (the officer approves), recorded at once for 秘密."""
        return self.guarded_all(REQUEST_ACTION, form_id, lambda: self._request(form_id, person, reason))

    def approve(self, grant_id: int, *, password: str, opinion: str = "") -> KnowerGrantView:
        """The 定密责任人's approval, signed with the password typed again now."""

        def precheck() -> int:
            with self.session.transaction() as tx:
                row = self._grant(tx, grant_id)
                self._check_approver(tx, row)
                return row.form_id

        form_id = self.guarded_all(APPROVE_ACTION, None, precheck)
        signer = self.signer(password)
        assert signer is not None

        def write() -> KnowerGrantView:
            with self.session.transaction() as tx:
                row = self._grant(tx, grant_id)
                self._check_approver(tx, row)
                self.load(tx, row.form_id)  # still visible to him
                now = iso(self.session.now())
                with tx.orm.no_autoflush:  # one UPDATE: the trigger freezes a decided row
                    row.status, row.approver_id, row.approved_at = APPROVED, self.user.id, now
                    row.opinion = opinion.strip()
                    signed = sign_record(tx.orm, signer, SIGNED_KIND, grant_body(row), now)
                    row.key_id, row.cert_hash = signed.key_id, signed.cert_hash
                    row.signature = signed.signature
                tx.orm.flush()
                tx.audit.append(
                    APPROVE_ACTION,
                    object_type="form",
                    object_id=str(row.form_id),
                    detail={"申请编号": row.id, "密级": row.level, "签名": True},
                )
                return self._view(tx, row)

        return self.guarded_all(APPROVE_ACTION, form_id, write)

    def pending(self) -> list[KnowerGrantView]:
        """Requests awaiting an officer (for the officer and the 保密员), oldest first."""
        self.check_business_user()
        with self.session.transaction() as tx:
            rows = tx.orm.scalars(
                select(t.KnowerGrant).where(t.KnowerGrant.status == PENDING).order_by(t.KnowerGrant.id)
            )
            return [self._view(tx, r) for r in rows if self._may_see(tx, r.form_id)]

    # --- internals ----------------------------------------------------------------------------------
    def guarded_all(self, label: str, form_id: int | None, call: Callable[[], R]) -> R:
        try:
            return call()
        except REFUSED as exc:
            self.audit_refusal(label, form_id, exc)
            raise

    def _may_see(self, tx: Tx, form_id: int) -> bool:
        return self.sees_all() or tx.forms.get(form_id).drafter_id == self.user.id

    def _request(self, form_id: int, person: str, reason: str) -> KnowerGrantView:
        with self.session.transaction() as tx:
            loaded = self.load(tx, form_id)
            if loaded.record.drafter_id != self.user.id and not roles_of(self.user) & REQUESTERS:
                raise PermissionDenied(
                    f"无权为事项 {form_id} 扩大知悉范围：承办人只能为本人拟制的事项申请，"
                    "或请定密责任人、保密员办理。"
                )
            if loaded.status is not Status.DECIDED:
                raise TransitionRefused(
                    f"事项 {form_id} 尚未定密（{loaded.status.value}）："
                    "定密前请直接在表单的“知悉人员”中修改。"
                )
            level = loaded.form.category
            if not level.is_state_secret:
                raise TransitionRefused(f"事项 {form_id} 为{level.value}，不是国家秘密，无须登记知悉人员。")
            name, why = person.strip(), reason.strip()
            problems = []
            if not name:
                problems.append(Problem("person", "请填写要增加的知悉人员姓名。"))
            elif len(name) > MAX_PERSON:
                problems.append(Problem("person", f"知悉人员姓名不超过 {MAX_PERSON} 个字。"))
            if not why:
                problems.append(Problem("reason", "请写明扩大知悉范围的理由（工作需要）。"))
            if name and name in loaded.form.knowers:
                problems.append(Problem("person", f"“{name}”已在该事项的知悉人员中，无须重复增加。"))
            existing = tx.orm.scalars(
                select(t.KnowerGrant.status).where(
                    t.KnowerGrant.form_id == form_id, t.KnowerGrant.person == name
                )
            ).first()
            if name and existing is not None:
                problems.append(
                    Problem("person", f"“{name}”已在该事项的知悉人员中（{existing}），无须重复申请。")
                )
            if problems:
                raise ValidationError(problems)
            now = iso(self.session.now())
            status = PENDING if level in NEEDS_APPROVAL else RECORDED
            row = t.KnowerGrant(
                form_id=form_id,
                person=name,
                reason=why,
                level=level.value,
                status=status,
                requested_by=self.user.id,
                requested_at=now,
                approved_at=None if status == PENDING else now,
                opinion="",
            )
            tx.orm.add(row)
            tx.orm.flush()
            tx.audit.append(
                REQUEST_ACTION,
                object_type="form",
                object_id=str(form_id),
                detail={"申请编号": row.id, "密级": level.value, "状态": status},
            )
            return self._view(tx, row)

    def _grant(self, tx: Tx, grant_id: int) -> t.KnowerGrant:
        row = tx.orm.get(t.KnowerGrant, grant_id)
        if row is None:
            raise NotFound(f"未找到编号为 {grant_id} 的扩大知悉范围申请。")
        return row

    def _check_approver(self, tx: Tx, row: t.KnowerGrant) -> None:
        self.check_business_user()
        if row.status != PENDING:
            raise TransitionRefused(f"申请 {row.id} 已处理（{row.status}），不能再次批准。")
        if Role.OFFICER not in roles_of(self.user):
            raise PermissionDenied(
                f"扩大{row.level}事项的知悉范围须经定密责任人批准（保密法第二十一条第三款）："
                f"请由定密责任人批准申请 {row.id}。"
            )
        refusal = officer_refusal(self.actor(tx).appointment, Category(row.level), self.today())
        if refusal:
            raise AuthorityRefused(refusal)

    def _view(self, tx: Tx, row: t.KnowerGrant) -> KnowerGrantView:
        valid = signature_valid(tx, row)
        return KnowerGrantView(
            id=row.id,
            form_id=row.form_id,
            person=row.person,
            reason=row.reason,
            level=row.level,
            status=row.status,
            requested_by=_name(tx, row.requested_by),
            requested_at=parse_iso(row.requested_at),
            approved_by=_name(tx, row.approver_id),
            approved_at=parse_iso(row.approved_at) if row.approved_at else None,
            opinion=row.opinion,
            signature_valid=valid,
        )
