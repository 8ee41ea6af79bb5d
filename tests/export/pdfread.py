"""Reading rendered sheets back: characters with positions in mm from the top left, grid lines, fonts."""

from __future__ import annotations

import io
import re
import struct
from dataclasses import dataclass

import pdfplumber
from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import TTFontFile

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
    baseline: float = 0.0  # points from the top (the same for all characters of a line, whatever the font)

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
            height = float(page.height)
            chars = [
                Char(
                    c["text"],
                    c["x0"],
                    c["x1"],
                    c["top"],
                    c["bottom"],
                    round(c["size"], 2),
                    c["fontname"],
                    round(height - c["matrix"][5], 3),
                )
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


@dataclass(frozen=True)
class EmbeddedFont:
    """One embedded TrueType subset: which characters it draws and the size of each one's outline."""

    base_font: str  # e.g. AAAAAA+HanaMinB
    has_font_file: bool
    outline_bytes: dict[str, int]  # character (from ToUnicode) -> bytes of its glyph in the subset's glyf

    @property
    def face(self) -> str:
        return Char(" ", 0, 0, 0, 0, 0, self.base_font).face


_BFCHAR = re.compile(r"<([0-9A-Fa-f]{2})> <([0-9A-Fa-f]+)>")


def _subset_cmap(table: bytes) -> dict[int, int]:
    """Code -> glyph of a ReportLab subset's cmap: one (1, 0) subtable in format 6 (trimmed table)."""
    (offset,) = struct.unpack(">I", table[8:12])
    fmt, _length, _language, first, count = struct.unpack(">5H", table[offset : offset + 10])
    assert fmt == 6, fmt
    glyphs = struct.unpack(f">{count}H", table[offset + 10 : offset + 10 + 2 * count])
    return {first + index: glyph for index, glyph in enumerate(glyphs)}


def embedded_fonts(data: bytes) -> list[EmbeddedFont]:
    """Every font of every page, read from the PDF itself: the embedded font file's cmap and glyf
    through ReportLab's TrueType parser, the characters through the font's ToUnicode CMap."""
    found: dict[int, EmbeddedFont] = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for ref in page["/Resources"]["/Font"].values():
            if ref.idnum in found:
                continue
            font = ref.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            outlines: dict[str, int] = {}
            if "/FontFile2" in descriptor:
                ttf = TTFontFile(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))
                code_to_glyph = _subset_cmap(ttf.get_table("cmap"))
                to_unicode = font["/ToUnicode"].get_object().get_data().decode("latin-1")
                for code, target in _BFCHAR.findall(to_unicode.split("beginbfchar", 1)[1]):
                    text = bytes.fromhex(target).decode("utf-16-be")
                    glyph = code_to_glyph.get(int(code, 16), 0)
                    if text != "\0":
                        outlines[text] = ttf.glyphPos[glyph + 1] - ttf.glyphPos[glyph] if glyph else 0
            found[ref.idnum] = EmbeddedFont(str(font["/BaseFont"])[1:], "/FontFile2" in descriptor, outlines)
    return list(found.values())
