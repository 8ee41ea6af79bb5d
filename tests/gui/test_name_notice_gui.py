"""Issue 11 item 5 in the window: the first sign-in after a reset shows what was done in the user's name;
我已阅知 is audited and the next sign-in does not show it again; 稍后再看 keeps it."""

from __future__ import annotations

from dingmi_desktop.services.accounts import AccountService
from dingmi_desktop.services.name_notice import pending_notice
from dingmi_desktop.ui.dialogs.name_notice import NameNoticeDialog
from tests.fixtures.store import DEMO_PASSWORD, cosign
from tests.services.samples import audit_entries

TEMP = "Reset#Temp2026x"
MINE = "Kv7#Lemon-Tide94"


def _reset_behind_the_back(store, clock) -> None:  # type: ignore[no-untyped-def]
    store.sign_in("wangwu", DEMO_PASSWORD).close()
    clock.advance(minutes=11)
    AccountService(store.sign_in("sysadmin", DEMO_PASSWORD)).reset_password("wangwu", TEMP)
    impostor = store.sign_in("wangwu", TEMP)
    impostor.change_password(TEMP, MINE)
    AccountService(store.sign_in("sysadmin", DEMO_PASSWORD)).confirm_key("wangwu", cosign())
    clock.advance(minutes=11)


def test_notice_after_reset_is_acknowledged_once(gui, clock):  # type: ignore[no-untyped-def]
    gui.wait_sign_in()
    store = gui.controller.backend.store
    _reset_behind_the_back(store, clock)
    NameNoticeDialog.set_next_answer(False)  # 稍后再看: nothing recorded, shown again
    gui.sign_in("wangwu", MINE)
    gui.qtbot.waitUntil(lambda: not NameNoticeDialog._answers, timeout=20_000)
    gui.idle()
    assert not [e for e in audit_entries(store) if e.action == "阅知代为操作记录"]
    NameNoticeDialog.set_next_answer(True)  # 我已阅知
    gui.switch_to("wangwu", MINE)
    gui.qtbot.waitUntil(lambda: not NameNoticeDialog._answers, timeout=20_000)
    gui.idle()
    acks = [e for e in audit_entries(store) if e.action == "阅知代为操作记录"]
    assert [a.actor for a in acks] == ["wangwu"]
    assert pending_notice(store.sign_in("wangwu", MINE)) is None


def test_dialog_lists_the_entries(qtbot, gui, clock):  # type: ignore[no-untyped-def]
    gui.wait_sign_in()
    store = gui.controller.backend.store
    _reset_behind_the_back(store, clock)
    from dingmi_desktop.services.name_notice import notice_lines

    notice = pending_notice(store.sign_in("wangwu", MINE))
    dialog = NameNoticeDialog(notice, notice_lines(notice))
    qtbot.addWidget(dialog)
    items = [dialog.entries.item(i).text() for i in range(dialog.entries.count())]
    assert any("修改密码" in item for item in items) and any("登录" in item for item in items)


def test_signature_badge_tells_a_key_made_at_a_reset(qtbot, demo_store, clock):  # type: ignore[no-untyped-def]
    from dingmi_desktop.services.forms import FormServices
    from dingmi_desktop.ui.widgets.history_view import HistoryEntryCard
    from tests.services.samples import Users

    _reset_behind_the_back(demo_store, clock)
    users = Users(demo_store)
    form_id = users.to_approval()
    wangwu = FormServices(demo_store.sign_in("wangwu", MINE))
    content_hash = users.content_hash(form_id, "lisi")
    wangwu.review.approve(form_id, password=MINE, content_hash=content_hash, opinion="同意")
    entries = [e for e in wangwu.history.view(form_id).history if e.signed]
    assert [e.key_origin for e in entries] == ["first_run", "first_run", "reset"]
    card = HistoryEntryCard(entries[-1])
    qtbot.addWidget(card)
    tip = card.badge.toolTip()
    assert card.badge.text() == "签名有效" and "密码被重置后生成" in tip and "证书签发于" in tip
    assert "建库时生成" in HistoryEntryCard(entries[0]).badge.toolTip()
