"""Collects every problem while reading interchange JSON, so one ValidationError reports them all."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import Enum
from typing import Any, TypeVar

from dingmi_desktop.domain.errors import Problem, ValidationError
from dingmi_desktop.domain.periods import Period

E = TypeVar("E", bound=Enum)


class FieldReader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, field: str, message: str) -> None:
        self.problems.append(Problem(field, message))

    def unknown_keys(self, obj: dict[str, Any], allowed: frozenset[str], prefix: str) -> None:
        for key in sorted(set(obj) - allowed, key=str):
            self.fail(prefix + str(key), f"未知的键“{prefix}{key}”（交换格式第1版不允许未定义的键）")

    def text(self, obj: dict[str, Any], key: str, prefix: str = "") -> str:
        value = obj.get(key, "")
        if value is None:
            return ""
        if not isinstance(value, str):
            self.fail(prefix + key, f"{prefix}{key} 须为文字")
            return ""
        return value

    def enum(self, cls: type[E], value: Any, field: str, label: str) -> E | None:
        for member in cls:
            if member.value == value:
                return member
        allowed = "、".join(str(m.value) for m in cls)
        self.fail(field, f"未知的{label}“{value}”（可选：{allowed}）")
        return None

    def day(self, value: Any, field: str) -> date | None:
        if value is None:
            return None
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        self.fail(field, f"“{value}”不是有效的 YYYY-MM-DD 日期")
        return None

    def period(self, value: Any, field: str) -> Period | None:
        if value is None:
            return None
        try:
            return Period.from_json(value, field)
        except ValidationError as exc:
            self.problems += exc.problems
            return None

    def optional(self, obj: dict[str, Any], key: str, parse: Callable[[Any], Any]) -> Any:
        value = obj.get(key)
        return None if value in (None, "") else parse(value)
