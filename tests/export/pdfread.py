"""Reading rendered sheets back: characters with positions in mm from the top left, grid lines, fonts."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pdfplumber

PT_PER_MM = 72 / 25.4


def mm(points: float) -> float:
    return points / PT_PER_MM


@dataclass(frozen=True)
class Char:
    text: str
    x0: float  # points from the left
    x1: float
    top: float  # points from the top
    bottom: float
    size: float
    fontname: str

    @property
    def face(self) -> str:
        """The font's face name without the subset prefix and ReportLab's subset suffix."""
        name = self.fontname.split("+", 1)[-1]
        return name.rsplit("-", 1)[0] if name.rsplit("-", 1)[-1].isdigit() else name


@dataclass(frozen=True)
class Segment:
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    chars: list[Char]
    segments: list[Segment]  # drawn lines and rectangle edges, in top-left coordinates

    def text(self) -> str:
        return "".join(c.text for c in self.chars)

    def line_at(self, top_mm: float, tolerance_mm: float = 1.0, max_x_mm: float = 130.0) -> list[Char]:
        """Characters whose top lies within tolerance of top_mm (left of max_x_mm)."""
        return [c for c in self.chars if abs(mm(c.top) - top_mm) <= tolerance_mm and mm(c.x0) < max_x_mm]


def read_pages(data: bytes) -> list[Page]:
    pages: list[Page] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            chars = [
                Char(c["text"], c["x0"], c["x1"], c["top"], c["bottom"], round(c["size"], 2), c["fontname"])
                for c in page.chars
            ]
            segments = [Segment(ln["x0"], ln["top"], ln["x1"], ln["bottom"]) for ln in page.lines]
            for rect in page.rects:
                x0, x1, top, bottom = rect["x0"], rect["x1"], rect["top"], rect["bottom"]
                if rect["stroke"]:
                    segments += [
                        Segment(x0, top, x1, top),
                        Segment(x0, bottom, x1, bottom),
                        Segment(x0, top, x0, bottom),
                        Segment(x1, top, x1, bottom),
                    ]
            pages.append(Page(float(page.width), float(page.height), chars, segments))
    return pages
