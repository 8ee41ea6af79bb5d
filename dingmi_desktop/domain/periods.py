"""保密期限: the five period forms, their validation (Law 20, Reg 19) and the 解密日.

Date arithmetic (decided here, relied on by marking and the register):
years and months are added calendar-wise from the start date (制发日); when the target month is shorter,
the day is clamped to that month's last day. So 2024-02-29 + 1 year = 2025-02-28, 2024-01-31 + 1 month =
2024-02-29, 2023-01-31 + 1 month = 2023-02-28. The 解密日 is the day the period runs out.
"""

from __future__ import annotations

import calendar as _stdcal
import re
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.errors import Problem, ValidationError

LONG_TERM_TEXT = "长期"

# Period parts of a marking; a condition text must not look like any of these (it would not parse back).
YEARS_RE = re.compile(r"^(\d+)年$")
MONTHS_RE = re.compile(r"^(\d+)个月$")
DATE_RE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")


class PeriodKind(Enum):
    YEARS = "years"
    MONTHS = "months"
    UNTIL = "until"
    CONDITION = "condition"
    LONG_TERM = "long_term"


@dataclass(frozen=True)
class Period:
    """One 保密期限. Only the field of its kind is set; range rules live in validate_period."""

    kind: PeriodKind
    amount: int | None = None  # YEARS / MONTHS
    until: date | None = None  # UNTIL
    condition: str | None = None  # CONDITION

    def __post_init__(self) -> None:
        expected = {
            PeriodKind.YEARS: (True, False, False),
            PeriodKind.MONTHS: (True, False, False),
            PeriodKind.UNTIL: (False, True, False),
            PeriodKind.CONDITION: (False, False, True),
            PeriodKind.LONG_TERM: (False, False, False),
        }[self.kind]
        actual = (self.amount is not None, self.until is not None, self.condition is not None)
        if actual != expected:
            raise ValueError(f"inconsistent Period fields for {self.kind}")
        if self.amount is not None and (isinstance(self.amount, bool) or not isinstance(self.amount, int)):
            raise ValueError("Period amount must be an int")

    @classmethod
    def of_years(cls, n: int) -> Period:
        return cls(PeriodKind.YEARS, amount=n)

    @classmethod
    def of_months(cls, n: int) -> Period:
        return cls(PeriodKind.MONTHS, amount=n)

    @classmethod
    def until_date(cls, d: date) -> Period:
        return cls(PeriodKind.UNTIL, until=d)

    @classmethod
    def on_condition(cls, text: str) -> Period:
        return cls(PeriodKind.CONDITION, condition=text)

    @classmethod
    def long_term(cls) -> Period:
        return cls(PeriodKind.LONG_TERM)

    @property
    def is_fixed(self) -> bool:
        """True when the period has a computable 解密日 (duration or date)."""
        return self.kind in (PeriodKind.YEARS, PeriodKind.MONTHS, PeriodKind.UNTIL)

    def to_json(self) -> dict[str, Any]:
        if self.kind is PeriodKind.UNTIL:
            assert self.until is not None
            return {"until": self.until.isoformat()}
        if self.kind is PeriodKind.CONDITION:
            return {"condition": self.condition}
        if self.kind is PeriodKind.LONG_TERM:
            return {"long_term": True}
        return {self.kind.value: self.amount}

    @classmethod
    def from_json(cls, obj: Any, field: str = "period") -> Period:
        """Parse the interchange form; raises ValidationError naming the malformed part."""

        def bad(message: str) -> ValidationError:
            return ValidationError([Problem(field, message)])

        if not isinstance(obj, dict) or len(obj) != 1:
            raise bad("保密期限格式错误：须且只须包含 years、months、until、condition、long_term 之一")
        ((key, value),) = obj.items()
        if key in ("years", "months"):
            if isinstance(value, bool) or not isinstance(value, int):
                raise bad(f"保密期限格式错误：{key} 须为整数")
            return cls(PeriodKind(key), amount=value)
        if key == "until":
            if not isinstance(value, str):
                raise bad("保密期限格式错误：until 须为 YYYY-MM-DD 格式的日期")
            try:
                return cls.until_date(date.fromisoformat(value))
            except ValueError:
                raise bad(f"保密期限格式错误：解密时间“{value}”不是有效的 YYYY-MM-DD 日期") from None
        if key == "condition":
            if not isinstance(value, str):
                raise bad("保密期限格式错误：condition 须为文字")
            return cls.on_condition(value)
        if key == "long_term":
            if value is not True:
                raise bad("保密期限格式错误：long_term 只能为 true")
            return cls.long_term()
        raise bad(f"保密期限格式错误：未知的键“{key}”")


