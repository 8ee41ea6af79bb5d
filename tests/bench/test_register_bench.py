"""`dingmi bench` register figures over a small generated store: every key recorded and the scroll reached
the end page by page (timings are not asserted); the acceptance verdict and the --items argument."""

from __future__ import annotations

import argparse
import math
import re
from pathlib import Path

import pytest

from dingmi_desktop.bench import register_bench
from dingmi_desktop.bench.acceptance import verdict
from dingmi_desktop.bench.runner import BenchContext
from dingmi_desktop.cli.bench_command import register
from dingmi_desktop.services.register import PAGE_SIZE
from tests.bench.conftest import BULK_ITEMS

KEYS = {
    "register.first_page_s",
    "register.search_s",
    "register.search_fts_s",
    "register.search_short_s",
    "stats.year_s",
    "register.scroll_to_end_s",
    "register.peak_mib",
    "register.baseline_mib",
    "register.peak_vs_baseline_ratio",
    "register.open_mib",
    "register.first_page_cpu_s",
    "register.search_cpu_s",
    "register.search_fts_cpu_s",
    "register.search_short_cpu_s",
    "stats.year_cpu_s",
}


def test_the_register_areas_record_their_keys_over_generated_items(bulk_dir: Path, tmp_path: Path) -> None:
    ctx = BenchContext(quick=True, workdir=str(tmp_path / "tmp"))
    register_bench.run(ctx, store_dir=bulk_dir)
    assert set(ctx.results) == KEYS
    assert all(value > 0 for value in ctx.results.values())
    # the generated items and the demo's decided ones, 100 a page: one fetch per page, none larger
    scrolled = next(n for n in ctx.notes if n.startswith("台账滚动到底"))
    found = re.search(r"(\d+) 次取页、载入 (\d+) 行，单次取页最多 (\d+) 行", scrolled)
    assert found is not None, scrolled
    fetches, rows, largest = (int(g) for g in found.groups())
    assert rows >= BULK_ITEMS and fetches == math.ceil(rows / PAGE_SIZE) and largest == PAGE_SIZE


def test_the_acceptance_verdict_names_each_budget() -> None:
    report = {
        "results": {
            "register.first_page_s": 0.05,
            "register.search_s": 0.25,
            "stats.year_s": 0.4,
            "register.peak_mib": 180.0,
        }
    }
    kept, lines = verdict(report)
    assert not kept
    assert [line.split()[-1] for line in lines] == ["达标", "超出预算", "达标", "达标"]
    assert "250.0 ms" in lines[1] and "100.0 ms" in lines[1]


@pytest.mark.parametrize(("given", "message"), [("十万", "须为整数"), ("0", "1 到 1000000")])
def test_a_bad_item_count_is_refused_in_chinese(given: str, message: str, capsys) -> None:  # type: ignore[no-untyped-def]
    parser = argparse.ArgumentParser(prog="dingmi")
    register(parser.add_subparsers())
    with pytest.raises(SystemExit):
        parser.parse_args(["bench", "--items", given])
    assert message in capsys.readouterr().err
