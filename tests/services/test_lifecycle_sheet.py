"""Markings follow on the sheets: a change struck through beside the new marking (GB/T 9704 practice), an
extension, a declassification printed 解密 with the date; read back from the rendered PDF."""

from __future__ import annotations

import os
from pathlib import Path

from dingmi_desktop.domain.approval import Corrections
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.periods import Period
from dingmi_desktop.export.fonts import bundled_font_set
from dingmi_desktop.services.printing import PrintingService
from tests.export.pdfread import Page, read_pages
from tests.services.test_lifecycle import decide, decided_item

SHOTS = os.environ.get("DINGMI_SHOTS", "")


def _sheet(users, form_id: int, name: str) -> Page:  # type: ignore[no-untyped-def]
    """Page 1 of the sheet, its text replaced by the text of every page."""
    pdf = PrintingService(users["wangwu"].session, fonts=bundled_font_set()).preview(form_id)
    if SHOTS:
        Path(SHOTS, name).write_bytes(pdf)
    pages = read_pages(pdf)
    return Page(pages[0].width, pages[0].height, [c for p in pages for c in p.chars], pages[0].segments)


def _struck(page: Page, old: str, new: str) -> bool:
    """`old` then `new` on the marking line, and a horizontal rule through `old` only."""
    chars = [c for c in page.chars if c.top < 150]  # the marking block at the top of the type area
    line = "".join(c.text for c in chars)
    start = line.find(old)
    if start < 0 or line.find(new, start + len(old)) < 0:
        return False
    first, last = chars[start], chars[start + len(old) - 1]
    middle = (first.top + first.bottom) / 2
    return any(
        abs(s.top - s.bottom) < 1
        and abs(s.top - middle) < first.size * 0.3
        and s.x0 <= first.x0 + 1
        and last.x1 - 1 <= s.x1 < last.x1 + first.size
        for s in page.segments
    )


def test_change_extension_and_declassification_sheets(users) -> None:
    item = decided_item(users)
    assert not _struck(_sheet(users, item, "item-before.pdf"), "机密★10年", "秘密★5年")
    lifecycle = users["zhangsan"].lifecycle
    change = lifecycle.open_draft(
        item,
        "变更",
        "项目转入一般阶段",
        proposal=Corrections(category=Category.CONFIDENTIAL, period=Period.of_years(5)),
    )
    decide(users, change, opinion="同意")
    sheet = _sheet(users, change, "change.pdf")
    assert _struck(sheet, "机密★10年", "秘密★5年")
    assert "国家秘密变更决定单" in sheet.text() and "项目转入一般阶段" in sheet.text()
    item_sheet = _sheet(users, item, "item-changed.pdf")
    assert _struck(item_sheet, "机密★10年", "秘密★5年")
    extend = lifecycle.open_draft(item, "延长", "工程延期", proposal=Corrections(period=Period.of_years(8)))
    decide(users, extend, opinion="同意")
    assert _struck(_sheet(users, extend, "extend.pdf"), "秘密★5年", "秘密★8年")
    declassify = lifecycle.open_draft(item, "解密", "相关工作已结束")
    draft_sheet = _sheet(users, declassify, "declassify-draft.pdf")
    assert _struck(draft_sheet, "秘密★8年", "解密（批准后生效）")
    decide(users, declassify, opinion="同意")
    assert _struck(_sheet(users, declassify, "declassify.pdf"), "秘密★8年", "解密（2026年11月28日）")
    gone = _sheet(users, item, "item-declassified.pdf")
    assert _struck(gone, "机密★10年", "解密（2026年11月28日）")
    assert (
        "国家秘密提前解密决定单" in gone.text() or "提前解密" in gone.text() or "解密（决定单" in gone.text()
    )
