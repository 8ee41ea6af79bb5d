"""The register's FTS5 index: WAL and the default secure_delete kept (SQLCipher + FTS5 corrupts pages with
secure_delete OFF/FAST and a rollback journal); the index equals a rebuild after edits and after a restore."""

from __future__ import annotations

import pytest
import sqlcipher3

from dingmi_desktop.services.register import RegisterFilter, RegisterService
from dingmi_desktop.storage.maintenance import backup, restore
from dingmi_desktop.storage.register_sql import INSERT_COLUMNS, row_select
from dingmi_desktop.storage.store import Store
from tests.services.samples import PASSWORD, Users, form


@pytest.fixture
def users(demo_store: Store) -> Users:
    return Users(demo_store)


NEEDLES = ("技术方案", "示〔2026〕", "经费预算", "财务处全体", "建议定为", "同意", "改后的标题")


def snapshot(store: Store) -> tuple[list[tuple], dict[str, list[int]]]:
    """The register rows and what each needle finds through the FTS index."""
    conn = store.raw_connection()
    rows = conn.execute(f"SELECT {INSERT_COLUMNS} FROM register_entries ORDER BY form_id").fetchall()
    found = {
        n: [
            r[0]
            for r in conn.execute(
                "SELECT rowid FROM register_search WHERE register_search MATCH ? ORDER BY rowid", (f'"{n}"',)
            )
        ]
        for n in NEEDLES
        if len(n) >= 3
    }
    return rows, found


def rebuilt(store: Store) -> tuple[list[tuple], dict[str, list[int]]]:
    """Recomputes every register row from the base tables and rebuilds the FTS index, then snapshots."""
    conn = store.raw_connection()
    conn.execute("INSERT INTO register_search(register_search, rank) VALUES ('integrity-check', 1)")
    conn.execute("DELETE FROM register_entries")
    conn.execute(f"INSERT INTO register_entries ({INSERT_COLUMNS}) {row_select('f.id')}")
    conn.execute("INSERT INTO register_search(register_search) VALUES ('rebuild')")
    conn.commit()
    return snapshot(store)


def retitled_and_decided_again(users: Users) -> int:
    """A form returned, re-titled 将要修改的标题 → 改后的标题, and decided again: its id."""
    edited = users.to_approval(form(title="将要修改的标题"))
    users["wangwu"].review.return_form(edited, reason="请补充依据", password=PASSWORD)
    drafting = users["zhangsan"].drafting
    with drafting.session.transaction() as tx:
        revision = tx.forms.get(edited).revision
    drafting.save_draft(edited, form(title="改后的标题"), expected_revision=revision)
    drafting.submit(edited, password=PASSWORD)
    users["lisi"].review.review(edited, agree=True, opinion="同意", password=PASSWORD)
    users.approve(edited)
    return edited


def test_store_keeps_wal_and_the_default_secure_delete(demo_store: Store, demo_session) -> None:
    demo_session("wangwu")
    conn = demo_store.raw_connection()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    fresh = sqlcipher3.connect(":memory:")
    fresh.execute("PRAGMA key = \"x'" + "42" * 32 + "'\"")
    default = fresh.execute("PRAGMA secure_delete").fetchone()[0]  # SQLCipher's default for a keyed db
    assert default == 1
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == default  # never OFF (0) or FAST (2)


def test_index_equals_a_rebuild_after_edits_and_after_restore(users: Users, tmp_path, clock) -> None:
    plain = users.to_approval(form())
    users.approve(plain)
    budget = users.to_approval(form(title="年度经费预算", doc_number="财〔2026〕7号", scope="财务处全体"))
    users.approve(budget)
    edited = retitled_and_decided_again(users)  # its old text must leave the index
    before = snapshot(users.store)
    assert before[1]["改后的标题"] == [edited]
    assert (
        users.store.raw_connection()
        .execute("SELECT count(*) FROM register_search WHERE register_search MATCH '\"将要修改\"'")
        .fetchone()[0]
        == 0
    )
    assert rebuilt(users.store) == before

    path = tmp_path / "store.dmbak"
    backup(users.store.sign_in("sysadmin", PASSWORD), path)
    target = tmp_path / "restored"
    restore(path, target)
    with Store.open(target, clock=clock) as restored:
        officer = RegisterService(restored.sign_in("wangwu", PASSWORD))
        assert {i.form_id for i in officer.page(RegisterFilter(text="经费预算"))} == {budget}
        assert snapshot(restored) == before
        assert rebuilt(restored) == before
