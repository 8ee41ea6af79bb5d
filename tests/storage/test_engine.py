"""SQLCipher settings and the FTS5 churn regression (secure_delete must never be changed)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dingmi_desktop.storage import FormIndex
from dingmi_desktop.storage.engine import connect_raw
from dingmi_desktop.storage.records import iso

REPO = Path(__file__).resolve().parents[2]


def test_connection_settings(demo_store, demo_session):
    demo_session("zhangsan")
    with demo_store.orm_transaction() as orm:
        conn = orm.connection()

        def pragma(name: str) -> object:
            return conn.exec_driver_sql(f"PRAGMA {name}").scalar()

        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("temp_store") == 2  # MEMORY: no plaintext temp files
        assert pragma("cache_size") == -65536
        assert pragma("foreign_keys") == 1
        assert pragma("cipher_version").startswith("4.")
        assert pragma("secure_delete") == 1  # SQLCipher's default (ON), never changed by us
    source = (REPO / "dingmi_desktop" / "storage" / "engine.py").read_text("utf-8")
    assert "secure_delete =" not in source and "secure_delete=" not in source


def test_bulk_fts5_churn_keeps_every_page_valid(demo_store, demo_session, store_dir):
    """Regression: with a key set, secure_delete OFF/FAST under a rollback journal corrupted pages (HMAC
    failures) once FTS5 tables churned. Bulk insert + rewrite through the FTS table, then check every page
    on a fresh connection."""
    session = demo_session("zhangsan")
    for batch in range(10):
        with session.transaction() as tx:
            for i in range(100):
                body = {"title": f"批量表单 {batch}-{i}", "scope": "知悉范围" * (i % 7 + 1), "n": i}
                rec = tx.forms.create(body, FormIndex("定密审核单", f"批量 {batch}-{i}", "秘密", "草稿"))
                if i % 2:
                    tx.forms.save_revision(
                        rec.id, dict(body, n=-i), FormIndex("定密审核单", "改", "秘密", "草稿")
                    )
    key = demo_store.data_key
    demo_store.close()
    fresh = connect_raw(store_dir / "dingmi.db", key)
    try:
        assert fresh.execute("PRAGMA cipher_integrity_check").fetchall() == []
        assert fresh.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        fresh.execute("INSERT INTO form_search(form_search) VALUES ('integrity-check')")
        assert fresh.execute("SELECT count(*) FROM form_search").fetchone()[0] == 1003
    finally:
        fresh.close()


def test_wrong_key_prints_no_library_noise(demo_store, store_dir):
    demo_store.close()
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from dingmi_desktop.storage.engine import connect_raw\n"
        "from dingmi_desktop.storage import DatabaseDamaged\n"
        "try:\n"
        f"    connect_raw(Path({str(store_dir / 'dingmi.db')!r}), bytes(32))\n"
        "except DatabaseDamaged:\n"
        "    sys.exit(5)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 5
    assert result.stderr == ""


def test_naive_clock_is_refused():
    from datetime import datetime

    with pytest.raises(ValueError):
        iso(datetime(2026, 1, 1))
