"""Font mapping, coverage and per-character fallback."""

from __future__ import annotations

from pathlib import Path

import pytest

from dingmi_desktop.export.fonts import (
    BUNDLED_SUPPLEMENTARY,
    MISSING_GLYPH_MARK,
    Role,
    bundled_font_set,
    font_set,
    load_font,
)
from dingmi_desktop.export.renderer import render_sheet
from dingmi_desktop.export.textwrap_cjk import NO_LINE_START, wrap
from dingmi_desktop.export.truetype import fix_to_unicode_cmap
from dingmi_desktop.paths import resource_path
from tests.export import samples
from tests.export.pdfread import embedded_fonts, read_pages

DROID = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
CFF_FONT = Path("/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf")


# Characters no bundled font has: a private-use one and unassigned ones in planes 2 and 3 (the planes
# whose fallback font is parsed on demand). They are the only characters drawn as the 缺字 mark 〓.
UNCOVERED = "\ue000\U0002fffd\U0003fffd"
SUPPLEMENTARY = "𠮷𪚲𫝆𫠝𬺰"  # CJK Extension B, C, D, E, F


def test_bundled_fonts_cover_the_special_characters() -> None:
    fonts = bundled_font_set()
    for char in "★〇〔〕·—0123456789" + MISSING_GLYPH_MARK:
        assert fonts.font_for(char, Role.HEI) is not None, char
        assert fonts.font_for(char, Role.SONG) is not None, char
    assert fonts.by_role[Role.HEI].font.face.name == b"WenQuanYiZenHei"
    assert fonts.by_role[Role.SONG].font.face.name == b"UMingCN"


@pytest.mark.parametrize("role", list(Role))
def test_supplementary_plane_ideographs_come_from_the_bundled_fallback_font(role: Role) -> None:
    fonts = bundled_font_set()
    for char in SUPPLEMENTARY:
        font = fonts.font_for(char, role)
        assert font is not None and font.path.name == "HanaMinB.ttf", char
        assert ord(char) in font.font.face.charToGlyph and font.width(char, 12) == pytest.approx(12)
        assert fonts.visible_char(char, role) == (font, char)
    assert fonts.missing("机密" + SUPPLEMENTARY) == set()


def test_a_character_no_font_has_is_replaced_by_a_visible_mark() -> None:
    fonts = bundled_font_set()
    assert fonts.missing("机密𠮷" + UNCOVERED) == set(UNCOVERED)
    for char in UNCOVERED:
        font, shown = fonts.visible_char(char, Role.SONG)
        assert shown == MISSING_GLYPH_MARK and font.covers(MISSING_GLYPH_MARK)
    assert [chunk for _font, chunk in fonts.runs("甲\ue000乙", Role.SONG)] == ["甲〓乙"]
    runs = fonts.runs("甲𠮷\U0002fffd乙", Role.SONG)
    assert [(font.path.name, chunk) for font, chunk in runs] == [
        ("uming.ttc", "甲"),
        ("HanaMinB.ttf", "𠮷"),
        ("uming.ttc", "〓乙"),
    ]


def test_invisible_characters_are_neither_drawn_nor_marked() -> None:
    fonts = bundled_font_set()
    text = "𠮷\U000e0100葛\ufe00A\u200db\ufeff"  # ideographic variation selector, VS1, ZWJ, BOM
    assert fonts.missing(text) == set()
    assert "".join(chunk for _font, chunk in fonts.runs(text, Role.SONG)) == "𠮷葛Ab"
    assert fonts.text_width(text, Role.SONG, 12) == fonts.text_width("𠮷葛Ab", Role.SONG, 12)
    # a break never separates a variation selector from its ideograph
    lines = wrap("葛\ufe00" * 30, fonts, Role.SONG, 12, 12 * 7.5)
    assert all(line.startswith("葛") and line.endswith("\ufe00") for line in lines)


def test_the_supplementary_font_is_parsed_only_when_a_character_needs_it(tmp_path: Path) -> None:
    fonts = font_set([tmp_path])  # a font set of its own: no characters looked up yet
    render_sheet(samples.sheet(opinion="经审核，符合规定〇〔〕·" + UNCOVERED[0]), 1, fonts)
    assert "HanaMinB.ttf" not in [font.path.name for font in fonts.chain]  # BMP text, even unknown ones
    assert fonts.font_for("𠮷", Role.SONG) is not None
    assert fonts.chain[-1].path.name == "HanaMinB.ttf"
    assert fonts.font_for(UNCOVERED[1], Role.SONG) is None  # planes 2/3, but no font has it
    assert [font.path.name for font in fonts.chain].count("HanaMinB.ttf") == 1


def test_the_supplementary_font_is_a_usable_truetype_font() -> None:
    font = load_font(resource_path("fonts", BUNDLED_SUPPLEMENTARY.filename))
    assert font is not None and font.font.face.name == b"HanaMinB"
    licence = resource_path("fonts", "LICENSE-hanazono.txt").read_text("utf-8")
    assert "SIL OPEN FONT LICENSE" in licence and "Hanazono Font License" in licence
    cmap = font.cmap
    # all of CJK Extension B as of Unicode 10 (U+2A6D7… were added later)
    assert all(cp in cmap for cp in range(0x20000, 0x2A6D7))
    assert sum(1 for cp in cmap if 0x2A700 <= cp <= 0x2EBEF) > 17_000  # Extensions C to F


