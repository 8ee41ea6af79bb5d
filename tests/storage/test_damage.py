"""Damaged, truncated or missing files: one clear Chinese message, and the files stay byte-identical."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dingmi_desktop.storage import (
    DatabaseDamaged,
    FormIndex,
    SlotFileDamaged,
    SlotFileMissing,
    StoreTooNew,
)
from dingmi_desktop.storage.maintenance import check
from dingmi_desktop.storage.store import Store
from tests import clocked
from tests.fixtures.store import DEMO_PASSWORD, TEST_EPOCH
from tests.storage.tamper import raw_admin

REPO = Path(__file__).resolve().parents[2]


def _digests(directory: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in directory.iterdir() if p.is_file()}


@pytest.fixture
def closed_demo(demo_store, store_dir) -> Path:
    demo_store.close()
    return store_dir


def _damage_db(store_dir: Path, how: str) -> None:
    db = store_dir / "dingmi.db"
    data = db.read_bytes()
    if how == "truncate-half-page":
        db.write_bytes(data[: len(data) // 2 + 100])
    elif how == "truncate-pages":
        db.write_bytes(data[: (len(data) // 4096 // 2) * 4096])
    elif how == "zeroed":
        db.write_bytes(bytes(len(data)))
    elif how == "first-page":
        db.write_bytes(data[:100] + bytes(a ^ 0x5A for a in data[100:200]) + data[200:])
    elif how == "empty":
        db.write_bytes(b"")
    elif how == "missing":
        db.unlink()


@pytest.mark.parametrize(
    "how", ["truncate-half-page", "truncate-pages", "zeroed", "first-page", "empty", "missing"]
)
def test_damaged_database(closed_demo, clock, how):
    _damage_db(closed_demo, how)
    before = _digests(closed_demo)
    with Store.open(closed_demo, clock=clock) as store:
        assert store.unit_name == "示例单位"
        with pytest.raises(DatabaseDamaged) as err:
            store.sign_in("zhangsan", DEMO_PASSWORD)
    assert "请从备份恢复" in err.value.message
    assert _digests(closed_demo) == before  # every file, the slot file included; no side file left


def test_damaged_page_in_the_middle_is_found_by_check(demo_store, demo_session, store_dir, clock):
    session = demo_session("zhangsan")
    for i in range(300):
        with session.transaction() as tx:
            tx.forms.create({"n": i, "pad": "x" * 400}, FormIndex("定密审核单", f"f{i}", "秘密", "草稿"))
    demo_store.close()
    db = store_dir / "dingmi.db"
    data = bytearray(db.read_bytes())
    page = len(data) // 4096 // 2
    data[page * 4096 + 1000] ^= 0xFF
    db.write_bytes(bytes(data))
    with Store.open(store_dir, clock=clock) as store:
        problems = check(store.sign_in("zhangsan", DEMO_PASSWORD))
    assert any("加密页校验失败" in p for p in problems)


def test_missing_slot_file(closed_demo):
    (closed_demo / "keyslots.json").unlink()
    before = _digests(closed_demo)
    with pytest.raises(SlotFileMissing) as err:
        Store.open(closed_demo)
    assert "keyslots.json" in err.value.message
    assert _digests(closed_demo) == before


@pytest.mark.parametrize("how", ["truncated", "garbage", "not-json-object", "bad-base64", "future-version"])
def test_damaged_slot_file(closed_demo, how):
    path = closed_demo / "keyslots.json"
    text = path.read_text("utf-8")
    if how == "truncated":
        path.write_text(text[: len(text) // 2], "utf-8")
    elif how == "garbage":
        path.write_bytes(os.urandom(500))
    elif how == "not-json-object":
        path.write_text("[1, 2, 3]", "utf-8")
    elif how == "bad-base64":
        path.write_text(text.replace('"salt": "', '"salt": "!!', 1), "utf-8")
    elif how == "future-version":
        path.write_text(text.replace('"version": 2', '"version": 9', 1), "utf-8")
    before = _digests(closed_demo)
    with pytest.raises(SlotFileDamaged) as err:
        Store.open(closed_demo)
    assert "密钥槽文件" in err.value.message
    assert _digests(closed_demo) == before


def test_slot_file_from_another_store(closed_demo, tmp_path, clock):
    from dingmi_desktop.security.kdf import KdfParams
    from dingmi_desktop.services.demo import build_demo

    other = tmp_path / "other"
    build_demo(other, kdf=KdfParams.FLOOR).close()
    (closed_demo / "keyslots.json").write_bytes((other / "keyslots.json").read_bytes())
    before = _digests(closed_demo)
    with Store.open(closed_demo, clock=clock) as store, pytest.raises(DatabaseDamaged):
        store.sign_in("zhangsan", DEMO_PASSWORD)
    before.pop("keyslots.json")
    after = _digests(closed_demo)
    after.pop("keyslots.json")
    assert after == before


def test_newer_store_is_refused(demo_store, demo_session, store_dir, clock):
    demo_session("sysadmin")
    with raw_admin(demo_store) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    demo_store.close()
    before = _digests(store_dir)
    with Store.open(store_dir, clock=clock) as store, pytest.raises(StoreTooNew) as err:
        store.sign_in("zhangsan", DEMO_PASSWORD)
    assert "更新版本" in err.value.message
    before.pop("keyslots.json")
    after = _digests(store_dir)
    after.pop("keyslots.json")
    assert after == before


_FULL_DISK_CHILD = """
import resource, signal, sys
from pathlib import Path
from dingmi_desktop.storage import Store, DiskFull, FormIndex
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
store = Store.open(Path(sys.argv[1]))
limit = int(sys.argv[2])
if sys.argv[3] == "open":  # not even the WAL index can be made: a full disk, not a damaged database
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    try:
        store.sign_in("zhangsan", "Dingmi@2026")
    except DiskFull as exc:
        print(exc.message)
        sys.exit(9)
session = store.sign_in("zhangsan", "Dingmi@2026")
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
try:
    if sys.argv[3] == "forms":
        for i in range(100000):
            with session.transaction() as tx:
                tx.forms.create({"pad": "x" * 3000, "i": i}, FormIndex("定密审核单", "t", "秘密", "草稿"))
                tx.audit.append("新建表单", object_type="form", object_id="x")
    else:
        session.change_password("Dingmi@2026", "Changed#Pass2026")
except DiskFull as exc:
    print(exc.message)
    sys.exit(9)
"""


@pytest.mark.parametrize("what", ["forms", "slots", "open"])
def test_full_disk(closed_demo, clock, what):
    sizes = {p.name: p.stat().st_size for p in closed_demo.iterdir()}
    limit = max(sizes.values()) + 64 * 1024 if what == "forms" else sizes["keyslots.json"] - 10
    if what != "forms":
        limit = max(limit, 1)
    before = _digests(closed_demo)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            clocked.prelude(TEST_EPOCH) + _FULL_DISK_CHILD,
            str(closed_demo),
            str(limit),
            what,
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 9, result.stderr
    assert "磁盘空间不足" in result.stdout and "请清理磁盘后重试；数据未被修改" in result.stdout
    assert "损坏" not in result.stdout and "请从备份恢复" not in result.stdout
    if what == "open":
        assert _digests(closed_demo) == before  # nothing written, no side file left behind
    if what == "slots":
        assert _digests(closed_demo)["keyslots.json"] == before["keyslots.json"]
        assert not list(closed_demo.glob(".*.tmp"))
    with Store.open(closed_demo, clock=clock) as store:
        session = store.sign_in("zhangsan", DEMO_PASSWORD)  # the old password still works
        assert check(session) == []
