"""The unit's working-day calendar as one declared setting (`calendar.days`) of the encrypted store.

The value is a JSON object keyed by ISO date, each entry `{"kind": "holiday" | "workday", "note": "..."}`:
one key per date, so a date can never be both a holiday and a 调休 working day. This module only knows
the stored shape (it is the setting's validator and codec); the rules about which dates make sense live in
`services.calendar`, which is the only writer besides the generic, audited `AccountService.set_setting`.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from datetime import date
from typing import Any

CALENDAR_SETTING = "calendar.days"
HOLIDAY = "holiday"  # 节假日: a day off, normally a weekday
WORKDAY = "workday"  # 调休上班: a Saturday or Sunday that is worked
KINDS = (HOLIDAY, WORKDAY)
NOTE_MAX = 40  # characters of a note such as "国庆节" or "春节调休上班"
EMPTY = "{}"

DayNotes = dict[date, tuple[str, str]]  # date → (kind, note)


def _entry(key: Any, value: Any) -> tuple[date, tuple[str, str]] | None:
    if not isinstance(key, str) or len(key) != 10:
        return None
    try:
        day = date.fromisoformat(key)
    except ValueError:
        return None
    if day.isoformat() != key or not isinstance(value, dict) or set(value) - {"kind", "note"}:
        return None
    kind, note = value.get("kind"), value.get("note", "")
    if kind not in KINDS or not isinstance(note, str) or len(note) > NOTE_MAX:
        return None
    return day, (kind, note)


def parse_calendar(text: str) -> DayNotes:
    """The stored value as date → (kind, note); ValueError when it is not a valid calendar."""
    return dict(_parsed(text))  # a copy: callers may change theirs


@functools.lru_cache(maxsize=4)
def _parsed(text: str) -> DayNotes:
    """Every form check reads the calendar: parse each stored text once (a few thousand entries)."""
    try:
        data = json.loads(text)
    except (TypeError, ValueError) as exc:
        raise ValueError("not JSON") from exc
    if not isinstance(data, dict):
        raise ValueError("not an object")
    out: DayNotes = {}
    for key, value in data.items():
        entry = _entry(key, value)
        if entry is None:
            raise ValueError(f"bad entry {key!r}")
        out[entry[0]] = entry[1]
    return out


def valid_calendar(text: str) -> bool:
    """The SETTINGS validator of `calendar.days`."""
    try:
        parse_calendar(text)
    except ValueError:
        return False
    return True


def dump_calendar(days: Mapping[date, tuple[str, str]]) -> str:
    """Canonical text (sorted by date, compact, UTF-8 characters kept) of a date → (kind, note) mapping."""
    data: dict[str, dict[str, str]] = {}
    for day in sorted(days):
        kind, note = days[day]
        data[day.isoformat()] = {"kind": kind, "note": note} if note else {"kind": kind}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
