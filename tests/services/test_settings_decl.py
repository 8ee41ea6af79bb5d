"""The declaration table of settings: each setting's default, its out-of-range refusal in Chinese, who may
change it, whether a second 三员 co-signs, and the audit entry its change leaves."""

from __future__ import annotations

import pytest

from dingmi_desktop.security.passwords import POLICY_NUMBERS, PasswordPolicy
from dingmi_desktop.services.accounts import AccountService
from dingmi_desktop.services.cosign import CosignerRequired
from dingmi_desktop.storage import InvalidInput, PermissionDenied
from dingmi_desktop.storage.calendar_setting import EMPTY
from dingmi_desktop.storage.certs import POWER_SETTINGS
from dingmi_desktop.storage.settings_decl import BY_KEY, DECLARED, SettingDecl
from tests.fixtures.store import cosign
from tests.services.samples import audit_entries

# key → (a value inside the declared range, one outside it)
VALUES = {
    "audit.hash_algorithm": ("sm3", "md5"),
    "workflow.review_step": ("off", "maybe"),
    "print.watermark": ("on", "yes"),
    "calendar.days": (EMPTY, "{not json"),
    "unit.time_zone": ("UTC", "Mars/Olympus"),
    "unit.kind": ("中央国家机关", "乡镇"),
    "office.expiring_window_days": ("60", "366"),
}


def test_every_declared_setting_has_test_values() -> None:
    assert set(VALUES) == set(BY_KEY)
    assert (
        set(POWER_SETTINGS)
        == {d.key for d in DECLARED if d.cosigned}
        == {
            "workflow.review_step",
            "print.watermark",
        }
    )


@pytest.mark.parametrize("decl", DECLARED, ids=lambda d: d.key)
def test_declared_setting_default_range_who_and_audit(demo_store, demo_session, decl: SettingDecl) -> None:  # type: ignore[no-untyped-def]
    good, bad = VALUES[decl.key]
    secadmin = AccountService(demo_session("secadmin"))
    stored_default = secadmin.setting(decl.key)
    assert decl.valid(stored_default) and decl.valid(decl.default)
    assert not decl.valid(bad)

    with pytest.raises(InvalidInput) as refused:
        secadmin.set_setting(decl.key, bad, cosign())
    assert (
        decl.name in refused.value.message
        and "无效" in refused.value.message
        and bad in refused.value.message
    )

    for who in ("zhangsan", "sysadmin", "auditor"):
        with pytest.raises(PermissionDenied):
            AccountService(demo_session(who)).set_setting(decl.key, good, cosign())
    if decl.cosigned:
        with pytest.raises(CosignerRequired):
            secadmin.set_setting(decl.key, good)
    assert secadmin.setting(decl.key) == stored_default  # nothing refused was stored

    secadmin.set_setting(decl.key, good, cosign() if decl.cosigned else None)
    assert secadmin.setting(decl.key) == good
    entries = [e for e in audit_entries(demo_store) if e.object_id == decl.key]
    assert [e.result for e in entries] == ["拒绝"] * (5 if decl.cosigned else 4) + ["成功"]
    assert all(e.action == decl.audit_action for e in entries)
    last = entries[-1]
    assert last.actor == "secadmin" and last.detail["值"] == good


def test_an_unknown_setting_is_refused_and_names_the_known_ones(demo_session) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput, match=r"未知的设置项：print\.colour.*workflow\.review_step"):
        AccountService(demo_session("secadmin")).set_setting("print.colour", "on")


def test_policy_numbers_are_declared_once_with_their_ranges() -> None:
    assert [n.field for n in POLICY_NUMBERS] == list(PasswordPolicy.__dataclass_fields__)
    assert PasswordPolicy().problems() == []
    for number in POLICY_NUMBERS:
        too_low = PasswordPolicy(**{number.field: number.low - 1})
        assert too_low.problems() == [number.problem(number.low - 1)]
        assert number.name in too_low.problems()[0] and f"现为 {number.low - 1}" in too_low.problems()[0]
        assert PasswordPolicy(**{number.field: number.high + 1}).problems()
        assert PasswordPolicy(**{number.field: number.high}).problems() == []


def test_an_out_of_range_policy_is_refused_in_chinese_and_audited(demo_store, demo_session) -> None:  # type: ignore[no-untyped-def]
    secadmin = AccountService(demo_session("secadmin"))
    with pytest.raises(InvalidInput, match="空闲锁定时间须在 1 到 240 分钟之间（现为 500）"):
        secadmin.set_policy(PasswordPolicy(idle_lock_minutes=500), cosign())
    last = [e for e in audit_entries(demo_store) if e.action == "修改安全策略"][-1]
    assert (last.action, last.result, last.actor) == ("修改安全策略", "拒绝", "secadmin")
