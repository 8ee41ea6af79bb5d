"""Sheets carry their real creation date, from the session's clock in the unit's time zone."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from pypdf import PdfReader

from dingmi_desktop.domain.forms import form_from_json
from dingmi_desktop.export.fonts import bundled_font_set
from dingmi_desktop.export.renderer import render_copies
from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.services.drafting import DraftingService
from dingmi_desktop.services.printing import PrintingService
from dingmi_desktop.storage import Store
from tests.export import samples

FONTS = bundled_font_set()
REPORTLAB_INVARIANT_DATE = "D:20000101000000+00'00'"


def _dates(pdf: bytes) -> tuple[str, str]:
    info = PdfReader(io.BytesIO(pdf)).trailer["/Info"].get_object()
    return str(info["/CreationDate"]), str(info["/ModDate"])


def test_preview_and_export_are_dated_by_the_clock_in_beijing_time(demo_store: Store, clock) -> None:  # type: ignore[no-untyped-def]
    clock.current = datetime(2026, 11, 30, 17, 30, tzinfo=UTC)  # 2026-12-01 01:30 in Beijing
    session = demo_store.sign_in("zhangsan", DEMO_PASSWORD)
    draft = DraftingService(session).create_draft(form_from_json(samples.review_json(unit_name="示例单位")))
    printing = PrintingService(session, fonts=FONTS)
    assert _dates(printing.preview(draft.form_id)) == ("D:20261201013000+08'00'",) * 2
    clock.advance(minutes=11)
    assert _dates(printing.export_pdf(draft.form_id))[0] == "D:20261201014100+08'00'"


def test_golden_renders_without_a_time_stay_byte_stable() -> None:
    first = render_copies(samples.sheet(), [1], FONTS)
    assert first == render_copies(samples.sheet(), [1], FONTS)
    assert _dates(first)[0] == REPORTLAB_INVARIANT_DATE
    dated = render_copies(samples.sheet(), [1], FONTS, created=datetime(2026, 11, 28, 2, 0, tzinfo=UTC))
    assert _dates(dated)[0] == "D:20261128020000+00'00'"
