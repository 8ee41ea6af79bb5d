"""Rendered sheets read back: A4, GB/T 9704 block on every page, fonts, cells, continuation pages."""

from __future__ import annotations

import io
import re

import pdfplumber
import pytest
from pypdf import PdfReader

from dingmi_desktop.export.fonts import MISSING_GLYPH_MARK, LoadedFont, bundled_font_set
from dingmi_desktop.export.renderer import render_copies, render_sheet
from tests.export import samples
from tests.export.pdfread import Char, Page, Segment, embedded_fonts, mm, read_pages

FONTS = bundled_font_set()
BLOCK_LEFT_MM = 28.0
BLOCK_TOP_MM = 37.0
PITCH_MM = 1.5 * 16 * 25.4 / 72  # one 3号 line at 1.5 leading
TYPE_BOTTOM_MM = 37.0 + 225.0
STAR = "★"


def render(sheet, copy_number: int = 1) -> list[Page]:
    return read_pages(render_sheet(sheet, copy_number, FONTS))


def block_line(page: Page, index: int) -> str:
    chars = page.line_at(BLOCK_TOP_MM + index * PITCH_MM)
    return "".join(c.text for c in sorted(chars, key=lambda c: c.x0))


def assert_block_line(page: Page, index: int, expected: str) -> None:
    chars = sorted(page.line_at(BLOCK_TOP_MM + index * PITCH_MM), key=lambda c: c.x0)
    assert "".join(c.text for c in chars) == expected
    assert abs(mm(chars[0].x0) - BLOCK_LEFT_MM) <= 1.0
    for char in chars:
        assert char.size == 16.0
        assert abs(mm(char.top) - (BLOCK_TOP_MM + index * PITCH_MM)) <= 1.0
        assert char.face == "WenQuanYiZenHei"  # the 黑体 role


@pytest.fixture(scope="module")
def long_sheet():
    opinion = ("经审核，该事项符合《示例事项范围》第3条规定，" + samples.RARE) * 200
    opinion = opinion[:5000]
    assert len(opinion) == 5000
    return samples.sheet(opinion=opinion)


@pytest.fixture(scope="module")
def long_pdf(long_sheet) -> bytes:
    return render_sheet(long_sheet, 12, FONTS)


@pytest.fixture(scope="module")
def long_pages(long_pdf: bytes) -> list[Page]:
    return read_pages(long_pdf)


def test_page_is_a4_and_block_is_at_the_top_left() -> None:
    data = render_sheet(samples.sheet(), 3, FONTS)
    reader = PdfReader(io.BytesIO(data))
    box = reader.pages[0].mediabox
    assert abs(mm(float(box.width)) - 210) < 0.1 and abs(mm(float(box.height)) - 297) < 0.1
    page = read_pages(data)[0]
    assert_block_line(page, 0, "000003")
    assert_block_line(page, 1, "机密★10年")
    assert_block_line(page, 2, "加急")


def test_marking_and_copy_number_repeat_on_every_page(long_pages: list[Page]) -> None:
    assert len(long_pages) >= 3
    for number, page in enumerate(long_pages, start=1):
        assert_block_line(page, 0, "000012")
        assert_block_line(page, 1, "机密★10年")
        assert_block_line(page, 2, "加急")
        assert "定密审核单" in page.text()
        if number > 1:
            assert "（续页）" in page.text()
        # page number: 4号, top 7 mm below the type area, odd right / even left, one 字 in
        numbers = [c for c in page.chars if abs(mm(c.top) - (TYPE_BOTTOM_MM + 7)) <= 1.0]
        text = "".join(c.text for c in sorted(numbers, key=lambda c: c.x0))
        assert text == f"— {number} —"
        assert all(c.size == 14.0 for c in numbers)
        if number % 2:
            assert abs(mm(max(c.x1 for c in numbers)) - (28 + 156 - 14 * 25.4 / 72)) <= 1.0
        else:
            assert abs(mm(min(c.x0 for c in numbers)) - (28 + 14 * 25.4 / 72)) <= 1.0
        # the grid is repeated: a frame from the type area's left to right edge on every page
        verticals = {round(mm(s.x0)) for s in page.segments if s.x0 == s.x1}
        assert {28, 184} <= verticals


