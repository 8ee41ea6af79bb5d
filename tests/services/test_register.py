"""The register (定密台账): rows kept by the database, visibility by role, filters, sorting, search, CSV."""

from __future__ import annotations

import csv

import pytest

from dingmi_desktop.export.fonts import bundled_font_set
from dingmi_desktop.services.printing import PrintingService
from dingmi_desktop.services.register import RegisterFilter, RegisterService
from dingmi_desktop.storage import PermissionDenied, RoleGrant
from tests.fixtures.store import TEST_TODAY
from tests.services.samples import PASSWORD, Users, audit_entries, form, grant

DERIVED_BASIS = {
    "kind": "派生",
    "reference": "",
    "text": "依据来源文件派生",
    "source": {
        "doc_number": "源〔2026〕3号",
        "authority": "示例上级机关",
        "category": "秘密",
        "period": {"years": 5},
        "start_date": "2026-11-28",
        "scope": "项目组",
        "case": 1,
    },
    "scope_within_source": True,
}


# A basis typed by hand (not in the demo catalogue): allowed, marked 未经依据库核对.
OWN_BASIS = {"kind": "确定性", "reference": "本单位定密事项一览表 第9条", "text": "年度经费预算"}


def decided(users: Users, drafter: str = "zhangsan", **changes: object) -> int:
    form_id = users.to_approval(form(**changes), drafter=drafter)
    users.approve(form_id)
    return form_id


def service(users: Users, name: str) -> RegisterService:
    return RegisterService(users[name].session)


def test_an_approved_item_is_on_the_register_with_its_values_and_printed_copies(users: Users) -> None:
    draft = users["zhangsan"].drafting.create_draft(form(title="未提交的草稿")).form_id
    form_id = decided(users, copies=3)
    PrintingService(users["zhangsan"].session, fonts=bundled_font_set()).print_copies(
        form_id, printer="办公室打印机", password=PASSWORD, copies=2
    )
    items = service(users, "wangwu").page(RegisterFilter())
    assert [i.form_id for i in items] == [form_id]  # the draft is not on the register
    assert draft != form_id
    item = items[0]
    assert (item.title, item.doc_number, item.category, item.marking) == (
        "关于某项目技术方案的请示",
        "示〔2026〕12号",
        "机密",
        "机密★10年",
    )
    assert (item.period_form, item.period_value, item.start_date) == ("保密期限", "10年", "2026-11-28")
    assert item.declassify_on == "2036-11-28"
    assert (item.scope, item.basis, item.origin) == (
        "本单位领导班子成员及项目组",
        "示例事项范围 第3条 ……",
        "原始",
    )
    assert (item.status, item.copies, item.drafter, item.officer) == ("已定密", 2, "张三", "王五")
    assert item.decided_at == TEST_TODAY.isoformat()


def test_officer_and_clerk_see_all_a_drafter_his_own_and_the_three_admins_are_refused(
    users: Users,
) -> None:
    mine = decided(users, "zhangsan")
    theirs = decided(users, "zhaoliu", title="赵六的事项")
    assert {i.form_id for i in service(users, "wangwu").page(RegisterFilter())} == {mine, theirs}
    assert [i.form_id for i in service(users, "zhangsan").page(RegisterFilter())] == [mine]
    assert service(users, "zhaoliu").count(RegisterFilter()) == 1
    grant(users.store, "lisi", RoleGrant("保密员"))
    clerk = RegisterService(users.store.sign_in("lisi", PASSWORD))
    assert clerk.count(RegisterFilter()) == 2
    admin = RegisterService(users.store.sign_in("secadmin", PASSWORD))
    with pytest.raises(PermissionDenied):
        admin.page(RegisterFilter())
    refusals = [e for e in audit_entries(users.store) if e.action == "查阅台账"]
    assert [(e.actor, e.result) for e in refusals] == [("secadmin", "拒绝")]


