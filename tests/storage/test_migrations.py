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
    # FTS5 (created by raw SQL in 0002, 0007 and 0016) and the gram index's dirty list (written by triggers
    # only) are not modelled; everything else must match the ORM exactly.
    fts = ("form_search", "register_search", "register_grams")
    assert [d for d in diff if not (d[0] == "remove_table" and d[1].name.startswith(fts))] == []


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
        assert schema.current_revision(store._engine) == schema.head_revision()
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


def _grant_columns(conn) -> list[str]:  # type: ignore[no-untyped-def]
    return [row[1] for row in conn.exec_driver_sql("PRAGMA table_info(role_grants)")]


def test_0004_store_gains_the_officer_remit_and_keeps_its_grants(demo_store, demo_session, store_dir, clock):
    demo_session("zhangsan")
    with demo_store._engine.connect() as conn:
        command.downgrade(schema.alembic_config(conn), "0004")
        conn.commit()
        assert "remit" not in _grant_columns(conn)
    demo_store.close()

    with Store.open(store_dir, clock=clock) as store:
        session = store.sign_in("wangwu", DEMO_PASSWORD)
        assert schema.current_revision(store._engine) == schema.head_revision()
        with store._engine.connect() as conn:
            assert "remit" in _grant_columns(conn)
        officer = next(g for g in session.user.grants if g.role == "定密责任人")
        assert officer.highest_level and officer.remit == ()  # an old appointment covers the whole unit


def test_0008_store_keeps_its_unsigned_entries_as_old_records(demo_store, demo_session, store_dir, clock):
    """Entries from before signing verify as 旧记录 up to the migration's seq; a later unsigned one not."""
    from dingmi_desktop.services.accounts import AuditService
    from dingmi_desktop.storage.audit_verifier import UNSIGNED_UNTIL
    from tests.storage.tamper import audit_row, raw_admin, rehash_from

    demo_session("zhangsan")
    with demo_store._engine.connect() as conn:
        command.downgrade(schema.alembic_config(conn), "0008")
        conn.commit()
        last = conn.exec_driver_sql("SELECT max(seq) FROM audit_log").scalar()
    demo_store.close()

    with Store.open(store_dir, clock=clock) as store:
        auditor = store.sign_in("auditor", DEMO_PASSWORD)
        assert AuditService(auditor).verify().problems == []
        with raw_admin(store) as conn:
            bound = conn.execute("SELECT value FROM meta WHERE key = ?", (UNSIGNED_UNTIL,)).fetchone()
            assert bound == (str(last),)
            (head,) = conn.execute("SELECT max(seq) FROM audit_log").fetchone()
            forged = audit_row(conn, head) | {"seq": head + 1, "actor": "wangwu", "action": "批准"}
            forged |= {"signature": None, "signer": None}
            conn.execute(
                f"INSERT INTO audit_log({', '.join(forged)}) VALUES ({', '.join('?' * len(forged))})",
                tuple(forged.values()),
            )
            rehash_from(conn, head + 1)
        problems = AuditService(auditor).verify().problems
        assert problems and problems[0].startswith(f"审计记录第 {head + 1} 条"), problems
