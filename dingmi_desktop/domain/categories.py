"""密级 and the other categories a clerk can propose (docs/rules.md §2, §4)."""

from __future__ import annotations

from enum import Enum


class Category(Enum):
    """What a form proposes. Values are the exact Chinese names used in JSON and on paper."""

    TOP_SECRET = "绝密"
    SECRET = "机密"
    CONFIDENTIAL = "秘密"
    INTERNAL = "内部"  # 工作秘密 (Law 64): never a ★
    NON_SECRET = "非密"

    @property
    def is_state_secret(self) -> bool:
        return self in STATE_SECRET_LEVELS

    @property
    def rank(self) -> int:
        """Higher is more secret; non-state categories rank below every state-secret level."""
        return _RANK[self]

    @property
    def max_years(self) -> int | None:
        """Statutory maximum period (Law 20), None for categories that take no period."""
        return _MAX_YEARS.get(self)

    @classmethod
    def parse(cls, text: str) -> Category:
        for member in cls:
            if member.value == text:
                return member
        raise ValueError(text)


# The state-secret levels, highest first: the one order of 密级 (authority checks compare indexes).
LEVELS: tuple[Category, ...] = (Category.TOP_SECRET, Category.SECRET, Category.CONFIDENTIAL)
LEVEL_NAMES: tuple[str, ...] = tuple(level.value for level in LEVELS)
# Every category, highest first (filters and lists).
CATEGORY_ORDER: tuple[Category, ...] = (*LEVELS, Category.INTERNAL, Category.NON_SECRET)
STATE_SECRET_LEVELS = frozenset(LEVELS)

_RANK = {
    Category.NON_SECRET: 0,
    Category.INTERNAL: 1,
    Category.CONFIDENTIAL: 2,
    Category.SECRET: 3,
    Category.TOP_SECRET: 4,
}

_MAX_YEARS = {
    Category.TOP_SECRET: 30,
    Category.SECRET: 20,
    Category.CONFIDENTIAL: 10,
}
