"""The daily expiry pass over a store of items in force (`expire.pass_s`, budget ≤ 1 s at 100,000 items).

Items are generated the cheap way register_bench does (repository writes, status 已定密) with their 解密日
spread over ten years after the bench's first day, so each day about count / 3650 of them expire. Each
measured pass is what the app runs daily: one transaction, the indexed candidate query, and per item the
once-only record, the status change (the register triggers fire) and one signed audit entry.
"""

from __future__ import annotations

import dataclasses
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from dingmi_desktop.bench.runner import BenchContext
from dingmi_desktop.bench.store_bench import BATCH, BenchStore, sample_form
from dingmi_desktop.services.expiry import declassify_due

FIRST_DAY = date(2027, 1, 4)  # the bench's "today" before the first measured pass
SPREAD_DAYS = 3650
MEASURED_DAYS = 7


def populate_in_force(store: BenchStore, count: int) -> None:
    done = 0
    while done < count:
        orm, tx = store.tx()
        with orm, orm.begin():
            for i in range(done, min(count, done + BATCH)):
                content, index = sample_form(i)
                until = FIRST_DAY + timedelta(days=1 + i % SPREAD_DAYS)
                content = {**content, "period": {"until": until.isoformat()}}
                index = dataclasses.replace(index, status="已定密", declassify_on=until)
                tx.forms.create(content, index)
        done = min(count, done + BATCH)


def daily_pass_s(store: BenchStore, day: date) -> tuple[float, int]:
    """One day's pass as the service runs it; (seconds, items declassified)."""
    now = datetime(day.year, day.month, day.day, 1, 0, tzinfo=UTC)
    start = time.perf_counter()
    orm, tx = store.tx()
    with orm, orm.begin():
        expired = declassify_due(tx, now, day, "bench")
    return time.perf_counter() - start, len(expired)


def run(ctx: BenchContext, *, stored_items: int | None = None) -> None:
    workdir = Path(ctx.workdir) / "expiry-bench"
    workdir.mkdir(parents=True, exist_ok=True)
    count = stored_items if stored_items is not None else ctx.stored_forms
    ctx.sizes["expire.items"] = count
    store = BenchStore(workdir / "expiry.db", b"\x19" * 32)
    started = time.perf_counter()
    populate_in_force(store, count)
    ctx.notes.append(f"写入在有效期内的事项 {count} 项用时 {time.perf_counter() - started:.1f} 秒")
    figures = [daily_pass_s(store, FIRST_DAY + timedelta(days=d)) for d in range(1, MEASURED_DAYS + 1)]
    expired = sum(n for _, n in figures)
    if expired == 0:
        raise RuntimeError("expiry bench: no item expired")
    seconds = sorted(s for s, _ in figures)
    ctx.record("expire.pass_s", seconds[len(seconds) // 2])
    ctx.record("expire.pass_max_s", seconds[-1])
    ctx.notes.append(f"到期解密：{MEASURED_DAYS} 天共解密 {expired} 项（每天一次检查，一个事务）")
    store.close()
