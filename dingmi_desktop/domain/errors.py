"""Domain errors: every message is Simplified Chinese and names the rule that was broken."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One validation finding. `field` is the interchange-JSON key path (e.g. "period", "basis.reference")."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}：{self.message}"


class DomainError(Exception):
    """Base of every domain refusal; `message` is shown to the user as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(DomainError):
    """Carries ALL problems found, so the user can fix everything in one pass."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("；".join(str(p) for p in self.problems) or "数据校验未通过")


class TransitionRefused(DomainError):
    """A workflow action is not allowed now; the message says why."""


class AuthorityRefused(DomainError):
    """An officer or unit lacks the 定密权限 for a level (Law 17, Reg 14)."""
