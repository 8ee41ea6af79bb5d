"""Password policy (docs/rules.md §9): numbers set by the 安全保密管理员, stored in the encrypted database,
and the checks every new password passes: length, character classes (汉字 are a class of their own), not the
user's or the unit's name, and not made only of guessable parts (security/password_patterns.py)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from dingmi_desktop.security.password_patterns import MIN_UNGUESSABLE, guessable_parts, normalise


@dataclass(frozen=True)
class PolicyNumber:
    """One number of the policy declared once: its field, Chinese name, unit and allowed range."""

    field: str
    name: str
    low: int
    high: int
    unit: str = ""

    def problem(self, value: int) -> str:
        if self.low <= value <= self.high:
            return ""
        return f"{self.name}须在 {self.low} 到 {self.high}{self.unit}之间（现为 {value}）"


# Who changes them (安全保密管理员, with a second 三员 co-signing) and their audit wording (修改安全策略) are
# those of AccountService.set_policy; the lockout numbers are mirrored into the slot file.
POLICY_NUMBERS: tuple[PolicyNumber, ...] = (
    PolicyNumber("min_length", "最小长度", 6, 128, " 位"),
    PolicyNumber("require_classes", "字符类别数", 1, 4, " 类"),
    PolicyNumber("max_age_days", "最长使用期限", 0, 3650, " 天"),  # 0 = never expires
    PolicyNumber("lock_after_failures", "锁定前允许的失败次数", 1, 100, " 次"),
    PolicyNumber("lock_minutes", "锁定时长", 1, 1440, " 分钟"),
    PolicyNumber("idle_lock_minutes", "空闲锁定时间", 1, 240, " 分钟"),
)


@dataclass(frozen=True)
class PasswordPolicy:
    min_length: int = 10
    require_classes: int = 3  # of: lower, upper, digit, symbol, Chinese character
    max_age_days: int = 90  # 0 = never expires
    lock_after_failures: int = 5
    lock_minutes: int = 10
    idle_lock_minutes: int = 10

    def problems(self) -> list[str]:
        found = (number.problem(getattr(self, number.field)) for number in POLICY_NUMBERS)
        return [problem for problem in found if problem]

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
