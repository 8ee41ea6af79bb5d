"""`dingmi register list|search|export` over the demo store, through the command line alone."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl

from tests.cli.test_form_flow import _import
from tests.services.samples import content


def _decide(dingmi, tmp_path: Path, **changes: object) -> int:  # type: ignore[no-untyped-def]
    form_id = _import(dingmi, tmp_path, content(**changes))
    assert dingmi("form", "submit", str(form_id), "--user", "zhangsan").code == 0
    assert dingmi("form", "review", str(form_id), "--user", "lisi", "--agree", "--opinion", "同意").code == 0
    r = dingmi("form", "approve", str(form_id), "--user", "wangwu", "--opinion", "同意定为该密级", "--latest")
    assert r.code == 0, r.err
    return form_id


def test_list_search_and_export(dingmi, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = _decide(dingmi, tmp_path)
    second = _decide(
        dingmi,
        tmp_path,
        title="年度经费预算",
        category="秘密",
        period={"years": 5},
        basis={"kind": "确定性", "reference": "本单位定密事项一览表 第9条", "text": "年度经费预算"},
    )
    listed = dingmi("register", "list", "--user", "wangwu", "--json").json()
    assert listed["total"] == 2
    assert [i["form_id"] for i in listed["items"]] == [first, second]
    assert listed["items"][1]["marking"] == "秘密★5年" and listed["items"][1]["officer"] == "王五"
    newest = dingmi("register", "list", "--user", "wangwu", "--desc", "--limit", "1", "--json").json()
    assert [i["form_id"] for i in newest["items"]] == [second]
    secret = dingmi("register", "list", "--user", "wangwu", "--level", "秘密", "--json").json()
    assert [i["form_id"] for i in secret["items"]] == [second]
    by_title = dingmi("register", "list", "--user", "wangwu", "--sort", "title", "--json").json()
    assert [i["title"] for i in by_title["items"]] == ["关于某项目技术方案的请示", "年度经费预算"]
    text = dingmi("register", "list", "--user", "wangwu")
    assert text.code == 0 and "共 2 项" in text.out
    found = dingmi("register", "search", "经费预算", "--user", "zhangsan", "--json").json()
    assert [i["form_id"] for i in found["items"]] == [second]
    assert dingmi("register", "search", "预算", "--user", "zhaoliu", "--json").json()["total"] == 0
    out = tmp_path / "register.csv"
    r = dingmi("register", "export", "--user", "wangwu", "--out", str(out))
    assert r.code == 0, r.err
    assert "已导出 2 项" in r.out and "机密" in r.out
    lines = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert lines[0] == ["密级：机密"] and len(lines) == 5 + 2
    book = tmp_path / "register.xlsx"
    r = dingmi(
        "register", "export", "--user", "wangwu", "--format", "xlsx", "--level", "秘密", "--out", str(book)
    )
    assert r.code == 0, r.err
    sheet = openpyxl.load_workbook(book).active
    assert sheet["A1"].value == "密级：秘密" and sheet.oddHeader.center.text == "秘密"
    assert sheet.max_row == 5 + 1 and sheet["A6"].value == second


def test_refusals_and_bad_input(dingmi, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r = dingmi("register", "list", "--user", "secadmin")
    assert r.code == 3 and "三员" in r.err
    r = dingmi("register", "list", "--user", "wangwu", "--sort", "nonsense")
    assert r.code == 2 and "--sort" in r.err
    r = dingmi("register", "list", "--user", "wangwu", "--year", "二〇二六")
    assert r.code == 2 and "--year" in r.err
    r = dingmi("register", "list", "--user", "wangwu", "--origin", "别的")
    assert r.code == 2 and "原始" in r.err
    r = dingmi("register", "export", "--user", "wangwu", "--out", str(tmp_path / "x.pdf"))
    assert r.code == 2 and "xlsx 或 csv" in r.err
    r = dingmi("register", "export", "--user", "wangwu", "--format", "xlsx", "--out", str(tmp_path / "x.csv"))
    assert r.code == 2 and ".xlsx" in r.err
    r = dingmi("register", "export", "--user", "zhangsan", "--out", str(tmp_path / "mine.csv"))
    assert r.code == 3 and "定密责任人和保密员" in r.err
    r = dingmi("register", "search", "  ", "--user", "wangwu")
    assert r.code == 2 and "不能为空" in r.err