def add_months(start: date, months: int) -> date:
    """Calendar-wise month addition, clamping the day to the target month's end (see module doc)."""
    index = start.year * 12 + (start.month - 1) + months
    year, month0 = divmod(index, 12)
    last = _stdcal.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(start.day, last))


def add_years(start: date, years: int) -> date:
    return add_months(start, 12 * years)


def declassify_on(period: Period, start_date: date) -> date | None:
    """The 解密日; None for a condition or long-term (a person must confirm those)."""
    if period.kind is PeriodKind.YEARS:
        assert period.amount is not None
        return add_years(start_date, period.amount)
    if period.kind is PeriodKind.MONTHS:
        assert period.amount is not None
        return add_months(start_date, period.amount)
    if period.kind is PeriodKind.UNTIL:
        return period.until
    return None


def is_expired(period: Period, start_date: date, today: date) -> bool:
    """True once a duration or date has run out (automatic 解密); a condition or 长期 never expires."""
    end = declassify_on(period, start_date)
    return end is not None and end <= today


def looks_like_fixed_period(text: str) -> bool:
    """A condition text that would read back as a duration, a date or 长期 (ambiguous marking)."""
    return (
        bool(YEARS_RE.match(text) or MONTHS_RE.match(text) or DATE_RE.match(text)) or text == LONG_TERM_TEXT
    )


def _over_maximum(category: Category) -> str:
    return f"{category.value}级事项保密期限不得超过{category.max_years}年（保密法第二十条）"


def validate_period(
    category: Category,
    period: Period | None,
    start_date: date | None = None,
    *,
    long_term_allowed: bool = False,
    special_rule: str = "",
    field: str = "period",
) -> list[Problem]:
    """Problems of `period` for `category`.

    `long_term_allowed`: the basis item itself prescribes 长期. `special_rule`: the explicit reference to the
    rule that allows exceeding the Law 20 maximum ("除另有规定外"); blank means the maximum applies.
    """
    if not category.is_state_secret:
        if period is not None:
            return [
                Problem(field, f"{category.value}事项不属于国家秘密，不得确定保密期限（保密法第二十二条）")
            ]
        return []
    if period is None:
        return [Problem(field, f"{category.value}级事项须同时确定保密期限（保密法第十九条）")]
    max_years = category.max_years
    assert max_years is not None
    exempt = bool(special_rule.strip())
    kind = period.kind
    if kind is PeriodKind.YEARS:
        assert period.amount is not None
        if period.amount < 1:
            return [Problem(field, "以年计的保密期限须为1年以上的整年数")]
        if period.amount > max_years and not exempt:
            return [Problem(field, _over_maximum(category))]
    elif kind is PeriodKind.MONTHS:
        assert period.amount is not None
        if not 1 <= period.amount <= 11:
            return [Problem(field, "不足1年的保密期限以个月计（1至11个月）；1年以上须以整年计")]
    elif kind is PeriodKind.UNTIL:
        assert period.until is not None
        if start_date is None:
            return [
                Problem(field, "以解密时间表示保密期限时须填写制发日（保密期限自制发日起算，条例第十九条）")
            ]
        if period.until <= start_date:
            return [Problem(field, "解密时间须晚于制发日（保密期限自制发日起算，条例第十九条）")]
        if period.until > add_years(start_date, max_years) and not exempt:
            return [Problem(field, _over_maximum(category))]
    elif kind is PeriodKind.CONDITION:
        text = period.condition or ""
        if not text.strip():
            return [Problem(field, "解密条件不得为空（条例第十九条）")]
        if text != text.strip() or any(ch.isspace() for ch in text) or "★" in text:
            return [Problem(field, "解密条件不得含空白字符或“★”（密级标志不含空格）")]
        if looks_like_fixed_period(text):
            return [Problem(field, "解密条件不得写成期限、日期或“长期”的形式，请改用相应的期限类型")]
    elif not long_term_allowed:
        return [Problem(field, "“长期”仅限定密依据条目本身规定为长期的事项")]
    return []
