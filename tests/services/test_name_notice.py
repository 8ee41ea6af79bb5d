"""Issue 11 item 5: after a password reset, the user's next sign-in shows everything done in their name
since their last own sign-in before the reset; once acknowledged (with the key confirmed) it is gone."""

from __future__ import annotations

from dingmi_desktop.services.accounts import AccountService
from dingmi_desktop.services.name_notice import acknowledge, notice_lines, pending_notice
from tests.fixtures.store import DEMO_PASSWORD, cosign
from tests.services.samples import audit_entries

TEMP = "Reset#Temp2026x"
MINE = "Kv7#Lemon-Tide94"


def _reset_and_act(demo_store, clock) -> None:
    demo_store.sign_in("wangwu", DEMO_PASSWORD).close()  # his last own sign-in before the reset
    clock.advance(minutes=11)
    AccountService(demo_store.sign_in("sysadmin", DEMO_PASSWORD)).reset_password("wangwu", TEMP)
    clock.advance(minutes=11)
    impostor = demo_store.sign_in("wangwu", TEMP)  # whoever knows the temporary password
    impostor.change_password(TEMP, MINE)
    impostor.close()


def test_notice_lists_what_was_done_in_the_name_and_is_shown_once(demo_store, clock):
    assert pending_notice(demo_store.sign_in("wangwu", DEMO_PASSWORD)) is None  # no reset: no notice
    _reset_and_act(demo_store, clock)
    clock.advance(minutes=11)
    # the impostor's acknowledgement, with the reset key still unconfirmed, does not end the notice
    impostor = demo_store.sign_in("wangwu", MINE)
    notice = pending_notice(impostor)
    assert notice is not None and not notice.key_confirmed
    acknowledge(impostor, notice)
    AccountService(demo_store.sign_in("sysadmin", DEMO_PASSWORD)).confirm_key("wangwu", cosign())
    clock.advance(minutes=11)
    session = demo_store.sign_in("wangwu", MINE)
    notice = pending_notice(session)
    assert notice is not None and notice.key_confirmed and notice.reset_by == ("sysadmin",)
    actions = [e.action for e in notice.entries]
    assert actions == ["登录", "修改密码", "登录", "阅知代为操作记录"], actions
    text = "\n".join(notice_lines(notice))
    assert "被 sysadmin 重置" in text and "共 4 项" in text
    acknowledge(session, notice)
    ack = [e for e in audit_entries(demo_store) if e.action == "阅知代为操作记录"]
    assert [e.actor for e in ack] == ["wangwu", "wangwu"]
    assert pending_notice(demo_store.sign_in("wangwu", MINE)) is None


def test_cli_prints_the_notice_on_stderr_once(demo_store, store_dir, clock, monkeypatch, capsys):
    from dingmi_desktop.cli import main

    _reset_and_act(demo_store, clock)
    AccountService(demo_store.sign_in("sysadmin", DEMO_PASSWORD)).confirm_key("wangwu", cosign())
    demo_store.close()
    monkeypatch.setenv("DINGMI_PASSWORD", MINE)
    capsys.readouterr()
    assert main(["--data-dir", str(store_dir), "form", "list", "--user", "wangwu"]) == 0
    err = capsys.readouterr().err
    assert "以您的名义进行的操作" in err and "被 sysadmin 重置" in err and "修改密码" in err
    assert main(["--data-dir", str(store_dir), "form", "list", "--user", "wangwu"]) == 0
    assert "以您的名义进行的操作" not in capsys.readouterr().err