def test_each_copy_has_its_own_six_digit_number() -> None:
    pages = read_pages(render_copies(samples.sheet(), [1, 2, 999_999], FONTS))
    numbers = [block_line(page, 0) for page in pages]
    assert numbers == ["000001", "000002", "999999"]
    assert all(re.fullmatch(r"\d{6}", n) for n in numbers)
    assert all(block_line(page, 1) == "机密★10年" for page in pages)
    with pytest.raises(ValueError):
        render_sheet(samples.sheet(), 1_000_000, FONTS)


def test_internal_sheet_shows_neibu_without_star() -> None:
    pages = render(samples.sheet(category="内部", period=None, urgency=None))
    for page in pages:
        assert_block_line(page, 1, "内部")
        assert block_line(page, 2) == ""
        assert STAR not in page.text()


def test_non_secret_sheet_has_no_marking_and_no_star() -> None:
    pages = render(samples.sheet(category="非密", period=None, urgency=None, publicity="主动公开"))
    for page in pages:
        assert_block_line(page, 0, "000001")
        assert block_line(page, 1) == ""
        assert STAR not in page.text()


def test_all_fonts_are_embedded_subsets(long_pdf: bytes, long_pages: list[Page]) -> None:
    reader = PdfReader(io.BytesIO(long_pdf))
    seen = set()
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            assert re.match(r"^/[A-Z]{6}\+", str(font["/BaseFont"]))
            seen.add(str(font["/BaseFont"]).split("+", 1)[1])
    assert {"WenQuanYiZenHei-0", "UMingCN-0", "HanaMinB"} <= seen
    # every character on the pages has a real outline in the embedded subset of its font: no blank box
    outlines = {font.base_font: font.outline_bytes for font in embedded_fonts(long_pdf)}
    for page in long_pages:
        for char in page.chars:
            if not char.text.isspace():
                assert outlines[char.fontname][char.text] > 0, (char.text, char.fontname)


def _cell_of(char: Char, segments: list[Segment]) -> tuple[float, float, float, float] | None:
    """The grid cell (left, top, right, bottom) around the character's centre, from the ruled lines."""
    cx, cy = (char.x0 + char.x1) / 2, (char.top + char.bottom) / 2
    verticals = [s for s in segments if s.x0 == s.x1 and s.top <= cy <= s.bottom]
    horizontals = [s for s in segments if s.top == s.bottom and s.x0 <= cx <= s.x1]
    left = max((s.x0 for s in verticals if s.x0 <= cx), default=None)
    right = min((s.x0 for s in verticals if s.x0 >= cx), default=None)
    top = max((s.top for s in horizontals if s.top <= cy), default=None)
    bottom = min((s.top for s in horizontals if s.top >= cy), default=None)
    if left is None or right is None or top is None or bottom is None:
        return None
    return left, top, right, bottom


def test_every_character_is_inside_its_cell_and_drawn_from_a_covering_font(long_pages: list[Page]) -> None:
    faces: dict[str, LoadedFont] = {font.font.face.name.decode(): font for font in FONTS.chain}
    drawn = []
    in_cells = 0
    for page in long_pages:
        grid_top = min(s.top for s in page.segments if s.top == s.bottom)
        for char in page.chars:
            assert 0 <= char.x0 < char.x1 <= page.width and 0 <= char.top < char.bottom <= page.height
            font = faces[char.face]
            assert font.covers(char.text), (char.text, char.face)
            assert ord(char.text) in font.font.face.charToGlyph
            if grid_top < char.top and mm(char.bottom) < TYPE_BOTTOM_MM:  # a grid character
                cell = _cell_of(char, page.segments)
                assert cell is not None, char
                left, top, right, bottom = cell
                assert left + 0.5 <= char.x0 and char.x1 <= right - 0.5, (char, cell)
                assert top + 0.5 <= char.top and char.bottom <= bottom - 0.5, (char, cell)
                in_cells += 1
            drawn.append(char.text)
    assert in_cells > 5000
    text = "".join(drawn)
    # the rare characters are drawn as themselves, 𠮷 from the fallback font; no 缺字 mark is needed
    for rare in samples.RARE:
        assert text.count(rare) >= 5000 // 35, rare
    assert MISSING_GLYPH_MARK not in text
    assert {c.face for page in long_pages for c in page.chars if c.text == "𠮷"} == {"HanaMinB"}


