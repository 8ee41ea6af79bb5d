"""Annual review figures over a generated store of decided items: making the year's worklist (one
INSERT … SELECT) and opening it (`review.worklist_open_s`: the count, the first page of 200 and the progress
by officer, as the 年度审核 page asks them; target ≤ 200 ms at 100,000 items)."""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import text

from dingmi_desktop.bench.runner import BenchContext, median_of
from dingmi_desktop.bench.store_bench import BenchStore
from dingmi_desktop.services import annual_review_queries as q

YEAR = 2026
CREATED = "2026-12-01T01:00:00.000000+00:00"  # a fixed time: the bench reads no clock it does not need


# Decided items in one statement: the worklist reads only the index columns of `forms`, so the bench fills
# those (the register triggers still run) instead of building 100,000 full forms one by one.
FILL = text(
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count) "
    "INSERT INTO forms (kind, title, category, status, drafter_id, department, doc_number, marking, "
    "revision, content_hash, created_at, updated_at) "
    "SELECT '定密审核单', '第' || i || '号项目', CASE i % 2 WHEN 0 THEN '秘密' ELSE '机密' END, "
    "'已定密', :user, "
    "'办公室', '示〔2026〕' || i || '号', CASE i % 2 WHEN 0 THEN '秘密★5年' ELSE '机密★10年' END, 1, "
    "printf('%064d', i), :at, :at FROM n"
)


def populate(store: BenchStore, count: int) -> None:
    orm, _ = store.tx()
    with orm, orm.begin():
        orm.execute(FILL, {"count": count, "user": store.actor.id, "at": CREATED})


def make_worklist(store: BenchStore) -> float:
    orm, _ = store.tx()
    start = time.perf_counter()
    with orm, orm.begin():
        q.start(orm, YEAR, CREATED)
    elapsed = time.perf_counter() - start
    orm, _ = store.tx()
    with orm, orm.begin():  # half assigned to one officer, a tenth already reviewed: realistic progress
        orm.execute(
            text("UPDATE annual_reviews SET officer_id = :u WHERE form_id % 2 = 1"), {"u": store.actor.id}
        )
        orm.execute(text("UPDATE annual_reviews SET outcome = '维持' WHERE form_id % 10 = 0"))
    return elapsed


def open_worklist(store: BenchStore, flt: q.Filter, expected: int) -> float:
    start = time.perf_counter()
    orm, _ = store.tx()
    with orm, orm.begin():
        total = q.count(orm, flt)
        rows = q.page(orm, flt, 0, 200)
        q.progress(orm, flt.year)
    elapsed = time.perf_counter() - start
    if total != expected or not rows:
        raise RuntimeError(f"review bench: the worklist holds {total} of {expected} items")
    return elapsed


def run(ctx: BenchContext, *, stored_items: int | None = None) -> None:
    workdir = Path(ctx.workdir) / "review-bench"
    workdir.mkdir(parents=True, exist_ok=True)
    count = stored_items if stored_items is not None else ctx.stored_forms
    ctx.sizes["review.items"] = count
    store = BenchStore(workdir / "review.db", b"\x19" * 32)
    populate(store, count)
    ctx.record("review.worklist_start_s", make_worklist(store))
    every = q.Filter(YEAR)
    ctx.record(
        "review.worklist_open_s", median_of(lambda: open_worklist(store, every, count), ctx.repetitions)
    )
    mine = q.Filter(YEAR, store.actor.id, pending_only=True)
    pending_mine = sum(1 for i in range(1, count + 1) if i % 2 == 1 and i % 10 != 0)
    ctx.record(
        "review.worklist_mine_s", median_of(lambda: open_worklist(store, mine, pending_mine), ctx.repetitions)
    )
    store.close()
