"""The Alembic ladder: an older store is backed up, then migrated; the schema matches the models."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from dingmi_desktop.storage import schema
from dingmi_desktop.storage.maintenance import restore
from dingmi_desktop.storage.store import Store
from dingmi_desktop.storage.tables import Base
from tests.fixtures.store import DEMO_PASSWORD


def test_fresh_store_is_at_head_and_matches_models(demo_store, demo_session):
    demo_session("zhangsan")
    assert schema.current_revision(demo_store._engine) == schema.head_revision()
    with demo_store._engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # FTS5 (created by raw SQL in 0002) is not modelled; everything else must match the ORM exactly.
    assert [d for d in diff if not (d[0] == "remove_table" and d[1].name.startswith("form_search"))] == []


def test_older_store_is_backed_up_and_migrated(demo_store, demo_session, store_dir, tmp_path, clock):
    demo_session("sysadmin")
    with demo_store._engine.connect() as conn:
        command.downgrade(schema.alembic_config(conn), "0001")
        conn.commit()
        assert (
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE name = 'form_search'").scalar()
            == 0
        )
    demo_store.close()

    with Store.open(store_dir, clock=clock) as store:
        session = store.sign_in("zhangsan", DEMO_PASSWORD)
        assert schema.current_revision(store._engine) == schema.head_revision()
        with session.transaction() as tx:
            assert tx.forms.search("技术方案") == [1]  # the FTS table was backfilled
    backups = list((store_dir / "backups").glob("*.dmbak"))
    assert len(backups) == 1 and "before-migration-0001" in backups[0].name
    assert oct(backups[0].stat().st_mode & 0o777) == "0o600"

    # the pre-migration backup is a real, restorable store at the old revision
    restored = tmp_path / "restored"
    restore(backups[0], restored)
    with Store.open(restored, clock=clock) as store:
        store.sign_in("lisi", DEMO_PASSWORD)
        assert schema.current_revision(store._engine) == schema.head_revision()
        assert len(list((restored / "backups").glob("*.dmbak"))) == 1


def _print_columns(conn) -> list[str]:  # type: ignore[no-untyped-def]
    return [row[1] for row in conn.exec_driver_sql("PRAGMA table_info(print_records)")]


def test_0002_store_gains_the_printer_column_and_keeps_its_print_register(
    demo_store, demo_session, store_dir, clock
):
    session = demo_session("zhangsan")
    with session.transaction() as tx:
        tx.prints.record(1, 1, 2, 2, printer="办公室打印机")
    session.close()
    with demo_store._engine.connect() as conn:
        command.downgrade(schema.alembic_config(conn), "0002")
        conn.commit()
        assert schema.current_revision(demo_store._engine) == "0002"
        assert "printer" not in _print_columns(conn)
    demo_store.close()

    with Store.open(store_dir, clock=clock) as store:
        session = store.sign_in("zhangsan", DEMO_PASSWORD)
        assert schema.current_revision(store._engine) == schema.head_revision() == "0006"
        with store._engine.connect() as conn:
            assert "printer" in _print_columns(conn)
        with session.transaction() as tx:
            old = tx.prints.for_form(1)
            assert [(p.copies_from, p.copies_to, p.pages, p.printer) for p in old] == [(1, 2, 2, "")]
            new = tx.prints.record(1, 3, 3, 1, printer="  PDF文件 ")
        with session.transaction() as tx:
            assert new.printer == "PDF文件"
            assert [p.printer for p in tx.prints.for_form(1)] == ["", "PDF文件"]
    backups = list((store_dir / "backups").glob("*.dmbak"))
    assert len(backups) == 1 and "before-migration-0002" in backups[0].name


def _queue_plan(conn, where: str) -> str:  # type: ignore[no-untyped-def]
    sql = f"EXPLAIN QUERY PLAN SELECT * FROM forms WHERE {where} ORDER BY updated_at DESC, id DESC LIMIT 200"
    return " | ".join(str(row[-1]) for row in conn.exec_driver_sql(sql))


def test_0003_store_gains_the_queue_indexes_and_queues_need_no_sort(
    demo_store, demo_session, store_dir, clock
):
    demo_session("zhangsan")
    with demo_store._engine.connect() as conn:
        command.downgrade(schema.alembic_config(conn), "0003")
        conn.commit()
        assert "TEMP B-TREE" in _queue_plan(conn, "drafter_id = 1 AND status = '草稿'")
    demo_store.close()

    with Store.open(store_dir, clock=clock) as store:
        store.sign_in("zhangsan", DEMO_PASSWORD).close()
        assert schema.current_revision(store._engine) == schema.head_revision()
        with store._engine.connect() as conn:
            drafts = _queue_plan(conn, "drafter_id = 1 AND status = '草稿'")
            waiting = _queue_plan(conn, "status = '待审核'")
        assert "ix_forms_drafter_status_updated" in drafts and "TEMP B-TREE" not in drafts
        assert "ix_forms_status_updated" in waiting and "TEMP B-TREE" not in waiting
