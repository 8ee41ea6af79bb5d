"""保密期限 rules (docs/rules.md §4; Law 20, Reg 19)."""

from __future__ import annotations

from datetime import date

import pytest

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import ValidationError
from dingmi_desktop.domain.periods import Period, PeriodKind, add_months, declassify_on, validate_period

START = date(2026, 11, 28)
LEVELS = [(Category.TOP_SECRET, 30), (Category.SECRET, 20), (Category.CONFIDENTIAL, 10)]


@pytest.mark.parametrize(("category", "maximum"), LEVELS)
def test_maximum_boundary_in_years(category: Category, maximum: int) -> None:
    assert validate_period(category, Period.of_years(maximum)) == []
    problems = validate_period(category, Period.of_years(maximum + 1))
    assert [p.message for p in problems] == [
        f"{category.value}级事项保密期限不得超过{maximum}年（保密法第二十条）"
    ]


def test_exact_message_for_secret_over_twenty() -> None:
    (problem,) = validate_period(Category.SECRET, Period.of_years(21))
    assert problem.field == "period"
    assert problem.message == "机密级事项保密期限不得超过20年（保密法第二十条）"


@pytest.mark.parametrize(("category", "maximum"), LEVELS)
def test_maximum_boundary_for_until_date(category: Category, maximum: int) -> None:
    last = date(START.year + maximum, START.month, START.day)
    assert validate_period(category, Period.until_date(last), START) == []
    over = validate_period(category, Period.until_date(date(last.year, last.month, last.day + 1)), START)
    assert "保密法第二十条" in over[0].message


def test_special_rule_allows_exceeding_maximum() -> None:
    period = Period.of_years(25)
    assert validate_period(Category.SECRET, period, special_rule="某专项规定第5条") == []
    assert validate_period(Category.SECRET, period, special_rule="  ") != []


def test_months_must_be_under_twelve() -> None:
    assert validate_period(Category.CONFIDENTIAL, Period.of_months(6)) == []
    assert validate_period(Category.CONFIDENTIAL, Period.of_months(11)) == []
    (problem,) = validate_period(Category.CONFIDENTIAL, Period.of_months(12))
    assert "须以整年计" in problem.message
    assert validate_period(Category.CONFIDENTIAL, Period.of_months(0)) != []


def test_years_must_be_positive() -> None:
    assert validate_period(Category.CONFIDENTIAL, Period.of_years(1)) == []
    assert validate_period(Category.CONFIDENTIAL, Period.of_years(0)) != []
    assert validate_period(Category.CONFIDENTIAL, Period.of_years(-3)) != []


@pytest.mark.parametrize("category", [Category.INTERNAL, Category.NON_SECRET])
def test_period_refused_on_non_state_categories(category: Category) -> None:
    assert validate_period(category, None) == []
    (problem,) = validate_period(category, Period.of_years(1))
    assert "不属于国家秘密" in problem.message and category.value in problem.message


def test_state_secret_requires_period() -> None:
    (problem,) = validate_period(Category.SECRET, None)
    assert "须同时确定保密期限" in problem.message


def test_until_date_after_start() -> None:
    assert validate_period(Category.SECRET, Period.until_date(date(2026, 11, 29)), START) == []
    for bad in (START, date(2026, 1, 1)):
        (problem,) = validate_period(Category.SECRET, Period.until_date(bad), START)
        assert "晚于制发日" in problem.message


def test_until_date_needs_start_date() -> None:
    (problem,) = validate_period(Category.SECRET, Period.until_date(date(2030, 12, 31)))
    assert "制发日" in problem.message


def test_condition_rules() -> None:
    assert validate_period(Category.SECRET, Period.on_condition("项目验收后")) == []
    for text in ("", "  ", "项目 验收后", "验收★后", "10年", "6个月", "2030年12月31日", "长期", " 验收后"):
        assert validate_period(Category.SECRET, Period.on_condition(text)) != [], text


def test_long_term_only_when_basis_says_so() -> None:
    assert validate_period(Category.TOP_SECRET, Period.long_term(), long_term_allowed=True) == []
    (problem,) = validate_period(Category.TOP_SECRET, Period.long_term())
    assert "长期" in problem.message


@pytest.mark.parametrize(
    ("start", "period", "expected"),
    [
        (date(2026, 11, 28), Period.of_years(10), date(2036, 11, 28)),
        (date(2024, 2, 29), Period.of_years(1), date(2025, 2, 28)),
        (date(2024, 2, 29), Period.of_years(4), date(2028, 2, 29)),
        (date(2024, 1, 31), Period.of_months(1), date(2024, 2, 29)),
        (date(2023, 1, 31), Period.of_months(1), date(2023, 2, 28)),
        (date(2026, 8, 31), Period.of_months(6), date(2027, 2, 28)),
        (date(2026, 12, 15), Period.of_months(1), date(2027, 1, 15)),
        (date(2026, 1, 1), Period.until_date(date(2030, 12, 31)), date(2030, 12, 31)),
    ],
)
def test_declassify_on(start: date, period: Period, expected: date) -> None:
    assert declassify_on(period, start) == expected


def test_declassify_on_none_for_condition_and_long_term() -> None:
    assert declassify_on(Period.on_condition("项目验收后"), START) is None
    assert declassify_on(Period.long_term(), START) is None


def test_add_months_negative_and_year_wrap() -> None:
    assert add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)


@pytest.mark.parametrize(
    "period",
    [
        Period.of_years(10),
        Period.of_months(6),
        Period.until_date(date(2030, 12, 31)),
        Period.on_condition("项目验收后"),
        Period.long_term(),
    ],
)
def test_json_round_trip(period: Period) -> None:
    assert Period.from_json(period.to_json()) == period


@pytest.mark.parametrize(
    "obj",
    [
        {},
        {"years": 1, "months": 2},
        {"years": "10"},
        {"years": True},
        {"until": "2030-13-01"},
        {"until": 20301231},
        {"condition": 5},
        {"long_term": False},
        {"decades": 1},
        [10],
        "10年",
    ],
)
def test_from_json_refuses_malformed(obj: object) -> None:
    with pytest.raises(ValidationError) as info:
        Period.from_json(obj)
    assert info.value.problems[0].field == "period"
    assert "保密期限格式错误" in info.value.problems[0].message


def test_inconsistent_period_construction_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        Period(PeriodKind.YEARS)
    with pytest.raises(ValueError):
        Period(PeriodKind.LONG_TERM, amount=3)
    with pytest.raises(ValueError):
        Period(PeriodKind.YEARS, amount=True)


def test_is_expired() -> None:
    from dingmi_desktop.domain.periods import is_expired

    period = Period.of_years(1)
    assert not is_expired(period, date(2025, 11, 28), date(2026, 11, 27))
    assert is_expired(period, date(2025, 11, 28), date(2026, 11, 28))
    assert not is_expired(Period.on_condition("项目验收后"), date(2000, 1, 1), date(2100, 1, 1))
    assert not is_expired(Period.long_term(), date(2000, 1, 1), date(2100, 1, 1))
