"""The unit's working-day calendar (docs/rules.md §5: 不明事项 deadlines count working days, Reg 25).

Holidays and 调休 working days live in the encrypted store (setting `calendar.days`, see
`storage.calendar_setting`). Anyone signed in may read them; only the 安全保密管理员 changes them, one
transaction and one audit entry per change. The workflow services read the stored calendar in every
transaction that computes a due date, unless a `WorkCalendar` was injected (tests).

Rules of an entry (decided here, explained to the user in the messages):
- dates between 2000 and 2099, at most 31 days in one change (a 放假 period is at most about nine days);
- a date is either a holiday or a 调休 working day, never both: changing the kind means removing it first;
- a 调休 working day must be a Saturday or Sunday: a weekday is a working day already, so such an entry
  would only hide a typing error;
- a holiday may fall on any day: the official notice publishes whole periods (10月1日至7日放假), and the
  administrator may copy them as published; weekend days in them change no count, and the list says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from dingmi_desktop.domain.calendar import WorkCalendar
from dingmi_desktop.domain.errors import DomainError, Problem, ValidationError
from dingmi_desktop.domain.roles import Role
from dingmi_desktop.services.refusals import refusals_audited
from dingmi_desktop.storage import DatabaseDamaged, PermissionDenied, Session, Tx
from dingmi_desktop.storage.calendar_setting import (
    CALENDAR_SETTING,
    HOLIDAY,
    KINDS,
    NOTE_MAX,
    WORKDAY,
    DayNotes,
    dump_calendar,
    parse_calendar,
)

KIND_LABELS = {HOLIDAY: "节假日", WORKDAY: "调休上班"}
WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
FIRST_YEAR, LAST_YEAR = 2000, 2099
MAX_SPAN_DAYS = 31
AUDIT_ACTION = "修改工作日历"
REFUSED = "只有安全保密管理员可以修改工作日历（节假日和调休上班日）。"

__all__ = [
    "HOLIDAY",
    "KINDS",
    "KIND_LABELS",
    "WORKDAY",
    "CalendarChange",
    "CalendarDay",
    "CalendarService",
    "loaded_years",
    "read_days",
    "stored_calendar",
]


@dataclass(frozen=True)
class CalendarDay:
    day: date
    kind: str  # HOLIDAY | WORKDAY
    note: str = ""

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def weekday(self) -> str:
        return WEEKDAYS[self.day.weekday()]

    @property
    def is_weekend(self) -> bool:
        return self.day.weekday() >= 5

    @property
    def effective(self) -> bool:
        """False for a holiday on a Saturday or Sunday: kept as published, it changes no working-day count."""
        return (self.kind == HOLIDAY) != self.is_weekend

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "kind": self.kind,
            "label": self.label,
            "weekday": self.weekday,
            "note": self.note,
            "effective": self.effective,
        }


@dataclass(frozen=True)
class CalendarChange:
    """What a change did: `action` 添加 / 删除 and the entries added (as now stored) or removed."""

    action: str
    days: tuple[CalendarDay, ...]


# --- reading inside a caller's transaction ----------------------------------------------------------


def _stored(tx: Tx) -> DayNotes:
    try:
        return parse_calendar(tx.settings.get(CALENDAR_SETTING))
    except ValueError as exc:  # a setting that fails to load is an error, never a silent reset
        raise DatabaseDamaged("工作日历设置已损坏，无法读取；请从备份恢复或联系安全保密管理员。") from exc


def read_days(tx: Tx) -> list[CalendarDay]:
    """Every stored entry, by date."""
    return [CalendarDay(day, kind, note) for day, (kind, note) in sorted(_stored(tx).items())]


def loaded_years(days: DayNotes) -> list[int]:
    """The years whose holidays are loaded: a year with at least one entry. Every year's official notice
    gives days off (元旦 at least), so a year without any entry was never loaded."""
    return sorted({d.year for d in days})


def stored_calendar(tx: Tx) -> WorkCalendar:
    """The calendar in force, as the due-date computations use it; it counts only through loaded years."""
    days = _stored(tx)
    try:
        return WorkCalendar(
            holidays=[d for d, (kind, _) in days.items() if kind == HOLIDAY],
            extra_workdays=[d for d, (kind, _) in days.items() if kind == WORKDAY],
            loaded_years=loaded_years(days),
        )
    except DomainError as exc:  # unreachable through the one-key-per-date format; kept as a guard
        raise DatabaseDamaged(f"工作日历设置有误：{exc.message}。") from exc


# --- validation ---------------------------------------------------------------------------------------


def _span(start: date, until: date | None) -> tuple[list[date], list[Problem]]:
    end = until or start
    problems = [
        Problem(field, f"日期须在{FIRST_YEAR}年至{LAST_YEAR}年之间：{day.isoformat()}")
        for field, day in (("date", start), ("until", until))
        if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR
    ]
    if end < start:
        problems.append(Problem("until", "结束日期不能早于开始日期"))
    elif (end - start).days + 1 > MAX_SPAN_DAYS:
        problems.append(Problem("until", f"一次最多登记或删除{MAX_SPAN_DAYS}天，请分段操作"))
    if problems:
        return [], problems
    return [start + timedelta(days=i) for i in range((end - start).days + 1)], []


def _describe(day: date, entry: tuple[str, str]) -> str:
    kind, note = entry
    return f"{day.isoformat()}已登记为{KIND_LABELS[kind]}" + (f"（{note}）" if note else "")


class CalendarService:
    """Read by anyone signed in; `add` and `remove` only by the 安全保密管理员."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # --- reading ------------------------------------------------------------------------------------
    def days(self, year: int | None = None) -> list[CalendarDay]:
        with self.session.transaction() as tx:
            found = read_days(tx)
        return [d for d in found if year is None or d.day.year == year]

    def calendar(self) -> WorkCalendar:
        with self.session.transaction() as tx:
            return stored_calendar(tx)

    @property
    def can_edit(self) -> bool:
        return Role.SECADMIN in self.session.user.roles

    # --- changing -----------------------------------------------------------------------------------
    def add(self, day: date, kind: str, note: str = "", *, until: date | None = None) -> CalendarChange:
        """Registers `day` (through `until`, inclusive) as a holiday or a 调休 working day. Re-adding a
        date of the same kind replaces its note; a date of the other kind is refused."""
        self._require_admin(day)
        note = note.strip()
        days, problems = _span(day, until)
        if kind not in KINDS:
            problems.append(Problem("kind", "类别须为节假日（holiday）或调休上班（workday）"))
        if len(note) > NOTE_MAX:
            problems.append(Problem("note", f"备注不超过{NOTE_MAX}个字"))
        if any(not ch.isprintable() for ch in note):
            problems.append(Problem("note", "备注不能包含换行或控制字符"))
        if kind == WORKDAY:
            problems += [
                Problem(
                    "date",
                    f"{d.isoformat()}是{WEEKDAYS[d.weekday()]}，本就是工作日；调休上班日须为星期六或星期日",
                )
                for d in days
                if d.weekday() < 5
            ]
        if problems:
            raise ValidationError(problems)
        with self.session.transaction() as tx:
            current = _stored(tx)
            other = f"不能同时登记为{KIND_LABELS[kind]}；如需更改，请先删除该日期"
            clashes = [
                Problem("date", f"{_describe(d, current[d])}，{other}")
                for d in days
                if d in current and current[d][0] != kind
            ]
            if clashes:
                raise ValidationError(clashes)
            if all(current.get(d) == (kind, note) for d in days):
                same = _describe(days[0], current[days[0]])
                raise ValidationError([Problem("date", f"{same}，无需重复登记")])
            for d in days:
                current[d] = (kind, note)
            tx.settings.set(CALENDAR_SETTING, dump_calendar(current))
            self._audit(tx, "添加", days, {"类别": KIND_LABELS[kind], "备注": note})
        return CalendarChange("添加", tuple(CalendarDay(d, kind, note) for d in days))

    def remove(self, day: date, *, until: date | None = None) -> CalendarChange:
        """Removes the registered dates from `day` through `until` (inclusive); at least one must exist."""
        self._require_admin(day)
        days, problems = _span(day, until)
        if problems:
            raise ValidationError(problems)
        with self.session.transaction() as tx:
            current = _stored(tx)
            removed = [CalendarDay(d, *current.pop(d)) for d in days if d in current]
            if not removed:
                where = day.isoformat() if len(days) == 1 else f"{day.isoformat()}至{days[-1].isoformat()}"
                raise ValidationError([Problem("date", f"{where}未登记在工作日历中，无可删除的日期")])
            tx.settings.set(CALENDAR_SETTING, dump_calendar(current))
            labels = sorted({d.label for d in removed}, key=list(KIND_LABELS.values()).index)
            self._audit(tx, "删除", [d.day for d in removed], {"类别": "、".join(labels)})
        return CalendarChange("删除", tuple(removed))

    # --- helpers ------------------------------------------------------------------------------------
    def _require_admin(self, day: date) -> None:
        if self.can_edit:
            return
        with refusals_audited(self.session, AUDIT_ACTION, object_type="calendar", object_id=day.isoformat()):
            raise PermissionDenied(REFUSED)

    @staticmethod
    def _audit(tx: Tx, action: str, days: list[date], extra: dict[str, Any]) -> None:
        detail: dict[str, Any] = {"操作": action, "日期": [d.isoformat() for d in days], "天数": len(days)}
        detail.update({k: v for k, v in extra.items() if v})
        tx.audit.append(AUDIT_ACTION, object_type="calendar", object_id=days[0].isoformat(), detail=detail)