def test_supplementary_characters_are_embedded_with_outlines_and_read_back_as_text() -> None:
    data = render_sheet(samples.sheet(opinion="甲" + SUPPLEMENTARY + "乙" + UNCOVERED), 1, bundled_font_set())
    page = read_pages(data)[0]
    # ToUnicode maps them back (as surrogate pairs); only the characters no font has show the 缺字 mark
    assert "甲" + SUPPLEMENTARY + "乙〓〓〓" in page.text()
    hana = next(font for font in embedded_fonts(data) if font.face == "HanaMinB")
    assert hana.has_font_file
    assert all(hana.outline_bytes[char] > 0 for char in SUPPLEMENTARY)


def test_to_unicode_cmap_fix_rewrites_only_supplementary_targets() -> None:
    cmap = "2 beginbfchar\n<00> <0000>\n<01> <20BB7>\n<02> <3007>\n<03> <2A6B2>\nendbfchar"
    fixed = fix_to_unicode_cmap(cmap)
    assert fixed == "2 beginbfchar\n<00> <0000>\n<01> <D842DFB7>\n<02> <3007>\n<03> <D869DEB2>\nendbfchar"
    assert fix_to_unicode_cmap(fixed) == fixed


def _link(directory: Path, name: str, target: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    link = directory / name
    link.symlink_to(target)
    return link


def test_installed_office_fonts_are_used_by_role(tmp_path: Path) -> None:
    # A terminal with 宋体 installed (here: UMing under the name SimSun.ttc, in a nested folder).
    song = _link(tmp_path / "fonts" / "windows", "SimSun.ttc", resource_path("fonts", "uming.ttc"))
    fonts = font_set([tmp_path / "fonts"])
    assert fonts.by_role[Role.SONG].path == song
    # 仿宋/楷体/小标宋 missing: the installed 宋体 stands in; 黑体 missing: the bundled one
    assert fonts.by_role[Role.FANG] is fonts.by_role[Role.SONG]
    assert fonts.by_role[Role.HEI].path.name == "wqy-zenhei.ttc"


def test_unusable_font_files_are_skipped(tmp_path: Path) -> None:
    (tmp_path / "simkai.ttf").write_bytes(b"not a font at all")
    if CFF_FONT.exists():  # CFF-outline OpenType: ReportLab cannot read it
        _link(tmp_path, "simhei.ttf", CFF_FONT)
    fonts = font_set([tmp_path])
    assert fonts.by_role[Role.HEI].path.name == "wqy-zenhei.ttc"
    assert fonts.by_role[Role.KAI].path.name == "uming.ttc"


@pytest.mark.skipif(not DROID.exists(), reason="Droid Sans Fallback not installed")
def test_marking_keeps_digits_and_star_when_heiti_lacks_them(tmp_path: Path) -> None:
    # Droid Sans Fallback has no Latin digits and no ★: those characters must come from another font.
    _link(tmp_path, "simhei.ttf", DROID)
    fonts = font_set([tmp_path])
    assert fonts.by_role[Role.HEI].path.name == "simhei.ttf"
    page = read_pages(render_sheet(samples.sheet(), 1, fonts))[0]
    marking = [c for c in page.chars if c.size == 16.0 and 44 < c.top * 25.4 / 72 < 47]
    assert "".join(c.text for c in marking) == "机密★10年"
    by_text = {c.text: c.face for c in marking}
    assert by_text["机"] == "DroidSansFallback"
    assert by_text["★"] != "DroidSansFallback" and by_text["1"] != "DroidSansFallback"


def test_wrap_fits_width_keeps_every_character_and_obeys_line_start_rule() -> None:
    fonts = bundled_font_set()
    text = "经审核，该事项符合《示例事项范围》第3条规定，ABCDEFG 12345。" * 20 + "\n第二段"
    lines = wrap(text, fonts, Role.SONG, 12, 200)
    assert "".join(lines) == text.replace("\n", "")
    assert lines[-1] == "第二段"
    for line in lines:
        assert fonts.text_width(line, Role.SONG, 12) <= 200
        assert line[:1] not in NO_LINE_START


def test_wrap_measures_supplementary_characters_with_the_font_that_draws_them() -> None:
    fonts = bundled_font_set()
    text = ("〔2026〕𠮷" + SUPPLEMENTARY + "·〇") * 40
    lines = wrap(text, fonts, Role.SONG, 12, 150)
    assert "".join(lines) == text
    assert max(len(line) for line in lines) > 10  # each supplementary character is one str character
    for line in lines:
        width = sum(fonts.font_for(ch, Role.SONG).width(ch, 12) for ch in line)  # type: ignore[union-attr]
        assert width == pytest.approx(fonts.text_width(line, Role.SONG, 12))
        assert width <= 150
        assert line[:1] not in NO_LINE_START
