"""A refused password says how many attempts are left before lockout, for a known account only."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.storage import AccountLocked, WrongPassword
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.store import Store


def _refused(store, username: str) -> WrongPassword:  # type: ignore[no-untyped-def]
    with pytest.raises(WrongPassword) as err:
        store.sign_in(username, "bad")
    return err.value


def test_wrong_password_counts_down_the_attempts_left(demo_store) -> None:  # type: ignore[no-untyped-def]
    left = [_refused(demo_store, "lisi").attempts_left for _ in range(4)]
    assert left == [4, 3, 2, 1]
    with pytest.raises(AccountLocked):  # the fifth failure locks instead of counting
        demo_store.sign_in("lisi", "bad")


def test_the_count_starts_afresh_after_a_successful_sign_in(demo_store) -> None:  # type: ignore[no-untyped-def]
    _refused(demo_store, "zhangsan")
    _refused(demo_store, "zhangsan")
    demo_store.sign_in("zhangsan", DEMO_PASSWORD)
    error = _refused(demo_store, "zhangsan")
    assert error.attempts_left == 4
    assert error.lock_minutes == 10


def test_unknown_user_is_counted_and_locked_like_an_account(demo_store) -> None:  # type: ignore[no-untyped-def]
    known = [_refused(demo_store, "lisi") for _ in range(4)]
    unknown = [_refused(demo_store, "nobody") for _ in range(4)]
    assert [e.attempts_left for e in unknown] == [e.attempts_left for e in known] == [4, 3, 2, 1]
    assert {e.message for e in unknown} == {e.message for e in known} == {"用户名或密码错误。"}
    assert {e.lock_minutes for e in unknown} == {10}
    with pytest.raises(AccountLocked) as locked_known:
        demo_store.sign_in("lisi", "bad")
    with pytest.raises(AccountLocked) as locked_unknown:
        demo_store.sign_in("nobody", "bad")
    assert locked_known.value.message == locked_unknown.value.message


def test_unknown_lock_survives_a_restart(demo_store, store_dir, clock) -> None:  # type: ignore[no-untyped-def]
    for _ in range(4):
        _refused(demo_store, "nobody")
    with pytest.raises(AccountLocked):
        demo_store.sign_in("nobody", "bad")
    demo_store.close()
    with Store.open(store_dir, clock=clock) as again, pytest.raises(AccountLocked):
        again.sign_in("nobody", DEMO_PASSWORD)
    clock.advance(minutes=11)
    with Store.open(store_dir, clock=clock) as later:
        assert _refused(later, "nobody").attempts_left == 4  # the lock ran out: counted afresh


def test_a_typed_name_is_never_stored(demo_store, store_dir) -> None:  # type: ignore[no-untyped-def]
    typed = "Wo-de-Mima#2026"  # a password typed into the name field
    _refused(demo_store, typed)
    assert typed.encode() not in (store_dir / "keyslots.json").read_bytes()
    demo_store.sign_in("auditor", DEMO_PASSWORD)
    with demo_store.orm_transaction() as orm:
        rows = list(orm.scalars(select(t.AuditEntry).where(t.AuditEntry.action == "登录失败")))
    assert [r.actor for r in rows] == ["未知账户"]
    assert all(typed not in f"{r.object_id}{r.detail}" for r in rows)


def test_editing_the_file_during_a_session_does_not_lift_a_lock(demo_store, store_dir) -> None:  # type: ignore[no-untyped-def]
    for _ in range(4):
        _refused(demo_store, "lisi")
    with pytest.raises(AccountLocked):
        demo_store.sign_in("lisi", "bad")
    path = store_dir / "keyslots.json"
    edited = json.loads(path.read_text("utf-8"))
    edited["lockout"] = {}
    path.write_text(json.dumps(edited, ensure_ascii=False), "utf-8")
    with pytest.raises(AccountLocked):  # the running program keeps its own count
        demo_store.sign_in("lisi", DEMO_PASSWORD)
