"""`dingmi stats` over the demo store, through the command line alone."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from tests.cli.test_register_cli import _decide
from tests.fixtures.store import TEST_TODAY

YEAR = str(TEST_TODAY.year)


def test_stats_json_text_export_and_refusals(dingmi, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _decide(dingmi, tmp_path, department="业务处")
    result = dingmi("stats", "--year", YEAR, "--user", "wangwu", "--json").json()
    assert result["year"] == TEST_TODAY.year and result["total"]["counts"]["合计"] == 1
    assert [r["department"] for r in result["rows"]] == ["业务处"]
    assert result["total"]["counts"]["机密"] == 1 and result["total"]["counts"]["原始"] == 1
    text = dingmi("stats", "--year", YEAR, "--user", "wangwu", "--department", "办公室")
    assert text.code == 0 and "合计\t0" in text.out and "均计入所涉事项的产生部门" in text.out
    book = tmp_path / "统计.xlsx"
    r = dingmi("stats", "--year", YEAR, "--user", "wangwu", "--out", str(book))
    assert r.code == 0, r.err
    assert openpyxl.load_workbook(book).active["A1"].value == "内部"
    bad = dingmi("stats", "--year", "26", "--user", "wangwu")
    assert bad.code == 2 and "四位数字" in bad.err
    wrong = dingmi("stats", "--year", YEAR, "--user", "wangwu", "--out", str(tmp_path / "x.csv"))
    assert wrong.code == 2 and ".xlsx 或 .pdf" in wrong.err
    assert dingmi("stats", "--year", YEAR, "--user", "secadmin").code == 3
