"""ReportLab's TrueType font with text extraction that works beyond the BMP (e.g. 𠮷, CJK Extension B)."""

from __future__ import annotations

import re

from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfbase.ttfonts import TTFont

_CMAP_ENTRY = re.compile(r"<([0-9A-Fa-f]{2})> <([0-9A-Fa-f]{5,6})>")
_CMAP_KEY = "toUnicodeCMap:"  # ReportLab's name for a subset's ToUnicode stream: prefix + BaseFont


def _utf16_entry(match: re.Match[str]) -> str:
    utf16 = chr(int(match.group(2), 16)).encode("utf-16-be").hex().upper()
    return f"<{match.group(1)}> <{utf16}>"


def fix_to_unicode_cmap(cmap: str) -> str:
    """Rewrite `bfchar` targets given as bare code points above U+FFFF as UTF-16BE surrogate pairs."""
    return _CMAP_ENTRY.sub(_utf16_entry, cmap)


class UnicodeTTFont(TTFont):
    """ReportLab's TTFont with a correct ToUnicode CMap for characters beyond the BMP.

    ReportLab writes each subset's ToUnicode entry as the code point in hex (`<20BB7>` for 𠮷), which is
    not UTF-16BE, so text extraction, search and copy from the PDF would give wrong characters. The glyphs
    themselves are right: after ReportLab has built this font's objects, the entries are rewritten as
    surrogate pairs (`<D842DFB7>`). Fonts whose subsets hold only BMP characters are left untouched."""

    def addObjects(self, doc: PDFDocument) -> None:
        state = self.state.get(doc)
        beyond_bmp = state is not None and any(code > 0xFFFF for subset in state.subsets for code in subset)
        super().addObjects(doc)
        if not beyond_bmp:
            return
        suffix = "+" + (self.face.name + self.face.subfontNameX).decode("latin-1")
        for key, obj in list(doc.idToObject.items()):
            content = getattr(obj, "content", None)
            if key.startswith(_CMAP_KEY) and key.endswith(suffix) and isinstance(content, str):
                obj.content = fix_to_unicode_cmap(content)