def test_filters_combine_and_sorting_pages_through_the_database(users: Users) -> None:
    ids = [decided(users, title=f"事项{n:02d}", department="业务处" if n % 2 else "办公室") for n in range(5)]
    derived = decided(users, title="派生事项", category="秘密", period={"years": 5}, basis=DERIVED_BASIS)
    officer = service(users, "wangwu")
    assert [i.form_id for i in officer.page(RegisterFilter(origin="派生"))] == [derived]
    assert officer.count(RegisterFilter(category="机密")) == 5
    assert officer.count(RegisterFilter(department="业务处")) == 2
    assert officer.count(RegisterFilter(year=TEST_TODAY.year)) == 6
    assert officer.count(RegisterFilter(year=TEST_TODAY.year - 1)) == 0
    # 解密日: 秘密★5年 from 2026-11-28 falls within 5 years and a day; 机密★10年 does not
    days = (TEST_TODAY.replace(year=TEST_TODAY.year + 5) - TEST_TODAY).days + 1
    assert [i.form_id for i in officer.page(RegisterFilter(expiring_days=days))] == [derived]
    assert officer.count(RegisterFilter(expiring_days=30)) == 0
    by_title = RegisterFilter(sort="title", descending=False)
    first, second = officer.page(by_title, 0, 4), officer.page(by_title, 4, 4)
    assert [i.title for i in first + second] == ["事项00", "事项01", "事项02", "事项03", "事项04", "派生事项"]
    newest = officer.page(RegisterFilter(sort="form_id"), 0, 2)
    assert [i.form_id for i in newest] == [derived, ids[-1]]


def test_search_uses_the_trigram_index_and_short_text_the_table(users: Users) -> None:
    plain = decided(users)
    other = decided(users, title="年度经费预算", doc_number="财〔2026〕7号", scope="财务处全体")
    officer = service(users, "wangwu")

    def found(text: str) -> set[int]:
        return {i.form_id for i in officer.page(RegisterFilter(text=text))}

    assert found("技术方案") == {plain}  # title (FTS)
    assert found("财〔2026〕7") == {other}  # 文号
    assert found("财务处全") == {other}  # 知悉范围
    assert found("示例事项范围") == {plain, other}  # basis
    assert found("建议定为机密") == {plain, other}  # the drafter's opinion
    assert found("预算") == {other}  # two characters: the base table
    assert found("同意") == {plain, other}  # the reviewer's opinion
    assert found("没有这个词") == set()


def test_export_csv_names_unit_filter_user_time_and_the_highest_level(users: Users, tmp_path) -> None:
    decided(users)
    decided(users, title="秘密事项", category="秘密", period={"years": 5}, basis=OWN_BASIS)
    out = tmp_path / "台账.csv"
    result = service(users, "wangwu").export_csv(RegisterFilter(category="秘密"), out)
    assert (result.rows, result.marking) == (1, "秘密")
    lines = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert lines[0] == ["密级：秘密"]
    assert lines[1][0].startswith("单位：")
    assert lines[2] == ["筛选：密级：秘密"]
    assert lines[3][0] == "导出人：王五（wangwu）" and lines[3][1].startswith("导出时间：")
    assert lines[4][:3] == ["编号", "标题", "表单"] and lines[5][1] == "秘密事项"
    everything = service(users, "wangwu").export_csv(RegisterFilter(), tmp_path / "all.csv")
    assert (everything.rows, everything.marking) == (2, "机密")
    exports = [e for e in audit_entries(users.store) if e.action == "导出台账"]
    assert [(e.actor, e.detail["行数"], e.detail["密级"]) for e in exports] == [
        ("wangwu", 1, "秘密"),
        ("wangwu", 2, "机密"),
    ]


def test_bad_filters_are_refused_with_a_message(users: Users) -> None:
    from dingmi_desktop.domain.errors import ValidationError

    officer = service(users, "wangwu")
    for flt in (RegisterFilter(sort="secret; DROP"), RegisterFilter(origin="别的"), RegisterFilter(year=12)):
        with pytest.raises(ValidationError):
            officer.page(flt)
