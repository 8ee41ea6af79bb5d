"""One encrypted backup file, checked on restore, restored only into an empty directory."""

from __future__ import annotations

import pytest

from dingmi_desktop.services.accounts import AuditService
from dingmi_desktop.storage import BackupInvalid, FormIndex, InvalidInput, PermissionDenied, StoreExists
from dingmi_desktop.storage.maintenance import backup, restore
from dingmi_desktop.storage.store import Store
from tests.fixtures.store import DEMO_PASSWORD


@pytest.fixture
def backup_file(demo_store, demo_session, tmp_path):
    with demo_session("zhangsan").transaction() as tx:
        tx.forms.create({"title": "备份前的表单"}, FormIndex("定密审核单", "备份前的表单", "秘密", "草稿"))
    path = tmp_path / "store.dmbak"
    backup(demo_session("sysadmin"), path)
    return path


def test_roundtrip(backup_file, tmp_path, clock):
    target = tmp_path / "restored"
    restore(backup_file, target)
    with Store.open(target, clock=clock) as store:
        session = store.sign_in("zhangsan", DEMO_PASSWORD)
        with session.transaction() as tx:
            assert tx.forms.count() == 4
            assert tx.forms.search("备份前的表单")
        auditor = AuditService(store.sign_in("auditor", DEMO_PASSWORD))
        actions = [e.action for e in auditor.entries()]
        assert "备份" in actions and "恢复" in actions
        assert auditor.verify().ok
    assert oct(backup_file.stat().st_mode & 0o777) == "0o600"
    assert sorted(p.name for p in target.iterdir()) == ["dingmi.db", "keyslots.json", "store.lock"]


def test_restore_into_an_existing_empty_directory(backup_file, tmp_path, clock):
    target = tmp_path / "empty"
    target.mkdir()
    restore(backup_file, target)
    with Store.open(target, clock=clock) as store:
        assert store.sign_in("lisi", DEMO_PASSWORD).user.username == "lisi"


def test_restore_only_into_empty_directory(backup_file, demo_store, store_dir):
    before = {p.name: p.read_bytes() for p in store_dir.iterdir() if p.is_file()}
    with pytest.raises(StoreExists):
        restore(backup_file, store_dir)
    assert {p.name: p.read_bytes() for p in store_dir.iterdir() if p.is_file()} == before


@pytest.mark.parametrize(
    "damage", ["flip-header", "flip-slots", "flip-db", "flip-digest", "truncate", "magic", "extra"]
)
def test_damaged_backup_is_refused_and_nothing_written(backup_file, tmp_path, damage):
    data = bytearray(backup_file.read_bytes())
    if damage == "flip-header":
        data[30] ^= 1
    elif damage == "flip-slots":
        data[data.index(b"keyslots") + 3000] ^= 1
    elif damage == "flip-db":
        data[len(data) // 2] ^= 1
    elif damage == "flip-digest":
        data[-1] ^= 1
    elif damage == "truncate":
        del data[-100:]
    elif damage == "magic":
        data[:6] = b"PKZIP!"
    elif damage == "extra":
        data += b"\0"
    backup_file.write_bytes(bytes(data))
    target = tmp_path / "restored"
    with pytest.raises(BackupInvalid) as err:
        restore(backup_file, target)
    assert "未恢复任何数据" in err.value.message or "不是定密桌面的备份" in err.value.message
    assert not target.exists()


def test_missing_backup_file(tmp_path):
    with pytest.raises(BackupInvalid, match="找不到备份文件"):
        restore(tmp_path / "nope.dmbak", tmp_path / "t")


def test_only_sysadmin_backs_up_and_not_into_the_data_dir(demo_store, demo_session, store_dir, tmp_path):
    for name in ("zhangsan", "secadmin", "auditor"):
        with pytest.raises(PermissionDenied):
            backup(demo_session(name), tmp_path / "x.dmbak")
    with pytest.raises(InvalidInput):
        backup(demo_session("sysadmin"), store_dir / "inside.dmbak")
    assert not (tmp_path / "x.dmbak").exists()
