"""The working-day calendar is one declared, validated setting of the encrypted store (no extra table)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from dingmi_desktop.services.accounts import AccountService
from dingmi_desktop.storage import InvalidInput
from dingmi_desktop.storage.calendar_setting import (
    CALENDAR_SETTING,
    dump_calendar,
    parse_calendar,
    valid_calendar,
)


def test_round_trip_is_canonical() -> None:
    days = {date(2026, 10, 10): ("workday", "国庆节调休上班"), date(2026, 10, 1): ("holiday", "")}
    text = dump_calendar(days)
    assert text == '{"2026-10-01":{"kind":"holiday"},"2026-10-10":{"kind":"workday","note":"国庆节调休上班"}}'
    assert parse_calendar(text) == days
    assert parse_calendar("{}") == {}


@pytest.mark.parametrize(
    "value",
    [
        "",
        "[]",
        "{not json",
        '{"2026-02-30": {"kind": "holiday"}}',  # no such day
        '{"20261001": {"kind": "holiday"}}',  # ISO basic format is not the stored form
        '{"2026-10-01": {"kind": "festival"}}',
        '{"2026-10-01": "holiday"}',
        '{"2026-10-01": {"kind": "holiday", "note": 7}}',
        '{"2026-10-01": {"kind": "holiday", "extra": ""}}',
        json.dumps({"2026-10-01": {"kind": "holiday", "note": "节" * 41}}),
    ],
)
def test_malformed_values_are_refused(value: str, demo_store, demo_session) -> None:  # type: ignore[no-untyped-def]
    assert not valid_calendar(value)
    session = demo_session("secadmin")
    with session.transaction() as tx, pytest.raises(InvalidInput):
        tx.settings.set(CALENDAR_SETTING, value)
    with pytest.raises(InvalidInput):  # the generic, audited settings path refuses it too
        AccountService(session).set_setting(CALENDAR_SETTING, value)


def test_declared_with_an_empty_default() -> None:
    from dingmi_desktop.storage.directory import SETTINGS

    default, validator = SETTINGS[CALENDAR_SETTING]
    assert default == "{}" and validator(default)
