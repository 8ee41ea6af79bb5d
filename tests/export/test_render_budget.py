"""What keeps `dingmi bench` within its budgets (memory.peak_mib, pdf.sheet_s) without changing a byte of
output (the golden files check the bytes)."""

from __future__ import annotations

import io
import tracemalloc

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from dingmi_desktop.export import renderer
from dingmi_desktop.export.fonts import bundled_font_set
from dingmi_desktop.export.truetype import FONT_PROGRAM_FLATE, UnicodeTTFont
from dingmi_desktop.paths import resource_path
from tests.export import samples


def test_a_bundled_font_is_mapped_not_read_into_memory() -> None:
    """Loading the 21 MB UMing and embedding a subset of it allocates far less than the file: the file is
    mapped and the glyph table is sliced, not copied (ReportLab alone allocates about 2.4 times the file)."""
    path = resource_path("fonts", "uming.ttc")
    tracemalloc.start()
    try:
        font = UnicodeTTFont("DMbudgetUMing", path)
        pdfmetrics.registerFont(font)
        canvas = Canvas(io.BytesIO(), invariant=1)
        canvas.setFont(font.fontName, 12)
        canvas.drawString(72, 72, "定密审核单　示例单位　机密★10年")
        canvas.save()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < path.stat().st_size / 1.5


def test_the_qr_code_of_a_payload_is_built_once() -> None:
    """Rendering the same sheet again (preview, then print, then export) reuses the QR code's path."""
    data = samples.sheet()
    assert data.verification is not None
    fonts = bundled_font_set()
    renderer._qr_path.cache_clear()
    first = renderer.render_sheet(data, 1, fonts)
    second = renderer.render_sheet(data, 2, fonts)
    info = renderer._qr_path.cache_info()
    assert (info.misses, info.hits) == (1, 1)
    assert first != second  # the 份号 differs; the QR form is the same object drawn twice


def test_a_sheet_drawn_again_reuses_its_font_subsets_and_their_compression() -> None:
    """Preview, then print: the second rendering neither rebuilds nor recompresses the embedded font
    programs (the bulk of a sheet's time), and its bytes are the same as the first."""
    data = samples.sheet()
    fonts = bundled_font_set()
    first = renderer.render_sheet(data, 1, fonts)
    subsets_before = [font.font.subset_program.cache_info() for font in fonts.chain]
    flate_before = FONT_PROGRAM_FLATE.compress.cache_info()
    second = renderer.render_sheet(data, 1, fonts)
    subsets_after = [font.font.subset_program.cache_info() for font in fonts.chain]
    flate_after = FONT_PROGRAM_FLATE.compress.cache_info()
    assert second == first
    reused = sum(
        after.hits - before.hits for before, after in zip(subsets_before, subsets_after, strict=True)
    )
    assert reused >= 2  # the sheet embeds 黑体 and 宋体
    assert [info.misses for info in subsets_after] == [info.misses for info in subsets_before]
    assert flate_after.misses == flate_before.misses
    assert flate_after.hits == flate_before.hits + reused
