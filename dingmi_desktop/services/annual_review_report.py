"""The annual review's summary report (年度审核报告) for the secrecy office and its superior: PDF and XLSX.

The report lists items (titles, markings), so it is itself classified: both files are marked with the
highest 密级 among the items they list (内部 when none is a state secret), on every page (PDF top and
bottom; XLSX first row and every printed page's header and footer).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.export.fonts import FontSet, Role, font_set
from dingmi_desktop.export.renderer import draw_text, report_canvas
from dingmi_desktop.services.annual_review_models import OUTCOMES, PENDING, Progress, ReviewRow

TITLE = "年度定密事项审核报告"
COLUMNS = ("表单编号", "标题", "密级标志", "产生部门", "审核人", "结论", "审核意见", "新表单")
WIDTHS = (44.0, 190.0, 78.0, 70.0, 78.0, 36.0, 230.0, 44.0)
PAGE_W, PAGE_H = 842.0, 595.0  # A4 landscape, points
LEFT, TOP = 36.0, 559.0
SIZE, ROW_H = 8.0, 14.0


@dataclass(frozen=True)
class ReportHead:
    unit: str
    year: int
    user: str
    when: str
    progress: Progress

    def lines(self, rows: Sequence[ReviewRow]) -> list[str]:
        counts = {o: 0 for o in (*OUTCOMES, PENDING)}
        for row in rows:
            counts[row.state] += 1
        officers = "；".join(f"{p.officer} {p.done}/{p.total}" for p in self.progress.by_officer)
        return [
            f"单位：{self.unit}    年度：{self.year}    "
            f"进度：已审核 {self.progress.done} / 共 {self.progress.total} 项",
            "结论：" + "；".join(f"{k} {v} 项" for k, v in counts.items()),
            f"按定密责任人：{officers or '—'}",
            f"导出人：{self.user}    导出时间：{self.when}",
        ]


def marking_of(rows: Sequence[ReviewRow]) -> str:
    """The highest level among the listed items; 内部 when none is a state secret."""
    levels = [Category(r.category) for r in rows if Category(r.category).is_state_secret]
    return max(levels, key=lambda c: c.rank).value if levels else Category.INTERNAL.value


def cells(row: ReviewRow) -> list[str]:
    return [
        str(row.form_id),
        row.title,
        row.marking,
        row.department,
        row.decided_by or row.officer,
        row.state,
        row.opinion,
        str(row.draft_form_id or ""),
    ]


def write_xlsx(out: Path, head: ReportHead, rows: Sequence[ReviewRow]) -> None:
    from openpyxl import Workbook  # type: ignore[import-untyped]  # on use: only an export loads it

    marking = marking_of(rows)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("年度审核")
    for part in (sheet.oddHeader, sheet.oddFooter, sheet.evenHeader, sheet.evenFooter):
        part.center.text = marking
        part.center.size = 14
    sheet.append([marking])
    sheet.append([f"{head.unit}{head.year}{TITLE}"])
    for line in head.lines(rows):
        sheet.append([line])
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([row.form_id, *cells(row)[1:7], row.draft_form_id])
    book.save(out)


def render_pdf(
    head: ReportHead, rows: Sequence[ReviewRow], now: datetime, fonts: FontSet | None = None
) -> bytes:
    fonts = fonts or font_set()
    marking = marking_of(rows)
    buffer = io.BytesIO()
    title = f"{head.unit}{head.year}{TITLE}"
    canvas = report_canvas(buffer, fonts, title=title, now=now, font_size=SIZE, page=(PAGE_W, PAGE_H))
    canvas.setLineWidth(0.6)
    top = _page_head(canvas, fonts, head, rows, marking, first=True)
    for row in rows:
        if top - ROW_H < 40:
            _page_foot(canvas, fonts, marking)
            canvas.showPage()
            canvas.setLineWidth(0.6)
            top = _page_head(canvas, fonts, head, rows, marking, first=False)
        top = _row(canvas, fonts, cells(row), top, Role.SONG)
    _page_foot(canvas, fonts, marking)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _fit(fonts: FontSet, text: str, width: float) -> str:
    if fonts.text_width(text, Role.SONG, SIZE) <= width:
        return text
    while text and fonts.text_width(text + "…", Role.SONG, SIZE) > width:
        text = text[:-1]
    return text + "…"


def _row(canvas: Canvas, fonts: FontSet, values: Sequence[str], top: float, role: Role) -> float:
    x = LEFT
    canvas.rect(LEFT, top - ROW_H, sum(WIDTHS), ROW_H)
    for value, width in zip(values, WIDTHS, strict=True):
        canvas.line(x, top, x, top - ROW_H)
        draw_text(canvas, fonts, _fit(fonts, value.replace("\n", " "), width - 4), role, SIZE, x + 2, top - 3)
        x += width
    return top - ROW_H


def _page_head(
    canvas: Canvas, fonts: FontSet, head: ReportHead, rows: Sequence[ReviewRow], marking: str, *, first: bool
) -> float:
    draw_text(canvas, fonts, marking, Role.HEI, 16, LEFT, TOP)
    title = f"{head.unit}{head.year}{TITLE}"
    width = fonts.text_width(title, Role.TITLE, 18)
    draw_text(canvas, fonts, title, Role.TITLE, 18, (PAGE_W - width) / 2, TOP - 4)
    top = TOP - 34
    if first:
        for line in head.lines(rows):
            draw_text(canvas, fonts, line, Role.SONG, 9, LEFT, top)
            top -= 14
        top -= 4
    return _row(canvas, fonts, COLUMNS, top, Role.HEI)


def _page_foot(canvas: Canvas, fonts: FontSet, marking: str) -> None:
    width = fonts.text_width(marking, Role.HEI, 16)
    draw_text(canvas, fonts, marking, Role.HEI, 16, (PAGE_W - width) / 2, 30)
