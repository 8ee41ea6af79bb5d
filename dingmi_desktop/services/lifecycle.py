"""After approval (docs/rules.md §6): open a 变更 / 解密 / 延长 decision form for a decided item, read an
item's current terms, and the written notices of an applied decision.

A lifecycle form is an ordinary form (a copy of the item carrying the proposed terms) with a
`lifecycle_forms` row linking it to the item; it goes through submit → review → approval like any form.
Deciding it applies the change to the item (services/lifecycle_apply.py, called by the generic step).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from dingmi_desktop.domain.approval import Corrections
from dingmi_desktop.domain.errors import TransitionRefused
from dingmi_desktop.domain.forms import Basis, BasisKind, Form
from dingmi_desktop.domain.lifecycle import LifecycleKind, Terms, open_refusal
from dingmi_desktop.domain.roles import Role
from dingmi_desktop.domain.workflow import Status
from dingmi_desktop.services.form_access import ADMINS, FormAccess, Loaded, roles_of
from dingmi_desktop.services.form_codec import encode, index_of
from dingmi_desktop.services.knower_grants import granted_knowers
from dingmi_desktop.storage import Tx
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.lifecycle_repo import LifecycleRecord, LifecycleRepository, NoticeRecord
from dingmi_desktop.storage.records import UserInfo
from dingmi_desktop.storage.users_repo import UserRows

SCOPE, KNOWER = "知悉范围", "知悉人员"
NOTIFIED = "登记书面通知"
OPENERS = frozenset({Role.DRAFTER, Role.OFFICER})
NOTICE_KEEPERS = frozenset({Role.CLERK, Role.OFFICER, Role.SIGNER})


def repo(tx: Tx, access: FormAccess) -> LifecycleRepository:
    return LifecycleRepository(tx.orm, access.session.now)


def item_terms(tx: Tx, access: FormAccess, loaded: Loaded) -> Terms:
    """The terms in force: after an approved change or extension, else the decided revision's."""
    stored = repo(tx, access).current_terms(loaded.record.id)
    if stored is not None:
        return Terms.from_json(stored)
    form = loaded.form
    return Terms(form.category, form.period, form.scope, form.period_start)


def with_terms(form: Form, terms: Terms) -> Form:
    return replace(form, category=terms.category, period=terms.period, scope=terms.scope)


def lifecycle_basis(item: Basis | None, kind: LifecycleKind, cited: str, reason: str) -> Basis:
    """A lifecycle form cites the law on change/declassification and its reason, not the item's 依据库
    entry (changed circumstances are the very point); an item marked above the unit's authority stays so,
    so its change goes to the superior like its decision did."""
    above = item is not None and item.kind is BasisKind.ABOVE_AUTHORITY
    return Basis(
        kind=BasisKind.ABOVE_AUTHORITY if above else BasisKind.DEFINITE,
        reference=cited.strip() or kind.basis,
        text=reason.strip(),
        allows_long_term=bool(item and item.allows_long_term),
        special_rule=item.special_rule if item else "",
    )


@dataclass(frozen=True)
class Notice:
    source: str  # 知悉范围 / 知悉人员
    person: str


def knowers_to_notify(tx: Tx, item_form_id: int) -> list[Notice]:
    """Who must be told in writing of a change, declassification or extension (保密法第二十条): the
    知悉范围 as written, every named 知悉人员 of the item and every person added to its circle since."""
    record = tx.forms.get(item_form_id)
    assert record.content is not None
    stored = LifecycleRepository(tx.orm, lambda: record.updated_at).current_terms(item_form_id)
    scope = str(stored["scope"]) if stored else str(record.content.get("scope", ""))
    people = [Notice(SCOPE, scope)] if scope.strip() else []
    seen: set[str] = set()
    added = [grant.person for grant in granted_knowers(tx, item_form_id)]
    for name in [*record.content.get("knowers", ()), *added]:
        if name not in seen:
            seen.add(name)
            people.append(Notice(KNOWER, str(name)))
    return people


@dataclass(frozen=True)
class LifecycleInfo:
    """What the form page shows of a form's life: its lifecycle row (a decision form) or the item's terms."""

    lifecycle: LifecycleRecord | None  # set when the form is itself a 变更/解密/延长 decision form
    decided_terms: Terms  # the terms its signed decision fixed (for a decision form: the item's, when opened)
    current_terms: (
        Terms | None
    )  # an item's terms after approved changes (None: unchanged, or a decision form)
    notices: list[NoticeRecord]
    can_open: bool  # the user may open a decision form for this item


def drafter_for(tx: Tx, user: UserInfo, item_drafter_id: int) -> int:
    """Who prepares the decision form and moves it through the chain: the opener when he is a 承办人, else
    (an officer opening it, e.g. from the annual review) the item's own 承办人, whose drafts it joins."""
    if Role.DRAFTER in roles_of(user):
        return user.id
    row = tx.orm.get(t.User, item_drafter_id)
    if row is not None and row.active and UserRows(tx.orm).has_role(row.id, Role.DRAFTER):
        return row.id
    raise TransitionRefused("事项的承办人已停用或不再是承办人：请由一名承办人拟制此决定单。")


