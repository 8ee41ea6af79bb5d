"""The 依据库 in versions: who may change it, the version in force on a date, import/export, the rules'
reading of it, and the picker's resolution of several items."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from dingmi_desktop.domain.catalogue_doc import ItemDoc, read_catalogue, resolve
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import ValidationError
from dingmi_desktop.domain.periods import Period
from dingmi_desktop.services.accounts import AuditService
from dingmi_desktop.services.catalogue import CatalogueService
from dingmi_desktop.services.demo import SAMPLE_CATALOG_FROM
from dingmi_desktop.services.preflight import catalog_entries
from dingmi_desktop.storage import PermissionDenied
from tests.fixtures.store import TEST_TODAY

NEW = ItemDoc("第5条", "示例：新型号的试验数据", "机密", "20年", "试验组", "科研处")


@pytest.fixture
def admin(demo_session) -> CatalogueService:  # type: ignore[no-untyped-def]
    return CatalogueService(demo_session("secadmin"))


def _audit(demo_session, action: str) -> list:  # type: ignore[no-untyped-def]
    return [e for e in AuditService(demo_session("auditor")).entries() if e.action == action]


def _messages(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return "；".join(p.message for p in exc.value.problems)


def test_demo_catalogue_is_version_1_in_force_from_its_date(admin: CatalogueService) -> None:
    (v1,) = admin.versions()
    assert (v1.number, v1.effective_from) == (1, SAMPLE_CATALOG_FROM)
    assert [i.code for i in admin.items()] == ["第1条", "第2条", "第3条", "第4条"]
    assert admin.items(SAMPLE_CATALOG_FROM - timedelta(days=1)) == []  # nothing before the first version
    assert {i.knowers for i in admin.items()} == {"项目组成员"}


def test_only_the_secadmin_changes_it_and_a_refusal_is_audited(demo_session) -> None:  # type: ignore[no-untyped-def]
    clerk = CatalogueService(demo_session("zhangsan"))
    list_id = clerk.items()[0].list_id
    with pytest.raises(PermissionDenied, match="只有安全保密管理员"):
        clerk.add_item(list_id, NEW, TEST_TODAY)
    refused = _audit(demo_session, "修改依据库")
    assert [e.result for e in refused] == ["拒绝"]
    assert len(clerk.versions()) == 1


def test_an_edit_makes_a_version_and_the_old_one_still_reads_back(admin, demo_session) -> None:  # type: ignore[no-untyped-def]
    first = admin.items()[0]
    changed = ItemDoc(first.code, first.text, "秘密", "5年", first.knowers, "规划处")
    later = TEST_TODAY + timedelta(days=10)
    assert admin.edit_item(first.id, changed, later, "第1条降为秘密") == 2
    assert next((i.code, i.category) for i in admin.items(TEST_TODAY)) == ("第1条", "机密")
    now_in_force = {i.code: i for i in admin.items(later)}
    assert (now_in_force["第1条"].category, now_in_force["第1条"].department) == ("秘密", "规划处")
    assert len(now_in_force) == 4
    entry = [e for e in _audit(demo_session, "修改依据库") if e.result != "拒绝"]
    assert len(entry) == 1


def test_add_and_retire(admin: CatalogueService) -> None:
    list_id = admin.items()[0].list_id
    admin.add_item(list_id, NEW, TEST_TODAY)
    assert "第5条" in [i.code for i in admin.items()]
    with pytest.raises(ValidationError, match="已有现行的细目"):
        admin.add_item(list_id, NEW, TEST_TODAY)
    fifth = next(i for i in admin.items() if i.code == "第5条")
    admin.retire_item(fifth.id, TEST_TODAY + timedelta(days=1))
    assert "第5条" not in [i.code for i in admin.items()]
    assert "第5条" in [i.code for i in admin.items(TEST_TODAY)]
    with pytest.raises(ValidationError, match="已废止"):
        admin.retire_item(fifth.id, TEST_TODAY + timedelta(days=2))


def test_effective_dates_never_go_backwards(admin: CatalogueService) -> None:
    with pytest.raises(ValidationError) as exc:
        admin.add_item(admin.items()[0].list_id, NEW, SAMPLE_CATALOG_FROM - timedelta(days=1))
    assert "不能早于现行版本" in _messages(exc)


def test_bad_items_get_clear_messages(admin: CatalogueService) -> None:
    bad = ItemDoc("", "内容", "内部", "十年")
    with pytest.raises(ValidationError) as exc:
        admin.add_item(admin.items()[0].list_id, bad, TEST_TODAY)
    text = _messages(exc)
    assert "编号不能为空" in text and "须为绝密、机密或秘密" in text and "不是保密期限" in text


def test_export_then_import_round_trips_and_an_unchanged_import_is_refused(admin, demo_session) -> None:  # type: ignore[no-untyped-def]
    exported = admin.export_json()
    assert (
        exported["catalogue_version"] == 1 and exported["effective_from"] == SAMPLE_CATALOG_FROM.isoformat()
    )
    with pytest.raises(ValidationError, match="与现行版本相同"):
        admin.import_document(read_catalogue(json.dumps(exported, ensure_ascii=False).encode()))
    items = exported["scopes"][0]["lists"][0]["items"]
    items[1]["period"] = "8年"  # changed
    del items[3]  # gone
    items.append({"code": "第9条", "text": "示例：新增", "level": "秘密", "period": "长期"})
    exported["effective_from"] = TEST_TODAY.isoformat()
    result = admin.import_document(read_catalogue(json.dumps(exported, ensure_ascii=False).encode()))
    assert (result.version, result.added, result.retired, result.kept) == (2, 2, 2, 2)
    assert [(i.code, i.period_text) for i in admin.items()] == [
        ("第1条", "10年"),
        ("第3条", "10年"),
        ("第2条", "8年"),
        ("第9条", "长期"),
    ]
    assert len(_audit(demo_session, "导入依据库")) == 2  # the demo's and this one
    assert len(_audit(demo_session, "导出依据库")) == 1


def test_the_rules_read_the_version_in_force_on_the_form_date(admin, demo_store) -> None:  # type: ignore[no-untyped-def]
    first = admin.items()[0]
    later = TEST_TODAY + timedelta(days=30)
    admin.edit_item(first.id, ItemDoc(first.code, first.text, "秘密", "5年"), later)
    with admin.session.transaction() as tx:
        before = catalog_entries(tx, TEST_TODAY)
        after = catalog_entries(tx, later)
        nothing = catalog_entries(tx, date(2025, 12, 31))
    cited = "示例一览表 第1条"
    assert next(e for e in before if cited in e.references).category is Category.SECRET
    assert next(e for e in after if cited in e.references).category is Category.CONFIDENTIAL
    assert nothing == []


def test_several_items_resolve_to_the_highest_level_and_longest_period() -> None:
    chosen = [("秘密", "5年"), ("机密", "10年"), ("秘密", "20年")]
    assert resolve(chosen, TEST_TODAY) == (Category.SECRET, Period.of_years(20))
    assert resolve([("秘密", "长期"), ("绝密", "10年")], TEST_TODAY) == (
        Category.TOP_SECRET,
        Period.long_term(),
    )
