"""A stolen disk reveals nothing: no marker in any file of the data directory or the temp directory."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from dingmi_desktop.services.accounts import AuditService
from dingmi_desktop.storage import FormIndex
from dingmi_desktop.storage.engine import connect_raw
from tests.fixtures.store import DEMO_PASSWORD

MARKER = "绝密标记XYZZY7731"


def _encodings(text: str) -> list[bytes]:
    return [text.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")] + [b"XYZZY7731"]


def _scan(roots: list[Path]) -> list[str]:
    needles = _encodings(MARKER)
    hits = []
    files = []
    for root in roots:
        if root.is_file():
            files.append(root)
        for dirpath, _, names in os.walk(root):
            files += [Path(dirpath) / name for name in names]
    for path in files:
        data = path.read_bytes()
        hits += [f"{path}: {needle!r}" for needle in needles if needle in data]
    return hits


def test_marker_never_on_disk(demo_store, demo_session, store_dir, tmp_path):
    session = demo_session("zhangsan")
    for i in range(200):  # enough to spill pages into the WAL and churn the FTS5 index
        with session.transaction() as tx:
            content = {"title": f"{MARKER} {i}", "scope": MARKER * 20, "opinion": "x" * 500}
            index = FormIndex("定密审核单", f"{MARKER}-{i}", "机密", "草稿", doc_number=MARKER)
            rec = tx.forms.create(content, index)
            tx.audit.append("新建表单", object_type="form", object_id=str(rec.id))
            if i % 3 == 0:
                tx.forms.save_revision(rec.id, dict(content, title=MARKER + "改"), index)
            assert tx.forms.search(MARKER[:5])
    signer = demo_session("wangwu").reauthenticate(DEMO_PASSWORD)
    with demo_session("wangwu").transaction() as tx:
        tx.decisions.add(5, action="approve", signer=signer, role="定密责任人", opinion=MARKER)
    AuditService(demo_session("auditor")).verify()
    temp_root = Path(tempfile.gettempdir())
    assert temp_root.is_relative_to(tmp_path)  # conftest points TMPDIR at the test's own directory

    # while open (WAL and SHM present), then after close (checkpointed), with a backup written too
    assert (store_dir / "dingmi.db-wal").exists()
    assert _scan([store_dir, temp_root]) == []
    from dingmi_desktop.storage.maintenance import backup

    backup(demo_session("sysadmin"), tmp_path / "b.dmbak")
    demo_store.close()
    assert not (store_dir / "dingmi.db-wal").exists()
    assert _scan([store_dir, temp_root, tmp_path / "b.dmbak"]) == []

    # the scan itself can find the marker: a plain SQLite copy of the same data contains it
    plain = tmp_path / "plain.db"
    conn = connect_raw(plain, None)
    conn.execute("CREATE TABLE t(x)")
    conn.execute("INSERT INTO t VALUES (?)", (MARKER,))
    conn.close()
    assert _scan([plain.parent]) != []
