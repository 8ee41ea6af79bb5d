"""Draws a marked approval sheet to PDF bytes (pure: data in, bytes out; ReportLab, no Qt).

Every page carries the GB/T 9704 block at the top left of the type area (份号, marking, urgency in 3号
黑体), the page number `— N —` in 4号 7 mm below the type area, and the ruled grid; page 1 carries the
unit name and form title centred. The PDF's creation date is the `created` time the caller passes (its
injected clock); without one (golden tests) the output is byte-stable (ReportLab `invariant=1`).
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from dingmi_desktop.export import geometry as g
from dingmi_desktop.export.fonts import FontSet, Role, font_set
from dingmi_desktop.export.layout import Align, Cell, PageGrid, build_rows, paginate
from dingmi_desktop.export.sheet_data import SheetData, SheetVerification, copy_line, copy_number_text
from dingmi_desktop.export.textwrap_cjk import wrap

TITLE_GAP = 3.0 * g.mm
CONTINUATION_TITLE = "（续页）"


def draw_text(
    canvas: Canvas, fonts: FontSet, text: str, role: Role, size: float, x: float, top: float
) -> None:
    """Draw one line whose em box top is at `top`, left edge at x, each character from a font that has it."""
    baseline = g.top_to_baseline(top, size, fonts.descent(role))
    obj = canvas.beginText(x, baseline)
    for font, chunk in fonts.runs(text, role):
        obj.setFont(font.name, size)
        obj.textOut(chunk)
    canvas.drawText(obj)


def _aligned_x(
    fonts: FontSet, text: str, role: Role, size: float, left: float, right: float, align: Align
) -> float:
    if align is Align.LEFT:
        return left
    width = fonts.text_width(text, role, size)
    return right - width if align is Align.RIGHT else left + (right - left - width) / 2


def block_lines(fonts: FontSet, data: SheetData, copy_number: int) -> list[str]:
    """份号 (or the electronic-file note), the marking (one line; wrapped only if wider than the type
    area), the urgency."""
    line = data.marking_line
    marking = wrap(line, fonts, Role.HEI, g.SIZE_3, g.TYPE_WIDTH) if line else [""]
    return [copy_line(copy_number), *marking, data.urgency]


def block_bottom(fonts: FontSet, data: SheetData) -> float:
    lines = max(g.BLOCK_LINES, len(block_lines(fonts, data, 0)))
    return g.TYPE_TOP - lines * g.BLOCK_LINE_PITCH


def _draw_block(canvas: Canvas, fonts: FontSet, data: SheetData, copy_number: int) -> None:
    for index, text in enumerate(block_lines(fonts, data, copy_number)):
        if text:
            top = g.TYPE_TOP - index * g.BLOCK_LINE_PITCH
            draw_text(canvas, fonts, text, Role.HEI, g.SIZE_3, g.TYPE_LEFT, top)
            if data.old_marking and index == 1 and text.startswith(data.old_marking) and text != data.marking:
                _strike(canvas, fonts, data.old_marking, top)


def _strike(canvas: Canvas, fonts: FontSet, text: str, top: float) -> None:
    """A line through the replaced marking at mid-height of the em box (GB/T 9704 practice for 变更)."""
    width = fonts.text_width(text, Role.HEI, g.SIZE_3)
    y = top - g.SIZE_3 * 0.45
    canvas.saveState()
    canvas.setLineWidth(1.2)
    canvas.line(g.TYPE_LEFT, y, g.TYPE_LEFT + width, y)
    canvas.restoreState()


@lru_cache(maxsize=64)
def _qr_modules(payload: str) -> tuple[float, tuple[tuple[float, float, float], ...]]:
    """Module size and the runs of dark modules (x, y, width) of the QR code in a QR_SIZE square.

    ReportLab's QR widget does the encoding; the rectangles are computed here rather than through the
    widget's drawing, which builds one validated shape object per run and dominates the render time."""
    widget = QrCodeWidget(payload, barLevel="M", barBorder=0)
    widget.qr.make()
    count = widget.qr.getModuleCount()
    box = g.QR_SIZE / count
    runs: list[tuple[float, float, float]] = []
    for r, row in enumerate(widget.qr.modules):
        c = 0
        for dark, group in itertools.groupby(bool(m) for m in row):
            length = sum(1 for _ in group)
            if dark:
                runs.append((c * box, g.QR_SIZE - (r + 1) * box, length * box))
            c += length
    return box, tuple(runs)


