"""Fonts for printed sheets: role mapping, coverage checks and per-character fallback.

Roles are the four faces of Chinese official documents. The terminal's real fonts (simhei.ttf,
simsun.ttc, simfang.ttf, simkai.ttf …) are used when installed; otherwise the bundled WenQuanYi Zen Hei
(黑体 role) and AR PL UMing (宋体 role, also standing in for 仿宋 and 楷体).

Every character is drawn from a font whose cmap has it, looked up along a fallback chain: the role fonts,
installed gap fillers (SimSun-ExtB), the two bundled fonts, and last the bundled Hanazono Mincho B
(HanaMinB.ttf, CJK Extension B–F such as 𠮷). That last font is large (30 MB), so it is parsed only when
a character of the supplementary ideographic planes that no earlier font has is first asked for.
Only a character that no font has at all (a private-use or unassigned code point, or an ideograph newer
than the fonts) is drawn as 〓, the typesetter's 缺字 mark, instead of an empty box. Invisible format
characters (variation selectors, zero-width joiners, BOM) are not drawn and take no width.
Fonts ReportLab cannot read (CFF-outline OpenType such as Noto CJK) are skipped.
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading
import unicodedata
from collections.abc import Iterable, KeysView, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from dingmi_desktop.export.truetype import UnicodeTTFont
from dingmi_desktop.paths import resource_path

MISSING_GLYPH_MARK = "〓"  # U+3013 GETA MARK: the traditional placeholder for a missing character


class Role(Enum):
    HEI = "黑体"
    SONG = "宋体"
    FANG = "仿宋"
    KAI = "楷体"
    TITLE = "小标宋"


# File names of the real Chinese office fonts, per role, in order of preference (matched case-insensitively).
SYSTEM_CANDIDATES: dict[Role, tuple[str, ...]] = {
    Role.HEI: ("simhei.ttf",),
    Role.SONG: ("simsun.ttc", "simsun.ttf"),
    Role.FANG: ("仿宋_gb2312.ttf", "fangsong_gb2312.ttf", "simfang.ttf"),
    Role.KAI: ("楷体_gb2312.ttf", "kaiti_gb2312.ttf", "simkai.ttf"),
    Role.TITLE: ("方正小标宋简体.ttf", "fzxbsjw.ttf", "fzxbsjw--gb1-0.ttf"),
}
# Fonts used only to fill gaps (SimSun-ExtB covers CJK Extension B, e.g. 𠮷).
SYSTEM_GAP_FILLERS: tuple[str, ...] = ("simsunb.ttf", "simsun-extb.ttf")

BUNDLED_HEI = ("wqy-zenhei.ttc", 0)
BUNDLED_SONG = ("uming.ttc", 0)
BUNDLED_FOR_ROLE: dict[Role, tuple[str, int]] = {
    Role.HEI: BUNDLED_HEI,
    Role.SONG: BUNDLED_SONG,
    Role.FANG: BUNDLED_SONG,
    Role.KAI: BUNDLED_SONG,
    Role.TITLE: BUNDLED_SONG,
}


@dataclass(frozen=True)
class LazyFont:
    """A fallback font parsed only when a character in one of its `planes` is not found earlier."""

    filename: str
    planes: tuple[range, ...]

    def may_cover(self, char: str) -> bool:
        return any(ord(char) in plane for plane in self.planes)


# Hanazono Mincho B: CJK Unified Ideographs Extension B–F (planes 2 and 3 hold all supplementary ideographs).
BUNDLED_SUPPLEMENTARY = LazyFont("HanaMinB.ttf", (range(0x20000, 0x40000),))


def default_font_dirs() -> list[Path]:
    """The usual font directories of the platform."""
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        dirs = [windir / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return dirs
    if sys.platform == "darwin":
        return [Path("/Library/Fonts"), Path("/System/Library/Fonts"), home / "Library" / "Fonts"]
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local" / "share" / "fonts",
        home / ".fonts",
    ]


@dataclass
class LoadedFont:
    """One registered ReportLab font with its cmap and cached advance widths (1/1000 em)."""

    name: str
    path: Path
    subfont_index: int
    font: TTFont
    cmap: KeysView[int]  # the face's own character map, not a copy of its 20–40 thousand entries
    descent: float
    _widths: dict[str, float] = field(default_factory=dict, repr=False)

    def covers(self, char: str) -> bool:
        return ord(char) in self.cmap

    def width(self, char: str, size: float) -> float:
        em = self._widths.get(char)
        if em is None:
            em = self.font.stringWidth(char, 1000.0)
            self._widths[char] = em
        return em * size / 1000.0


@lru_cache(maxsize=128)
def load_font(path: Path, subfont_index: int = 0) -> LoadedFont | None:
    """Parse and register a TrueType font once per process; None if ReportLab cannot use it."""
    digest = hashlib.sha256(f"{path.absolute()}#{subfont_index}".encode()).hexdigest()[:10]
    name = f"DM{digest}"
    try:
        font = UnicodeTTFont(name, path, subfont_index)
    except Exception:  # TTFError for CFF outlines, damaged or unreadable files
        return None
    pdfmetrics.registerFont(font)
    face = font.face
    return LoadedFont(
        name=name,
        path=path,
        subfont_index=subfont_index,
        font=font,
        cmap=face.charToGlyph.keys(),
        descent=float(face.descent),
    )


@lru_cache(maxsize=8)
def _index_dirs(dirs: tuple[Path, ...]) -> dict[str, Path]:
    """Lower-case file name → first path found under the given directories (recursively)."""
    index: dict[str, Path] = {}
    for root in dirs:
        if not root.is_dir():
            continue
        for dirpath, _dirnames, filenames in os.walk(root):
            for filename in sorted(filenames):
                index.setdefault(filename.lower(), Path(dirpath) / filename)
    return index


def is_invisible(char: str) -> bool:
    """Format characters and variation selectors: they change how neighbours look, not drawn themselves.
    Such characters are dropped from the drawn text (a font without them would otherwise show 〓)."""
    code = ord(char)
    return (
        unicodedata.category(char) == "Cf"
        or 0xFE00 <= code <= 0xFE0F  # variation selectors
        or 0xE0100 <= code <= 0xE01EF  # ideographic variation selectors
    )


class FontSet:
    """Fonts per role plus a fallback chain; answers which font draws which character.

    `lazy_fillers` come last in the chain and are parsed the first time a character they may cover is
    not found in any font before them."""

    def __init__(
        self,
        by_role: dict[Role, LoadedFont],
        gap_fillers: Sequence[LoadedFont],
        lazy_fillers: Sequence[LazyFont] = (),
    ) -> None:
        self.by_role = dict(by_role)
        chain: list[LoadedFont] = []
        for font in [*by_role.values(), *gap_fillers]:
            if all(font.name != known.name for known in chain):
                chain.append(font)
        self.chain = chain
        self._pending = list(lazy_fillers)
        self._lock = threading.Lock()
        self._choice: dict[tuple[Role, str], LoadedFont | None] = {}
        self._shown: dict[Role, dict[str, tuple[LoadedFont, str]]] = {}

    def _load_lazy(self, char: str) -> LoadedFont | None:
        """Parse the pending fallback fonts that may have `char` (once each); the first that has it."""
        with self._lock:
            for lazy in [lazy for lazy in self._pending if lazy.may_cover(char)]:
                self._pending.remove(lazy)
                try:
                    font = load_font(resource_path("fonts", lazy.filename), 0)
                except FileNotFoundError:  # a build without the font: its characters show the 缺字 mark
                    font = None
                if font is not None and all(font.name != known.name for known in self.chain):
                    self.chain.append(font)
            return next((font for font in self.chain if font.covers(char)), None)

    def font_for(self, char: str, role: Role) -> LoadedFont | None:
        """The role's font when it has the character, else the first font in the chain that has it."""
        key = (role, char)
        if key in self._choice:
            return self._choice[key]
        preferred = self.by_role[role]
        found: LoadedFont | None = preferred if preferred.covers(char) else None
        if found is None:
            found = next((font for font in self.chain if font.covers(char)), None)
        if found is None and any(lazy.may_cover(char) for lazy in self._pending):
            found = self._load_lazy(char)
        self._choice[key] = found
        return found

    def missing(self, text: str) -> set[str]:
        """Characters of `text` (other than line breaks and invisible ones) that no available font covers."""
        return {
            ch
            for ch in set(text)
            if ch not in "\n\r" and not is_invisible(ch) and self.font_for(ch, Role.SONG) is None
        }

    def _shown_for(self, role: Role) -> dict[str, tuple[LoadedFont, str]]:
        """What is drawn for each character already seen in `role` (one table per role: the hot loops below
        look characters up by the `str` alone)."""
        table = self._shown.get(role)
        if table is None:
            table = self._shown[role] = {}
        return table

    def visible_char(self, char: str, role: Role) -> tuple[LoadedFont, str]:
        """The font and character to draw for `char`: itself, the missing-glyph mark, or "" (invisible)."""
        table = self._shown_for(role)
        shown = table.get(char)
        if shown is None:
            shown = table[char] = self._visible_char(char, role)
        return shown

    def _visible_char(self, char: str, role: Role) -> tuple[LoadedFont, str]:
        if is_invisible(char):
            return self.by_role[role], ""
        font = self.font_for(char, role)
        if font is not None:
            return font, char
        mark_font = self.font_for(MISSING_GLYPH_MARK, role)
        if mark_font is None:  # no font has the mark either: fall back to a question mark
            return self.by_role[role], "?"
        return mark_font, MISSING_GLYPH_MARK

    def runs(self, text: str, role: Role) -> list[tuple[LoadedFont, str]]:
        """Split text into maximal runs that one font draws."""
        table = self._shown_for(role)
        out: list[tuple[LoadedFont, str]] = []
        for char in text:
            visible = table.get(char)
            if visible is None:
                visible = table[char] = self._visible_char(char, role)
            font, shown = visible
            if not shown:
                continue
            if out and out[-1][0] is font:
                out[-1] = (font, out[-1][1] + shown)
            else:
                out.append((font, shown))
        return out

    def char_width(self, char: str, role: Role, size: float) -> float:
        font, shown = self.visible_char(char, role)
        return font.width(shown, size) if shown else 0.0

    def char_widths(self, text: str, role: Role, size: float) -> list[float]:
        """`char_width` of each character of `text` (the same numbers, one table lookup each)."""
        table = self._shown_for(role)
        widths: list[float] = []
        for char in text:
            visible = table.get(char)
            if visible is None:
                visible = table[char] = self._visible_char(char, role)
            font, shown = visible
            widths.append(font.width(shown, size) if shown else 0.0)
        return widths

    def text_width(self, text: str, role: Role, size: float) -> float:
        return sum(self.char_widths(text, role, size))

    def descent(self, role: Role) -> float:
        return self.by_role[role].descent


