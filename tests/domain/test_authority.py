"""定密权限 (docs/rules.md §3; Law 17, Reg 14)."""

from __future__ import annotations

from datetime import date

import pytest

from dingmi_desktop.domain.authority import (
    OfficerAppointment,
    OfficerKind,
    UnitAuthority,
    needs_superior,
    officer_refusal,
    unit_refusal,
)
from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.forms import BasisKind

TODAY = date(2026, 11, 28)
UNIT = UnitAuthority(Category.SECRET, "示例单位")


def officer(level: Category = Category.SECRET, **kw: object) -> OfficerAppointment:
    args: dict = {
        "user_id": "wangwu",
        "name": "王五",
        "kind": OfficerKind.DESIGNATED,
        "highest_level": level,
        "term_start": date(2026, 1, 1),
        "term_end": date(2028, 12, 31),
        "trained_on": date(2026, 3, 1),
    }
    args.update(kw)
    return OfficerAppointment(**args)


def test_unit_covers_levels_up_to_its_highest() -> None:
    assert UNIT.covers(Category.SECRET) and UNIT.covers(Category.CONFIDENTIAL)
    assert not UNIT.covers(Category.TOP_SECRET)
    assert UNIT.covers(Category.INTERNAL) and UNIT.covers(Category.NON_SECRET)
    assert not UnitAuthority(None).covers(Category.CONFIDENTIAL)
    with pytest.raises(ValueError):
        UnitAuthority(Category.INTERNAL)


def test_officer_within_level_term_and_trained_may_approve() -> None:
    assert officer_refusal(officer(), Category.SECRET, TODAY) is None
    assert officer_refusal(officer(), Category.CONFIDENTIAL, TODAY) is None
    assert UNIT.covers(Category.SECRET)


def test_officer_above_own_level_refused() -> None:
    reason = officer_refusal(officer(Category.CONFIDENTIAL), Category.SECRET, TODAY)
    assert reason and "最高为秘密级" in reason and "不能批准机密级" in reason


def test_officer_outside_term_refused() -> None:
    assert "任期" in (officer_refusal(officer(term_start=date(2027, 1, 1)), Category.SECRET, TODAY) or "")
    assert "任期" in (officer_refusal(officer(term_end=date(2026, 11, 27)), Category.SECRET, TODAY) or "")
    # Boundary days are inside the term; open-ended term is fine.
    assert officer_refusal(officer(term_end=TODAY), Category.SECRET, TODAY) is None
    assert officer_refusal(officer(term_start=TODAY, term_end=None), Category.SECRET, TODAY) is None


def test_untrained_officer_refused() -> None:
    assert "培训" in (officer_refusal(officer(trained_on=None), Category.SECRET, TODAY) or "")
    assert "培训" in (officer_refusal(officer(trained_on=date(2026, 12, 1)), Category.SECRET, TODAY) or "")


def test_no_appointment_refused() -> None:
    assert "定密责任人" in (officer_refusal(None, Category.CONFIDENTIAL, TODAY) or "")


def test_unit_authority_refusal_and_derived_exemption() -> None:
    statutory = officer(Category.SECRET, kind=OfficerKind.STATUTORY)
    assert "超出本单位定密权限" in unit_refusal(Category.TOP_SECRET, UNIT)
    assert "无原始定密权" in unit_refusal(Category.CONFIDENTIAL, UnitAuthority(None))
    # A derived decision is not bounded by the officer's level, but still needs a trained officer in term.
    assert officer_refusal(statutory, Category.TOP_SECRET, TODAY, derived=True) is None
    assert "培训" in (officer_refusal(officer(trained_on=None), Category.SECRET, TODAY, derived=True) or "")


def test_non_state_decisions_need_only_a_valid_officer() -> None:
    assert officer_refusal(officer(Category.CONFIDENTIAL), Category.INTERNAL, TODAY) is None
    assert officer_refusal(officer(trained_on=None), Category.NON_SECRET, TODAY) is not None


def test_needs_superior() -> None:
    assert needs_superior(Category.TOP_SECRET, BasisKind.DEFINITE, UNIT)
    assert not needs_superior(Category.SECRET, BasisKind.DEFINITE, UNIT)
    assert not needs_superior(Category.TOP_SECRET, BasisKind.DERIVED, UNIT)
    assert needs_superior(Category.CONFIDENTIAL, BasisKind.ABOVE_AUTHORITY, UNIT)
    assert needs_superior(Category.CONFIDENTIAL, None, UnitAuthority(None))
    assert not needs_superior(Category.INTERNAL, BasisKind.DEFINITE, UnitAuthority(None))
