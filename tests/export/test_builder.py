"""From a domain Form and its decisions to the sheet's rows."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from dingmi_desktop.domain.forms import content_hash
from dingmi_desktop.export.builder import SheetApproval, sheet_data_from_form
from dingmi_desktop.export.sheet_data import SheetData, SignatureStatus
from dingmi_desktop.export.verification import code_matches, parse_qr_payload, signatures_digest
from tests.export import samples


def fields(data: SheetData) -> dict[str, str]:
    return {f.label: f.value for s in data.sections for row in s.rows for f in row}


def opinions(data: SheetData) -> dict[str, object]:
    return {e.role: e for s in data.sections for e in s.opinions}


def test_dispatch_sheet_has_the_required_columns() -> None:
    data = samples.sheet("送审签发单")
    assert data.form_title == "送审签发单" and data.unit_name == "示例单位"
    values = fields(data)
    required = (
        "标题 文种 发文字号 拟定密级 保管期限 保密期限 知悉范围 拟定密级依据 定密类型 紧急程度 公开属性"
    )
    required += " 主送 抄送 附件 拟稿单位 拟稿人 印制份数 份号 校对 封发日期"
    for label in required.split():
        assert label in values, label
    assert values["拟定密级"] == "机密"
    assert values["保密期限"] == "10年（按制发日2026年11月28日起算，至2036年11月28日）"
    assert "解密时间" not in values  # a computed date is not a 解密时间 (Law 20 ¶3)
    assert values["份号"] == "000001—000005"
    assert values["拟定密级依据"] == "示例事项范围 第3条：项目技术方案的核心参数"
    assert set(opinions(data)) == {"承办人定密意见", "定密审核意见", "定密责任人审批意见", "签发"}


def test_review_sheet_shows_opinions_with_name_date_and_signature_status() -> None:
    data = samples.sheet("定密审核单")
    assert data.marking == "机密★10年" and data.urgency == "加急"
    entries = opinions(data)
    drafter = entries["承办人定密意见"]
    assert (drafter.name, drafter.opinion, drafter.date) == (
        "张三",
        "建议定为机密级，保密期限10年",
        "2026年11月27日",
    )
    assert drafter.signature is SignatureStatus.VALID
    review = entries["定密审核意见"]
    assert (
        review.opinion == "同意。同意承办人意见。" and review.date == "2026年11月28日"
    )  # 02:30 UTC = 10:30 CST
    decision = entries["定密责任人决定"]  # the 定密责任人's own decision, not the 签发人's
    assert decision.name == "王五" and decision.signature is SignatureStatus.VALID
    assert fields(data)["国家秘密标志"] == "机密★10年"  # an approved sheet: the marking itself


def test_missing_opinions_leave_rows_to_fill_by_hand() -> None:
    data = sheet_data_from_form(samples.form(), [])
    entry = opinions(data)["定密审核意见"]
    assert (entry.name, entry.opinion, entry.signature) == ("", "", SignatureStatus.UNSIGNED)
    assert "签名：" in entry.footer() and "年　月　日" in entry.footer()
    assert data.verification is None


def test_corrections_are_printed_with_the_decision() -> None:
    approve = samples.Decision(
        "approve",
        "定密责任人",
        "王五",
        "",
        samples.decisions()[0].time,
        True,
        {"category": "秘密", "period": {"years": 5}},
    )
    data = sheet_data_from_form(samples.form(), [approve])
    assert opinions(data)["定密责任人决定"].opinion == "批准。更正：密级改为秘密；保密期限改为5年。"


def test_only_the_officers_corrections_are_printed_in_chinese() -> None:
    # A recorded escalation reply stores its `reply` record beside the flat corrections
    # (services/escalation.py); an escalation stores `escalation`, a dispute `dispute`.
    stored = {
        "reply": {"outcome": "确定", "replied_on": "2026-11-20"},
        "scope": "项目组",
        "escalation": {"to": "上级机关", "sent_on": "2026-11-01"},
        "knowers": ["张三", "王五"],
        "period": {"months": 6},
        "category": "秘密",
    }
    at = samples.decisions()[0].time
    reply = samples.Decision("record_superior_decision", "定密责任人", "王五", "按上级意见", at, True, stored)
    opinion = opinions(sheet_data_from_form(samples.form(), [reply]))["定密责任人记录"].opinion
    # the superior's decision, recorded by the officer: never worded as the officer's own correction
    assert opinion == (
        "记录上级决定：上级机关（文号未登记）确定，密级为秘密；保密期限为6个月；知悉范围为项目组；"
        "知悉人员为张三、王五。答复内容：按上级意见。（本栏为登记，非定密责任人本人的决定）"
    )
    for key in ("reply", "escalation", "outcome", "replied_on", "{", "更正"):
        assert key not in opinion


def test_decision_data_without_corrections_prints_no_correction() -> None:
    stored = {"reply": {"outcome": "退回", "replied_on": "2026-11-20"}, "dispute": {"parties": "甲、乙"}}
    at = samples.decisions()[0].time
    reply = samples.Decision("record_escalation_reply", "定密责任人", "王五", "退回重拟", at, True, stored)
    opinion = opinions(sheet_data_from_form(samples.form(), [reply]))["定密责任人记录"].opinion
    assert (
        opinion == "记录上级决定：上级机关（文号未登记）退回重拟。答复内容：退回重拟。"
        "（本栏为登记，非定密责任人本人的决定）"
    )


def test_derived_basis_shows_its_source() -> None:
    basis = {
        "kind": "派生",
        "reference": "",
        "text": "",
        "source": {
            "doc_number": "上〔2025〕3号",
            "authority": "上级机关",
            "category": "机密",
            "period": {"years": 10},
            "start_date": "2025-06-01",
            "scope": "项目组",
            "case": 2,
        },
    }
    values = fields(sheet_data_from_form(samples.form(basis=basis), []))
    assert values["来源文号"] == "上〔2025〕3号" and values["来源密级期限"] == "机密★10年"
    assert values["派生情形"] == "第2种情形：涉及已定密事项密点"  # in the article's words (Reg 18)


def test_markings_by_category() -> None:
    assert sheet_data_from_form(samples.form(category="内部", period=None), []).marking == "内部"
    assert sheet_data_from_form(samples.form(category="非密", period=None), []).marking == ""
    assert (
        sheet_data_from_form(samples.form(period={"until": "2031-01-05"}), []).marking == "机密★2031年1月5日"
    )


def test_approval_binds_form_id_content_and_signatures() -> None:
    form = samples.form()
    data = sheet_data_from_form(form, samples.decisions(), approval=SheetApproval("7", [b"s1", b"s2"]))
    assert data.verification is not None
    claim = parse_qr_payload(data.verification.qr_payload)
    assert claim.form_id == "7" and claim.content_hash == content_hash(form)
    assert claim.signatures_digest == signatures_digest([b"s1", b"s2"])
    assert code_matches(data.verification.code, claim)


def test_export_package_does_not_import_qt() -> None:
    code = (
        "import sys, dingmi_desktop.export.renderer, dingmi_desktop.export.builder;"
        "assert not [m for m in sys.modules if m.startswith('PySide6')]"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[2])


def test_drafter_left_out_of_the_json_comes_from_the_signed_submission() -> None:
    at = datetime(2026, 11, 27, 17, 30, tzinfo=UTC)  # 01:30 on the 28th in China
    submit = samples.Decision("submit", "承办人", "zhangsan", "", at, True)
    form = samples.form("送审签发单", drafter_name=None, drafted_on=None)
    data = sheet_data_from_form(form, [submit], names={"zhangsan": "张三"})
    assert fields(data)["拟稿人"] == "张三" and fields(data)["拟稿日期"] == "2026年11月28日"
    entry = opinions(data)["承办人定密意见"]
    assert (entry.name, entry.date) == ("张三", "2026年11月28日")  # type: ignore[attr-defined]


def test_drafter_as_filled_in_wins_and_no_submission_leaves_it_blank() -> None:
    submit = samples.Decision("submit", "承办人", "zhangsan", "", datetime(2026, 11, 28, tzinfo=UTC), True)
    filled = sheet_data_from_form(samples.form("送审签发单"), [submit], names={"zhangsan": "张三丰"})
    assert fields(filled)["拟稿人"] == "张三" and fields(filled)["拟稿日期"] == "2026年11月27日"
    blank = sheet_data_from_form(samples.form("送审签发单", drafter_name=None, drafted_on=None), [])
    assert fields(blank)["拟稿人"] == "" and fields(blank)["拟稿日期"] == ""


def test_approval_by_a_signer_is_also_the_sign_off_of_a_dispatch_sheet() -> None:
    at = datetime(2026, 11, 28, 2, 0, tzinfo=UTC)
    approve = samples.Decision("approve", "定密责任人", "wangwu", "同意", at, True)
    form = samples.form("送审签发单")
    names = {"wangwu": "王五"}
    signed = opinions(sheet_data_from_form(form, [approve], names=names, signers={"wangwu"}))["签发"]
    assert (signed.name, signed.opinion, signed.date) == ("王五", "签发。", "2026年11月28日")  # type: ignore[attr-defined]
    assert signed.signature is SignatureStatus.VALID  # type: ignore[attr-defined]
    blank = opinions(sheet_data_from_form(form, [approve], names=names, signers={"someone"}))["签发"]
    assert (blank.name, blank.opinion) == ("", "")  # type: ignore[attr-defined]  # left to sign by hand
