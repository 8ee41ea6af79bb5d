"""密级标志 text (docs/rules.md §4), parsing, change and compilation."""

from __future__ import annotations

from datetime import date

import pytest

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import DomainError
from dingmi_desktop.domain.marking import (
    DECLASSIFIED,
    MarkingChange,
    changed_marking,
    compilation,
    format_date,
    marking_text,
    parse_marking,
)
from dingmi_desktop.domain.periods import Period

# The examples of docs/rules.md §4, verbatim.
EXAMPLES = [
    ("秘密★1年", Category.CONFIDENTIAL, Period.of_years(1)),
    ("机密★10年", Category.SECRET, Period.of_years(10)),
    ("秘密★6个月", Category.CONFIDENTIAL, Period.of_months(6)),
    ("机密★2030年12月31日", Category.SECRET, Period.until_date(date(2030, 12, 31))),
    ("机密★项目验收后", Category.SECRET, Period.on_condition("项目验收后")),
    ("绝密★长期", Category.TOP_SECRET, Period.long_term()),
]


@pytest.mark.parametrize(("text", "category", "period"), EXAMPLES)
def test_domain_examples_verbatim(text: str, category: Category, period: Period) -> None:
    assert marking_text(category, period) == text
    assert parse_marking(text) == (category, period)


def test_star_is_u2605_without_spaces() -> None:
    text = marking_text(Category.SECRET, Period.of_years(10))
    assert "\u2605" in text and " " not in text


def test_gb9704_date_has_no_leading_zeros() -> None:
    assert format_date(date(2031, 1, 5)) == "2031年1月5日"
    assert marking_text(Category.SECRET, Period.until_date(date(2031, 1, 5))) == "机密★2031年1月5日"


def test_internal_and_non_secret() -> None:
    assert marking_text(Category.INTERNAL, None) == "内部"
    assert marking_text(Category.NON_SECRET, None) == ""
    assert parse_marking("内部") == (Category.INTERNAL, None)
    assert parse_marking("") == (Category.NON_SECRET, None)


def test_internal_never_carries_star_even_if_given_a_period() -> None:
    assert marking_text(Category.INTERNAL, Period.of_years(1)) == "内部"
    with pytest.raises(DomainError, match="不得标注★"):
        parse_marking("内部★1年")


def test_level_without_period_shows_level_alone() -> None:
    assert marking_text(Category.SECRET, None) == "机密"
    assert parse_marking("机密") == (Category.SECRET, None)


@pytest.mark.parametrize(
    "text",
    [
        "绝密★",
        "机密 ★10年",
        "公开★1年",
        "机密★2031年01月05日",
        "机密★2031年2月30日",
        "机密★010年",
        "机密★项目 验收后",
        "解密",
    ],
)
def test_parse_refuses_non_markings(text: str) -> None:
    with pytest.raises(DomainError):
        parse_marking(text)


def test_declassified_text() -> None:
    assert DECLASSIFIED == "解密"


def test_changed_marking_keeps_old_and_new() -> None:
    change = changed_marking("机密★10年", "秘密★5年")
    assert change == MarkingChange(old="机密★10年", new="秘密★5年")
    with pytest.raises(DomainError, match="相同"):
        changed_marking("机密★10年", "机密★10年")


START = date(2026, 1, 1)


def test_compilation_takes_highest_level_and_longest_fixed_period() -> None:
    parts = [
        (Category.CONFIDENTIAL, Period.of_years(8)),
        (Category.SECRET, Period.of_years(5)),
        (Category.NON_SECRET, None),
    ]
    assert compilation(parts, START) == (Category.SECRET, Period.of_years(8))


def test_compilation_compares_date_and_duration_by_declassification_day() -> None:
    later_date = Period.until_date(date(2031, 6, 1))  # after 2026-01-01 + 5 years
    assert compilation([(Category.SECRET, Period.of_years(5)), (Category.SECRET, later_date)], START) == (
        Category.SECRET,
        later_date,
    )
    earlier_date = Period.until_date(date(2030, 6, 1))
    assert compilation([(Category.SECRET, Period.of_years(5)), (Category.SECRET, earlier_date)], START) == (
        Category.SECRET,
        Period.of_years(5),
    )
    assert compilation(
        [(Category.SECRET, Period.of_months(11)), (Category.SECRET, Period.of_years(1))], START
    )[1] == Period.of_years(1)


def test_compilation_condition_beats_fixed_and_long_term_beats_all() -> None:
    cond = Period.on_condition("项目验收后")
    parts = [(Category.SECRET, Period.of_years(20)), (Category.CONFIDENTIAL, cond)]
    assert compilation(parts, START) == (Category.SECRET, cond)
    parts.append((Category.CONFIDENTIAL, Period.long_term()))
    assert compilation(parts, START) == (Category.SECRET, Period.long_term())


def test_compilation_same_condition_merges_different_conditions_refused() -> None:
    cond = Period.on_condition("项目验收后")
    assert compilation([(Category.SECRET, cond), (Category.SECRET, cond)], START) == (Category.SECRET, cond)
    with pytest.raises(DomainError, match="解密条件不同"):
        compilation([(Category.SECRET, cond), (Category.SECRET, Period.on_condition("产品定型后"))], START)


def test_compilation_of_non_state_parts() -> None:
    assert compilation([(Category.NON_SECRET, None), (Category.INTERNAL, None)], START) == (
        Category.INTERNAL,
        None,
    )
    assert compilation([(Category.NON_SECRET, None)], START) == (Category.NON_SECRET, None)
    with pytest.raises(DomainError):
        compilation([], START)
