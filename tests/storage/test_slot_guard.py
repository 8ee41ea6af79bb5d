"""The key-slot file is not believed after sign-in: its header, its pending audit entries and their numbering
are checked against the database; tampering is audited, repaired where it can be, and reported by check."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from dingmi_desktop.services.demo import DEMO_AUTHORITY, DEMO_UNIT
from dingmi_desktop.storage import WrongPassword
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.integrity import verify_trail
from dingmi_desktop.storage.maintenance import check_read_only
from dingmi_desktop.storage.slot_guard import FORGED, HEADER_TAMPERED, ROLLED_BACK
from dingmi_desktop.storage.store import Store
from tests.fixtures.store import DEMO_PASSWORD

LISI_FAILED = {"actor": "lisi", "action": "登录失败", "result": "失败"}


def _edit(store_dir: Path, change: Callable[[dict[str, Any]], None]) -> None:
    path = store_dir / "keyslots.json"
    obj = json.loads(path.read_text("utf-8"))
    change(obj)
    path.write_text(json.dumps(obj, ensure_ascii=False), "utf-8")


def _actions(store: Store, *actions: str) -> list[t.AuditEntry]:
    with store.orm_transaction() as orm:
        query = select(t.AuditEntry).where(t.AuditEntry.action.in_(actions)).order_by(t.AuditEntry.seq)
        return list(orm.scalars(query))


def _problems(store: Store) -> list[str]:
    with store.orm_transaction() as orm:
        return verify_trail(orm, store.slots).problems


def _fail(store: Store, username: str, times: int = 1) -> None:
    for _ in range(times):
        with pytest.raises(WrongPassword):
            store.sign_in(username, "bad")


def test_an_untouched_store_has_nothing_to_report(demo_store):
    _fail(demo_store, "lisi", 2)
    _fail(demo_store, "nobody")
    demo_store.sign_in("auditor", DEMO_PASSWORD)
    assert _actions(demo_store, FORGED, HEADER_TAMPERED, ROLLED_BACK) == []
    assert len(_actions(demo_store, "登录失败")) == 3
    assert _problems(demo_store) == []


def test_an_edited_header_is_audited_rewritten_and_not_believed(demo_store, store_dir, clock):
    assert DEMO_AUTHORITY == "机密"
    demo_store.close()

    def raise_authority(obj: dict[str, Any]) -> None:
        obj["header"]["authority"] = "绝密"
        obj["header"]["unit_name"] = "别的单位"
        obj["header"]["lockout"]["lock_after_failures"] = 100

    _edit(store_dir, raise_authority)
    with Store.open(store_dir, clock=clock) as store:
        assert store.authority == "绝密"  # the login screen shows the header, nothing decides by it
        store.sign_in("zhangsan", DEMO_PASSWORD)
        assert (store.authority, store.unit_name) == ("机密", DEMO_UNIT)
        assert store.slots.lock_after_failures == 5
        [entry] = _actions(store, HEADER_TAMPERED)
        assert "绝密→机密" in entry.detail and "100→5" in entry.detail
        assert any(HEADER_TAMPERED in p for p in _problems(store))
    header = json.loads((store_dir / "keyslots.json").read_text("utf-8"))["header"]
    assert (header["authority"], header["unit_name"], header["lockout"]["lock_after_failures"]) == (
        "机密",
        DEMO_UNIT,
        5,
    )


@pytest.mark.parametrize(
    ("entry", "why"),
    [
        ({"actor": "wangwu", "action": "批准", "result": "成功"}, "不是登录前可能发生的操作"),
        ({"actor": "mallory", "action": "登录失败", "result": "失败"}, "操作者不是本系统的账户"),
        (
            {"actor": "lisi", "action": "登录失败", "result": "失败", "time": "2020-01-01T00:00:00+00:00"},
            "早于",
        ),
        (
            {"actor": "lisi", "action": "登录失败", "result": "失败", "time": "2099-01-01T00:00:00+00:00"},
            "晚于",
        ),
        ({"actor": "system", "action": "登录失败", "result": "失败"}, "操作者与操作不符"),
    ],
)
def test_a_forged_pending_entry_is_refused_and_reported(demo_store, store_dir, clock, entry, why):
    demo_store.close()
    clock.advance(minutes=1)
    now = clock().isoformat()

    def inject(obj: dict[str, Any]) -> None:
        number = obj.get("pending_next", 1)
        obj["pending_audit"].append({"n": str(number), "time": now} | entry)
        obj["pending_next"] = number + 1

    _edit(store_dir, inject)
    clock.advance(minutes=1)
    with Store.open(store_dir, clock=clock) as store:
        store.sign_in("zhangsan", DEMO_PASSWORD)
        [refused] = _actions(store, FORGED)
        assert why in refused.detail
        assert _actions(store, entry["action"]) == [] or entry["action"] == "登录失败"
        with store.orm_transaction() as orm:
            pending = orm.scalars(
                select(t.AuditEntry).where(
                    t.AuditEntry.actor == entry["actor"], t.AuditEntry.action == entry["action"]
                )
            ).first()
        assert pending is None
        assert any(FORGED in p for p in _problems(store))
        assert store.slots.pending_audit == []


def test_deleted_pending_entries_show_as_a_gap(demo_store, store_dir, clock):
    demo_store.sign_in("zhangsan", DEMO_PASSWORD)  # the database now mirrors the counter
    _fail(demo_store, "lisi", 3)
    demo_store.close()

    def erase(obj: dict[str, Any]) -> None:
        obj["pending_audit"] = obj["pending_audit"][2:]  # the first two failures erased

    _edit(store_dir, erase)
    with Store.open(store_dir, clock=clock) as store:
        store.sign_in("zhangsan", DEMO_PASSWORD)
        [gap] = _actions(store, ROLLED_BACK)
        assert "缺少的编号" in gap.detail
        assert len([e for e in _actions(store, "登录失败") if e.actor == "lisi"]) == 1
        assert any(ROLLED_BACK in p for p in _problems(store))


def test_a_rolled_back_slot_file_is_noticed(demo_store, store_dir, clock, tmp_path):
    demo_store.sign_in("zhangsan", DEMO_PASSWORD)
    old = tmp_path / "keyslots.old"
    shutil.copy(store_dir / "keyslots.json", old)
    _fail(demo_store, "lisi", 2)
    demo_store.sign_in("zhangsan", DEMO_PASSWORD)  # the failures reach the trail, the counter moves on
    demo_store.close()
    shutil.copy(old, store_dir / "keyslots.json")
    with Store.open(store_dir, clock=clock) as store:
        store.sign_in("zhangsan", DEMO_PASSWORD)
        [rollback] = _actions(store, ROLLED_BACK)
        assert "数据库中的编号" in rollback.detail
        _fail(store, "lisi")
        store.sign_in("zhangsan", DEMO_PASSWORD)
        assert len(_actions(store, ROLLED_BACK)) == 1  # counting goes on after the database's number


def test_check_names_slot_file_tampering_before_anyone_signs_in(demo_store, store_dir, clock):
    demo_store.close()
    clock.advance(minutes=1)
    now = clock().isoformat()

    def tamper(obj: dict[str, Any]) -> None:
        number = obj.get("pending_next", 1)
        obj["pending_audit"].append({"n": str(number), "time": now, "actor": "wangwu", "action": "批准"})
        obj["pending_audit"][-1]["result"] = "成功"
        obj["pending_next"] = number + 1
        obj["header"]["lockout"]["lock_minutes"] = 0

    _edit(store_dir, tamper)
    with Store.open(store_dir, clock=clock, read_only=True) as store:
        problems, _ = check_read_only(store, "zhangsan", DEMO_PASSWORD)
    assert any(p.startswith(FORGED) and "不是登录前可能发生的操作" in p for p in problems), problems
    assert any(p.startswith(HEADER_TAMPERED) and "锁定分钟数：0→10" in p for p in problems), problems


def test_a_slot_file_older_than_a_password_change_is_noticed(demo_store, store_dir, clock, tmp_path):
    old = tmp_path / "keyslots.old"
    shutil.copy(store_dir / "keyslots.json", old)
    demo_store.sign_in("lisi", DEMO_PASSWORD).change_password(DEMO_PASSWORD, "Qx7#mLp2vR9t")
    demo_store.close()
    shutil.copy(old, store_dir / "keyslots.json")  # lisi's old password would work again
    with Store.open(store_dir, clock=clock) as store:
        store.sign_in("zhangsan", DEMO_PASSWORD)
        [entry] = _actions(store, ROLLED_BACK)
        assert "lisi" in entry.detail
        store.sign_in("zhangsan", DEMO_PASSWORD)
        assert len(_actions(store, ROLLED_BACK)) == 1  # audited once, reported by check from the trail
        assert any("早于数据库记录的最近一次密码变更" in p for p in _problems(store))
