"""What an approval carries: the officer's corrections, bound to the content hash of the exact form.

Storage keeps the drafter's form (hash H) and the approval (H, corrections). The decided values are
apply_corrections(form, approval.corrections); any edit of the form changes H and voids the approval.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from dingmi_desktop.domain.categories import Category
from dingmi_desktop.domain.forms import Form
from dingmi_desktop.domain.periods import Period


@dataclass(frozen=True)
class Corrections:
    """Values the officer changes on approval; None keeps the proposed value. A correction to a
    non-state category drops the period (内部/非密 take none)."""

    category: Category | None = None
    period: Period | None = None
    scope: str | None = None

    @property
    def is_empty(self) -> bool:
        return self.category is None and self.period is None and self.scope is None


def apply_corrections(form: Form, corrections: Corrections | None) -> Form:
    if corrections is None or corrections.is_empty:
        return form
    category = corrections.category or form.category
    period = corrections.period if corrections.period is not None else form.period
    if not category.is_state_secret:
        period = None
    scope = corrections.scope if corrections.scope is not None else form.scope
    return dataclasses.replace(form, category=category, period=period, scope=scope)
