"""`dingmi bench --acceptance`: issue 14's acceptance run, the register area over 100,000 generated items,
each figure printed against its budget."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

ACCEPTANCE_ITEMS = 100_000


@dataclass(frozen=True)
class Budget:
    key: str
    label: str
    limit: float
    unit: str  # "s" (shown in ms) or "MiB"


BUDGETS = (
    Budget("register.first_page_s", "台账首页", 0.200, "s"),
    Budget("register.search_s", "台账检索（最慢的一次）", 0.100, "s"),
    Budget("stats.year_s", "年度统计", 1.0, "s"),
    Budget("register.peak_mib", "打开台账并滚动到底的峰值内存", 300.0, "MiB"),
)


def _padded(label: str, columns: int = 30) -> str:
    """`label` padded to `columns` terminal columns (a CJK character takes two)."""
    width = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in label)
    return label + " " * max(columns - width, 0)


def _shown(value: float, unit: str) -> str:
    return f"{value * 1000:.1f} ms" if unit == "s" else f"{value:.0f} MiB"


def verdict(report: dict[str, Any]) -> tuple[bool, list[str]]:
    """(all budgets kept, one line per budget and the other register figures) from run_all's report."""
    results: dict[str, float] = report["results"]
    lines, kept = [], True
    for b in BUDGETS:
        value = results.get(b.key)
        if value is None:
            lines.append(f"{_padded(b.label)} 未测得")
            kept = False
            continue
        ok = value <= b.limit
        kept &= ok
        mark = "达标" if ok else "超出预算"
        lines.append(
            f"{_padded(b.label)} {_shown(value, b.unit):>12s}  预算 ≤ {_shown(b.limit, b.unit):>9s}  {mark}"
        )
    for key in sorted(set(results) - {b.key for b in BUDGETS}):
        lines.append(f"{key:40s} {results[key]:.6f}")
    return kept, lines
