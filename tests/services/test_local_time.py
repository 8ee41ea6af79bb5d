"""One local time: the sheet, `form show` and "today" use the unit's time zone (setting unit.time_zone).

At 2026-11-30T17:30Z it is already 2026-12-01 01:30 in Beijing: a form drafted, reviewed and approved then
must carry 2026-12-01 everywhere, never the UTC date of the day before.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from dingmi_desktop.cli import main as dingmi
from dingmi_desktop.export.fonts import bundled_font_set
from dingmi_desktop.services.accounts import AccountService
from dingmi_desktop.services.demo import DEMO_PASSWORD
from dingmi_desktop.services.printing import PrintingService
from dingmi_desktop.storage import Store
from dingmi_desktop.storage.directory import TIME_ZONE_SETTING
from tests.export.pdfread import read_pages
from tests.services.samples import PASSWORD, Users

LATE_EVENING_UTC = datetime(2026, 11, 30, 17, 30, tzinfo=UTC)


def _decided_form(store: Store) -> tuple[Users, int]:
    users = Users(store)
    form_id = users.to_approval()  # no 拟稿日期 in the form: the sheet takes the day it was submitted
    users.approve(form_id)
    return users, form_id


def _sheet_text(users: Users, form_id: int) -> str:
    printing = PrintingService(users["zhangsan"].session, fonts=bundled_font_set())
    return "".join(page.text() for page in read_pages(printing.preview(form_id)))


def test_sheet_and_history_are_dated_in_beijing_time(demo_store: Store, clock) -> None:  # type: ignore[no-untyped-def]
    clock.current = LATE_EVENING_UTC
    users, form_id = _decided_form(demo_store)
    assert users["zhangsan"].session.today() == date(2026, 12, 1)
    text = _sheet_text(users, form_id)
    assert text.count("2026年12月1日") >= 3  # 拟稿日期, the reviewer's and the approver's dates
    assert "2026年11月30日" not in text
    history = users["zhangsan"].history.as_json(form_id)["history"]
    assert history and all(h["time"].startswith("2026-12-01T01:3") for h in history)
    assert all(h["time"].endswith("+08:00") for h in history)


def test_form_show_prints_beijing_dates(demo_store: Store, store_dir, clock, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    clock.current = LATE_EVENING_UTC
    _users, form_id = _decided_form(demo_store)
    demo_store.close()  # the CLI opens the store itself
    monkeypatch.setenv("DINGMI_PASSWORD", DEMO_PASSWORD)
    capsys.readouterr()
    assert dingmi(["--data-dir", str(store_dir), "form", "show", str(form_id), "--user", "zhangsan"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("  2026-")]
    assert lines and all(line.startswith("  2026-12-01T01:3") for line in lines)


def test_the_unit_time_zone_setting_moves_the_dates(demo_store: Store, clock) -> None:  # type: ignore[no-untyped-def]
    AccountService(demo_store.sign_in("secadmin", PASSWORD)).set_setting(TIME_ZONE_SETTING, "UTC")
    clock.current = LATE_EVENING_UTC
    users, form_id = _decided_form(demo_store)  # sessions opened after the change
    assert users["zhangsan"].session.today() == date(2026, 11, 30)
    text = _sheet_text(users, form_id)
    assert text.count("2026年11月30日") >= 3 and "2026年12月1日" not in text
    history = users["zhangsan"].history.as_json(form_id)["history"]
    assert all(h["time"].startswith("2026-11-30T17:3") for h in history)