def _bundled(role: Role) -> LoadedFont:
    filename, index = BUNDLED_FOR_ROLE[role]
    font = load_font(resource_path("fonts", filename), index)
    if font is None:
        raise RuntimeError(f"bundled font unusable: {filename}")
    return font


def _first_usable(index: dict[str, Path], names: Iterable[str]) -> LoadedFont | None:
    for filename in names:
        path = index.get(filename.lower())
        if path is not None:
            font = load_font(path, 0)
            if font is not None and font.cmap:
                return font
    return None


@lru_cache(maxsize=8)
def _font_set(dirs: tuple[Path, ...]) -> FontSet:
    index = _index_dirs(dirs) if dirs else {}
    by_role: dict[Role, LoadedFont] = {}
    for role in Role:
        by_role[role] = _first_usable(index, SYSTEM_CANDIDATES[role]) or _bundled(role)
    # A found 宋体 stands in for missing 仿宋/楷体/小标宋 before the bundled UMing does.
    for role in (Role.FANG, Role.KAI, Role.TITLE):
        if by_role[role] is _bundled(role) and by_role[Role.SONG] is not _bundled(Role.SONG):
            by_role[role] = by_role[Role.SONG]
    fillers = [font for name in SYSTEM_GAP_FILLERS if (font := _first_usable(index, (name,)))]
    fillers += [_bundled(Role.HEI), _bundled(Role.SONG)]
    return FontSet(by_role, fillers, [BUNDLED_SUPPLEMENTARY])


def font_set(font_dirs: Sequence[Path | str] | None = None) -> FontSet:
    """The fonts to print with. `font_dirs=None` searches the platform's font directories;
    an empty list uses only the bundled fonts (deterministic output, used by golden tests)."""
    dirs = default_font_dirs() if font_dirs is None else [Path(d) for d in font_dirs]
    return _font_set(tuple(dirs))


def bundled_font_set() -> FontSet:
    return font_set([])
