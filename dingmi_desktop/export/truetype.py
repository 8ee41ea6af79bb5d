"""ReportLab's TrueType font, read from a memory-mapped file, with text extraction that works beyond the
BMP (e.g. 𠮷, CJK Extension B).

ReportLab reads the whole font file into memory and copies the whole `glyf` table for every subset it
embeds. The bundled CJK fonts are 17–31 MB, almost all of it glyph outlines of which a sheet uses a few
hundred: mapping the file instead keeps only the pages actually read resident (budget `memory.peak_mib`),
and handing the subsetter a view of `glyf` instead of a copy saves a multi-megabyte copy per embedded
font per document (budget `pdf.sheet_s`). The bytes written are the same.

A sheet is often drawn again with the same characters (preview, then print, then export; a reprint; the
next copy): each font remembers its last subsets and their compressed streams (about 8 ms of a 22 ms sheet
on the reference machine), which are pure functions of the subset and so give the same bytes.
"""

from __future__ import annotations

import mmap
import re
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfbase.ttfonts import TTFont

_CMAP_ENTRY = re.compile(r"<([0-9A-Fa-f]{2})> <([0-9A-Fa-f]{5,6})>")
_CMAP_KEY = "toUnicodeCMap:"  # ReportLab's name for a subset's ToUnicode stream: prefix + BaseFont
_FONT_FILE_KEY = "fontFile:"  # ... and for a subset's embedded font program
# Remembered subsets per font and compressed font programs in all: a few sheets' worth (each 30–80 kB).
SUBSET_CACHE_SIZE = 16


def _utf16_entry(match: re.Match[str]) -> str:
    utf16 = chr(int(match.group(2), 16)).encode("utf-16-be").hex().upper()
    return f"<{match.group(1)}> <{utf16}>"


def fix_to_unicode_cmap(cmap: str) -> str:
    """Rewrite `bfchar` targets given as bare code points above U+FFFF as UTF-16BE surrogate pairs."""
    return _CMAP_ENTRY.sub(_utf16_entry, cmap)


class _MappedFontFile:
    """What ReportLab's parser reads a font from (`name` and `read()`): the file mapped, not copied."""

    def __init__(self, path: Path) -> None:
        self.name = str(path)  # ReportLab's `filename`, as when given the path itself
        with open(path, "rb") as file:
            self._data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)

    def read(self) -> mmap.mmap:
        return self._data


class _GlyphTable:
    """The `glyf` table as the subsetter uses it (slices of single glyphs), without copying the table."""

    def __init__(self, view: memoryview) -> None:
        self._view = view

    def __getitem__(self, index: slice) -> bytes:
        return bytes(self._view[index])


class _RememberingFlate:
    """ReportLab's FlateDecode filter (the same zlib call, the same bytes) remembering its last font
    programs, so a subset embedded again is not compressed again."""

    pdfname = "FlateDecode"

    def __init__(self) -> None:
        self.compress = lru_cache(maxsize=SUBSET_CACHE_SIZE)(zlib.compress)

    def encode(self, text: bytes | str) -> bytes:
        return self.compress(text.encode("utf8") if isinstance(text, str) else text)

    def decode(self, encoded: bytes) -> bytes:
        return zlib.decompress(encoded)


FONT_PROGRAM_FLATE = _RememberingFlate()


class UnicodeTTFont(TTFont):  # type: ignore[misc]  # ReportLab ships no type hints
    """ReportLab's TTFont with a correct ToUnicode CMap for characters beyond the BMP.

    ReportLab writes each subset's ToUnicode entry as the code point in hex (`<20BB7>` for 𠮷), which is
    not UTF-16BE, so text extraction, search and copy from the PDF would give wrong characters. The glyphs
    themselves are right: after ReportLab has built this font's objects, the entries are rewritten as
    surrogate pairs (`<D842DFB7>`). Fonts whose subsets hold only BMP characters are left untouched."""

    def __init__(self, name: str, path: Path, subfont_index: int = 0) -> None:
        super().__init__(name, _MappedFontFile(path), subfontIndex=subfont_index)
        face: Any = self.face
        data = memoryview(face._ttf_data)
        table_bytes = face.get_table

        def get_table(tag: str) -> Any:
            if tag != "glyf":
                return table_bytes(tag)
            offset, length = face.get_table_pos(tag)
            return _GlyphTable(data[offset : offset + length])

        face.get_table = get_table
        make_subset = face.makeSubset
        # A subset is a list of code points; the same list always gives the same font program.
        self.subset_program = lru_cache(maxsize=SUBSET_CACHE_SIZE)(lambda codes: make_subset(list(codes)))
        face.makeSubset = lambda subset: self.subset_program(tuple(subset))

    def addObjects(self, doc: PDFDocument) -> None:
        state = self.state.get(doc)
        beyond_bmp = state is not None and any(code > 0xFFFF for subset in state.subsets for code in subset)
        super().addObjects(doc)
        prefix = f"{_FONT_FILE_KEY}{self.face.filename}("
        for key, obj in doc.idToObject.items():
            if key.startswith(prefix) and getattr(obj, "filters", None) == [pdfdoc.PDFZCompress]:
                obj.filters = [FONT_PROGRAM_FLATE]
        if not beyond_bmp:
            return
        suffix = "+" + (self.face.name + self.face.subfontNameX).decode("latin-1")
        for key, obj in list(doc.idToObject.items()):
            content = getattr(obj, "content", None)
            if key.startswith(_CMAP_KEY) and key.endswith(suffix) and isinstance(content, str):
                obj.content = fix_to_unicode_cmap(content)
