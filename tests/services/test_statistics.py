"""Statistics (定密统计): counts per year and department from the register, visibility as the register."""

from __future__ import annotations

import pytest

from dingmi_desktop.domain.errors import ValidationError
from dingmi_desktop.services.statistics import StatisticsService
from dingmi_desktop.storage import PermissionDenied, RoleGrant
from tests.fixtures.store import TEST_TODAY
from tests.services.samples import PASSWORD, Users, audit_entries, grant, unclear
from tests.services.test_register import DERIVED_BASIS, OWN_BASIS, decided

YEAR = TEST_TODAY.year


def stats(users: Users, name: str = "wangwu") -> StatisticsService:
    return StatisticsService(users[name].session)


def test_counts_by_level_period_origin_and_department(users: Users) -> None:
    decided(users, department="业务处")
    decided(users, department="业务处", category="秘密", period={"years": 5}, basis=DERIVED_BASIS)
    decided(users, department="办公室", category="内部", period=None, basis=OWN_BASIS)
    result = stats(users).year(YEAR)
    by_dep = {r.department: r.counts for r in result.rows}
    assert list(by_dep) == sorted(by_dep)
    business, office = by_dep["业务处"], by_dep["办公室"]
    assert (business["合计"], business["机密"], business["秘密"], business["内部"]) == (2, 1, 1, 0)
    assert (business["保密期限"], business["原始"], business["派生"]) == (2, 1, 1)
    assert (office["合计"], office["内部"], office["无期限"], office["原始"]) == (1, 1, 1, 1)
    assert result.total.counts["合计"] == 3
    assert result.total.counts["变更"] == result.total.counts["解除"] == result.total.counts["年度审核"] == 0
    only = stats(users).year(YEAR, "办公室")
    assert [r.department for r in only.rows] == ["办公室"] and only.total.counts["合计"] == 1
    assert stats(users).year(YEAR - 1).total.counts["合计"] == 0


def test_escalations_opened_in_the_year_are_counted_by_kind(users: Users) -> None:
    form_id = users.to_approval(unclear())
    users["wangwu"].escalation.escalate(
        form_id,
        to="保密行政管理部门",
        reason="无法确定是否属于国家秘密",
        password=PASSWORD,
        sent_on=TEST_TODAY,
    )
    total = stats(users).year(YEAR).total.counts
    assert (total["不明事项待定"], total["待上级确定"], total["争议待定"], total["合计"]) == (1, 0, 0, 0)


def test_a_drafter_counts_his_own_the_three_admins_are_refused_and_audited(users: Users) -> None:
    decided(users, "zhangsan")
    decided(users, "zhaoliu", title="赵六的事项")
    assert stats(users).year(YEAR).total.counts["合计"] == 2
    assert stats(users, "zhangsan").year(YEAR).total.counts["合计"] == 1
    grant(users.store, "lisi", RoleGrant("保密员"))
    assert StatisticsService(users.store.sign_in("lisi", PASSWORD)).year(YEAR).total.counts["合计"] == 2
    admin = StatisticsService(users.store.sign_in("secadmin", PASSWORD))
    with pytest.raises(PermissionDenied):
        admin.year(YEAR)
    refusals = [e for e in audit_entries(users.store) if e.action == "查阅定密统计"]
    assert [(e.actor, e.result) for e in refusals] == [("secadmin", "拒绝")]


def test_a_year_out_of_range_is_refused_in_chinese(users: Users) -> None:
    with pytest.raises(ValidationError) as caught:
        stats(users).year(26)
    assert "四位数字" in caught.value.problems[0].message


def test_export_xlsx_and_pdf_are_marked_internal_and_audited(users: Users, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    decided(users, department="业务处")
    officer = stats(users)
    xlsx = officer.export(YEAR, None, tmp_path / "统计.xlsx", "xlsx")
    sheet = load_workbook(xlsx).active
    values = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    assert values[0] == ["内部"] and sheet.oddHeader.center.text == "内部"
    assert values[5][:3] == ["部门", "定密事项", "绝密"]
    assert values[6][:2] == ["业务处", 1] and values[7][:2] == ["合计", 1]
    pdf = officer.export(YEAR, "业务处", tmp_path / "统计.pdf", "pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    exports = [e for e in audit_entries(users.store) if e.action == "导出定密统计"]
    assert [(e.actor, e.result) for e in exports] == [("wangwu", "成功"), ("wangwu", "成功")]
    with pytest.raises(PermissionDenied):
        stats(users, "zhangsan").export(YEAR, None, tmp_path / "x.xlsx", "xlsx")
    assert not (tmp_path / "x.xlsx").exists()
