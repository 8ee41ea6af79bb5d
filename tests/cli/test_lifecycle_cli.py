"""`dingmi form change|declassify|extend|notices|notified` end to end through the command line alone."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_form_flow import _import


def _decide(dingmi, form_id: int) -> None:  # type: ignore[no-untyped-def]
    assert dingmi("form", "submit", str(form_id), "--user", "zhangsan").code == 0
    r = dingmi("form", "review", str(form_id), "--user", "lisi", "--agree", "--opinion", "同意")
    assert r.code == 0, r.err
    r = dingmi("form", "approve", str(form_id), "--user", "wangwu", "--opinion", "同意", "--latest")
    assert r.code == 0, r.err + r.out


def test_change_extend_declassify_and_notices(dingmi, tmp_path: Path) -> None:
    item = _import(dingmi, tmp_path)
    _decide(dingmi, item)  # 机密★10年 from 2026-11-28
    r = dingmi("form", "change", str(item), "--user", "zhangsan", "--level", "秘密", "--period", "5年",
               "--reason", "项目转入一般阶段", "--json")  # fmt: skip
    assert r.code == 0, r.err
    change = r.json()["id"]
    assert r.json() == {"id": change, "item": item, "kind": "变更", "status": "草稿"}
    _decide(dingmi, change)
    shown = dingmi("form", "show", str(item), "--user", "wangwu", "--json").json()
    assert (shown["marking"], shown["status"]) == ("秘密★5年", "已定密")
    r = dingmi("form", "extend", str(item), "--user", "zhangsan", "--period", "11年", "--reason", "延期")
    assert r.code == 0, r.err  # a draft: the maximum is checked when it is submitted
    extend = int(r.out.split("表单 ")[1].split("（")[0])
    r = dingmi("form", "submit", str(extend), "--user", "zhangsan")
    assert r.code == 2 and "不得超过10年" in r.err
    r = dingmi("form", "declassify", str(item), "--user", "zhangsan", "--reason", "已在政府网站公开",
               "--publication", "--json")  # fmt: skip
    assert r.code == 0, r.err
    published = r.json()["id"]
    assert r.json()["kind"] == "公开解密"
    _decide(dingmi, published)
    shown = dingmi("form", "show", str(item), "--user", "wangwu", "--json").json()
    assert shown["status"] == "已解密"
    notices = dingmi("form", "notices", str(published), "--user", "wangwu", "--json").json()
    assert [n["person"] for n in notices] == ["本单位领导班子成员及项目组", "张三", "李四"]
    assert all(n["notified_on"] is None for n in notices)
    r = dingmi(
        "form", "notified", str(published), "--user", "wangwu", "--person", "张三", "--date", "2026-11-28"
    )
    assert r.code == 0, r.err
    notices = dingmi("form", "notices", str(published), "--user", "wangwu", "--json").json()
    assert notices[1] == {
        "source": "知悉人员",
        "person": "张三",
        "notified_on": "2026-11-28",
        "recorded_by": "wangwu",
    }
    verify = dingmi("audit", "verify", "--user", "auditor")
    assert verify.code == 0, verify.err + verify.out


def test_refusals_and_bad_input(dingmi, tmp_path: Path) -> None:
    item = _import(dingmi, tmp_path)
    r = dingmi("form", "change", str(item), "--user", "zhangsan", "--scope", "全体", "--reason", "扩大")
    assert r.code == 1 and "只有已定密的事项才能变更" in r.err
    _decide(dingmi, item)
    r = dingmi("form", "change", str(item), "--user", "zhangsan", "--scope", "全体")
    assert r.code == 2 and "须填写理由" in r.err
    r = dingmi("form", "change", str(item), "--user", "zhangsan", "--reason", "无")
    assert r.code == 2 and "--level" in r.err
    r = dingmi("form", "change", str(item), "--user", "zhangsan", "--level", "特密", "--reason", "无")
    assert r.code == 2 and "未知的密级" in r.err
    r = dingmi("form", "change", str(item), "--user", "lisi", "--scope", "全体", "--reason", "扩大")
    assert r.code == 1 and "承办人或定密责任人" in r.err
    r = dingmi("form", "notices", str(item), "--user", "wangwu")
    assert r.code == 1 and "不是变更、解密或延长决定单" in r.err
    r = dingmi("form", "notified", str(item), "--user", "wangwu", "--person", "张三", "--date", "2026-13-01")
    assert r.code == 2
