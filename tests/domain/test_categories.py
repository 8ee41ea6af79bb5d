"""Categories and their order (docs/rules.md §2; Law 14, 20, 64)."""

from __future__ import annotations

import pytest

from dingmi_desktop.domain.categories import STATE_SECRET_LEVELS, Category
from dingmi_desktop.domain.forms import Basis, BasisKind, validate_form
from tests.domain.builders import valid_form


def test_three_state_secret_levels_in_order() -> None:
    assert {c.value for c in STATE_SECRET_LEVELS} == {"绝密", "机密", "秘密"}
    assert Category.TOP_SECRET.rank > Category.SECRET.rank > Category.CONFIDENTIAL.rank
    assert Category.CONFIDENTIAL.rank > Category.INTERNAL.rank > Category.NON_SECRET.rank
    assert not Category.INTERNAL.is_state_secret and not Category.NON_SECRET.is_state_secret


def test_maxima() -> None:
    assert [Category.TOP_SECRET.max_years, Category.SECRET.max_years, Category.CONFIDENTIAL.max_years] == [
        30,
        20,
        10,
    ]
    assert Category.INTERNAL.max_years is None and Category.NON_SECRET.max_years is None


def test_parse() -> None:
    assert Category.parse("机密") is Category.SECRET
    assert Category.parse("内部") is Category.INTERNAL
    for bad in ("不明事项", "机密级", "", "secret"):
        with pytest.raises(ValueError):
            Category.parse(bad)


@pytest.mark.parametrize("kind", [BasisKind.UNCLEAR, BasisKind.DISPUTED])
def test_unclear_and_disputed_carry_a_state_secret_level(kind: BasisKind) -> None:
    # 不明事项: provisional level; 有争议事项: highest level claimed (Reg 26) — both must be a real level.
    assert validate_form(valid_form(basis=Basis(kind, "", "说明"))) == []
    non_state = valid_form(category=Category.INTERNAL, period=None, basis=Basis(kind))
    assert [p.field for p in validate_form(non_state)] == ["basis.kind"]
