"""Password policy (DOMAIN.md §9): numbers set by the 安全保密管理员, stored in the encrypted database, and
the checks every new password passes: length, character classes (汉字 are a class of their own), not the
user's or the unit's name, and not made only of guessable parts (security/password_patterns.py)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from dingmi_desktop.security.password_patterns import MIN_UNGUESSABLE, guessable_parts, normalise


@dataclass(frozen=True)
class PasswordPolicy:
    min_length: int = 10
    require_classes: int = 3  # of: lower, upper, digit, symbol, Chinese character
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


def is_chinese(ch: str) -> bool:
    """A CJK ideograph (basic block, extension A, compatibility, extensions B and later)."""
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3134F
    )


def character_classes(password: str) -> int:
    """Classes present of: lower case, upper case, digit, symbol, Chinese character (汉字)."""
    kinds = [
        any(c.islower() for c in password),
        any(c.isupper() for c in password),
        any(c.isdigit() for c in password),
        any(not c.isalnum() for c in password),
        any(is_chinese(c) for c in password),
    ]
    return sum(kinds)


def _contains(password: str, name: str) -> bool:
    name = normalise(name.strip())
    return bool(name) and name in normalise(password)


def check_password(
    policy: PasswordPolicy, password: str, *, username: str = "", unit_name: str = ""
) -> list[str]:
    """Chinese problems, each saying why and how to fix; empty when the password satisfies the policy."""
    problems: list[str] = []
    if len(password) < policy.min_length:
        problems.append(f"长度至少 {policy.min_length} 位（现为 {len(password)} 位），请加长")
    classes = character_classes(password)
    if classes < policy.require_classes:
        problems.append(
            f"须包含小写字母、大写字母、数字、符号、汉字中的至少 {policy.require_classes} 类"
            f"（现有 {classes} 类），请加入其他类别的字符"
        )
    if _contains(password, username):
        problems.append(f"不得包含用户名，请去掉其中的“{username}”")
    if _contains(password, unit_name):
        problems.append(f"不得包含单位名称，请去掉其中的“{unit_name.strip()}”")
    parts, rest = guessable_parts(password)
    if parts and rest < MIN_UNGUESSABLE:
        problems.append(
            f"过于常见或有规律，容易被猜到：由{'、'.join(parts[:3])}{'等' if len(parts) > 3 else ''}组成，"
            f"去掉这些后只剩 {rest} 个字符；请改用几个不相关的词语、汉字或随机字符的组合，"
            f"并加入至少 {MIN_UNGUESSABLE} 个没有规律的字符"
        )
    return problems
