"""Audited printing, export and sheet verification over a real demo store (floor KDF)."""

from __future__ import annotations

import re

import pytest

from dingmi_desktop.domain.forms import form_from_json
from dingmi_desktop.export.fonts import bundled_font_set
from dingmi_desktop.services.accounts import AuditService
from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.services.drafting import DraftingService
from dingmi_desktop.services.printing import PrintingService
from dingmi_desktop.services.review import ReviewService
from dingmi_desktop.storage import InvalidInput, PermissionDenied, Session, Store
from tests.export import samples
from tests.export.pdfread import read_pages

FONTS = bundled_font_set()


class Office:
    """The demo users of one store, each signed in once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.sessions: dict[str, Session] = {}

    def __getitem__(self, name: str) -> Session:
        if name not in self.sessions:
            self.sessions[name] = self.store.sign_in(name, DEMO_PASSWORD)
        return self.sessions[name]

    def printing(self, name: str = "zhangsan") -> PrintingService:
        return PrintingService(self[name], fonts=FONTS)

    def draft(self, kind: str = "定密审核单") -> int:
        sample = samples.review_json if kind == "定密审核单" else samples.dispatch_json
        form = form_from_json(sample(unit_name="示例单位"))
        return DraftingService(self["zhangsan"]).create_draft(form).form_id

    def approved(self, kind: str = "定密审核单") -> int:
        form_id = self.draft(kind)
        DraftingService(self["zhangsan"]).submit(form_id, password=DEMO_PASSWORD)
        ReviewService(self["lisi"]).review(form_id, agree=True, opinion="同意", password=DEMO_PASSWORD)
        with self["wangwu"].transaction() as tx:
            current = tx.forms.get(form_id).content_hash
        ReviewService(self["wangwu"]).approve(form_id, password=DEMO_PASSWORD, content_hash=current)
        return form_id

    def audit(self, action: str) -> list:
        return [e for e in AuditService(self["auditor"]).entries() if e.action == action]


@pytest.fixture
def office(demo_store: Store) -> Office:
    return Office(demo_store)


def copy_numbers(pdf: bytes) -> list[str]:
    """Line 1 of the marking block (份号) of every page."""
    return [
        "".join(c.text for c in sorted(page.line_at(37.0), key=lambda c: c.x0)) for page in read_pages(pdf)
    ]


def test_prints_exactly_the_approved_copies_each_numbered_and_registered(office: Office) -> None:
    form_id = office.approved()
    service = office.printing()
    first = service.print_copies(form_id, printer="办公室打印机", password=DEMO_PASSWORD, copies=2)
    rest = service.print_copies(form_id, printer="办公室打印机", password=DEMO_PASSWORD)
    assert (first.copies_from, first.copies_to, rest.copies_from, rest.copies_to) == (1, 2, 3, 5)
    assert copy_numbers(first.pdf) == ["000001", "000002"]
    assert copy_numbers(rest.pdf) == ["000003", "000004", "000005"]
    assert rest.pages == 3 and rest.copy_range == "000003—000005"
    with pytest.raises(PermissionDenied, match="安全保密管理员"):
        service.print_copies(form_id, printer="办公室打印机", password=DEMO_PASSWORD)
    with office["zhangsan"].transaction() as tx:
        register = tx.prints.for_form(form_id)
    assert [(p.user, p.kind, p.copies_from, p.copies_to, p.pages) for p in register] == [
        ("zhangsan", "印制", 1, 2, 2),
        ("zhangsan", "印制", 3, 5, 3),
    ]
    entries = [e for e in office.audit("打印") if e.object_id == str(form_id)]
    done = [e for e in entries if e.result == "成功"]
    assert [e.detail["份号"] for e in done] == ["000001-000002", "000003-000005"]
    assert done[-1].detail["打印机"] == "办公室打印机" and done[-1].actor == "zhangsan"
    assert done[-1].detail["页数"] == 3
    assert entries[-1].result == "拒绝"  # the third attempt


def test_unapproved_form_is_not_printed_and_the_refusal_is_audited(office: Office) -> None:
    form_id = office.draft()
    with pytest.raises(PermissionDenied, match="已定密"):
        office.printing().print_copies(form_id, printer="P1", password=DEMO_PASSWORD)
    assert any(e.result == "拒绝" and e.object_id == str(form_id) for e in office.audit("打印"))


def test_too_many_copies_and_a_wrong_password_print_nothing(office: Office) -> None:
    form_id = office.approved()
    service = office.printing()
    with pytest.raises(InvalidInput):
        service.print_copies(form_id, printer="P1", password=DEMO_PASSWORD, copies=6)
    with pytest.raises(Exception, match="密码"):
        service.print_copies(form_id, printer="P1", password="wrong-password")
    with office["zhangsan"].transaction() as tx:
        assert tx.prints.for_form(form_id) == []


def test_reprint_needs_the_security_administrator(office: Office) -> None:
    form_id = office.approved()
    service = office.printing()
    service.print_copies(form_id, printer="P1", password=DEMO_PASSWORD)
    with pytest.raises(PermissionDenied, match="安全保密管理员"):
        service.reprint(
            form_id,
            printer="P1",
            password=DEMO_PASSWORD,
            copies=1,
            approver="wangwu",
            approver_password=DEMO_PASSWORD,
        )
    job = service.reprint(
        form_id,
        printer="P1",
        password=DEMO_PASSWORD,
        copies=2,
        approver="secadmin",
        approver_password=DEMO_PASSWORD,
    )
    assert (job.kind, job.copies_from, job.copies_to) == ("复印", 6, 7)
    assert copy_numbers(job.pdf) == ["000006", "000007"]
    assert office.audit("打印")[-1].detail["批准人"] == "secadmin"


def test_code_on_the_printed_sheet_verifies_against_the_store(office: Office) -> None:
    form_id = office.approved()
    service = office.printing()
    job = service.print_copies(form_id, printer="P1", password=DEMO_PASSWORD, copies=1)
    match = re.search(r"核验码 (DM-\d+-[0-9A-Z]{4}-[0-9A-Z]{4})", read_pages(job.pdf)[0].text())
    assert match
    code = match.group(1)
    check = service.verify_code(code)
    assert check.ok and check.form_id == form_id and check.marking == "机密★10年", check.reason
    tampered = code[:-1] + ("0" if code[-1] != "0" else "1")
    assert not service.verify_code(tampered).ok
    missing = service.verify_code(code.replace(f"DM-{form_id}-", "DM-99999-"))
    assert not missing.ok and "没有" in missing.reason


def test_export_is_an_electronic_file_and_is_audited_with_watermark_by_policy(office: Office) -> None:
    form_id = office.approved()
    with office["secadmin"].transaction() as tx:
        tx.settings.set("print.watermark", "on")
    pdf = office.printing().export_pdf(form_id)
    assert copy_numbers(pdf) == ["电子文件　非印制份"]  # no 000000 posing as a 份号
    assert copy_numbers(office.printing().preview(form_id)) == ["电子文件　非印制份"]
    page = read_pages(pdf)[0]
    assert "000000" not in page.text()
    assert "张三" in page.text() and "导出" in page.text()  # watermark: user, time, purpose
    assert [e.object_id for e in office.audit("导出")] == [str(form_id)]


def test_a_dispatch_sheet_approved_by_the_signer_shows_the_sign_off(office: Office) -> None:
    form_id = office.approved("送审签发单")  # wangwu: 法定定密责任人 and 签发人 in the demo unit
    text = read_pages(office.printing().export_pdf(form_id))[0].text()
    sign_off = text[text.index("签发", text.index("定密责任人审批")) :]
    assert "签发。" in sign_off and "王五" in sign_off and "签名有效" in sign_off
