"""The filing's PDF (read back with pdfplumber) and XLSX (read back with openpyxl): marked with the highest
密级 of its rows on every page, the covering sheet with counts, officer, signature, audit head and root."""

from __future__ import annotations

from datetime import timedelta

import openpyxl
import pytest

from dingmi_desktop.domain.errors import ValidationError
from dingmi_desktop.export.filing_pdf import DRAFT_NOTE, grouped
from dingmi_desktop.services.filing import FilingService
from dingmi_desktop.services.filing_content import FilingRequest
from dingmi_desktop.storage import PermissionDenied
from dingmi_desktop.storage.records import RoleGrant
from tests.export.pdfread import mm, read_pages
from tests.fixtures.store import TEST_TODAY
from tests.services.samples import PASSWORD, Users, audit_entries, grant
from tests.services.test_register import OWN_BASIS, decided

MONTH = FilingRequest("报备", TEST_TODAY - timedelta(days=30), TEST_TODAY, "某市国家保密局")


def _issued(users: Users) -> tuple[FilingService, int, list[int]]:
    ids = [
        decided(users, title="机密的技术方案", doc_number="示〔2026〕1号"),
        decided(users, title="秘密的采购计划", category="秘密", period={"years": 5}, basis=OWN_BASIS),
    ]
    officer = FilingService(users["wangwu"].session)
    return officer, officer.issue(MONTH, password=PASSWORD).row.id, ids


def test_pdf_is_marked_on_every_page_and_carries_the_signed_cover_and_the_list(
    users: Users, tmp_path
) -> None:
    officer, filing_id, _ids = _issued(users)
    view = officer.view(filing_id)
    out = officer.export(filing_id, tmp_path / "报备.pdf", "pdf")
    pages = read_pages(out.read_bytes())
    assert len(pages) >= 2
    for page in pages:
        top = "".join(c.text for c in page.line_at(37.0, 1.5, max_x_mm=60))
        assert top == "机密"  # the highest 密级 of the rows, where a sheet's marking stands
        below = "".join(c.text for c in page.chars if mm(c.top) > 270 and c.size == 16)
        assert below == "机密"
    cover = pages[0].text()
    for words in (
        "定密事项报备表",
        "接收机关：某市国家保密局",
        f"报送期间：{MONTH.period_from} 至 {MONTH.period_to}",
        "电子签名：王五（wangwu）",
        "核验有效",
        grouped(view.row.content_digest).replace(" ", ""),
        f"审计链：第{view.row.head_seq}条",
        view.row.root,
    ):
        assert words.replace(" ", "") in cover.replace(" ", ""), words
    listing = "".join(p.text() for p in pages[1:])
    assert "机密的技术方案" in listing and "秘密的采购计划" in listing and "示〔2026〕1号" in listing
    assert [e.detail["格式"] for e in audit_entries(users.store) if e.action == "导出备案"] == ["pdf"]


def test_xlsx_reads_back_with_cover_list_and_marking(users: Users, tmp_path) -> None:
    officer, filing_id, ids = _issued(users)
    out = officer.export(filing_id, tmp_path / "报备.xlsx", "xlsx")
    book = openpyxl.load_workbook(out)
    cover, listing = book["备案表"], book.worksheets[1]
    rows = [list(r) for r in cover.iter_rows(values_only=True)]
    assert rows[0][0] == "密级：机密" and cover.oddHeader.center.text == "机密"
    labels = {r[0]: r[1] for r in rows if r[0]}
    assert labels["接收机关"] == "某市国家保密局" and labels["定密责任人"] == "王五（wangwu）"
    assert labels["报送类别"] == "报备" and labels["内容摘要（SHA-256）"]
    counts = rows[[r[0] for r in rows].index("事项数量")]
    assert counts[1:6] == ["绝密", "机密", "秘密", "内部", "非密"]
    items = [list(r) for r in listing.iter_rows(min_row=4, values_only=True)]
    assert {r[0] for r in items} >= set(ids) and listing.oddFooter.center.text == "机密"
    assert listing["A3"].value == "编号" and listing["B3"].value == "事项名称"


def test_a_draft_file_says_it_is_not_signed_and_only_the_office_exports(users: Users, tmp_path) -> None:
    decided(users)
    grant(users.store, "lisi", RoleGrant("保密员"))
    clerk = FilingService(users.store.sign_in("lisi", PASSWORD))
    draft = clerk.prepare(MONTH)
    pdf = clerk.export(draft.row.id, tmp_path / "草稿.pdf", "pdf")
    assert DRAFT_NOTE in read_pages(pdf.read_bytes())[0].text()
    with pytest.raises(PermissionDenied):
        FilingService(users["zhangsan"].session).export(draft.row.id, tmp_path / "x.pdf", "pdf")
    with pytest.raises(ValidationError):
        clerk.export(draft.row.id, tmp_path / "x.doc", "doc")
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "x.doc").exists()
