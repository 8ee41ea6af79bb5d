"""Grid layout: turns sheet sections into rows of measured cells and splits them across pages.

Pure measurement, no drawing. A row too tall for the space left on a page is split between lines; the
continuation repeats the row's labels with （续）.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from dingmi_desktop.export import geometry as g
from dingmi_desktop.export.fonts import FontSet, Role
from dingmi_desktop.export.sheet_data import OpinionEntry, SheetField, SheetSection
from dingmi_desktop.export.textwrap_cjk import wrap

CONTINUED = "（续）"
MIN_SPLIT_LINES = 2  # a split piece shows at least this many lines (or the whole row)


class Align(Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True)
class Line:
    text: str
    align: Align = Align.LEFT


@dataclass(frozen=True)
class Cell:
    x: float  # left edge of the cell (grid line)
    width: float
    role: Role
    lines: tuple[Line, ...]
    is_label: bool = False
    shaded: bool = False

    @property
    def text_width(self) -> float:
        return self.width - 2 * g.CELL_PAD_X


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    keep_with_next: bool = False
    source_labels: tuple[str, ...] = ()  # labels of the row, to repeat on continuation

    @property
    def line_count(self) -> int:
        return max(len(cell.lines) for cell in self.cells)

    @property
    def height(self) -> float:
        return row_height(self.line_count)


def row_height(lines: int) -> float:
    return max(lines, 1) * g.CELL_LEADING + 2 * g.CELL_PAD_Y


@dataclass(frozen=True)
class PlacedRow:
    row: Row
    top: float  # y of the row's top grid line


@dataclass(frozen=True)
class PageGrid:
    rows: tuple[PlacedRow, ...]

    @property
    def top(self) -> float:
        return self.rows[0].top if self.rows else 0.0

    @property
    def bottom(self) -> float:
        last = self.rows[-1] if self.rows else None
        return last.top - last.row.height if last else 0.0


def _cell(x: float, width: float, text: str, fonts: FontSet, role: Role, *, label: bool = False) -> Cell:
    inner = width - 2 * g.CELL_PAD_X
    align = Align.CENTER if label else Align.LEFT
    lines = tuple(Line(t, align) for t in wrap(text, fonts, role, g.CELL_SIZE, inner))
    return Cell(x=x, width=width, role=role, lines=lines, is_label=label)


def _field_row(fields: tuple[SheetField, ...], fonts: FontSet) -> Row:
    x = g.TYPE_LEFT
    value_width = (g.TYPE_WIDTH - len(fields) * g.LABEL_WIDTH) / len(fields)
    cells: list[Cell] = []
    for item in fields:
        cells.append(_cell(x, g.LABEL_WIDTH, item.label, fonts, Role.HEI, label=True))
        x += g.LABEL_WIDTH
        cells.append(_cell(x, value_width, item.value, fonts, Role.SONG))
        x += value_width
    return Row(cells=tuple(cells), source_labels=tuple(f.label for f in fields))


def _opinion_row(entry: OpinionEntry, fonts: FontSet) -> Row:
    label = _cell(g.TYPE_LEFT, g.LABEL_WIDTH, entry.role, fonts, Role.HEI, label=True)
    x = g.TYPE_LEFT + g.LABEL_WIDTH
    width = g.TYPE_WIDTH - g.LABEL_WIDTH
    inner = width - 2 * g.CELL_PAD_X
    body = wrap(entry.opinion, fonts, Role.SONG, g.CELL_SIZE, inner) if entry.opinion else [""]
    footer = wrap(entry.footer(), fonts, Role.SONG, g.CELL_SIZE, inner)
    lines = tuple(Line(t) for t in body) + tuple(Line(t, Align.RIGHT) for t in footer)
    value = Cell(x=x, width=width, role=Role.SONG, lines=lines)
    return Row(cells=(label, value), source_labels=(entry.role,))


def _heading_row(title: str, fonts: FontSet) -> Row:
    cell = _cell(g.TYPE_LEFT, g.TYPE_WIDTH, title, fonts, Role.HEI, label=True)
    return Row(cells=(replace(cell, shaded=True),), keep_with_next=True, source_labels=(title,))


def build_rows(sections: tuple[SheetSection, ...], fonts: FontSet) -> list[Row]:
    rows: list[Row] = []
    for section in sections:
        if section.title:
            rows.append(_heading_row(section.title, fonts))
        rows.extend(_field_row(fields, fonts) for fields in section.rows)
        rows.extend(_opinion_row(entry, fonts) for entry in section.opinions)
    return rows


def _split(row: Row, first_lines: int, fonts: FontSet) -> tuple[Row, Row]:
    """Cut a row after `first_lines` lines; labels are repeated with （续） in the continuation."""
    head: list[Cell] = []
    tail: list[Cell] = []
    labels = iter(row.source_labels)
    for cell in row.cells:
        if cell.is_label:
            head.append(cell)
            text = next(labels, "") + CONTINUED
            tail.append(_cell(cell.x, cell.width, text, fonts, cell.role, label=True))
        else:
            head.append(replace(cell, lines=cell.lines[:first_lines]))
            tail.append(replace(cell, lines=cell.lines[first_lines:]))
    return replace(row, cells=tuple(head)), replace(row, cells=tuple(tail))


def _label_lines(row: Row) -> int:
    return max((len(c.lines) for c in row.cells if c.is_label), default=1)


def paginate(
    rows: list[Row], first_top: float, next_top: float, bottom: float, fonts: FontSet
) -> list[PageGrid]:
    """Place rows from `first_top` down to `bottom`, continuing on pages whose grid starts at `next_top`."""
    pages: list[PageGrid] = []
    placed: list[PlacedRow] = []
    top = first_top
    queue = list(rows)
    while queue:
        row = queue.pop(0)
        space = top - bottom
        needed = row.height
        if row.keep_with_next and queue:
            needed += row_height(min(queue[0].line_count, MIN_SPLIT_LINES))
        if needed <= space or (not placed and row.keep_with_next):
            placed.append(PlacedRow(row, top))
            top -= row.height
            continue
        fit = int((space - 2 * g.CELL_PAD_Y) // g.CELL_LEADING)
        if not row.keep_with_next and fit >= max(MIN_SPLIT_LINES, _label_lines(row)) and fit < row.line_count:
            head, tail = _split(row, fit, fonts)
            placed.append(PlacedRow(head, top))
            queue.insert(0, tail)
        elif not placed:  # not even one line fits on an empty page: cannot happen with A4 geometry
            raise ValueError("grid row cannot be placed on an empty page")
        else:
            queue.insert(0, row)
        pages.append(PageGrid(tuple(placed)))
        placed = []
        top = next_top
    if placed or not pages:
        pages.append(PageGrid(tuple(placed)))
    return pages
