"""Time, defined once: the only reader of the machine clock, and the unit's local time.

Everything that needs "now" receives a clock (a callable returning an aware UTC datetime) from the
composition root; `system_now` is the default the root passes. Tests replace it with a clock they control,
so no test depends on the day it runs.

Dates shown, stored as dates (拟稿日期, 制发日 defaults, deadlines) and printed are local dates of the unit's
time zone (setting `unit.time_zone`, default Asia/Shanghai), so a sheet never shows a date a day early because
of UTC.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

Clock = Callable[[], datetime]

DEFAULT_TIME_ZONE = "Asia/Shanghai"
# China has kept UTC+8 without daylight saving since 1991: the fallback where no tz database is installed
# (a bare Windows terminal without the tzdata wheel).
_FIXED_FALLBACK = {DEFAULT_TIME_ZONE: timezone(timedelta(hours=8), "CST")}


def system_now() -> datetime:
    """The machine's clock as an aware UTC time. Only composition roots pass this on."""
    return datetime.now(UTC)


@cache
def zone(name: str = DEFAULT_TIME_ZONE) -> tzinfo:
    """The tzinfo for an IANA name; ValueError (in Chinese) when it is unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        if name in _FIXED_FALLBACK:
            return _FIXED_FALLBACK[name]
        raise ValueError(f"未知的时区“{name}”：请填写 IANA 时区名，如 Asia/Shanghai。") from exc


def is_known_zone(name: str) -> bool:
    try:
        zone(name)
    except ValueError:
        return False
    return True


LOCAL_TIME: tzinfo = zone(DEFAULT_TIME_ZONE)


def local_time(moment: datetime, tz: tzinfo = LOCAL_TIME) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: clocks return aware UTC times")
    return moment.astimezone(tz)


def local_date(moment: datetime, tz: tzinfo = LOCAL_TIME) -> date:
    return local_time(moment, tz).date()


def local_text(moment: datetime, tz: tzinfo = LOCAL_TIME, *, seconds: bool = False) -> str:
    """`2026-11-30 09:05` (or with seconds): how the UI shows a moment."""
    return local_time(moment, tz).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def local_year_bounds(year: int, tz: tzinfo) -> tuple[str, str]:
    """UTC ISO instants where the local calendar year `year` begins and where the next one begins."""
    start = datetime(year, 1, 1, tzinfo=tz).astimezone(UTC)
    end = datetime(year + 1, 1, 1, tzinfo=tz).astimezone(UTC)
    return start.isoformat(), end.isoformat()
