"""The office's 首页 list of copies given out and not returned (copy events of the print register)."""

from __future__ import annotations

import pytest

from dingmi_desktop.services.accounts import AccountService
from dingmi_desktop.services.copy_fate import CopyEventRequest, CopyFateService
from dingmi_desktop.services.office_desk import OfficeDeskService
from dingmi_desktop.storage import InvalidInput, PermissionDenied
from dingmi_desktop.storage.settings_decl import EXPIRING_WINDOW_SETTING
from tests.services.samples import Users, audit_entries
from tests.services.test_register_export import _printed


def test_copies_out_are_those_distributed_and_not_recalled(users: Users, clock) -> None:  # type: ignore[no-untyped-def]
    form_id, job = _printed(users)
    clock.advance(days=1)
    desk = OfficeDeskService(users["wangwu"].session)
    assert desk.copies_out() == []  # printed, all in the office
    today = users["wangwu"].session.today()
    fate = CopyFateService(users["wangwu"].session)
    fate.record(CopyEventRequest(job, "分发", 1, 2, today, party="业务处 李四"))
    fate.record(CopyEventRequest(job, "分发", 3, 3, today, party="财务处 赵六"))
    fate.record(CopyEventRequest(job, "收回", 2, 2, today, party="李四"))
    [out] = desk.copies_out()
    assert (out.form_id, out.print_id, out.numbers) == (form_id, job, (1, 3))
    assert (out.parties, out.since, out.numbers_text()) == (
        "业务处 李四、财务处 赵六",
        today.isoformat(),
        "000001、000003",
    )
    fate.record(CopyEventRequest(job, "收回", 1, 1, today, party="李四"))
    fate.record(CopyEventRequest(job, "收回", 3, 3, today, party="赵六"))
    assert desk.copies_out() == []


def test_a_drafter_is_refused_and_audited(users: Users) -> None:
    with pytest.raises(PermissionDenied):
        OfficeDeskService(users["zhangsan"].session).copies_out()
    refusals = [e for e in audit_entries(users.store) if e.action == "查阅未收回份数"]
    assert [(e.actor, e.result) for e in refusals] == [("zhangsan", "拒绝")]


def test_the_expiring_window_is_the_setting_the_security_admin_changes(users: Users) -> None:
    desk = OfficeDeskService(users["wangwu"].session)
    assert desk.expiring_window() == 30  # the declared default
    secadmin = AccountService(users["secadmin"].session)
    secadmin.set_setting(EXPIRING_WINDOW_SETTING, "60")
    assert desk.expiring_window() == 60
    for bad in ("0", "366", "三十", "-5", "６０"):
        with pytest.raises(InvalidInput, match="1 到 365 之间的整数"):
            secadmin.set_setting(EXPIRING_WINDOW_SETTING, bad)
    assert desk.expiring_window() == 60
    with pytest.raises(PermissionDenied):
        AccountService(users["wangwu"].session).set_setting(EXPIRING_WINDOW_SETTING, "90")
    [change] = [
        e for e in audit_entries(users.store) if e.object_id == EXPIRING_WINDOW_SETTING and e.result == "成功"
    ]
    assert (change.actor, change.detail["值"], change.detail["原值"]) == ("secadmin", "60", "30")