@lru_cache(maxsize=64)
def _qr_path(payload: str) -> PDFPathObject:
    """The dark modules as one path, built once per payload: formatting the numbers of its few hundred
    rectangles was a third of a sheet's render time (budget `pdf.sheet_s`). Drawing never changes it."""
    path = PDFPathObject()
    box, runs = _qr_modules(payload)
    for x, y, width in runs:
        path.rect(x, y, width, box)
    return path


def _define_qr_form(canvas: Canvas, verification: SheetVerification) -> str:
    """Draw the QR code once per document as a form XObject; pages reference it."""
    name = "dmqr"
    canvas.beginForm(name, 0, 0, g.QR_SIZE, g.QR_SIZE)
    canvas.setFillGray(0)
    canvas.drawPath(_qr_path(verification.qr_payload), stroke=0, fill=1)
    canvas.endForm()
    return name


def _qr_top(fonts: FontSet, data: SheetData) -> float:
    """Top of the QR code: beside the marking block, or below it when a block line would reach it."""
    room = g.TYPE_WIDTH - g.QR_SIZE - 3.0 * g.mm
    widest = max(fonts.text_width(line, Role.HEI, g.SIZE_3) for line in block_lines(fonts, data, 0))
    return g.TYPE_TOP if widest <= room else block_bottom(fonts, data) - 1.0 * g.mm


def header_bottom(fonts: FontSet, data: SheetData) -> float:
    """Lowest point of the marking block and the verification code; the titles start below it."""
    bottom = block_bottom(fonts, data)
    if data.verification is None:
        return bottom
    return min(bottom, _qr_top(fonts, data) - g.QR_SIZE - 2.0 * g.mm - g.SIZE_5)


def _draw_verification(
    canvas: Canvas, fonts: FontSet, data: SheetData, verification: SheetVerification, form_name: str
) -> None:
    # The modules are drawn straight onto the canvas (not through renderPDF, which would select the
    # Helvetica base font for the drawing's state and leave an unembedded font in the file).
    top = _qr_top(fonts, data)
    canvas.saveState()
    canvas.translate(g.TYPE_RIGHT - g.QR_SIZE, top - g.QR_SIZE)
    canvas.doForm(form_name)
    canvas.restoreState()
    label = f"核验码 {verification.code}"
    size = g.SIZE_5
    while size > 6 and fonts.text_width(label, Role.SONG, size) > g.TYPE_WIDTH / 2:
        size -= 0.5
    x = g.TYPE_RIGHT - fonts.text_width(label, Role.SONG, size)
    draw_text(canvas, fonts, label, Role.SONG, size, x, top - g.QR_SIZE - 2.0 * g.mm)


def _draw_titles(canvas: Canvas, fonts: FontSet, data: SheetData, first_page: bool) -> float:
    """Centred unit name and form title (page 1) or the continuation title; returns the grid top."""
    top = header_bottom(fonts, data) - TITLE_GAP
    if first_page:
        text, role, size = f"{data.unit_name}{data.form_title}", Role.TITLE, g.SIZE_2
    else:
        text, role, size = f"{data.form_title}{CONTINUATION_TITLE}", Role.HEI, g.SIZE_3
    for line in wrap(text, fonts, role, size, g.TYPE_WIDTH):
        x = _aligned_x(fonts, line, role, size, g.TYPE_LEFT, g.TYPE_RIGHT, Align.CENTER)
        draw_text(canvas, fonts, line, role, size, x, top)
        top -= size * 1.3
    return top - TITLE_GAP


