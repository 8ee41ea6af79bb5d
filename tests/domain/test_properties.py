"""Property-based checks of the period, marking and interchange rules (hypothesis)."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from dingmi_desktop.domain.categories import STATE_SECRET_LEVELS, Category
from dingmi_desktop.domain.errors import ValidationError
from dingmi_desktop.domain.forms import content_hash, form_from_json, form_to_json, validate_form
from dingmi_desktop.domain.marking import STAR, marking_text, parse_marking
from dingmi_desktop.domain.periods import Period, add_years, declassify_on, validate_period
from tests.domain.builders import valid_form

FAST = settings(max_examples=200, deadline=None)
levels = st.sampled_from(sorted(STATE_SECRET_LEVELS, key=lambda c: c.rank))
dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2080, 12, 31))
condition_text = st.text(
    alphabet=st.sampled_from("项目验收后产品定型发布0123456789年月日个长期 ★"), min_size=0, max_size=12
)
periods = st.one_of(
    st.integers(-2, 40).map(Period.of_years),
    st.integers(-2, 14).map(Period.of_months),
    dates.map(Period.until_date),
    condition_text.map(Period.on_condition),
    st.just(Period.long_term()),
)


@FAST
@given(levels, periods, dates)
def test_every_valid_period_marking_parses_back(category: Category, period: Period, start: date) -> None:
    assume(validate_period(category, period, start, long_term_allowed=True) == [])
    text = marking_text(category, period)
    assert text.startswith(category.value + STAR)
    assert parse_marking(text) == (category, period)


@FAST
@given(st.sampled_from([Category.INTERNAL, Category.NON_SECRET]), st.one_of(st.none(), periods))
def test_non_state_category_never_carries_a_star(category: Category, period: Period | None) -> None:
    assert STAR not in marking_text(category, period)
    if period is not None:
        assert validate_period(category, period) != []


@FAST
@given(levels, periods, dates)
def test_declassification_day_never_before_start(category: Category, period: Period, start: date) -> None:
    assume(validate_period(category, period, start, long_term_allowed=True) == [])
    end = declassify_on(period, start)
    if period.is_fixed:
        assert end is not None and end > start
    else:
        assert end is None


@FAST
@given(levels, st.integers(-5, 45))
def test_years_valid_exactly_up_to_the_maximum(category: Category, years: int) -> None:
    ok = validate_period(category, Period.of_years(years)) == []
    assert ok == (1 <= years <= (category.max_years or 0))


@FAST
@given(levels, dates, st.integers(0, 40 * 366))
def test_until_date_valid_exactly_up_to_the_maximum(category: Category, start: date, days: int) -> None:
    until = start + timedelta(days=days)
    ok = validate_period(category, Period.until_date(until), start) == []
    assert ok == (start < until <= add_years(start, category.max_years or 0))


names = st.text(alphabet=st.sampled_from("张王李赵钱孙"), min_size=1, max_size=3)


@FAST
@given(
    # Invisible and control characters are refused by the reader (domain/limits.py), not by validate_form.
    title=st.text(st.characters(exclude_categories=("Cc", "Cf", "Cs", "Zl", "Zp")), max_size=10),
    category=st.sampled_from(list(Category)),
    period=st.one_of(st.none(), periods),
    knowers=st.lists(names, max_size=4, unique=True).map(tuple),
    copies=st.one_of(st.none(), st.integers(-1, 50)),
)
def test_valid_forms_round_trip_through_json(
    title: str, category: Category, period: Period | None, knowers: tuple[str, ...], copies: int | None
) -> None:
    form = valid_form(title=title, category=category, period=period, knowers=knowers, copies=copies)
    if category.is_state_secret is False:
        form = dataclasses.replace(form, publicity=None)
    data = form_to_json(form)
    problems = validate_form(form)
    if problems:
        with pytest.raises(ValidationError) as info:
            form_from_json(data)
        assert {p.field for p in problems} <= {p.field for p in info.value.problems}
    else:
        assert form_from_json(data) == form
        reordered = dict(reversed(list(data.items())))
        assert content_hash(form_from_json(reordered)) == content_hash(form)
