"""Failures named truly (issue 11, item 8): a full disk and a read-only folder are said so, never reported
as a damaged database (whose advice, restore from backup, would lose data); `check` on a damaged store
writes nothing; a snapshot left by a killed backup is removed at the next open."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import select

from dingmi_desktop.security.errors import DatabaseDamaged, DataDirReadOnly, DiskFull
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.backup import SNAPSHOT_NAME
from dingmi_desktop.storage.engine import classify_db_error, connect_raw
from dingmi_desktop.storage.store import Store
from tests import clocked
from tests.fixtures.store import DEMO_PASSWORD, TEST_EPOCH
from tests.storage.folders import in_namespace, read_only_folder

REPO = Path(__file__).resolve().parents[2]
DAMAGE_WORDS = ("已损坏", "请从备份恢复")


def _digests(directory: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in directory.iterdir() if p.is_file()}


def _dingmi(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        clocked.command(TEST_EPOCH, "dingmi_desktop.cli", *argv),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def closed_demo(demo_store, store_dir) -> Path:
    demo_store.close()
    return store_dir


@pytest.fixture
def pw(tmp_path) -> Path:
    path = tmp_path / "pw.txt"
    path.write_text(DEMO_PASSWORD + "\n", "utf-8")
    path.chmod(0o600)
    return path


def _flip_middle_page(store_dir: Path) -> None:
    db = store_dir / "dingmi.db"
    data = bytearray(db.read_bytes())
    data[(len(data) // 4096 // 2) * 4096 + 1000] ^= 0xFF
    db.write_bytes(bytes(data))


# ---- SQLite's own failures, classified ----


def test_sqlite_full_is_a_full_disk_and_corruption_is_damage(tmp_path):
    db = tmp_path / "x.db"
    conn = connect_raw(db, b"k" * 32, check=False)
    conn.execute("CREATE TABLE t (v BLOB)")
    conn.execute("PRAGMA max_page_count = 8")  # SQLite answers SQLITE_FULL, as on a full disk
    with pytest.raises(sqlcipher3.DatabaseError) as full:
        for _ in range(20):
            conn.execute("INSERT INTO t VALUES (zeroblob(4000))")
    conn.close()
    assert "full" in str(full.value)
    mapped = classify_db_error(full.value, db)
    assert isinstance(mapped, DiskFull) and "磁盘空间不足" in mapped.message
    assert not any(word in mapped.message for word in DAMAGE_WORDS)
    assert "数据未被修改" in mapped.message
    with pytest.raises(DatabaseDamaged):  # the wrong key reads as SQLITE_NOTADB: really not our data
        connect_raw(db, b"j" * 32)


def test_write_to_a_read_only_connection_is_named_read_only(closed_demo):
    conn = sqlcipher3.connect(f"file:{closed_demo / 'x.db'}?mode=rwc", uri=True)
    conn.execute("CREATE TABLE t (v)")
    conn.close()
    conn = sqlcipher3.connect(f"file:{closed_demo / 'x.db'}?mode=ro", uri=True)
    with pytest.raises(sqlcipher3.DatabaseError) as err:
        conn.execute("INSERT INTO t VALUES (1)")
    conn.close()
    mapped = classify_db_error(err.value, closed_demo / "x.db")
    assert isinstance(mapped, DataDirReadOnly) and mapped.message.startswith("数据目录只读")


# ---- a damaged store is only read ----


@pytest.mark.parametrize("how", ["middle-page", "truncated", "first-page"])
def test_check_of_a_damaged_store_writes_nothing(closed_demo, pw, tmp_path, how):
    bad = tmp_path / "bad.txt"
    bad.write_text("wrong-password\n", "utf-8")
    bad.chmod(0o600)
    # A failed sign-in waits in the slot file: a sign-in would flush it into the database and rewrite both.
    assert (
        _dingmi(
            "--data-dir", str(closed_demo), "check", "--user", "lisi", "--password-file", str(bad)
        ).returncode
        == 3
    )
    db = closed_demo / "dingmi.db"
    if how == "middle-page":
        _flip_middle_page(closed_demo)
    elif how == "truncated":
        db.write_bytes(db.read_bytes()[: len(db.read_bytes()) // 2 // 4096 * 4096])
    else:
        data = db.read_bytes()
        db.write_bytes(data[:100] + bytes(b ^ 0x5A for b in data[100:200]) + data[200:])
    before = _digests(closed_demo)
    result = _dingmi(
        "--data-dir", str(closed_demo), "check", "--user", "zhangsan", "--password-file", str(pw)
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "损坏" in result.stdout + result.stderr
    assert _digests(closed_demo) == before  # every file, the slot file and lock included; no new file


def test_check_of_an_intact_store_still_audits(closed_demo, pw, clock):
    result = _dingmi(
        "--data-dir", str(closed_demo), "check", "--user", "zhangsan", "--password-file", str(pw)
    )
    assert result.returncode == 0 and "校验通过" in result.stdout
    assert sorted(p.name for p in closed_demo.iterdir()) == ["dingmi.db", "keyslots.json", "store.lock"]
    with Store.open(closed_demo, clock=clock) as store:
        store.sign_in("auditor", DEMO_PASSWORD)
        with store.orm_transaction() as orm:
            actions = orm.scalars(select(t.AuditEntry.action).order_by(t.AuditEntry.seq)).all()
    assert actions[-3:-1] == ["登录", "完整性检查"]


def test_open_of_a_damaged_store_writes_nothing(closed_demo, clock):
    db = closed_demo / "dingmi.db"
    data = db.read_bytes()
    db.write_bytes(data[:100] + bytes(b ^ 0x5A for b in data[100:200]) + data[200:])
    before = _digests(closed_demo)
    with Store.open(closed_demo, clock=clock) as store, pytest.raises(DatabaseDamaged) as err:
        store.sign_in("zhangsan", DEMO_PASSWORD)
    assert "请从备份恢复" in err.value.message
    assert _digests(closed_demo) == before


# ---- read-only data folder ----


def test_read_only_folder_is_refused_at_open_with_a_message(closed_demo, clock):
    before = _digests(closed_demo)
    with read_only_folder(closed_demo):
        with pytest.raises(DataDirReadOnly) as err:
            Store.open(closed_demo, clock=clock)
        assert err.value.message.startswith(f"数据目录只读：{closed_demo}")
        with Store.open(closed_demo, clock=clock, read_only=True) as store:  # `check` may still read it
            assert not store.writable
    assert _digests(closed_demo) == before


def test_read_only_folder_in_the_cli(closed_demo, pw):
    with read_only_folder(closed_demo):
        listed = _dingmi(
            "--data-dir", str(closed_demo), "form", "list", "--user", "zhangsan", "--password-file", str(pw)
        )
        checked = _dingmi(
            "--data-dir", str(closed_demo), "check", "--user", "zhangsan", "--password-file", str(pw)
        )
        created = _dingmi("--data-dir", str(closed_demo / "new"), "demo")
    for result in (listed, checked, created):
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1, result.stderr
        assert not any(word in result.stderr for word in DAMAGE_WORDS)
    assert listed.stderr.startswith("数据目录只读：")
    assert checked.stderr.startswith("数据目录只读：") and "校验未发现损坏" in checked.stderr
    assert "只读或没有写入权限" in created.stderr


_READ_ONLY_MOUNT = r"""
store = Path(PARAMS["store"])
read_only(store)
before = digests(store)
args = ["--user", "zhangsan", "--password-file", PARAMS["pw"]]
RESULT["list"] = dingmi("--data-dir", store, "form", "list", *args)
RESULT["check"] = dingmi("--data-dir", store, "check", *args)
RESULT["unchanged"] = digests(store) == before
"""


@pytest.mark.parametrize("damaged", [False, True])
def test_read_only_mount(closed_demo, pw, damaged):
    if damaged:
        _flip_middle_page(closed_demo)
    result = in_namespace(_READ_ONLY_MOUNT, TEST_EPOCH.isoformat(), store=str(closed_demo), pw=str(pw))
    assert result["unchanged"]
    assert result["list"]["code"] == 2 and result["list"]["err"].startswith("数据目录只读：")
    if damaged:  # check reads a read-only (EROFS) folder all the same and names the damage
        check = result["check"]  # the damage is named, from the page check or from the open itself
        assert check["code"] == 1 and ("加密页校验失败" in check["out"] or "已损坏" in check["err"]), check
    else:
        assert result["check"]["code"] == 2 and "校验未发现损坏" in result["check"]["err"]


# ---- a really full disk (tmpfs) ----

_FULL_TMPFS = r"""
import shutil
disk = Path(PARAMS["disk"])
tmpfs(disk, 1024)
store = disk / "store"
shutil.copytree(PARAMS["store"], store)
filler = fill(disk, PARAMS["leave"])
before = digests(store)
args = ["--user", "zhangsan", "--password-file", PARAMS["pw"]]
RESULT["list"] = dingmi("--data-dir", store, "form", "list", *args)
RESULT["files"] = sorted(p.name for p in store.iterdir())
RESULT["unchanged"] = digests(store) == before
filler.unlink()
RESULT["after"] = dingmi("--data-dir", store, "check", *args)
"""


@pytest.mark.parametrize(
    "leave",
    [
        0,  # the -shm index cannot be made: fails at open
        24,  # the sign-in's audit entry cannot be committed
    ],
)
def test_full_disk_says_so_and_changes_nothing(closed_demo, pw, tmp_path, leave):
    result = in_namespace(
        _FULL_TMPFS,
        TEST_EPOCH.isoformat(),
        disk=str(tmp_path / "disk"),
        store=str(closed_demo),
        pw=str(pw),
        leave=leave,
    )
    listed = result["list"]
    assert listed["code"] == 1, listed
    assert listed["err"].startswith("磁盘空间不足") and "请清理磁盘后重试；数据未被修改" in listed["err"]
    assert not any(word in listed["err"] for word in DAMAGE_WORDS)
    assert result["unchanged"] and result["files"] == ["dingmi.db", "keyslots.json", "store.lock"]
    assert result["after"]["code"] == 0, result["after"]  # space freed: all there, intact


_FULL_MEDIUM = r"""
medium = Path(PARAMS["medium"])
tmpfs(medium, 64)
out = medium / "b.dmbak"
RESULT["backup"] = dingmi("--data-dir", PARAMS["store"], "backup", "--user", "sysadmin",
                          "--password-file", PARAMS["pw"], "--out", out)
