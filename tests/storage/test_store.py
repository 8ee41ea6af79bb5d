"""Creating, opening and signing in to a real SQLCipher store; lockout; password change; one process."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from dingmi_desktop.security.kdf import KdfParams
from dingmi_desktop.storage import (
    AccountLocked,
    InvalidInput,
    PasswordChangeRequired,
    PasswordPolicyError,
    StoreBusy,
    StoreExists,
    StoreNotFound,
    WrongPassword,
)
from dingmi_desktop.storage.store import Store
from tests import clocked
from tests.fixtures.store import ADMIN_PASSWORD, DEMO_PASSWORD, TEST_EPOCH, admin_store

REPO = Path(__file__).resolve().parents[2]


def test_create_makes_private_files_and_admin_accounts(new_store, store_dir):
    assert stat.S_IMODE(store_dir.stat().st_mode) == 0o700
    for path in store_dir.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    session = new_store.sign_in("sysadmin", ADMIN_PASSWORD)
    assert session.user.roles == {"系统管理员"}
    assert session.must_change_password
    with pytest.raises(PasswordChangeRequired), session.transaction():
        pass


def test_unit_name_is_readable_before_sign_in(new_store, store_dir):
    new_store.close()
    with Store.open(store_dir) as store:
        assert (store.unit_name, store.authority) == ("测试单位", "机密")


def test_create_refuses_existing_directory_and_bad_input(new_store, store_dir, tmp_path):
    before = {p.name: p.read_bytes() for p in store_dir.iterdir()}
    with pytest.raises(StoreExists):
        Store.create(store_dir, unit_name="x", authority="机密", kdf=KdfParams.FLOOR)
    assert {p.name: p.read_bytes() for p in store_dir.iterdir()} == before
    with pytest.raises(InvalidInput):
        Store.create(tmp_path / "o", unit_name="x", authority="内部", kdf=KdfParams.FLOOR)
    with pytest.raises(InvalidInput):
        Store.create(tmp_path / "o", unit_name=" ", authority="机密", kdf=KdfParams.FLOOR)


def test_open_missing_store(tmp_path):
    with pytest.raises(StoreNotFound) as err:
        Store.open(tmp_path / "nothing")
    assert "dingmi init" in err.value.message


def test_wrong_password_and_unknown_user_look_the_same(demo_store):
    with pytest.raises(WrongPassword) as a:
        demo_store.sign_in("zhangsan", "nope")
    with pytest.raises(WrongPassword) as b:
        demo_store.sign_in("nobody", "nope")
    assert a.value.message == b.value.message == "用户名或密码错误。"


def test_lockout_after_failures_survives_restart_and_expires(demo_store, store_dir, clock):
    for _ in range(4):
        with pytest.raises(WrongPassword):
            demo_store.sign_in("lisi", "bad")
    with pytest.raises(AccountLocked) as locked:
        demo_store.sign_in("lisi", "bad")
    assert "10 分 0 秒" in locked.value.message
    demo_store.close()
    store = Store.open(store_dir, clock=clock)  # a restart: the counter lives in the slot file
    clock.advance(minutes=4)
    with pytest.raises(AccountLocked) as still:
        store.sign_in("lisi", DEMO_PASSWORD)  # even the right password is refused while locked
    assert "6 分 0 秒" in still.value.message
    assert still.value.remaining.total_seconds() == pytest.approx(360, abs=1)
    clock.advance(minutes=7)
    assert store.sign_in("lisi", DEMO_PASSWORD).user.username == "lisi"
    store.close()


def test_success_resets_failure_count(demo_store):
    for _ in range(4):
        with pytest.raises(WrongPassword):
            demo_store.sign_in("lisi", "bad")
    demo_store.sign_in("lisi", DEMO_PASSWORD)
    for _ in range(4):
        with pytest.raises(WrongPassword):
            demo_store.sign_in("lisi", "bad")
    demo_store.sign_in("lisi", DEMO_PASSWORD)


def test_failures_and_locks_reach_the_audit_trail(demo_store, demo_session):
    for _ in range(5):
        with pytest.raises((WrongPassword, AccountLocked)):
            demo_store.sign_in("zhaoliu", "bad")
    from dingmi_desktop.services.accounts import AuditService

    entries = AuditService(demo_session("auditor")).entries()
    mine = [(e.action, e.result) for e in entries if e.actor == "zhaoliu"]
    assert mine.count(("登录失败", "失败")) == 5
    assert ("账户锁定", "成功") in mine
    assert AuditService(demo_session("auditor")).verify().ok


def test_waiting_audit_events_are_written_once(demo_store, demo_session, store_dir, clock):
    from dingmi_desktop.services.accounts import AuditService

    session = demo_session("wangwu")
    with pytest.raises(WrongPassword):
        session.reauthenticate("bad")  # waits in the slot file
    with pytest.raises(RuntimeError), session.transaction():
        raise RuntimeError("rolled back: the event must keep waiting")
    with session.transaction():
        pass  # appended here, and dropped from the slot file
    assert json.loads((store_dir / "keyslots.json").read_text("utf-8"))["pending_audit"] == []
    demo_store.close()
    with Store.open(store_dir, clock=clock) as store:
        entries = AuditService(store.sign_in("auditor", DEMO_PASSWORD)).entries()
    assert [(e.actor, e.action) for e in entries].count(("wangwu", "登录失败")) == 1


def test_change_password(new_store, store_dir):
    session = new_store.sign_in("secadmin", ADMIN_PASSWORD)
    with pytest.raises(PasswordPolicyError) as weak:
        session.change_password(ADMIN_PASSWORD, "short")
    assert "长度至少 10 位" in weak.value.message
    with pytest.raises(PasswordPolicyError):
        session.change_password(ADMIN_PASSWORD, ADMIN_PASSWORD)
    with pytest.raises(WrongPassword):
        session.change_password("wrong-old", "Better#Pass2026")
    session.change_password(ADMIN_PASSWORD, "Better#Pass2026")
    assert not session.must_change_password
    with session.transaction() as tx:
        assert tx.actor.username == "secadmin"
    with pytest.raises(WrongPassword):
        new_store.sign_in("secadmin", ADMIN_PASSWORD)
    assert not new_store.sign_in("secadmin", "Better#Pass2026").must_change_password
    slots = json.loads((store_dir / "keyslots.json").read_text("utf-8"))
    assert slots["slots"]["secadmin"]["must_change"] is False
    assert slots["slots"]["sysadmin"]["must_change"] is True


def test_password_expires_after_max_age(demo_store, demo_session, clock):
    session = demo_session("zhangsan")
    assert not session.must_change_password
    clock.advance(days=91)
    assert session.must_change_password


def test_lock_drops_the_key_and_sign_in_reopens(demo_store):
    demo_store.sign_in("zhangsan", DEMO_PASSWORD)
    demo_store.lock()
    with pytest.raises(WrongPassword):
        demo_store.data_key  # noqa: B018
    assert demo_store.sign_in("lisi", DEMO_PASSWORD).user.username == "lisi"


def test_second_process_gets_a_clear_message(demo_store, store_dir):
    code = (
        "import sys\n"
        "from dingmi_desktop.storage import Store, StoreBusy\n"
        "try:\n"
        f"    Store.open({str(store_dir)!r})\n"
        "except StoreBusy as exc:\n"
        "    print(exc.message); sys.exit(7)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", clocked.prelude(TEST_EPOCH) + code],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 7, result.stderr
    assert "正被另一个定密桌面程序使用" in result.stdout
    with pytest.raises(StoreBusy):  # and the same within one process
        Store.open(store_dir)
    demo_store.close()
    Store.open(store_dir).close()  # released on close


def test_session_usable_from_another_single_thread(demo_store):
    import threading

    out: dict[str, object] = {}

    def worker() -> None:
        session = demo_store.sign_in("zhangsan", DEMO_PASSWORD)
        with session.transaction() as tx:
            out["count"] = tx.forms.count()

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert out["count"] == 3


def test_files_created_are_private_even_with_open_umask(tmp_path, clock):
    old = os.umask(0o022)
    try:
        store = admin_store(tmp_path / "s", clock, unit_name="单位")
        store.sign_in("sysadmin", ADMIN_PASSWORD)
        for path in (tmp_path / "s").iterdir():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        store.close()
    finally:
        os.umask(old)
