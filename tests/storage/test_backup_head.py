"""The backup's chain head against the store a restore would replace (issue 11 item 6): an old backup over
a newer store, a backup over a rolled-back or rewritten store, an edited manifest."""

from __future__ import annotations

import json
import shutil
import struct
from pathlib import Path

import pytest

from dingmi_desktop.cli import main
from dingmi_desktop.storage import FormIndex
from dingmi_desktop.storage.backup import MAGIC
from dingmi_desktop.storage.maintenance import backup
from dingmi_desktop.storage.store import Store
from tests.fixtures.store import DEMO_PASSWORD
from tests.storage.tamper import raw_admin, rehash_from


def _write(demo_session, n: int = 2) -> None:
    with demo_session("zhangsan").transaction() as tx:
        for i in range(n):
            rec = tx.forms.create({"title": f"表单{i}"}, FormIndex("定密审核单", f"表单{i}", "秘密", "草稿"))
            tx.audit.append("新建表单", object_type="form", object_id=str(rec.id))


@pytest.fixture
def password_file(tmp_path: Path) -> Path:
    path = tmp_path / "pw.txt"
    path.write_text(DEMO_PASSWORD, encoding="utf-8")
    path.chmod(0o600)
    return path


def _restore(store_dir: Path, file: Path, password_file: Path, *extra: str) -> int:
    args = ["--data-dir", str(store_dir), "restore", str(file), "--user", "sysadmin"]
    return main([*args, "--password-file", str(password_file), *extra])


def test_old_backup_over_a_newer_store_says_what_is_dropped_and_needs_replace(
    demo_store: Store, demo_session, store_dir: Path, tmp_path: Path, password_file: Path, capsys
) -> None:
    old = tmp_path / "old.dmbak"
    backup(demo_session("sysadmin"), old)
    _write(demo_session)  # two entries, after the 登录 of zhangsan: three in all
    demo_store.close()
    capsys.readouterr()
    assert _restore(store_dir, old, password_file) == 1
    out = capsys.readouterr().out
    # zhangsan's 登录 and two entries, then this restore's own 登录 of sysadmin
    assert "恢复将丢弃其后的 4 条审计记录" in out and "未恢复" in out, out
    assert _restore(store_dir, old, password_file, "--replace") == 0
    out = capsys.readouterr().out
    kept = store_dir.with_name(f"{store_dir.name}.replaced-1")
    assert kept.is_dir() and (kept / "dingmi.db").exists() and "改名保留" in out
    check = [
        "--data-dir",
        str(store_dir),
        "check",
        "--user",
        "auditor",
        "--password-file",
        str(password_file),
    ]
    assert main(check) == 0, capsys.readouterr()


def test_backup_over_a_rolled_back_store_says_the_store_is_older(
    demo_store: Store, demo_session, store_dir: Path, tmp_path: Path, password_file: Path, capsys
) -> None:
    demo_store.close()
    shutil.copytree(store_dir, tmp_path / "older")  # the insider's copy of the live store
    store = Store.open(store_dir, clock=demo_store.clock)
    _write(lambda name: store.sign_in(name, DEMO_PASSWORD))
    newer = tmp_path / "newer.dmbak"
    backup(store.sign_in("sysadmin", DEMO_PASSWORD), newer)
    store.close()
    shutil.rmtree(store_dir)
    shutil.copytree(tmp_path / "older", store_dir)  # the live store rolled back to the copy
    assert _restore(store_dir, newer, password_file) == 1
    assert "现有数据存储比备份旧，可能已被回退到旧副本" in capsys.readouterr().out


def test_backup_over_a_rewritten_store_says_the_chain_was_rewritten(
    demo_store: Store, demo_session, tmp_path: Path, store_dir: Path, password_file: Path, capsys
) -> None:
    file = tmp_path / "b.dmbak"
    backup(demo_session("sysadmin"), file)
    head = _header(file)["head"]["seq"]
    with raw_admin(demo_store) as conn:
        conn.execute("UPDATE audit_log SET detail = '{\"改\":1}' WHERE seq = 3")
        rehash_from(conn, 3)
    demo_store.close()
    assert _restore(store_dir, file, password_file) == 1
    assert f"审计链在第 {head} 条之后被改写" in capsys.readouterr().out


def test_an_edited_manifest_is_not_authentic(
    demo_store: Store, demo_session, tmp_path: Path, store_dir: Path, password_file: Path, capsys
) -> None:
    """The whole-file digest is unkeyed: an insider can recompute it, not the manifest's MAC."""
    file = tmp_path / "b.dmbak"
    backup(demo_session("sysadmin"), file)
    demo_store.close()
    header = _header(file)
    header["head"]["seq"] += 1000
    _rewrite_header(file, header)
    assert _restore(store_dir, file, password_file) == 1
    assert "备份清单的认证无效" in capsys.readouterr().out


def _header(file: Path) -> dict:
    data = file.read_bytes()
    (length,) = struct.unpack(">I", data[len(MAGIC) : len(MAGIC) + 4])
    return json.loads(data[len(MAGIC) + 4 : len(MAGIC) + 4 + length])


def _rewrite_header(file: Path, header: dict) -> None:
    import hashlib

    data = file.read_bytes()
    (length,) = struct.unpack(">I", data[len(MAGIC) : len(MAGIC) + 4])
    rest = data[len(MAGIC) + 4 + length : -32]
    head = json.dumps(header, ensure_ascii=False, sort_keys=True).encode("utf-8")
    body = MAGIC + struct.pack(">I", len(head)) + head + rest
    file.write_bytes(body + hashlib.sha256(body).digest())
