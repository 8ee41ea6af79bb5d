"""End to end through the `dingmi` command line alone: import, submit, review, approve, show, audit."""

from __future__ import annotations

import json
from pathlib import Path

from tests.services.samples import SECRET, content


def _write(tmp_path: Path, obj: object, name: str = "form.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _import(dingmi, tmp_path: Path, obj: object = SECRET) -> int:
    r = dingmi("form", "import", _write(tmp_path, obj), "--user", "zhangsan")
    assert r.code == 0, r.err
    return int(r.out.strip())


def test_import_submit_review_approve_show_and_audit(dingmi, tmp_path: Path) -> None:
    form_id = _import(dingmi, tmp_path)
    assert dingmi("form", "submit", str(form_id), "--user", "zhangsan").code == 0
    r = dingmi("form", "review", str(form_id), "--user", "lisi", "--agree", "--opinion", "同意定为机密")
    assert r.code == 0, r.err
    seen = dingmi("form", "show", str(form_id), "--user", "wangwu").out
    content_hash = seen.split("内容摘要：")[1][:64]
    r = dingmi(
        "form",
        "approve",
        str(form_id),
        "--user",
        "wangwu",
        "--opinion",
        "同意",
        "--content-hash",
        content_hash,
    )
    assert r.code == 0, r.err
    shown = dingmi("form", "show", str(form_id), "--user", "zhangsan", "--json").json()
    assert shown["marking"] == "机密★10年"
    assert shown["declassify_on"] == "2036-11-28"
    assert shown["status"] == "已定密"
    actions = [h["action"] for h in shown["history"]]
    assert actions == ["create", "submit", "review_agree", "approve"]
    signed = [h for h in shown["history"] if h["signed"]]
    assert {h["action"] for h in signed} == {"submit", "review_agree", "approve"}
    assert all(h["signature_valid"] is True for h in signed)
    assert shown["history"][2]["who"] == "lisi" and shown["history"][2]["role"] == "定密审核人"
    listed = dingmi("form", "list", "--user", "wangwu", "--status", "已定密", "--json").json()
    assert any(row["id"] == form_id and row["marking"] == "机密★10年" for row in listed)
    verify = dingmi("audit", "verify", "--user", "auditor")
    assert verify.code == 0, verify.err + verify.out


def test_return_then_resubmit_voids_earlier_review(dingmi, tmp_path: Path) -> None:
    form_id = _import(dingmi, tmp_path)
    dingmi("form", "submit", str(form_id), "--user", "zhangsan")
    dingmi("form", "review", str(form_id), "--user", "lisi", "--agree")
    r = dingmi("form", "return", str(form_id), "--user", "wangwu")
    assert r.code == 2 and "理由" in r.err  # a return needs a reason
    r = dingmi("form", "return", str(form_id), "--user", "wangwu", "--opinion", "知悉范围过宽，请收窄")
    assert r.code == 0, r.err
    assert dingmi("form", "show", str(form_id), "--user", "zhangsan", "--json").json()["status"] == "已退回"
    edited = _write(tmp_path, content(scope="本单位领导班子成员"), "edited.json")
    r = dingmi("form", "edit", str(form_id), edited, "--user", "zhangsan")
    assert r.code == 0, r.err
    r = dingmi("form", "submit", str(form_id), "--user", "zhangsan")
    assert r.code == 0, r.err
    shown = dingmi("form", "show", str(form_id), "--user", "lisi", "--json").json()
    assert shown["status"] == "待审核"  # review again: the earlier review no longer counts
    early_review = [h for h in shown["history"] if h["action"] == "review_agree"]
    assert early_review and not early_review[0]["counts"]
    r = dingmi("form", "approve", str(form_id), "--user", "wangwu", "--latest")
    assert r.code == 1  # not awaiting approval: the old review does not count
    dingmi("form", "review", str(form_id), "--user", "lisi", "--agree", "--opinion", "同意")
    r = dingmi("form", "approve", str(form_id), "--user", "wangwu", "--latest")
    assert r.code == 0, r.err
    shown = dingmi("form", "show", str(form_id), "--user", "zhangsan", "--json").json()
    assert shown["scope"] == "本单位领导班子成员" and shown["status"] == "已定密"
    reviews = [h for h in shown["history"] if h["action"] == "review_agree"]
    assert [h["counts"] for h in reviews] == [False, True]
    assert dingmi("audit", "verify", "--user", "auditor").code == 0


def test_invalid_imports_exit_2_and_store_nothing(dingmi, tmp_path: Path) -> None:
    before = dingmi("form", "list", "--user", "zhangsan", "--json").json()
    cases = {
        "malformed": "{not json",
        "unknown key": json.dumps(content(colour="红")),
        "period over maximum": json.dumps(content(period={"years": 25})),
        "period on 非密": json.dumps(content(category="非密", knowers=[], basis=None)),
        "missing title": json.dumps(content(title=None)),
        "unknown category": json.dumps(content(category="特密")),
    }
    for name, text in cases.items():
        path = tmp_path / f"{len(text)}.json"
        path.write_text(text, encoding="utf-8")
        r = dingmi("form", "import", str(path), "--user", "zhangsan")
        assert r.code == 2, name
        assert r.err.strip() and "Traceback" not in r.err, name
        assert r.out == "", name
        print(name, "→", r.err.strip())
    # a list with one bad form stores none of the good ones
    r = dingmi(
        "form", "import", _write(tmp_path, [SECRET, content(period={"years": 25})]), "--user", "zhangsan"
    )
    assert r.code == 2 and "第2个表单" in r.err
    assert dingmi("form", "list", "--user", "zhangsan", "--json").json() == before


def test_approve_signs_the_content_the_officer_saw(dingmi, tmp_path: Path) -> None:
    form_id = _import(dingmi, tmp_path)
    dingmi("form", "submit", str(form_id), "--user", "zhangsan")
    dingmi("form", "review", str(form_id), "--user", "lisi", "--agree")
    seen = dingmi("form", "show", str(form_id), "--user", "wangwu", "--json").json()["content_hash"]
    r = dingmi("form", "approve", str(form_id), "--user", "wangwu")
    assert r.code == 2 and "--content-hash" in r.err and "--latest" in r.err  # never silently the latest
    # the drafter withdraws and changes the scope before the officer answers
    assert dingmi("form", "withdraw", str(form_id), "--user", "zhangsan").code == 0
    changed = _write(tmp_path, content(scope="本单位全体人员"), "changed.json")
    assert dingmi("form", "edit", str(form_id), changed, "--user", "zhangsan").code == 0
    dingmi("form", "submit", str(form_id), "--user", "zhangsan")
    dingmi("form", "review", str(form_id), "--user", "lisi", "--agree")
    r = dingmi("form", "approve", str(form_id), "--user", "wangwu", "--content-hash", seen)
    assert r.code == 1 and "修改" in r.err
    assert dingmi("form", "show", str(form_id), "--user", "wangwu", "--json").json()["status"] == "待审批"
    r = dingmi("form", "approve", str(form_id), "--user", "wangwu", "--latest")
    assert r.code == 0, r.err
