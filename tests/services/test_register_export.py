"""Exporting the register view (XLSX read back with openpyxl, CSV) and the print register across forms."""

from __future__ import annotations

import openpyxl
import pytest
from sqlalchemy import text

from dingmi_desktop.domain.errors import ValidationError
from dingmi_desktop.export.fonts import bundled_font_set
from dingmi_desktop.services.print_register import PrintRegisterService
from dingmi_desktop.services.printing import PrintingService
from dingmi_desktop.services.register import RegisterFilter, RegisterService
from dingmi_desktop.storage import PermissionDenied
from tests.services.samples import PASSWORD, Users, audit_entries
from tests.services.test_register import OWN_BASIS, decided


def test_xlsx_export_reads_back_with_marking_header_rows_and_the_filtered_rows(
    users: Users, tmp_path
) -> None:
    decided(users)
    secret = decided(users, title="秘密事项", category="秘密", period={"years": 5}, basis=OWN_BASIS)
    officer = RegisterService(users["wangwu"].session)
    out = tmp_path / "台账.xlsx"
    result = officer.export_xlsx(RegisterFilter(category="秘密"), out)
    assert (result.rows, result.marking) == (1, "秘密")
    sheet = openpyxl.load_workbook(out).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == "密级：秘密"
    assert rows[1][0].startswith("单位：") and rows[1][1] == "定密台账"
    assert rows[2][0] == "筛选：密级：秘密"
    assert rows[3][0] == "导出人：王五（wangwu）" and rows[3][1].startswith("导出时间：")
    assert rows[4][:3] == ["编号", "标题", "表单"]
    assert len(rows) == 6 and rows[5][0] == secret and rows[5][1] == "秘密事项"  # numbers stay numbers
    assert sheet.oddHeader.center.text == "秘密" and sheet.oddFooter.center.text == "秘密"
    everything = officer.export_xlsx(RegisterFilter(), tmp_path / "all.xlsx")
    whole = openpyxl.load_workbook(everything.path).active
    assert whole["A1"].value == "密级：机密" and whole.oddHeader.center.text == "机密"
    assert whole.max_row == 5 + 2
    exports = [e for e in audit_entries(users.store) if e.action == "导出台账"]
    assert [(e.detail["格式"], e.detail["密级"], e.result) for e in exports] == [
        ("xlsx", "秘密", "成功"),
        ("xlsx", "机密", "成功"),
    ]


def test_a_drafter_reads_his_items_but_may_not_export_and_the_refusal_is_audited(
    users: Users, tmp_path
) -> None:
    decided(users)
    drafter = RegisterService(users["zhangsan"].session)
    assert len(drafter.page(RegisterFilter())) == 1
    with pytest.raises(PermissionDenied, match="定密责任人和保密员"):
        drafter.export_xlsx(RegisterFilter(), tmp_path / "mine.xlsx")
    assert not (tmp_path / "mine.xlsx").exists()
    refusals = [e for e in audit_entries(users.store) if e.action == "导出台账"]
    assert [(e.actor, e.result) for e in refusals] == [("zhangsan", "拒绝")]
    with pytest.raises(ValidationError):
        RegisterService(users["wangwu"].session).export(RegisterFilter(), tmp_path / "x.pdf", "pdf")


def test_print_register_lists_every_job_newest_first_with_the_copy_approver(users: Users) -> None:
    first = decided(users, copies=3)
    other = decided(users, "zhaoliu", title="赵六的事项", copies=2)
    mine = PrintingService(users["zhangsan"].session, fonts=bundled_font_set())
    mine.print_copies(first, printer="办公室打印机", password=PASSWORD, copies=2)
    mine.reprint(
        first,
        printer="保密室打印机",
        password=PASSWORD,
        copies=1,
        approver="secadmin",
        approver_password=PASSWORD,
    )
    PrintingService(users["zhaoliu"].session, fonts=bundled_font_set()).print_copies(
        other, printer="业务处打印机", password=PASSWORD
    )
    office = PrintRegisterService(users["wangwu"].session)
    entries = office.entries()
    assert office.entry_count() == 3
    assert [(e.form_id, e.kind, e.copy_range, e.copies, e.printer, e.user, e.approver) for e in entries] == [
        (other, "印制", "000001—000002", 2, "业务处打印机", "赵六", ""),
        (first, "复印", "000003—000003", 1, "保密室打印机", "张三", "安全保密管理员"),
        (first, "印制", "000001—000002", 2, "办公室打印机", "张三", ""),
    ]
    assert entries[1].marking == "机密★10年" and entries[1].pages >= 1
    assert [e.form_id for e in PrintRegisterService(users["zhangsan"].session).entries()] == [first, first]
    with pytest.raises(PermissionDenied):
        PrintRegisterService(users.store.sign_in("auditor", PASSWORD)).entries()


