"""The sheet's wording rules: the three period forms under their own names (Law 20 ¶3), the seed's four
columns (拟定密级, 保管期限, 拟定密级依据, 定密审核意见), the marking's name, and an outside decision."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from dingmi_desktop.export.builder import SheetApproval, sheet_data_from_form
from dingmi_desktop.export.sheet_data import SheetData
from tests.export import samples

KINDS = ("定密审核单", "送审签发单")


def fields(data: SheetData) -> dict[str, str]:
    return {f.label: f.value for s in data.sections for row in s.rows for f in row}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("period", "label", "value"),
    [
        ({"years": 10}, "保密期限", "10年（按制发日2026年11月28日起算，至2036年11月28日）"),
        ({"months": 6}, "保密期限", "6个月（按制发日2026年11月28日起算，至2027年5月28日）"),
        ({"until": "2030-12-31"}, "解密时间", "2030年12月31日"),
        ({"condition": "项目验收后"}, "解密条件", "项目验收后"),
    ],
)
def test_each_period_form_under_its_own_label(kind: str, period: dict, label: str, value: str) -> None:
    values = fields(samples.sheet(kind, period=period))
    assert values[label] == value
    others = {"保密期限", "解密时间", "解密条件"} - {label}
    assert not others & set(values), others & set(values)


@pytest.mark.parametrize("kind", KINDS)
def test_a_duration_without_start_is_not_computed(kind: str) -> None:
    assert fields(samples.sheet(kind, start_date=None, period={"years": 5}))["保密期限"] == "5年"


@pytest.mark.parametrize("kind", KINDS)
def test_the_four_seed_columns_on_both_forms(kind: str) -> None:
    data = samples.sheet(kind, retention="30年")
    values = fields(data)
    assert values["拟定密级"] == "机密" and values["保管期限"] == "定期30年"
    assert values["拟定密级依据"].startswith("示例事项范围 第3条")
    assert "定密审核意见" in {e.role for s in data.sections for e in s.opinions}
    assert fields(samples.sheet(kind, retention="永久"))["保管期限"] == "永久"
    assert fields(samples.sheet(kind))["保管期限"] == ""  # left blank to fill in by hand


@pytest.mark.parametrize("kind", KINDS)
def test_a_basis_not_in_the_catalogue_is_marked_unchecked(kind: str) -> None:
    form = samples.form(kind)
    checked = fields(sheet_data_from_form(form, []))["拟定密级依据"]
    unchecked = fields(sheet_data_from_form(form, [], basis_unchecked=True))["拟定密级依据"]
    assert "未经依据库核对" not in checked and unchecked == checked + "（未经依据库核对）"


def test_final_sheet_names_the_marking_a_draft_says_preview() -> None:
    final = fields(samples.sheet("定密审核单", approved=True))
    assert final["国家秘密标志"] == "机密★10年" and "国家秘密标志预览" not in final
    draft = fields(samples.sheet("定密审核单", approved=False))
    assert draft["标志预览"] == "机密★10年（预览，批准后生效）" and "国家秘密标志" not in draft
    internal = fields(samples.sheet("定密审核单", approved=True, category="内部", period=None))
    assert internal["标志"] == "内部"  # 工作秘密: not a 国家秘密标志


def _escalated(late: bool) -> list[samples.Decision]:
    at = datetime(2026, 11, 28, 2, 30, tzinfo=UTC)
    report = {
        "to": "省级保密行政管理部门",
        "received_by": "收文处赵某",
        "sent_on": "2026-11-20",
        "report_due": "2026-11-16",
        "late": late,
        "reply_due": "2026-12-04",
        "status": "不明事项待定",
    }
    reply = {
        "outcome": "确定",
        "replied_on": "2026-11-27",
        "by": "省级保密行政管理部门",
        "document": "省保〔2026〕8号",
        "late": False,
    }
    return [
        samples.Decision("submit", "承办人", "张三", "", at, True),
        samples.Decision("escalate", "定密责任人", "王五", "无法确定密级", at, True, {"escalation": report}),
        samples.Decision(
            "record_escalation_reply",
            "定密责任人",
            "王五",
            "经研究确定",
            at,
            True,
            {"reply": reply, "category": "秘密", "period": {"years": 5}},
        ),
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_escalation_prints_who_when_due_late_and_the_bodys_decision(kind: str) -> None:
    form = samples.form(kind, basis={"kind": "不明确事项", "reference": "", "text": "无法判断"})
    data = sheet_data_from_form(form, _escalated(True), approval=SheetApproval("9", [b"s"]))
    values = fields(data)
    assert values["上报对象"] == "省级保密行政管理部门" and values["接收人"] == "收文处赵某"
    assert values["上报日期"] == "2026年11月20日" and values["应报日期"] == "2026年11月16日（逾期上报）"
    assert values["答复期限"] == "2026年12月4日" and values["答复日期"] == "2026年11月27日"
    assert values["答复机关"] == "省级保密行政管理部门" and values["答复文号"] == "省保〔2026〕8号"
    assert values["答复决定"] == "省级保密行政管理部门确定：密级为秘密；保密期限为5年"
    officer = next(e for s in data.sections for e in s.opinions if e.role.startswith("定密责任人"))
    assert officer.role == "定密责任人记录"  # not 定密责任人决定 / 审批意见: the officer only records
    assert officer.opinion.startswith("记录上级决定：省级保密行政管理部门（省保〔2026〕8号）确定")
    assert "记录人：王五" in officer.footer() and "签名：王五" not in officer.footer()
    in_time = fields(sheet_data_from_form(form, _escalated(False)))
    assert in_time["应报日期"] == "2026年11月16日"


def test_no_escalation_band_without_a_report() -> None:
    assert "上报对象" not in fields(samples.sheet())
