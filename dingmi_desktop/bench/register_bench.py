"""Register figures over a generated store of decided items (bench.bulk_items), measured through the
services the register page calls: the first page, searches, a year's statistics, and, in a child process of
its own (gui_bench.register_scroll), the model scrolled to the end with its peak memory against a baseline.

The store is generated in a child process: writing 100,000 items is the bench's setup, not the program's
work, and would otherwise stay in this process's memory.peak_mib. A first page and a search are timed as the
model's load does them: the count and the first page of the filter.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path

from dingmi_desktop import clock as dingmi_clock
from dingmi_desktop.bench.runner import BenchContext
from dingmi_desktop.clock import Clock, local_date
from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.services.register import PAGE_SIZE, RegisterFilter, RegisterService
from dingmi_desktop.services.statistics import StatisticsService
from dingmi_desktop.storage.store import Store

READER = "wangwu"  # the 定密责任人: reads every item
# Searches the model runs: three characters or more go through the trigram index, one or two scan the table
# (many hits, many hits on a long phrase; the middle item's 文号 is added: one hit)
FTS_SEARCHES = ("技术方案", "尚未公布的重大项目")
SHORT_SEARCHES = ("预算", "函")
FIRST_PAGES = (RegisterFilter(), RegisterFilter(category="机密", sort="title", descending=False))


def clock_from(start_iso: str) -> Clock:
    """A child's clock: the parent's "now" moved on by the child's own elapsed (monotonic) time, so that the
    parent decides what now is (a test's clock reaches its children)."""
    start, base = datetime.fromisoformat(start_iso), time.monotonic()
    return lambda: start + timedelta(seconds=time.monotonic() - base)


def build(data_dir: Path, count: int, start_iso: str) -> None:
    """The child's work: a bench store with `count` generated items."""
    from dingmi_desktop.bench.bulk_items import bench_store, generate

    clock = clock_from(start_iso)
    store = bench_store(data_dir, clock)
    try:
        generate(store, count, clock=clock)
    finally:
        store.close()


def child_env() -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    return env


def build_in_child(data_dir: Path, count: int, now: datetime) -> None:
    code = "import sys; from pathlib import Path; from dingmi_desktop.bench.register_bench import build; "
    code += "build(Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3])"
    argv = [sys.executable, "-c", code, str(data_dir), str(count), now.isoformat()]
    subprocess.run(argv, env=child_env(), check=True)


Pair = tuple[float, float]  # (wall seconds, CPU seconds of this process)


def _timed(fn: Callable[[], object]) -> Pair:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def _median_pair(fn: Callable[[], object], repetitions: int) -> Pair:
    """Medians of wall and CPU time: on a shared machine (2 cores, many jobs) the wall time mostly measures
    the others' load; the CPU time is what the query costs, the wall time on an idle terminal."""
    pairs = [_timed(fn) for _ in range(repetitions)]
    return statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)


def _record(ctx: BenchContext, key: str, pair: Pair) -> None:
    ctx.record(key, pair[0])
    ctx.record(key.removesuffix("_s") + "_cpu_s", pair[1])


def _load(service: RegisterService, flt: RegisterFilter) -> None:
    """One load of the model: the filter's count and its first page."""
    total = service.count(flt)
    rows = service.page(flt, offset=0, limit=PAGE_SIZE)
    if not (rows and total):
        raise RuntimeError(f"register bench: {flt.describe()} found nothing")


def _worst(service: RegisterService, filters: Sequence[RegisterFilter], repetitions: int) -> Pair:
    """The slowest filter's median load (by CPU time)."""
    return max(
        (_median_pair(partial(_load, service, flt), repetitions) for flt in filters), key=lambda p: p[1]
    )


def measure(ctx: BenchContext, data_dir: Path, now: datetime) -> None:
    """First page, searches and a year's statistics over the store at `data_dir`."""
    store = Store.open(data_dir, clock=clock_from(now.isoformat()))
    try:
        session = store.sign_in(READER, DEMO_PASSWORD)
        register, stats = RegisterService(session), StatisticsService(session)
        reps = ctx.repetitions
        _record(ctx, "register.first_page_s", _worst(register, FIRST_PAGES, reps))
        total = register.count(RegisterFilter())
        (middle,) = register.page(RegisterFilter(), offset=total // 2, limit=1)
        needles = (*FTS_SEARCHES, middle.doc_number)
        fts = _worst(register, [RegisterFilter(text=n) for n in needles], reps)
        short = _worst(register, [RegisterFilter(text=n) for n in SHORT_SEARCHES], reps)
        _record(ctx, "register.search_fts_s", fts)
        _record(ctx, "register.search_short_s", short)
        _record(ctx, "register.search_s", max(fts, short, key=lambda p: p[1]))
        year = local_date(now).year

        def year_stats() -> None:
            if not stats.year(year).total.counts["合计"]:
                raise RuntimeError(f"stats bench: no item decided in {year}")

        _record(ctx, "stats.year_s", _median_pair(year_stats, reps))
        session.close()
    finally:
        store.close()


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(ctx: BenchContext, *, stored_items: int | None = None, store_dir: Path | None = None) -> None:
    """Generates the store (or measures `store_dir`, a bench store made before: the tests reuse one)."""
    from dingmi_desktop.bench.gui_bench import register_scroll_in_child

    now = dingmi_clock.system_now()  # looked up at call time: a test's clock stands in for the machine's
    data_dir = store_dir or Path(ctx.workdir) / "register-bench" / "store"
    if store_dir is None:
        count = stored_items if stored_items is not None else ctx.register_items
        ctx.sizes["register.items"] = count
        started, cpu = time.perf_counter(), _children_cpu()
        build_in_child(data_dir, count, now)
        ctx.notes.append(
            f"批量生成台账 {count} 项用时 {time.perf_counter() - started:.1f} 秒，"
            f"CPU {_children_cpu() - cpu:.1f} 秒（子进程，含演示数据目录的建立）"
        )
    measure(ctx, data_dir, now)
    scroll = register_scroll_in_child(data_dir, now, scroll=True)
    baseline = register_scroll_in_child(data_dir, now, scroll=False)
    ctx.record("register.scroll_to_end_s", scroll["scroll_s"])
    ctx.record("register.peak_mib", scroll["peak_mib"])
    ctx.record("register.baseline_mib", baseline["peak_mib"])
    ctx.record("register.peak_vs_baseline_ratio", scroll["peak_mib"] / baseline["peak_mib"])
    ctx.record("register.open_mib", scroll["open_mib"])
    ctx.notes.append("机器负载（1/5/15 分钟）：" + " / ".join(f"{v:.1f}" for v in os.getloadavg()))
    ctx.notes.append(
        f"台账滚动到底：{scroll['fetches']:.0f} 次取页、载入 {scroll['rows']:.0f} 行，"
        f"单次取页最多 {scroll['largest']:.0f} 行；"
        "基线为同一子进程登录后不打开台账的峰值内存"
    )
