"""Shared plumbing of the workflow services: who the actor is, the workflow context, visibility, and the
one generic "decide" step (check → one transaction → decision → status/revision → audit)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from dingmi_desktop.domain.approval import Corrections
from dingmi_desktop.domain.authority import OfficerAppointment, OfficerKind, UnitAuthority
from dingmi_desktop.domain.calendar import WorkCalendar
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import AuthorityRefused, DomainError, TransitionRefused
from dingmi_desktop.domain.forms import Form
from dingmi_desktop.domain.roles import Role
from dingmi_desktop.domain.stored_form import decode
from dingmi_desktop.domain.workflow import Action, Actor, Policy, Status, WorkflowContext
from dingmi_desktop.services.calendar import stored_calendar
from dingmi_desktop.services.refusals import audit_refusal, refusals_audited
from dingmi_desktop.storage import FormRecord, PermissionDenied, Session, Signer, Tx, UserInfo, verifier
from dingmi_desktop.storage.records import RoleGrant, parse_date

REVIEW_SETTING = "workflow.review_step"
BUSINESS_READERS = frozenset({Role.REVIEWER, Role.OFFICER, Role.SIGNER, Role.CLERK})
ADMINS = frozenset({Role.SYSADMIN, Role.SECADMIN, Role.AUDITOR})
APPOINTMENT_EPOCH = date(1900, 1, 1)  # grants record no term start; the term runs until term_until


def roles_of(user: UserInfo) -> frozenset[Role]:
    known = {r.value for r in Role}
    return frozenset(Role(r) for r in user.roles if r in known)


def appointment_of(user: UserInfo) -> OfficerAppointment | None:
    for grant in user.grants:
        if grant.role == Role.OFFICER.value and grant.highest_level:
            return OfficerAppointment(
                user_id=str(user.id),
                name=user.display_name or user.username,
                kind=OfficerKind(grant.officer_kind or OfficerKind.STATUTORY.value),
                highest_level=Category(grant.highest_level),
                term_start=APPOINTMENT_EPOCH,
                term_end=grant.term_until,
                trained_on=grant.trained_on,
                remit=grant.remit,
            )
    return None


def certified_user(tx: Tx, user: UserInfo) -> UserInfo:
    """The user with the officer grant the unit root certified (newest unrevoked) in place of the
    `role_grants` row, so a level, term or remit edited in the row by SQL grants nothing. A store
    without a root keeps the rows (nothing certified exists to read)."""
    if not user.has_role(Role.OFFICER.value):
        return user  # no appointment to read (and drafting saves skip the chain check)
    state = verifier.load_trust(tx.orm)
    if not state.rooted:
        return user
    certified = [
        span.body
        for span in state.grants.get(user.id, [])
        if span.body["role"] == Role.OFFICER.value and span.revoked_at is None
    ]
    others = tuple(g for g in user.grants if g.role != Role.OFFICER.value)
    if not certified:
        return replace(user, grants=others)
    body = certified[-1]
    grant = RoleGrant(
        Role(body["role"]),
        body.get("officer_kind"),
        body.get("highest_level"),
        parse_date(body.get("term_until")),
        parse_date(body.get("trained_on")),
        tuple(body.get("remit") or ()),
    )
    return replace(user, grants=(*others, grant))


def acting_role(user: UserInfo, action: Action) -> str:
    """The role a decision is recorded under (the first the actor holds, in the table's order)."""
    preference = {
        Action.SUBMIT: (Role.DRAFTER,),
        Action.WITHDRAW: (Role.DRAFTER,),
        Action.EDIT: (Role.DRAFTER,),
        Action.REVIEW_AGREE: (Role.REVIEWER,),
        Action.REVIEW_DISAGREE: (Role.REVIEWER,),
    }.get(action, (Role.OFFICER, Role.SIGNER, Role.CLERK))
    held = roles_of(user)
    for role in preference:
        if role in held:
            return role.value
    return preference[0].value


FORM_REFUSALS = (TransitionRefused, AuthorityRefused, PermissionDenied)


@dataclass(frozen=True)
class Loaded:
    record: FormRecord
    form: Form
    status: Status


class FormAccess:
    """Base of the workflow services; holds the session and the working-day calendar.

    Without an injected calendar the unit's stored one (services.calendar) is used: every transaction
    that loads a form reads it (`work_calendar(tx)`), so due dates follow the administrator's latest edit.
    """

    def __init__(self, session: Session, calendar: WorkCalendar | None = None) -> None:
        self.session = session
        self._stored_calendar: WorkCalendar | None = None
        self.calendar = calendar

    @property
    def calendar(self) -> WorkCalendar:
        """The injected calendar, else the stored one as last read in a transaction (read in a
        transaction of its own when none was read yet: never touch it inside an open transaction
        before `load` or `work_calendar(tx)`)."""
        if self._calendar is not None:
            return self._calendar
        if self._stored_calendar is None:
            with self.session.transaction() as tx:
                return self.work_calendar(tx)
        return self._stored_calendar

    @calendar.setter
    def calendar(self, value: WorkCalendar | None) -> None:
        """Injects a fixed calendar (None: back to the stored one)."""
        self._calendar = value

    def work_calendar(self, tx: Tx) -> WorkCalendar:
        """The calendar in force for this transaction."""
        if self._calendar is not None:
            return self._calendar
        self._stored_calendar = stored_calendar(tx)
        return self._stored_calendar

    # --- who and when -------------------------------------------------------------------------------
    @property
    def user(self) -> UserInfo:
        return self.session.user

    def today(self) -> date:
        return self.session.today()

    def actor(self, tx: Tx | None = None) -> Actor:
        """The acting user; inside a transaction, with the officer appointment the root certified."""
        user = certified_user(tx, self.user) if tx is not None else self.user
        return Actor(str(user.id), roles_of(self.user), appointment_of(user))

    def unit(self) -> UnitAuthority:
        store = self.session.store
        return UnitAuthority(Category(store.authority), store.unit_name)

    @staticmethod
    def policy(tx: Tx) -> Policy:
        return Policy(review_required=tx.settings.get(REVIEW_SETTING) != "off")

    # --- reading ------------------------------------------------------------------------------------
    def sees_all(self) -> bool:
        return bool(roles_of(self.user) & BUSINESS_READERS)

    def check_business_user(self) -> None:
        roles = roles_of(self.user)
        if roles & ADMINS or not roles:
            raise PermissionDenied("三员及无业务角色的用户不得查阅或办理定密业务表单（条例第三十四条）。")

    def load(self, tx: Tx, form_id: int) -> Loaded:
        self.check_business_user()
        record = tx.forms.get(form_id)
        if not self.sees_all() and record.drafter_id != self.user.id:
            raise PermissionDenied(f"无权查阅表单 {form_id}：承办人只能查阅本人拟制的表单。")
        assert record.content is not None
        self.work_calendar(tx)  # due dates computed in this transaction use the calendar in force
        return Loaded(record, decode(record.content), Status(record.status))

    def context(self, tx: Tx, loaded: Loaded, **inputs: Any) -> WorkflowContext:
        from dingmi_desktop.services.preflight import catalog_entries  # it imports this module

        form = loaded.form
        basis = form.basis
        reviews = (Action.REVIEW_AGREE.value, Action.REVIEW_DISAGREE.value)
        reviewers = tx.decisions.actors_of(loaded.record.id, reviews)
        return WorkflowContext(
            status=loaded.status,
            drafter_id=str(loaded.record.drafter_id),
            actor=self.actor(tx),
            category=form.category,
            basis_kind=basis.kind if basis else None,
            unit=self.unit(),
            today=self.today(),
            policy=self.policy(tx),
            period=form.period,
            start_date=form.start_date,
            long_term_allowed=bool(basis and basis.allows_long_term),
            special_rule=basis.special_rule if basis else "",
            current_hash=loaded.record.content_hash,
            basis=basis,
            department=form.department,
            notice_date=form.notice_date,
            title=form.title,
            catalog=tuple(catalog_entries(tx, form.start_date or self.today())) if basis is not None else (),
            reviewer_ids=frozenset(str(i) for i in reviewers),
            **inputs,
        )

    # --- refusals -----------------------------------------------------------------------------------
    def audit_refusal(self, action: str, form_id: int | None, reason: BaseException | str) -> None:
        """A refused attempt leaves one audit entry (result 拒绝) and nothing else."""
        audit_refusal(self.session, action, object_type="form", object_id=str(form_id or ""), reason=reason)

    def guarded(self, label: str, form_id: int | None, call: Callable[[], Any]) -> Any:
        with refusals_audited(
            self.session, label, object_type="form", object_id=str(form_id or ""), refusals=FORM_REFUSALS
        ):
            return call()

    def signer(self, password: str | None) -> Signer | None:
        return self.session.reauthenticate(password) if password is not None else None


def corrections_json(corrections: Corrections | None) -> dict[str, Any]:
    """The officer's corrections as the flat dict stored in the signed decision (export reads it)."""
    if corrections is None or corrections.is_empty:
        return {}
    out: dict[str, Any] = {}
    if corrections.category is not None:
        out["category"] = corrections.category.value
    if corrections.period is not None:
        out["period"] = corrections.period.to_json()
    if corrections.scope is not None:
        out["scope"] = corrections.scope
    return out


__all__ = [
    "DomainError",
    "FormAccess",
    "Loaded",
    "acting_role",
    "appointment_of",
    "corrections_json",
    "roles_of",
]
