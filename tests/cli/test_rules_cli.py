"""Issue 12 through the command line: the 派生 loophole, the officer's remit and the basis check refuse with
the article; the same messages as the GUI because both reach the one workflow table."""

from __future__ import annotations

import json
from pathlib import Path

from tests.services.samples import content

SOURCE = {
    "doc_number": "上〔2026〕1号",
    "authority": "上级机关",
    "category": "秘密",
    "period": {"years": 1},
    "start_date": "2026-11-01",
    "scope": "项目组",
    "case": 1,
}


def derived_form(category: str, period: dict) -> dict:
    basis = {"kind": "派生", "reference": "", "text": "", "source": SOURCE, "scope_within_source": True}
    return content(category=category, period=period, basis=basis)


def _to_approval(dingmi, tmp_path: Path, obj: dict) -> str:
    path = tmp_path / "form.json"
    path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    r = dingmi("form", "import", str(path), "--user", "zhangsan")
    assert r.code == 0, r.err
    form_id = r.out.strip()
    r = dingmi("form", "submit", form_id, "--user", "zhangsan")
    assert r.code == 0, r.err
    assert dingmi("form", "review", form_id, "--user", "lisi", "--agree").code == 0
    return form_id


def _officer(dingmi, *extra: str) -> None:
    r = dingmi(
        "user",
        "grant",
        "wangwu",
        "--role",
        "定密责任人",
        "--trained-on",
        "2026-03-15",
        *extra,
        "--user",
        "secadmin",
        "--cosigner",
        "sysadmin",
    )
    assert r.code == 0, r.err


def test_a_secret_only_officer_cannot_approve_a_top_secret_derived_from_a_secret_source(dingmi, tmp_path):
    _officer(dingmi, "--officer-kind", "法定", "--highest-level", "秘密")
    loophole = _to_approval(dingmi, tmp_path, derived_form("绝密", {"years": 30}))
    r = dingmi("form", "approve", loophole, "--user", "wangwu", "--latest")
    assert r.code == 1
    assert "派生国家秘密定密管理暂行办法第八条" in r.err and "原始定密" in r.err
    # a derivation that follows its source is approved by the same officer
    follows = _to_approval(dingmi, tmp_path, derived_form("秘密", {"months": 6}))
    r = dingmi("form", "approve", follows, "--user", "wangwu", "--latest")
    assert r.code == 0, r.err


def test_remit_set_by_user_grant_limits_approval(dingmi, tmp_path):
    _officer(
        dingmi,
        "--officer-kind",
        "指定",
        "--highest-level",
        "机密",
        "--term-until",
        "2030-12-31",
        "--remit",
        "业务处",
    )
    form_id = _to_approval(dingmi, tmp_path, content())  # 产生部门 办公室
    r = dingmi("form", "approve", form_id, "--user", "wangwu", "--latest")
    assert r.code == 1 and "条例第十五条" in r.err and "业务处" in r.err
    _officer(
        dingmi,
        "--officer-kind",
        "指定",
        "--highest-level",
        "机密",
        "--term-until",
        "2030-12-31",
        "--remit",
        "办公室",
    )
    assert dingmi("form", "approve", form_id, "--user", "wangwu", "--latest").code == 0


def test_basis_level_refused_at_submit_and_hand_typed_basis_marked(dingmi, tmp_path):
    path = tmp_path / "wrong.json"
    path.write_text(json.dumps(content(category="秘密", period={"years": 5}), ensure_ascii=False), "utf-8")
    form_id = dingmi("form", "import", str(path), "--user", "zhangsan").out.strip()
    r = dingmi("form", "submit", form_id, "--user", "zhangsan")
    assert r.code == 1 and "保密法第十九条" in r.err and "示例事项范围 第3条" in r.err and "机密级" in r.err
    typed = {"kind": "确定性", "reference": "某上级保密事项范围 第8条", "text": ""}
    form_id = _to_approval(dingmi, tmp_path, content(basis=typed))
    shown = dingmi("form", "show", form_id, "--user", "zhangsan", "--json").json()
    submit = next(h for h in shown["history"] if h["action"] == "submit")
    assert "未经依据库核对：某上级保密事项范围 第8条" in json.dumps(submit, ensure_ascii=False)
