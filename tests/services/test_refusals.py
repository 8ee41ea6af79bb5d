"""Refusals audited in one place: each refused account operation leaves one 拒绝 entry with its reason, and a
refusal whose audit write fails says so instead of hiding it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from dingmi_desktop.security.passwords import PasswordPolicy
from dingmi_desktop.services.accounts import AccountService
from dingmi_desktop.services.calendar import CalendarService
from dingmi_desktop.services.forms import FormServices
from dingmi_desktop.storage import InvalidInput, NotFound, PermissionDenied
from dingmi_desktop.storage.calendar_setting import HOLIDAY
from dingmi_desktop.storage.records import RoleGrant
from tests.fixtures.store import cosign
from tests.services.samples import audit_entries

Op = Callable[[AccountService], Any]

# (who tries, the operation, its audit action, object id, the refusal raised)
REFUSED: list[tuple[str, Op, str, str, type[Exception]]] = [
    (
        "zhangsan",
        lambda a: a.add_user("qianqi", "钱七", "业务处", "Start#Pass2026x"),
        "创建账户",
        "qianqi",
        PermissionDenied,
    ),
    ("secadmin", lambda a: a.reset_password("lisi", "Temp#Pass2026x"), "重置密码", "lisi", PermissionDenied),
    ("sysadmin", lambda a: a.reset_password("nobody", "Temp#Pass2026x"), "重置密码", "nobody", NotFound),
    ("zhangsan", lambda a: a.confirm_key("lisi", cosign()), "确认密钥", "lisi", PermissionDenied),
    ("sysadmin", lambda a: a.unlock("lisi"), "解除锁定", "lisi", InvalidInput),
    ("secadmin", lambda a: a.unlock("lisi"), "解除锁定", "lisi", PermissionDenied),
    ("sysadmin", lambda a: a.set_active("sysadmin", False), "停用账户", "sysadmin", InvalidInput),
    ("zhangsan", lambda a: a.set_active("lisi", True), "启用账户", "lisi", PermissionDenied),
    (
        "sysadmin",
        lambda a: a.grant("lisi", RoleGrant("承办人"), cosign()),
        "授予角色",
        "lisi",
        PermissionDenied,
    ),
    ("secadmin", lambda a: a.revoke("lisi", "不存在的角色", cosign()), "撤销角色", "lisi", NotFound),
    (
        "auditor",
        lambda a: a.set_policy(PasswordPolicy(), cosign("sysadmin")),
        "修改安全策略",
        "1",
        PermissionDenied,
    ),
    (
        "secadmin",
        lambda a: a.set_policy(PasswordPolicy(min_length=0), cosign()),
        "修改安全策略",
        "1",
        InvalidInput,
    ),
    (
        "zhangsan",
        lambda a: a.set_setting("print.watermark", "off"),
        "修改设置",
        "print.watermark",
        PermissionDenied,
    ),
]


@pytest.mark.parametrize(("who", "op", "action", "object_id", "error"), REFUSED)
def test_each_refused_account_operation_leaves_one_refusal_entry(  # type: ignore[no-untyped-def]
    demo_store, demo_session, who: str, op: Op, action: str, object_id: str, error: type[Exception]
) -> None:
    before = len(audit_entries(demo_store))
    with pytest.raises(error) as refused:
        op(AccountService(demo_session(who)))
    entries = audit_entries(demo_store)[before:]
    refusals = [e for e in entries if e.result == "拒绝"]
    assert len(refusals) == 1, [(e.action, e.result) for e in entries]
    entry = refusals[0]
    assert (entry.actor, entry.action, entry.object_id) == (who, action, object_id)
    assert entry.detail["原因类别"] == type(refused.value).__name__
    assert entry.detail["原因"] == refused.value.message  # type: ignore[attr-defined]


def test_a_refused_co_signature_is_audited_once_not_twice(demo_store, demo_session) -> None:  # type: ignore[no-untyped-def]
    before = len(audit_entries(demo_store))
    with pytest.raises(PermissionDenied, match="第二名三员"):
        AccountService(demo_session("secadmin")).grant("lisi", RoleGrant("承办人"), None)
    entries = [e for e in audit_entries(demo_store)[before:] if e.action != "登录"]
    assert [(e.action, e.result) for e in entries] == [("授予角色", "拒绝")]


def test_a_failing_refusal_audit_is_raised_not_hidden(demo_session) -> None:  # type: ignore[no-untyped-def]
    session = demo_session("zhangsan")
    calendar, accounts = CalendarService(session), AccountService(session)
    session.close()  # every later transaction of this session is refused: the audit write cannot happen
    with pytest.raises(PermissionDenied, match="会话已结束") as failed:
        calendar.add(date(2026, 12, 31), HOLIDAY, "测试")
    assert "安全保密管理员" in str(failed.value.__context__)  # the refusal it could not record
    with pytest.raises(PermissionDenied, match="会话已结束"):
        accounts.unlock("lisi")


def test_a_failing_form_refusal_audit_is_raised_not_hidden(demo_session) -> None:  # type: ignore[no-untyped-def]
    session = demo_session("auditor")
    forms = FormServices(session)
    session.close()
    with pytest.raises(PermissionDenied, match="会话已结束"):
        forms.drafting.audit_refusal("导出", 1, "PermissionDenied")
