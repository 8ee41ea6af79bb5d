"""The window shows dates and times in the unit's time zone (setting unit.time_zone), not a fixed default."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from dingmi_desktop.app import StoreBackend
from dingmi_desktop.domain.forms import FormKind
from dingmi_desktop.security.kdf import KdfParams
from dingmi_desktop.services.accounts import AccountService
from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.storage import Store
from dingmi_desktop.storage.directory import TIME_ZONE_SETTING
from tests.gui.conftest import WAIT_MS, Harness, _start
from tests.gui.helpers import fill_secret_form

LATE_EVENING_UTC = datetime(2026, 11, 30, 17, 30, tzinfo=UTC)  # 2026-12-01 01:30 in Beijing


@pytest.fixture
def utc_gui(qtbot, _styled_app, demo_dir: Path, clock) -> Iterator[Harness]:  # type: ignore[no-untyped-def]
    with Store.open(demo_dir, clock=clock) as store:
        AccountService(store.sign_in("secadmin", DEMO_PASSWORD)).set_setting(TIME_ZONE_SETTING, "UTC")
    backend = StoreBackend(demo_dir, demo=True, kdf=KdfParams.FLOOR, clock=clock)
    yield from _start(qtbot, backend)


def _submit_new_form(harness: Harness, qtbot):  # type: ignore[no-untyped-def]
    harness.sign_in("zhangsan")
    page = harness.window.new_form(FormKind.REVIEW)
    fill_secret_form(page)
    # 制发日 may not precede the 拟稿日期 the page filled in: the day of this test's clock
    page.editor.classification.start_date.set_value(page.editor.drafting.drafted_on.value())
    qtbot.mouseClick(page.buttons["submit"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status_badge.text() == "待审核", timeout=WAIT_MS)
    harness.idle()
    return page


def _shown(page) -> tuple[date | None, str]:  # type: ignore[no-untyped-def]
    """拟稿日期 as filled in by default, and the head of the submission in 办理历史."""
    heads = [c.findChild(QLabel, "historyHead").text() for c in page.history.cards]
    return page.editor.drafting.drafted_on.value(), next(h for h in heads if "提交" in h)


def test_default_unit_zone_is_beijing(gui, qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    clock.current = LATE_EVENING_UTC
    page = _submit_new_form(gui, qtbot)
    drafted_on, head = _shown(page)
    assert drafted_on == date(2026, 12, 1)
    assert "2026-12-01 01:3" in head


def test_the_unit_time_zone_setting_is_what_the_window_shows(utc_gui, qtbot, clock) -> None:  # type: ignore[no-untyped-def]
    clock.current = LATE_EVENING_UTC
    page = _submit_new_form(utc_gui, qtbot)
    drafted_on, head = _shown(page)
    assert drafted_on == date(2026, 11, 30)
    assert "2026-11-30 17:3" in head
