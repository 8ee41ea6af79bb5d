"""The filing (备案 / 报备) as XLSX (openpyxl): a covering sheet (备案表) and one sheet per section.

Each sheet opens with the file's marking (the highest 密级 among the rows) and carries it in every printed
page's header and footer, as the register export does; the covering sheet holds the same lines as the PDF's
page 1 (counts by 密级, the officer's electronic signature, audit head, root fingerprint).
"""

from __future__ import annotations

import io

from dingmi_desktop.export.filing_pdf import TABLE, FilingSheet

COVER_TITLE = "备案表"
# Every register column a filing carries, in this order, with its header (the XLSX keeps them all).
COLUMNS: tuple[tuple[str, str], ...] = (
    ("form_id", "编号"),
    ("title", "事项名称"),
    ("kind", "表单"),
    ("doc_number", "文号"),
    ("department", "产生部门"),
    ("category", "密级"),
    ("marking", "标志"),
    ("period_form", "期限形式"),
    ("period_value", "期限"),
    ("start_date", "起算日"),
    ("declassify_on", "解密日"),
    ("declassify_condition", "解密条件"),
    ("scope", "知悉范围"),
    ("basis", "定密依据"),
    ("origin", "原始/派生"),
    ("status", "状态"),
    ("officer", "定密责任人"),
    ("decided_at", "定密日期"),
)
assert {key for _, key, _ in TABLE[1:]} <= {key for key, _ in COLUMNS}


def _mark(sheet: object, marking: str) -> None:
    for part in (sheet.oddHeader, sheet.oddFooter, sheet.evenHeader, sheet.evenFooter):  # type: ignore[attr-defined]
        part.center.text = marking
        part.center.size = 14
    sheet.oddFooter.right.text = "第 &P 页 共 &N 页"  # type: ignore[attr-defined]
    sheet.evenFooter.right.text = "第 &P 页 共 &N 页"  # type: ignore[attr-defined]


def render_filing_xlsx(data: FilingSheet) -> bytes:
    from openpyxl import Workbook  # type: ignore[import-untyped]  # on use: only an export loads it

    book = Workbook()
    cover = book.active
    cover.title = COVER_TITLE
    _mark(cover, data.marking)
    cover.append([f"密级：{data.marking}"])
    cover.append([f"{data.unit}{data.title}"])
    for label, value in (
        ("报送单位", data.unit),
        ("接收机关", data.superior),
        ("报送类别", data.kind),
        ("报送期间", f"{data.period_from} 至 {data.period_to}"),
        ("备案编号", data.filing_id),
        ("拟制", f"{data.prepared_by}，{data.created_text}"),
        ("定密责任人", data.signer or "（待签发）"),
    ):
        cover.append([label, value])
    cover.append(["事项数量", *data.counts])
    cover.append(["", *data.counts.values()])
    for line in data.signature_lines():
        label, _, value = line.partition("：")
        cover.append([label, value] if value else [line])
    for note in data.notes:
        cover.append([note])
    cover.column_dimensions["A"].width = 20
    cover.column_dimensions["B"].width = 80
    for title, items in data.sections:
        sheet = book.create_sheet(title[:31])
        _mark(sheet, data.marking)
        sheet.append([f"密级：{data.marking}"])
        sheet.append([f"{title}（{len(items)} 项）", f"{data.period_from} 至 {data.period_to}"])
        sheet.append([header for _, header in COLUMNS])
        for item in items:
            sheet.append([item.get(key, "") for key, _ in COLUMNS])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
