"""Accounts, roles and policy: who may do what (三员), and the key slots behind each change."""

from __future__ import annotations

from datetime import date

import pytest

from dingmi_desktop.services.accounts import AccountService, AuditService
from dingmi_desktop.storage import (
    AccountDisabled,
    AccountLocked,
    InvalidInput,
    NotFound,
    PasswordChangeRequired,
    PasswordPolicy,
    PasswordPolicyError,
    PermissionDenied,
    RoleConflict,
    RoleGrant,
    WrongPassword,
)
from tests.fixtures.store import DEMO_PASSWORD, cosign

NEW_PW = "Neu#Passwort2026"


def test_sysadmin_adds_user_who_must_change_password(demo_store, demo_session):
    user = AccountService(demo_session("sysadmin")).add_user("qianqi", "钱七", "业务处", NEW_PW)
    assert user.roles == frozenset() and user.department == "业务处"
    session = demo_store.sign_in("qianqi", NEW_PW)
    assert session.must_change_password
    with pytest.raises(PasswordChangeRequired):
        session.transaction().__enter__()
    session.change_password(NEW_PW, "Eigenes#Pw2026")
    with session.transaction() as tx:
        assert tx.actor.username == "qianqi"


def test_only_sysadmin_manages_accounts(demo_store, demo_session):
    for name in ("secadmin", "auditor", "zhangsan", "wangwu"):
        with pytest.raises(PermissionDenied):
            AccountService(demo_session(name)).add_user("qianqi", "钱七", "", NEW_PW)
        with pytest.raises(PermissionDenied):
            AccountService(demo_session(name)).reset_password("zhangsan", NEW_PW)


def test_add_user_rejects_bad_input(demo_store, demo_session):
    accounts = AccountService(demo_session("sysadmin"))
    with pytest.raises(PasswordPolicyError):
        accounts.add_user("qianqi", "钱七", "", "weak")
    with pytest.raises(InvalidInput):
        accounts.add_user("Bad Name", "x", "", NEW_PW)
    with pytest.raises(InvalidInput):
        accounts.add_user("zhangsan", "x", "", NEW_PW)
    with pytest.raises(PasswordPolicyError):
        accounts.add_user("qianqi", "钱七", "", "qianqi#Pass2026")  # contains the user name


def test_only_secadmin_grants_and_sanyuan_are_exclusive(demo_store, demo_session):
    with pytest.raises(PermissionDenied):
        AccountService(demo_session("sysadmin")).grant("zhangsan", RoleGrant("定密审核人"), cosign())
    sec = AccountService(demo_session("secadmin"))
    assert sec.grant("zhangsan", RoleGrant("保密员"), cosign()).roles == {"承办人", "保密员"}
    with pytest.raises(RoleConflict):
        sec.grant("zhangsan", RoleGrant("安全审计员"), cosign())
    with pytest.raises(RoleConflict):
        sec.grant("auditor", RoleGrant("承办人"), cosign())
    with pytest.raises(RoleConflict):
        sec.grant("sysadmin", RoleGrant("安全保密管理员"), cosign())
    with pytest.raises(InvalidInput):
        sec.grant("zhangsan", RoleGrant("皇帝"), cosign())
    with pytest.raises(NotFound):
        sec.grant("ghost", RoleGrant("承办人"), cosign())
    sec.revoke("zhangsan", "保密员", cosign())
    with pytest.raises(NotFound):
        sec.revoke("zhangsan", "保密员", cosign())


def test_officer_grants_need_kind_level_term(demo_store, demo_session):
    sec = AccountService(demo_session("secadmin"))
    with pytest.raises(InvalidInput):
        sec.grant("lisi", RoleGrant("定密责任人"), cosign())
    with pytest.raises(InvalidInput, match="不能高于本单位"):
        sec.grant("lisi", RoleGrant("定密责任人", "指定", "绝密", date(2028, 1, 1)), cosign())
    with pytest.raises(InvalidInput, match="任期"):
        sec.grant("lisi", RoleGrant("定密责任人", "指定", "秘密"), cosign())
    user = sec.grant(
        "lisi", RoleGrant("定密责任人", "指定", "秘密", date(2028, 1, 1), date(2026, 6, 1)), cosign()
    )
    grant = next(g for g in user.grants if g.role == "定密责任人")
    assert (grant.highest_level, grant.term_until, grant.trained_on) == (
        "秘密",
        date(2028, 1, 1),
        date(2026, 6, 1),
    )
    user = sec.grant("lisi", RoleGrant("定密责任人", "指定", "机密", date(2029, 1, 1)), cosign())  # replaces
    assert [g.highest_level for g in user.grants if g.role == "定密责任人"] == ["机密"]