def _printed(users: Users) -> tuple[int, int]:
    """A decided form with copies 000001—000003 printed; returns (form id, print job id)."""
    form_id = decided(users, copies=3)
    PrintingService(users["zhangsan"].session, fonts=bundled_font_set()).print_copies(
        form_id, printer="办公室打印机", password=PASSWORD
    )
    office = PrintRegisterService(users["wangwu"].session)
    return form_id, office.entries()[0].id


def test_copies_are_distributed_recalled_and_destroyed_with_checks_and_audit(users: Users, clock) -> None:
    from datetime import timedelta

    from dingmi_desktop.services.copy_fate import CopyEventRequest, CopyFateService

    form_id, job = _printed(users)
    clock.advance(days=1)
    today = users["wangwu"].session.today()
    fate = CopyFateService(users["wangwu"].session)
    office = PrintRegisterService(users["wangwu"].session)
    assert office.entries()[0].fate == "全部在库"
    fate.record(CopyEventRequest(job, "分发", 1, 2, today, party="业务处 李四"))
    assert office.entries()[0].fate == "在库 1 份，已分发 2 份"

    def refused(request: CopyEventRequest, words: str) -> None:
        with pytest.raises(ValidationError) as caught:
            fate.record(request)
        assert any(words in p.message for p in caught.value.problems), caught.value.problems

    refused(CopyEventRequest(job, "销毁", 2, 3, today, witness="赵六"), "000002（已分发）")  # recall first
    refused(CopyEventRequest(job, "分发", 3, 3, today), "接收的单位或人员")
    refused(CopyEventRequest(job, "销毁", 3, 3, today), "监销人")
    refused(CopyEventRequest(job, "收回", 3, 4, today), "000001—000003")
    refused(CopyEventRequest(job, "收回", 1, 1, today + timedelta(days=1)), "不能晚于今天")
    refused(CopyEventRequest(job, "收回", 1, 1, today - timedelta(days=30)), "不能早于打印日期")
    fate.record(CopyEventRequest(job, "收回", 2, 2, today, party="李四"))
    fate.record(CopyEventRequest(job, "销毁", 2, 3, today, witness="赵六", note="粉碎"))
    assert office.entries()[0].fate == "已分发 1 份，已销毁 2 份"
    events = office.copy_events(job)
    assert [(e.kind, e.copies_from, e.copies_to, e.party, e.witness, e.user) for e in events] == [
        ("分发", 1, 2, "业务处 李四", "", "wangwu"),
        ("收回", 2, 2, "李四", "", "wangwu"),
        ("销毁", 2, 3, "", "赵六", "wangwu"),
    ]
    assert [e.form_id for e in PrintRegisterService(users["zhangsan"].session).entries()] == [form_id]
    with pytest.raises(PermissionDenied, match="保密员和定密责任人"):
        CopyFateService(users["zhangsan"].session).record(CopyEventRequest(job, "收回", 1, 1, today))
    logged = [e for e in audit_entries(users.store) if e.action == "登记份数去向"]
    assert [(e.result, e.detail.get("类别"), e.detail.get("份号")) for e in logged] == [
        ("成功", "分发", "000001-000002"),
        ("成功", "收回", "000002-000002"),
        ("成功", "销毁", "000002-000003"),
        ("拒绝", None, None),
    ]


def test_copy_events_are_append_only(users: Users) -> None:
    from sqlalchemy.exc import DatabaseError

    from dingmi_desktop.services.copy_fate import CopyEventRequest, CopyFateService

    _form_id, job = _printed(users)
    session = users["wangwu"].session
    CopyFateService(session).record(CopyEventRequest(job, "分发", 1, 1, session.today(), party="办公室"))
    for statement in ("UPDATE copy_events SET party = 'x'", "DELETE FROM copy_events"):
        with pytest.raises(DatabaseError, match="append-only"), session.transaction() as tx:
            tx.orm.execute(text(statement))
