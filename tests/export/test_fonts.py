"""Font mapping, coverage and per-character fallback."""

from __future__ import annotations

from pathlib import Path

import pytest

from dingmi_desktop.export.fonts import MISSING_GLYPH_MARK, Role, bundled_font_set, font_set
from dingmi_desktop.export.renderer import render_sheet
from dingmi_desktop.export.textwrap_cjk import NO_LINE_START, wrap
from dingmi_desktop.paths import resource_path
from tests.export import samples
from tests.export.pdfread import read_pages

DROID = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
CFF_FONT = Path("/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf")


def test_bundled_fonts_cover_the_special_characters() -> None:
    fonts = bundled_font_set()
    for char in "★〇〔〕·—0123456789" + MISSING_GLYPH_MARK:
        assert fonts.font_for(char, Role.HEI) is not None, char
        assert fonts.font_for(char, Role.SONG) is not None, char
    assert fonts.by_role[Role.HEI].font.face.name == b"WenQuanYiZenHei"
    assert fonts.by_role[Role.SONG].font.face.name == b"UMingCN"


def test_a_character_no_font_has_is_replaced_by_a_visible_mark() -> None:
    fonts = bundled_font_set()
    assert fonts.missing("机密𠮷") == {"𠮷"}  # CJK Extension B: in neither bundled font
    font, shown = fonts.visible_char("𠮷", Role.SONG)
    assert shown == MISSING_GLYPH_MARK and font.covers(MISSING_GLYPH_MARK)
    assert [chunk for _font, chunk in fonts.runs("甲𠮷乙", Role.SONG)] == ["甲〓乙"]


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
