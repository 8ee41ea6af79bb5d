"""定密权限 (Law 17, Reg 14): the unit's highest level and each officer's appointment.

Derived classification (派生) copies the level of an already classified source, so neither the unit's nor
the officer's highest level limits it; the officer must still be in term and trained.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.forms import BasisKind


class OfficerKind(Enum):
    STATUTORY = "法定"  # the unit's head
    DESIGNATED = "指定"  # designated by the head, with a highest level and a term


@dataclass(frozen=True)
class UnitAuthority:
    """`highest_level` None: the unit has no original 定密权 (it may only derive)."""

    highest_level: Category | None
    unit_name: str = ""

    def __post_init__(self) -> None:
        if self.highest_level is not None and not self.highest_level.is_state_secret:
            raise ValueError("unit authority must be 绝密, 机密, 秘密 or None")

    def covers(self, level: Category) -> bool:
        if not level.is_state_secret:
            return True
        return self.highest_level is not None and level.rank <= self.highest_level.rank


@dataclass(frozen=True)
class OfficerAppointment:
    user_id: str
    name: str
    kind: OfficerKind
    highest_level: Category
    term_start: date
    term_end: date | None = None  # None: open-ended (a 法定 officer while in office)
    trained_on: date | None = None
    scope: str = ""
    remit: tuple[
        str, ...
    ] = ()  # departments or matters within a 指定 officer's duty (Reg 15); () = whole unit

    def in_term(self, day: date) -> bool:
        return self.term_start <= day and (self.term_end is None or day <= self.term_end)


def officer_refusal(
    appointment: OfficerAppointment | None,
    level: Category,
    today: date,
    *,
    derived: bool = False,
) -> str | None:
    """Why this officer may not approve `level` today, or None when they may."""
    if appointment is None:
        return "只有经任命的定密责任人才能审批定密事项（条例第十四条）"
    if not appointment.in_term(today):
        end = appointment.term_end.isoformat() if appointment.term_end else "—"
        start = appointment.term_start.isoformat()
        return f"定密责任人{appointment.name}的任期（{start}至{end}）不包括{today.isoformat()}"
    if appointment.trained_on is None or appointment.trained_on > today:
        return f"定密责任人{appointment.name}未经定密培训，不得履行定密职责（条例第十四条）"
    if derived or not level.is_state_secret:
        return None
    if level.rank > appointment.highest_level.rank:
        return (
            f"定密责任人{appointment.name}的定密权限最高为{appointment.highest_level.value}级，"
            f"不能批准{level.value}级事项（条例第十四条）"
        )
    return None


def unit_refusal(level: Category, unit: UnitAuthority) -> str:
    if unit.highest_level is None:
        return "本单位无原始定密权，原始定密事项须先采取保密措施并报上级机关确定（保密法第十七条）"
    return (
        f"拟定密级{level.value}超出本单位定密权限（最高{unit.highest_level.value}级），"
        "须先按拟定密级采取保密措施并报上级机关确定（保密法第十七条）"
    )


def needs_superior(category: Category, basis_kind: BasisKind | None, unit: UnitAuthority) -> bool:
    """A non-derived state-secret proposal above the unit's authority goes to 待上级确定."""
    if basis_kind is BasisKind.ABOVE_AUTHORITY:
        return True
    if basis_kind is BasisKind.DERIVED:
        return False
    return category.is_state_secret and not unit.covers(category)
