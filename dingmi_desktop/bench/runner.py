"""Runs every registered benchmark area and collects one JSON object."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import gc
import importlib
import os
import platform
import resource
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# Each module defines `run(ctx: BenchContext) -> None` and records figures with ctx.record().
AREA_MODULES = (
    "dingmi_desktop.bench.store_bench",
    "dingmi_desktop.bench.draft_bench",
    "dingmi_desktop.bench.register_bench",
    "dingmi_desktop.bench.review_bench",
    "dingmi_desktop.bench.expiry_bench",
    "dingmi_desktop.bench.pdf_bench",
    "dingmi_desktop.bench.gui_bench",
)


@dataclass
class BenchContext:
    quick: bool
    workdir: str
    results: dict[str, float] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    items: int | None = None  # register items (`dingmi bench --items N`); None: as many as stored forms

    @property
    def stored_forms(self) -> int:
        return 10_000 if self.quick else 100_000

    @property
    def register_items(self) -> int:
        return self.items if self.items is not None else self.stored_forms

    @property
    def repetitions(self) -> int:
        return 3 if self.quick else 7

    def record(self, key: str, value: float) -> None:
        self.results[key] = round(float(value), 6)


def median_of(fn: Callable[[], float], repetitions: int) -> float:
    values = sorted(fn() for _ in range(repetitions))
    return values[len(values) // 2]


def release_freed_memory() -> None:
    """Collects garbage and hands freed heap pages back to the OS (glibc's malloc_trim), so that the areas,
    run one after another in one process, do not stack their leftovers into the next area's peak."""
    gc.collect()
    name = ctypes.util.find_library("c")
    if name and platform.system() == "Linux":
        with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to trim
            ctypes.CDLL(name).malloc_trim(0)


def run_all(
    quick: bool, workdir: str, only: list[str] | None = None, items: int | None = None
) -> dict[str, Any]:
    ctx = BenchContext(quick=quick, workdir=workdir, items=items)
    for name in AREA_MODULES:
        if only and not any(name.endswith(part) for part in only):
            continue
        importlib.import_module(name).run(ctx)
        release_freed_memory()  # what one area freed is not counted again in the next area's peak
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    ctx.record("memory.peak_mib", peak_kib / 1024)
    machine = {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count() or 0,
    }
    return {"machine": machine, "sizes": ctx.sizes, "results": ctx.results, "notes": ctx.notes}
