"""`dingmi knowers` and `dingmi review-year` over the demo store, through the command line alone."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from tests.cli.test_register_cli import _decide
from tests.fixtures.store import TEST_TODAY

YEAR = str(TEST_TODAY.year)


def test_knowers_add_approve_and_list(dingmi, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    item = str(_decide(dingmi, tmp_path))
    added = dingmi("knowers", "add", item, "--person", "王小明", "--reason", "参与评审", "--user", "zhangsan")
    assert added.code == 0 and "须经定密责任人批准" in added.out
    request = added.out.split("申请 ")[1].split("：")[0]
    pending = dingmi("knowers", "list", item, "--user", "zhangsan", "--json").json()
    assert pending["original"] == ["张三", "李四"] and pending["grants"][0]["status"] == "待批准"
    waiting = dingmi("knowers", "pending", "--user", "wangwu")
    assert waiting.code == 0 and "王小明" in waiting.out and "待批准 1 项" in waiting.out
    clerk = dingmi("knowers", "approve", request, "--user", "zhangsan")
    assert clerk.code == 3 and "须经定密责任人批准" in clerk.err
    other = dingmi("knowers", "add", item, "--person", "孙七", "--reason", "需要", "--user", "zhaoliu")
    assert other.code == 3 and "本人拟制" in other.err
    empty = dingmi("knowers", "add", item, "--person", "孙七", "--reason", " ", "--user", "zhangsan")
    assert empty.code == 2 and "理由" in empty.err
    dup = dingmi("knowers", "add", item, "--person", "李四", "--reason", "需要", "--user", "zhangsan")
    assert dup.code == 2 and "已在该事项的知悉人员中" in dup.err
    wrong = dingmi("knowers", "approve", request, "--user", "wangwu", password="wrong-password")
    assert wrong.code == 3
    ok = dingmi("knowers", "approve", request, "--user", "wangwu", "--opinion", "同意")
    assert ok.code == 0 and "已签名" in ok.out
    text = dingmi("knowers", "list", item, "--user", "wangwu")
    assert text.code == 0 and "王小明\t已批准" in text.out and "经 王五 批准" in text.out
    again = dingmi("knowers", "approve", request, "--user", "wangwu")
    assert again.code == 1 and "已处理" in again.err


def test_review_year_start_list_decide_report(dingmi, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    item = str(_decide(dingmi, tmp_path))
    started = dingmi("review-year", "start", "--year", YEAR, "--user", "wangwu")
    assert started.code == 0 and "新增 1 项，共 1 项" in started.out
    assert "新增 0 项" in dingmi("review-year", "start", "--year", YEAR, "--user", "wangwu").out
    listed = dingmi("review-year", "list", "--year", YEAR, "--user", "wangwu", "--json").json()
    assert listed["total"] == 1 and listed["items"][0]["officer"] == "王五"
    mine = dingmi("review-year", "list", "--year", YEAR, "--officer", "wangwu", "--user", "wangwu")
    assert mine.code == 0 and "已审核 0 / 共 1 项" in mine.out
    missing = dingmi(
        "review-year", "decide", "--year", YEAR, "--item", item, "--outcome", "维持", "--opinion", "",
        "--user", "wangwu",
    )  # fmt: skip
    assert missing.code == 2 and "审核意见" in missing.err
    kept = dingmi(
        "review-year", "decide", "--year", YEAR, "--item", item, "--outcome", "维持", "--opinion", "仍需保密",
        "--user", "wangwu",
    )  # fmt: skip
    assert kept.code == 0 and "维持（已签名）" in kept.out
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    report = dingmi(
        "review-year", "report", "--year", YEAR, "--out", str(pdf), "--xlsx", str(xlsx), "--user", "wangwu"
    )
    assert report.code == 0 and "文件密级：机密" in report.out
    assert pdf.read_bytes().startswith(b"%PDF") and openpyxl.load_workbook(xlsx).active["A1"].value == "机密"
    assert dingmi("review-year", "list", "--year", YEAR, "--user", "zhangsan").code == 3
    assert dingmi("review-year", "start", "--year", "26", "--user", "wangwu").code == 2
