"""The filing (备案 / 报备) as a marked PDF: the covering sheet (备案表) on page 1, the item list after it.

Pure: a FilingSheet in, PDF bytes out (ReportLab, the project's fonts and GB/T 9704 geometry). Every page
carries the highest 密级 among the rows at the top left of the type area (3号黑体, as a sheet's marking) and
again centred below the type area, and the page number `— N —`; 份号 is not used (the filing is sent, not
printed in numbered copies). The covering sheet states the unit, the superior, the period, the counts by
密级, the officer and his electronic signature: the content digest it covers, the key certificate, the audit
chain head and the unit root fingerprint, as sheets print them.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from reportlab.pdfgen.canvas import Canvas

from dingmi_desktop.export import geometry as g
from dingmi_desktop.export.fonts import FontSet, Role, font_set
from dingmi_desktop.export.renderer import _draw_page_number, draw_text, report_canvas
from dingmi_desktop.export.textwrap_cjk import wrap

BODY = g.SIZE_SMALL_4
CELL = 9.0
DRAFT_NOTE = "草稿：尚未经定密责任人电子签名签发，不得报送。"
# (header, key in an item, width in mm): 156 mm in all
TABLE: tuple[tuple[str, str, float], ...] = (
    ("序号", "", 9),
    ("编号", "form_id", 11),
    ("事项名称", "title", 38),
    ("文号", "doc_number", 26),
    ("产生部门", "department", 16),
    ("标志", "marking", 22),
    ("定密日期", "decided_at", 19),
    ("类型", "origin", 15),
)


@dataclass(frozen=True)
class FilingSheet:
    filing_id: int
    unit: str
    kind: str
    superior: str
    period_from: str
    period_to: str
    marking: str  # the highest 密级 among the rows
    counts: dict[str, int]  # 绝密 … 非密, 合计
    sections: list[tuple[str, list[dict[str, object]]]]
    prepared_by: str
    created_text: str
    signed: bool = False
    signer: str = ""
    signed_text: str = ""
    digest: str = ""
    signature_hex: str = ""
    cert: str = ""
    head_seq: int | None = None
    head_hash: str = ""
    root: str = ""
    valid: bool = True
    notes: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"定密事项{self.kind}表"

    def counts_text(self) -> str:
        parts = [f"{level} {n} 项" for level, n in self.counts.items() if level != "合计" and n]
        return f"合计 {self.counts.get('合计', 0)} 项（{'，'.join(parts)}）"

    def signature_lines(self) -> list[str]:
        if not self.signed:
            return [DRAFT_NOTE, f"内容摘要（SHA-256）：{grouped(self.digest)}"]
        state = "有效" if self.valid else "无效（记录被改动，请勿报送）"
        head = f"第 {self.head_seq} 条，{self.head_hash[:16].upper()}" if self.head_seq else "—"
        return [
            f"电子签名：{self.signer}，以经单位信任根认证的签名密钥（Ed25519）签名，核验{state}",
            f"签名时间：{self.signed_text}",
            f"内容摘要（SHA-256）：{grouped(self.digest)}",
            f"签名值：{self.signature_hex[:64].upper()}",
            f"　　　　{self.signature_hex[64:].upper()}",
            f"签名密钥证书：{self.cert or '—'}",
            f"审计链：{head}",
            f"单位信任根指纹：{self.root or '—'}",
        ]


def grouped(hex_text: str, size: int = 8) -> str:
    return " ".join(hex_text[i : i + size].upper() for i in range(0, len(hex_text), size))


class _Pages:
    def __init__(self, canvas: Canvas, fonts: FontSet, sheet: FilingSheet) -> None:
        self.canvas, self.fonts, self.sheet = canvas, fonts, sheet
        self.number = 0
        self.top = 0.0
        self.new_page()

    def new_page(self) -> None:
        if self.number:
            self.canvas.showPage()
        self.number += 1
        marking = self.sheet.marking
        draw_text(self.canvas, self.fonts, marking, Role.HEI, g.SIZE_3, g.TYPE_LEFT, g.TYPE_TOP)
        width = self.fonts.text_width(marking, Role.HEI, g.SIZE_3)
        bottom = g.TYPE_BOTTOM - g.PAGE_NUMBER_GAP - 1.8 * g.SIZE_4
        draw_text(self.canvas, self.fonts, marking, Role.HEI, g.SIZE_3, (g.PAGE_WIDTH - width) / 2, bottom)
        _draw_page_number(self.canvas, self.fonts, self.number)
        self.top = g.TYPE_TOP - 2 * g.BLOCK_LINE_PITCH

    def room(self, height: float) -> None:
        if self.top - height < g.TYPE_BOTTOM:
            self.new_page()

    def line(self, text: str, role: Role = Role.SONG, size: float = BODY, indent: float = 0.0) -> None:
        for part in wrap(text, self.fonts, role, size, g.TYPE_WIDTH - indent) or [""]:
            self.room(1.6 * size)
            draw_text(self.canvas, self.fonts, part, role, size, g.TYPE_LEFT + indent, self.top)
            self.top -= 1.6 * size

    def centred(self, text: str, role: Role, size: float) -> None:
        x = g.TYPE_LEFT + (g.TYPE_WIDTH - self.fonts.text_width(text, role, size)) / 2
        draw_text(self.canvas, self.fonts, text, role, size, x, self.top)
        self.top -= 1.8 * size


def _cover(pages: _Pages, sheet: FilingSheet) -> None:
    pages.centred(sheet.unit, Role.TITLE, g.SIZE_2)
    pages.centred(sheet.title, Role.TITLE, g.SIZE_2)
    pages.top -= 0.4 * BODY
    for label, value in (
        ("报送单位", sheet.unit),
        ("接收机关", sheet.superior),
        ("报送类别", sheet.kind),
        ("报送期间", f"{sheet.period_from} 至 {sheet.period_to}"),
        ("事项数量", sheet.counts_text()),
        ("备案编号", f"{sheet.filing_id}（拟制：{sheet.prepared_by}，{sheet.created_text}）"),
        ("定密责任人", sheet.signer or "（待签发）"),
    ):
        pages.line(f"{label}：{value}")
    pages.top -= 0.4 * BODY
    _counts_grid(pages, sheet.counts)
    pages.top -= 0.6 * BODY
    pages.line("定密责任人电子签名", Role.HEI)
    for text in sheet.signature_lines():
        pages.line(text, Role.SONG, 10.5)
    pages.top -= 0.4 * BODY
    for note in sheet.notes:
        pages.line(note, Role.FANG, 10.5)


def _counts_grid(pages: _Pages, counts: dict[str, int]) -> None:
    labels = list(counts)
    col = g.TYPE_WIDTH / len(labels)
    height = 1.6 * BODY
    canvas = pages.canvas
    canvas.setLineWidth(g.GRID_LINE_WIDTH)
    for row, texts in enumerate((labels, [str(counts[k]) for k in labels])):
        top = pages.top - row * height
        canvas.rect(g.TYPE_LEFT, top - height, g.TYPE_WIDTH, height)
        for i, text in enumerate(texts):
            x = g.TYPE_LEFT + i * col
            if i:
                canvas.line(x, top, x, top - height)
            width = pages.fonts.text_width(text, Role.HEI if not row else Role.SONG, BODY)
            role = Role.HEI if not row else Role.SONG
            draw_text(canvas, pages.fonts, text, role, BODY, x + (col - width) / 2, top - 0.3 * BODY)
    pages.top -= 2 * height


def _table(pages: _Pages, title: str, items: Sequence[dict[str, object]]) -> None:
    pages.new_page()
    pages.centred(f"{title}（{len(items)} 项）", Role.HEI, g.SIZE_3)
    widths = [w * g.mm for _, _, w in TABLE]
    _row(pages, [h for h, _, _ in TABLE], widths, Role.HEI, repeat=False)
    for n, item in enumerate(items, 1):
        cells = [str(n), *(_cell(item, key) for _, key, _ in TABLE[1:])]
        if pages.top - 2 * CELL * 1.35 < g.TYPE_BOTTOM:
            pages.new_page()
            _row(pages, [h for h, _, _ in TABLE], widths, Role.HEI, repeat=False)
        _row(pages, cells, widths, Role.SONG)


def _cell(item: dict[str, object], key: str) -> str:
    value = item.get(key) or (item.get("category") if key == "marking" else "")  # 非密 has no marking
    return str(value or "")


def _row(pages: _Pages, cells: list[str], widths: list[float], role: Role, repeat: bool = True) -> None:
    lines = [
        wrap(text, pages.fonts, role, CELL, w - 3) or [""] for text, w in zip(cells, widths, strict=True)
    ]
    height = max(len(parts) for parts in lines) * CELL * 1.35 + 4
    if repeat and pages.top - height < g.TYPE_BOTTOM:
        pages.new_page()
        _row(pages, [h for h, _, _ in TABLE], widths, Role.HEI, repeat=False)
    canvas, x = pages.canvas, g.TYPE_LEFT
    canvas.setLineWidth(g.GRID_LINE_WIDTH)
    canvas.rect(g.TYPE_LEFT, pages.top - height, sum(widths), height)
    for parts, width in zip(lines, widths, strict=True):
        if x > g.TYPE_LEFT:
            canvas.line(x, pages.top, x, pages.top - height)
        for i, part in enumerate(parts):
            draw_text(canvas, pages.fonts, part, role, CELL, x + 1.5, pages.top - 2 - i * CELL * 1.35)
        x += width
    pages.top -= height


def render_filing_pdf(sheet: FilingSheet, now: datetime, fonts: FontSet | None = None) -> bytes:
    fonts = fonts or font_set()
    buffer = io.BytesIO()
    title = f"{sheet.unit}{sheet.title}（{sheet.period_from}至{sheet.period_to}）"
    canvas = report_canvas(buffer, fonts, title=title, now=now, font_size=BODY)
    pages = _Pages(canvas, fonts, sheet)
    _cover(pages, sheet)
    for title, items in sheet.sections:
        if items:
            _table(pages, title, items)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
