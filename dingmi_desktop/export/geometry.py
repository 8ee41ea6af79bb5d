"""Page geometry of GB/T 9704-2012 (docs/rules.md §8), in PDF points with the origin at the bottom left."""

from __future__ import annotations

from reportlab.lib import pagesizes, units

# ReportLab has no type hints: give its constants their types here, once (the renderer uses `mm` too).
mm: float = units.mm
PAGE_WIDTH: float = pagesizes.A4[0]  # 210 mm
PAGE_HEIGHT: float = pagesizes.A4[1]  # 297 mm

# 版心 (type area): 订口 28 mm from the left, 天头 37 mm from the top, 156 × 225 mm.
MARGIN_LEFT = 28 * mm
MARGIN_TOP = 37 * mm
TYPE_WIDTH = 156 * mm
TYPE_HEIGHT = 225 * mm

TYPE_LEFT = MARGIN_LEFT
TYPE_RIGHT = MARGIN_LEFT + TYPE_WIDTH
TYPE_TOP = PAGE_HEIGHT - MARGIN_TOP
TYPE_BOTTOM = TYPE_TOP - TYPE_HEIGHT

# Chinese font sizes (字号) in points.
SIZE_2 = 22.0  # 2号: title
SIZE_3 = 16.0  # 3号: 份号, marking, urgency
SIZE_4 = 14.0  # 4号: page numbers
SIZE_SMALL_4 = 12.0  # 小四: cell text
SIZE_5 = 10.5  # 5号: verification code

# The marking block: one item a line, flush left at the top left of the type area.
BLOCK_LINE_PITCH = 1.5 * SIZE_3
BLOCK_LINES = 3  # 份号, marking, urgency; the space is kept even when a line is empty
BLOCK_BOTTOM = TYPE_TOP - BLOCK_LINES * BLOCK_LINE_PITCH

# Page number: its top 7 mm below the type area, 4号, odd pages right, even pages left, one 字 in.
PAGE_NUMBER_GAP = 7 * mm
PAGE_NUMBER_INDENT = SIZE_4

# Verification QR code at the top right of the type area, with the code printed below it.
QR_SIZE = 20 * mm

# The grid.
CELL_SIZE = SIZE_SMALL_4
CELL_LEADING = 1.35 * CELL_SIZE
CELL_PAD_X = 1.5 * mm
CELL_PAD_Y = 1.0 * mm
LABEL_WIDTH = 33 * mm
GRID_LINE_WIDTH = 0.6
GRID_FRAME_WIDTH = 1.0


def top_to_baseline(top: float, size: float, descent: float) -> float:
    """Baseline y for text whose em box top is at `top` (the convention PDF readers use).

    `descent` is the font's descent in 1/1000 em (negative). The em box runs from
    baseline + descent to baseline + descent + size.
    """
    return top - size - descent * size / 1000.0
