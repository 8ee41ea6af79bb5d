"""The bulk generator of bench items: counts, variety, the register, its FTS index as the triggers keep
them and its index of characters and pairs (each equal to a rebuild), verification reporting the unsigned
items, and the refusal of real stores."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from dingmi_desktop.bench.bulk_items import BENCH_NOTE, BenchStoreRefused, bench_store, generate
from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.storage import register_grams
from dingmi_desktop.storage import tables as t
from dingmi_desktop.storage.store import Store
from dingmi_desktop.storage.verifier import check_form, decision_rows, load_trust
from tests.bench.conftest import BULK_ITEMS
from tests.storage.test_fts import rebuilt, snapshot
from tests.storage.test_register_grams import dirty, vocabulary
from tests.storage.test_register_grams import rebuilt as grams_rebuilt


def _one(store: Store, sql: str) -> object:
    return store.raw_connection().execute(sql).fetchone()[0]


def test_every_generated_item_is_on_the_register_with_its_revision_decision_and_search_row(
    bulk_store: Store,
) -> None:
    marked = f"SELECT count(*) FROM decisions WHERE opinion LIKE '%{BENCH_NOTE}%'"
    assert _one(bulk_store, marked) == BULK_ITEMS
    generated = f"SELECT form_id FROM decisions WHERE opinion LIKE '%{BENCH_NOTE}%'"
    for table, key in (
        ("register_entries", "form_id"),
        ("form_revisions", "form_id"),
        ("form_search", "rowid"),
    ):
        assert _one(bulk_store, f"SELECT count(*) FROM {table} WHERE {key} IN ({generated})") == BULK_ITEMS
    unsigned = "SELECT count(*) FROM decisions WHERE signature IS NULL AND action = 'approve'"
    assert _one(bulk_store, unsigned) >= BULK_ITEMS


def test_the_items_vary_as_a_real_register_does(bulk_store: Store) -> None:
    conn = bulk_store.raw_connection()

    def distinct(column: str) -> set[str]:
        return {r[0] for r in conn.execute(f"SELECT DISTINCT {column} FROM register_entries")}

    assert {"绝密", "机密", "秘密"} <= distinct("category")
    assert {"保密期限", "解密时间", "解密条件"} <= distinct("period_form")
    assert distinct("origin") == {"原始", "派生"}
    assert distinct("kind") >= {"定密审核单", "送审签发单"}
    assert len(distinct("department")) >= 6
    assert len(distinct("substr(decided_at, 1, 4)")) >= 5  # five years of decisions
    assert len(distinct("title")) >= BULK_ITEMS  # every generated title its own


def test_the_fts_index_of_generated_items_equals_a_rebuild(bulk_store: Store) -> None:
    before = snapshot(bulk_store)
    assert len(before[0]) >= BULK_ITEMS and len(before[1]["技术方案"]) > 50
    assert rebuilt(bulk_store) == before


def test_the_gram_index_of_generated_items_is_filled_and_equals_a_rebuild(bulk_store: Store) -> None:
    assert dirty(bulk_store) == 0  # the generator's commit indexed every row
    before = vocabulary(bulk_store)
    assert dict(before)[register_grams.needle_token("技术").strip('"')] > 50
    assert grams_rebuilt(bulk_store) == before


def test_verification_reports_the_generated_items_as_unsigned(bulk_store: Store) -> None:
    """`audit verify` and `check` judge each form by check_form: a sample of generated ones is reported."""
    with bulk_store.orm_transaction() as orm:
        state = load_trust(orm)
        assert state.rooted  # the bench store has the demo's trust root, as a real store does
        query = select(t.Decision.form_id).where(t.Decision.opinion.contains(BENCH_NOTE)).limit(40)
        sample = list(orm.scalars(query))
        problems = [check_form(orm, state, orm.get(t.Form, i), decision_rows(orm, i)) for i in sample]
    assert len(sample) == 40
    assert all(any("已定密，但其定密决定" in p and "没有有效签名" in p for p in found) for found in problems)


def test_the_triggers_and_indexes_are_back_after_a_run(bulk_store: Store, clock) -> None:  # type: ignore[no-untyped-def]
    triggers = "SELECT name, sql FROM sqlite_master WHERE type IN ('trigger', 'index') ORDER BY name"
    before = bulk_store.raw_connection().execute(triggers).fetchall()
    assert {"register_forms_upd", "ix_register_title", "ix_forms_status"} <= {name for name, _ in before}
    generate(bulk_store, 5, clock=clock)
    assert bulk_store.raw_connection().execute(triggers).fetchall() == before


def test_the_same_seed_gives_the_same_items(bulk_store: Store, bulk_dir: Path, clock) -> None:  # type: ignore[no-untyped-def]
    generated = generate(bulk_store, 20, clock=lambda: clock.current, seed=7)
    rows = "SELECT title, category, marking, department FROM forms WHERE id >= ? ORDER BY id"
    first = bulk_store.raw_connection().execute(rows, (generated.start,)).fetchall()
    again = generate(bulk_store, 20, clock=lambda: clock.current, seed=7)
    second = bulk_store.raw_connection().execute(rows, (again.start,)).fetchall()
    assert len(first) == 20 and [r[1:] for r in first] == [r[1:] for r in second]


def test_a_store_not_made_for_the_bench_is_refused_even_in_the_temporary_directory(
    _demo_template: Path, tmp_path: Path, clock
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "tmp" / "demo"
    shutil.copytree(_demo_template, target)
    with Store.open(target, clock=clock) as store:
        store.sign_in("wangwu", DEMO_PASSWORD)
        before = _one(store, "SELECT count(*) FROM forms")
        with pytest.raises(BenchStoreRefused, match="不是为基准测试新建的数据目录"):
            generate(store, 10, clock=clock)
        assert _one(store, "SELECT count(*) FROM forms") == before


def test_a_bench_store_outside_the_temporary_directory_is_refused(tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    outside = tmp_path / "not-temp" / "store"  # tmp_path itself is outside this test's temp dir
    with pytest.raises(BenchStoreRefused, match="只能写入系统临时目录"):
        bench_store(outside, clock)
    assert not outside.exists()