RESULT["left"] = sorted(p.name for p in medium.iterdir())
"""


def test_backup_onto_a_full_medium(closed_demo, pw, tmp_path, clock):
    result = in_namespace(
        _FULL_MEDIUM, TEST_EPOCH.isoformat(), medium=str(tmp_path / "m"), store=str(closed_demo), pw=str(pw)
    )
    backup = result["backup"]
    assert backup["code"] == 1 and backup["err"].startswith("磁盘空间不足：无法写入"), backup
    assert "b.dmbak" in backup["err"]
    assert result["left"] == []  # no half backup
    assert not (closed_demo / SNAPSHOT_NAME).exists()
    with Store.open(closed_demo, clock=clock) as store:
        store.sign_in("auditor", DEMO_PASSWORD)
        with store.orm_transaction() as orm:
            rows = orm.execute(
                select(t.AuditEntry.action, t.AuditEntry.result).order_by(t.AuditEntry.seq)
            ).all()
    assert [tuple(r) for r in rows if r.action == "备份"] == [("备份", "成功"), ("备份", "失败")]


# ---- a killed backup ----

_KILLED_BACKUP = """
import os, signal, sys
from pathlib import Path
from dingmi_desktop.storage import Store
from dingmi_desktop.storage import backup as b
from dingmi_desktop.storage.maintenance import backup

