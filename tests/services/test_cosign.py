"""Root use needs two 三员 in person: confirm-key lets a new user sign; co-signed grants verify clean."""

from __future__ import annotations

import pytest

from dingmi_desktop.services.accounts import AccountService, AuditService
from dingmi_desktop.services.cosign import CoSign
from dingmi_desktop.services.forms import FormServices
from dingmi_desktop.storage import InvalidInput, PermissionDenied, WrongPassword
from dingmi_desktop.storage.maintenance import check
from dingmi_desktop.storage.records import RoleGrant
from tests.fixtures.store import DEMO_PASSWORD, cosign
from tests.services.samples import audit_entries, form

INITIAL = "Start#Pass2026x"
OWN = "Qian#Own2026xy"


def _problems(store, password: str = DEMO_PASSWORD) -> list[str]:  # type: ignore[no-untyped-def]
    return AuditService(store.sign_in("auditor", password)).verify().problems


def _new_drafter(demo_store) -> None:  # type: ignore[no-untyped-def]
    AccountService(demo_store.sign_in("sysadmin", DEMO_PASSWORD)).add_user(
        "qianqi", "钱七", "业务处", INITIAL
    )
    AccountService(demo_store.sign_in("secadmin", DEMO_PASSWORD)).grant(
        "qianqi", RoleGrant("承办人"), cosign()
    )
    demo_store.sign_in("qianqi", INITIAL).change_password(INITIAL, OWN)


def test_new_user_signs_only_after_confirm_key(demo_store) -> None:
    _new_drafter(demo_store)
    drafting = FormServices(demo_store.sign_in("qianqi", OWN)).drafting
    form_id = drafting.create_draft(form()).form_id
    with pytest.raises(PermissionDenied, match="密钥尚未经第二名三员当面确认，不能签名"):
        drafting.submit(form_id, password=OWN)
    sysadmin = AccountService(demo_store.sign_in("sysadmin", DEMO_PASSWORD))
    assert sysadmin.unconfirmed() == {"qianqi"}
    sysadmin.confirm_key("qianqi", cosign("secadmin"))
    assert sysadmin.unconfirmed() == set()
    assert drafting.submit(form_id, password=OWN).signed
    assert _problems(demo_store) == []
    assert check(demo_store.sign_in("zhangsan", DEMO_PASSWORD)) == []
    confirmed = [e for e in audit_entries(demo_store) if e.action == "确认密钥"]
    assert [(e.actor, e.result, e.detail["确认人"]) for e in confirmed] == [
        ("sysadmin", "成功", "secadmin、sysadmin")
    ]
    with pytest.raises(InvalidInput, match="已经确认"):
        sysadmin.confirm_key("qianqi", cosign("secadmin"))


def test_grant_and_revoke_with_cosigner_verify_clean(demo_store) -> None:
    secadmin = AccountService(demo_store.sign_in("secadmin", DEMO_PASSWORD))
    secadmin.grant("zhangsan", RoleGrant("保密员"), cosign("sysadmin"))
    assert _problems(demo_store) == []
    secadmin.revoke("zhangsan", "保密员", cosign())
    assert _problems(demo_store) == []
    assert check(demo_store.sign_in("zhangsan", DEMO_PASSWORD)) == []


def test_without_cosigner_refused_and_audited(demo_store) -> None:
    secadmin = AccountService(demo_store.sign_in("secadmin", DEMO_PASSWORD))
    with pytest.raises(PermissionDenied, match="此操作须由第二名三员当面确认：请提供 --cosigner"):
        secadmin.grant("zhangsan", RoleGrant("保密员"))
    with pytest.raises(PermissionDenied, match="第二名三员"):
        secadmin.grant("zhangsan", RoleGrant("保密员"), cosign("secadmin"))  # oneself is not a second
    with pytest.raises(PermissionDenied, match="不是在用的三员"):
        secadmin.grant("zhangsan", RoleGrant("保密员"), cosign("lisi"))
    refused = [e for e in audit_entries(demo_store) if e.action == "授予角色"]
    assert [e.result for e in refused] == ["拒绝", "拒绝", "拒绝"]
    assert (
        "保密员"
        not in secadmin.list_users()[[u.username for u in secadmin.list_users()].index("zhangsan")].roles
    )


def test_wrong_cosigner_password_refused_and_audited(demo_store) -> None:
    sysadmin = AccountService(demo_store.sign_in("sysadmin", DEMO_PASSWORD))
    sysadmin.reset_password("zhangsan", INITIAL)
    with pytest.raises(WrongPassword, match="第二名三员 auditor 的密码错误"):
        sysadmin.confirm_key("zhangsan", CoSign(DEMO_PASSWORD, "auditor", "Wrong#Pass2026"))
    with pytest.raises(WrongPassword, match="当前用户 sysadmin 的密码错误"):
        sysadmin.confirm_key("zhangsan", CoSign("Wrong#Pass2026", "auditor", DEMO_PASSWORD))
    failed = [e for e in audit_entries(demo_store) if e.action == "确认密钥"]
    assert [(e.result, e.detail["第二名三员"]) for e in failed] == [("失败", "auditor"), ("失败", "auditor")]
    assert sysadmin.unconfirmed() == {"zhangsan"}


def test_a_three_member_keeps_its_share_across_its_password_change(demo_store) -> None:
    session = demo_store.sign_in("auditor", DEMO_PASSWORD)
    session.change_password(DEMO_PASSWORD, "Audit#Own2026xy")
    secadmin = AccountService(demo_store.sign_in("secadmin", DEMO_PASSWORD))
    secadmin.grant("zhangsan", RoleGrant("保密员"), CoSign(DEMO_PASSWORD, "auditor", "Audit#Own2026xy"))
    assert _problems(demo_store, "Audit#Own2026xy") == []
