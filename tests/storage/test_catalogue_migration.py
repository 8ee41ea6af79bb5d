"""0011: a store from before catalogue versions keeps its 依据库 as version 1, in force from the start."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command

from dingmi_desktop.services.preflight import catalog_entries
from dingmi_desktop.storage import schema
from dingmi_desktop.storage.store import Store
from tests.fixtures.store import DEMO_PASSWORD, TEST_TODAY


def test_0010_store_keeps_its_catalogue_as_version_1(demo_store, demo_session, store_dir, clock) -> None:  # type: ignore[no-untyped-def]
    demo_session("zhangsan")
    with demo_store._engine.connect() as conn:
        command.downgrade(schema.alembic_config(conn), "0010")
        conn.commit()
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "catalog_versions" not in tables
    demo_store.close()

    with Store.open(store_dir, clock=clock) as store:
        session = store.sign_in("zhangsan", DEMO_PASSWORD)
        assert schema.current_revision(store._engine) == schema.head_revision()
        with session.transaction() as tx:
            (version,) = tx.catalog.versions()
            assert (version.number, version.effective_from) == (1, date(2000, 1, 1))
            assert [i.code for i in tx.catalog.items(version=1)] == ["第1条", "第2条", "第3条", "第4条"]
            assert len(catalog_entries(tx, TEST_TODAY)) == 4
        with store._engine.connect() as conn, pytest.raises(Exception, match="append-only"):
            conn.exec_driver_sql("DELETE FROM catalog_versions")  # versions are a record: append-only
