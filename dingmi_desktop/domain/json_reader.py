"""Collects every problem while reading interchange JSON, so one ValidationError reports them all.

Every value is held to domain/limits.py: text length and characters per field, dates within the supported
range in strict YYYY-MM-DD, integers within range. Values echoed in a message pass through `shown`, so a
hostile value cannot flood or garble the terminal.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from enum import Enum
from typing import Any, TypeVar

from dingmi_desktop.domain import limits
from dingmi_desktop.domain.errors import Problem, ValidationError
from dingmi_desktop.domain.periods import Period

E = TypeVar("E", bound=Enum)

ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
SHOWN_CHARS = 40  # characters of a value echoed in a message
MAX_UNKNOWN_KEYS_SHOWN = 10
PERIOD_KEYS = ("years", "months", "until", "condition", "long_term")


def _char_problem(ch: str, multiline: bool) -> str | None:
    """Why `ch` may not appear in a text field, or None when it may."""
    if multiline and ch in "\n\t":
        return None
    code = f"U+{ord(ch):04X}"
    kind = unicodedata.category(ch)
    if kind == "Cs":
        return f"无效的 Unicode 代理字符 {code}（文件可能已损坏或被改动）"
    if ch in BIDI_CONTROLS:
        return f"文字方向控制字符 {code}（可使显示的文字与实际内容不符）"
    if ch in "\n\r\t" and not multiline:
        return f"换行或制表符 {code}（此项只能写成一行）"
    if kind == "Cc":
        return f"控制字符 {code}" + ("（长文字中只允许换行符和制表符）" if multiline else "")
    if kind == "Cf":
        return f"不可见的格式字符 {code}"
    if kind in ("Zl", "Zp"):
        return f"行或段落分隔符 {code}" + ("（换行请用普通换行符）" if multiline else "")
    return None


def text_problem(text: str, field: str) -> str | None:
    """The first reason `text` is not acceptable for `field` (length, then characters), or None."""
    limit = limits.text_limit(field)
    if len(text) > limit:
        return f"长度为 {len(text)} 个字符，超过上限 {limit} 个字符，请精简后重试"
    multiline = field in limits.MULTILINE_FIELDS
    for index, ch in enumerate(text, start=1):
        why = _char_problem(ch, multiline)
        if why is not None:
            return f"第 {index} 个字符是{why}，不允许出现；请删除该字符后重试"
    return None


def shown(value: Any) -> str:
    """`value` safe to print in one line of a message: escaped invisible characters, at most 40 characters."""
    if isinstance(value, str):
        text = value
    elif value is None or isinstance(value, bool):
        text = "null" if value is None else str(value).lower()
    elif isinstance(value, int | float):
        text = str(value) if abs(value) < 10**18 else "（位数过多的数字）"
    else:
        return (
            "（对象）" if isinstance(value, dict) else "（列表）" if isinstance(value, list) else "（其他值）"
        )
    out = []
    for ch in text[:SHOWN_CHARS]:
        out.append(ch if _char_problem(ch, False) is None else f"\\u{ord(ch):04x}")
    more = f"…（共 {len(text)} 个字符）" if len(text) > SHOWN_CHARS else ""
    return "".join(out) + more


def parse_day(value: Any) -> date | str:
    """A strict YYYY-MM-DD date within the supported range, or the Chinese reason it is not one."""
    if not isinstance(value, str) or not ISO_DAY.fullmatch(value):
        return f"“{shown(value)}”不是 YYYY-MM-DD 格式的日期"
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return f"日期“{value}”不存在（该月没有这一天）"
    if not limits.MIN_DATE <= day <= limits.MAX_DATE:
        low, high = limits.MIN_DATE.isoformat(), limits.MAX_DATE.isoformat()
        return f"日期 {value} 超出支持的范围（{low} 至 {high}），请检查年份"
    return day


class FieldReader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, field: str, message: str) -> None:
        self.problems.append(Problem(field, message))

    def unknown_keys(self, obj: dict[str, Any], allowed: frozenset[str], prefix: str) -> None:
        unknown = sorted(set(obj) - allowed, key=str)
        for key in unknown[:MAX_UNKNOWN_KEYS_SHOWN]:
            name = prefix + shown(key)
            self.fail(name, f"未知的键“{name}”（交换格式第1版不允许未定义的键）")
        if len(unknown) > MAX_UNKNOWN_KEYS_SHOWN:
            rest = len(unknown) - MAX_UNKNOWN_KEYS_SHOWN
            self.fail(prefix or "form", f"另有 {rest} 个未知的键（交换格式第1版不允许未定义的键）")

    def clean(self, value: str, field: str) -> str:
        """`value` when its length and characters are acceptable for `field`; else a problem and ""."""
        why = text_problem(value, field)
        if why is None:
            return value
        self.fail(field, why)
        return ""

    def text(self, obj: dict[str, Any], key: str, prefix: str = "") -> str:
        value = obj.get(key, "")
        if value is None:
            return ""
        if not isinstance(value, str):
            self.fail(prefix + key, f"{prefix}{key} 须为文字")
            return ""
        return self.clean(value, prefix + key)

    def enum(self, cls: type[E], value: Any, field: str, label: str) -> E | None:
        for member in cls:
            if type(member.value) is type(value) and member.value == value:
                return member
        allowed = "、".join(str(m.value) for m in cls)
        self.fail(field, f"未知的{label}“{shown(value)}”（可选：{allowed}）")
        return None

    def day(self, value: Any, field: str) -> date | None:
        if value is None:
            return None
        day = parse_day(value)
        if isinstance(day, str):
            self.fail(field, day)
            return None
        return day

    def integer(self, value: Any, field: str, label: str, low: int, high: int) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(field, f"{label}须为整数")
            return None
        if not low <= value <= high:
            self.fail(field, f"{label}须在 {low} 至 {high} 之间（现为 {shown(value)}）")
            return None
        return value

    def period(self, value: Any, field: str) -> Period | None:
        if value is None:
            return None
        if isinstance(value, dict) and len(value) == 1:
            ((key, inner),) = value.items()
            why = self._period_value(key, inner, field)
            if why is not None:
                self.fail(field, f"保密期限格式错误：{why}")
                return None
        try:
            return Period.from_json(value, field)
        except ValidationError as exc:
            self.problems += exc.problems
            return None

    def _period_value(self, key: Any, inner: Any, field: str) -> str | None:
        """Checks Period.from_json does not make: known key, range, date range, condition text."""
        if key not in PERIOD_KEYS:
            return f"未知的键“{shown(key)}”（可选：{'、'.join(PERIOD_KEYS)}）"
        number = isinstance(inner, int) and not isinstance(inner, bool)
        if key == "years" and number and inner > limits.MAX_PERIOD_YEARS:
            return f"{shown(inner)} 年超过上限 {limits.MAX_PERIOD_YEARS} 年；更长的期限请用“长期”"
        if key == "months" and number and not 0 <= inner <= 12 * limits.MAX_PERIOD_YEARS:
            return f"{shown(inner)} 个月超出范围（1至11个月）"
        if key == "until" and isinstance(inner, str):
            day = parse_day(inner)
            return f"解密时间有误，{day}" if isinstance(day, str) else None
        if key == "condition" and isinstance(inner, str):
            why = text_problem(inner, field + ".condition")
            return None if why is None else f"解密条件{why}"
        return None

    def optional(self, obj: dict[str, Any], key: str, parse: Callable[[Any], Any]) -> Any:
        value = obj.get(key)
        return None if value in (None, "") else parse(value)
