"""Password policy (DOMAIN.md §9): numbers set by the 安全保密管理员, stored in the encrypted database."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class PasswordPolicy:
    min_length: int = 10
    require_classes: int = 3  # of: lower, upper, digit, other
    max_age_days: int = 90  # 0 = never expires
    lock_after_failures: int = 5
    lock_minutes: int = 10
    idle_lock_minutes: int = 10

    def problems(self) -> list[str]:
        out: list[str] = []
        if not 6 <= self.min_length <= 128:
            out.append("最小长度须在 6 到 128 之间")
        if not 1 <= self.require_classes <= 4:
            out.append("字符类别数须在 1 到 4 之间")
        if self.max_age_days < 0:
            out.append("最长使用期限不能为负数")
        if not 1 <= self.lock_after_failures <= 100:
            out.append("锁定前允许的失败次数须在 1 到 100 之间")
        if not 1 <= self.lock_minutes <= 1440:
            out.append("锁定时长须在 1 到 1440 分钟之间")
        if not 1 <= self.idle_lock_minutes <= 240:
            out.append("空闲锁定时间须在 1 到 240 分钟之间")
        return out

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> PasswordPolicy:
        return cls(**{key: int(obj[key]) for key in cls.__dataclass_fields__})


def character_classes(password: str) -> int:
    kinds = [
        any(c.islower() for c in password),
        any(c.isupper() for c in password),
        any(c.isdigit() for c in password),
        any(not c.isalnum() for c in password),
    ]
    return sum(kinds)


def check_password(policy: PasswordPolicy, password: str, *, username: str = "") -> list[str]:
    """Chinese problems, empty when the password satisfies the policy."""
    problems: list[str] = []
    if len(password) < policy.min_length:
        problems.append(f"长度至少 {policy.min_length} 位")
    if character_classes(password) < policy.require_classes:
        problems.append(f"须包含小写字母、大写字母、数字、符号中的至少 {policy.require_classes} 类")
    if username and username.lower() in password.lower():
        problems.append("不得包含用户名")
    return problems