def die(path):  # the snapshot is written; the backup file is not: the worst moment to be killed
    os.kill(os.getpid(), signal.SIGKILL)

b._file_digest = die
store = Store.open(Path(sys.argv[1]))
backup(store.sign_in("sysadmin", "Dingmi@2026"), Path(sys.argv[2]))
"""


def test_snapshot_of_a_killed_backup_is_removed_at_the_next_open(closed_demo, tmp_path, clock):
    out = tmp_path / "b.dmbak"
    child = subprocess.run(
        [sys.executable, "-c", clocked.prelude(TEST_EPOCH) + _KILLED_BACKUP, str(closed_demo), str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == -9, child.stderr
    assert (closed_demo / SNAPSHOT_NAME).exists() and not out.exists()
    clock.advance(minutes=1)  # past the child's entries: a pending entry older than the trail is refused
    with Store.open(closed_demo, clock=clock, read_only=True):  # `check`'s open writes nothing
        assert (closed_demo / SNAPSHOT_NAME).exists()
    with Store.open(closed_demo, clock=clock) as store:
        assert not list(closed_demo.glob(SNAPSHOT_NAME + "*"))
        store.sign_in("auditor", DEMO_PASSWORD)
        with store.orm_transaction() as orm:
            actions = orm.scalars(select(t.AuditEntry.action).order_by(t.AuditEntry.seq)).all()
    assert "清理残留备份快照" in actions


_KILLED_AFTER_SIGN_IN = """
import os, signal, sys
from pathlib import Path
from dingmi_desktop.storage import Store
Store.open(Path(sys.argv[1])).sign_in("zhangsan", "Dingmi@2026")
os.kill(os.getpid(), signal.SIGKILL)  # the sign-in's entry stays in the WAL, not checkpointed
"""


def test_check_with_a_pending_wal_leaves_no_side_file(closed_demo, pw):
    child = subprocess.run(
        [sys.executable, "-c", clocked.prelude(TEST_EPOCH) + _KILLED_AFTER_SIGN_IN, str(closed_demo)],
        cwd=REPO,
        capture_output=True,
        timeout=120,
    )
    assert child.returncode == -9
    assert (closed_demo / "dingmi.db-wal").stat().st_size > 0
    (closed_demo / "dingmi.db-shm").unlink()  # SQLite rebuilds the index; a read-only check must not
    _flip_middle_page(closed_demo)
    before = _digests(closed_demo)
    result = _dingmi(
        "--data-dir", str(closed_demo), "check", "--user", "zhangsan", "--password-file", str(pw)
    )
    named = "加密页校验失败" in result.stdout or "已损坏" in result.stderr  # at the page check or at the open
    assert result.returncode == 1 and named, result
    assert _digests(closed_demo) == before
