"""`dingmi bench` register figures over a small generated store: every key recorded and the scroll reached
the end page by page (timings are not asserted); the acceptance verdict and the --items argument."""

from __future__ import annotations

import argparse

import pytest

from dingmi_desktop.bench import register_bench
from dingmi_desktop.bench.acceptance import verdict
from dingmi_desktop.bench.runner import BenchContext
from dingmi_desktop.cli.bench_command import register

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
}


def test_the_register_areas_record_their_keys_over_generated_items(tmp_path) -> None:  # type: ignore[no-untyped-def]
    ctx = BenchContext(quick=True, workdir=str(tmp_path / "tmp"), items=450)
    register_bench.run(ctx)
    assert set(ctx.results) == KEYS
    assert all(value > 0 for value in ctx.results.values())
    assert ctx.sizes["register.items"] == 450
    # 450 generated + the demo's decided items, 100 a page: five or six fetches, none larger than a page
    scrolled = next(n for n in ctx.notes if n.startswith("台账滚动到底"))
    assert "单次取页最多 100 行" in scrolled and ("5 次取页" in scrolled or "6 次取页" in scrolled)


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
