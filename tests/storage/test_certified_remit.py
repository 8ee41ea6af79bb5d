"""Issue 11 item 3: the officer's remit, level and term come from the grant the unit root certified; a
`role_grants` row edited by SQL widens nothing (the workflow reads the certificate, not the row)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from dingmi_desktop.domain.errors import DomainError
from dingmi_desktop.domain.roles import Role
from dingmi_desktop.services.accounts import AuditService
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.maintenance import check
from dingmi_desktop.storage.records import RoleGrant
from tests.fixtures.store import DEMO_PASSWORD
from tests.services.samples import Users, form, grant
from tests.storage.tamper import raw_admin


@pytest.fixture
def users(demo_store):
    designated = RoleGrant(Role.OFFICER, "指定", "机密", date(2030, 12, 31), date(2026, 3, 15), ("业务处",))
    grant(demo_store, "wangwu", designated)  # certified by the root: remit 业务处 only
    return Users(demo_store)


def _widen_row(store, user_id: int) -> None:
    with raw_admin(store) as conn:
        conn.execute(
            "UPDATE role_grants SET remit = ?, highest_level = '绝密' WHERE user_id = ? AND role = ?",
            (json.dumps(["业务处", "办公室"], ensure_ascii=False), user_id, Role.OFFICER),
        )


def test_remit_widened_in_the_row_does_not_let_the_officer_approve(demo_store, users):
    form_id = users.to_approval()  # 产生部门 办公室: outside the certified remit
    wangwu = users["wangwu"].session.user.id
    _widen_row(demo_store, wangwu)
    widened = Users(demo_store)  # signs in afterwards: its UserInfo carries the edited row
    assert any("办公室" in g.remit for g in widened["wangwu"].session.user.grants)  # the row says so
    with pytest.raises(DomainError) as refused:
        widened.approve(form_id, opinion="同意")
    assert "条例第十五条" in str(refused.value) and "业务处" in str(refused.value)


def test_the_certified_remit_still_lets_the_officer_approve_inside_it(demo_store, users):
    form_id = users.to_approval(form(department="业务处"))
    assert users.approve(form_id, opinion="同意").status_after.value == "已定密"


def test_an_approval_outside_the_certified_remit_written_past_the_workflow_is_caught(demo_store, users):
    """The officer signs with his own key, bypassing the workflow (the repository directly, as a script
    with the data key could): the one verifier names the remit it breaks."""
    form_id = users.to_approval()  # 产生部门 办公室
    session = demo_store.sign_in("wangwu", DEMO_PASSWORD)
    with session.transaction() as tx:
        tx.decisions.add(
            form_id,
            action="approve",
            signer=session.reauthenticate(DEMO_PASSWORD),
            role=Role.OFFICER,
            opinion="同意",
            status_after="已定密",
        )
        tx.orm.get(t.Form, form_id).status = "已定密"
    needle = "签名人经认证的职责范围（业务处）不包括产生部门“办公室”"
    for problems in (
        AuditService(demo_store.sign_in("auditor", DEMO_PASSWORD)).verify().problems,
        check(demo_store.sign_in("zhangsan", DEMO_PASSWORD)),
    ):
        assert any(needle in p for p in problems), problems
