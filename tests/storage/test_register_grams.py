"""The register's index of characters and pairs (searches of one or two characters): it finds exactly what a
scan finds, through edits, rows written behind the program's back, a failed transaction, a restore and a
migration, and equals a rebuild; a short search reads no register row it does not need."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import event

from dingmi_desktop.services.register import RegisterFilter, RegisterService
from dingmi_desktop.storage import register_grams, schema
from dingmi_desktop.storage.maintenance import backup, restore
from dingmi_desktop.storage.register_repo import RegisterQuery, RegisterRepository
from dingmi_desktop.storage.register_sql import SEARCH_COLUMNS
from dingmi_desktop.storage.store import Store
from tests.services.samples import PASSWORD, Users, form
from tests.storage.test_fts import retitled_and_decided_again

ODD_NEEDLES = ("龘", "Zq", "%", "_", "\\", "a%", "%_", "\n", "GB", "gb", "Gb", "〔2")


@pytest.fixture
def users(demo_store: Store) -> Users:
    users = Users(demo_store)
    users.approve(users.to_approval(form()))
    mixed = form(title="GB/T 9704 公文格式：100%_执行", doc_number="财〔2026〕7号", scope="财务处全体\\各科")
    users.approve(users.to_approval(mixed))
    return users


def needles(store: Store) -> set[str]:
    """Every character and adjacent pair of the register's searchable text, and some that are not in it."""
    found: set[str] = set(ODD_NEEDLES)
    rows = store.raw_connection().execute(f"SELECT {', '.join(SEARCH_COLUMNS)} FROM register_entries")
    for row in rows:
        for text in row:
            found.update(text)
            found.update(text[i : i + 2] for i in range(len(text) - 1))
    return {n for n in found if n.strip() == n and n}  # the search box strips its text


def searched_and_scanned(store: Store, needle: str) -> tuple[list[int], list[int]]:
    with store.orm_transaction() as orm:
        repo = RegisterRepository(orm)
        rows = repo.page(RegisterQuery(text=needle, sort="form_id", descending=False), limit=10**6)
        assert repo.count(RegisterQuery(text=needle)) == len(rows)
        return [r.form_id for r in rows], repo.scanned(needle)


def assert_agrees_with_a_scan(store: Store) -> int:
    checked = needles(store)
    assert len(checked) > 100  # the sample text is rich enough to mean something
    for needle in checked:
        searched, scanned = searched_and_scanned(store, needle)
        assert searched == scanned, needle
    return len(checked)


def dirty(store: Store) -> int:
    return store.raw_connection().execute("SELECT count(*) FROM register_grams_dirty").fetchone()[0]


def vocabulary(store: Store) -> list[tuple]:
    """Each token of the index with the number of rows holding it."""
    conn = store.raw_connection()
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.grams_vocab USING fts5vocab(main, register_grams, row)"
    )
    return conn.execute("SELECT term, doc FROM temp.grams_vocab ORDER BY term").fetchall()


def rebuilt(store: Store) -> list[tuple]:
    with store.orm_transaction() as orm:
        register_grams.rebuild(orm.connection())
    return vocabulary(store)


def test_grams_are_each_character_and_pair_within_a_column() -> None:
    assert set(register_grams.grams(["Ab", "机"]).split()) == {"x61", "x62", "x61y62", "x673a"}
    assert "x62y673a" not in register_grams.grams(["Ab", "机"]).split()  # no pair across two columns
    assert register_grams.needle_token("aB") == '"x61y62"'  # ASCII letters folded, as LIKE folds them
    assert register_grams.needle_token("密") == '"x5bc6"'
    with pytest.raises(ValueError):
        register_grams.needle_token("机密级")


def test_short_search_finds_what_a_scan_finds(users: Users) -> None:
    store = users.store
    assert dirty(store) == 0  # every transaction of the program leaves its rows indexed
    assert assert_agrees_with_a_scan(store)
    with store.orm_transaction() as orm:
        repo = RegisterRepository(orm)
        assert (
            repo.count(RegisterQuery(text="%")) == len(repo.scanned("%")) == 1
        )  # a literal %, not a wildcard
        assert repo.count(RegisterQuery(text="龘")) == 0


def test_a_row_written_behind_the_programs_back_is_found(users: Users) -> None:
    store = users.store
    (item, *_) = RegisterService(users["wangwu"].session).page(RegisterFilter())
    conn = store.raw_connection()
    conn.execute("UPDATE forms SET title = '龘字标题' WHERE id = ?", (item.form_id,))  # the trigger notes it
    assert dirty(store) == 1
    assert searched_and_scanned(store, "龘字") == ([item.form_id], [item.form_id])  # scanned while dirty
    assert dirty(store) == 0  # that transaction of the program indexed it
    assert searched_and_scanned(store, "龘字") == ([item.form_id], [item.form_id])
    assert searched_and_scanned(store, "龘")[0] == [item.form_id]


def test_a_failed_transaction_leaves_the_index_as_it_was(users: Users) -> None:
    store = users.store
    before = vocabulary(store)
    (item, *_) = RegisterService(users["wangwu"].session).page(RegisterFilter())
    with pytest.raises(RuntimeError), store.orm_transaction() as orm:
        orm.connection().exec_driver_sql("UPDATE forms SET title = '龘' WHERE id = ?", (item.form_id,))
        register_grams.flush(orm.connection())
        raise RuntimeError("the write fails after the index was updated")
    assert vocabulary(store) == before
    assert dirty(store) == 0
    assert searched_and_scanned(store, "龘") == ([], [])


def test_index_equals_a_rebuild_after_edits_restore_and_migration(users: Users, tmp_path, clock) -> None:
    store = users.store
    edited = retitled_and_decided_again(users)
    assert searched_and_scanned(store, "改后") == ([edited], [edited])
    assert searched_and_scanned(store, "将要") == ([], [])  # the old title left the index
    before = vocabulary(store)
    assert rebuilt(store) == before

    path = tmp_path / "store.dmbak"
    backup(store.sign_in("sysadmin", PASSWORD), path)
    restore(path, tmp_path / "restored")
    with Store.open(tmp_path / "restored", clock=clock) as restored:
        restored.sign_in("wangwu", PASSWORD)
        assert vocabulary(restored) == before
        assert_agrees_with_a_scan(restored)

    with store._engine.connect() as conn:  # a store from before the index gains it, filled
        command.downgrade(schema.alembic_config(conn), "0015")
        conn.commit()
        assert (
            conn.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE name LIKE 'register_grams%'"
            ).scalar()
            == 0
        )
    schema.upgrade(store._engine)
    assert vocabulary(store) == before
    assert dirty(store) == 0


def test_short_search_reads_only_the_rows_it_finds(users: Users) -> None:
    """Count and page go through the index: no query plan scans the register (only the dirty list)."""
    statements: list[tuple[str, object]] = []

    def capture(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        statements.append((statement, parameters))

    engine = users.store._engine
    event.listen(engine, "before_cursor_execute", capture)
    try:
        with users.store.orm_transaction() as orm:
            repo = RegisterRepository(orm)
            for query in (
                RegisterQuery(text="函"),
                RegisterQuery(text="机密", category="机密", sort="title"),
            ):
                repo.count(query)
                repo.page(query)
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    searches = [(sql, params) for sql, params in statements if "register_grams MATCH" in sql]
    assert len(searches) == 4
    conn = users.store.raw_connection()
    for sql, params in searches:
        plan = " | ".join(row[-1] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params))
        assert "SCAN register_entries" not in plan and "SCAN r " not in plan + " ", plan
