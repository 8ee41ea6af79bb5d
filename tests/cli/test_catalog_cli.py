"""`dingmi catalog import|export|list`: a round trip, the 安全保密管理员 alone imports, bad files exit 2."""

from __future__ import annotations

import json
from pathlib import Path

from tests.fixtures.store import TEST_TODAY


def test_list_shows_the_version_in_force(dingmi) -> None:  # type: ignore[no-untyped-def]
    plain = dingmi("catalog", "list", "--user", "zhangsan")
    assert plain.code == 0 and "依据库第1版，2026-01-01 起生效，共 4 条细目" in plain.out
    listed = dingmi("catalog", "list", "--json", "--user", "zhangsan").json()
    assert listed["version"] == 1
    assert next((i["code"], i["level"], i["period"]) for i in listed["items"]) == ("第1条", "机密", "10年")


def test_export_edit_import_makes_a_new_version(dingmi, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "catalogue.json"
    assert dingmi("catalog", "export", "--out", str(out), "--user", "zhangsan").code == 0
    document = json.loads(out.read_text("utf-8"))
    document["effective_from"] = TEST_TODAY.isoformat()
    document["scopes"][0]["lists"][0]["items"][0]["department"] = "科研处"
    out.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    refused = dingmi("catalog", "import", str(out), "--user", "zhangsan")
    assert refused.code == 3 and "只有安全保密管理员" in refused.err
    done = dingmi("catalog", "import", str(out), "--user", "secadmin")
    assert done.code == 0, done.err
    assert "第2版" in done.out and "新增或修改 1 条" in done.out
    listed = dingmi("catalog", "list", "--json", "--user", "zhangsan").json()
    assert listed["version"] == 2 and listed["items"][-1]["department"] == "科研处"
    again = dingmi("catalog", "import", str(out), "--user", "secadmin")
    assert again.code == 2 and "与现行版本相同" in again.err


def test_a_bad_file_is_exit_2_with_every_problem(dingmi, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.json"
    item = {"code": "第1条", "text": "x", "level": "内部", "period": "十年", "colour": "red"}
    lists = [{"code": "表", "title": "表", "items": [item, dict(item, level="秘密", period="5年")]}]
    document = {
        "format": "dingmi-catalogue",
        "format_version": 1,
        "effective_from": "2026-02-30",
        "scopes": [{"code": "范围", "title": "范围", "lists": lists}],
    }
    bad.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    result = dingmi("catalog", "import", str(bad), "--user", "secadmin")
    assert result.code == 2
    for expected in ("该月没有这一天", "须为绝密、机密或秘密", "不是保密期限", "未知的键", "编号“第1条”重复"):
        assert expected in result.err
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "dingmi-catalogue",', "utf-8")
    assert dingmi("catalog", "import", str(broken), "--user", "secadmin").code == 2
    early = dict(document, effective_from="2025-12-31", scopes=[])
    bad.write_text(json.dumps(early, ensure_ascii=False), "utf-8")
    result = dingmi("catalog", "import", str(bad), "--user", "secadmin")
    assert result.code == 2 and "不能早于现行版本" in result.err


def test_export_to_a_missing_folder_is_exit_2(dingmi, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = dingmi("catalog", "export", "--out", str(tmp_path / "no" / "x.json"), "--user", "zhangsan")
    assert result.code == 2 and "导出位置不存在" in result.err