def title_bottom(fonts: FontSet, data: SheetData, first_page: bool) -> float:
    if first_page:
        text, role, size = f"{data.unit_name}{data.form_title}", Role.TITLE, g.SIZE_2
    else:
        text, role, size = f"{data.form_title}{CONTINUATION_TITLE}", Role.HEI, g.SIZE_3
    count = len(wrap(text, fonts, role, size, g.TYPE_WIDTH))
    return header_bottom(fonts, data) - TITLE_GAP - count * size * 1.3 - TITLE_GAP


def _draw_cell_text(canvas: Canvas, fonts: FontSet, cell: Cell, row_top: float, row_height: float) -> None:
    lead, size = g.CELL_LEADING, g.CELL_SIZE
    offset = 0.0
    if cell.is_label:  # labels are centred vertically in their cell
        offset = (row_height - 2 * g.CELL_PAD_Y - len(cell.lines) * lead) / 2
    left = cell.x + g.CELL_PAD_X
    right = cell.x + cell.width - g.CELL_PAD_X
    for index, line in enumerate(cell.lines):
        if not line.text:
            continue
        top = row_top - g.CELL_PAD_Y - offset - index * lead - (lead - size) / 2
        x = _aligned_x(fonts, line.text, cell.role, size, left, right, line.align)
        draw_text(canvas, fonts, line.text, cell.role, size, x, top)


def _draw_grid(canvas: Canvas, fonts: FontSet, grid: PageGrid) -> None:
    if not grid.rows:
        return
    canvas.setFillGray(0.92)
    for placed in grid.rows:
        for cell in placed.row.cells:
            if cell.shaded:
                canvas.rect(
                    cell.x, placed.top - placed.row.height, cell.width, placed.row.height, stroke=0, fill=1
                )
    canvas.setFillGray(0)
    canvas.setLineWidth(g.GRID_LINE_WIDTH)
    for placed in grid.rows:
        height = placed.row.height
        bottom = placed.top - height
        canvas.line(g.TYPE_LEFT, bottom, g.TYPE_RIGHT, bottom)
        for cell in placed.row.cells[1:]:
            canvas.line(cell.x, placed.top, cell.x, bottom)
        for cell in placed.row.cells:
            _draw_cell_text(canvas, fonts, cell, placed.top, height)
    canvas.setLineWidth(g.GRID_FRAME_WIDTH)
    canvas.rect(g.TYPE_LEFT, grid.bottom, g.TYPE_WIDTH, grid.top - grid.bottom, stroke=1, fill=0)


def _draw_page_number(canvas: Canvas, fonts: FontSet, number: int) -> None:
    text = f"— {number} —"
    size = g.SIZE_4
    top = g.TYPE_BOTTOM - g.PAGE_NUMBER_GAP
    if number % 2:
        x = g.TYPE_RIGHT - g.PAGE_NUMBER_INDENT - fonts.text_width(text, Role.SONG, size)
    else:
        x = g.TYPE_LEFT + g.PAGE_NUMBER_INDENT
    draw_text(canvas, fonts, text, Role.SONG, size, x, top)


def _draw_watermark(canvas: Canvas, fonts: FontSet, text: str) -> None:
    size = 26.0
    while size > 8 and fonts.text_width(text, Role.HEI, size) > g.TYPE_WIDTH:
        size -= 1
    width = fonts.text_width(text, Role.HEI, size)
    canvas.saveState()
    canvas.setFillGray(0.86)
    canvas.translate(g.PAGE_WIDTH / 2, g.PAGE_HEIGHT / 2)
    canvas.rotate(30)
    draw_text(canvas, fonts, text, Role.HEI, size, -width / 2, size / 2)
    canvas.restoreState()


def _draw_copies(canvas: Canvas, fonts: FontSet, data: SheetData, copy_numbers: Sequence[int]) -> None:
    rows = build_rows(data.sections, fonts)
    first_top = title_bottom(fonts, data, True)
    next_top = title_bottom(fonts, data, False)
    pages = paginate(rows, first_top, next_top, g.TYPE_BOTTOM, fonts)
    qr_form = _define_qr_form(canvas, data.verification) if data.verification is not None else ""
    for copy_number in copy_numbers:
        for number, grid in enumerate(pages, start=1):
            if data.options.watermark:
                _draw_watermark(canvas, fonts, data.options.watermark)
            _draw_block(canvas, fonts, data, copy_number)
            if data.verification is not None:
                _draw_verification(canvas, fonts, data, data.verification, qr_form)
            _draw_titles(canvas, fonts, data, number == 1)
            _draw_grid(canvas, fonts, grid)
            _draw_page_number(canvas, fonts, number)
            canvas.showPage()