class LifecycleService(FormAccess):
    def open_draft(
        self,
        item_form_id: int,
        kind: str,
        reason: str,
        *,
        proposal: Corrections | None = None,
        basis: str = "",
    ) -> int:
        """A new 草稿 decision form of `kind` (变更/解密/延长/公开解密) for the decided item; returns its
        form id. `proposal`: the new 密级 / 保密期限 / 知悉范围 (the drafter may still edit them)."""
        label = f"拟制{kind}决定单"

        def write() -> int:
            self.check_business_user()
            roles = roles_of(self.user)
            if not roles & OPENERS or roles & ADMINS:
                raise TransitionRefused("只有承办人或定密责任人才能拟制变更、解密或延长决定单")
            try:
                lifecycle = LifecycleKind.parse(kind.strip())
            except ValueError as exc:
                raise TransitionRefused(str(exc)) from None
            if not reason.strip():
                raise TransitionRefused(f"{lifecycle.value}须填写理由")
            with self.session.transaction() as tx:
                loaded = self.load(tx, item_form_id)
                if repo(tx, self).get(item_form_id) is not None:
                    raise TransitionRefused("变更、解密或延长决定单本身不能再变更，请对原事项办理")
                terms = item_terms(tx, self, loaded)
                refusal = open_refusal(lifecycle, loaded.status, terms, self.today())
                if refusal:
                    raise TransitionRefused(refusal)
                form = replace(
                    with_terms(loaded.form, terms),
                    title=f"【{lifecycle.value}】{loaded.form.title}",
                    opinion=reason.strip(),
                    basis=lifecycle_basis(loaded.form.basis, lifecycle, basis, reason),
                )
                if proposal is not None and lifecycle in (LifecycleKind.CHANGE, LifecycleKind.EXTEND):
                    form = replace(
                        form,
                        category=proposal.category or form.category,
                        period=proposal.period or form.period,
                        scope=proposal.scope if proposal.scope is not None else form.scope,
                    )
                drafter = drafter_for(tx, self.user, loaded.record.drafter_id)
                record = tx.forms.create(encode(form), index_of(form, Status.DRAFT.value), drafter_id=drafter)
                repo(tx, self).add(
                    record.id,
                    item_form_id,
                    lifecycle.value,
                    reason.strip(),
                    basis.strip() or lifecycle.basis,
                    terms.to_json(),
                    self.user.id,
                )
                tx.audit.append(
                    label,
                    object_type="form",
                    object_id=str(record.id),
                    detail={"事项": item_form_id, "种类": lifecycle.value, "版本": 1},
                )
                return record.id

        form_id: int = self.guarded(label, item_form_id, write)
        return form_id

    def describe(self, form_id: int) -> LifecycleInfo:
        with self.session.transaction() as tx:
            loaded = self.load(tx, form_id)
            lifecycle = repo(tx, self)
            row = lifecycle.get(form_id)
            form = loaded.form
            decided = Terms(form.category, form.period, form.scope, form.period_start)
            if row is not None:
                old = Terms.from_json(row.old_terms)
                return LifecycleInfo(row, old, None, lifecycle.notices(form_id), False)
            stored = lifecycle.current_terms(form_id)
            current = Terms.from_json(stored) if stored else None
            roles = roles_of(self.user)
            can_open = loaded.status is Status.DECIDED and bool(roles & OPENERS) and not roles & ADMINS
            return LifecycleInfo(None, decided, current, [], can_open)

    def lifecycle_of(self, form_id: int) -> LifecycleRecord | None:
        """The lifecycle row of a decision form (None for an ordinary form)."""
        with self.session.transaction() as tx:
            self.load(tx, form_id)
            return repo(tx, self).get(form_id)

    def history(self, item_form_id: int) -> list[LifecycleRecord]:
        """The item's lifecycle forms, oldest first."""
        with self.session.transaction() as tx:
            self.load(tx, item_form_id)
            return repo(tx, self).of_item(item_form_id)

    def terms(self, form_id: int) -> Terms:
        with self.session.transaction() as tx:
            return item_terms(tx, self, self.load(tx, form_id))

    # --- written notices (保密法第二十条第二款) --------------------------------------------------------
    def notices(self, form_id: int) -> list[NoticeRecord]:
        with self.session.transaction() as tx:
            self.load(tx, form_id)
            if repo(tx, self).get(form_id) is None:
                raise TransitionRefused(f"表单 {form_id} 不是变更、解密或延长决定单，无书面通知")
            return repo(tx, self).notices(form_id)

    def mark_notified(self, form_id: int, person: str, on: date) -> NoticeRecord:
        """The office records that `person` (a 知悉人员 or the 知悉范围 text) was told in writing on `on`."""

        def write() -> NoticeRecord:
            if not roles_of(self.user) & NOTICE_KEEPERS:
                raise TransitionRefused("书面通知由保密员或定密责任人登记")
            if on > self.today():
                raise TransitionRefused(f"通知日期{on.isoformat()}晚于今天，请填写实际书面通知的日期")
            with self.session.transaction() as tx:
                self.load(tx, form_id)
                lifecycle = repo(tx, self)
                if lifecycle.get(form_id) is None:
                    raise TransitionRefused(f"表单 {form_id} 不是变更、解密或延长决定单，无书面通知")
                rows = lifecycle.notices(form_id)
                if not rows:
                    raise TransitionRefused("该决定单尚未批准生效，还没有须书面通知的人员")
                match = [n for n in rows if n.person == person.strip()]
                if not match:
                    names = "、".join(n.person for n in rows)
                    raise TransitionRefused(f"“{person}”不在须通知的名单中（名单：{names}）")
                notice = match[0]
                if notice.notified_on is not None:
                    raise TransitionRefused(
                        f"{notice.person}已于{notice.notified_on.isoformat()}登记书面通知"
                    )
                lifecycle.mark_notified(notice.id, on, self.user.id)
                tx.audit.append(
                    NOTIFIED,
                    object_type="form",
                    object_id=str(form_id),
                    detail={"通知记录": notice.id, "通知日期": on.isoformat()},
                )
                return replace(notice, notified_on=on, recorded_by=self.user.username)

        result: NoticeRecord = self.guarded(NOTIFIED, form_id, write)
        return result
