"""Register figures over a generated store of decided items: the first page and one full-text search.

Items are generated the cheap way store_bench does (repository writes, no signatures) but with status
已定密, so the triggers of migration 0007 put every one on the register as a real decision would.
"""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

from sqlalchemy import text

from dingmi_desktop.bench.runner import BenchContext, median_of
from dingmi_desktop.bench.store_bench import BATCH, BenchStore, sample_form
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.storage.register_repo import RegisterQuery, RegisterRepository
from dingmi_desktop.storage.statistics_repo import StatisticsRepository, StatsQuery

LEVELS = ((Category.CONFIDENTIAL.value, "秘密★5年"), (Category.SECRET.value, "机密★10年"))
DEPARTMENTS = ("办公室", "业务处", "财务处", "科技处")


def populate_decided(store: BenchStore, count: int) -> None:
    done = 0
    while done < count:
        orm, tx = store.tx()
        with orm, orm.begin():
            for i in range(done, min(count, done + BATCH)):
                content, index = sample_form(i)
                level, marking = LEVELS[i % 2]
                department = DEPARTMENTS[i % len(DEPARTMENTS)]
                content = {**content, "category": level, "department": department}
                index = dataclasses.replace(
                    index, category=level, marking=marking, department=department, status="已定密"
                )
                tx.forms.create(content, index)
        done = min(count, done + BATCH)


def timed(store: BenchStore, query: RegisterQuery, expect_rows: bool = True) -> float:
    start = time.perf_counter()
    orm, _ = store.tx()
    with orm, orm.begin():
        rows = RegisterRepository(orm).page(query, limit=100)
    elapsed = time.perf_counter() - start
    if expect_rows and not rows:
        raise RuntimeError("register bench: the query found nothing")
    return elapsed


def run(ctx: BenchContext, *, stored_items: int | None = None) -> None:
    workdir = Path(ctx.workdir) / "register-bench"
    workdir.mkdir(parents=True, exist_ok=True)
    count = stored_items if stored_items is not None else ctx.stored_forms
    ctx.sizes["register.items"] = count
    store = BenchStore(workdir / "register.db", b"\x17" * 32)
    started = time.perf_counter()
    populate_decided(store, count)
    ctx.notes.append(f"写入台账 {count} 项用时 {time.perf_counter() - started:.1f} 秒")
    first_page = RegisterQuery(category="机密", sort="title", descending=False)
    ctx.record("register.first_page_s", median_of(lambda: timed(store, first_page), ctx.repetitions))
    needle = f"第{count // 2}号项目"
    search = RegisterQuery(text=needle, sort="form_id")
    ctx.record("register.search_s", median_of(lambda: timed(store, search), ctx.repetitions))
    ctx.record("stats.year_s", stats_year_s(store, count, ctx.repetitions))
    store.close()


def stats_year_s(store: BenchStore, count: int, repetitions: int) -> float:
    """The statistics of one year over every stored item: the generated items carry no decision, so each
    is given a decision time in 2026 first (the register table's own column, as a real approval sets it)."""
    orm, _ = store.tx()
    with orm, orm.begin():
        orm.execute(text("UPDATE register_entries SET decided_at = '2026-06-30T02:00:00+00:00'"))
    query = StatsQuery("2025-12-31T16:00:00+00:00", "2026-12-31T16:00:00+00:00")

    def once() -> float:
        start = time.perf_counter()
        orm, _ = store.tx()
        with orm, orm.begin():
            repo = StatisticsRepository(orm)
            total = sum(g.count for g in repo.item_groups(query))
            repo.escalation_groups(query)
        elapsed = time.perf_counter() - start
        if total != count:
            raise RuntimeError(f"stats bench: counted {total} of {count} items")
        return elapsed

    return median_of(once, repetitions)
