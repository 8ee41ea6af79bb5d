"""Admin views for people, service side: the 系统管理员 lifts a lockout (audited); the auditor's trail in
words, filtered by local dates and exported as shown (audited)."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest

from dingmi_desktop.clock import local_date
from dingmi_desktop.security.keyslots import SlotFile
from dingmi_desktop.services.accounts import AccountService, AuditService
from dingmi_desktop.services.audit_view import AuditFilter
from dingmi_desktop.storage import (
    AccountLocked,
    InvalidInput,
    PasswordPolicy,
    PermissionDenied,
    WrongPassword,
)
from tests.fixtures.store import DEMO_PASSWORD, TEST_EPOCH, MutableClock, cosign


def lock_out(store, username: str = "zhangsan") -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        with pytest.raises((WrongPassword, AccountLocked)):
            store.sign_in(username, "wrong")


def test_sysadmin_lifts_a_lockout_and_the_trail_shows_lock_then_release(demo_store, demo_session, clock):  # type: ignore[no-untyped-def]
    accounts = AccountService(demo_session("sysadmin"))
    assert accounts.lockouts() == {}
    lock_out(demo_store)
    until = accounts.lockouts()["zhangsan"]
    assert timedelta(minutes=9) < until - clock.current <= timedelta(minutes=10)
    with pytest.raises(AccountLocked):
        demo_store.sign_in("zhangsan", DEMO_PASSWORD)

    accounts.unlock("zhangsan")

    assert accounts.lockouts() == {}
    assert "zhangsan" not in SlotFile.load(demo_store.slots.path).lock_states  # persisted, not only in memory
    demo_store.sign_in("zhangsan", DEMO_PASSWORD)
    auditor = AuditService(demo_session("auditor"))
    wanted = {"登录失败", "账户锁定", "解除锁定"}
    actions = [(e.actor, e.action) for e in auditor.entries() if e.action in wanted]
    assert actions == [("zhangsan", "登录失败")] * 5 + [("zhangsan", "账户锁定"), ("sysadmin", "解除锁定")]
    assert auditor.verify().ok


def test_only_the_sysadmin_unlocks_and_only_a_locked_account(demo_store, demo_session, clock):  # type: ignore[no-untyped-def]
    lock_out(demo_store)
    with pytest.raises(PermissionDenied):
        AccountService(demo_session("secadmin")).unlock("zhangsan")
    accounts = AccountService(demo_session("sysadmin"))
    with pytest.raises(InvalidInput, match="未被锁定"):
        accounts.unlock("lisi")
    clock.advance(minutes=11)  # the lock ran out by itself: nothing to lift
    assert accounts.lockouts() == {}
    with pytest.raises(InvalidInput, match="未被锁定"):
        accounts.unlock("zhangsan")


def test_the_trail_reads_in_words(demo_session) -> None:  # type: ignore[no-untyped-def]
    secadmin = AccountService(demo_session("secadmin"))
    secadmin.set_policy(PasswordPolicy(min_length=12), cosign())
    secadmin.set_setting("workflow.review_step", "off", cosign())
    lines = AuditService(demo_session("auditor")).lines()
    policy = next(line for line in lines if line.action == "修改安全策略")
    assert policy.target == "安全策略" and "密码最小长度：12" in policy.detail
    setting = next(line for line in lines if line.action == "修改设置")
    assert setting.target == "设置“审核步骤”" and setting.detail == "值：关闭，原值：开启"
    every = " ".join(" ".join(map(str, line.cells())) for line in lines)
    for raw in ("min_length", "workflow.review_step", "form ", "user ", "True", "False", "system"):
        assert raw not in every, raw


def test_export_holds_the_rows_of_the_date_range_in_local_dates(demo_store, demo_session, clock) -> None:  # type: ignore[no-untyped-def]
    AccountService(demo_session("sysadmin")).set_active("zhaoliu", False)
    clock.advance(days=3)
    AccountService(demo_session("sysadmin")).set_active("zhaoliu", True)
    later = local_date(clock.current)
    assert later == local_date(TEST_EPOCH + timedelta(days=3))
    auditor = AuditService(demo_session("auditor"))
    wanted = AuditFilter(start=later, end=later)
    shown = [line for line in auditor.lines() if wanted.keeps(line)]
    assert "启用账户" in [line.action for line in shown] and "停用账户" not in [line.action for line in shown]

    target = demo_store.data_dir / "audit-view.csv"
    count = auditor.export_view(target, wanted)
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["序号", "时间", "用户", "操作", "对象", "结果", "详情"]
    assert count == len(shown) == len(rows) - 1
    assert [int(r[0]) for r in rows[1:]] == sorted((line.seq for line in shown), reverse=True)
    assert all(r[1].startswith(later.isoformat()) for r in rows[1:])
    exported = auditor.entries()[-1]
    assert exported.action == "导出审计日志" and exported.actor == "auditor"
    assert exported.detail == {"筛选": f"{later} 至 {later}", "条数": count}

    with pytest.raises(InvalidInput, match="晚于"):
        auditor.export_view(target, AuditFilter(start=later, end=later - timedelta(days=1)))


def test_a_day_boundary_is_the_units_not_utc(demo_session) -> None:  # type: ignore[no-untyped-def]
    # 23:30 UTC is 07:30 the next day in Beijing: the entry belongs to the next local day
    clock = demo_session("sysadmin").store.clock
    assert isinstance(clock, MutableClock)
    clock.current = TEST_EPOCH.replace(hour=23, minute=30)
    AccountService(demo_session("sysadmin")).set_active("zhaoliu", False)
    line = next(x for x in AuditService(demo_session("auditor")).lines() if x.action == "停用账户")
    assert line.day == TEST_EPOCH.date() + timedelta(days=1) and line.when.endswith("07:30:00")