def test_long_opinion_continues_in_order_across_pages(long_sheet, long_pages: list[Page]) -> None:
    opinion = next(e.opinion for s in long_sheet.sections for e in s.opinions if e.role == "承办人定密意见")
    body = "".join(
        c.text
        for page in long_pages
        for c in sorted(page.chars, key=lambda c: (c.baseline, c.x0))
        if mm(c.x0) > 28 + 33 + 0.5 and 70 < mm(c.top) < TYPE_BOTTOM_MM and c.size == 12.0
    )
    assert opinion in body
    assert sum("承办人定密意见（续）" in page.text() for page in long_pages) == len(long_pages) - 1


def test_verification_code_only_on_approved_sheets() -> None:
    approved = render(samples.sheet())
    assert re.search(r"核验码 DM-42-[0-9A-Z]{4}-[0-9A-Z]{4}", approved[0].text())
    draft = render(samples.sheet(approved=False))
    assert "核验码" not in draft[0].text()


def test_watermark_is_drawn_inside_the_page() -> None:
    pages = render(samples.sheet(watermark="张三 2026-11-28 10:30 打印"))
    for page in pages:
        assert "打印" in page.text()
        assert all(
            c.x0 >= 0 and c.x1 <= page.width and c.top >= 0 and c.bottom <= page.height for c in page.chars
        )


def test_qr_code_on_the_page_carries_the_payload() -> None:
    """Rebuild the module matrix from the rectangles on the page and compare it with ReportLab's encoder."""
    from reportlab.graphics.barcode.qr import QrCodeWidget

    sheet = samples.sheet()
    assert sheet.verification is not None
    expected = QrCodeWidget(sheet.verification.qr_payload, barLevel="M", barBorder=0).qr
    expected.make()
    size = expected.getModuleCount()
    data = render_sheet(sheet, 1, FONTS)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        left, top = (28 + 156 - 20) * 72 / 25.4, 37 * 72 / 25.4
        box = 20 * 72 / 25.4 / size
        grid = [[False] * size for _ in range(size)]
        for rect in page.rects:
            if (
                rect["fill"]
                and rect["x0"] >= left - 0.01
                and rect["top"] >= top - 0.01
                and rect["top"] < top + 20 * 72 / 25.4
            ):
                row = round((rect["top"] - top) / box)
                first = round((rect["x0"] - left) / box)
                for col in range(first, first + round(rect["width"] / box)):
                    grid[row][col] = True
    assert grid == [[bool(m) for m in row] for row in expected.modules]


def test_a_long_marking_stays_in_the_type_area_and_pushes_the_qr_code_below_the_block() -> None:
    condition = "项目通过国家级验收并正式投产运行且相关技术资料按规定移交档案部门后"
    data = render_sheet(samples.sheet(period={"condition": condition}), 1, FONTS)
    page = read_pages(data)[0]
    block = [c for c in page.chars if c.size == 16.0 and mm(c.top) < 80]
    assert "".join(c.text for c in block) == f"000001机密★{condition}加急"
    assert all(mm(c.x0) >= 28 - 0.1 and mm(c.x1) <= 184 + 0.1 for c in block)
    block_bottom = max(c.bottom for c in block)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        modules = [r for r in pdf.pages[0].rects if r["fill"] and r["height"] < 5]
    assert modules and min(r["top"] for r in modules) >= block_bottom
    title_top = min(c.top for c in page.chars if c.size == 22.0)
    code = [c for c in page.chars if c.text in "核验码" and c.size < 12]
    assert code and title_top > max(c.bottom for c in code) > max(r["bottom"] for r in modules)
