"""Key slots: wrapping under a password, binding by associated data, lockout counters, the file format."""

from __future__ import annotations

import json
import os
import stat
from datetime import UTC, datetime, timedelta

import pytest

from dingmi_desktop.security.errors import AccountLocked, SlotFileDamaged, SlotFileMissing, WrongPassword
from dingmi_desktop.security.kdf import KdfParams
from dingmi_desktop.security.keyslots import SlotFile
from dingmi_desktop.security.signing import new_private_seed, public_key_of

NOW = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)


@pytest.fixture
def slots(tmp_path) -> SlotFile:
    file = SlotFile(tmp_path / "keyslots.json", "store-1", "示例单位", "机密", KdfParams.FLOOR)
    return file


def test_wrap_unwrap_roundtrip_and_file(slots):
    key, seed = os.urandom(32), new_private_seed()
    slots.wrap("zhangsan", "Dingmi@2026", key, seed, must_change=False, now=NOW)
    slots.save()
    assert stat.S_IMODE(slots.path.stat().st_mode) == 0o600
    loaded = SlotFile.load(slots.path)
    assert loaded.unwrap("zhangsan", "Dingmi@2026") == (key, seed)
    assert loaded.slots["zhangsan"].public_key == public_key_of(seed)
    assert (loaded.unit_name, loaded.authority, loaded.store_id) == ("示例单位", "机密", "store-1")
    raw = json.loads(slots.path.read_text("utf-8"))
    assert raw["format"] == "dingmi-keyslots" and raw["version"] == 2
    assert raw["slots"]["zhangsan"]["kdf"] == {
        "algorithm": "argon2id",
        "memory_kib": 65536,
        "parallelism": 1,
        "time_cost": 2,
    }
    assert key.hex() not in slots.path.read_text("utf-8")


def test_wrong_password_and_unknown_user(slots):
    slots.wrap("zhangsan", "right", os.urandom(32), new_private_seed(), must_change=False, now=NOW)
    with pytest.raises(WrongPassword):
        slots.unwrap("zhangsan", "wrong")
    with pytest.raises(WrongPassword):
        slots.unwrap("nobody", "right")


@pytest.mark.parametrize("field", ["must_change", "store_id", "kdf", "public_key", "user"])
def test_associated_data_binds_the_slot(slots, field):
    slots.wrap("zhangsan", "pw", os.urandom(32), new_private_seed(), must_change=True, now=NOW)
    slot = slots.slots["zhangsan"]
    if field == "must_change":
        slot.must_change = False  # e.g. someone edits the JSON to skip the forced change
    elif field == "store_id":
        slots.store_id = "store-2"  # a slot copied from another store
    elif field == "kdf":
        slot.kdf = KdfParams(65536, 3)
    elif field == "public_key":
        slot.public_key = public_key_of(new_private_seed())
    elif field == "user":
        slots.slots["lisi"] = slot
        slot.username = "lisi"
        with pytest.raises(WrongPassword):
            slots.unwrap("lisi", "pw")
        return
    with pytest.raises(WrongPassword):
        slots.unwrap("zhangsan", "pw")


def test_lockout_counts_persist_and_expire(slots):
    slots.wrap("lisi", "pw", os.urandom(32), new_private_seed(), must_change=False, now=NOW)
    slots.lock_after_failures, slots.lock_minutes = 3, 10
    slots.record_failure("lisi", NOW)
    slots.record_failure("lisi", NOW)
    assert SlotFile.load(slots.path).lock_states["lisi"].failures == 2
    with pytest.raises(AccountLocked) as err:
        slots.record_failure("lisi", NOW)
    assert err.value.remaining == timedelta(minutes=10)
    reloaded = SlotFile.load(slots.path)
    with pytest.raises(AccountLocked):
        reloaded.check_not_locked("lisi", NOW + timedelta(minutes=9, seconds=59))
    reloaded.check_not_locked("lisi", NOW + timedelta(minutes=10, seconds=1))
    reloaded.record_failure("lisi", NOW + timedelta(minutes=11))  # counts afresh after the lock ran out
    assert reloaded.lock_states["lisi"].failures == 1
    reloaded.record_success("lisi")
    assert "lisi" not in SlotFile.load(slots.path).lock_states
    assert [e["action"] for e in reloaded.pending_audit] == ["登录失败"] * 3 + ["账户锁定", "登录失败"]
    reloaded.record_failure("ghost", NOW)  # unknown users leave no trace in the file
    assert "ghost" not in reloaded.lock_states


def test_load_errors(tmp_path, slots):
    with pytest.raises(SlotFileMissing):
        SlotFile.load(tmp_path / "missing.json")
    slots.save()
    good = slots.path.read_text("utf-8")
    for bad in (
        "",
        "{",
        "null",
        good.replace('"format": "dingmi-keyslots"', '"format": "x"'),
        good.replace('"version": 2', '"version": 3'),
    ):
        slots.path.write_text(bad, "utf-8")
        with pytest.raises(SlotFileDamaged):
            SlotFile.load(slots.path)
    slots.path.write_text(good.replace('"memory_kib": 65536', '"memory_kib": 1024'), "utf-8")
    with pytest.raises(SlotFileDamaged):
        SlotFile.load(slots.path)  # parameters below the floor are refused, not used
