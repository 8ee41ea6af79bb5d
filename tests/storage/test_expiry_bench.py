"""`dingmi bench` expiry figures, and the candidates of the daily pass found through the index."""

from __future__ import annotations

from sqlalchemy import text

from dingmi_desktop.bench import expiry_bench
from dingmi_desktop.bench.runner import BenchContext
from dingmi_desktop.bench.store_bench import BenchStore
from dingmi_desktop.storage.expiry_repo import _DUE_SQL


def test_expiry_bench_records_its_keys(tmp_path):  # type: ignore[no-untyped-def]
    ctx = BenchContext(quick=True, workdir=str(tmp_path))
    expiry_bench.run(ctx, stored_items=300)
    assert set(ctx.results) == {"expire.pass_s", "expire.pass_max_s"}
    assert all(value > 0 for value in ctx.results.values())
    assert ctx.sizes["expire.items"] == 300
    assert any("共解密 7 项" in note for note in ctx.notes)  # items 0..6 fall due on the 7 measured days


def test_the_candidates_are_one_indexed_range(tmp_path):  # type: ignore[no-untyped-def]
    store = BenchStore(tmp_path / "plan.db", None)
    orm, _ = store.tx()
    with orm, orm.begin():
        plan = orm.execute(
            text("EXPLAIN QUERY PLAN " + _DUE_SQL), {"in_force": "已定密", "today": "2027-01-05"}
        ).all()
    store.close()
    steps = " | ".join(str(row[-1]) for row in plan)
    assert "SEARCH f USING INDEX ix_forms_status_declassify_on (status=? AND declassify_on" in steps, steps
    assert "SCAN f" not in steps, steps
