"""A refused password says how many attempts are left before lockout, for a known account only."""

from __future__ import annotations

import pytest

from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.storage import AccountLocked, WrongPassword


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


def test_unknown_user_gets_the_generic_message_and_no_count(demo_store) -> None:  # type: ignore[no-untyped-def]
    known = _refused(demo_store, "zhangsan")
    unknown = _refused(demo_store, "nobody")
    assert unknown.attempts_left is None
    assert unknown.message == known.message == "用户名或密码错误。"
