"""Users and policy through repositories; "我的拟稿" is a service query; views never query the session."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dingmi_desktop.security.passwords import PasswordPolicy
from dingmi_desktop.services.accounts import AccountService
from dingmi_desktop.storage import NotFound, PermissionDenied
from dingmi_desktop.storage.policy_repo import PolicyRepository
from dingmi_desktop.storage.users_repo import UserRows
from tests.fixtures.store import cosign
from tests.services.samples import form

UI = Path(__file__).resolve().parents[2] / "dingmi_desktop" / "ui"


def test_my_forms_are_the_users_own_forms_under_way_newest_first(users) -> None:  # type: ignore[no-untyped-def]
    draft = users["zhangsan"].drafting.create_draft(form()).form_id
    in_review = users.draft_and_submit()
    awaiting = users.to_approval()
    decided = users.to_approval()
    users.approve(decided)
    other = users["zhaoliu"].drafting.create_draft(form(title="业务处的表单")).form_id

    mine = users["zhangsan"].queues.my_forms()
    ids = [s.id for s in mine]
    assert {draft, in_review, awaiting} <= set(ids)
    assert other not in ids and decided not in ids
    assert [s.updated_at for s in mine] == sorted((s.updated_at for s in mine), reverse=True)
    assert len(users["zhangsan"].queues.my_forms(limit=2)) == 2


def test_user_rows_and_policy_repository(demo_store, demo_session) -> None:  # type: ignore[no-untyped-def]
    secadmin = AccountService(demo_session("secadmin"))  # signing in unlocks the store
    current = secadmin.policy()
    with demo_store.orm_transaction() as orm:
        rows = UserRows(orm)
        lisi = rows.by_username("lisi")
        with pytest.raises(NotFound, match="未找到用户 nobody"):
            rows.by_username("nobody")
        assert not rows.has_role(lisi.id, "不存在的角色")
        assert PolicyRepository(orm).read() == current

    changed = PasswordPolicy(min_length=12)
    secadmin.set_policy(changed, cosign())
    assert secadmin.policy().min_length == 12
    with demo_store.orm_transaction() as orm:
        assert PolicyRepository(orm).read().min_length == 12


def test_policy_and_password_checks_come_from_the_account_service(demo_session) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        AccountService(demo_session("zhangsan")).policy()
    sysadmin = AccountService(demo_session("sysadmin"))
    assert sysadmin.password_problems("qianqi", "Start#Pass2026x") == []
    assert any("长度" in p for p in sysadmin.password_problems("qianqi", "short"))


def test_views_do_not_query_through_the_session() -> None:
    reach = re.compile(r"session\.(policy|orm|transaction|unchecked_transaction|store|scalars|execute)\b")
    found = [
        f"{path.relative_to(UI)}:{n}"
        for path in sorted(UI.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if reach.search(line)
    ]
    assert found == []