def test_reset_password_gives_new_key_and_old_signatures_still_verify(demo_store, demo_session):
    officer = demo_session("wangwu")
    signer = officer.reauthenticate(DEMO_PASSWORD)
    with officer.transaction() as tx:
        tx.decisions.add(1, action="approve", signer=signer, role="定密责任人", opinion="同意")
    old_key = officer.user.public_key
    AccountService(demo_session("sysadmin")).reset_password("wangwu", NEW_PW)
    with pytest.raises(WrongPassword):
        demo_store.sign_in("wangwu", DEMO_PASSWORD)
    session = demo_store.sign_in("wangwu", NEW_PW)
    assert session.must_change_password and session.user.public_key != old_key
    session.change_password(NEW_PW, "Leader#Eigen2026")
    assert AuditService(demo_session("auditor")).verify().ok
    with session.transaction() as tx:
        assert tx.decisions.for_form(1)[0].signature_valid


def test_reset_clears_a_lock(demo_store, demo_session):
    for _ in range(5):
        with pytest.raises((WrongPassword, AccountLocked)):
            demo_store.sign_in("zhangsan", "bad")
    AccountService(demo_session("sysadmin")).reset_password("zhangsan", NEW_PW)
    assert demo_store.sign_in("zhangsan", NEW_PW).must_change_password


def test_disable_account(demo_store, demo_session):
    accounts = AccountService(demo_session("sysadmin"))
    accounts.set_active("zhaoliu", False)
    with pytest.raises(AccountDisabled):
        demo_store.sign_in("zhaoliu", DEMO_PASSWORD)
    with pytest.raises(InvalidInput):
        accounts.set_active("sysadmin", False)
    accounts.set_active("zhaoliu", True)
    demo_store.sign_in("zhaoliu", DEMO_PASSWORD)


def test_policy_only_by_secadmin_and_mirrored_for_lockout(demo_store, demo_session, store_dir):
    with pytest.raises(PermissionDenied):
        AccountService(demo_session("sysadmin")).set_policy(PasswordPolicy(lock_after_failures=2), cosign())
    sec = demo_session("secadmin")
    with pytest.raises(InvalidInput):
        AccountService(sec).set_policy(PasswordPolicy(lock_minutes=0), cosign())
    AccountService(sec).set_policy(
        PasswordPolicy(min_length=12, lock_after_failures=2, lock_minutes=30), cosign()
    )
    assert sec.policy.min_length == 12
    with pytest.raises(WrongPassword):
        demo_store.sign_in("lisi", "bad")
    with pytest.raises(AccountLocked) as locked:
        demo_store.sign_in("lisi", "bad")
    assert "30 分" in locked.value.message
    with pytest.raises(PasswordPolicyError, match="12"):
        AccountService(demo_session("sysadmin")).add_user("qianqi", "钱七", "", "Abc#12345xy")


def test_every_account_change_is_audited(demo_store, demo_session):
    AccountService(demo_session("sysadmin")).add_user("qianqi", "钱七", "", NEW_PW)
    AccountService(demo_session("secadmin")).grant("qianqi", RoleGrant("承办人"), cosign())
    AccountService(demo_session("secadmin")).set_policy(PasswordPolicy(min_length=11), cosign())
    AccountService(demo_session("sysadmin")).reset_password("qianqi", NEW_PW + "x")
    actions = [(e.actor, e.action, e.object_id) for e in AuditService(demo_session("auditor")).entries()]
    for expected in [
        ("sysadmin", "创建账户", "qianqi"),
        ("secadmin", "授予角色", "qianqi"),
        ("secadmin", "修改安全策略", "1"),
        ("sysadmin", "重置密码", "qianqi"),
    ]:
        assert expected in actions