def page_count(data: SheetData, fonts: FontSet | None = None) -> int:
    """Pages of one copy of the sheet (layout only, nothing drawn)."""
    fonts = fonts or font_set()
    rows = build_rows(data.sections, fonts)
    first_top, next_top = title_bottom(fonts, data, True), title_bottom(fonts, data, False)
    return len(paginate(rows, first_top, next_top, g.TYPE_BOTTOM, fonts))


def pdf_date(moment: datetime) -> str:
    """A PDF date string (`D:20261201013000+08'00'`) of an aware time, in its own offset."""
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError("naive datetime: pass the clock's aware time")
    minutes = int(offset.total_seconds()) // 60
    hours, mins = divmod(abs(minutes), 60)
    return f"D:{moment:%Y%m%d%H%M%S}{'-' if minutes < 0 else '+'}{hours:02d}'{mins:02d}'"


def report_canvas(
    buffer: io.BytesIO,
    fonts: FontSet,
    *,
    title: str,
    now: datetime,
    font_size: float,
    page: tuple[float, float] = (g.PAGE_WIDTH, g.PAGE_HEIGHT),
) -> Canvas:
    """A canvas for a report made at `now` (filing, certificate, statistics, annual review): compressed,
    宋体 from the start (no page references Helvetica), its title and creator, and `now` as the PDF's dates,
    never ReportLab's own reading of the machine clock."""
    canvas = Canvas(
        buffer,
        pagesize=page,
        invariant=0,
        pageCompression=1,
        initialFontName=fonts.by_role[Role.SONG].name,
        initialFontSize=font_size,
    )
    canvas.setTitle(title)
    canvas.setCreator("dingmi-desktop")
    stamp = pdf_date(now)
    canvas.setDateFormatter(lambda *_ymdhms: stamp)
    return canvas


def render_copies(
    data: SheetData,
    copy_numbers: Sequence[int],
    fonts: FontSet | None = None,
    *,
    created: datetime | None = None,
) -> bytes:
    """One PDF holding each numbered copy in turn (page numbers restart for each copy).

    `fonts` defaults to the terminal's fonts (see fonts.font_set); pass fonts.bundled_font_set() for
    output that is identical on every machine. `created` (aware, from the caller's clock, in the unit's time
    zone) is the creation date; None gives ReportLab's fixed date and byte-stable output (golden tests)."""
    if not copy_numbers:
        raise ValueError("至少需要一份")
    for copy_number in copy_numbers:
        copy_number_text(copy_number)  # range check before drawing anything
    fonts = fonts or font_set()
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(g.PAGE_WIDTH, g.PAGE_HEIGHT),
        invariant=1 if created is None else 0,
        pageCompression=1,
        initialFontName=fonts.by_role[Role.SONG].name,  # otherwise every page references Helvetica
        initialFontSize=g.CELL_SIZE,
    )
    canvas.setTitle(f"{data.unit_name}{data.form_title}")
    canvas.setCreator("dingmi-desktop")
    canvas.setProducer("dingmi-desktop (ReportLab)")
    if created is not None:  # ReportLab would stamp its own reading of the machine clock
        stamp = pdf_date(created)
        canvas.setDateFormatter(lambda *_ymdhms: stamp)
    _draw_copies(canvas, fonts, data, copy_numbers)
    canvas.save()
    return buffer.getvalue()


def render_sheet(
    data: SheetData, copy_number: int = 1, fonts: FontSet | None = None, *, created: datetime | None = None
) -> bytes:
    """The sheet as PDF bytes, copy `copy_number` (printed as the 6-digit 份号)."""
    return render_copies(data, [copy_number], fonts, created=created)
