"""`dingmi bench` register figures: the keys exist and the queries find rows (timings are not asserted)."""

from __future__ import annotations

from dingmi_desktop.bench import register_bench
from dingmi_desktop.bench.runner import BenchContext


def test_register_bench_records_its_keys(tmp_path):
    ctx = BenchContext(quick=True, workdir=str(tmp_path))
    register_bench.run(ctx, stored_items=300)
    assert set(ctx.results) == {"register.first_page_s", "register.search_s", "stats.year_s"}
    assert all(value > 0 for value in ctx.results.values())
    assert ctx.sizes["register.items"] == 300
