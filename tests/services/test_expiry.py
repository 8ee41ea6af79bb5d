"""The expiry pass: 期满自行解密 once, as of each item's own 解密日, across restarts and clock changes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text

from dingmi_desktop.domain.expiry import ClockVerdict
from dingmi_desktop.domain.workflow import Status
from dingmi_desktop.services.expiry import ExpiryService
from dingmi_desktop.storage import PermissionDenied, Store, WrongPassword
from dingmi_desktop.storage.expiry_repo import ExpiryRepository
from tests.fixtures.store import TEST_TODAY
from tests.services.samples import PASSWORD, Users, audit_entries, content, form_from_json

UNTIL = TEST_TODAY + timedelta(days=7)  # item A: 解密时间 a week ahead
MONTH = date(TEST_TODAY.year + (TEST_TODAY.month == 12), TEST_TODAY.month % 12 + 1, TEST_TODAY.day)  # item B


def decided(users: Users, period: dict[str, object]) -> int:
    f = form_from_json(content(period=period, start_date=TEST_TODAY.isoformat()))
    form_id = users.to_approval(f)
    users.approve(form_id)
    return form_id


def status(users: Users, form_id: int) -> str:
    return users["wangwu"].history.view(form_id).summary.status.value


def expiry_entries(store: Store, form_id: int) -> list[str]:
    return [
        e.result for e in audit_entries(store) if e.action == "期满自行解密" and e.object_id == str(form_id)
    ]


@pytest.fixture
def two_items(users: Users) -> tuple[int, int]:
    return decided(users, {"until": UNTIL.isoformat()}), decided(users, {"months": 1})


def test_each_item_expires_once_as_of_its_own_date_across_restarts(  # type: ignore[no-untyped-def]
    users: Users, two_items, clock, store_dir
) -> None:
    a, b = two_items
    service = ExpiryService(users["zhangsan"].session)  # any business user's sign-in runs the pass
    assert service.run().expired == ()
    clock.advance(days=10)  # past A's date, before B's
    result = service.run()
    assert [d.form_id for d in result.expired] == [a]
    assert result.expired[0].declassify_on == UNTIL
    assert "解密时间" in result.expired[0].reason
    assert (status(users, a), status(users, b)) == (Status.DECLASSIFIED.value, Status.DECIDED.value)
    assert service.run().expired == ()  # a second pass finds nothing left
    users.store.close()  # restart: reopen the store, a new session runs the pass again
    with Store.open(store_dir, clock=clock) as store:
        again = ExpiryService(store.sign_in("lisi", PASSWORD))
        assert again.run().expired == ()
        clock.advance(days=25)  # past B's date (and the day after)
        [late] = again.run().expired
        assert (late.form_id, late.declassify_on) == (b, MONTH)  # recorded as its date, not the day it ran
        assert "保密期限1个月" in late.reason
        with store.sign_in("wangwu", PASSWORD).transaction() as tx:
            recorded = ExpiryRepository(tx.orm).expiry(a)
        assert recorded is not None and recorded[:2] == (UNTIL, "期满自行解密")
        assert expiry_entries(store, a) == ["成功"] and expiry_entries(store, b) == ["成功"]


def test_a_limited_pass_takes_the_oldest_first_and_says_whether_more_are_due(  # type: ignore[no-untyped-def]
    users: Users, two_items, clock
) -> None:
    a, b = two_items
    service = ExpiryService(users["wangwu"].session)
    clock.advance(days=40)  # both due: A (a week) before B (a month); the clock gap needs the officer
    assert service.run(limit=1).held
    first = service.run(limit=1, confirm_password=PASSWORD, note="已与北京时间核对")
    assert [d.form_id for d in first.expired] == [a] and first.more
    assert (status(users, a), status(users, b)) == (Status.DECLASSIFIED.value, Status.DECIDED.value)
    second = service.run(limit=1)
    assert [d.form_id for d in second.expired] == [b] and not second.more
    assert service.run(limit=1).expired == () and not service.run(limit=5).more
    assert expiry_entries(users.store, a) == expiry_entries(users.store, b) == ["成功"]


def test_clock_set_back_undoes_nothing_and_repeats_nothing(users: Users, two_items, clock) -> None:  # type: ignore[no-untyped-def]
    a, _ = two_items
    service = ExpiryService(users["wangwu"].session)
    clock.advance(days=10)
    assert [d.form_id for d in service.run().expired] == [a]
    clock.advance(days=-5)  # before A's date, and before the last pass
    back = service.run()
    assert back.verdict is ClockVerdict.BACK and back.expired == ()
    assert "早于上次解密检查" in back.message()
    assert status(users, a) == Status.DECLASSIFIED.value  # nothing undone
    clock.advance(days=6)  # forward again, past the watermark
    assert service.run().expired == ()  # nothing repeated
    assert expiry_entries(users.store, a) == ["成功"]
    held = [e for e in audit_entries(users.store) if e.action == "自动解密暂停"]
    assert [(e.result, e.detail["原因"]) for e in held] == [("拒绝", "时钟倒退")]


def test_clock_jumped_forward_waits_for_the_officer(users: Users, two_items, clock) -> None:  # type: ignore[no-untyped-def]
    a, b = two_items
    service = ExpiryService(users["zhangsan"].session)
    service.run()  # the watermark: now
    clock.advance(days=40)  # an insider moves the clock far ahead
    held = service.run()
    assert held.verdict is ClockVerdict.JUMPED and held.expired == ()
    assert [d.form_id for d in held.waiting] == [a, b]
    assert "已到期待确认" in held.message()
    assert (status(users, a), status(users, b)) == (Status.DECIDED.value, Status.DECIDED.value)
    assert service.run().verdict is ClockVerdict.JUMPED  # still held on the next sign-in
    with pytest.raises(PermissionDenied, match="定密责任人"):
        service.run(confirm_password=PASSWORD)  # a drafter cannot confirm
    officer = ExpiryService(users["wangwu"].session)
    with pytest.raises(WrongPassword):
        officer.run(confirm_password="wrong-password-1")
    assert status(users, a) == Status.DECIDED.value
    done = officer.run(confirm_password=PASSWORD)
    assert [(d.form_id, d.declassify_on) for d in done.expired] == [(a, UNTIL), (b, MONTH)]
    assert service.run().verdict is ClockVerdict.OK  # the watermark moved with the confirmed pass
    actions = [(e.action, e.actor) for e in audit_entries(users.store) if e.action == "确认系统时间"]
    assert actions == [("确认系统时间", "wangwu")]


def test_dry_run_shows_what_and_why_and_writes_nothing(users: Users, two_items, clock) -> None:  # type: ignore[no-untyped-def]
    a, _ = two_items
    clock.advance(days=8)
    officer = ExpiryService(users["wangwu"].session)
    preview = officer.preview()
    assert preview.dry_run and [d.form_id for d in preview.waiting] == [a]
    assert preview.waiting[0].reason == f"标明的解密时间{UNTIL.year}年{UNTIL.month}月{UNTIL.day}日已到"
    assert status(users, a) == Status.DECIDED.value
    assert expiry_entries(users.store, a) == []
    with users["wangwu"].session.transaction() as tx:
        assert ExpiryRepository(tx.orm).expiry(a) is None
    with pytest.raises(PermissionDenied):
        ExpiryService(users["zhangsan"].session).preview()  # a drafter does not see every item


def test_administrators_do_not_run_the_pass(users: Users) -> None:
    admin = ExpiryService(users.store.sign_in("sysadmin", PASSWORD))
    with pytest.raises(PermissionDenied):
        admin.run()


def test_a_second_record_of_the_same_item_is_refused_by_the_store(users: Users, two_items, clock) -> None:  # type: ignore[no-untyped-def]
    a, _ = two_items
    clock.advance(days=10)
    ExpiryService(users["wangwu"].session).run()
    with users["lisi"].session.transaction() as tx:  # another process racing: the key and the guard hold
        repo = ExpiryRepository(tx.orm)
        assert repo.declassify(a, UNTIL, "期满自行解密", clock(), "lisi") is False
        assert repo.due(TEST_TODAY + timedelta(days=10)) == []
    with pytest.raises(Exception, match="append-only"), users["lisi"].session.transaction() as tx:
        tx.orm.execute(text("DELETE FROM expiries WHERE form_id = :id"), {"id": a})
