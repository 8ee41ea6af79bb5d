"""The annual review bench area runs, and the worklist's reads are indexed: no scan of `annual_reviews`
and no sort of it, whatever the filter (the 100,000-item opening time depends on it)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from dingmi_desktop.bench import review_bench
from dingmi_desktop.bench.runner import BenchContext
from dingmi_desktop.bench.store_bench import BenchStore
from dingmi_desktop.services import annual_review_queries as q


def test_review_bench_records_its_keys(tmp_path: Path) -> None:
    ctx = BenchContext(quick=True, workdir=str(tmp_path))
    review_bench.run(ctx, stored_items=300)
    assert {"review.worklist_start_s", "review.worklist_open_s", "review.worklist_mine_s"} <= set(ctx.results)
    assert ctx.sizes["review.items"] == 300


def _plan(store: BenchStore, sql: str, params: dict[str, object]) -> str:
    orm, _ = store.tx()
    with orm, orm.begin():
        rows = orm.execute(text(f"EXPLAIN QUERY PLAN {sql}"), params).all()
    return "\n".join(str(r[-1]) for r in rows)


def test_worklist_reads_use_the_indexes(tmp_path: Path) -> None:
    store = BenchStore(tmp_path / "plan.db", None)
    review_bench.populate(store, 50)
    review_bench.make_worklist(store)
    for flt in (q.Filter(2026), q.Filter(2026, 1), q.Filter(2026, 1, True), q.Filter(2026, None, True)):
        where, params = flt.where()
        page = _plan(
            store, f"SELECT r.id FROM annual_reviews r WHERE {where} ORDER BY r.id LIMIT 200", params
        )
        assert "USING" in page and "INDEX" in page and "TEMP B-TREE" not in page, page
        count = _plan(store, f"SELECT count(*) FROM annual_reviews r WHERE {where}", params)
        assert "COVERING INDEX" in count, count
    progress = _plan(
        store,
        "SELECT officer_id, sum(outcome <> ''), count(*) FROM annual_reviews WHERE year = :year "
        "GROUP BY officer_id",
        {"year": 2026},
    )
    assert "COVERING INDEX ix_annual_reviews_year_officer" in progress and "TEMP B-TREE" not in progress, (
        progress
    )
    store.close()
