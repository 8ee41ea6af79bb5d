"""Files of the statistics (定密统计): XLSX (openpyxl) and PDF (ReportLab, the project's fonts).

Both are marked 内部: the counts name no item and no secret, but the secrecy office's figures are the
unit's work information, never public (docs/rules.md §统计). Both carry the unit, the year, the
department filter, who exported and when, and the note on the lifecycle columns.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from dingmi_desktop.export.fonts import FontSet, Role, font_set
from dingmi_desktop.export.renderer import draw_text, report_canvas

FORMATS = ("pdf", "xlsx")
MARKING = "内部"
TITLE = "定密工作统计"


@dataclass(frozen=True)
class StatsHead:
    unit: str
    year: int
    department: str  # "全部部门" when not filtered
    user: str
    when: str
    note: str

    def lines(self) -> list[str]:
        return [
            f"单位：{self.unit}    年度：{self.year}    部门：{self.department}",
            f"导出人：{self.user}    导出时间：{self.when}",
            f"说明：{self.note}",
        ]


def write_xlsx(out: Path, head: StatsHead, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    from openpyxl import Workbook  # type: ignore[import-untyped]  # on use: only an export loads it

    book = Workbook()
    sheet = book.active
    sheet.title = TITLE
    for part in (sheet.oddHeader, sheet.oddFooter, sheet.evenHeader, sheet.evenFooter):
        part.center.text = MARKING
        part.center.size = 14
    sheet.append([MARKING])
    sheet.append([f"{head.unit}{head.year}年{TITLE}"])
    for line in head.lines():
        sheet.append([line])
    sheet.append(["部门", *headers])
    for row in rows:
        sheet.append(list(row))
    book.save(out)


# A4 landscape, in points
PAGE_W, PAGE_H = 842.0, 595.0
LEFT, TOP, RIGHT = 36.0, 559.0, 806.0
DEPT_W = 92.0
CELL = 7.5
ROW_H = 14.0


def render_pdf(
    head: StatsHead,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    now: datetime,
    fonts: FontSet | None = None,
) -> bytes:
    """One table per page set: a header row of column names, a row per department, the total last."""
    fonts = fonts or font_set()
    buffer = io.BytesIO()
    title = f"{head.unit}{head.year}年{TITLE}"
    canvas = report_canvas(buffer, fonts, title=title, now=now, font_size=CELL, page=(PAGE_W, PAGE_H))
    col_w = (RIGHT - LEFT - DEPT_W) / max(1, len(headers))
    top = _page_head(canvas, fonts, head)
    top = _header_row(canvas, fonts, headers, col_w, top)
    for row in rows:
        if top - ROW_H < 36:
            canvas.showPage()
            top = _header_row(canvas, fonts, headers, col_w, _page_head(canvas, fonts, head))
        cells = [str(v) for v in row]
        canvas.rect(LEFT, top - ROW_H, RIGHT - LEFT, ROW_H)
        draw_text(canvas, fonts, cells[0][:12], Role.SONG, CELL, LEFT + 2, top - 3)
        for i, text in enumerate(cells[1:]):
            x = LEFT + DEPT_W + i * col_w
            width = fonts.text_width(text, Role.SONG, CELL)
            canvas.line(x, top, x, top - ROW_H)
            draw_text(canvas, fonts, text, Role.SONG, CELL, x + col_w - width - 2, top - 3)
        top -= ROW_H
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _page_head(canvas: Canvas, fonts: FontSet, head: StatsHead) -> float:
    draw_text(canvas, fonts, MARKING, Role.HEI, 14, LEFT, TOP)
    title = f"{head.unit}{head.year}年{TITLE}"
    width = fonts.text_width(title, Role.TITLE, 18)
    draw_text(canvas, fonts, title, Role.TITLE, 18, (PAGE_W - width) / 2, TOP - 4)
    top = TOP - 34
    for line in head.lines():
        draw_text(canvas, fonts, line, Role.SONG, 9, LEFT, top)
        top -= 14
    return top - 6


def _header_row(canvas: Canvas, fonts: FontSet, headers: Sequence[str], col_w: float, top: float) -> float:
    height = 2 * CELL * 1.3 + 5  # the longest header (报上级确定) takes two lines
    canvas.setLineWidth(0.6)
    canvas.rect(LEFT, top - height, RIGHT - LEFT, height)
    draw_text(canvas, fonts, "部门", Role.HEI, CELL, LEFT + 2, top - 3)
    per_line = max(1, int((col_w - 3) // CELL))
    for i, text in enumerate(headers):
        x = LEFT + DEPT_W + i * col_w
        canvas.line(x, top, x, top - height)
        for n in range(0, len(text), per_line):
            line_top = top - 3 - n // per_line * CELL * 1.3
            draw_text(canvas, fonts, text[n : n + per_line], Role.HEI, CELL, x + 1.5, line_top)
    return top - height
